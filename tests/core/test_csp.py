"""Content-Security-Policy: the header on every page, and nothing in our markup that it would block."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [REPO / "templates", *sorted((REPO / "monitoring").glob("*/templates"))]

# What a policy without 'unsafe-inline' blocks: <script> with code in it (a src= or a JSON data block is fine),
# <style> blocks, style= attributes, on*= event handler attributes and javascript: URLs.
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>\s*[^<\s]", re.I)
INLINE_CODE = {
    "inline <script> code": INLINE_SCRIPT,
    "<style> block": re.compile(r"<style\b", re.I),
    "style= attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def inline_code_find(text: str) -> list[str]:
    return [name for name, pattern in INLINE_CODE.items() if pattern.search(text)]


def policy_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_the_scanner_finds_each_kind_of_inline_code():
    assert inline_code_find("<script>alert(1)</script>") == ["inline <script> code"]
    assert inline_code_find("<style>p { color: red }</style>") == ["<style> block"]
    assert inline_code_find('<img src="x.png" style="max-height:80px">') == ["style= attribute"]
    assert inline_code_find('<button onclick="go()">') == ["event handler attribute"]
    assert inline_code_find('<a href="javascript:go()">') == ["javascript: URL"]
    clean = '<script src="/static/js/reader.js" defer></script><script id="c" type="application/json">{}</script>'
    assert inline_code_find(clean) == []


@pytest.mark.parametrize(
    "template", [p for d in TEMPLATE_DIRS for p in sorted(d.rglob("*.html"))], ids=lambda p: str(p.relative_to(REPO))
)
def test_templates_hold_no_inline_scripts_or_styles(template):
    assert inline_code_find(template.read_text()) == []


@pytest.mark.parametrize("module", sorted((REPO / "monitoring").rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_python_markup_holds_no_inline_scripts_or_styles(module):
    """format_html / mark_safe strings in admin classes and views are markup too."""
    assert inline_code_find(module.read_text()) == []


@pytest.fixture
def article(db):
    article = ArticleFactory()
    QuoteFactory(article=article)
    PhotoFactory(article=article)
    return article


def pages(article) -> list[str]:
    return [
        "/",
        "/articles/",
        reverse("articles:detail", args=[article.pk]),
        reverse("review:queues"),
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:photos_photo_changelist"),
        reverse("admin:photos_photo_change", args=[article.photos.get().pk]),
    ]


def test_login_page_sends_a_strict_policy(client, db):
    response = client.get(reverse("login"))

    policy = policy_of(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_every_page_sends_the_policy_and_its_markup_obeys_it(login, editor, article):
    client = login(editor)
    for url in pages(article):
        response = client.get(url)
        assert response.status_code == 200, url
        header = response["Content-Security-Policy"]
        assert "script-src 'self'" in header and "style-src 'self'" in header, url
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, url
        assert inline_code_find(response.content.decode()) == [], url
