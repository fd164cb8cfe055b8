"""One test per speech rule, named after it (test_rule_<name>_...), on short made-up sentences.

Each test checks the rule a quote reports (``ParsedQuote.rule``: "<cue rule>/<speaker rule>")
as well as the speaker and the content, so a reordering that lets another rule take over fails.
"""

from __future__ import annotations

import sys

import pytest

from monitoring.ingest.parsers.speech import speech_extract
from monitoring.ingest.parsers.speech.pipeline import (
    COLON_INTRODUCED,
    CONTINUED_QUOTATION,
    CONTINUED_REPORT_QUOTATION,
    PARAGRAPH_SPEAKER,
    PREVIOUS_QUOTE_SPEAKER,
    _accept,
    _discourse,
)
from monitoring.ingest.parsers.speech.registry import UNNAMED_ASKER, Discourse
from monitoring.ingest.parsers.speech.rules import (
    CUE_RULES,
    FINAL_ATTRIBUTION_RULE,
    TRAILING_ACCORDING_RULE,
    read_attribution,
)
from monitoring.ingest.parsers.speech.spans import (
    ASKED_QUESTION_RULE,
    CONTINUED_REPORT,
    GROUP_RELATIVE_RULE,
    NOUN_REPORT_RULE,
    RELATIVE_REPORT_RULE,
    sentence_bounds,
)
from monitoring.ingest.parsers.speech.speaker_rules import (
    QUOTATION_AFTER_RULES,
    SUBJECT_RULES,
    noun_phrase_subject,
)

from . import test_speech_indirect_recall, test_speech_indirect_recall2, test_speech_subjects

# Rules that are not in the three ordered lists: the document source tried when no cue reads,
# the evaluative verbs of partial quotes, the two halves of the second reading's noun phrase
# the pipeline's hand-over of unattributed quotes and its join of a report with the quotation
# that continues it, and the question put to a speaker.
OTHER_RULES = (
    "according_to_document",
    "second_clause",
    TRAILING_ACCORDING_RULE,
    FINAL_ATTRIBUTION_RULE,
    "evaluative_verb",
    "noun_phrase_subject",
    "named_head_subject",
    "pronoun_subject",
    PARAGRAPH_SPEAKER,
    PREVIOUS_QUOTE_SPEAKER,
    COLON_INTRODUCED,
    CONTINUED_QUOTATION,
    CONTINUED_REPORT_QUOTATION,
    CONTINUED_REPORT,
    ASKED_QUESTION_RULE,
    RELATIVE_REPORT_RULE,
    GROUP_RELATIVE_RULE,
    NOUN_REPORT_RULE,
)


def only_quote(text: str):
    speakers, quotes = speech_extract(text)
    assert len(quotes) == 1, quotes
    speaker = next(s for s in speakers if s.name == quotes[0].speaker)
    return quotes[0], speaker


def test_every_rule_has_a_test_named_after_it():
    names = [rule.name for rule in (*CUE_RULES, *SUBJECT_RULES, *QUOTATION_AFTER_RULES)] + list(OTHER_RULES)
    assert len(names) == len(set(names)), "rule names must be unique"
    # (the rules reading a subject are tested in test_speech_subjects; the indirect-recall rules in their own modules)
    modules = (sys.modules[__name__], test_speech_subjects, test_speech_indirect_recall, test_speech_indirect_recall2)
    tests = [name for module in modules for name in dir(module) if name.startswith("test_rule_")]
    missing = [name for name in names if not any(test.startswith(f"test_rule_{name}_") for test in tests)]
    assert missing == []


# --- cue rules -----------------------------------------------------------------------------------


def test_rule_according_to_names_the_source_after_the_phrase():
    quote, speaker = only_quote("According to Lena Ortiz, the bridge will reopen in May.")
    assert quote.rule == "according_to/name_after"
    assert (quote.speaker, quote.kind, quote.text) == ("Lena Ortiz", "indirect", "the bridge will reopen in May")


def test_rule_according_to_keeps_the_owner_of_a_document_and_stops_at_a_dash():
    quote, speaker = only_quote("According to Berg's plea agreement, he faces two years in prison.")
    assert quote.rule == "according_to/name"
    assert (speaker.name, speaker.kind) == ("Berg's plea agreement", "group")
    quote, speaker = only_quote(
        "Tolls would rise by $1 billion, according to the Harbour Policy Center - half a point of the nation's output."
    )
    assert (speaker.name, speaker.kind) == ("Harbour Policy Center", "group")


def test_rule_according_to_leaves_out_the_writer_clause_after_the_source():
    quote, _ = only_quote("The ferry carried 300 cars in May, according to Lena Ortiz, but the pier is still closed.")
    assert quote.rule == "according_to/name_after"
    assert quote.text == "The ferry carried 300 cars in May"
    quote, _ = only_quote("The ferry carried 300 cars in May, according to Lena Ortiz, a record for the harbour.")
    assert quote.text == "The ferry carried 300 cars in May, according to Lena Ortiz, a record for the harbour"


def test_rule_quoted_as_saying_takes_the_subject_before_it():
    quote, _ = only_quote("Tomas Berg was quoted as saying the harbour would stay closed.")
    assert quote.rule == "quoted_as_saying/name_before"
    assert (quote.speaker, quote.text) == ("Tomas Berg", "the harbour would stay closed")


def test_rule_not_a_report_rejects_a_verb_that_needs_a_that_clause():
    assert speech_extract("The regional council proposed a new tax on ferries.") == ([], [])
    quote, _ = only_quote("The regional council proposed that ferries pay a new tax.")
    assert quote.text == "ferries pay a new tax"


def test_rule_not_a_report_lets_a_participle_that_needs_that_report_a_finite_clause():
    _, quotes = speech_extract("Ines Weingart toured the pier, suggesting the mayor would close it.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_opens_sentence/name_before", "Ines Weingart", "the mayor would close it")
    ]
    assert speech_extract("Ines Weingart toured the pier, suggesting a few changes.") == ([], [])
    _, quotes = speech_extract("Ines Weingart is suggesting she won the harbour vote.")  # (a subject pronoun opens it)
    assert [(q.cue, q.text) for q in quotes] == [("suggesting", "she won the harbour vote")]


def test_rule_not_a_report_rejects_a_cue_after_no():
    assert speech_extract("There's no denying the pier was full on Monday.") == ([], [])
    assert speech_extract("There's no denying that the pier was full on Monday.") == ([], [])


def test_rule_not_a_report_leaves_a_verb_before_by_and_a_participle_to_the_participle():
    _, quotes = speech_extract("Ines Weingart responded by saying the pier was full.")
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [("saying", "Ines Weingart", "the pier was full")]


def test_rule_not_a_report_rejects_adding_to():
    assert speech_extract("Ines Weingart won the harbour vote, adding to her lead over the mayor.") == ([], [])
    _, quotes = speech_extract("Ines Weingart said the pier was full, adding to the mayor's worries.")
    assert [quote.rule for quote in quotes] == ["subject_before_verb/name_before"]


def test_rule_not_a_report_rejects_a_passive_phrase_cue():
    assert speech_extract("The harbour board was called on to close the pier.") == ([], [])


def test_rule_not_a_report_free_relative_end_rejects_the_verb_of_nothing_the_mayor_said():
    # "Nothing the mayor said" names what was said: the sentence's report is the dockers'.
    _, quotes = speech_extract("Everything Ana Berg said was a lie, the dockers claimed.")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("the dockers", "indirect", "Everything Ana Berg said was a lie")
    ]
    _, quotes = speech_extract("Paul Ruiz spoke. Nothing the mayor said “will calm the dockers,” Ruiz said.")
    assert "direct" not in [q.kind for q in quotes]
    # "What she said is ...": a report of hers.
    _, quotes = speech_extract("The firm cited what Ana Berg said is a growing demand for berths.")
    assert [q.speaker for q in quotes] == ["Ana Berg"]


def test_rule_not_a_report_rejects_continues_before_an_infinitive_or_object():
    assert speech_extract("Still, Okafor continues to trail Sorel by three hundred votes.")[1] == []
    quote, speaker = only_quote("Okafor continued that the port was full.")
    assert (speaker.name, quote.text) == ("Okafor", "the port was full")


def test_rule_not_a_report_rejects_answered_and_shot_back_before_an_object_or_adverb():
    assert speech_extract("The candidates answered questions for an hour in the harbour hall.")[1] == []
    assert speech_extract("Last year, ferry fares shot back up by five percent.")[1] == []
    for verb in ("answered", "shot back", "fired back"):
        quote, speaker = only_quote(f'"Nobody dredges faster," Ines Carvalho {verb}.')
        assert (quote.rule, speaker.name, quote.kind, quote.text) == (
            "subject_before_verb/name_before",
            "Ines Carvalho",
            "direct",
            "Nobody dredges faster",
        )
    quote, speaker = only_quote('Tomas Berg answered: "The pier stays open."')
    assert (speaker.name, quote.kind, quote.text) == ("Tomas Berg", "direct", "The pier stays open.")


def test_rule_subject_before_verb_keeps_a_quotation_after_an_opening_phrase_direct():
    # No attribution set off by commas inside a report ('The harbour, she said, "was ..."'): the quotation is whole.
    quote, speaker = only_quote("In her speech, Ines Carvalho said “there is no finer harbour than ours.”")
    assert (quote.rule, speaker.name, quote.kind, quote.text) == (
        "subject_before_verb/name_before",
        "Ines Carvalho",
        "direct",
        "there is no finer harbour than ours.",
    )


def test_rule_subject_opens_sentence_reads_a_pronoun_contraction_after_a_quote_as_the_report_going_on():
    _, quotes = speech_extract("Ines Carvalho visited the port, saying “on her worst day” she’d beat any rival.")
    assert [(q.rule, q.kind, q.text) for q in quotes] == [
        ("subject_opens_sentence/name_before", "indirect", "“on her worst day” she’d beat any rival"),
        ("subject_opens_sentence/name_before", "partial", "on her worst day"),
    ]


def test_rule_speaker_after_verb_reads_a_lower_case_second_part_after_a_long_attribution_as_direct():
    _, quotes = speech_extract(
        '"This used to be our back yard," said Ana Ruiz, the director of harbour and river studies at the Royal'
        ' Maritime Institute in the old town of Lisbon, "but it is coming into the city\'s hands."'
    )
    assert [(q.rule, q.speaker, q.kind, q.text) for q in quotes] == [
        ("speaker_after_verb/name_after", "Ana Ruiz", "direct", "This used to be our back yard"),
        ("speaker_after_verb/name_after", "Ana Ruiz", "direct", "but it is coming into the city's hands."),
    ]


def test_rule_subject_before_verb_reads_a_whole_quotation_after_words_set_off_by_a_comma_as_direct():
    _, quotes = speech_extract(
        "Ines Carvalho said on the radio on Monday, in reference to the strike, “No one should doubt us.”"
    )
    assert [(q.rule, q.speaker, q.kind, q.text) for q in quotes] == [
        ("subject_before_verb/name_before", "Ines Carvalho", "direct", "No one should doubt us.")
    ]
    # (A quotation that goes on in lower case is a fragment of the report.)
    _, quotes = speech_extract(
        "Ines Carvalho said on the radio on Monday, in reference to the strike, “no one doubts us.”"
    )
    assert [q.kind for q in quotes] == ["indirect", "partial"]


def test_names_a_work_takes_a_slogan_for_a_title_not_a_quotation():
    _, quotes = speech_extract(
        "Many sailors noted on the radio the change from the usual harbour slogan, “Keep The Port Open.”"
    )
    assert [q.kind for q in quotes] == ["indirect", "partial"]


def test_rule_speaker_last_reads_a_sentence_ending_with_its_speaker():
    quote, _ = only_quote("The ferry will run twice a day, said Tomas Berg.")
    assert quote.rule == "speaker_last/name_after"
    assert (quote.speaker, quote.text) == ("Tomas Berg", "The ferry will run twice a day")


def test_rule_subject_before_verb_reads_x_said_content():
    quote, _ = only_quote("Tomas Berg said the ferry would run twice a day.")
    assert quote.rule == "subject_before_verb/name_before"
    assert (quote.speaker, quote.text) == ("Tomas Berg", "the ferry would run twice a day")


def test_rule_content_around_subject_takes_both_parts_of_an_interrupted_report():
    quote, _ = only_quote("The toll would be lowered, Tomas Berg said, by the end of the summer.")
    assert quote.rule == "content_around_subject/name_before"
    assert (quote.speaker, quote.kind, quote.text) == (
        "Tomas Berg",
        "indirect",
        "The toll would be lowered, Tomas Berg said, by the end of the summer",
    )


def test_rule_content_around_subject_leaves_a_participle_to_its_own_report():
    _, quotes = speech_extract("The toll would be lowered, Tomas Berg said, adding that the ferry would run.")
    assert [(quote.rule, quote.text) for quote in quotes] == [
        ("subject_before_verb/name_before", "The toll would be lowered"),
        ("subject_before_verb/name_before+adding", "the ferry would run"),
    ]


def test_rule_second_clause_ends_the_report_before_a_clause_with_its_own_report():
    _, quotes = speech_extract("Ines Weingart said the pier was full, but Tomas Berg said it was empty.")
    assert [(quote.speaker, quote.rule, quote.text) for quote in quotes] == [
        ("Ines Weingart", "subject_before_verb/name_before", "the pier was full"),
        ("Tomas Berg", "subject_before_verb/name_before", "it was empty"),
    ]
    _, quotes = speech_extract("Six in 10 dockers said the toll is fair; a third said the ferry is too slow.")
    assert [quote.text for quote in quotes] == ["the toll is fair", "the ferry is too slow"]


def test_rule_second_clause_without_a_subject_is_the_speaker_next_report():
    _, quotes = speech_extract("Lena Ortiz says the ferry is late, but insists the crossing is safe.")
    assert [(quote.speaker, quote.rule, quote.text) for quote in quotes] == [
        ("Lena Ortiz", "subject_before_verb/name_before", "the ferry is late"),
        ("Lena Ortiz", "subject_before_verb/name_before+second_clause", "the crossing is safe"),
    ]


def test_rule_second_clause_leaves_the_report_whole_when_its_verb_is_the_report_own():
    # ("asked" is not in the tense of "says", "sit down and tell" is a plain form, no comma before "and asked",
    # and "according to" reports the whole sentence.)
    for text in (
        "Lena Ortiz says she spoke to the crew, and asked them to wait.",
        "Lena Ortiz said she would sit down with the crew and tell them to wait.",
        "Lena Ortiz said she spoke to the crew and asked them to wait.",
        "According to the harbour memo, the pier closed, and Tomas Berg told aides it would reopen.",
    ):
        quote, _ = only_quote(text)
        assert quote.text.endswith("to wait") or quote.text.endswith("it would reopen"), quote


def test_rule_content_around_subject_with_a_determiner_left_out_of_the_subject():
    quote, _ = only_quote("The ferry will stop running, those fishermen argued, unless the port reopens.")
    assert (quote.rule, quote.speaker) == ("content_around_subject/group_before", "fishermen")
    assert quote.text == "The ferry will stop running, those fishermen argued, unless the port reopens"


def test_rule_content_around_subject_after_a_clause_opened_by_a_conjunction():
    quote, _ = only_quote("But the pier was not closed, the harbour officials said Friday, because the tide was low.")
    assert (quote.rule, quote.speaker) == ("content_around_subject/group_before", "the harbour officials")
    assert quote.text.startswith("But the pier was not closed") and quote.text.endswith("the tide was low")


def test_rule_content_around_subject_when_the_report_goes_on_after_where_and_how():
    quote, _ = only_quote("If she wins the vote, Lena Ortiz said in a radio interview, the ferry will run again.")
    assert (quote.rule, quote.speaker) == ("content_around_subject/name_before", "Lena Ortiz")
    assert quote.text == "If she wins the vote, Lena Ortiz said in a radio interview, the ferry will run again"
    quote, _ = only_quote("The ferry will run, Tomas Berg said on Monday, where he lives.")
    assert (quote.rule, quote.text) == ("content_then_subject/name_before", "The ferry will run")


def test_rule_content_around_subject_when_the_report_goes_on_after_a_semicolon():
    quote, _ = only_quote("The pier got the letters in May, Tomas Berg said; his aides found them on the quay.")
    assert (quote.rule, quote.speaker) == ("content_around_subject/name_before", "Tomas Berg")
    assert quote.text == "The pier got the letters in May, Tomas Berg said; his aides found them on the quay"


def test_rule_content_around_speaker_takes_both_parts_around_an_inverted_attribution():
    quote, _ = only_quote(
        "Rather than see the levy rise, said Marta Okonkwo, a vice president at the port, the board wants a cut."
    )
    assert (quote.rule, quote.speaker) == ("content_around_speaker/name_after", "Marta Okonkwo")
    assert quote.text.startswith("Rather than see the levy rise, said") and quote.text.endswith("the board wants a cut")
    _, quotes = speech_extract("“We are ready,” said Ivo Brandt, who runs the port, at the quay.")
    assert [(q.rule, q.text) for q in quotes] == [("speaker_after_verb/name_after", "We are ready")]


