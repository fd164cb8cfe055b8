"""Saved web pages: a browser's "save page as" (the .html file and its `_files` folder).

The main text comes from trafilatura, which drops navigation, related links, comments, share and newsletter boxes.
Metadata is read from the page in order of trust: JSON-LD (`NewsArticle`, `Article` ...), then OpenGraph and
`article:*` meta tags, then trafilatura's own guesses. Photos are the `<figure>`s trafilatura kept in the main text,
with their `<figcaption>`. The result is a JSON record (the import's own schema) parsed by `parse_record`, so a web
page goes through exactly the extraction that press text and JSON do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from .article import ParsedArticle
from .errors import ParseError
from .json_records import parse_record
from .press_text import KeywordRules, photo_from_caption

ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
}
# Elements of trafilatura's XML that hold body text, each becoming one paragraph.
_TEXT_ELEMENTS = {"p", "head", "item", "quote"}
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|photographer|attribution", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_CREDIT_LABEL = re.compile(r"^\W*(?:(?:photo|picture|image|credit)s?\b\s*(?:by\b)?\s*:?\s*)", re.IGNORECASE)


def _text(value: str | None) -> str:
    return _SPACE.sub(" ", value or "").strip()


def _first(*values) -> str | None:
    return next((_text(v) for v in values if isinstance(v, str) and _text(v)), None)


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _json_ld_items(tree) -> list[dict]:
    """Every object in the page's JSON-LD blocks, `@graph` members included; broken blocks are skipped."""
    items: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
    return items


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD value: a string, an object with `name`, or a list of either."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and _text(name) and not name.startswith(("http://", "https://")):
            names.append(_text(name))
    return names


def _url_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _text(value) if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _meta(tree, *keys: str) -> str | None:
    """The first non-empty meta tag among `keys`, matched on `property` or `name`."""
    for key in keys:
        for value in tree.xpath("//meta[@property=$k or @name=$k]/@content", k=key):
            if _text(value):
                return _text(value)
    return None


def _date(value: str | None) -> str | None:
    """The calendar date of an ISO timestamp as printed by the page (its own time zone), else the value itself."""
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else value


def _local_file(src: str | None) -> str | None:
    """An image path relative to the saved page, or None for a remote or inline image (never fetched)."""
    if not src or src.startswith("data:"):
        return None
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path) or None


def _credit_clean(credit: str) -> str:
    """A credit without its label and brackets: "(Photo: Name / Agency)" -> "Name / Agency"."""
    return _CREDIT_LABEL.sub("", credit.strip("()[] ")).strip()


def _caption_and_credit(figcaption) -> tuple[str, str | None]:
    """A figcaption's caption and credit: a credit element when the page marks one, else the caption's own tail."""
    credit_parts = [
        _text(element.text_content())
        for element in figcaption.iter()
        if element is not figcaption and _CREDIT_CLASS.search(element.get("class", ""))
    ]
    if credit_parts:
        for element in list(figcaption.iter()):
            if element is not figcaption and _CREDIT_CLASS.search(element.get("class", "")):
                element.drop_tree()
        return _text(figcaption.text_content()), _credit_clean(" ".join(credit_parts))
    text = _text(figcaption.text_content())
    photo = photo_from_caption(text)
    if photo is not None and photo.credit:
        return photo.caption, _credit_clean(photo.credit)
    return text, None


def _photos(tree, kept_sources: list[str]) -> list[dict]:
    """The figures of the main text, in page order, as record photos."""
    photos = []
    for src in kept_sources:
        figures = tree.xpath("//figure[.//img[@src=$s]]", s=src)
        caption, credit = "", None
        if figures:
            figcaptions = figures[0].xpath(".//figcaption")
            if figcaptions:
                caption, credit = _caption_and_credit(figcaptions[0])
        photos.append({"caption": caption, "credit": credit, "file": _local_file(src)})
    return photos


def _body_and_images(html: str) -> tuple[list[str], list[str]]:
    """The main text's paragraphs and the sources of the images trafilatura kept in it."""
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_images=True,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not xml:
        return [], []
    main = etree.fromstring(xml.encode()).find("main")
    paragraphs, images = [], []
    for element in main.iter() if main is not None else ():
        if element.tag == "graphic" and element.get("src"):
            images.append(element.get("src"))
        elif element.tag in _TEXT_ELEMENTS and not any(
            inner.tag in _TEXT_ELEMENTS for inner in element.iterdescendants()
        ):  # a block quote holding paragraphs is read through them
            text = _text("".join(element.itertext()))
            if text:
                paragraphs.append(text)
    return paragraphs, images


def html_record(html: str, *, source: str = "<html>") -> dict[str, Any]:
    """The JSON record (the import's schema) a saved web page amounts to."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"not a readable HTML page ({exc})", source=source) from None
    ld = next((item for item in _json_ld_items(tree) if _types(item) & ARTICLE_TYPES), {})
    meta = trafilatura.extract_metadata(html)
    meta = meta.as_dict() if meta is not None else {}
    canonical = tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
    headline = _first(ld.get("headline"), ld.get("name"), _meta(tree, "og:title", "twitter:title"), meta.get("title"))
    if headline is None:
        headline = _first(*tree.xpath("//h1//text()"), *tree.xpath("//title/text()"))
    paragraphs, images = _body_and_images(html)
    if paragraphs and headline and _text(paragraphs[0]).casefold() == headline.casefold():
        paragraphs = paragraphs[1:]  # the page's own <h1>, kept by trafilatura as the first line of the text
    authors = _names(ld.get("author")) or [
        name for name in [_meta(tree, "article:author", "author", "byl")] if name and "://" not in name
    ]
    if not authors and meta.get("author"):
        authors = [_text(a) for a in meta["author"].split(";") if _text(a)]
    language = _first(ld.get("inLanguage"), *tree.xpath("/html/@lang"), _meta(tree, "og:locale"), meta.get("language"))
    return {
        "headline": headline or "",
        "body": "\n\n".join(paragraphs),
        "outlet": _first(*_names(ld.get("publisher")), _meta(tree, "og:site_name"), meta.get("sitename")),
        "url": _first(
            *(_url_of(u) for u in canonical),
            _url_of(ld.get("url")),
            _url_of(ld.get("mainEntityOfPage")),
            _url_of(_meta(tree, "og:url")),
            _url_of(meta.get("url")),
        ),
        "published": _date(
            _first(ld.get("datePublished"), _meta(tree, "article:published_time", "datePublished"), meta.get("date"))
        ),
        "updated": _date(_first(ld.get("dateModified"), _meta(tree, "article:modified_time", "og:updated_time"))),
        "byline": authors,
        "language": re.split(r"[-_]", language)[0].lower() if language else None,
        "photos": _photos(tree, images),
    }


def parse_html_page(
    html: str, *, keyword_rules: KeywordRules = (), source: str = "<html>", outlets: Iterable[str] = ()
) -> ParsedArticle:
    """Parse a saved web page into the same extraction as press text and JSON records."""
    record = {key: value for key, value in html_record(html, source=source).items() if value not in (None, [], "")}
    record.setdefault("body", "")
    if not record.get("headline"):
        raise ParseError("no headline found (no JSON-LD, og:title, <h1> or <title>)", source=source)
    if not record["body"]:
        raise ParseError("no article text found in the page", source=source)
    return parse_record(record, keyword_rules=keyword_rules, source=source, outlets=outlets)
