"""Bytes to text: UTF-8 first, a BOM when present; else the detected legacy encoding: charset-normalizer for
files long enough for its statistics, and for shorter ones the reading that looks least like mojibake."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from typing import Any

from .errors import ParseError

# Above this share of control characters the file is not text, whatever it decodes to.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# Characters no text column stores alike on every backend: PostgreSQL refuses NUL, and a lone surrogate (a JSON
# "\ud800" escape) cannot be encoded as UTF-8 at all. They are replaced, never passed on.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Return the text and a note on how it was decoded (None for plain UTF-8)."""
    note: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text, note = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 BOM removed"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ParseError(f"invalid UTF-16 text ({error.reason})", source=source) from None
        note = "decoded as UTF-16 (BOM)"
    else:
        if b"\x00" in data:
            raise ParseError("binary file (contains NUL bytes), not text", source=source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = legacy_decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    text, replaced = text_repair(text)
    if replaced:
        note = "; ".join(filter(None, [note, repair_note(replaced)]))
    if not text.strip():
        raise ParseError("empty file", source=source)
    controls = sum(1 for char in text if char < " " and char not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ParseError("binary file (mostly non-text bytes), not text", source=source)
    return text, note


# Below this many bytes charset-normalizer's statistics guess wrong too often (Shift-JIS read as cp949, cp1252 as
# cp1250): a shorter file is judged by how its text looks in each candidate encoding (`oddities`).
DETECT_MIN_BYTES = 400
# The legacy encodings press archives are saved in; a short list keeps look-alike code pages out.
DETECT_CANDIDATES = [
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "gb18030",
    "big5",
    "cp932",
    "euc_jp",
    "cp949",
]
_MULTIBYTE = {"gb18030", "big5", "cp932", "euc_jp", "cp949"}
_JAPANESE = ("cp932", "euc_jp")
# Above this share of unlikely character sequences a detected encoding is not trusted.
_MAX_CHAOS = 0.1


def legacy_decode(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8, in its detected encoding; cp1252 (or latin-1) when nothing fits."""
    if len(data) >= DETECT_MIN_BYTES:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=DETECT_CANDIDATES).best()
        if best is not None and best.chaos <= _MAX_CHAOS:
            encoding = best.encoding
            text = str(best)
        else:
            encoding = None
    else:
        encoding = short_guess(data)
        text = data.decode(encoding) if encoding else ""
    if encoding:
        if encoding != "cp1252" and _decodes_to(data, "cp1252") == text:
            encoding = "cp1252"  # the same text either way: name the common encoding
        return text, f"decoded as {encoding} (detected; not valid UTF-8)"
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it cannot fail.
    if (text := _decodes_to(data, "cp1252")) is not None:
        return text, "decoded as cp1252 (not valid UTF-8)"
    return data.decode("latin-1"), "decoded as latin-1 (not valid UTF-8)"


def _decodes_to(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


# A non-ASCII character that is neither a letter nor a space, wedged between two letters: "zbo¿a" is cp1250's
# "zboża" read as cp1252. CJK punctuation and typographic quotes and dashes sit between letters legitimately.
_WEDGED = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f\u3000-\u303f\uff00-\uffef‘’“”«»–—](?=[^\W\d_])")
# An ideograph or Hangul syllable touching a Latin letter: a multibyte reading of Western text ("n恘o").
_CJK_IN_LATIN = re.compile(
    r"[A-Za-z][\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][A-Za-z]"
)
# A capital straight after a small letter inside a word: koi8-r and cp1251 swap the cases of each other's letters.
_CASE_FLIP = re.compile(r"[a-zß-ÿ\u0430-\u044f][A-ZÀ-Þ\u0410-\u042f]")
# In Latin-script languages accented letters are a minority; a reading where most letters are accented is
# usually Cyrillic or Greek read in the wrong code page ("Ïåðåãîâîðû").
_MAX_ACCENTED_SHARE = 0.4


def _script(char: str) -> str:
    word = unicodedata.name(char, "").split(" ")[0]
    return "CJK" if word.startswith(("CJK", "HIRAGANA", "KATAKANA")) else word


def oddities(text: str) -> int:
    """How many characters of the text look like a wrong reading of its bytes: the lower, the likelier."""
    letters = [char for char in text if char.isalpha()]
    foreign = [char for char in letters if not char.isascii()]
    scripts = Counter(_script(char) for char in foreign)
    mixed_scripts = len(foreign) - max(scripts.values(), default=0)
    latin = scripts["LATIN"]
    accented = latin if latin > _MAX_ACCENTED_SHARE * len(letters) else 0
    symbols = sum(
        1 for char in text if not char.isascii() and unicodedata.category(char)[0] in "SC" and not char.isspace()
    )
    return (
        mixed_scripts
        + accented
        + symbols
        + len(_WEDGED.findall(text))
        + len(_CJK_IN_LATIN.findall(text))
        + len(_CASE_FLIP.findall(text))
    )


def _kana_share(text: str) -> float:
    foreign = [char for char in text if not char.isascii()]
    kana = sum(1 for char in foreign if "\u3040" <= char <= "\u30ff")
    return kana / len(foreign) if foreign else 0.0


def short_guess(data: bytes) -> str | None:
    """The candidate encoding whose reading of a short file looks least odd.

    Among equally plausible multibyte readings, kana make it Japanese (Chinese and Korean text has none);
    otherwise charset-normalizer chooses among them. Ties among single-byte readings keep the list's order,
    which starts with the commonest code pages.
    """
    readings = {name: text for name in DETECT_CANDIDATES if (text := _decodes_to(data, name)) is not None}
    if not readings:
        return None
    scores = {name: oddities(text) for name, text in readings.items()}
    lowest = min(scores.values())
    best = [name for name in readings if scores[name] == lowest]
    multibyte = [name for name in best if name in _MULTIBYTE]
    if len(multibyte) > 1:
        japanese = [name for name in multibyte if name in _JAPANESE and _kana_share(readings[name]) >= 0.2]
        if japanese:
            return japanese[0]
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=multibyte).best()
        if match is not None:
            return match.encoding
    return best[0]


def text_repair(text: str) -> tuple[str, int]:
    """The text with NUL characters and lone surrogates replaced by U+FFFD, and how many were replaced."""
    return _UNSTORABLE.subn(REPLACEMENT, text)


def value_repair(value: Any) -> tuple[Any, int]:
    """A decoded JSON value with every string in it (keys too) repaired, and how many characters were replaced.

    Recursion is safe here: records are checked against the nesting limit before they are decoded.
    """
    if isinstance(value, str):
        return text_repair(value)
    if isinstance(value, list):
        items = [value_repair(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, dict):
        replaced, repaired = 0, {}
        for key, item in value.items():
            (key, key_count), (item, item_count) = text_repair(key), value_repair(item)
            repaired[key] = item
            replaced += key_count + item_count
        return repaired, replaced
    return value, 0


def repair_note(replaced: int) -> str:
    return f"replaced {replaced:,} NUL or lone surrogate character(s) with U+FFFD"