def test_rule_content_then_subject_when_the_verb_is_followed_by_where_and_how():
    quote, _ = only_quote("The ferry will run twice a day, Tomas Berg said in a radio interview on the quay.")
    assert quote.rule == "content_then_subject/name_before"
    assert (quote.speaker, quote.kind, quote.text) == ("Tomas Berg", "indirect", "The ferry will run twice a day")


def test_rule_content_then_subject_when_a_dash_follows_the_verb():
    quote, _ = only_quote("The ferry will stop in June, Tomas Berg said on Monday -- a blow that few expected.")
    assert (quote.rule, quote.speaker, quote.text) == (
        "content_then_subject/name_before",
        "Tomas Berg",
        "The ferry will stop in June",
    )


def test_rule_content_then_subject_after_the_object_of_told():
    quote, _ = only_quote("The ferry will stop in June, Tomas Berg told the council in a letter.")
    assert (quote.rule, quote.text) == ("content_then_subject/name_before", "The ferry will stop in June")
    quote, _ = only_quote("The ferry will stop in June, Tomas Berg told his aides as he left the quay.")
    assert (quote.rule, quote.text) == ("content_then_subject/name_before", "The ferry will stop in June")


def test_rule_content_then_subject_leaves_an_opening_phrase_and_a_that_clause_alone():
    quote, _ = only_quote("In Bergen on Monday, Tomas Berg said in a statement the ferry would run twice a day.")
    assert (quote.rule, quote.text) == ("subject_before_verb/name_before", "the ferry would run twice a day")
    quote, _ = only_quote("The quay is closed, Tomas Berg said at a meeting that the ferry would stop.")
    assert (quote.rule, quote.text) == ("subject_before_verb/name_before", "the ferry would stop")


def test_rule_partial_quote_content_takes_the_clause_with_its_quoted_words():
    speakers, quotes = speech_extract('Dockers "know why the union backed her, and most agree," Ines Weingart said.')
    report, fragment = quotes
    assert report.rule == "partial_quote_content/name_before"
    assert (report.speaker, report.kind) == ("Ines Weingart", "indirect")
    assert report.text.startswith("Dockers") and report.text.rstrip('",').endswith("most agree")
    assert (fragment.kind, fragment.text.rstrip(",")) == ("partial", "know why the union backed her, and most agree")


def test_rule_partial_quote_content_before_a_second_report_with_adding():
    _, quotes = speech_extract('Dockers "know why the union won," Ines Weingart said, adding that the pier was full.')
    reports = [(quote.rule, quote.kind) for quote in quotes if quote.kind == "indirect"]
    assert reports == [
        ("partial_quote_content/name_before", "indirect"),
        ("partial_quote_content/name_before+adding", "indirect"),
    ]
    assert quotes[0].text.startswith("Dockers")


def test_rule_partial_quote_content_before_told_and_its_object():
    _, quotes = speech_extract("The harbour “is gaining traction at last,” Deputy Mayor Ivo Brandt told reporters.")
    assert [(q.rule, q.kind, q.text) for q in quotes] == [
        ("partial_quote_content/name_before", "indirect", "The harbour “is gaining traction at last,”"),
        ("partial_quote_content/name_before", "partial", "is gaining traction at last,"),
    ]
    quote = speech_extract("The harbour “is gaining traction,” Ivo Brandt told the Molde Gazette.")[1][0]
    assert (quote.rule, quote.kind) == ("partial_quote_content/name_before", "indirect")


def test_rule_subject_before_verb_takes_a_condition_opening_the_sentence_into_the_report():
    quote, _ = only_quote("If the pier stays shut, Tomas Berg said the ferry would stop.")
    assert (quote.rule, quote.text) == (
        "subject_before_verb/name_before",
        "If the pier stays shut, Tomas Berg said the ferry would stop",
    )
    quote, _ = only_quote("On Monday, Tomas Berg said the ferry would stop.")  # (when it was said: no part of it)
    assert quote.text == "the ferry would stop"


def test_rule_subject_before_verb_skips_where_and_to_whom_it_was_said_before_that():
    for text in (
        "Lena Ortiz said on Harbour Radio that the ferry would run.",
        "Lena Ortiz said for the first time that the ferry would run.",
        "Lena Ortiz wrote to the port gazette that the ferry would run.",
        "Lena Ortiz wrote to Tomas Berg that the ferry would run.",
    ):
        quote, _ = only_quote(text)
        assert (quote.rule, quote.text) == ("subject_before_verb/name_before", "the ferry would run"), text
    quote, _ = only_quote("Lena Ortiz responded to reports that the ferry would stop.")
    assert quote.text.startswith("to reports")


def test_rule_subject_before_verb_skips_an_audience_a_feeling_or_only_before_that():
    for text, content in (
        ("Tomas Berg told a town hall in Molde on Monday that the toll is fair.", "the toll is fair"),
        ("Tomas Berg expressed confidence that the toll would fall.", "the toll would fall"),
        ("Tomas Berg said only that his numbers add up.", "his numbers add up"),
        ("Tomas Berg said something that upset the crew.", "something that upset the crew"),
    ):
        quote, _ = only_quote(text)
        assert (quote.rule, quote.text) == ("subject_before_verb/name_before", content), text


def test_rule_subject_before_verb_leaves_the_preposition_a_verb_governs_out_of_the_report():
    for text, content in (
        ("Tomas Berg boasted of winning 30 seats in Molde.", "winning 30 seats in Molde"),
        ("Tomas Berg warned against raising the harbour toll.", "raising the harbour toll"),
        (
            "Tomas Berg said of the dockers that they had earned the raise.",
            "of the dockers that they had earned the raise",
        ),
    ):
        quote, _ = only_quote(text)
        assert (quote.rule, quote.text) == ("subject_before_verb/name_before", content), text


def test_rule_subject_before_verb_reads_a_report_running_on_after_a_colon():
    quote, _ = only_quote("Three things make a strike unlikely, dock workers said: the fees, the weather and the tide.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/group_before", "dock workers")
    assert quote.text.startswith("Three things make") and quote.text.endswith("the weather and the tide")
    # (An opening phrase before the subject and a quotation to come: "In a speech, she declared:")
    assert speech_extract("In a speech in Oslo, Lena Ortiz declared:")[1] == []


def test_rule_final_attribution_reports_the_clause_before_it_and_keeps_the_report_inside():
    _, quotes = speech_extract("Tomas Berg promised to close the pier, Lena Ortiz claimed on Monday. She left.")
    assert [(q.speaker, q.cue, q.text, q.rule) for q in quotes] == [
        ("Lena Ortiz", "claimed", "Tomas Berg promised to close the pier", "final_attribution/name_before"),
        ("Tomas Berg", "promised", "to close the pier", "subject_before_verb/name_before"),
    ]
    # (A closing "said" is tried first, before the verbs of the report: see
    # test_a_verb_closing_the_sentence_after_a_comma_and_its_subject_is_read_before_the_verbs_in_the_report.)
    _, quotes = speech_extract("Tomas Berg promised to close the pier, Lena Ortiz said on Monday.")
    assert [(q.speaker, q.text) for q in quotes] == [("Lena Ortiz", "Tomas Berg promised to close the pier")]
    # (A that-clause after the last verb: no final attribution, "Berg promised ..., and Ortiz said that ...")
    _, quotes = speech_extract("Tomas Berg promised to close the pier, and Lena Ortiz said that it was right.")
    assert all(not q.rule.startswith("final_attribution") for q in quotes)


def test_rule_subject_before_verb_then_adding_that_after_a_quotation():
    _, quotes = speech_extract("Ivo Brandt said of the vote, “I do not like it,” adding that “nobody will fish here.”")
    assert [(q.rule, q.kind, q.text) for q in quotes] == [
        ("subject_before_verb/name_before", "direct", "I do not like it"),
        ("subject_before_verb/name_before+adding", "indirect", "“nobody will fish here.”"),
        ("subject_before_verb/name_before", "partial", "nobody will fish here."),
    ]


def test_rule_subject_before_verb_then_adding_that_inside_an_interrupted_quote_keeps_it_one_quotation():
    text = '"We will wait," Tomas Berg said, adding that the fees would fall. "Not before May."'
    _, quotes = speech_extract(text)
    assert [(q.rule, q.kind) for q in quotes] == [
        ("subject_before_verb/name_before", "direct"),
        ("subject_before_verb/name_before+adding", "indirect"),
    ]
    assert quotes[0].text.startswith("We will wait") and quotes[0].text.endswith("Not before May.")
    assert quotes[1].text == "the fees would fall"


def test_rule_partial_quote_content_leaves_a_full_quotation_direct():
    quote, _ = only_quote('"The union backed her, and most agree," Ines Weingart said.')
    assert (quote.rule, quote.kind) == ("subject_before_verb/name_before", "direct")


def test_rule_continued_by_quote_joins_a_report_and_the_quotation_after_its_attribution():
    text = 'Dockers "know why the union backed her," Ines Weingart said. "Most of us agree." The quay was empty.'
    _, quotes = speech_extract(text)
    report = next(quote for quote in quotes if quote.kind == "indirect")
    assert report.rule == f"partial_quote_content/name_before+{CONTINUED_REPORT}"
    assert report.text.startswith("Dockers") and report.text.rstrip('."').endswith("Most of us agree")
    assert [quote.kind for quote in quotes] == ["indirect", "partial"]  # the quoted fragment inside stays


def test_rule_continued_by_quote_not_after_another_sentence_or_a_cue_of_its_own():
    _, quotes = speech_extract('Dockers "know why," Ines Weingart said. Berg left. "Nobody agrees," she said.')
    assert CONTINUED_REPORT not in " ".join(quote.rule for quote in quotes)
    _, quotes = speech_extract('Ines Weingart said dockers "know why," adding, "Nobody agrees."')
    assert CONTINUED_REPORT not in " ".join(quote.rule for quote in quotes)


def by_rule(text: str) -> dict[str, tuple[str, str]]:
    """Each quote of a text by its rule: (speaker, content)."""
    _, quotes = speech_extract(text)
    return {quote.rule: (quote.speaker, quote.text) for quote in quotes}


def test_rule_asked_question_opening_the_sentence_is_the_unnamed_askers_report():
    found = by_rule(
        "Asked whether the ferry, which sank in May, would be raised, Lena Ortiz said the divers were ready."
    )
    assert found[ASKED_QUESTION_RULE] == (UNNAMED_ASKER, "whether the ferry, which sank in May, would be raised")
    assert found["subject_before_verb/name_before"] == ("Lena Ortiz", "the divers were ready")


def test_rule_asked_question_after_the_report_is_cut_from_it():
    found = by_rule("Tomas Berg said he would wait when asked about the new quay fees.")
    assert found[ASKED_QUESTION_RULE] == (UNNAMED_ASKER, "the new quay fees")
    assert found["subject_before_verb/name_before"] == ("Tomas Berg", "he would wait")
    found = by_rule("Tomas Berg told the Gazette on Monday when asked about the fees that he would wait.")
    assert found[ASKED_QUESTION_RULE] == (UNNAMED_ASKER, "the fees")
    assert found["subject_before_verb/name_before"] == ("Tomas Berg", "he would wait")


def test_rule_asked_question_with_words_between_and_a_passive_request():
    found = by_rule("Asked at a briefing in Molde on Monday why the pier closed, Lena Ortiz blamed the storm.")
    assert found[ASKED_QUESTION_RULE] == (UNNAMED_ASKER, "why the pier closed")
    found = by_rule("Tomas Berg was asked to name one bridge he had finished.")
    assert found[ASKED_QUESTION_RULE] == (UNNAMED_ASKER, "to name one bridge he had finished")


def test_rule_asked_question_credits_an_asker_named_after_by():
    speakers, quotes = speech_extract(
        "Asked by Mara Quist whether the pier would reopen, Lena Ortiz said it would. She left."
    )
    question = next(quote for quote in quotes if quote.rule == ASKED_QUESTION_RULE)
    assert (question.speaker, question.text) == ("Mara Quist", "whether the pier would reopen")
    assert "Mara Quist" in [speaker.name for speaker in speakers]


def test_rule_asked_question_credits_an_unnamed_asker_described_after_by():
    found = by_rule('"Absolutely," Tomas Berg said when asked by a reporter if that remained his view.')
    assert found[ASKED_QUESTION_RULE] == ("a reporter", "if that remained his view")


def test_rule_subject_opens_sentence_for_a_participle_after_by():
    quote, _ = only_quote("Tove Lindqvist answered by saying that the quay was unsafe.")
    assert (quote.speaker, quote.rule) == ("Tove Lindqvist", "subject_opens_sentence/name_before")
    quote, _ = only_quote("Mara Quist went on by asking whether the quay was unsafe.")
    assert (quote.speaker, quote.text) == ("Mara Quist", "whether the quay was unsafe")


def test_rule_asked_question_not_for_an_active_verb_or_anonymity():
    _, quotes = speech_extract("Lena Ortiz, the harbour chief, asked whether the pier would reopen.")
    assert [(quote.speaker, quote.rule) for quote in quotes] == [
        ("Lena Ortiz", "subject_before_verb/appositive_before")
    ]
    _, quotes = speech_extract("The clerk, Berg recalled, asked her what she wanted.")
    assert ASKED_QUESTION_RULE not in [quote.rule for quote in quotes]
    _, quotes = speech_extract("A docker who asked not to be named said the quay was unsafe.")
    assert ASKED_QUESTION_RULE not in [quote.rule for quote in quotes]


def test_rule_asked_question_inside_an_interrupted_quote_keeps_its_parts_direct():
    _, quotes = speech_extract('"We will see," Tomas Berg said when asked about the fees. "Not before May."')
    assert [(quote.kind, quote.rule) for quote in quotes] == [
        ("direct", "subject_before_verb/name_before"),
        ("indirect", ASKED_QUESTION_RULE),
    ]
    assert quotes[0].text.startswith("We will see") and quotes[0].text.rstrip(".").endswith("Not before May")


def test_rule_relative_report_is_a_second_report_of_the_speaker_named_after_the_verb():
    _, quotes = speech_extract(
        '"We will wait," said Tomas Berg, the port chief, who said the fees would fall by May. "Not before."'
    )
    assert [(quote.speaker, quote.kind, quote.rule) for quote in quotes] == [
        ("Tomas Berg", "direct", "speaker_after_verb/name_after"),
        ("Tomas Berg", "indirect", RELATIVE_REPORT_RULE),
    ]
    assert quotes[1].text == "the fees would fall by May"
    assert quotes[0].text.rstrip(".").endswith("Not before")  # the quotation goes on across the relative clause


@pytest.mark.parametrize(
    "sentence, content",
    [
        # "who" right after the description, with no comma before it
        (
            '"We will wait," said Tomas Berg, a port pilot who said the fees would fall by May.',
            "the fees would fall by May",
        ),
        # "about" before a number opens no topic
        (
            '"We will wait," said Tomas Berg, who predicted about half of the fees would fall by May.',
            "about half of the fees would fall by May",
        ),
    ],
)
def test_rule_relative_report_after_a_description_or_before_about_a_number(sentence, content):
    _, quotes = speech_extract(sentence)
    assert [(quote.speaker, quote.rule, quote.text) for quote in quotes][1:] == [
        ("Tomas Berg", RELATIVE_REPORT_RULE, content)
    ]


def test_rule_relative_report_not_for_a_verb_without_a_clause():
    _, quotes = speech_extract('"We will wait," said Tomas Berg, who wrote about the quay in his book.')
    assert RELATIVE_REPORT_RULE not in [quote.rule for quote in quotes]
    _, quotes = speech_extract('"We will wait," said Tomas Berg, who called the plan a gift to the ferry lines.')
    assert RELATIVE_REPORT_RULE not in [quote.rule for quote in quotes]


def test_adding_takes_a_second_report_after_but_or_and_with_a_finite_verb_and_that():
    _, quotes = speech_extract("Tomas Berg said the quay was safe, but added that the fees would rise.")
    assert [(quote.text, quote.rule) for quote in quotes] == [
        ("the quay was safe", "subject_before_verb/name_before"),
        ("the fees would rise", "subject_before_verb/name_before+adding"),
    ]
    quote, _ = only_quote("Tomas Berg said the quay was safe and added the fees to the bill.")
    assert quote.text == "the quay was safe and added the fees to the bill"  # no "that": no second report


def test_adding_takes_a_second_report_after_though_and_a_pronoun():
    _, quotes = speech_extract('"The quay is safe," said Tomas Berg, though he added that the fees would rise.')
    assert [(quote.text, quote.rule) for quote in quotes] == [
        ("The quay is safe", "speaker_after_verb/name_after"),
        ("the fees would rise", "speaker_after_verb/name_after+adding"),
    ]


def test_adding_takes_a_second_report_before_adding():
    _, quotes = speech_extract('"The quay is safe," Tomas Berg replied before adding that the fees would rise.')
    assert [(quote.text, quote.rule) for quote in quotes] == [
        ("The quay is safe", "subject_before_verb/name_before"),
        ("the fees would rise", "subject_before_verb/name_before+adding"),
    ]


