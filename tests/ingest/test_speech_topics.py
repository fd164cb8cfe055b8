"""Reports of a topic rather than a clause ("declined to comment on the deal", "her promise to rebuild the pier"):
``rules.topic_report`` and the topic cues of ``lexicon.TOPIC_CUES``, on short made-up sentences."""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract
from monitoring.ingest.parsers.speech.spans import TOPIC_REPORT_RULE


def readings(text: str) -> list[tuple[str, str, str, str, str]]:
    _, quotes = speech_extract(text)
    return [(quote.rule, quote.speaker, quote.cue, quote.kind, quote.text) for quote in quotes]


@pytest.mark.parametrize(
    "sentence, speaker, cue, topic",
    [
        ("Ines Varga declined to comment on the dredging contract.", "Ines Varga", "comment", "the dredging contract"),
        ("Tomas Brandt did not mention the ferry strike.", "Tomas Brandt", "mention", "the ferry strike"),
        ("Tomas Brandt has yet to explain the toll increase.", "Tomas Brandt", "explain", "the toll increase"),
        ("Ines Varga made no mention of the ferry strike.", "Ines Varga", "mention", "the ferry strike"),
        (
            "Ines Varga spoke highly of the cooperative's harvest record.",
            "Ines Varga",
            "spoke",
            "the cooperative's harvest record",
        ),
        ("Tomas Brandt declined to comment publicly on the toll rise.", "Tomas Brandt", "comment", "the toll rise"),
        ("Ines Varga went on to express regret for the delay.", "Ines Varga", "express", "regret for the delay"),
        ("The ferry union declined to comment Tuesday on the toll.", "the ferry union", "comment", "the toll"),
        ("Voters cheered Ines Varga's promise to rebuild the pier.", "Ines Varga", "promise", "rebuild the pier"),
    ],
)
def test_rule_topic_report_credits_the_subject_or_owner_with_the_topic(sentence, speaker, cue, topic):
    assert readings(sentence) == [(TOPIC_REPORT_RULE, speaker, cue, "indirect", topic)]


def test_rule_topic_report_reads_comments_made_not_comments_owned():
    # "made comments about" reports; "his comments about" is more often what another report is about.
    assert readings("Ines Varga has made comments about the ferry strike.") == [
        (TOPIC_REPORT_RULE, "Ines Varga", "comments", "indirect", "the ferry strike")
    ]
    assert readings("Critics mocked Ines Varga's comments about the ferry strike.") == []


def test_rule_topic_report_reads_a_statement_issued_with_a_participle():
    assert readings("The ferry union issued a statement condemning the raid on the depot.") == [
        (TOPIC_REPORT_RULE, "the ferry union", "statement", "indirect", "condemning the raid on the depot")
    ]
    # ("saying" reports on its own: the verb rules read it)
    assert [rule for rule, *_ in readings("Ines Varga released a statement saying the raid was illegal.")] == [
        "subject_before_verb/issuer_before"
    ]


def test_rule_topic_report_ends_the_topic_with_its_clause_and_keeps_a_date_or_a_list():
    assert readings("Tomas Brandt did not mention the storm of May 4, 2019, but he praised the crews.") == [
        (TOPIC_REPORT_RULE, "Tomas Brandt", "mention", "indirect", "the storm of May 4, 2019")
    ]
    assert readings("Ines Varga declined to comment on the tolls, the dredging or the strike, saying it was late.")[
        :1
    ] == [(TOPIC_REPORT_RULE, "Ines Varga", "comment", "indirect", "the tolls, the dredging or the strike")]


def test_rule_topic_report_takes_a_pronoun_owner_as_a_side_report():
    # "his" is Tomas Brandt's; inside the sentence's own report, a topic is left to it.
    assert readings("Tomas Brandt spoke in Molde. Critics mocked his vows to dredge the harbour.") == [
        (TOPIC_REPORT_RULE, "Tomas Brandt", "vows", "indirect", "dredge the harbour")
    ]
    assert [rule for rule, *_ in readings("Tomas Brandt spoke. Ines Varga said his vows to dredge it were empty.")] == [
        "subject_before_verb/name_before"
    ]


@pytest.mark.parametrize(
    "sentence, control",
    [
        # a text, no speaker
        ("The pamphlet did not mention the ferry strike.", "The mayor did not mention the ferry strike."),
        # when, not about what
        ("The ferry company declined to comment on Tuesday.", "The ferry company declined to comment on the toll."),
        # "requests" is nobody's verb: the subject's verb is "respond", no topic cue
        (
            "Tomas Brandt did not respond to requests to comment on the strike.",
            "Tomas Brandt declined to comment on the strike.",
        ),
    ],
)
def test_rule_topic_report_not_for_a_text_or_a_time(sentence, control):
    assert TOPIC_REPORT_RULE not in [rule for rule, *_ in readings(sentence)]
    assert TOPIC_REPORT_RULE in [rule for rule, *_ in readings(control)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour board responded enthusiastically by easing the tolls.",
        "Tomas Brandt responded as if he had been insulted.",
        "The port authority responded with the lawsuit it announced that same day.",
    ],
)
def test_not_a_report_responded_with_an_act_reports_nothing(sentence):
    assert readings(sentence) == []


def test_not_a_report_responded_with_words_quoted_reports_them():
    assert readings('Ines Varga responded with a phrase of her own: "Do not moan to me about the tolls."') == [
        ("subject_before_verb/name_before", "Ines Varga", "responded", "direct", "Do not moan to me about the tolls.")
    ]


def test_directive_participle_reports_its_object_and_infinitive():
    # "urging" needs a that-clause, or an object and its to-infinitive (a call to act), not an object alone.
    assert readings("Ines Varga spoke for an hour, urging the council to delay the vote.") == [
        ("subject_opens_sentence/name_before", "Ines Varga", "urging", "indirect", "the council to delay the vote")
    ]
    assert readings("Ines Varga spoke for an hour, urging caution.") == []
