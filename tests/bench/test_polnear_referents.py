"""bench/polnear_eval.py's referents of back-references (PolNeAR links no coreference, the bench
approximates it). Invented sentences only (no dataset text)."""

import pytest

from bench.polnear_eval import Gold, other_person_between, plural_or_thing_fits, relative_antecedent


def gold_at(text: str, source: str, nth: int = 0) -> Gold:
    start = -1
    for _ in range(nth + 1):
        start = text.index(source, start + 1)
    return Gold(0, 0, False, source, start)


def test_other_person_between_leaves_a_pronoun_unscored_when_someone_of_its_gender_was_named_since():
    text = "Tomas Berg said the port would close. Later Paul Lund toured the docks. He said it was sad."
    assert other_person_between(text, gold_at(text, "Tomas Berg"), gold_at(text, "He"), {})


def test_other_person_between_reads_a_surname_whose_gender_the_article_gives():
    text = "Tomas Berg said the port would close. Lund toured the docks. He said it was sad."
    assert other_person_between(text, gold_at(text, "Tomas Berg"), gold_at(text, "He"), {"lund": "m"})
    assert not other_person_between(text, gold_at(text, "Tomas Berg"), gold_at(text, "He"), {"lund": "f"})


def test_other_person_between_ignores_a_person_of_the_other_gender():
    text = "Tomas Berg said the port would close. Later Ana Ruiz toured the docks. He said it was sad."
    assert not other_person_between(text, gold_at(text, "Tomas Berg"), gold_at(text, "He"), {})


@pytest.mark.parametrize(
    "pronoun, source, fits",
    [
        ("they", "the dockers' union", True),
        ("it", "the dockers' union", True),
        ("they", "harbour officials", True),
        ("they", "Berg and Lund", True),
        ("they", "Tomas Berg", False),
        ("it", "the harbour board", True),
        ("it", "Mr. Berg", False),
        ("it", "Paul Berg", False),
    ],
)
def test_plural_or_thing_fits(pronoun, source, fits):
    assert plural_or_thing_fits(pronoun, source, {}) is fits


def test_relative_antecedent_is_the_name_before_who():
    text = "The plan was backed by Mayor Ana Ruiz, who said it would pay off."
    assert relative_antecedent(text, gold_at(text, "who")) == "Mayor Ana Ruiz"


def test_relative_antecedent_is_the_noun_before_who_without_a_name():
    text = "The plan angered the dockers, who said it would cost jobs."
    assert relative_antecedent(text, gold_at(text, "who")) == "dockers"