def test_rule_group_relative_with_warn_or_claim_and_a_share_in_percent():
    _, quotes = speech_extract("The plan angered dock owners who warn the pier could close.")
    assert [(q.speaker, q.text, q.rule) for q in quotes] == [
        ("dock owners", "the pier could close", GROUP_RELATIVE_RULE)
    ]
    _, quotes = speech_extract("Most voters back the plan, including 18% who say the pier should close.")
    assert [(q.speaker, q.text, q.rule) for q in quotes] == [("18%", "the pier should close", GROUP_RELATIVE_RULE)]


def test_rule_group_relative_credits_the_group_before_who():
    speakers, quotes = speech_extract(
        "The mayor won among dock workers who said the fees were too high, while the council lost ground."
    )
    assert [(quote.speaker, quote.text, quote.rule) for quote in quotes] == [
        ("dock workers", "the fees were too high", GROUP_RELATIVE_RULE)
    ]
    assert [speaker.kind for speaker in speakers] == ["group"]


def test_rule_group_relative_not_for_a_person_or_a_short_report():
    _, quotes = speech_extract("The mayor thanked Tove Lindqvist, who said the fees were too high.")
    assert GROUP_RELATIVE_RULE not in [quote.rule for quote in quotes]
    _, quotes = speech_extract("The mayor won 40 percent, and 30 percent who said so.")
    assert quotes == []


def test_rule_noun_report_credits_the_owner_of_a_claim_with_its_that_clause():
    _, quotes = speech_extract(
        "Ivo Brandt spoke at the quay. Aides backed away from his claim that the port would close."
    )
    assert [(q.rule, q.speaker, q.cue, q.kind, q.text) for q in quotes] == [
        ("noun_report", "Ivo Brandt", "claim", "indirect", "the port would close")
    ]
    # A name's noun, a time between the noun and "that", and the report cut at a dash.
    _, quotes = speech_extract(
        "Lena Ortiz's warning on Monday that the channel had silted up — a first — went unheard."
    )
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [("noun_report", "Lena Ortiz", "the channel had silted up")]
    # Beside the sentence's own reading; "he" still stands for its speaker.
    _, quotes = speech_extract(
        "Tomas Berg runs the port. Lena Ortiz said his promise that the fees would fall was empty. He said nothing."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("subject_before_verb/name_before", "Lena Ortiz"),
        ("noun_report", "Tomas Berg"),
    ]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The mayor answered complaints from harbour officials that the ferry ran late.", "harbour officials"),
        ("The council rejected claims by Ines Weingart that the ferry ran late.", "Ines Weingart"),
        ("The council discussed a complaint from her deputy, Tomas Berg, that the ferry ran late.", "Tomas Berg"),
    ],
)
def test_rule_noun_report_reads_an_owner_after_by_or_from(sentence, speaker):
    _, quotes = speech_extract(sentence)
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [("noun_report", speaker, "the ferry ran late")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The vote ignored the union's earlier claim that the ferry ran late.", "the union"),
        ("The vote ignored harbour pilots’ warnings that the ferry ran late.", "harbour pilots"),
    ],
)
def test_rule_noun_report_reads_a_description_as_the_owner(sentence, speaker):
    _, quotes = speech_extract(sentence)
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [("noun_report", speaker, "the ferry ran late")]


def test_rule_noun_report_takes_no_outlet_or_text_as_the_owner_after_by():
    assert speech_extract("The mayor laughed at claims by the newspaper that the ferry ran late.")[1] == []
    assert speech_extract("The mayor laughed at the newspaper's claim that the ferry ran late.")[1] == []


def test_rule_noun_report_needs_an_owner_and_a_that_clause():
    assert speech_extract("Ana Ruiz rejected the claim that the pier is unsafe.") == ([], [])
    assert speech_extract("Ivo Brandt spoke. His comments about the port that he runs were brief.")[1] == []
    assert speech_extract("Ivo Brandt spoke. His statement was brief.")[1] == []


def test_a_cue_after_a_possessive_is_a_noun_but_not_after_a_contraction():
    assert speech_extract("Ana Ruiz's warning came late.")[1] == []
    quote, _ = only_quote("Ana Ruiz spoke. She's warning that the pier is unsafe.")
    assert (quote.speaker, quote.text) == ("Ana Ruiz", "the pier is unsafe")


def test_main_clause_reading_credits_the_main_clause_after_an_opening_clause():
    speakers, quotes = speech_extract(
        'After Lena Ortiz asked about the "absurd" fees, Tomas Berg replied that they would fall. He left.'
    )
    assert [(quote.speaker, quote.kind, quote.text) for quote in quotes] == [
        ("Lena Ortiz", "indirect", 'the "absurd" fees'),
        ("Lena Ortiz", "partial", "absurd"),  # quoted words inside the opening clause are its speaker's
        ("Tomas Berg", "indirect", "they would fall"),
    ]
    assert {speaker.name for speaker in speakers} == {"Lena Ortiz", "Tomas Berg"}
    _, quotes = speech_extract(
        "After Paul Sorel asked about the fees, Tomas Berg replied. He added that they would fall."
    )
    assert quotes[-1].speaker == "Tomas Berg"  # the main clause's speaker is the one named last


def test_main_clause_reading_keeps_one_reading_without_a_main_report():
    _, quotes = speech_extract("When Lena Ortiz said the quay was unsafe, nobody listened.")
    assert [quote.speaker for quote in quotes] == ["Lena Ortiz"]
    _, quotes = speech_extract("While not all Lena Ortiz says is true, Tomas Berg said the quay was unsafe.")
    assert [(quote.speaker, quote.text) for quote in quotes] == [("Tomas Berg", "the quay was unsafe")]


def test_rule_subject_before_verb_keeps_an_opening_phrase_inside_a_report_it_interrupts():
    quote, _ = only_quote("The fix, the harbour master told them, was simple.")
    assert (quote.rule, quote.text) == (
        "subject_before_verb/description_before",
        "The fix, the harbour master told them, was simple",
    )
    _, quotes = speech_extract("Ana Ruiz runs the port. In other coastal towns, she told us, the fees could double.")
    assert [q.text for q in quotes] == ["In other coastal towns, she told us, the fees could double"]
    # Not an opening that says how it was said, nor one before an attribution that interrupts nothing.
    _, quotes = speech_extract("Ana Ruiz runs the port. In a letter, she told us, the fees could double.")
    assert [q.text for q in quotes] == ["the fees could double"]
    _, quotes = speech_extract("Ana Ruiz runs the port. In other coastal towns, she said the fees could double.")
    assert [q.text for q in quotes] == ["the fees could double"]


def test_rule_subject_before_verb_leaves_the_person_asked_out_of_the_question():
    quote, _ = only_quote("Lena Ortiz asked the harbour board whether the pier would reopen.")
    assert quote.rule == "subject_before_verb/name_before"
    assert (quote.speaker, quote.text) == ("Lena Ortiz", "whether the pier would reopen")
    quote, _ = only_quote("Lena Ortiz asked the board to reopen the pier.")
    assert quote.text == "the board to reopen the pier"  # no question: the object stays in the content


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Ruiz toured the quay before adding that the pier would reopen in May.",
        "Ana Ruiz met the crew after saying that the pier would reopen in May.",
    ],
)
def test_rule_subject_opens_sentence_for_a_participle_after_before_or_after(sentence):
    quote, _ = only_quote(sentence)
    assert quote.rule == "subject_opens_sentence/name_before"
    assert (quote.speaker, quote.text) == ("Ana Ruiz", "the pier would reopen in May")


def test_rule_main_clause_subject_reads_past_and_even():
    quote, _ = only_quote("And even Ana Ruiz tried to calm the crowd, noting that the pier would reopen in May.")
    assert quote.rule == "main_clause_subject/name_before"
    assert (quote.speaker, quote.text) == ("Ana Ruiz", "the pier would reopen in May")


@pytest.mark.parametrize(
    "sentence, speaker, source",
    [
        (
            "Some harbour pilots — including two who trained in Molde — have long argued that the pier is unsafe.",
            "some harbour pilots",
            "Some harbour pilots — including two who trained in Molde —",
        ),
        (
            "Ana Ruiz - the pier's co-owner since 2009 - told reporters that the pier is unsafe.",
            "Ana Ruiz",
            "Ana Ruiz - the pier's co-owner since 2009 -",
        ),
        (
            "A former harbour master -- Ana Ruiz, who retired in May -- said the pier is unsafe.",
            "Ana Ruiz",
            "A former harbour master -- Ana Ruiz, who retired in May --",
        ),
        (
            "Ana Ruiz, the head of Lund Media -- which owns the pier -- told us the pier is unsafe.",
            "Ana Ruiz",
            "Ana Ruiz, the head of Lund Media -- which owns the pier --",
        ),
    ],
)
def test_rule_dash_aside_subject_reads_the_subject_before_an_aside_between_dashes(sentence, speaker, source):
    quote, _ = only_quote(sentence)
    assert quote.rule.startswith("dash_aside_subject/")
    assert (quote.speaker, quote.text, sentence[slice(*quote.source_span)]) == (speaker, "the pier is unsafe", source)


@pytest.mark.parametrize(
    "sentence, speaker, content",
    [
        (
            "The ferry plan stalled after the harbour's new director suggested the pier would close.",
            "the harbour's new director",
            "the pier would close",
        ),
        ("But as a harbour pilot noted, the pier is unsafe.", "a harbour pilot", "the pier is unsafe"),
    ],
)
def test_rule_subordinate_subject_reads_the_subject_after_a_conjunction(sentence, speaker, content):
    quote, _ = only_quote(sentence)
    assert quote.rule == "subordinate_subject/description_before"
    assert (quote.speaker, quote.text) == (speaker, content)


def test_rule_subordinate_subject_leaves_a_clause_after_a_comma_and_nouns_alone():
    quote, _ = only_quote("Later, after the port director concluded, Ana Ruiz said the pier is unsafe.")
    assert (quote.speaker, quote.text) == ("Ana Ruiz", "the pier is unsafe")
    assert speech_extract("The fees rose in May, as well as in states such as Molde.")[1] == []


def test_rule_subject_opens_sentence_for_a_second_verb_after_and():
    quote, _ = only_quote("Tomas Berg met the mayor on Friday and said the ferry would run twice a day.")
    assert quote.rule == "subject_opens_sentence/name_before"
    assert (quote.speaker, quote.text) == ("Tomas Berg", "the ferry would run twice a day")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Berg opposed the new pier but has since said the ferry would run twice a day.",
        "Tomas Berg found money for the quay and on Monday announced the ferry would run twice a day.",
        "Tomas Berg fought the toll and last week repeatedly said the ferry would run twice a day.",
        "Tomas Berg did not name the mayor but did note that the ferry would run twice a day.",
    ],
)
def test_rule_subject_opens_sentence_for_a_second_verb_after_adverbs_or_a_time(sentence):
    quote, _ = only_quote(sentence)
    assert quote.rule == "subject_opens_sentence/name_before"
    assert (quote.speaker, quote.text) == ("Tomas Berg", "the ferry would run twice a day")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # What stands between the subject and "and" looked like a group or a description to the subject rules.
        ("Tomas Berg met fishermen in Molde and told them that the ferry would run twice a day.", "Tomas Berg"),
        ("Tomas Berg greeted 300 supporters at a rally and told them the ferry would run twice a day.", "Tomas Berg"),
        (
            "The harbour master visited the quay and told reporters the ferry would run twice a day.",
            "the harbour master",
        ),
    ],
)
def test_rule_subject_opens_sentence_reads_no_subject_that_ends_with_and(sentence, speaker):
    quote, _ = only_quote(sentence)
    assert quote.rule.startswith("subject_opens_sentence/")
    assert (quote.speaker, quote.text) == (speaker, "the ferry would run twice a day")


def test_rule_subject_opens_sentence_before_a_present_tense_and_an_auxiliary():
    quote, _ = only_quote("Ivo Brandt often questions the board and has called for the mayor to resign.")
    assert (quote.rule, quote.speaker, quote.text) == (
        "subject_opens_sentence/name_before",
        "Ivo Brandt",
        "the mayor to resign",
    )
    _, quotes = speech_extract(
        "Ivo Brandt toured the port.\n\nHe is comparing the levy to the fee and says it is unfair."
    )
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_opens_sentence/pronoun_before", "Ivo Brandt", "it is unfair")
    ]


def test_rule_main_clause_subject_speaks_through_a_participle():
    quote, speaker = only_quote("Mina Sorel rips the harbour plan, arguing the cranes are too slow.")
    assert quote.rule == "main_clause_subject/name_before"
    assert (speaker.name, quote.kind, quote.text) == ("Mina Sorel", "indirect", "the cranes are too slow")


def test_rule_subject_opens_sentence_through_a_participle_after_an_adverb():
    _, quotes = speech_extract("Lena Ortiz toured the harbour, falsely suggesting that the cranes were unsafe.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_opens_sentence/name_before", "Lena Ortiz", "the cranes were unsafe")
    ]


def test_rule_subject_opens_sentence_through_remarking_mentioning_observing_repeating_reporting():
    for participle in ("remarking", "mentioning", "observing", "repeating", "reporting"):
        _, quotes = speech_extract(f"Lena Ortiz toured the harbour, {participle} that the cranes were unsafe.")
        assert [(q.rule, q.speaker, q.cue, q.text) for q in quotes] == [
            ("subject_opens_sentence/name_before", "Lena Ortiz", participle, "the cranes were unsafe")
        ]
    assert speech_extract("Lena Ortiz toured the harbour, mentioning the cranes.") == ([], [])


def test_rule_main_clause_subject_after_an_opening_phrase_with_for_or_despite():
    for opening in ("For months", "Despite the storm"):
        quote, speaker = only_quote(f"{opening}, Mina Sorel has been on the quay, arguing the cranes are too slow.")
        assert (quote.rule, speaker.name, quote.text) == (
            "main_clause_subject/name_before",
            "Mina Sorel",
            "the cranes are too slow",
        )


def test_rule_infinitive_report_reads_a_plain_form_after_to():
    for sentence, content in (
        ("Mina Sorel took to the radio to say that the cranes were unsafe.", "the cranes were unsafe"),
        ("Mina Sorel refused to concede she had lost the vote.", "she had lost the vote"),
        ("Mina Sorel went on to explain why the pier had closed.", "why the pier had closed"),
    ):
        quote, speaker = only_quote(sentence)
        assert (quote.rule, speaker.name, quote.kind, quote.text) == (
            "infinitive_report/name_before",
            "Mina Sorel",
            "indirect",
            content,
        )


def test_rule_infinitive_report_not_without_a_speaker_or_a_clause():
    for sentence in (
        "It is fair to say that the cranes were too slow for the harbour.",
        "The port of Velm is expected to announce that the cranes will stay.",
    ):
        assert speech_extract(sentence)[1] == []


def test_rule_subject_before_verb_reads_emailed_with_a_that_clause():
    quote, speaker = only_quote("Mina Sorel emailed reporters that the cranes were too slow.")
    assert (quote.rule, speaker.name, quote.kind, quote.text) == (
        "subject_before_verb/name_before",
        "Mina Sorel",
        "indirect",
        "the cranes were too slow",
    )
    assert speech_extract("Mina Sorel emailed a photo of the cranes to the harbour board.")[1] == []


def test_rule_subject_before_verb_keeps_the_report_before_an_attribution_that_adds_a_quotation():
    _, quotes = speech_extract('The port of Velm will close next week, Mina Sorel said, adding, "We need the cranes."')
    assert [(q.rule, q.speaker, q.kind, q.text) for q in quotes] == [
        ("subject_before_verb/name_before", "Mina Sorel", "indirect", "The port of Velm will close next week"),
        ("subject_before_verb/name_before", "Mina Sorel", "direct", "We need the cranes."),
    ]


def test_rule_subject_before_verb_through_a_progressive_with_been():
    quote, speaker = only_quote("Mina Sorel has been warning that the port of Velm is running out of cash.")
    assert (quote.rule, speaker.name, quote.kind, quote.text) == (
        "subject_before_verb/name_before",
        "Mina Sorel",
        "indirect",
        "the port of Velm is running out of cash",
    )


def test_rule_subject_opens_sentence_through_a_participle_after_to():
    quote, speaker = only_quote("Mina Sorel pivoted to arguing that the storm was one more reason to close the port.")
    assert (quote.rule, speaker.name, quote.kind, quote.text) == (
        "subject_opens_sentence/name_before",
        "Mina Sorel",
        "indirect",
        "the storm was one more reason to close the port",
    )


def test_rule_participle_after_with_credits_the_words_between_with_and_the_participle():
    _, quotes = speech_extract("The talk ended with Lena Ortiz asking Berg whether the pier would close.")
    assert [(q.rule, q.speaker) for q in quotes] == [("participle_after_with/name_before", "Lena Ortiz")]
    _, quotes = speech_extract("Most dockers back the plan, with 60 percent saying the pier should close.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("participle_after_with/share_before", "60 percent", "the pier should close")
    ]
    # (Not a thing, nor a phrase that says when: "with the port adding", "with Ortiz on Monday saying")
    _, quotes = speech_extract("Trade rose, with the port adding that 300 jobs would follow.")
    assert [q.rule for q in quotes if q.rule.startswith("participle_after_with")] == []


