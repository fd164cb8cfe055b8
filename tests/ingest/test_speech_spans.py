"""Where the speech rules read the cue and the source of a quote (``ParsedQuote.cue_span``, ``source_span``).

One test per rule family on short made-up sentences: the recorded spans are offsets into the body, the source
the speaker's mention as written (a noun phrase with its premodifiers and appositive). They are no part of the
exported quote and do not make two quotes unequal.
"""

from __future__ import annotations

from monitoring.ingest.parsers.article import ParsedQuote
from monitoring.ingest.parsers.speech import speech_extract
from monitoring.ingest.parsers.speech.pipeline import COLON_INTRODUCED, PARAGRAPH_SPEAKER
from monitoring.ingest.parsers.speech.spans import REPORT_THEN_QUOTATION
from monitoring.ingest.parsers.speech.speaker_rules import mention_extent


def read(body: str, index: int = 0) -> tuple[str, str | None, str | None]:
    """The rule of the body's quote at ``index`` and the text of its recorded cue and source spans."""
    quote = speech_extract(body)[1][index]
    cue = body[slice(*quote.cue_span)] if quote.cue_span else None
    source = body[slice(*quote.source_span)] if quote.source_span else None
    return quote.rule, cue, source


def test_spans_subject_before_verb_name_with_its_title_words():
    rule, cue, source = read("Harbour commission spokesperson Ilse Varga said the pier would reopen in May.")
    assert rule == "subject_before_verb/name_before"
    assert (cue, source) == ("said", "Harbour commission spokesperson Ilse Varga")


def test_spans_subject_before_verb_title_of_place_and_determiner():
    assert read("Former Secretary of Fisheries Ilse Varga said the pier would reopen.")[1:] == (
        "said",
        "Former Secretary of Fisheries Ilse Varga",
    )
    assert read("A tearful Varga said the pier would reopen.")[1:] == ("said", "A tearful Varga")


def test_spans_subject_before_verb_leaves_out_the_word_opening_the_clause():
    assert read("But Varga said the pier would reopen.")[1:] == ("said", "Varga")


def test_spans_subject_before_verb_leaves_out_a_verb_before_the_name():
    body = "Ilse Varga chairs the board. The panel that included Varga said the pier would reopen."
    _, cue, source = read(body)
    assert (cue, source) == ("said", "Varga")


def test_spans_subject_before_verb_appositive_and_aside():
    rule, cue, source = read("Ilse Varga, the harbour's chief engineer, said the pier would reopen.")
    assert rule == "subject_before_verb/appositive_before"
    assert (cue, source) == ("said", "Ilse Varga, the harbour's chief engineer,")
    assert read("Ilse Varga, for her part, said the pier would reopen.")[2] == "Ilse Varga"


def test_spans_subject_before_verb_description_and_pronoun():
    body = "Ilse Varga toured the pier. The engineer said it would reopen. She said it was safe."
    assert read(body, 0)[1:] == ("said", "The engineer")
    assert read(body, 1)[1:] == ("said", "She")


def test_spans_subject_before_verb_ends_before_an_auxiliary():
    body = "Ilse Varga toured the pier. The engineer has not yet said whether it is safe."
    assert read(body)[2] == "The engineer"


def test_spans_relative_subject_is_the_relative_pronoun():
    rule, cue, source = read("Varga, who said the pier would reopen, left the meeting early.")
    assert rule == "subject_before_verb/relative_name_before"
    assert (cue, source) == ("said", "who")


def test_spans_speaker_after_verb():
    body = '"The pier will reopen," said Ilse Varga, the harbour\'s chief engineer.'
    rule, cue, source = read(body)
    assert rule.startswith(("speaker_last/", "speaker_after_verb/"))
    assert (cue, source) == ("said", "Ilse Varga, the harbour's chief engineer")


def test_spans_according_to():
    rule, cue, source = read("The pier will reopen in May, according to the harbour commission.")
    assert rule.startswith("according_to/")
    assert (cue, source) == ("according to", "the harbour commission")
    rule, cue, source = read("The pier will close in May, according to a statement from the harbour board.")
    assert (rule, cue, source) == ("according_to_document", "according to", "a statement from the harbour board")


def test_spans_appositive_subject():
    rule, cue, source = read("Her deputy, Ilse Varga, told reporters that the pier would reopen.")
    assert rule == "appositive_subject/name"
    assert (cue, source) == ("told", "Her deputy, Ilse Varga,")


def test_spans_opening_participle():
    rule, cue, source = read("Declaring that the pier would reopen, the engineer left the quay.")
    assert rule.startswith("opening_participle/")
    assert (cue, source) == ("Declaring", "the engineer")


def test_spans_share_keeps_at_least():
    assert read("At least half of the dockers said the pier was unsafe.")[2] == "At least half of the dockers"


