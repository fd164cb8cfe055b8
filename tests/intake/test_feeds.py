"""Feeds polled from a local server: new entries imported once, pages as HTML, summaries when a page fails."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.intake.feeds_admin import feed_add
from monitoring.intake.feeds_poll import feed_due, feed_poll, feeds_poll_due
from monitoring.intake.fetch import Fetcher, FetchPolicy
from monitoring.intake.models import Feed, FeedEntry, ImportJob


@pytest.fixture
def fetcher():
    with Fetcher(FetchPolicy(timeout=1.0, max_bytes=1024 * 1024)) as fetcher:
        yield fetcher


@pytest.fixture
def rss(db, http_server):
    feed, _ = feed_add(url=f"{http_server}/feed.xml", outlet_name="Steppe Herald")
    return feed


def test_poll_imports_new_entries_as_pages_or_summaries(rss, fetcher, http_server):
    result = feed_poll(rss, fetcher=fetcher)
    assert (result.new, result.from_summary, result.error) == (2, 1, "")
    page = Article.objects.get(url=f"{http_server}/page1.html")
    assert page.headline == "River data deal"
    assert page.outlet.name == "Steppe Herald"
    assert page.quotes.filter(speaker__name="Nurlan Abenov").exists()
    summary = Article.objects.get(url=f"{http_server}/missing.html")
    assert summary.body.startswith("Ministers met in Bishkek")
    files = dict(result.job.files.values_list("name", "note"))
    assert "HTTP 404" in files["entry-0002.json"] and files["entry-0001.json"] == ""
    assert FeedEntry.objects.get(key="steppe-4813").from_summary


def test_second_poll_imports_nothing_new(rss, fetcher):
    feed_poll(rss, fetcher=fetcher)
    rss.refresh_from_db()
    assert rss.etag == '"v1"'
    again = feed_poll(rss, fetcher=fetcher)
    assert again.not_modified  # conditional GET: 304
    Feed.objects.filter(pk=rss.pk).update(etag="")
    rss.refresh_from_db()
    assert feed_poll(rss, fetcher=fetcher).new == 0  # same entries, known by guid
    assert Article.objects.count() == 2 and ImportJob.objects.count() == 1


def test_atom_feed(db, http_server, fetcher):
    feed, _ = feed_add(url=f"{http_server}/atom.xml", outlet_name="Continental Wire")
    assert feed_poll(feed, fetcher=fetcher).new == 1
    assert Article.objects.get().headline == "Grain corridor review"


def test_failing_feed_keeps_its_error_and_backs_off(db, http_server, fetcher):
    feed, _ = feed_add(url=f"{http_server}/malformed.xml", outlet_name="Broken", poll_minutes=10)
    result = feed_poll(feed, fetcher=fetcher)
    assert "malformed feed" in result.error
    feed.refresh_from_db()
    assert "malformed feed" in feed.last_error and feed.failures == 1
    assert not feed_due(feed, feed.last_polled + dt.timedelta(minutes=15))  # 10 min doubled after a failure
    assert feed_due(feed, feed.last_polled + dt.timedelta(minutes=21))


def test_feeds_poll_command_polls_due_feeds_once(rss, http_server, capsys):
    feed_add(url=f"{http_server}/missing-feed.xml", outlet_name="Gone")
    call_command("feeds_poll")
    out, err = capsys.readouterr()
    assert "2 new entries (1 from the feed's summary)" in out
    assert "HTTP 404" in err
    assert feeds_poll_due(now=timezone.now()) == []  # both polled just now: nothing due


def test_feed_add_command_and_validation(db, http_server):
    call_command("feed_add", f"{http_server}/feed.xml", "--outlet", "Steppe Herald", "--every", "30")
    assert Feed.objects.get().poll_minutes == 30
    with pytest.raises(ValidationError):
        feed_add(url="ftp://example.invalid/feed", outlet_name="X")