def test_rule_main_clause_subject_after_an_aside_and_an_irregular_verb():
    quote, speaker = only_quote("Paul Okafor, visibly tired, shot back in a letter, stating the fees were legal.")
    assert (speaker.name, quote.text) == ("Paul Okafor", "the fees were legal")


def test_rule_main_clause_subject_needs_a_that_clause_for_acknowledging():
    _, quotes = speech_extract("Paul Okafor waved at the crowd, acknowledging the cheers.")
    assert quotes == []


def test_rule_subject_opens_sentence_through_a_participle_after_quoted_words():
    _, quotes = speech_extract("Lena Ortiz talked up her “harbour plan,” promising that the port would reopen.")
    assert [(q.rule, q.speaker, q.kind, q.text) for q in quotes] == [
        ("subject_opens_sentence/name_before", "Lena Ortiz", "partial", "harbour plan,"),
        ("subject_opens_sentence/name_before", "Lena Ortiz", "indirect", "the port would reopen"),
    ]


def test_rule_speaker_after_verb_then_a_second_report_opened_by_any_participle_cue():
    _, quotes = speech_extract("“We are ready,” said Ivo Brandt, predicting the ferry would run by May.")
    assert [(q.rule, q.kind, q.text) for q in quotes] == [
        ("speaker_after_verb/name_after", "direct", "We are ready"),
        ("speaker_after_verb/name_after+adding", "indirect", "the ferry would run by May"),
    ]
    # A participle that needs a that-clause has one, or a finite clause: "suggesting a few questions" is none.
    _, quotes = speech_extract("“We are ready,” said Ivo Brandt, suggesting the ferry could run by May.")
    assert [q.text for q in quotes] == ["We are ready", "the ferry could run by May"]
    _, quotes = speech_extract("“We are ready,” said Ivo Brandt, suggesting a few new routes.")
    assert [q.text for q in quotes] == ["We are ready"]


def test_rule_speaker_after_verb_never_reads_a_subject_after_a_participle():
    _, quotes = speech_extract("For months, the harbour has been idle, arguing Ivo Brandt would sell it.")
    assert [q.rule for q in quotes if q.rule.startswith("speaker_after_verb")] == []


def test_rule_speaker_after_verb_with_more_words_after_the_speaker():
    quote, speaker = only_quote('"The ferry will run twice a day," said Tomas Berg, who runs the port, at the quay.')
    assert quote.rule == "speaker_after_verb/name_after"
    assert (quote.speaker, quote.kind) == ("Tomas Berg", "direct")


def test_rule_opening_participle_credits_the_subject_of_the_main_clause():
    quote, speaker = only_quote("Declaring that he alone could rebuild the port, Tomas Berg offered himself as mayor.")
    assert (quote.rule, quote.cue, speaker.name) == ("opening_participle/name_before", "declaring", "Tomas Berg")
    assert quote.text == "he alone could rebuild the port"
    _, quotes = speech_extract("Ana Ruiz spoke first. After saying she would wait, she left the quay.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("opening_participle/pronoun_before", "Ana Ruiz", "she would wait")
    ]
    # The main clause reports too: its report is the sentence's, the participle's goes with it.
    _, quotes = speech_extract("Noting that the pier is old, Ana Ruiz said she would rebuild it.")
    assert [(q.rule, q.text) for q in quotes] == [
        ("opening_participle/name_before", "the pier is old"),
        ("subject_before_verb/name_before", "she would rebuild it"),
    ]
    # A participle that reports nothing: no report.
    assert speech_extract("Adding to the confusion, Ana Ruiz left the quay.")[1] == []


def test_main_clause_reading_skips_a_main_verb_that_reports_nothing():
    _, quotes = speech_extract(
        "Ana Ruiz spoke first. While saying that she respects the mayor, she continued to doubt him."
    )
    assert [(q.rule, q.text) for q in quotes] == [("opening_participle/pronoun_before", "she respects the mayor")]


def test_rule_appositive_subject_reads_the_report_after_a_subject_and_its_appositive():
    quote, speaker = only_quote("Lena Ortiz, then 41, said the ferry would run twice a day.")
    assert quote.rule == "appositive_subject/name"
    assert (speaker.name, quote.kind, quote.text) == ("Lena Ortiz", "indirect", "the ferry would run twice a day")
    # The title before the name, and dashes in place of commas.
    quote, speaker = only_quote("The harbour's new pilot, Tomas Berg, said the channel had silted up.")
    assert (quote.rule, speaker.name, quote.text) == (
        "appositive_subject/name",
        "Tomas Berg",
        "the channel had silted up",
    )
    quote, speaker = only_quote("Ivo Brandt — a welder from Molde — says he will vote for the mayor.")
    assert (speaker.name, quote.text) == ("Ivo Brandt", "he will vote for the mayor")
    # No name: the first part is the subject.
    quote, speaker = only_quote("A port official, who asked not to be named, said the cranes were sold.")
    assert (quote.rule, quote.text) == ("appositive_subject/group_before", "the cranes were sold")


def test_rule_appositive_subject_with_quoted_words_in_a_relative_or_participle_clause():
    _, quotes = speech_extract('Ana Ruiz, who calls the pier "a wreck," said she would vote to rebuild it.')
    assert [(q.rule, q.kind, q.text) for q in quotes] == [
        ("appositive_subject/name", "partial", "a wreck,"),
        ("appositive_subject/name", "indirect", "she would vote to rebuild it"),
    ]
    # A clause with its own verb before the attribution is the report: the speaker follows the verb.
    _, quotes = speech_extract('The pier — old as it is — has been "a wreck for years," said Tomas Berg.')
    assert [(q.rule, q.speaker, q.kind) for q in quotes][0] == (
        "speaker_after_verb/name_after",
        "Tomas Berg",
        "indirect",
    )


def test_rule_appositive_subject_leaves_an_inverted_attribution_alone():
    quote, speaker = only_quote("The ferry was late, the quay was empty, said Tomas Berg, the harbour master.")
    assert (quote.rule, speaker.name) == ("speaker_last/name_after", "Tomas Berg")
    assert quote.text == "The ferry was late, the quay was empty"


def test_rule_noun_phrase_takes_a_subject_no_speaker_rule_knows():
    quote, speaker = only_quote("My neighbour down the lane who keeps bees said the winter was mild.")
    assert quote.rule == "noun_phrase/noun_phrase_subject"
    assert (speaker.name, speaker.kind, quote.text) == ("My neighbour down the lane", "group", "the winter was mild")


def test_rule_trailing_according_credits_the_source_that_reports_a_report():
    _, quotes = speech_extract("Ivo Brandt told the pilots that the pier would close, according to two dockers.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("trailing_according/group", "two dockers", "Ivo Brandt told the pilots that the pier would close"),
        ("subject_before_verb/name_before", "Ivo Brandt", "the pier would close"),
    ]
    # A quotation is its speaker's alone: the source of the report does not take it over.
    _, quotes = speech_extract("“The pier will close,” Ivo Brandt said, according to two dockers.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Ivo Brandt", "direct")]


def test_rule_according_to_document_when_only_a_statement_is_named():
    quote, speaker = only_quote("The ferry will stop in winter, according to a statement from the port.")
    assert quote.rule == "according_to_document"
    assert (speaker.kind, quote.text) == ("group", "The ferry will stop in winter")


def test_rule_evaluative_verb_gives_partial_quotes_only():
    quote, _ = only_quote('Tomas Berg called the plan "a gift to the mainland".')
    assert quote.rule == "evaluative_verb/name_before"
    assert (quote.speaker, quote.kind, quote.text) == ("Tomas Berg", "partial", "a gift to the mainland")


def test_rule_paragraph_speaker_takes_an_unattributed_quote_in_the_paragraph():
    _, quotes = speech_extract('Tomas Berg opened the quay. "We are ready." He then said the boats were fueled.')
    assert [(q.rule, q.speaker) for q in quotes] == [
        (PARAGRAPH_SPEAKER, "Tomas Berg"),
        ("subject_before_verb/pronoun_before", "Tomas Berg"),
    ]


def test_rule_previous_quote_speaker_goes_on_after_a_connective_before_the_quotation():
    _, quotes = speech_extract(
        "“He is supposed to be a cheerleader for this town,” Ana Ruiz said. Instead, “he acts like a defeated man.”",
        paragraph_break="\n",
    )
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Ruiz", "direct")]
    assert quotes[0].text.endswith("Instead, “he acts like a defeated man.")
    _, quotes = speech_extract(
        "“The pier is full,” Ana Ruiz said. Lately “the pier” has been quiet.", paragraph_break="\n"
    )
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("Ana Ruiz", "direct", "The pier is full")]


def test_rule_previous_quote_speaker_keeps_the_quotation_with_its_speaker():
    # The paragraph names another speaker afterwards: the quotation after Berg's attribution is still his.
    text = (
        "“The night has come,” Berg said on Monday. “They said we had no chance.” His aide, Lina Ortiz, "
        "struck a similar note. “It is a big night,” Ortiz said."
    )
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Berg", "The night has come,” Berg said on Monday. “They said we had no chance."),
        ("Lina Ortiz", "It is a big night"),
    ]
    _, quotes = speech_extract(
        "“We are sailors,” Ms. Holm said. “We are not smugglers.” Mr. Zahed said: “It is the storm.”"
    )
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Holm", "We are sailors,” Ms. Holm said. “We are not smugglers."),
        ("Zahed", "It is the storm."),
    ]


def test_rule_previous_paragraph_colon_hands_the_speaker_on():
    _, quotes = speech_extract('Tomas Berg then said:\n\n"Nobody will be left behind."')
    assert [(q.rule, q.speaker, q.kind) for q in quotes] == [(COLON_INTRODUCED, "Tomas Berg", "direct")]


def test_rule_continued_quotation_joins_a_quotation_paragraph_to_the_quotation_before():
    text = (
        '"The quay is ready," Tomas Berg said on Monday.\n\n"The ferries will run twice a day.\n\n'
        '"Nobody will be left behind."\n\nThe council meets on Friday.'
    )
    _, quotes = speech_extract(text)
    assert [(q.rule, q.speaker, q.kind) for q in quotes] == [
        (f"subject_before_verb/name_before+{CONTINUED_QUOTATION}", "Tomas Berg", "direct")
    ]
    quote = quotes[0]
    assert quote.text == text[quote.start : quote.end]  # one statement, stored as the body's passage
    assert quote.text.startswith("The quay is ready") and quote.text.endswith("Nobody will be left behind.")


def test_rule_continued_quotation_skips_blank_lines_and_needs_a_quotation_alone():
    text = '"The quay is ready," Tomas Berg said.\n\n"The ferries will run twice a day."\n'
    _, quotes = speech_extract(text, paragraph_break="\n")  # one paragraph a line, a blank line between
    assert [(q.speaker, q.kind) for q in quotes] == [("Tomas Berg", "direct")]
    assert quotes[0].text.endswith("twice a day.")
    # Reporter's words before the quotation, or a paragraph before it that ends without a quotation: no hand-over.
    for text in (
        '"The quay is ready," Tomas Berg said.\n\nAt the pier, "the ferries will run twice a day."',
        '"The quay is ready," Tomas Berg said. The council disagreed.\n\n"The ferries will run twice a day."',
    ):
        _, quotes = speech_extract(text)
        assert all("twice a day" not in q.text for q in quotes), text


def test_rule_continued_quotation_joins_across_an_aside_in_the_attribution_is_aside():
    # The second report and its quoted words in the attribution stand aside: the quotation goes on after them.
    text = (
        "“If they raise the fees, there is nothing you can do,” Tomas Berg told a rally, saying the council would"
        " “ruin the port.”\n\n“Maybe the dockers can stop it. That will be a sad day.”"
    )
    _, quotes = speech_extract(text)
    assert [(q.rule, q.speaker, q.kind) for q in quotes] == [
        (f"subject_before_verb/name_before+{CONTINUED_QUOTATION}", "Tomas Berg", "direct"),
        ("subject_before_verb/name_before+adding", "Tomas Berg", "indirect"),
        ("subject_before_verb/name_before", "Tomas Berg", "partial"),
    ]
    assert quotes[0].text.startswith("If they raise") and quotes[0].text.endswith("a sad day.")


def test_quote_continues_not_for_a_second_part_left_open_at_its_paragraph_end():
    # The second part is broken off by a stray line break: it has no closing mark, the sentence does not go on.
    text = (
        "“Some other candidates,” Tomas Berg added, “have spent on ads that do little to bring voters out\n"
        "to the caucuses.”"
    )
    _, quotes = speech_extract(text, paragraph_break="\n")  # one paragraph a line
    assert [(q.speaker, q.kind) for q in quotes] == [("Tomas Berg", "direct")]
    assert quotes[0].text.startswith("Some other candidates") and quotes[0].text.endswith("bring voters out")


def test_quotation_left_open_runs_over_paragraphs_to_the_attribution():
    text = '"The quay is ready.\n\n"The ferries will run twice a day," Tomas Berg said.\n\nThe council meets.'
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Tomas Berg", "direct", 'The quay is ready.\n\n"The ferries will run twice a day')
    ]


def test_quote_closed_by_a_misprinted_opening_mark_still_closes():
    _, quotes = speech_extract("“The quay is ready,“ Tomas Berg said. “The ferries run twice a day.”")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Tomas Berg", "direct", "The quay is ready"),
        ("Tomas Berg", "direct", "The ferries run twice a day."),
    ]


def test_quote_closed_by_a_misprinted_opening_mark_reads_its_attribution_after_the_mark():
    _, quotes = speech_extract("“The quay is safe,“ said Larry Noble.")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("Larry Noble", "direct", "The quay is safe")]
    assert quotes[0].rule == "speaker_after_verb/name_after"


def test_quote_closed_by_a_misprinted_opening_mark_after_a_word_still_closes():
    _, quotes = speech_extract("The atlas explains “the worth of ferries for the islands“ with a map. The quay is old.")
    assert [q.text for q in quotes if q.kind == "partial"] == ["the worth of ferries for the islands"]
    _, quotes = speech_extract("She praised the film “Harbour Lights“ and Tomas Berg said “it runs too long.”")
    assert [(q.speaker, q.text) for q in quotes if q.kind != "partial"] == [("Tomas Berg", "it runs too long.")]


def test_quotation_nested_in_a_quotation_with_the_same_marks_stays_inside():
    text = "Jan Kowal tweeted: “Voters at the pier wear “Ferries For All” shirts… ouch. #dover.”"
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Jan Kowal", "direct", "Voters at the pier wear “Ferries For All” shirts… ouch. #dover.")
    ]
    text = 'Rita Holm wrote, "The board is not about “Service For All” anymore. It is about the fees."'
    _, quotes = speech_extract(text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "The board is not about “Service For All” anymore. It is about the fees.")
    ]


def test_quotation_nested_in_a_quotation_over_paragraphs_stays_inside():
    text = (
        "Rita Holm stated:\n\n“The board is not about “Service For All” anymore.\n\n"
        "“It is about the fees,” she said.\n\nThe council meets."
    )
    _, quotes = speech_extract(text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "The board is not about “Service For All” anymore.\n\n“It is about the fees")
    ]


def test_quotation_left_open_before_a_closed_one_is_not_nested():
    # The first quotation is never closed: the marks after the second one close it alone.
    text = "“The quay is ready. “The ferries run twice a day,” Tomas Berg said. “The fees stay.”"
    _, quotes = speech_extract(text)
    assert [q.text for q in quotes] == ["The quay is ready. ", "The ferries run twice a day,", "The fees stay."]


def test_quoted_title_of_a_work_is_no_direct_quote():
    _, quotes = speech_extract("The ferries would stay, Tomas Berg said in his 2012 book, “A Harbour Son.”")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Tomas Berg", "indirect", "The ferries would stay"),
        ("Tomas Berg", "partial", "A Harbour Son."),
    ]
    text = "“The quay is ready,” Tomas Berg said.\n\n“Night Court” star Anna Vale opened the gala at the quay."
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.text) for q in quotes] == [("Tomas Berg", "The quay is ready")]


def test_quotation_from_a_book_is_still_a_direct_quote():
    _, quotes = speech_extract("Tomas Berg wrote in his memoir, “We were poor but the harbour was ours.”")
    assert [(q.speaker, q.kind) for q in quotes] == [("Tomas Berg", "direct")]
    _, quotes = speech_extract("“Not Now,” Tomas Berg said when asked about the fees.")
    assert [(q.speaker, q.kind, q.text) for q in quotes][:1] == [("Tomas Berg", "direct", "Not Now")]


def test_quotation_after_the_speakers_own_clause_is_direct_not_a_mixed_report():
    text = "Berg named none of his rivals, but told his voters, “our town is in trouble. Why fight now?”"
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Berg", "direct", "our town is in trouble. Why fight now?")
    ]
    # A report that runs on into the quotation stays one report ('CONTENT, she said, "rest."').
    _, quotes = speech_extract("Lina Ortiz spoke. The harbour, she said, “was never meant for tankers.”")
    assert [q.kind for q in quotes] == ["indirect", "partial"]
    # Quoted words inside the sentence, not whole sentences: still a report.
    _, quotes = speech_extract("Lina Ortiz spoke of the fees, saying “on a bad day” the port would lose money.")
    assert "direct" not in [q.kind for q in quotes]


