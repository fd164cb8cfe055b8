"""The article's language: given by the input or detected (lingua); quotes are extracted from English only."""

import pytest

from monitoring.ingest.parsers import parse_press_text, parse_record
from monitoring.ingest.parsers.language import is_english, language_detect

FRENCH = (
    "Les négociations sur le prix du blé ont échoué lundi soir dans la capitale. "
    '"Nous reviendrons à la table en juin," a déclaré Nurlan Abenov, le vice-ministre, devant les journalistes. '
    "Les agriculteurs attendent une décision depuis trois mois et craignent une nouvelle baisse des prix."
)
GERMAN = (
    "Die Gespräche über den Getreidepreis sind am Montagabend in der Hauptstadt gescheitert. "
    '"Wir kommen im Juni zurück," sagte Nurlan Abenov, der stellvertretende Minister, vor Journalisten. '
    "Die Bauern warten seit drei Monaten auf eine Entscheidung und fürchten einen weiteren Preisverfall."
)
RUSSIAN = (
    "Переговоры о цене на зерно провалились в понедельник вечером в столице. "
    "«Мы вернёмся за стол переговоров в июне», — сказал заместитель министра Нурлан Абенов журналистам. "
    "Фермеры ждут решения уже три месяца и опасаются нового падения цен."
)
ENGLISH = (
    "The talks on the price of grain collapsed on Monday evening in the capital. "
    '"We will come back to the table in June," said Nurlan Abenov, the deputy minister, to reporters. '
    "Farmers have waited three months for a decision and fear another fall in prices."
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (RUSSIAN, "ru"), (ENGLISH, "en")])
def test_language_detected_from_the_text(text, code):
    assert language_detect(text) == code


def test_short_text_has_no_detected_language():
    assert language_detect("Talks collapse") is None


@pytest.mark.parametrize(
    ("language", "english"),
    [(None, True), ("", True), ("en", True), ("en-GB", True), ("English", True), ("fr", False), ("French", False)],
)
def test_what_counts_as_english(language, english):
    assert is_english(language) is english


def test_press_text_without_a_language_gets_the_detected_one():
    article = parse_press_text(f"Grain talks collapse\n\n2024-03-04\n\n{ENGLISH}\n")
    assert article.language == "en"
    assert [q.speaker for q in article.quotes] == ["Nurlan Abenov"]


@pytest.mark.parametrize("body", [FRENCH, GERMAN, RUSSIAN])
def test_article_in_another_language_gets_a_warning_and_no_quotes(body):
    article = parse_press_text(f"Grain\n\n2024-03-04\n\n{body}\n")
    assert article.quotes == [] and article.speakers == []
    assert any("extraction reads English only" in warning for warning in article.warnings)


def test_language_the_input_gives_wins_over_detection():
    record = {"headline": "Grain talks collapse", "body": ENGLISH, "published": "2024-03-04", "language": "fr"}
    article = parse_record(record)
    assert article.language == "fr"
    assert article.quotes == []
    assert any("'fr'" in warning for warning in article.warnings)
    article = parse_record({**record, "language": "en-GB"})
    assert [q.speaker for q in article.quotes] == ["Nurlan Abenov"]
