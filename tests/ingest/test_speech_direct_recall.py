"""Direct-quote recall: quotations the extractor used to miss. Sentences are made up.

'..., with Nora Vance yelling: "Q"': 'yelling' continues a clause as 'saying' does, and reports the quotation after it.
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def quotes_of(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in speech_extract(body)[1]]


@pytest.mark.parametrize(
    "body",
    [
        'At the pier on Sunday some dockers pushed a reporter, with Nora Vance reportedly yelling: "Get him off the'
        ' quay!"',
        'Nora Vance stood on the ferry ramp, yelling "Get him off the quay!"',
    ],
)
def test_yelling_reports_the_quotation_after_it(body: str) -> None:
    assert ("direct", "Get him off the quay!", "Nora Vance") in quotes_of(body)


@pytest.mark.parametrize(
    "body",
    [
        'As Nora Vance of the Harbour Council of Dover told the AP, "We have all suffered the same fate."',
        'However, as Bishop Nora Vance of the Harbour Council of Dover told the Associated Press (AP), "We have all'
        ' suffered the same fate."',
    ],
)
def test_name_of_a_body_whose_name_goes_on_with_of(body: str) -> None:
    """'Nora Vance of the Harbour Council of Dover': the body's own name goes on with 'of'."""
    assert ("direct", "We have all suffered the same fate.", "Nora Vance") in quotes_of(body)


@pytest.mark.parametrize(
    ("body", "kind", "content"),
    [
        (
            'Ted Vance was critical of the plan, telling the Harbour Times: "The plan is bad."',
            "direct",
            "The plan is bad.",
        ),
        (
            "Ted Vance was critical of the plan, telling the Harbour Times that the plan is bad.",
            "indirect",
            "the plan is bad",
        ),
    ],
)
def test_telling_takes_its_audience_as_object(body: str, kind: str, content: str) -> None:
    """'..., telling the Harbour Times: "Q"': the paper is whom he told, no content of its own."""
    assert quotes_of(body) == [(kind, content, "Ted Vance")]


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        ('("I do not want a fight," said one dock worker.)', "I do not want a fight", "one dock worker"),
        (
            'Nora Vance spoke at the pier. ("We have persuaded the crews to come back," she said.) The ferries'
            " returned in May.",
            "We have persuaded the crews to come back",
            "Nora Vance",
        ),
    ],
)
def test_quotation_in_parentheses_opens_its_sentence(body: str, content: str, speaker: str) -> None:
    """'("Q," she said.)': the parenthesis is no reporter's words before the quotation, and a sentence starts there."""
    assert ("direct", content, speaker) in quotes_of(body)