def test_quotation_after_a_comma_and_a_participle_of_speech_is_direct():
    _, quotes = speech_extract(
        "Lina Ortiz noted her years as mayor of the town, saying “we faced hard times together.”"
    )
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "her years as mayor of the town"),
        ("direct", "we faced hard times together."),
    ]
    # Without the comma the participle belongs to the report: the quotation stays part of it.
    text = "Lina Ortiz says she would stand at the quay greeting voters saying “Vote for me.”"
    _, quotes = speech_extract(text)
    assert "direct" not in [q.kind for q in quotes]


def test_quotation_after_the_addressee_of_told_is_direct():
    text = "Lina Ortiz spoke. But she told the mayors who met in the city of Dover, “no one should doubt the port.”"
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes if q.kind != "indirect"] == [
        ("Lina Ortiz", "direct", "no one should doubt the port.")
    ]
    # A second quotation that goes on with the first one's sentence stays a fragment.
    text = "The “fees are too high,” Lina Ortiz told the Gazette after the vote, “and we will cut them.”"
    _, quotes = speech_extract(text)
    assert "direct" not in [q.kind for q in quotes]


def test_is_direct_quotation_set_off_by_a_dash_with_its_attribution_right_after_it():
    text = (
        "Lina Ortiz spoke. She railed at the plan — “I love this port,” she said, “I will never leave it” — and left."
    )
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Lina Ortiz", "direct", "I love this port,” she said, “I will never leave it")
    ]
    # Quoted words after a dash with no attribution of their own stay a fragment.
    text = "Lina Ortiz spoke. She said the plan — “a gift to the tankers,” in her words — would fail."
    _, quotes = speech_extract(text)
    assert "direct" not in [q.kind for q in quotes]


def test_is_direct_thing_relative_end_quotation_after_the_verb_of_a_things_relative_clause_is_no_quotation():
    # The sentence's verb is "said"; the "said" right before the quotation is the banner's, in a relative clause.
    text = "Lina Ortiz said the town had hung a banner that said “the harbour belongs to all of us.”"
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Lina Ortiz", "indirect", "the town had hung a banner that said “the harbour belongs to all of us.”"),
        ("Lina Ortiz", "partial", "the harbour belongs to all of us."),
    ]
    # The sentence's own verb right before the quotation: direct.
    _, quotes = speech_extract("Lina Ortiz said “the harbour belongs to all of us.”")
    assert [(q.kind, q.text) for q in quotes] == [("direct", "the harbour belongs to all of us.")]


# --- subject rules (before the verb) -------------------------------------------------------------


def test_rule_pronoun_before_she_for_a_woman_titled_spokesman():
    text = "Port spokesman Hope Marlowe said the quay was unsafe. She added that the fees would rise."
    _, quotes = speech_extract(text)
    assert [(quote.speaker, quote.rule) for quote in quotes][-1] == (
        "Hope Marlowe",
        "subject_before_verb/pronoun_before",
    )
    _, quotes = speech_extract("Spokesman Marlowe said the quay was unsafe. She added that the fees would rise.")
    assert len(quotes) == 1  # a surname alone: the "-man" role still tells the gender


def test_rule_pronoun_before_resolves_to_the_person_named_before():
    _, quotes = speech_extract('Tomas Berg spoke at length.\n\n"We are ready," he said.')
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/pronoun_before", "Tomas Berg")]


def test_a_verb_closing_the_sentence_after_a_comma_and_its_subject_is_read_before_the_verbs_in_the_report():
    quote, speaker = only_quote("Molde did not complain when the fees rose, a port official said on Monday.")
    assert (speaker.name, quote.text) == ("a port official", "Molde did not complain when the fees rose")
    _, quotes = speech_extract(
        "Molde did not complain when the fees rose, a port official said, adding that the cranes were old."
    )
    assert [(q.speaker, q.text) for q in quotes] == [
        ("a port official", "Molde did not complain when the fees rose"),
        ("a port official", "the cranes were old"),
    ]
    # After a "said" the sentence's subject said it all.
    _, quotes = speech_extract(
        "Several port officials said the quay was safe. "
        "Other dockers said they backed the plan, but the fees should wait until May, they said."
    )
    assert [q.speaker for q in quotes] == ["several port officials", "other dockers"]


def test_rule_pronoun_before_resolves_to_a_person_named_after_a_whip_title():
    _, quotes = speech_extract(
        '"The bill is a disgrace," said Senate Leader Paul Lund.\n\n'
        "Senate Majority Whip Peter Berg stood up next to a large photo of the quay.\n\n"
        '"I will tell you what a disgrace is," he said.'
    )
    assert [(q.rule, q.speaker) for q in quotes][-1] == ("subject_before_verb/pronoun_before", "Peter Berg")


def test_rule_pronoun_before_resolves_to_the_subject_of_a_sentence_with_quoted_words_only():
    _, quotes = speech_extract(
        'Paul Lund spoke first. Tomas Berg repeated the phrase "we assess" four times but reached no conclusion. '
        '"The port may close," he said.'
    )
    assert [(q.rule, q.speaker) for q in quotes if q.kind == "direct"] == [
        ("subject_before_verb/pronoun_before", "Tomas Berg")
    ]


def test_rule_pronoun_before_reads_the_sentence_after_quoted_words_that_end_one():
    _, quotes = speech_extract(
        'Paul Lund spoke first. Lena Ortiz, the harbour master, said the claims had "no substance." '
        "She added that the port was safe."
    )
    assert [(q.rule, q.speaker, q.text) for q in quotes if q.kind == "indirect"][-1] == (
        "subject_before_verb/pronoun_before",
        "Lena Ortiz",
        "the port was safe",
    )


def test_rule_pronoun_unnamed_speaker_before_is_the_unnamed_person_who_spoke_last():
    _, quotes = speech_extract(
        "Tomas Berg opened the meeting. A spokeswoman for the harbour board said the quay would reopen in May. "
        "She added that the cranes were old."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("subject_before_verb/group_before", "a spokeswoman for the harbour board"),
        ("subject_before_verb/pronoun_unnamed_speaker_before", "a spokeswoman for the harbour board"),
    ]


def test_rule_pronoun_unnamed_speaker_before_gives_way_to_a_person_named_since_or_of_the_gender():
    _, quotes = speech_extract(
        "A spokesman for the harbour board said the quay would reopen. Lena Ortiz toured it. She said it was unsafe. "
        "One delegate from Molde said the vote was close. She said the board would lose it."
    )
    assert [q.speaker for q in quotes] == [
        "a spokesman for the harbour board",
        "Lena Ortiz",
        "one delegate from Molde",
        "one delegate from Molde",
    ]
    assert quotes[3].rule == "subject_before_verb/pronoun_unnamed_speaker_before"


def test_rule_relative_name_before_credits_the_name_the_who_stands_for():
    quote, _ = only_quote("It was Ivo Brandt who said the pasture was dry.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/relative_name_before", "Ivo Brandt")


def test_rule_relative_name_before_credits_the_person_of_the_place_before_who():
    quote, speaker = only_quote("The toll was raised by Senator Tomas Berg of Texas, who said the pier was unsafe.")
    assert quote.rule == "subject_before_verb/relative_name_before"
    assert (speaker.name, speaker.kind) == ("Tomas Berg", "person")


def test_rule_relative_description_before_is_an_unnamed_person_or_group():
    quote, speaker = only_quote("The harbour master, a retired sailor who said the quay was unsafe, resigned.")
    assert quote.rule == "subject_before_verb/relative_description_before"
    assert (speaker.name, speaker.kind) == ("a retired sailor", "group")


def test_rule_relative_description_before_with_a_capitalised_word_before_a_comma_or_who_ve():
    _, quotes = speech_extract("Ivo Brandt met the Danish consul, who said the ferry would run again.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/relative_description_before", "the Danish consul", "the ferry would run again")
    ]
    _, quotes = speech_extract("Ivo Brandt must win over the delegates who've said the ferry should stop.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/relative_description_before", "the delegates", "the ferry should stop")
    ]
    # (Without the comma, a subject whose own verb follows: "A retired Navy sailor who argued ..., said ...")
    _, quotes = speech_extract("A retired Navy sailor who argued with Ivo Brandt in May said the quay was unsafe.")
    assert [q.rule for q in quotes] != ["subject_before_verb/relative_description_before"]


def test_rule_long_appositive_before_skips_age_home_town_and_relative_clause():
    quote, speaker = only_quote("Lena Ortiz, 29, of Molde, Ore., says her biggest worry is the pier.")
    assert quote.rule == "subject_before_verb/long_appositive_before"
    assert (speaker.name, quote.text) == ("Lena Ortiz", "her biggest worry is the pier")
    quote, _ = only_quote("Lena Ortiz, who lost a boat near Molde, Norway, in 2012, said the pier had failed her.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/long_appositive_before", "Lena Ortiz")


def test_rule_place_in_appositive_before_credits_the_person_the_place_describes():
    quote, _ = only_quote("Senator Tomas Berg of Texas, the No. 2 Republican in the Senate, said the port will close.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/place_in_appositive_before", "Tomas Berg")
    quote, _ = only_quote("Paul Porter, a truck driver from Ava, Mo., who joined the union, said the pier was full.")
    assert (quote.rule, quote.speaker, quote.text) == (
        "subject_before_verb/place_in_appositive_before",
        "Paul Porter",
        "the pier was full",
    )


def test_rule_appositive_before_takes_no_clause_for_an_appositive():
    _, quotes = speech_extract(
        "At a rally in Molde, Ore., on Sunday, Mrs. Ortiz tried to explain her vote, saying that the quay was unsafe."
    )
    # Not the town before the commas (her vote is a topic report of its own: see test_speech_topics).
    assert {quote.speaker for quote in quotes} == {"Ortiz"}
    _, quotes = speech_extract("At a rally in Molde, Ore., Mr. Berg was blunt, saying that the quay was unsafe.")
    assert "Molde" not in [quote.speaker for quote in quotes]
    quote, speaker = only_quote("Ivo Brandt, a trader who had lost his boat, said the quay was unsafe.")
    assert (quote.speaker, quote.rule) == ("Ivo Brandt", "subject_before_verb/appositive_before")


def test_rule_name_after_description_before_credits_the_name_the_description_introduces():
    quote, _ = only_quote("One docker backing Mr. Berg, Tove Lindqvist of the Molde union, said the quay was unsafe.")
    assert quote.rule == "subject_before_verb/name_after_description_before"
    assert (quote.speaker, quote.text) == ("Tove Lindqvist", "the quay was unsafe")
    quote, speaker = only_quote("The head of the Port Board, Adm. Paul Sorel, said the quay was unsafe.")
    assert (quote.speaker, quote.rule) == ("Paul Sorel", "subject_before_verb/reversed_appositive_before")
    assert "head of the Port Board" in speaker.titles  # a title in the description: that rule's reading


def test_rule_name_after_description_before_not_for_a_list_or_a_place():
    _, quotes = speech_extract("A friend of Ivo Brandt, Tove Lindqvist and Paul Sorel, said the quay was unsafe.")
    assert "name_after_description_before" not in quotes[0].rule
    _, quotes = speech_extract("A docker from Molde, Norway, said the quay was unsafe.")
    assert "name_after_description_before" not in quotes[0].rule


def test_rule_appositive_before_keeps_the_title():
    quote, speaker = only_quote("Ivo Brandt, chairman of the Valley Growers League, said the pasture was dry.")
    assert quote.rule == "subject_before_verb/appositive_before"
    assert (speaker.name, speaker.titles) == ("Ivo Brandt", ["chairman of the Valley Growers League"])
    assert speaker.organizations == ["Valley Growers League"]


def test_rule_appositive_before_credits_a_given_name_after_a_kin_description_and_no_day_is_a_name():
    text = 'On Radio Molde Tuesday, his wife, Jane, called for an open vote. "Closed votes are unwise," she said.'
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("Jane", "subject_before_verb/appositive_before"),
        ("Jane", "subject_before_verb/pronoun_before"),
    ]


def test_rule_name_after_leaves_the_day_out_of_the_name():
    _, quotes = speech_extract('The quay will reopen in May, said Tomas Berg Tuesday. "It is safe," Berg added.')
    assert [q.speaker for q in quotes] == ["Tomas Berg", "Tomas Berg"]


def test_rule_appositive_before_takes_no_clause_opening_with_a_verb_for_an_appositive():
    # ("Molde, is projected to flood,": the town is the subject of a clause inside the sentence's.)
    quote, _ = only_quote("Marco Ruiz, whose hometown, Molde, is projected to flood, argues that the plan will fail.")
    assert (quote.speaker, quote.text) == ("Marco Ruiz", "the plan will fail")


def test_rule_appositive_before_credits_a_name_inside_the_commas_when_none_stands_before():
    quote, speaker = only_quote(
        "In a letter to the Courier, her senior adviser, Tove Lindqvist, said the quay was unsafe."
    )
    assert (quote.rule, speaker.name, speaker.titles) == (
        "subject_before_verb/appositive_before",
        "Tove Lindqvist",
        ["her senior adviser"],
    )
    quote, speaker = only_quote("Moreover, Paul J. Sorel, director of the Harbour Institute, noted that the fees rose.")
    assert (speaker.name, speaker.titles) == ("Paul J. Sorel", ["director of the Harbour Institute"])
    # A full name before the commas keeps them: the name inside describes a place.
    quote, speaker = only_quote("Ana Ruiz, a trader from Molde, New Ulm, said the quay was unsafe.")
    assert speaker.name == "Ana Ruiz"


def test_rule_name_of_body_before_puts_the_country_in_the_title():
    quote, speaker = only_quote("Minister Ana Ruiz of Chile said the border would open.")
    assert quote.rule == "subject_before_verb/name_of_body_before"
    assert speaker.name == "Ana Ruiz" and "Minister of Chile" in speaker.titles


def test_rule_definite_body_before_is_a_group():
    quote, speaker = only_quote("The growers' union said the pasture was dry.")
    assert quote.rule == "subject_before_verb/definite_body_before"
    assert (speaker.name, speaker.kind) == ("the growers' union", "group")


def test_rule_parenthesis_before_skips_a_party_label():
    quote, _ = only_quote("Gwen Mora (D-Ore.) said the pasture was dry.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/parenthesis_before", "Gwen Mora")
    quote, _ = only_quote("Gwen Mora (D) said the pasture was dry.")  # a party's letter alone
    assert (quote.rule, quote.speaker) == ("subject_before_verb/parenthesis_before", "Gwen Mora")


def test_rule_reversed_appositive_before_reads_the_title_first():
    quote, speaker = only_quote("The chairman of the Valley Growers League, Ivo Brandt, said the pasture was dry.")
    assert quote.rule == "subject_before_verb/reversed_appositive_before"
    assert (speaker.name, speaker.titles) == ("Ivo Brandt", ["chairman of the Valley Growers League"])


def test_a_reversed_appositive_after_the_report_credits_the_name():
    # (Read by the appositive rules before the verb; the speaker and the report are what matter.)
    _, quotes = speech_extract("The league bought the pasture in May, a spokeswoman, Ivo Brandt, said.")
    assert [(q.speaker, q.text) for q in quotes] == [("Ivo Brandt", "The league bought the pasture in May")]
    assert quotes[0].rule.endswith("appositive_before")


def test_rule_reversed_appositive_before_with_a_name_ending_in_jr_after_a_title_of_a_body():
    quote, speaker = only_quote(
        "The chairman of the Port Board of Molde, Gen. Tomas F. Berg Jr., said the pier was unsafe."
    )
    assert quote.rule == "subject_before_verb/reversed_appositive_before"
    assert speaker.name == "Tomas F. Berg Jr"
    # The same person named with or without the period after "Jr".
    _, quotes = speech_extract("Tomas Berg Jr., the mayor, toured the pier. Tomas Berg Jr said the cranes were slow.")
    assert [q.speaker for q in quotes] == ["Tomas Berg Jr"]


def test_an_initial_before_a_title_word_makes_it_a_surname():
    quote, speaker = only_quote("Representative Peter T. King, Republican of Molde, said the pier was unsafe.")
    assert (speaker.name, speaker.titles[0]) == ("Peter T. King", "Representative")


