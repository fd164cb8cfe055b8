"""Small fixes of the speech extractor, each on made-up sentences.

- A subordinator that opens the sentence ("Although officials say ...") is no part of the subject after it.
- "Tomas Berg spoke. Ines Varga hit back, and she claimed ...": the person opening the sentence, known to be a
  woman, is "she", before an earlier person whose gender is unknown.
- 'She mentioned "harbour dues".': under four quoted words with no end mark of their own, right after the
  verb, are a partial quote, not a direct quotation (nor, when they are all the report, an indirect one).
- "... on Monday.Tomas Berg claimed ...": a full stop with no space after it, between a lower-case word and a
  capitalised one, ends a sentence (not in "Amazon.com", "www.Harbour.org", "2.5", "U.S.Treasury").
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def reports_of(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in speech_extract(body)[1]]


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("Although officials said the ferry would stop, it kept running.", "officials", "the ferry would stop"),
        ("Since farmers warned that feed would cost more, prices rose.", "farmers", "feed would cost more"),
        ("While critics say the toll is too high, the board kept it.", "critics", "the toll is too high"),
        ("When pilots said the runway was icy, flights stopped.", "pilots", "the runway was icy"),
    ],
)
def test_sentence_opening_subordinator_is_no_part_of_the_subject(body: str, speaker: str, content: str) -> None:
    assert ("indirect", content, speaker) in reports_of(body)


def test_unless_opening_gives_the_speaker_without_the_subordinator() -> None:
    speakers = {q.speaker for q in speech_extract("Unless dockworkers claim the pier is unsafe, it will reopen.")[1]}
    assert speakers == {"dockworkers"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Tomas Berg spoke first. Ines Varga hit him on fees, and she claimed the toll was unfair.", "Ines Varga"),
        ("Tomas Berg spoke first. Ines Varga hit back on fees, and she claimed the toll was unfair.", "Ines Varga"),
        # "he" is not Ines Varga: the earlier person of unknown gender.
        ("Tomas Berg spoke first. Ines Varga hit back on fees, and he claimed the toll was unfair.", "Tomas Berg"),
    ],
)
def test_pronoun_takes_the_sentence_subject_of_its_gender(body: str, speaker: str) -> None:
    assert [q.speaker for q in speech_extract(body)[1]] == [speaker]


def test_sentence_break_without_a_space() -> None:
    body = "The port reopened, the harbour chief said.Tomas Berg claimed the toll was unfair."
    assert reports_of(body) == [
        ("indirect", "The port reopened", "the harbour chief"),
        ("indirect", "the toll was unfair", "Tomas Berg"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Ines Varga said shares of Amazon.com would rise 2.5 percent this year.",
        "Ines Varga said the site www.Harbour.org would be closed this year.",
        "Ines Varga said the U.S.Treasury would be closed this year.",
    ],
)
def test_no_sentence_break_inside_domains_decimals_and_initials(body: str) -> None:
    assert [(kind, speaker) for kind, _, speaker in reports_of(body)] == [("indirect", "Ines Varga")]
    assert reports_of(body)[0][1].endswith("this year")


@pytest.mark.parametrize(
    "body",
    [
        'Ines Varga spoke on Monday. She mentioned "harbour dues".',
        'Ines Varga mentioned "harbour dues".',
        'While the host mentions "harbour dues", a ferry sails past.',
    ],
)
def test_short_quotation_after_the_verb_is_partial(body: str) -> None:
    assert [kind for kind, _, _ in reports_of(body)] == ["partial"]


@pytest.mark.parametrize(
    ("body", "text"),
    [('Ines Varga said "absolutely not."', "absolutely not."), ('Ines Varga said "No, never!"', "No, never!")],
)
def test_short_whole_sentence_quotation_stays_direct(body: str, text: str) -> None:
    assert reports_of(body) == [("direct", text, "Ines Varga")]
