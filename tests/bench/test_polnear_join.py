"""bench/polnear_eval.py's join of interrupted quotes before scoring. Invented sentences only."""

from bench.polnear_eval import interrupted_quotes_join


def test_parts_join_across_a_report_inside_the_attribution():
    text = '"We will see," Berg said when asked about the fees. "Not before May."'
    first = (1, text.index(',"'), True, "Berg")
    question = (text.index("the fees"), text.index(". "), False, "unnamed questioner")
    second = (text.index("Not"), len(text) - 1, True, "Berg")
    joined = interrupted_quotes_join([first, question, second], text)
    assert joined == [(1, len(text) - 1, True, "Berg"), question]


def test_parts_of_two_speakers_or_two_paragraphs_stay_apart():
    text = '"We will see," Berg said.\n"Not before May," Ortiz said.'
    first = (1, text.index(',"'), True, "Berg")
    second = (text.index("Not"), text.index(',"', 20), True, "Berg")
    assert interrupted_quotes_join([first, second], text) == [first, second]
    other = (second[0], second[1], True, "Ortiz")
    assert interrupted_quotes_join([first, other], text.replace("\n", " ")) == [first, other]
