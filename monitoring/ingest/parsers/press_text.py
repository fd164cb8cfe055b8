"""The press-text format: headline, dateline, bylines, captions, body, subheadings, footer.

See docs in the shared press-text format note; every part is optional except the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .article import ParsedArticle, ParsedPhoto
from .dates import DATE_RE, date_match
from .errors import ParseError
from .fingerprint import suggest_tags
from .language import english_only_warning, is_english, language_detect
from .media import AGENCY_ALIASES, wire_lede
from .mentions import caption_people, mentions_count
from .names import normalise_name
from .speech import speech_extract

KeywordRules = Iterable[tuple[str, list[str]]]

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LABEL_RE = re.compile(r"(?P<label>Last updated|Updated|Published|Posted|Date)\s*:?\s*", re.IGNORECASE)
_SEPARATORS = " \t|,;·•—–-"
_BYLINE_RE = re.compile(
    r"(?:^(?:(?:Analysis|Reporting|Report|Text|Story|Words|Commentary|Opinion|Interview)\s+by|By)|(?<=[\s|])By)"
    r"\s+(?P<names>[A-ZÀ-ÖØ-Þ].*)$"
)
_BYLINE_LOCATION = re.compile(r"\s+(?:in|from)\s+[A-ZÀ-ÖØ-Þ][\w'’.\- ]*$")
_BYLINE_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_RIGHTS_RE = re.compile(r"(?:^|\s)(?:Copyright\b|©|\(c\)(?=\s|$)|All rights reserved)|^Presented by\b", re.IGNORECASE)
_CREDIT_CAPS_PAIR = re.compile(
    r"\s*(?<![\w/])(?P<credit>(?P<photographer>[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,4})\s*/\s*"
    r"(?P<agency>[A-Z][A-Z&.'’\-]*(?:\s+[A-Z][A-Z&.'’\-]*){0,3}))\.?\s*$"
)
_CREDIT_BRACKETED = re.compile(
    r"\s*(?P<credit>[\[(]\s*(?:Photo|Picture|Image|Photograph|Photo credit)\s*(?:by\s+|:\s*|/\s*)"
    r"(?P<inner>[^\])\n]{2,80}?)\s*[\])])\.?\s*$"
)
_CREDIT_BRACKETED_START = re.compile(
    r"\s*(?P<credit>[\[(]\s*(?:Photo|Picture|Image|Photograph)\s*(?:by\s+|:\s*|/\s*)"
    r"(?P<inner>[^\])\n]{2,80}?)\s*[\])])\s*"
)
# A credit is short: the end-anchored patterns only need to look at a paragraph's last characters.
_CREDIT_REACH = 120
_CREDIT_PHOTO_BY = re.compile(
    r"(?:(?<=[.!?)])\s+|^)(?P<credit>(?:Photo|Picture|Photograph|Image)(?:\s+by|:)\s+"
    r"(?P<inner>[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s*[/ ]\s*[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,5}))\.?\s*$"
)
_CREDIT_CAPS_AGENCY = re.compile(r"(?<=[.!?)])\s+(?P<credit>[A-Z][A-Z&\-]+(?:\s+[A-Z][A-Z&\-]+){0,3})\s*$")
_PHOTO_WORD = re.compile(r"\b(?:Photo|Picture|Photograph|Image)\b")
_CAPTION_SPEECH = re.compile(r"\b(?:said|says|saying|told|tells|speaks|speaking|declared|announced)\b")
_SUBHEADING_END = ".!?:;,\"”’')…"


def split_names(text: str) -> list[str]:
    """The names in a byline ("Selma Haddad and Piet Vermaak in Kisumu"), without the place."""
    text = _BYLINE_LOCATION.sub("", text.strip().rstrip(".")).strip()
    return [name.strip() for name in _BYLINE_SPLIT.split(text) if name.strip()]


def _header_line(line: str, article: ParsedArticle) -> bool:
    """Read a dateline and/or byline into the article; False when the line is neither.

    Accepted shapes include "Updated: 2024-03-18 Harbour Times", "March 18, 2024 | Harbour Times",
    "By Ana Ruiz and Tom Bell in Lagos", "By Ana Ruiz | 18 March 2024 | Highland Courier",
    "By Ana Ruiz in Lagos | Harbour Times | Updated: 2023-05-04 07:12", "(Xinhua) 09:42, April 14, 2022"
    and "March 3, 2024 6:15 PM UTC Reuters".
    """
    line = line.strip()
    agency = _AGENCY_FIRST.match(line)
    if agency and DATE_RE.match(line, agency.end()):
        # "(Xinhua) 09:42, April 14, 2022": the agency in brackets, a time, then the date.
        if not _header_line(line[agency.end() :], article):
            return False
        if not article.outlet:
            article.outlet = AGENCY_ALIASES.get(agency.group("agency"), agency.group("agency"))
        return True
    segments = [part.strip() for part in _BAR_SPLIT.split(line) if part.strip()]
    if len(segments) > 1 and sum(1 for part in segments if _header_segment_known(part)) >= 1:
        # "By NAME in CITY | Outlet | Updated: DATE": each part alone; a short name is the outlet.
        outlets = []
        for part in segments:
            if _header_segment_known(part):
                _header_line(part, article)
            elif len(part.split()) <= 5 and part[:1].isupper():
                outlets.append(part)
            else:
                return False
        if outlets and not article.outlet:
            article.outlet = outlets[0]
        return True
    label = _LABEL_RE.match(line)
    search_from = label.end() if label else 0
    date_at = DATE_RE.search(line, search_from)
    found = date_match(line, date_at.start()) if date_at else None
    byline = _BYLINE_RE.search(line)
    if found is None and (byline is None or label is not None):
        return False
    before = after = ""
    if found is not None:
        before, after = line[search_from : date_at.start()], line[found[1] :]
    if byline is not None:
        names_end = date_at.start() if found is not None and date_at.start() > byline.start() else len(line)
        # "By Ana Ruiz | Harbour Times": what follows a bar is not a name.
        names_text = re.split(r"\s*[|·•—–]\s*", line[byline.start("names") : names_end])[0]
        if found is not None and byline.start() >= found[1]:
            after = line[found[1] : byline.start()]
        elif found is not None:
            before = ""
        for name in split_names(names_text.strip(_SEPARATORS)):
            if name not in article.bylines:
                article.bylines.append(name)
    elif len(before.split()) > 6 or len(after.split()) > 8:
        return False  # a sentence that mentions a date, not a dateline
    if found is not None:
        if label is not None and "update" in label.group("label").lower():
            article.updated = article.updated or found[0]
        else:
            article.published = article.published or found[0]
        outlet = after.strip(_SEPARATORS) or before.strip(_SEPARATORS)
        if outlet and not article.outlet:
            article.outlet = outlet
    return True


_BAR_SPLIT = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_AGENCY_FIRST = re.compile(r"\((?P<agency>[^()\n]{2,40})\)\s*(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s*,?\s*)?")


def _header_segment_known(part: str) -> bool:
    """Whether one part of a barred header line is a byline or a (labelled) date."""
    if _BYLINE_RE.match(part):
        return True
    label = _LABEL_RE.match(part)
    date_at = DATE_RE.search(part, label.end() if label else 0)
    return date_at is not None and date_at.start() == (label.end() if label else 0)


def _title(text: str, *, keep_acronyms: bool) -> str:
    words = []
    for word in text.split():
        if keep_acronyms and len(word) <= 3 and word.isupper():
            words.append(word)
        elif word.isupper():
            words.append(word.title())
        else:
            words.append(word)
    return " ".join(words)


def credit_split(credit: str, *, pair: bool) -> tuple[str | None, str | None]:
    """Photographer and agency from the printed credit, title-cased."""
    if "/" in credit:
        photographer, _, agency = credit.rpartition("/")
        photographer, agency = photographer.strip(), agency.strip()
        if photographer.casefold() in {"photo", "picture", "image", "photograph", ""}:
            photographer = ""
        return (
            _title(photographer, keep_acronyms=False) or None,
            _title(agency, keep_acronyms=True) or None,
        )
    if pair:
        return _title(credit.strip(), keep_acronyms=False), None
    return None, _title(credit.strip(), keep_acronyms=True)


def photo_from_caption(paragraph: str) -> ParsedPhoto | None:
    """A caption paragraph as a photo (caption text, credit split), or None for body text."""
    tail = max(0, len(paragraph) - _CREDIT_REACH)
    match = _CREDIT_CAPS_PAIR.search(paragraph, tail) if "/" in paragraph[tail:] else None
    if match and match.start() > 0:
        photographer, agency = credit_split(match.group("credit"), pair=False)
        return _photo(paragraph[: match.start()], match.group("credit"), photographer, agency)
    match = _CREDIT_BRACKETED.search(paragraph, tail) if paragraph[-1] in ")]." else None
    match = match or (_CREDIT_BRACKETED_START.match(paragraph) if paragraph[:1] in "[(" else None)
    if match:
        credit, inner = match.group("credit"), match.group("inner")
        by = bool(re.search(r"\bby\b", credit, re.IGNORECASE))
        photographer, agency = credit_split(inner, pair=by)
        caption = paragraph[: match.start()] + paragraph[match.end() :]
        return _photo(caption, credit.strip(), photographer, agency)
    match = _CREDIT_PHOTO_BY.search(paragraph, tail) if _PHOTO_WORD.search(paragraph, tail) else None
    if match and match.start() > 0:
        inner = match.group("inner")
        by = " by " in match.group("credit")
        photographer, agency = credit_split(inner, pair=by)
        return _photo(paragraph[: match.start()], match.group("credit"), photographer, agency)
    match = _CREDIT_CAPS_AGENCY.search(paragraph, tail) if paragraph[-1].isupper() else None
    if match and len(match.group("credit")) >= 2:
        agency = _title(match.group("credit"), keep_acronyms=True)
        return _photo(paragraph[: match.start()], match.group("credit"), None, agency)
    return None


def _photo(caption: str, credit: str, photographer: str | None, agency: str | None) -> ParsedPhoto:
    caption = caption.strip()
    return ParsedPhoto(
        caption=caption,
        credit=credit.strip().rstrip("."),
        photographer=photographer,
        agency=agency,
        pictured=caption_people(caption),
    )


def _is_subheading(paragraph: str) -> bool:
    if "\n" in paragraph or len(paragraph) > 70 or len(paragraph.split()) > 9:
        return False
    first = paragraph[0]
    return (first.isupper() or first.isdigit()) and paragraph[-1] not in _SUBHEADING_END


def body_split(paragraphs: list[str], article: ParsedArticle) -> None:
    """Sort body paragraphs into captions, subheadings, the rights footer and the body itself."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    footer: list[str] = []
    while paragraphs and _RIGHTS_RE.search(paragraphs[-1]) and len(paragraphs[-1]) < 300:
        footer.insert(0, paragraphs.pop())
    if footer:
        article.rights = "\n".join(footer)
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        photo = photo_from_caption(paragraph)
        if photo is not None:
            article.photos.append(photo)
            continue
        # A subheading stands between paragraphs: never the last thing in the article.
        if index + 1 < len(paragraphs) and _is_subheading(paragraph):
            article.subheadings.append(paragraph)
        body.append(paragraph)
    article.body = "\n\n".join(body)


