"""The content span of a report: how far the reported words run, over clauses, sentences and the attribution.

A reader (and PolNeAR) takes the whole of what the speaker is reported to have said as the report, not its first
clause: 'The ferry will stop, Ruiz said. "Nobody wants another winter."' is one statement. Sentences are made up.
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def indirect_of(body: str) -> list[str]:
    return [q.text for q in speech_extract(body)[1] if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("body", "report"),
    [
        (
            'The ferry to Lisk will stop in May, Ana Ruiz says. "Nobody here wants another winter without it."',
            'The ferry to Lisk will stop in May, Ana Ruiz says. "Nobody here wants another winter without it.',
        ),
        (
            'Or perhaps the harbor board, the broker Tomas Weber said. "They have the money and the boats."',
            'Or perhaps the harbor board, the broker Tomas Weber said. "They have the money and the boats.',
        ),
    ],
)
def test_report_before_its_attribution_goes_on_into_the_next_quotation(body, report):
    assert indirect_of(body) == [report]


def test_a_quotation_with_an_attribution_of_its_own_stays_apart():
    body = 'The ferry to Lisk will stop in May, Ana Ruiz says. "Nobody here wants it," she added.'
    assert indirect_of(body) == ["The ferry to Lisk will stop in May"]


@pytest.mark.parametrize(
    ("body", "report"),
    [
        (
            "Most of the cost ''comes from the tolls,'' Ana Ruiz said, rather than from the harbor dues.",
            "Most of the cost ''comes from the tolls,'' Ana Ruiz said, rather than from the harbor dues",
        ),
        (
            'Clerks who read "the wrong papers," Ana Ruiz said, end up in a fight with the board.',
            'Clerks who read "the wrong papers," Ana Ruiz said, end up in a fight with the board',
        ),
    ],
)
def test_attribution_after_quoted_words_inside_a_report(body, report):
    assert indirect_of(body) == [report]


def test_an_inverted_attribution_with_a_described_speaker_inside_a_report():
    body = "The fees on the quay, said Ana Ruiz, who runs the dockers' union, would fall by spring."
    assert indirect_of(body) == [body.rstrip(".")]
