"""Direct-quote precision, part two: quotations that are no bare direct quote of their own. Sentences are made up.

'"A," Vance said. "B" and other trade matters.': after a quotation, a sentence that opens with quoted words and
goes on in the reporter's words is a mixed report of the same speaker (from the quotation to the sentence's end),
not a second direct part to join to the first.
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def quotes_of(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in speech_extract(body)[1]]


@pytest.mark.parametrize(
    ("body", "first", "mixed"),
    [
        (
            '"The port will reopen soon," Nora Vance told reporters. "What they care about is that the ships'
            ' come back" and other trade matters.',
            "The port will reopen soon",
            '"What they care about is that the ships come back" and other trade matters',
        ),
        (
            '"The port will reopen soon," said Nora Vance, the harbour chief. "But I think the rules have'
            ' changed,"  because of the new fees.',
            "The port will reopen soon",
            '"But I think the rules have changed,"  because of the new fees',
        ),
        (
            "''We cannot back the new toll,'' said Nora Vance. ''After a long debate, I concluded that the board"
            " has not shown the care it needs'' or the money to run the ferries.",
            "We cannot back the new toll",
            "''After a long debate, I concluded that the board has not shown the care it needs'' or the money to"
            " run the ferries",
        ),
    ],
)
def test_quotation_going_on_in_the_reporters_words_is_mixed(body: str, first: str, mixed: str) -> None:
    quotes = quotes_of(body)
    assert ("direct", first, "Nora Vance") in quotes
    assert ("indirect", mixed, "Nora Vance") in quotes
    assert not [q for q in quotes if q[0] == "direct" and q[1] != first]


@pytest.mark.parametrize(
    "body",
    [
        # A relative clause on the quotation's last words is the reporter's aside: the quotation stays direct.
        '"The port will reopen soon," said Nora Vance. "We could win back the trade of the north coast,"'
        " which lost its ferry in May.",
        # Quoted words of a term, not a sentence of hers.
        '"Send it by the old line," Nora Vance wrote. "Dockside" is a term for the harbour\'s own mail.',
    ],
)
def test_aside_or_term_after_a_quotation_is_no_mixed_report(body: str) -> None:
    quotes = quotes_of(body)
    assert not [q for q in quotes if q[0] == "indirect"]


@pytest.mark.parametrize(
    "body",
    [
        '"They all came for the free food at the pier," Nora Vance shot back with a laugh.',
        '"Nobody asked the dockers about the toll," Nora Vance fired back with a grin.',
    ],
)
def test_manner_after_a_verb_of_answer_keeps_the_quotation(body: str) -> None:
    # ('shot back up the hill' is an act; 'shot back with a laugh' says how the words were said.)
    kinds = [(q.kind, q.speaker, q.cue) for q in speech_extract(body)[1]]
    assert kinds[0][0] == "direct" and kinds[0][1] == "Nora Vance" and kinds[0][2] in {"shot back", "fired back"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Ana Ruiz spoke last. "The pier is ready for the ferries," said the 46-year-old.', "the 46-year-old"),
        (
            'The board met. "The toll is far too high," said the harbour chief, who runs the ferries.',
            "the harbour chief",
        ),
    ],
)
def test_inverted_description_with_the_is_a_speaker(body: str, speaker: str) -> None:
    # ('"...," the 46-year-old said.' was found already; inverted, only 'said a/one ...' was.)
    quotes = [(q.kind, q.speaker) for q in speech_extract(body)[1]]
    assert ("direct", speaker) in quotes


def test_quotation_joined_by_and_to_the_reporters_clause_is_mixed() -> None:
    body = '"There is a calm on the quay now," and ferry bookings began to pick up again last week, Nora Vance said.'
    quotes = [(q.kind, q.text) for q in speech_extract(body)[1]]
    assert (
        "indirect",
        '"There is a calm on the quay now," and ferry bookings began to pick up again last week',
    ) in quotes
    assert not [q for q in quotes if q[0] == "direct"]


@pytest.mark.parametrize(
    ("body", "report"),
    [
        (
            '"It is our bad luck," Nora Vance said, that both ferries were built in the same yard.',
            '"It is our bad luck," Nora Vance said, that both ferries were built in the same yard',
        ),
        (
            '"Only you, Tom," Nora Vance said, would use the vote to praise the old pier.',
            '"Only you, Tom," Nora Vance said, would use the vote to praise the old pier',
        ),
    ],
)
def test_clause_going_on_after_the_attribution_makes_a_mixed_report(body: str, report: str) -> None:
    quotes = [(q.kind, q.text) for q in speech_extract(body)[1]]
    assert ("indirect", report) in quotes
    assert not [q for q in quotes if q[0] == "direct"]


def test_participle_after_the_attribution_keeps_the_quotation() -> None:
    body = '"It is our bad luck," Nora Vance said, adding that both ferries sank.'
    quotes = [(q.kind, q.text) for q in speech_extract(body)[1]]
    assert ("direct", "It is our bad luck") in quotes


def test_quoted_words_in_an_adding_that_report_are_partial() -> None:
    body = (
        '"The ferries will come back," Nora Vance wrote this week, adding that if the board loses the vote,'
        ' "keeping the pier would be a long shot at best."'
    )
    quotes = [(q.kind, q.text) for q in speech_extract(body)[1]]
    assert [q for q in quotes if q[0] == "direct"] == [("direct", "The ferries will come back")]
    assert ("partial", "keeping the pier would be a long shot at best.") in quotes


def test_quotation_after_telling_whom_stays_direct() -> None:
    body = 'Nora Vance praised the ferry crews, telling the Harbour Times: "I wish I could sail like that. I can\'t."'
    quotes = [(q.kind, q.text) for q in speech_extract(body)[1]]
    assert ("direct", "I wish I could sail like that. I can't.") in quotes