def article_complete(
    article: ParsedArticle,
    keyword_rules: KeywordRules = (),
    record_tags: Iterable[str] = (),
    outlets: Iterable[str] = (),
) -> ParsedArticle:
    """Fill the extracted parts (speech, organisations, countries, tags) from headline and body."""
    outlets = [*([article.outlet] if article.outlet else []), *outlets]  # never speakers
    if not article.language:
        article.language = language_detect(f"{article.headline}\n\n{article.body}")
    if is_english(article.language):
        speakers, quotes = speech_extract(article.body, outlets=outlets)
    else:
        speakers, quotes = [], []  # the rules read English: elsewhere they would only make noise
        article.warnings.append(english_only_warning(article.language))
    known = {normalise_name(speaker.name) for speaker in speakers}
    for photo in article.photos if is_english(article.language) else ():
        # A caption that reports speech makes its people speakers; its words stay out of
        # ``quotes`` because quote offsets point into the body.
        if _CAPTION_SPEECH.search(photo.caption):
            for speaker in speech_extract(photo.caption, outlets=outlets)[0]:
                if normalise_name(speaker.name) not in known:
                    known.add(normalise_name(speaker.name))
                    speakers.append(speaker)
    article.speakers = speakers
    article.quotes = quotes
    text = f"{article.headline}\n\n{article.body}"
    title_organizations = [org for speaker in speakers for org in speaker.organizations]
    article.organizations, article.countries = mentions_count(text, title_organizations)
    for tag in [*record_tags, *suggest_tags(text, keyword_rules)]:
        if tag not in article.tags:
            article.tags.append(tag)
    return article