def test_rule_title_reference_before_resolves_the_role_to_the_person():
    _, quotes = speech_extract(
        "Ivo Brandt, chairman of the Valley Growers League, spoke at noon. The chairman said the pasture was dry."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/title_reference_before", "Ivo Brandt")]


def test_rule_party_member_before_refers_back_to_the_person_named_before():
    speakers, quotes = speech_extract(
        "Paul Rand toured three dairy farms near Lake Orvin on Monday. The Wisconsin Republican said the milk price was unfair."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/party_member_before", "Paul Rand")]
    assert [s.name for s in speakers] == ["Paul Rand"]


def test_rule_party_member_before_takes_the_person_whose_role_names_the_place():
    _, quotes = speech_extract(
        "Paul Rand, the senator from Wisconsin, and Dora Ames, the Republican leader, met in Kellburn. "
        "Ms. Ames said the budget was late. The Wisconsin Republican said the dairy bill came first."
    )
    assert [(q.rule, q.speaker) for q in quotes][1] == ("subject_before_verb/party_member_before", "Paul Rand")


def test_rule_party_member_before_names_no_person_for_a_party_adjective():
    _, quotes = speech_extract(
        "Maria Lenz won the Nevada Democratic caucuses on Saturday. Ms. Lenz thanked her staff. "
        "She said the turnout was the best in years."
    )
    assert [q.speaker for q in quotes] == ["Maria Lenz"]


def test_rule_body_name_before_is_an_organisation_opening_its_clause():
    quote, speaker = only_quote("The border will open soon, the Harbour Authority said.")
    assert quote.rule == "subject_before_verb/body_name_before"
    assert (speaker.name, speaker.kind, quote.text) == ("Harbour Authority", "group", "The border will open soon")


def test_rule_body_name_before_takes_a_house_for_a_body_never_a_person_to_refer_back_to():
    speakers, quotes = speech_extract('The White House said the pier would close. "It is unsafe," she said.')
    assert quotes[0].rule == "subject_before_verb/body_name_before"
    assert [(s.name, s.kind) for s in speakers] == [("White House", "group")]
    assert all(q.rule != "subject_before_verb/pronoun_before" for q in quotes)


def test_rule_share_before_is_a_share_of_those_polled():
    quote, speaker = only_quote("Forty percent said the pasture was dry.")
    assert quote.rule == "subject_before_verb/share_before"
    assert (speaker.name, speaker.kind) == ("Forty percent", "group")


def test_rule_group_before_lowercases_the_group():
    quote, speaker = only_quote("Senior officials from three ministries said the pasture was dry.")
    assert quote.rule == "subject_before_verb/group_before"
    assert (speaker.name, speaker.kind) == ("senior officials from three ministries", "group")


def test_rule_share_before_keeps_the_voters_a_share_in_words_describes():
    quote, speaker = only_quote("Six in 10 Molde Harbour Party primary voters said the pier was unsafe.")
    assert quote.rule == "subject_before_verb/share_before"
    assert speaker.name == "six in 10 Molde Harbour Party primary voters"


def test_rule_group_before_keeps_the_words_that_describe_the_group():
    for sentence, group in (
        ("Molde election officials said the pier was unsafe.", "Molde election officials"),
        ("A wide array of economists said the pier was unsafe.", "a wide array of economists"),
        ("The talks ended when officials said the pier was unsafe.", "officials"),
        ("A Molde campaign official said the pier was unsafe.", "a Molde campaign official"),
    ):
        quote, speaker = only_quote(sentence)
        assert (quote.rule, speaker.name, speaker.kind) == ("subject_before_verb/group_before", group, "group")


def test_rule_share_before_keeps_at_least_and_a_share_right_before_its_noun():
    for sentence, share in (
        ("At least half of the dockers said the pier was unsafe.", "At least half of the dockers"),
        ("Nearly three in 10 voters said the pier was unsafe.", "Nearly three in 10 voters"),
    ):
        quote, speaker = only_quote(sentence)
        assert (quote.rule, speaker.name) == ("subject_before_verb/share_before", share)


def test_rule_group_before_keeps_a_number_with_a_thousands_separator():
    quote, speaker = only_quote("In the valley, 1,409 teachers said the pier was unsafe.")
    assert (quote.rule, speaker.name) == ("subject_before_verb/group_before", "1,409 teachers")


def test_rule_group_before_keeps_aides_to_a_person():
    quote, speaker = only_quote("Aides to Lena Ortiz said the pier was unsafe.")
    assert (quote.rule, speaker.name) == ("subject_before_verb/group_before", "aides to Lena Ortiz")


def test_rule_description_before_without_a_known_person_is_a_group():
    quote, speaker = only_quote("The league's longtime treasurer said the pasture was dry.")
    assert quote.rule == "subject_before_verb/description_before"
    assert (speaker.name, speaker.kind) == ("the league's longtime treasurer", "group")


def test_rule_description_before_opens_a_clause_after_when_or_while():
    _, quotes = speech_extract("Lena Ortiz froze on stage when a dock worker asked whether the pier would close.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/description_before", "a dock worker", "whether the pier would close")
    ]


def test_rule_description_before_keeps_initials_with_periods_inside_the_description():
    quote, speaker = only_quote(
        "In May, a U.S. District Court judge sided with the fishers, saying the toll was unlawful."
    )
    assert quote.rule == "subject_opens_sentence/description_before"
    assert (speaker.name, speaker.kind) == ("a U.S. District Court judge", "group")


def test_rule_title_reference_before_reads_a_role_with_initials_before_it():
    _, quotes = speech_extract("Senator Ana Ruiz toured the harbour. The U.S. senator said the cranes were too slow.")
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/title_reference_before", "Ana Ruiz")]


def test_rule_description_before_refers_back_to_the_person_a_role_describes():
    _, quotes = speech_extract(
        "Tomas Berg toured the new harbour on Monday. The independent candidate said the cranes were too slow."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/description_before", "Tomas Berg")]


def test_rule_description_before_takes_no_pronoun_with_is_for_an_owner():
    speakers, quotes = speech_extract(
        '"It goes by age," said Lena Ortiz, a retired pilot. '
        "She's a harbour pilot but concedes that most of her peers love the mayor."
    )
    assert all(not q.rule.endswith("description_before") for q in quotes)
    assert [s.name for s in speakers] == ["Lena Ortiz"]


def test_rule_description_before_refers_back_with_a_person_noun_of_any_trade():
    _, quotes = speech_extract(
        "Tomas Berg toured the new harbour on Monday. The veteran pollster said the cranes were too slow. "
        "The investor said the quay was safe."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("subject_before_verb/description_before", "Tomas Berg"),
        ("subject_before_verb/description_before", "Tomas Berg"),
    ]


def test_rule_description_before_takes_the_role_before_of_for_its_head():
    _, quotes = speech_extract(
        "Mina Sorel toured the new harbour on Monday. The former secretary of state said the cranes were too slow."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/description_before", "Mina Sorel")]


def test_rule_description_before_reads_two_roles_of_one_person_joined_by_and():
    _, quotes = speech_extract(
        "Tomas Berg toured the new harbour on Monday. "
        "The Kellburn councillor and independent mayoral candidate said the cranes were too slow."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/description_before", "Tomas Berg")]


def test_rule_description_before_is_no_back_reference_after_a_possessive():
    _, quotes = speech_extract("Tomas Berg said the cranes were slow.\n\nHis lawyer said the contract had expired.")
    assert [(q.rule, q.speaker) for q in quotes][1] == ("subject_before_verb/description_before", "his lawyer")


def test_rule_issuer_before_credits_who_issued_the_document_not_the_document():
    _, quotes = speech_extract("Ana Ruiz spoke first. Later, she released a statement saying that the port was safe.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/issuer_before", "Ana Ruiz", "the port was safe")
    ]
    quote, _ = only_quote("The harbour board sent a letter Monday saying the fees would rise.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/issuer_before", "the harbour board")
    quote, _ = only_quote("The statement said the fees would rise.")  # the document alone is the source
    assert (quote.rule, quote.speaker) == ("subject_before_verb/group_before", "the statement")


def test_rule_title_reference_before_takes_the_speaker_heard_since_the_last_person_on_record_with_the_role():
    _, quotes = speech_extract(
        '"We have a deal," Ana Lund said after a lunch with Harbour Board President Tomas Berg. '
        "Lund said the fees would fall. The president also said that the cranes were old."
    )
    assert [(q.rule, q.speaker) for q in quotes][-1] == ("subject_before_verb/title_reference_before", "Ana Lund")
    # Named since the speaker, the person on record with the role is the one.
    _, quotes = speech_extract(
        '"We have a deal," Ana Lund said. Later Harbour Board President Tomas Berg arrived at the quay. '
        "The president said that the cranes were old."
    )
    assert [q.speaker for q in quotes][-1] == "Tomas Berg"


def test_rule_title_reference_before_takes_the_person_of_that_gender_for_a_gendered_role():
    _, quotes = speech_extract(
        "Mina Sorel and Paul Okafor met at the port. Ms. Sorel said the cranes were slow. "
        "The businessman said the contract had expired."
    )
    assert [q.speaker for q in quotes] == ["Mina Sorel", "Paul Okafor"]


def test_rule_title_reference_before_reads_an_abbreviated_title_as_the_role():
    _, quotes = speech_extract(
        "Sen. Mara Holt and Tomas Berg met on Monday. Mr. Berg said the port was full. "
        "The senator said the cranes were slow."
    )
    assert [(q.rule, q.speaker) for q in quotes][1] == ("subject_before_verb/title_reference_before", "Mara Holt")


def test_rule_title_reference_before_never_takes_a_capitalised_title_for_a_back_reference():
    _, quotes = speech_extract('Mina Sorel spoke first. "The port is full," said Arlo King, a trader from the valley.')
    assert "Mina Sorel" not in [q.speaker for q in quotes]


def test_rule_name_before_keeps_a_lower_case_title_before_the_name():
    quote, speaker = only_quote("Kenyan lawmaker Njeri Wambugu said the pasture was dry.")
    assert quote.rule == "subject_before_verb/name_before"
    assert (speaker.name, speaker.titles) == ("Njeri Wambugu", ["Kenyan lawmaker"])


def test_rule_name_before_reads_a_rank_of_two_abbreviations_as_the_title():
    quote, speaker = only_quote("Lt. Gen. Tomas Berg said the pier was full.")
    assert quote.rule == "subject_before_verb/name_before"
    assert (speaker.name, speaker.titles) == ("Tomas Berg", ["Lt. Gen."])


def test_rule_name_before_takes_a_capital_for_its_government_never_a_person():
    _, quotes = speech_extract("Beijing has argued that the strait is open. He said the cranes were slow.")
    speakers, _ = speech_extract("Beijing has argued that the strait is open.")
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/name_before", "Beijing")]
    assert [(s.name, s.kind) for s in speakers] == [("Beijing", "group")]
    # A person of that name met before is that person.
    _, quotes = speech_extract("Ana Washington toured the pier. Washington said the cranes were slow.")
    assert [q.speaker for q in quotes] == ["Ana Washington"]


def test_rule_name_before_takes_initials_in_capitals_and_a_state_for_a_body_never_a_person():
    for sentence, body in (
        ("Later, the FBI said it would cooperate. He added that the files were safe.", "FBI"),
        ("Texas has argued that the strait is open. He added that the files were safe.", "Texas"),
        ("New Hampshire has argued that the strait is open. She added that the files were safe.", "New Hampshire"),
    ):
        speakers, quotes = speech_extract(sentence)
        assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/name_before", body)]
        assert [(s.name, s.kind) for s in speakers] == [(body, "group")]
    # A dateline in capitals is nobody; a given name that is a state names the person met before.
    _, quotes = speech_extract("OSLO - The harbour board said Tuesday the pier would close.")
    assert [q.speaker for q in quotes] == ["the harbour board"]
    _, quotes = speech_extract("Virginia Ruiz toured the pier. Virginia said the cranes were slow.")
    assert [q.speaker for q in quotes] == ["Virginia Ruiz"]


def test_rule_name_before_reads_a_party_noun_and_former_as_titles():
    quote, speaker = only_quote("Democrat Ana Ruiz said the pier was unsafe.")
    assert (quote.rule, speaker.name, speaker.titles) == ("subject_before_verb/name_before", "Ana Ruiz", ["Democrat"])
    # "Former Molde" is no person for a later "she" to refer to.
    _, quotes = speech_extract(
        'Former Molde governor Ana Ruiz, an early supporter, calls the pier a priority. "It matters," she said.'
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/pronoun_before", "Ana Ruiz")]


def test_a_name_never_runs_over_the_end_of_a_sentence_after_initials():
    _, quotes = speech_extract(
        "The ferries stopped in the U.S. While Lena Ortiz waited, the pier closed. She said the cranes were slow."
    )
    assert [q.speaker for q in quotes] == ["Lena Ortiz"]


def test_rule_name_before_credits_the_person_of_a_town_not_its_state():
    quote, speaker = only_quote("Stacy Lunde of Molde, South Carolina says the pier is unsafe.")
    assert (quote.rule, speaker.name) == ("subject_before_verb/name_before", "Stacy Lunde")


def test_rule_appositive_before_credits_the_person_not_a_town_before_its_state():
    quote, speaker = only_quote("Jeffrey Lunde, a Molde, Fla., rabbi helping the boycott, said the pier was unsafe.")
    assert (quote.rule, speaker.name) == ("subject_before_verb/appositive_before", "Jeffrey Lunde")
    assert "a Molde, Fla., rabbi helping the boycott" in speaker.titles


def test_rule_noun_phrase_subject_keeps_a_town_and_its_state_in_the_description():
    _, quotes = speech_extract(
        "Tomas Berg is assuring voters he is tough after a woman in Molde, Massachusetts, told him she worries about it."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("noun_phrase/noun_phrase_subject", "a woman in Molde, Massachusetts")
    ]


def test_a_demonym_that_is_the_surname_of_somebody_named_is_that_person():
    _, quotes = speech_extract(
        'Paul Cuban, the owner of the ferries, toured the pier. "It is too early," Cuban said. Cuban said it was late.'
    )
    assert [q.speaker for q in quotes] == ["Paul Cuban", "Paul Cuban"]
    _, quotes = speech_extract("Cuban said the pier was unsafe.")
    assert [q.speaker for q in quotes] == ["Cuba"]
    # Not after a run that only looks like a name ("Say Chile demanded ...").
    _, quotes = speech_extract("Say Chile demanded that the port pay. Chile said the pier was unsafe.")
    assert quotes[-1].speaker == "Chile"


def test_rule_name_before_takes_no_name_after_a_plural_text_noun():
    _, quotes = speech_extract(
        "A rival group unearthed columns Lena Brandt wrote while a student at Kellburn College. "
        "In a radio interview Lena Brandt said the columns were a joke."
    )
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/name_before", "Lena Brandt", "the columns were a joke")
    ]


def test_rule_name_before_reads_a_name_with_a_no_break_space():
    _, quotes = speech_extract("After the vote in Kellburn, Donald\u00a0Brack said the count was fair.")
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/name_before", "Donald Brack")]


def test_rule_name_before_skips_a_negation():
    for negation in ("wouldn't", "would not"):
        quote, speaker = only_quote(f"Harbour spokesman Tomas Berg {negation} say when the quay would reopen.")
        assert (quote.rule, speaker.name, speaker.kind) == ("subject_before_verb/name_before", "Tomas Berg", "person")


def test_rule_name_before_skips_a_weekday_and_a_part_of_the_day():
    quote, speaker = only_quote("Harbour Board spokesman Tomas Berg on Thursday evening said the pier was safe.")
    assert quote.rule == "subject_before_verb/name_before"
    assert (speaker.name, quote.text) == ("Tomas Berg", "the pier was safe")


def test_rule_name_before_skips_since_and_an_adverb_in_ly_but_not_a_noun_in_ly():
    quote, _ = only_quote("Ivo Brandt has since openly said that the pier was unsafe.")
    assert (quote.rule, quote.speaker, quote.text) == (
        "subject_before_verb/name_before",
        "Ivo Brandt",
        "the pier was unsafe",
    )
    quote, _ = only_quote("The Brandt family said the pier was unsafe.")
    assert quote.speaker == "the Brandt family"


def test_rule_pronoun_before_reads_a_pronoun_with_a_contracted_auxiliary():
    _, quotes = speech_extract("Lena Ortiz toured the harbour.\n\nShe’s said the quay will reopen in May.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("subject_before_verb/pronoun_before", "Lena Ortiz", "the quay will reopen in May")
    ]


def test_rule_clause_subject_before_is_a_short_noun_phrase():
    quote, speaker = only_quote("Iowa biofuel advocates say the pasture is dry.")
    assert quote.rule == "subject_before_verb/clause_subject_before"
    assert (speaker.name, speaker.kind) == ("Iowa biofuel advocates", "group")


def test_rule_clause_subject_before_never_starts_after_the_period_of_an_initial_or_abbreviation():
    # "U.S.", "G.K.": no sentence ends at these periods, so no subject starts after them.
    _, quotes = speech_extract("Molde Dockers Union Chairman G.K. Lunde of North Molde said the pier was full.")
    assert [q.speaker for q in quotes] == ["G.K. Lunde"]
    _, quotes = speech_extract("Fishers are angry. Dock workers said the pier was full.")
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/group_before", "Dock workers")]
    # A subject may start at whole initials, never inside them.
    quote, _ = only_quote("The pier closed after the U.S. harbour inspector warned that the cranes were unsafe.")
    assert (quote.rule, quote.speaker) == ("subject_before_verb/clause_subject_before", "U.S. harbour inspector")


def test_rule_clause_subject_before_keeps_a_number_with_a_thousands_separator():
    for sentence, subject in (
        ("About 2,500 dockers said the pier was unsafe.", "About 2,500 dockers"),
        ("The pier is unsafe, 2,500 dockers said.", "2,500 dockers"),
    ):
        quote, speaker = only_quote(sentence)
        assert (quote.rule.split("/")[1], speaker.name) == ("clause_subject_before", subject)


def test_rule_clause_subject_before_is_no_clause_in_the_first_person():
    assert speech_extract("All I'm asking is that the pier stays open.") == ([], [])


def test_rule_clause_subject_before_credits_a_person_of_a_place_not_a_group():
    quote, speaker = only_quote(
        "At a rally in Molde, N.H., on Tuesday, Senator Tomas Berg of Vermont endorsed Ana Ruiz, saying she would win."
    )
    assert quote.rule == "subject_opens_sentence/clause_subject_before"
    assert (speaker.name, speaker.kind, speaker.titles) == ("Tomas Berg", "person", ["Senator"])


# --- speaker rules after the verb ----------------------------------------------------------------


def test_rule_pronoun_after_resolves_said_he():
    _, quotes = speech_extract('Ivo Brandt arrived late. "The pasture is dry," said he, "and the goats are thin."')
    assert [(q.rule, q.speaker) for q in quotes] == [("speaker_after_verb/pronoun_after", "Ivo Brandt")]


def test_rule_party_member_after_refers_back_and_an_unnamed_member_is_nobody_named():
    speakers, quotes = speech_extract(
        'Paul Rand spoke in Kellburn. "The dairy vote is close," said the veteran Wisconsin Republican. '
        '"He will lose it," said a Vermont Democrat.'
    )
    assert [(q.rule, q.speaker) for q in quotes][0] == ("speaker_after_verb/party_member_after", "Paul Rand")
    assert [(s.name, s.kind) for s in speakers] == [("Paul Rand", "person"), ("Vermont Democrat", "group")]


def test_rule_title_reference_after_resolves_said_the_chairman():
    _, quotes = speech_extract(
        'Ivo Brandt, chairman of the Valley Growers League, spoke at noon. "The pasture is dry," said the chairman.'
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("speaker_after_verb/title_reference_after", "Ivo Brandt")]


def test_rule_role_reference_after_resolves_said_the_nominee():
    _, quotes = speech_extract(
        'Mara Holt won the nomination of the Coastal Party last week. "We will rebuild the docks," said the nominee.'
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("speaker_after_verb/role_reference_after", "Mara Holt")]
    # With nobody named before, the role names nobody: no quote is credited to a guess.
    _, quotes = speech_extract('"We will rebuild the docks," said the nominee.')
    assert all(q.speaker != "nominee" for q in quotes)


def test_rule_role_reference_after_and_description_before_with_capitals_and_a_hyphen_in_the_role():
    _, quotes = speech_extract(
        "Mara Holt toured the docks.\n\n"
        '"We will rebuild them," said the Coastal Party front-runner.\n\n'
        "The Coastal Party front-runner said the pier was next."
    )
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("speaker_after_verb/role_reference_after", "Mara Holt"),
        ("subject_before_verb/description_before", "Mara Holt"),
    ]


def test_rule_group_after_is_an_unnamed_group():
    quote, speaker = only_quote('"The pasture is dry," said senior officials in the valley.')
    assert quote.rule == "speaker_after_verb/group_after"
    assert (speaker.name, speaker.kind) == ("senior officials in the valley", "group")


def test_rule_described_group_after_keeps_the_describing_words():
    _, quotes = speech_extract("“The pier is unsafe,” said Molde election officials.")
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("speaker_after_verb/described_group_after", "Molde election officials")
    ]
    _, quotes = speech_extract("“The pier is unsafe,” said a Molde campaign official.")
    assert [q.speaker for q in quotes] == ["a Molde campaign official"]


def test_rule_group_after_a_person_or_source_with_what_they_know():
    _, quotes = speech_extract("“The pier is unsafe,” said one person with knowledge of the talks.")
    assert [(q.rule, q.speaker) for q in quotes] == [
        ("speaker_after_verb/group_after", "one person with knowledge of the talks")
    ]
    _, quotes = speech_extract("“The pier is unsafe,” says a source involved in the harbour talks.")
    assert [q.speaker for q in quotes] == ["a source involved in the harbour talks"]


def test_rule_subject_opens_sentence_after_an_opening_phrase():
    _, quotes = speech_extract(
        'In a statement released Thursday, Mayor Tomas Berg reacted to the news, saying: "The quay must close."'
    )
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_opens_sentence/name_before", "Tomas Berg")]


def test_rule_subject_opens_sentence_before_an_irregular_past_tense():
    _, quotes = speech_extract("Mrs. Ortiz shook her head and said, “No, the pier stays shut.”")
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_opens_sentence/name_before", "Ortiz")]


def test_rule_reversed_appositive_after_reads_the_title_first():
    quote, speaker = only_quote('"The pasture is dry," said the league\'s chairman, Ivo Brandt.')
    assert quote.rule == "speaker_after_verb/reversed_appositive_after"
    assert (speaker.name, speaker.titles) == ("Ivo Brandt", ["league's chairman"])


def test_rule_prenominal_title_after_keeps_body_and_role():
    quote, speaker = only_quote('"The pasture is dry," said Harbour Authority spokesperson Lena Ortiz.')
    assert quote.rule == "speaker_after_verb/prenominal_title_after"
    assert (speaker.name, speaker.titles) == ("Lena Ortiz", ["Harbour Authority spokesperson"])


def test_rule_prenominal_title_after_with_a_person_noun_before_the_name():
    quote, speaker = only_quote('"The pasture is dry," said Bergen delegate Tomas Berg.')
    assert quote.rule == "speaker_after_verb/prenominal_title_after"
    assert (speaker.name, speaker.titles) == ("Tomas Berg", ["Bergen delegate"])


def test_rule_description_after_credits_an_unnamed_person_after_a_quotation():
    for text, speaker in (
        ("“The fees will rise,” said one district GOP leader.", "one district GOP leader"),
        ("“It is hard to come back,” said a designer, who works for another brand.", "a designer"),
        ("“You will see a large ad spend,” said one Republican involved in the planning.", "one Republican"),
    ):
        quote, found = only_quote(text)
        assert (quote.rule, quote.kind, found.name) == ("speaker_after_verb/description_after", "direct", speaker)
    # The description introduces a name: the name is the speaker, the description its title.
    quote, found = only_quote("“The quay is full,” said another Twitter user, Johanna Bayer.")
    assert (quote.rule, found.name, found.titles) == (
        "speaker_after_verb/description_after",
        "Johanna Bayer",
        ["Twitter user"],
    )
    # A time after the verb, a clause, or words not after a quotation are no speaker.
    assert speech_extract("“The fees will rise,” said a day later.")[1] == []
    assert speech_extract("“The fees will rise,” said a ferry was late again.")[1] == []
    _, quotes = speech_extract("The quay, she tweeted, was a warning.")
    assert all(q.speaker != "a warning" for q in quotes)


def test_rule_name_after_takes_the_appositive_title():
    quote, speaker = only_quote('"The pasture is dry," said Ivo Brandt, chairman of the league, at a meeting.')
    assert quote.rule == "speaker_after_verb/name_after"
    assert (speaker.name, speaker.titles) == ("Ivo Brandt", ["chairman of the league"])


def test_rule_described_name_after_takes_no_name_after_of_for_the_speaker():
    # ("said of the Lunds", "said in an interview of Berg": whom the words are about.)
    quote, _ = only_quote(
        '"They expect us to know this," Tove Rizzo, the chair of the county board, said of the Lunds.'
    )
    assert (quote.rule, quote.speaker) == ("subject_before_verb/appositive_before", "Tove Rizzo")
    _, quotes = speech_extract(
        '"He does his own thing," Paul Bryant, the chairman, said in an interview of Tomas Berg.'
    )
    assert [q.speaker for q in quotes] == ["Paul Bryant"]


def test_rule_described_name_after_never_ends_a_name_at_the_period_of_a_title_abbreviation():
    quote, speaker = only_quote('"We must win," said former Molde Gov. and Harbour Committee Chairman Ed Berg.')
    assert quote.rule == "speaker_after_verb/described_name_after"
    assert (speaker.name, speaker.titles) == ("Ed Berg", ["Harbour Committee Chairman", "former Molde Gov. and"])


def test_rule_described_name_after_keeps_the_description():
    quote, speaker = only_quote('"The pasture is dry," said retired sailor Ivo Brandt.')
    assert quote.rule == "speaker_after_verb/described_name_after"
    assert (speaker.name, speaker.titles) == ("Ivo Brandt", ["retired sailor"])


def test_rule_described_name_after_reads_an_honorific_with_its_period_before_a_party_label_or_place():
    for text in (
        '"The ferries will run twice a day," said former Sen. Ana Ruiz (D-Ore.), who chairs the port board.',
        '"The ferries will run twice a day," said former Gov. Ana Ruiz of Oregon.',
    ):
        quote, speaker = only_quote(text)
        assert quote.rule == "speaker_after_verb/described_name_after"
        assert (speaker.name, speaker.kind) == ("Ana Ruiz", "person"), text


def test_rule_described_group_after_gives_way_to_the_full_name_the_description_introduces():
    quote, speaker = only_quote("“The pier is unsafe,” said a longtime union official, Paul J. Sorel.")
    assert (quote.rule, speaker.name) == ("speaker_after_verb/reversed_appositive_after", "Paul J. Sorel")
    quote, speaker = only_quote("“The pier is unsafe,” said union officials, who asked not to be named.")
    assert (quote.rule, speaker.name) == ("speaker_after_verb/described_group_after", "union officials")


def test_rule_described_group_after_keeps_an_abbreviation_with_periods_inside_the_noun_phrase():
    quote, speaker = only_quote('"The quay was never safe," said a former U.S. port authority official who retired.')
    assert quote.rule == "speaker_after_verb/described_group_after"
    assert (speaker.name, speaker.kind) == ("a former U.S. port authority official", "group")


def test_a_state_abbreviated_after_a_town_is_nobody():
    quote, speaker = only_quote(
        'On Tuesday at the town hall in Molde, OH, after winning the vote, Gov. Tomas Berg (R-OH), said, "I am ready."'
    )
    assert (speaker.name, speaker.kind) == ("Tomas Berg", "person")
    _, quotes = speech_extract("In Molde, Ore., Tomas Berg said the pier was unsafe.")
    assert [q.speaker for q in quotes] == ["Tomas Berg"]
    # "Del." is as often a delegate's title: the quote stays (its speaker is still read badly, "Del").
    assert len(speech_extract('"The pier is unsafe," said Del. Stacey Lunde of the Molde Islands.')[1]) == 1


def test_single_letters_and_abbreviations_are_no_names_initials_a_body_quantifiers_a_group():
    _, speaker = only_quote("The jet is cleared to fly again, according to the F.A.A.")
    assert (speaker.name, speaker.kind) == ("F.A.A.", "group")
    for text, name in (
        ("Others say the harbour is too small for tankers.", "others"),
        ("One says the harbour is too small for tankers.", "one"),
    ):
        _, speaker = only_quote(text)
        assert (speaker.name, speaker.kind) == (name, "group"), text
    speakers, _ = speech_extract('"The pier is unsafe," said Rep.\n\n"The pier is unsafe," said U.')
    assert speakers == []


def test_rule_described_name_after_takes_a_description_with_a_capitalised_word():
    quote, speaker = only_quote('"The pasture is dry," said former Brandt aide Lena Ortiz.')
    assert quote.rule == "speaker_after_verb/described_name_after"
    assert (speaker.name, speaker.titles) == ("Lena Ortiz", ["former Brandt aide"])


def test_rule_described_group_after_reads_a_single_adviser_or_strategist():
    for text, name in (
        ('"The pasture is dry," said a senior campaign adviser.', "a senior campaign adviser"),
        ('"The pasture is dry," said a Labour strategist.', "a Labour strategist"),
    ):
        _, speaker = only_quote(text)
        assert (speaker.name, speaker.kind) == (name, "group"), text


def test_rule_clause_subject_before_is_no_word_that_opens_a_phrase_or_a_question():
    for text in (
        "After saying the quay was unsafe, the harbour closed.",
        "While calling the fees fair, the port lost ships.",
    ):
        _, quotes = speech_extract(text)
        assert all(q.speaker not in {"After", "While"} for q in quotes), text
    _, speaker = only_quote("Both say the quay is unsafe.")
    assert (speaker.name, speaker.kind) == ("both", "group")


def test_rule_described_name_after_takes_a_name_after_in_for_a_place():
    quote, speaker = only_quote('"The pasture is dry," said a shepherd in Molde, Norway.')
    assert quote.rule == "speaker_after_verb/described_name_after"
    assert (speaker.name, speaker.kind) == ("a shepherd in Molde", "group")


# --- second reading: the noun phrase subject -------------------------------------------------------


def test_rule_noun_phrase_subject_is_a_group_of_any_kind():
    quote, speaker = only_quote("She and Bo had both said the pier was unsafe.")
    assert quote.rule == "noun_phrase/noun_phrase_subject"
    assert speaker.kind == "group"


def test_rule_noun_phrase_subject_reads_one_and_a_noun_as_one_unnamed_person_not_one():
    # In a sentence the appositive reading comes first, with the same speaker; the second reading on its own:
    found = noun_phrase_subject("One attendee, who like others spoke on condition of anonymity,", Discourse())
    assert (found.rule, found.speaker.name) == ("noun_phrase_subject", "one attendee")
    quote, _ = only_quote("One attendee, who like others spoke on condition of anonymity, said the plan was clear.")
    assert quote.speaker == "one attendee"


def test_rule_named_head_subject_credits_the_name_before_an_appositive_of_several_parts():
    _, quotes = speech_extract(
        'The new tolls "are fair," Ana Ruiz, assistant secretary for ports, fisheries, and harbours, said on the call.'
    )
    assert {(q.rule, q.speaker) for q in quotes} == {("noun_phrase/named_head_subject", "Ana Ruiz")}


def test_a_given_name_before_a_title_word_makes_it_a_surname():
    quote, speaker = only_quote("Matthew Prince said the pier was unsafe.")
    assert (quote.rule, speaker.name, speaker.titles) == ("subject_before_verb/name_before", "Matthew Prince", [])
    quote, speaker = only_quote("The pier is unsafe, said Prime Minister Ana Ruiz.")
    assert (speaker.name, speaker.titles) == ("Ana Ruiz", ["Prime Minister"])


def test_rule_named_head_subject_credits_the_name_after_one_and_a_noun():
    quote, _ = only_quote("One delegate, Molde Harbour Party chairwoman Nancy Worley, said the race should end.")
    assert (quote.rule, quote.speaker) == ("noun_phrase/named_head_subject", "Nancy Worley")


def test_rule_named_head_subject_takes_no_adverb_opening_the_sentence_for_a_name():
    speakers, _ = speech_extract("Even as they all vowed to carry on, the harbour stayed closed.")
    assert not any(s.name.startswith("Even") and s.kind == "person" for s in speakers)


def test_rule_named_head_subject_credits_the_person_named_in_it():
    quote, speaker = only_quote("In March, she and Tomas Berg had both said the pier was unsafe.")
    assert quote.rule == "noun_phrase/named_head_subject"
    assert (speaker.name, speaker.kind) == ("Tomas Berg", "person")


# --- the discourse registry only changes when an attribution is accepted ---------------------------


def registry_state(discourse):
    return (
        {key: (s.name, s.kind, list(s.titles)) for key, s in discourse.by_key.items()},
        dict(discourse.by_token),
        list(discourse.recent),
        dict(discourse.genders),
        discourse.last_person,
        discourse.last_group,
    )


def test_a_rejected_rule_leaves_the_registry_unchanged():
    # "claims" is a cue that is also a noun: the subject rules find "Republican", then the
    # noun-like check rejects the cue. Nothing of that reading may stay in the registry.
    text = "Republican claims were dismissed."
    discourse = _discourse(text, ())
    before = registry_state(discourse)
    assert read_attribution(text, 0, len(text), discourse) is None
    assert read_attribution(text, 0, len(text), discourse, fallback=True) is None
    assert registry_state(discourse) == before


def test_an_attribution_changes_the_registry_only_when_accepted():
    text = "Ivo Brandt, chairman of the league, said the pasture was dry."
    discourse = _discourse(text, ())
    before = registry_state(discourse)
    attribution = read_attribution(text, 0, len(text), discourse)
    assert attribution.speaker.name == "Ivo Brandt"
    assert registry_state(discourse) == before  # found, not yet accepted
    _accept(discourse, attribution)
    assert "ivo brandt" in discourse.by_key and discourse.last_person.titles == ["chairman of the league"]


@pytest.mark.parametrize("separator", ["\n\n", " "])
def test_a_rejected_noun_reading_leaves_no_phantom_speaker(separator):
    speakers, quotes = speech_extract(f"Republican claims were dismissed.{separator}He said the vote was fair.")
    assert "Republican" not in [s.name for s in speakers]
    assert "Republican" not in [q.speaker for q in quotes]


# --- back-references -------------------------------------------------------------------------------


def speaker_of(text: str, quote_text: str) -> str | None:
    _, quotes = speech_extract(text)
    return next((q.speaker for q in quotes if q.text == quote_text), None)


def test_a_pronoun_prefers_the_last_speaker_to_a_person_only_mentioned():
    text = 'Ana Ruiz said the port was closed. Critics blamed Kim Lee for the delay. "We will reopen," she said.'
    assert speaker_of(text, "We will reopen") == "Ana Ruiz"


def test_a_pronoun_after_a_sentence_about_a_person_of_that_gender_is_that_person():
    text = (
        "Ivo Brandt said the port was closed. Peter Lund arrived at the quay in the afternoon. "
        '"We will reopen," he said.'
    )
    assert speaker_of(text, "We will reopen") == "Peter Lund"


def test_a_person_named_in_reported_speech_can_be_the_next_he():
    text = 'Ana Ruiz said Peter Lund had closed the port. "It was necessary," he said.'
    assert speaker_of(text, "It was necessary") == "Peter Lund"


def test_an_honorific_and_surname_is_the_person_named_before():
    text = "Ivo Brandt said the port was closed. Ana Ruiz disagreed. Mr. Brandt said the ferries would wait."
    assert speaker_of(text, "the ferries would wait") == "Ivo Brandt"


def test_a_surname_said_first_takes_the_full_name_and_role_given_later():
    speakers, quotes = speech_extract(
        "Brandt said the ferries would wait. Later, Ivo Brandt, the harbour master, left."
    )
    assert [q.speaker for q in quotes] == ["Ivo Brandt"]
    assert speakers[0].titles == ["the harbour master"]


def test_she_skips_a_more_recent_speaker_of_the_other_gender():
    text = 'Ana Ruiz said the port was closed. Ivo Brandt said it was open. "We will see," she said.'
    assert speaker_of(text, "We will see") == "Ana Ruiz"


def test_a_place_and_a_weekday_are_no_person_to_refer_back_to():
    speakers, quotes = speech_extract('The rally in Florida Friday drew large crowds. "We will win," she said.')
    assert "Florida Friday" not in [s.name for s in speakers] + [q.speaker for q in quotes]


# --- lexicon ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, speaker, content",
    [
        ("Local fishermen argue that the pier is unsafe.", "local fishermen", "the pier is unsafe"),
        ("Officials insist the pier is safe.", "officials", "the pier is safe"),
        (
            "Ivo Brandt called on the harbour board to close the pier.",
            "Ivo Brandt",
            "the harbour board to close the pier",
        ),
        (
            "Ivo Brandt spoke for an hour, recalling that the pier had collapsed once before.",
            "Ivo Brandt",
            "the pier had collapsed once before",
        ),
        ("Harbour critics predict that fees will rise.", "Harbour critics", "fees will rise"),
        ("The dockers write that the pier is unsafe.", "the dockers", "the pier is unsafe"),
        (
            "Harbour workers staged a sit-in on the quay, demanding that the pier be reopened.",
            "Harbour workers",
            "the pier be reopened",
        ),
    ],
)
def test_bare_and_participle_cues_report_speech(sentence, speaker, content):
    quote, _ = only_quote(sentence)
    assert (quote.speaker, quote.kind, quote.text) == (speaker, "indirect", content)


