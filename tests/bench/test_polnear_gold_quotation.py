"""bench/polnear_eval.py: a gold content is direct when it is all a quotation, even when its span leaves the opening
mark out. Invented sentences only."""

import tempfile
from pathlib import Path

from bench.polnear_eval import covers, gold_read, is_quotation


def span(text: str, words: str) -> tuple[str, int, int]:
    start = text.index(words)
    return text, start, start + len(words)


def test_a_content_opening_with_a_quotation_mark_is_a_quotation():
    assert is_quotation(*span('Berg said: "We won."', '"We won."'))
    assert is_quotation(*span("Berg said: ''We won.''", "''We won.''"))


def test_a_content_whose_span_leaves_the_opening_mark_out_is_a_quotation():
    assert is_quotation(*span("The count ended.\n“We won,” Berg said.", "We won,”"))
    assert is_quotation(*span('The count ended. "We won," Berg said.', 'We won,"'))
    assert is_quotation(*span("The count ended. ''We won,'' Berg said.", "We won,''"))


def test_a_content_after_a_closing_mark_or_in_reported_words_is_no_quotation():
    assert not is_quotation(*span('Berg said the "count" was over.', "was over"))
    assert not is_quotation(*span("Berg said the ''count'' was over.", "was over"))
    assert not is_quotation(*span("Berg said the count was over.", "the count was over"))


def test_a_content_opening_with_quoted_words_and_going_on_in_the_reporters_is_mixed():
    assert not is_quotation(*span('She called it "a fair count" and left.', '"a fair count" and left'))
    assert not is_quotation(*span("''Zero'' voters would follow him, Berg said.", "''Zero'' voters would follow him"))


def test_a_quotation_whose_closing_mark_the_span_leaves_out_is_still_a_quotation():
    assert is_quotation(*span('Berg said: "We won." Then he left.', '"We won.'))
    assert is_quotation(*span("Berg said: ''We won,'' and left.", "''We won,'"))


def test_a_short_quotation_is_covered_by_its_words_without_the_marks():
    text = "Was the count fair? Berg said, ''No.''"
    ann = "\n".join(
        [
            "T1\tSource 20 24\tBerg",
            "T2\tCue 25 29\tsaid",
            "T3\tContent 31 38\t''No.''",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        ]
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.ann"
        path.write_text(ann, encoding="utf-8")
        (gold,) = gold_read(text, path)
    found = text.index("No.")
    assert covers(found, found + len("No."), gold)
    assert not covers(found, found + 1, gold)
