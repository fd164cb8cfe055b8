"""Indirect reports the rules used to miss, on short made-up sentences: a report inside a relative clause whose
pronoun is the reported clause's subject ("the fees, which the union says were raised")."""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract


def readings(text: str) -> list[tuple[str, str, str, str, str]]:
    _, quotes = speech_extract(text)
    return [(quote.rule.split("/")[0], quote.speaker, quote.cue, quote.kind, quote.text) for quote in quotes]


@pytest.mark.parametrize(
    "text, speaker, cue, content",
    [
        (
            "The port cut its fees, which the dockers' union says were raised twice in 2015.",
            "the dockers' union",
            "says",
            "which the dockers' union says were raised twice in 2015",
        ),
        (
            "Ines Varga runs the port. She backed the levy, which she has repeatedly said was a mistake.",
            "Ines Varga",
            "said",
            "which she has repeatedly said was a mistake",
        ),
        (
            "Tomas Brandt runs the ferry line. The new ferry, which he said would sail in May, is late.",
            "Tomas Brandt",
            "said",
            "which he said would sail in May",
        ),
        (
            "The court ruled on the toll, which the ferry union has vowed to ignore.",
            "the ferry union",
            "vowed",
            "which the ferry union has vowed to ignore",
        ),
        (
            "The council passed a toll that harbour officials said would pay for the pier.",
            "harbour officials",
            "said",
            "that harbour officials said would pay for the pier",
        ),
    ],
)
def test_rule_gapped_relative_credits_the_subject_inside_the_relative_clause(text, speaker, cue, content):
    assert ("gapped_relative", speaker, cue, "indirect", content) in readings(text)


def test_rule_gapped_relative_leaves_a_relative_clause_with_its_own_subject():
    # ("which she said the union had raised": the clause has a subject of its own, so the pronoun is its object.)
    text = "Ines Varga runs the port. She cut the fees, which she said the union had raised."
    assert all(rule != "gapped_relative" for rule, *_ in readings(text))


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        (
            "Harbour chief Tomas Brandt sent out a statement reassuring dockers that the ferry would sail.",
            "Tomas Brandt",
            "reassuring dockers that the ferry would sail",
        ),
        (
            "Ines Varga released a statement on Saturday night, describing the dockers as heroes.",
            "Ines Varga",
            "describing the dockers as heroes",
        ),
        (
            "The ferry union released a statement Tuesday questioning whether the toll is legal.",
            "the ferry union",
            "questioning whether the toll is legal",
        ),
    ],
)
def test_rule_topic_report_reads_a_statement_put_out_at_a_time_before_its_participle(text, speaker, content):
    assert ("topic_report", speaker, "statement", "indirect", content) in readings(text)


@pytest.mark.parametrize(
    "text, speaker, cue, content",
    [
        (
            "Ines Varga could fight the fine, perhaps by arguing that the pier was unsafe.",
            "Ines Varga",
            "arguing",
            "the pier was unsafe",
        ),
        ("Tomas Brandt may win, by saying the toll would fall.", "Tomas Brandt", "saying", "the toll would fall"),
    ],
)
def test_rule_main_clause_subject_reads_a_subject_before_a_modal(text, speaker, cue, content):
    assert ("main_clause_subject", speaker, cue, "indirect", content) in readings(text)


@pytest.mark.parametrize("opening, cue", [("In addition to stating that", "stating"), ("Besides saying", "saying")])
def test_rule_opening_participle_reads_in_addition_to_and_besides(opening, cue):
    text = f"{opening} the pier was safe, Ines Varga vowed to cut the toll."
    assert ("opening_participle", "Ines Varga", cue, "indirect", "the pier was safe") in readings(text)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Ines Varga has touted the port's record—and promised to put a pilot in charge of the ferry.",
            "promised",
            "to put a pilot in charge of the ferry",
        ),
        (
            "Last year, Ines Varga called the levy a joke and reportedly argued that the toll would only grow.",
            "argued",
            "the toll would only grow",
        ),
    ],
)
def test_rule_subject_opens_sentence_reads_a_verb_after_a_dash_and_or_an_adverb(text, cue, content):
    assert ("subject_opens_sentence", "Ines Varga", cue, "indirect", content) in readings(text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The port board met on Monday and did not say when the ferry would sail.", "the port board"),
        ("Ines Varga met the dockers but didn't say when the ferry would sail.", "Ines Varga"),
    ],
)
def test_rule_subject_opens_sentence_reads_a_negated_verb_after_and(text, speaker):
    # (the subject was the whole first clause: "the port board met on Monday and")
    assert ("subject_opens_sentence", speaker, "say", "indirect", "when the ferry would sail") in readings(text)


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "This includes a new crane for the dockers, Port Secretary Ines Varga told a Senate panel Wednesday.",
            "This includes a new crane for the dockers",
        ),
        ("This is not about me, Ines Varga told her aides as she wrote the speech.", "This is not about me"),
    ],
)
def test_rule_content_then_subject_reads_a_clause_opening_with_this(text, content):
    # ("This" opens a clause here, not a time phrase such as "This week,"; the object of "told" was the content)
    assert ("content_then_subject", "Ines Varga", "told", "indirect", content) in readings(text)


def test_rule_subject_before_verb_still_skips_an_opening_time_phrase_with_this():
    assert ("subject_before_verb", "Ines Varga", "said", "indirect", "the toll would rise") in readings(
        "This week, Ines Varga said the toll would rise."
    )


def paragraph_readings(text: str) -> list[tuple[str, str, str, str]]:
    _, quotes = speech_extract(text, paragraph_break="\n")
    return [(quote.rule, quote.speaker, quote.kind, quote.text) for quote in quotes]


def test_rule_continued_report_quotation_joins_a_quotation_paragraph_to_the_report_before_it():
    text = "Ines Varga runs the port.\nVarga said the toll would fall.\n\u201cNobody wants another winter.\u201d"
    assert paragraph_readings(text) == [
        (
            "subject_before_verb/name_before+report_then_quotation",
            "Ines Varga",
            "indirect",
            "the toll would fall.\n\u201cNobody wants another winter.",
        ),
        ("continued_report_quotation", "Ines Varga", "partial", "Nobody wants another winter."),
    ]


def test_rule_continued_report_quotation_joins_across_a_blank_line_too():
    _, quotes = speech_extract('Tomas Brandt said the quay was ready.\n\n"The ferries will run twice a day."')
    assert [(quote.kind, quote.text) for quote in quotes] == [
        ("indirect", 'the quay was ready.\n\n"The ferries will run twice a day.'),
        ("partial", "The ferries will run twice a day."),
    ]


@pytest.mark.parametrize("quotation", ["RELATED STORIES", "Related:", "Tomas Brandt: The quay is ready."])
def test_rule_continued_report_quotation_leaves_a_heading_or_a_transcript_line(quotation):
    text = f"Ines Varga runs the port.\nVarga said the toll would fall.\n\u201c{quotation}\u201d"
    assert [reading[:3] for reading in paragraph_readings(text)] == [
        ("subject_before_verb/name_before", "Ines Varga", "indirect")
    ]


def test_rule_continued_report_quotation_leaves_a_quotation_with_its_own_attribution():
    text = "Ines Varga runs the port.\nVarga said the toll would fall.\n\u201cNobody wants it,\u201d Tomas Brandt said."
    assert [reading[:3] for reading in paragraph_readings(text)] == [
        ("subject_before_verb/name_before", "Ines Varga", "indirect"),
        ("subject_before_verb/name_before", "Tomas Brandt", "direct"),
    ]