def test_spans_none_for_a_quote_given_to_the_paragraph_or_previous_speaker():
    quotes = speech_extract('Varga said the pier would reopen on Monday. "It is safe."')[1]
    assert [(q.rule, q.source_span is None, q.cue_span is None) for q in quotes] == [
        (f"subject_before_verb/name_before+{REPORT_THEN_QUOTATION}", False, False),  # the report runs on into it
        (PARAGRAPH_SPEAKER, True, True),
    ]
    quotes = speech_extract('Ilse Varga spoke on Monday.\n\n"It is safe," she said:\n\n"We checked it."')[1]
    assert (quotes[-1].rule, quotes[-1].source_span, quotes[-1].cue_span) == (COLON_INTRODUCED, None, None)


def test_spans_are_not_exported_and_not_compared():
    quote = speech_extract("Ilse Varga said the pier would reopen.")[1][0]
    assert quote.source_span is not None
    assert "source_span" not in quote.to_dict() and "cue_span" not in quote.to_dict()
    assert ParsedQuote(**quote.to_dict()) == quote


def test_spans_cue_is_the_verb_group_with_its_auxiliaries_adverbs_and_colon():
    assert read("Ilse Varga has repeatedly said the pier would reopen.")[1:] == ("has repeatedly said", "Ilse Varga")
    assert read('Ilse Varga also said: "The pier will reopen."')[1] == "also said:"
    assert read("Ilse Varga on Monday said the pier would reopen.")[1] == "said"  # (a time phrase is no verb group)


def test_spans_second_report_after_adding_has_its_participle_cue_and_the_subject():
    body = "The pier is unsafe, Ilse Varga said, adding that it would close in May."
    assert read(body, 0)[1:] == ("said", "Ilse Varga")
    rule, cue, source = read(body, 1)
    assert rule.endswith("+adding") and (cue, source) == ("adding", "Ilse Varga")


def test_spans_speaker_after_verb_takes_the_description_to_the_sentence_end():
    assert read('"The pier is unsafe," said Ilse Varga, who chairs the harbour board.')[2] == (
        "Ilse Varga, who chairs the harbour board"
    )
    assert read('"The pier is unsafe," said Ilse Varga of the harbour board.')[2] == "Ilse Varga of the harbour board"
    assert read('"The pier is unsafe," said Ilse Varga, referring to the old quay.')[2] == "Ilse Varga"


def test_spans_subject_leaves_out_a_participle_adjective_or_age_aside():
    assert read("Ilse Varga, clearly tired, also said the pier was unsafe.")[1:] == ("also said", "Ilse Varga")
    assert read("Ilse Varga, wearing a red cape, said the pier was unsafe.")[2] == "Ilse Varga"
    assert read("Ilse Varga, 58, said the pier was unsafe.")[2] == "Ilse Varga"
    assert read("Ilse Varga, 58, a docker from Molde, said the pier was unsafe.")[2] == (
        "Ilse Varga, 58, a docker from Molde,"
    )


def test_spans_catenative_verb_belongs_to_the_cue_not_the_subject():
    body = "Ilse Varga toured the pier. The engineer declined to say whether it was safe."
    assert read(body)[1:] == ("declined to say", "The engineer")
    body = "Ilse Varga toured the pier. The report goes on to say that it was unsafe."
    assert read(body)[1:] == ("goes on to say", "The report")


def test_spans_mention_stays_within_its_sentence():
    text = "They left the old pier. One of her aides, Ilse Varga,"
    assert text[slice(*mention_extent(text, text.index("pier"), len(text)))] == "One of her aides, Ilse Varga,"
    text = "They left the old pier. Port engineer Ilse Varga"
    assert text[slice(*mention_extent(text, text.index("Ilse"), len(text)))] == "Port engineer Ilse Varga"
    assert read("Gov. Ilse Varga said the pier was unsafe.")[2] == "Gov. Ilse Varga"


def test_spans_second_report_leaves_the_sentence_quotes_as_they_were():
    body = 'Ilse Varga said the pier was "a wreck," adding that it would close in May.'
    quotes = speech_extract(body)[1]
    assert [(q.kind, q.cue, q.rule) for q in quotes] == [
        ("indirect", "said", "subject_before_verb/name_before"),
        ("partial", "said", "subject_before_verb/name_before"),
        ("indirect", "adding", "subject_before_verb/name_before+adding"),
    ]


def test_spans_noun_report_owner_is_the_source_and_the_noun_the_cue():
    body = "Ilse Varga toured the pier. She later backed away from her claim that the pier would close."
    assert read(body)[1:] == ("claim", "her")
    assert read("Ilse Varga's warning that the pier would close alarmed the dockers.")[1:] == ("warning", "Ilse Varga")
