"""Where a found quote's content and source start and end, as the PolNeAR bench (CofeNet protocol) reads them.
Invented sentences only (no dataset text)."""

from bench.cofenet_protocol import paragraph_of, quote_pieces
from monitoring.ingest.parsers.speech.registry import UNNAMED_ASKER


def pieces_text(text, pieces):
    return {(piece.element, text[piece.start : piece.end]) for piece in pieces}


def test_content_starts_at_that_followed_by_a_comma():
    text = "Ana Ruiz said that, in May, the port will close."
    start = text.index("in May")
    pieces = quote_pieces(text, paragraph_of(text, start), start, len(text) - 1, False, "Ana Ruiz", "said")
    assert ("content", "that, in May, the port will close") in pieces_text(text, pieces)


def test_no_source_guessed_for_a_quotation_going_on():
    # The second paragraph goes on with Ruiz's quotation: no attribution of its own, so no source is written there
    # (a guess would take "Ruiz" in the reporter's sentence after it).
    text = '"We will close the port," Ana Ruiz said.\n"It is the only way." Ruiz left the pier at noon.'
    start = text.index('"It') + 1
    end = text.index(' way."') + 5
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, True, "Ana Ruiz", None)
    assert [piece.element for piece in pieces] == ["content"]


def test_no_source_guessed_for_an_unnamed_asker():
    # "Asked" has no subject; a guessed pronoun would be the "she" of the answer.
    text = "Asked whether the port would close, she said it would not."
    start = text.index("whether")
    end = text.index(", she")
    pieces = quote_pieces(text, paragraph_of(text, start), start, end, False, UNNAMED_ASKER, "Asked")
    assert ("source", "she") not in pieces_text(text, pieces)
    assert ("cue", "Asked") in pieces_text(text, pieces)


def test_inverted_source_runs_over_a_place_set_off_by_commas():
    from monitoring.ingest.parsers import speech_extract

    body = '"We will not load the ships," said Ana Ruiz, a docker in Salem, Ore., who chairs the union.'
    _, quotes = speech_extract(body)
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert body[slice(*quote.source_span)] == "Ana Ruiz, a docker in Salem, Ore., who chairs the union"


def test_source_runs_over_the_names_joined_to_the_subject():
    from monitoring.ingest.parsers import speech_extract

    for body, subject in (
        ("Neither Ruiz nor Berg said the port would close in May.", "Neither Ruiz nor Berg"),
        (
            "Mayor Ana Ruiz and port chief Paul Berg said the port would close.",
            "Mayor Ana Ruiz and port chief Paul Berg",
        ),
        ("He and Mr. Berg said the port would close in May.", "He and Mr. Berg"),
    ):
        _, quotes = speech_extract(body)
        (quote,) = quotes
        assert body[slice(*quote.source_span)] == subject


def test_report_going_on_in_a_quotation_is_cut_at_its_attribution():
    text = 'The fees are "a scandal," Ruiz said. "We will fight them."'
    pieces = quote_pieces(text, paragraph_of(text, 0), 0, len(text), False, "Ana Ruiz", "said")
    contents = {t for element, t in pieces_text(text, pieces) if element == "content"}
    assert contents == {'The fees are "a scandal,"', '"We will fight them."'}


def test_report_starts_after_the_words_before_its_that():
    from monitoring.ingest.parsers import speech_extract

    for body, content in (
        ("Ana Ruiz told dockers on Monday that the port would close.", "the port would close"),
        ("Ana Ruiz said instead that the port would close.", "the port would close"),
        # A noun with its own "that" clause is part of the report.
        (
            "Ana Ruiz said Berg's claim that the port would close was false.",
            "Berg's claim that the port would close was false",
        ),
    ):
        _, quotes = speech_extract(body)
        assert content in [q.text for q in quotes if q.cue in {"told", "said"}]


def test_report_in_brackets_ends_before_the_closing_bracket():
    from monitoring.ingest.parsers import speech_extract

    body = "The ferry ran late. (Ana Ruiz said that the port would close.)\n\nNobody came."
    _, quotes = speech_extract(body)
    (quote,) = quotes
    assert not quote.text.endswith(")")


def test_relative_report_has_the_relative_pronoun_as_its_source():
    from monitoring.ingest.parsers import speech_extract

    body = '"We will wait," said Tomas Berg, the port chief, who said the fees would fall.'
    _, quotes = speech_extract(body)
    (report,) = [q for q in quotes if q.kind == "indirect"]
    assert body[slice(*report.source_span)] == "who"