def test_a_base_form_that_is_also_a_noun_reports_nothing_as_a_noun():
    assert speech_extract("The voters backed Ivo Brandt on a 2010 recall of three port judges.")[1] == []


def test_a_plain_form_that_is_also_a_noun_is_a_verb_after_a_plural_subject():
    quote, speaker = only_quote("Harbour pilots note that the channel silts up every spring.")
    assert (quote.rule, speaker.name, speaker.kind) == (
        "subject_before_verb/clause_subject_before",
        "Harbour pilots",
        "group",
    )
    assert quote.text == "the channel silts up every spring"
    _, quotes = speech_extract("The dockers said the pay was low. They claim the cranes are unsafe.")
    assert [(q.speaker, q.rule, q.text) for q in quotes][1] == (
        "the dockers",
        "subject_before_verb/pronoun_before",
        "the cranes are unsafe",
    )
    # Not after a singular word: "the Republican claim" is a noun.
    assert speech_extract("The Republican claim that the pier is unsafe was dismissed.")[1] == []


def test_a_commitment_cue_reports_a_to_infinitive_as_a_that_clause():
    quote, speaker = only_quote("Ana Ruiz is promising to rebuild the pier by May.")
    assert (quote.cue, speaker.name, quote.text) == ("promising", "Ana Ruiz", "to rebuild the pier by May")
    quote, _ = only_quote("Ana Ruiz toured the quay, promising to rebuild the pier.")
    assert (quote.rule, quote.text) == ("subject_opens_sentence/name_before", "to rebuild the pier")
    # An adjective, or "to" before a noun phrase, is no promise.
    assert speech_extract("Ana Ruiz is a promising candidate.")[1] == []
    assert speech_extract("Ana Ruiz spoke, promising to the crowd a new pier.")[1] == []