def parse_press_text(
    text: str, *, keyword_rules: KeywordRules = (), source: str = "<text>", outlets: Iterable[str] = ()
) -> ParsedArticle:
    """Parse one article saved in the press-text format; ``outlets`` (known media names) are never speakers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    paragraphs = [p for p in PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    if not paragraphs:
        raise ParseError("empty article", source=source)
    first_lines = paragraphs[0].split("\n")
    article = ParsedArticle(headline=first_lines[0].strip(), body="")
    header_lines = [line for line in first_lines[1:] if line.strip()]
    rest = paragraphs[1:]
    for line in header_lines:
        if not _header_line(line, article):
            # The headline paragraph went on with text: treat it as the first body paragraph.
            rest.insert(0, "\n".join(first_lines[first_lines.index(line) :]))
            break
    while rest and len(rest[0]) < 200 and all(_header_line(line, article) for line in rest[0].split("\n")):
        rest.pop(0)
    body_split(rest, article)
    lede = wire_lede(article.body[:160]) if article.body else None
    if lede and lede[1] and not article.outlet:
        article.outlet = lede[1]  # "ALMATY (AP) — ...": the agency that filed the story
    if article.published is None and article.updated is None:
        article.warnings.append("no date found")
    if not article.body:
        article.warnings.append("no body text")
    return article_complete(article, keyword_rules, outlets=outlets)
