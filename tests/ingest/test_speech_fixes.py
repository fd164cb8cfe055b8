"""Small fixes of the speech extractor, each on made-up sentences.

- A subordinator that opens the sentence ("Although officials say ...") is no part of the subject after it.
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
