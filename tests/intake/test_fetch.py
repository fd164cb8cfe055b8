"""Fetching feeds and pages from a local server: limits, redirects, conditional GET, robots.txt, feed parsing."""

import datetime as dt

import pytest

from monitoring.intake.feeds import FeedError, feed_items
from monitoring.intake.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy

from .conftest import Handler


@pytest.fixture
def fetcher():
    with Fetcher(FetchPolicy(timeout=1.0, max_bytes=1024 * 1024, max_redirects=3)) as fetcher:
        yield fetcher


def test_fetch_page_with_user_agent(http_server, fetcher):
    fetched = fetcher.get(f"{http_server}/page1.html")
    assert fetched.status == 200
    assert b"River data deal" in fetched.content
    assert all(agent == USER_AGENT for _, agent in Handler.hits)


def test_conditional_get_answers_not_modified(http_server, fetcher):
    first = fetcher.get(f"{http_server}/feed.xml")
    assert first.etag == '"v1"'
    second = fetcher.get(f"{http_server}/feed.xml", etag=first.etag)
    assert second.not_modified and second.content == b""


def test_redirects_followed_within_the_limit(http_server, fetcher):
    assert fetcher.get(f"{http_server}/redirect").url == f"{http_server}/page1.html"
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.get(f"{http_server}/loop")


def test_redirect_to_another_scheme_is_refused(http_server, fetcher):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(f"{http_server}/to-ftp")


@pytest.mark.parametrize("url", ["ftp://example.invalid/x", "file:///etc/passwd", "javascript:alert(1)", "/relative"])
def test_only_http_and_https(fetcher, url):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)


def test_not_found_says_the_status(http_server, fetcher):
    with pytest.raises(FetchError, match="HTTP 404") as info:
        fetcher.get(f"{http_server}/missing.html")
    assert info.value.status == 404


def test_slow_page_hits_the_timeout(http_server, fetcher):
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetcher.get(f"{http_server}/slow")


@pytest.mark.parametrize("path", ["/big", "/big-undeclared"])
def test_oversized_page_is_refused_while_streaming(http_server, fetcher, path):
    with pytest.raises(FetchError, match="over the size cap"):
        fetcher.get(f"{http_server}{path}")


def test_robots_txt_is_respected(http_server, fetcher):
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{http_server}/private/page.html")
    fetcher.get(f"{http_server}/page1.html")
    assert [path for path, _ in Handler.hits].count("/robots.txt") == 1  # read once per host


def test_rss_items(http_server, fetcher):
    items = feed_items(fetcher.get(f"{http_server}/feed.xml").content, source="feed.xml")
    assert [item.key for item in items] == ["steppe-4812", "steppe-4813"]
    assert items[0].link == f"{http_server}/page1.html"
    assert items[0].published == dt.date(2024, 3, 12)
    assert items[1].summary.startswith("Ministers met in Bishkek")


def test_atom_items(http_server, fetcher):
    items = feed_items(fetcher.get(f"{http_server}/atom.xml").content, source="atom.xml")
    assert [(item.key, item.title) for item in items] == [
        ("urn:cw:2023-05-04-grain", "Ministers pledge grain corridor review")
    ]


def test_malformed_feed_is_refused_with_its_name(http_server, fetcher):
    with pytest.raises(FeedError, match="malformed.xml: malformed feed"):
        feed_items(fetcher.get(f"{http_server}/malformed.xml").content, source="malformed.xml")
