"""Files that are not UTF-8: the legacy encoding is detected when the file is long enough to tell."""

import pytest

from monitoring.ingest.parsers import decode_bytes
from monitoring.ingest.parsers.decoding import DETECT_MIN_BYTES

# Invented news text, one article a language; repeated with numbered paragraphs past the detection threshold.
TEXTS = {
    "shift_jis": "穀物価格をめぐる協議は月曜日の夜、首都で決裂した。副大臣は記者団に対し、六月に交渉の席に戻ると述べた。"
    "農家は三か月間決定を待っており、さらなる価格下落を恐れている。",
    "gbk": "粮食价格谈判周一晚间在首都破裂。副部长对记者表示，六月将重返谈判桌。农民已经等待决定三个月，担心价格进一步下跌。",
    "cp949": "곡물 가격 협상이 월요일 밤 수도에서 결렬되었다. 차관은 기자들에게 6월에 협상 테이블로 돌아올 것이라고 말했다. "
    "농민들은 석 달째 결정을 기다리고 있다.",
    "cp1251": "Переговоры о цене на зерно провалились в понедельник вечером в столице. Заместитель министра сказал "
    "журналистам, что стороны вернутся к столу в июне.",
    "koi8_r": "Фермеры ждут решения уже три месяца и опасаются нового падения цен на пшеницу и ячмень в этом году, "
    "сообщил представитель союза.",
    "cp1252": "Les négociations sur le prix du blé ont échoué lundi soir. « Nous reviendrons en juin », a déclaré le "
    "vice-ministre. Les agriculteurs s’inquiètent d’une nouvelle baisse.",
    "cp1250": "Rozmowy o cenie zboża załamały się w poniedziałek wieczorem w stolicy. Wiceminister powiedział "
    "dziennikarzom, że strony wrócą do stołu w czerwcu. Rolnicy czekają już trzy miesiące.",
}


def long_text(text: str) -> str:
    paragraphs = [f"{number}. {text}" for number in range(1, 5)]
    return "Headline\n\n" + "\n\n".join(paragraphs)


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_legacy_encoding_is_detected_in_a_long_enough_file(encoding):
    text = long_text(TEXTS[encoding])
    data = text.encode(encoding)
    assert len(data) >= DETECT_MIN_BYTES
    decoded, note = decode_bytes(data, source="old.txt")
    assert decoded == text
    assert note.startswith("decoded as ") and "detected; not valid UTF-8" in note


@pytest.mark.parametrize("encoding", sorted(TEXTS))
@pytest.mark.parametrize("length", [30, 60, 100])
def test_short_file_is_read_in_the_encoding_that_gives_plausible_text(encoding, length):
    """Too short for charset statistics: the reading without mojibake wins (Shift-JIS has kana, cp1251 is not
    all-accented Latin, cp1250's "ż" is not cp1252's "¿" wedged inside a word)."""
    text = TEXTS[encoding][:length]
    data = text.encode(encoding)
    assert len(data) < DETECT_MIN_BYTES
    decoded, note = decode_bytes(data, source="old.txt")
    assert decoded == text
    assert note.startswith("decoded as ")


def test_short_western_file_stays_cp1252():
    data = "Talks on the “Façade” plan — Señor Muñoz said «non».".encode("cp1252")
    assert decode_bytes(data, source="old.txt") == (
        "Talks on the “Façade” plan — Señor Muñoz said «non».",
        "decoded as cp1252 (detected; not valid UTF-8)",
    )


def test_utf8_is_never_sent_to_detection():
    text = long_text(TEXTS["cp1251"])
    assert decode_bytes(text.encode(), source="new.txt") == (text, None)
