"""Direct-quote precision: quotations that are no bare direct quote of their own. Sentences are made up.

'Instead, Ruiz said, "the pier needs a new deck."': an adverb of the speaker's own argument ("instead", "of
course", "in other words") that opens the sentence before an attribution set off by commas is part of what was
said, so the report is a mixed one that starts with the adverb; the quotation is a partial quote inside it.
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def quotes_of(body: str) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in speech_extract(body)[1]]


@pytest.mark.parametrize(
    ("body", "report"),
    [
        (
            'Ana Ruiz runs the port. Instead, Ruiz said, "the harbor needs a new pier before winter."',
            'Instead, Ruiz said, "the harbor needs a new pier before winter',
        ),
        (
            "Ana Ruiz runs the port. Of course, she said, “I never met the new owner of the ferry line.”",
            "Of course, she said, “I never met the new owner of the ferry line",
        ),
        (
            'Ana Ruiz runs the port. In other words, explained Ruiz: "What does the toll have to do with it?"',
            'In other words, explained Ruiz: "What does the toll have to do with it',
        ),
        (
            'Ana Ruiz runs the port. Rather, said Ruiz, "the dockers should vote on the plan first."',
            'Rather, said Ruiz, "the dockers should vote on the plan first',
        ),
    ],
)
def test_speaker_adverb_before_attribution_makes_a_mixed_report(body: str, report: str) -> None:
    quotes = quotes_of(body)
    assert ("indirect", report) in quotes
    assert not [text for kind, text in quotes if kind == "direct"]


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # "But" and "Still" link the reporter's sentences as often as the speaker's: the quotation stays direct.
        ('Ana Ruiz runs the port. But, she added, "We will not close the harbor this year."', "We will not close"),
        ('Ana Ruiz runs the port. Still, Ruiz said, "The ferry will run until May."', "The ferry will run"),
        # More than the subject between the adverb and the verb: an opening phrase of its own.
        ('Ana Ruiz runs the port. Instead, on Monday, she said, "The ferry will run until May."', "The ferry will"),
        # The attribution is not set off by a comma before the quotation.
        ('Ana Ruiz runs the port. Instead, she told the dockers who met at the quay, "Vote first."', "Vote first."),
    ],
)
def test_quotation_stays_direct(body: str, quote: str) -> None:
    assert any(kind == "direct" and text.startswith(quote) for kind, text in quotes_of(body))


@pytest.mark.parametrize(
    "body",
    [
        "The fire spread fast. The port’s business manager, Ben Okafor, stated: “When I spoke with Ms. Ruiz, she was "
        "calm.”",
        "The fire spread fast. Ana Ruiz, president of the Port Workers Association stated, “It is not a political "
        "problem; it is a math problem.”",
    ],
)
def test_stated_is_a_plain_cue_for_a_subject_no_speaker_rule_knows(body: str) -> None:
    # ("stated" is as clear a speech verb as "noted" or "stressed": the fallback reading takes its subject.)
    quotes = speech_extract(body)[1]
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ben Okafor" if "Okafor" in body else "Ana Ruiz")]


@pytest.mark.parametrize(
    "body",
    [
        "The fire spread fast. Ana Ruiz issued the following statement:\n\n“Our prayers are with all those hurt by the "
        "fire.”",
        "The fire spread fast. Ana Ruiz released the following statement: “Our prayers are with all those hurt by the "
        "fire.”",
    ],
)
def test_the_following_statement_introduces_its_quotation(body: str) -> None:
    assert [(q.kind, q.speaker, q.text) for q in speech_extract(body)[1]] == [
        ("direct", "Ana Ruiz", "Our prayers are with all those hurt by the fire.")
    ]


@pytest.mark.parametrize(
    ("body", "speaker", "quote"),
    [
        (
            "The museum opened in May. Said Ana Ruiz, who grew up near the port, “We were all so proud of it.”",
            "Ana Ruiz",
            "We were all so proud of it.",
        ),
        (
            "Ana Ruiz spoke at the opening. Continued Ruiz: “So I think it is a very real problem.”",
            "Ana Ruiz",
            "So I think it is a very real problem.",
        ),
        (
            "Ana Ruiz spoke at the opening. Stated Ruiz:\n\n“We were all so proud of it.”",
            "Ana Ruiz",
            "We were all so proud of it.",
        ),
    ],
)
def test_a_verb_fronted_before_its_speaker_attributes_the_quotation(body: str, speaker: str, quote: str) -> None:
    assert [(q.kind, q.speaker, q.text) for q in speech_extract(body)[1]] == [("direct", speaker, quote)]


def test_a_fronted_verb_word_is_no_part_of_a_name() -> None:
    speakers, _ = speech_extract("The museum opened in May. Said Ana Ruiz, who grew up near the port, “We were proud.”")
    assert [s.name for s in speakers] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“We have a lot of work to do,” said a longtime adviser to the mayor.", "a longtime adviser"),
        ('"After we came here, we saw it was all lies," said one shop owner from the harbor.', "one shop owner"),
    ],
)
def test_a_description_after_the_verb_may_go_on_with_a_preposition(body: str, speaker: str) -> None:
    # ('"...," said a longtime adviser to the mayor': the description ends before "to", as before "who" or "in".)
    assert [(q.kind, q.speaker) for q in speech_extract(body)[1]] == [("direct", speaker)]


def test_a_mixed_sentence_after_a_quotation_goes_on_with_its_speaker() -> None:
    body = '"It is ambush journalism," Ana Ruiz says. It is "this new in-your-face journalism."'
    assert [(q.kind, q.speaker, q.text) for q in speech_extract(body)[1]] == [
        ("direct", "Ana Ruiz", "It is ambush journalism"),
        ("indirect", "Ana Ruiz", 'It is "this new in-your-face journalism'),
        ("partial", "Ana Ruiz", "this new in-your-face journalism."),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # The quoted words do not end the sentence: no continuation of hers.
        '"It is ambush journalism," Ana Ruiz says. The "new journalism" has critics in the town.',
        # No quotation before it.
        'Ana Ruiz runs the paper. It is "this new in-your-face journalism."',
    ],
)
def test_no_mixed_continuation(body: str) -> None:
    assert not [q for q in speech_extract(body)[1] if q.rule == "previous_quote_speaker+mixed"]
