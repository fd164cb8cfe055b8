"""Saved web pages: metadata by trust order, main text without boilerplate, figures with caption and credit.

The pages under html/ are original writing in the shapes of common newsroom systems (WordPress, a JSON-LD-heavy
one, one with only OpenGraph tags, one with figures and bylines in unusual places).
"""

import json
from pathlib import Path

import pytest

from monitoring.ingest.parsers import ParseError
from monitoring.ingest.parsers.html_pages import html_record, parse_html_page

PAGES = Path(__file__).parent / "html"
EXPECTED = json.loads((PAGES / "expected.json").read_text())


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name)
def page(request):
    name = request.param
    return parse_html_page((PAGES / name).read_text(encoding="utf-8"), source=name), EXPECTED[name]


def test_metadata(page):
    article, expected = page
    assert article.headline == expected["headline"]
    assert article.outlet == expected["outlet"]
    assert article.url == expected["url"]
    assert (article.published.isoformat() if article.published else None) == expected["published"]
    assert (article.updated.isoformat() if article.updated else None) == expected["updated"]
    assert article.bylines == expected["bylines"]
    assert article.language == expected["language"]


def test_main_text_without_boilerplate(page):
    article, expected = page
    assert article.body.startswith(expected["first_paragraph"])
    assert article.subheadings == expected["subheadings"]
    assert not article.body.startswith(article.headline)
    for phrase in expected["boilerplate"]:
        assert phrase.casefold() not in article.body.casefold(), phrase


def test_photos_with_caption_and_credit(page):
    article, expected = page
    got = [
        {"caption": p.caption, "credit": p.credit, "photographer": p.photographer, "agency": p.agency, "file": p.file}
        for p in article.photos
    ]
    assert got == expected["photos"]


def test_speech_extraction_runs_on_the_page(page):
    article, expected = page
    names = {speaker.name for speaker in article.speakers}
    assert set(expected["speakers"]) <= names
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text


def test_json_ld_wins_over_opengraph():
    html = (PAGES / "jsonld-ministerial.html").read_text()
    record = html_record(html)
    assert record["headline"] == "Ministers pledge review of Black Sea grain corridor"  # not the og:title
    assert record["outlet"] == "Continental Wire"  # not og:site_name "CW"


def test_canonical_url_wins():
    html = """<html><head><link rel="canonical" href="https://a.example/canonical">
    <meta property="og:url" content="https://a.example/og"><meta property="og:title" content="T"></head>
    <body><article><h1>T</h1><p>Some text long enough to be kept by the extractor as an article paragraph.</p>
    <p>Another paragraph of the article, also long enough to count as the main text of the page.</p></article>
    </body></html>"""
    assert html_record(html)["url"] == "https://a.example/canonical"


def test_remote_and_inline_images_are_never_local_files():
    record = html_record((PAGES / "unusual-layout.html").read_text())
    assert [photo["file"] for photo in record["photos"]] == ["unusual-layout_files/niamey conference.jpg", None]


def test_page_without_text_is_refused_with_its_name():
    with pytest.raises(ParseError, match="empty.html: no article text"):
        parse_html_page("<html><head><title>Only a title</title></head><body></body></html>", source="empty.html")


def test_page_without_headline_is_refused():
    with pytest.raises(ParseError, match="no headline"):
        parse_html_page("<html><body><p></p></body></html>", source="x.html")
