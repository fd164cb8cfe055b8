"""The steps of the extraction, in order, for one article body."""

from __future__ import annotations

from collections.abc import Iterable

from ..article import ParsedQuote, ParsedSpeaker
from ..gender import HONORIFICS
from ..names import normalise_name
from .entities import names_in_article, note_mention
from .patterns import ADDING_RE, FALLBACK_CUE_RE, HONORIFIC_SURNAME
from .registry import Discourse
from .rules import partial_speaker, read_attribution
from .spans import (
    interrupted_quotes_join,
    is_direct,
    ledes_blank,
    mask_quotes,
    mixed_report,
    pending_kind,
    quote_add,
    quote_spans,
    report_before_quote,
    sentence_bounds,
    trim,
)
from .vocabulary import FILLER


def speech_extract(
    body: str, *, paragraph_break: str = "\n\n", outlets: Iterable[str] = ()
) -> tuple[list[ParsedSpeaker], list[ParsedQuote]]:
    """All quotes in the body with their speakers, in reading order.

    Paragraphs are separated by a blank line (the press-text convention); pass
    ``paragraph_break="\\n"`` for text that puts one paragraph on each line. ``outlets`` are
    media names known to the caller (the article's own outlet): like the shipped list of news
    agencies, they are never speakers.
    """
    # Some outlets print quotation marks as two apostrophes; scan them as one mark plus a
    # filler so that every offset still points into the body as printed.
    scan = body.replace("''", '"' + FILLER) if "''" in body else body
    spans = quote_spans(scan, paragraph_break)
    masked = ledes_blank(mask_quotes(scan, spans).replace(FILLER, " "), paragraph_break)
    speakers = Discourse(outlets=tuple(o for o in outlets if o))
    speakers.article_names, speakers.shared_names = names_in_article(masked, speakers.outlets)
    for match in HONORIFIC_SURNAME.finditer(masked):
        speakers.surname_genders.setdefault(normalise_name(match.group(2)), HONORIFICS[match.group(1)])
    quotes: list[ParsedQuote] = []
    span_index = 0
    previous_paragraph_speaker: ParsedSpeaker | None = None
    previous_ends_colon = False

    paragraph_start = 0
    length = len(masked)
    while paragraph_start < length:
        paragraph_end = masked.find(paragraph_break, paragraph_start)
        if paragraph_end < 0:
            paragraph_end = length
        sentences = sentence_bounds(masked, paragraph_start, paragraph_end)
        paragraph_speaker: ParsedSpeaker | None = None
        pending: list[tuple[int, int, str]] = []  # direct quotes waiting for a speaker
        for sentence_start, sentence_end in sentences:
            in_sentence = []
            while span_index < len(spans) and spans[span_index][0] < sentence_end:
                if spans[span_index][0] >= sentence_start:
                    in_sentence.append(spans[span_index])
                span_index += 1
            attribution = read_attribution(masked, sentence_start, sentence_end, speakers)
            if attribution is None and FALLBACK_CUE_RE.search(masked, sentence_start, sentence_end):
                attribution = read_attribution(masked, sentence_start, sentence_end, speakers, fallback=True)
            direct = []
            partial = []
            for opening, closing in in_sentence:
                if is_direct(masked, sentence_start, opening, attribution, direct):
                    direct.append((opening, closing))
                else:
                    partial.append((opening, closing))
            if attribution is None:
                found = partial_speaker(masked, sentence_start, sentence_end, speakers) if partial else None
                if found is not None:
                    for opening, closing in partial:
                        quote_add(quotes, body, found[0], "partial", opening + 1, closing, found[1], None)
                for opening, closing in direct:
                    pending.append((opening, closing, ""))
                if not direct and not in_sentence:
                    note_mention(masked, sentence_start, sentence_end, speakers)
                continue
            speaker = attribution.speaker
            paragraph_speaker = speaker
            # "..., he said, adding that ...": a second report by the same speaker.
            adding = ADDING_RE.search(masked, attribution.cue_end, sentence_end)
            second = trim(masked, adding.end(), sentence_end) if adding else None
            if second is not None and masked[second[0]] in '"“':
                second = None  # 'adding, "..."' is a direct quote, found as such
            cue, channel = attribution.cue, attribution.channel
            mixed = mixed_report(masked, body, sentence_start, attribution, direct[0]) if direct else None
            if mixed is not None:
                # "The harbour, she said, "was never meant for tankers."": one report, part quoted.
                quote_add(quotes, body, speaker, "indirect", mixed[0], mixed[1], cue, channel)
                partial.insert(0, direct.pop(0))
            if direct:
                before_quote = report_before_quote(masked, attribution, direct[0][0])
                if before_quote is not None:
                    # "She noted that A, and added: "B."": A is reported, B quoted.
                    quote_add(quotes, body, speaker, "indirect", before_quote[0], before_quote[1], cue, channel)
                for opening, closing in direct:
                    quote_add(quotes, body, speaker, "direct", opening + 1, closing, cue, channel)
            elif attribution.content is not None and mixed is None:
                content_start, content_end = attribution.content
                if second is not None and content_start < adding.start() < content_end:
                    # The first report ends where "adding that" starts.
                    first = trim(masked, content_start, adding.start())
                    content_end = first[1] if first else content_end
                quote_add(quotes, body, speaker, "indirect", content_start, content_end, cue, channel)
            if second is not None:
                quote_add(quotes, body, speaker, "indirect", second[0], second[1], adding.group(1), channel)
            for opening, closing in partial:
                quote_add(quotes, body, speaker, "partial", opening + 1, closing, cue, channel)
        if pending:
            # Quotes in a paragraph without their own attribution: the paragraph's speaker, or the
            # speaker of a paragraph that ended "... she said:".
            owner = paragraph_speaker or (previous_paragraph_speaker if previous_ends_colon else None)
            if owner is not None:
                for opening, closing, _ in pending:
                    kind = pending_kind(masked, quotes, paragraph_start, opening)
                    quote_add(quotes, body, owner, kind, opening + 1, closing, None, None)
                paragraph_speaker = owner
        previous_paragraph_speaker = paragraph_speaker
        # Only a paragraph that ends "... he said:" hands its speaker to the next one; a quote
        # standing alone after other attributed text is too often someone else's (a tweet, a reader).
        previous_ends_colon = masked[paragraph_start:paragraph_end].rstrip().endswith(":")
        paragraph_start = paragraph_end + len(paragraph_break)
    quotes.sort(key=lambda quote: quote.start)
    quotes = interrupted_quotes_join(body, quotes, paragraph_break)
    used = {quote.speaker for quote in quotes}
    return [s for s in speakers.by_key.values() if s.name in used], quotes