def test_tell_and_call_for_report_in_their_plain_form():
    quote, speaker = only_quote("The harbour pilots will tell you that the channel silts up every spring.")
    assert (quote.cue, speaker.name, quote.text) == ("tell", "the harbour pilots", "the channel silts up every spring")
    quote, speaker = only_quote("Ana Ruiz did call for a new pier.")
    assert (quote.cue, speaker.name, quote.text) == ("call for", "Ana Ruiz", "a new pier")
    # Nobody is told: no report.
    assert speech_extract("Only time will tell if the pier holds.")[1] == []


def test_point_out_reports_in_its_plain_form():
    quote, speaker = only_quote("Port engineers point out that the pier was built in 1902.")
    assert (quote.cue, speaker.name, quote.text) == ("point out", "Port engineers", "the pier was built in 1902")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Harbour pilots maintain that the channel silts up every spring.", "Harbour pilots"),
        ("Port engineers caution that the channel silts up every spring.", "Port engineers"),
        ("Ana Ruiz was quick to add that the channel silts up every spring.", "Ana Ruiz"),
    ],
)
def test_rule_not_a_report_lets_a_base_form_report_with_that_right_after_it(sentence, speaker):
    quote, found = only_quote(sentence)
    assert (found.name, quote.text) == (speaker, "the channel silts up every spring")


def test_rule_not_a_report_rejects_a_base_form_without_that_right_after_it():
    # "that" later in the sentence belongs to another verb; "that" before a preposition is a pronoun.
    _, quotes = speech_extract("Ana Ruiz did not mention the pier by name, but told the crowd that fees would rise.")
    # (What she did not mention is a topic report of its own: see test_speech_topics.)
    assert [(q.cue, q.text) for q in quotes] == [("mention", "the pier by name"), ("told", "fees would rise")]
    assert speech_extract("Ana Ruiz spoke. She does not mention that on the campaign trail.")[1] == []


def test_a_cue_that_is_also_a_noun_needs_a_speaker():
    assert speech_extract("Ana Ruiz rejected the claim that the pier is unsafe.") == ([], [])


def test_the_lexicon_derives_every_set_from_its_entries():
    from monitoring.ingest.parsers.speech import lexicon

    words = [cue.words for cue in lexicon.CUES]
    assert len(words) == len(set(words)), "one entry per cue"
    assert lexicon.NEEDS_THAT == {cue.words for cue in lexicon.CUES if cue.needs_that}
    assert "claim" in lexicon.NOUN_LIKE and "argue" in lexicon.REPORTING_CUES
    assert not set(lexicon.EVALUATIVE_VERBS) & set(lexicon.REPORTING_CUES)


# --- sentences ---------------------------------------------------------------------------------------


def test_two_initials_of_a_name_end_no_sentence():
    quote, speaker = only_quote('"The quay is closed," said K.T. Molloy, a fellow at the harbour institute.')
    assert (quote.speaker, quote.rule) == ("K.T. Molloy", "speaker_after_verb/name_after")
    text = "She moved to Washington, D.C. Her office is by the quay."
    assert [text[start:end] for start, end in sentence_bounds(text, 0, len(text))] == [
        "She moved to Washington, D.C.",
        "Her office is by the quay.",
    ]


def test_attribution_follows_report_openers_a_verb_with_its_own_report_leaves_the_quotation_its_sentence():
    # "Ruiz said he ..." reports on its own: the quotation before it ends a sentence and stays Berg's.
    text = "“It is a sad day,” Berg told reporters. “The fees did this.” Paul Ruiz said he would cut them."
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.text, q.rule) for q in quotes] == [
        ("Berg", "direct", "It is a sad day", "subject_before_verb/name_before"),
        ("Berg", "direct", "The fees did this.", PREVIOUS_QUOTE_SPEAKER),
        ("Paul Ruiz", "indirect", "he would cut them", "subject_before_verb/name_before"),
    ]
    # An attribution with nothing to report after its verb still belongs to the quotation.
    _, quotes = speech_extract("“The fees did this.” Paul Ruiz said on Monday.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Paul Ruiz", "direct")]


def test_attribution_follows_with_the_verb_ending_the_sentence():
    # '"...?" Berg asked.': the attribution is the question's, even after the reporter's words in the paragraph.
    text = "Tomas Berg toured the quay on Monday. “Why should we wait?” Berg asked. “The ferries are ready.”"
    _, quotes = speech_extract(text)
    assert [(q.speaker, q.kind, q.rule) for q in quotes] == [
        ("Tomas Berg", "direct", "subject_before_verb/name_before")
    ]
    assert quotes[0].text.startswith("Why should we wait?") and quotes[0].text.endswith("ferries are ready.")
    # The next sentence's first word is no report of the verb's ("I" after "asked.").
    _, quotes = speech_extract("Tomas Berg toured the quay. “Why should we wait?” Berg asked. I left the quay.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Tomas Berg", "direct")]


def test_an_abbreviated_title_after_a_hyphened_prefix_ends_no_sentence():
    text = "Berg said the gap between Ruiz and then-Sen. Ivo Brandt was narrow. He left."
    assert [text[start:end] for start, end in sentence_bounds(text, 0, len(text))] == [
        "Berg said the gap between Ruiz and then-Sen. Ivo Brandt was narrow.",
        "He left.",
    ]


@pytest.mark.parametrize(
    "left",
    [
        # The words after a quoted title: a phrase, no subject.
        'Hemsley, the author of "Loose Talk," about the spread of rumours,',
        'The vote went ahead in "Molde Days," during the storm',
    ],
)
def test_rule_noun_phrase_subject_takes_no_phrase_opening_with_a_preposition(left):
    found = noun_phrase_subject(left, Discourse())
    assert found.speaker is None or not found.speaker.name.casefold().startswith(("about", "during"))


def test_rule_noun_phrase_subject_reads_past_an_opening_while_or_dash():
    assert noun_phrase_subject("While those surveyed", Discourse()).speaker.name == "those surveyed"
    assert noun_phrase_subject("- Fishermen who watched the vote", Discourse()).speaker.name == "fishermen"


def test_rule_pronoun_subject_gives_a_pronoun_opening_a_clause_its_referent():
    body = "Tomas Berg toured the quay. He criticized the levy on Monday said the fees were too high."
    _, quotes = speech_extract(body)
    assert [(q.speaker, q.text) for q in quotes] == [("Tomas Berg", "the fees were too high")]
    assert body[slice(*quotes[0].source_span)] == "He"


def test_rule_described_name_after_reads_past_a_place_after_the_name():
    quote, _ = only_quote("The ferry will not run before spring, says harbour historian Ines Weingart in Molde.")
    assert quote.rule == "speaker_last/described_name_after"
    assert (quote.speaker, quote.text) == ("Ines Weingart", "The ferry will not run before spring")


def test_rule_described_name_after_takes_no_part_of_a_long_body_name_before_a_place():
    _, quotes = speech_extract(
        "The ferry will not run before spring, according to the Lund Institute for Coastal Research at Molde."
    )
    assert all(q.speaker != "Coastal Research" for q in quotes)


def test_rule_pronoun_before_resolves_to_a_possessive_owner_opening_a_sentence():
    # A person named only as the owner opening a sentence is the "he" of the next one.
    _, quotes = speech_extract('Hal Marsh\'s boat was whiter than ever.\n\n"This is what I want to say," he told them.')
    assert [(q.rule, q.speaker) for q in quotes] == [("subject_before_verb/pronoun_before", "Hal Marsh")]


def test_rule_prenominal_title_after_takes_a_media_role():
    # An outlet before a media role ("moderator") describes the person named next, never the speaker. (The sentence
    # opened with "In other words," until that opening was read as part of a mixed report.)
    quote, speaker = only_quote('At the debate, explained NBC moderator Clara Voss: "Why wait for the port?"')
    assert (quote.rule, speaker.name, speaker.kind) == (
        "speaker_after_verb/prenominal_title_after",
        "Clara Voss",
        "person",
    )


def test_rule_name_after_reads_a_media_word_after_a_title_and_a_given_name_as_a_name():
    # After a title, a given name and a media word ("Guardian") are a person's name, not an outlet.
    quote, speaker = only_quote('"The pier will reopen in May," said Harbor Town Mayor Ed Guardian.')
    assert (quote.rule, speaker.name, speaker.kind) == ("speaker_after_verb/name_after", "Ed Guardian", "person")


def test_rule_fronted_topic_before_reads_the_subject_after_a_fronted_of_phrase():
    # A fronted "Of X," names whom the words are about; the speaker is the subject after it.
    quote, speaker = only_quote(
        'Eric Levine came. Of Nora Marsh, Levine, who gave money to Ruiz, said, "She is scary."'
    )
    assert (quote.rule, speaker.name) == ("subject_before_verb/fronted_topic_before", "Eric Levine")


def test_rule_clause_subject_before_takes_no_verb_and_object():
    # A verb and its object ("gives an account of") make a clause: no noun phrase, so no speaker.
    _, quotes = speech_extract(
        'At one point in the book, Halabi gives an account of Marsh telling one agent to "Go home!"'
    )
    assert all("account" not in quote.speaker for quote in quotes)


def test_rule_coordinated_before_is_a_group_of_a_name_and_a_plural_noun_phrase():
    # A name and a plural noun phrase joined by "and" speak as a group, never the last part alone.
    quote, speaker = only_quote("Nora Marsh and her aides said the pier was closed.")
    assert (quote.rule, speaker.name, speaker.kind) == (
        "subject_before_verb/coordinated_before",
        "Nora Marsh and her aides",
        "group",
    )
    quote, speaker = only_quote("Hal Marsh and Senator Ana Ruiz have said the pier was closed.")
    assert (speaker.name, speaker.kind) == ("Hal Marsh and Senator Ana Ruiz", "group")


def test_rule_according_to_takes_a_name_with_a_common_noun_for_a_group():
    # A common noun among capitalised words ("the Ruiz campaign", "a Molde tally") names a body or a thing,
    # never a person.
    quote, speaker = only_quote("The port lost money last year, according to the Ruiz campaign.")
    assert (quote.rule, speaker.name, speaker.kind) == ("according_to/name", "Ruiz campaign", "group")


def test_rule_name_before_leaves_out_an_outlet_owning_the_name_in_a_plural_possessive():
    # "Harbor News’ Luciana Lopez": the outlet owns the name; the speaker is the person, never the outlet.
    quote, speaker = only_quote("Harbor News’ Luciana Lopez said the port was closed.")
    assert (quote.rule, speaker.name, speaker.kind) == ("subject_before_verb/name_before", "Luciana Lopez", "person")


def test_rule_name_before_reads_a_run_ending_in_a_plural_noun_as_a_group():
    # A plural noun ends the capitalised run ("Leading Democrats", "Mourners", "Figures"): a group, never a person.
    for text, name in (
        ("Leading Democrats said the port was closed.", "Leading Democrats"),
        ("Mourners said the port was closed.", "mourners"),
        ("Figures released on Monday suggest the port was closed.", "figures"),
    ):
        _, speaker = only_quote(text)
        assert (speaker.name, speaker.kind) == (name, "group"), text


def test_rule_body_tail_before_reads_the_whole_body_after_its_head():
    # "The Organization for ... and Development": the body's head comes first; its last word names nobody.
    quote, speaker = only_quote(
        "The Organization for Harbor Cooperation and Development noted that the pier was closed."
    )
    assert (quote.rule, speaker.name, speaker.kind) == (
        "subject_before_verb/body_tail_before",
        "The Organization for Harbor Cooperation and Development",
        "group",
    )
    # A person of the body is no body: "Jeffrey Lewis of the Center for ..." stays the person's.
    _, speaker = only_quote("Hal Marsh of the Center for Harbor Studies said the pier was closed.")
    assert speaker.name == "Hal Marsh"


def test_rule_described_name_after_reads_a_body_named_across_for():
    # "the Center for Responsive Ports": the head before "for" makes it one body, not a person "Responsive Ports".
    quote, speaker = only_quote("The fees doubled last year, according to the Center for Responsive Ports.")
    assert (quote.rule, speaker.name, speaker.kind) == (
        "according_to/described_name_after",
        "Center for Responsive Ports",
        "group",
    )
