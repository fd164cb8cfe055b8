"""More indirect reports the rules used to miss, on short made-up sentences: a participle after a subordinator
("after first saying", "while arguing") in an aside, opening the sentence or after a clause."""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def readings(text: str) -> list[tuple[str, str, str, str]]:
    _, quotes = speech_extract(text)
    return [(quote.speaker, quote.cue, quote.kind, quote.text) for quote in quotes]


@pytest.mark.parametrize(
    "text, speaker, cue, content",
    [
        (
            "Mr. Tomas Berg, after initially saying he would not run ads in the valley, changed course.",
            "Tomas Berg",
            "saying",
            "he would not run ads in the valley",
        ),
        (
            "Ines Varga, while insisting the quay was safe, closed it for a week.",
            "Ines Varga",
            "insisting",
            "the quay was safe",
        ),
        (
            "Now, after arguing that the vote narrowed the field, Ines Varga left for Molde.",
            "Ines Varga",
            "arguing",
            "the vote narrowed the field",
        ),
        (
            "After first saying he would wait, Tomas Berg sold the ferry.",
            "Tomas Berg",
            "saying",
            "he would wait",
        ),
        (
            "Ines Varga spoke at the pier on Monday, while arguing the city should hire more pilots.",
            "Ines Varga",
            "arguing",
            "the city should hire more pilots",
        ),
    ],
)
def test_rule_aside_participle_and_other_participles_after_a_subordinator_report(
    text: str, speaker: str, cue: str, content: str
) -> None:
    assert (speaker, cue, "indirect", content) in readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Berg, after saying goodbye, left the pier.",  # no clause: no report
        "The league held its seats while adding two towns like Molde and Lunde.",
    ],
)
def test_participle_after_a_subordinator_without_a_clause(text: str) -> None:
    assert readings(text) == []


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            "Ines Varga stretched the truth during the debate, when she claimed that the league had used the port.",
            "Ines Varga",
            "the league had used the port",
        ),
        ("Tomas Berg left the port, after he said the fees would rise.", "Tomas Berg", "the fees would rise"),
        (
            "Ines Varga hit Tomas Berg on fees, she hit him on tolls, and she claimed that his camp was anxious.",
            "Ines Varga",
            "his camp was anxious",
        ),
    ],
)
def test_pronoun_taking_up_a_name_earlier_in_the_sentence(text: str, speaker: str, content: str) -> None:
    assert [(quote.speaker, quote.kind, quote.text) for quote in speech_extract(text)[1]] == [
        (speaker, "indirect", content)
    ]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            '"He got choked up," Tomas Berg said, recalling a visit to the port by the mayor.',
            "recalling",
            "a visit to the port by the mayor",
        ),
        (
            "Ines Varga spoke on Monday, announcing a new levy on ferry tickets.",
            "announcing",
            "a new levy on ferry tickets",
        ),
        (
            "Tomas Berg called the union, confirming the closure of the north quay.",
            "confirming",
            "the closure of the north quay",
        ),
    ],
)
def test_participle_with_an_object_reports(text: str, cue: str, content: str) -> None:
    assert (cue, "indirect", content) in [(quote.cue, quote.kind, quote.text) for quote in speech_extract(text)[1]]
