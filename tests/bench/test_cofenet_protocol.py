"""The CofeNet protocol used by bench/polnear_eval.py: labelling, the three scores, and how the
bench places a predicted quote's source and cue. Invented sentences only (no dataset text)."""

from pathlib import Path

import pytest

from bench.cofenet_protocol import (
    Piece,
    Tally,
    Tokens,
    element_spans,
    gold_pieces,
    paragraph_of,
    quote_area,
    quote_pieces,
    score_document,
    tally_add,
)


def pieces_text(text, pieces):
    return {(p.element, text[p.start : p.end]) for p in pieces}


def test_nested_attribution_keeps_its_own_labels_inside_the_outer_content():
    text = "Ann said that Bob thinks taxes will rise."
    outer = [Piece("source", 0, 3), Piece("cue", 4, 8), Piece("content", 9, 40)]
    inner = [Piece("source", 14, 17), Piece("cue", 18, 24), Piece("content", 25, 40)]
    runs = element_spans(text, outer + inner)
    assert [text[s:e] for s, e in runs["source"]] == ["Ann", "Bob"]
    assert [text[s:e] for s, e in runs["cue"]] == ["said", "thinks"]
    assert [text[s:e] for s, e in runs["content"]] == ["that", "taxes will rise"]


def test_runs_stop_at_line_ends_and_lose_a_leading_comma():
    text = "“One,” she said, “two.”\n“Three.”"
    runs = element_spans(text, [Piece("content", 0, len(text)), Piece("source", 7, 10), Piece("cue", 11, 15)])
    assert [text[s:e] for s, e in runs["content"]] == ["“One,”", "“two.”", "“Three.”"]


def test_exact_begin_and_jaccard_count_as_cofenet_does():
    tally = Tally()
    # gold (0,4) found exactly; gold (10,14) met by (10,12): a begin match, Jaccard 0.5;
    # predicted (20,22) overlaps no gold span: a false positive everywhere, Jaccard 0.
    tally_add(tally, [(0, 4), (10, 14)], [(0, 4), (10, 12), (20, 22)])
    assert (tally.tp["exact"], tally.fp["exact"], tally.fn["exact"]) == (1, 2, 1)
    assert (tally.tp["begin"], tally.fp["begin"], tally.fn["begin"]) == (2, 1, 0)
    assert tally.jaccard == pytest.approx((1 + 0.5 + 0) / 3)
    precision, recall, f1 = tally.scores("exact")
    assert (precision, recall) == (pytest.approx(1 / 3), pytest.approx(1 / 2))
    assert f1 == pytest.approx(0.4)


def test_spans_compare_by_tokens_not_by_spaces():
    text = "Ann said taxes will rise ."
    tallies = {element: Tally() for element in ("source", "cue", "content")}
    gold = [Piece("content", 9, 24)]
    predicted = [Piece("content", 8, 26)]  # a space before, the full stop after: one token more
    score_document(tallies, text, gold, predicted)
    assert tallies["content"].tp["begin"] == 1 and tallies["content"].tp["exact"] == 0
    tokens = Tokens(text)
    assert tokens.span(9, 24) == tokens.span(8, 24)


def test_gold_pieces_keep_attributions_and_join_sentence_pieces(tmp_path: Path):
    text = "Ann said “One. Two.” Bob hopes so."
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 14;15 20\tx\nT4\tAttribution 4 8\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T5\tSource 21 24\tBob\nT6\tCue 25 30\thopes\nT7\tContent 31 33\tso\nT8\tAttribution 25 30\thopes\n"
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\nT9\tSource 0 3\tAnn\n",
        encoding="utf-8",
    )
    joined = gold_pieces(ann, text)
    assert ("content", "“One. Two.”") in pieces_text(text, joined)
    assert len([p for p in joined if p.element == "source"]) == 2  # T9 belongs to no attribution
    apart = gold_pieces(ann, text, join=False)
    assert {("content", "“One."), ("content", "Two.”")} <= pieces_text(text, apart)
    speech = gold_pieces(ann, text, keep=lambda cue: cue == "said")
    assert pieces_text(text, speech) == {("source", "Ann"), ("cue", "said"), ("content", "“One. Two.”")}


def test_predicted_quote_gets_nearest_cue_and_speaker_mention():
    text = "Senator Ann Lee spoke. “Taxes will rise,” Lee said on Monday."
    start = text.index("Taxes")
    end = text.index(",”")
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, True, "Ann Lee", "said")
    assert pieces_text(text, pieces) == {("content", "“Taxes will rise,”"), ("cue", "said"), ("source", "Lee")}


def test_predicted_source_is_a_pronoun_when_it_stands_nearer_the_cue():
    text = "Ann Lee met voters.\n“Taxes will rise,” she said."
    start = text.index("Taxes")
    pieces = quote_pieces(text, paragraph_of(text, start), start, text.index(",”"), True, "Ann Lee", "said")
    assert ("source", "she") in pieces_text(text, pieces)


def test_indirect_content_takes_its_that_and_a_name_its_capitalised_title():
    text = "President Ann Lee said that taxes will rise."
    start = text.index("taxes")
    pieces = quote_pieces(text, paragraph_of(text, start), start, len(text) - 1, False, "Ann Lee", "said")
    assert pieces_text(text, pieces) == {
        ("content", "that taxes will rise"),
        ("cue", "said"),
        ("source", "President Ann Lee"),
    }


def test_an_interrupted_quotation_kept_as_one_quote_is_scored_as_its_parts_around_the_attribution():
    text = "“Taxes will rise,” Lee said on Monday. “Fees will not.”"
    start, end = text.index("Taxes"), text.index("not.") + 4
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, True, "Ann Lee", "said")
    assert pieces_text(text, pieces) == {
        ("content", "“Taxes will rise,”"),
        ("content", "“Fees will not.”"),
        ("cue", "said"),
        ("source", "Lee"),
    }
    # Marks that do not alternate as two parts would (one quotation inside another): one content.
    text = '"He called it "a trap" and left," Lee said.'
    start, end = 1, text.index(',"') + 1
    contents = {
        t
        for element, t in pieces_text(text, quote_pieces(text, (0, len(text)), start, end, True, "Lee", "said"))
        if element == "content"
    }
    assert contents == {'"He called it "a trap" and left,"'}


def test_a_quotation_over_paragraphs_is_scored_as_each_paragraphs_part_with_its_marks():
    text = "Lee spoke.\n“Taxes will rise,” Lee said. “Fees will not.”\n“Ports will grow.”\nVoters left."
    start, end = text.index("Taxes"), text.index("grow.") + 5
    assert quote_area(text, start, end) == (text.index("“Taxes"), text.index("\nVoters"))
    pieces = quote_pieces(text, quote_area(text, start, end), start, end, True, "Ann Lee", "said")
    contents = {t for element, t in pieces_text(text, pieces) if element == "content"}
    assert contents == {"“Taxes will rise,”", "“Fees will not.”", "“Ports will grow.”"}


def test_an_indirect_content_ending_in_quoted_words_takes_the_closing_mark():
    text = "Lee said the party would “fight for every seat.” Voters cheered."
    start, end = text.index("the party"), text.index(".”") + 1
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, False, "Lee", "said")
    assert ("content", "the party would “fight for every seat.”") in pieces_text(text, pieces)


def test_an_indirect_content_cut_by_its_own_attribution_is_scored_as_its_two_parts():
    text = "This harbour, Lee says, is too small for the new ships."
    start, end = 0, text.index(" ships") + 6
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, False, "Lee", "says")
    assert pieces_text(text, pieces) == {
        ("content", "This harbour"),
        ("content", "is too small for the new ships"),
        ("cue", "says"),
        ("source", "Lee"),
    }


def test_predicted_cue_and_source_are_the_extractors_spans_when_given():
    text = "Port spokesperson Ann Lee, who joined in May, said that taxes will rise, he added."
    start = text.index("taxes")
    end = text.index(", he")
    source = (0, text.index(","))
    cue = (text.index("said"), text.index("said") + 4)
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, False, "Ann Lee", "said", cue, source)
    assert pieces_text(text, pieces) == {
        ("content", "that taxes will rise"),
        ("cue", "said"),
        ("source", "Port spokesperson Ann Lee"),
    }
    # Without them the bench guesses: the nearest name or pronoun to the cue.
    guessed = quote_pieces(text, paragraph_of(text, start), start, end, False, "Ann Lee", "said")
    assert ("source", "Port spokesperson Ann Lee") not in pieces_text(text, guessed)
