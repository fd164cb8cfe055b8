"""Polling feeds: each new entry's page is fetched and imported as a saved web page, through an import job.

A feed that fails keeps its last error and is retried later (waiting longer after each failure in a row); an entry
whose page cannot be fetched is imported from the feed's own summary, and says so; one bad entry never stops the
others. Entries are remembered by guid (else link), so a second poll imports nothing new.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from monitoring.ingest.parsers import ParseError, decode_bytes
from monitoring.ingest.parsers.html_pages import html_record

from . import services
from .feeds import FeedError, FeedItem, feed_items
from .fetch import Fetcher, FetchError, FetchPolicy
from .models import Feed, FeedEntry, ImportJob, JobSource

MAX_BACKOFF_STEPS = 5
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PollResult:
    feed: Feed
    new: int = 0
    from_summary: int = 0
    not_modified: bool = False
    error: str = ""
    job: ImportJob | None = None

    def __str__(self) -> str:
        if self.error:
            return f"{self.feed}: failed: {self.error}"
        if self.not_modified:
            return f"{self.feed}: not modified"
        summary = f" ({self.from_summary} from the feed's summary)" if self.from_summary else ""
        return f"{self.feed}: {self.new} new entr{'y' if self.new == 1 else 'ies'}{summary}"


def feed_due(feed: Feed, now: dt.datetime) -> bool:
    """Whether the feed should be polled now: its interval has passed, doubled for each failure in a row."""
    if not feed.active:
        return False
    if feed.last_polled is None:
        return True
    wait = feed.poll_minutes * 2 ** min(feed.failures, MAX_BACKOFF_STEPS)
    return feed.last_polled + dt.timedelta(minutes=wait) <= now


def fetch_policy() -> FetchPolicy:
    return FetchPolicy(
        timeout=settings.FEED_FETCH_TIMEOUT,
        max_bytes=settings.FEED_MAX_BYTES,
        max_redirects=settings.FEED_MAX_REDIRECTS,
    )


def feeds_poll_due(*, now: dt.datetime | None = None, fetcher: Fetcher | None = None) -> list[PollResult]:
    """Poll every feed that is due, once; for cron (`manage.py feeds_poll`) and Celery beat."""
    now = now or timezone.now()
    due = [feed for feed in Feed.objects.select_related("outlet").filter(active=True) if feed_due(feed, now)]
    own = fetcher is None
    fetcher = fetcher or Fetcher(fetch_policy())
    try:
        return [feed_poll(feed, fetcher=fetcher) for feed in due]
    finally:
        if own:
            fetcher.close()


def _failed(feed: Feed, message: str) -> PollResult:
    Feed.objects.filter(pk=feed.pk).update(
        last_polled=timezone.now(), last_error=message[:2000], failures=feed.failures + 1
    )
    return PollResult(feed=feed, error=message)


def _summary_record(item: FeedItem, feed: Feed) -> dict:
    text = html.unescape(_TAGS.sub(" ", item.summary))
    return {
        "headline": item.title or item.link or item.key,
        "body": re.sub(r"[ \t]+", " ", text).strip(),
        "url": item.link or None,
        "published": item.published.isoformat() if item.published else None,
        "outlet": feed.outlet.name,
    }


def _page_record(content: bytes, item: FeedItem, feed: Feed) -> dict:
    """A fetched page as the import's JSON record; what the page does not say comes from the feed entry."""
    text, _ = decode_bytes(content, source=item.link)
    record = html_record(text, source=item.link)
    if not record["body"]:
        raise ParseError("no article text found in the page", source=item.link)
    record["photos"] = [dict(photo, file=None) for photo in record["photos"]]  # remote images are never fetched
    record["url"] = record["url"] or item.link
    record["headline"] = record["headline"] or item.title
    record["published"] = record["published"] or (item.published.isoformat() if item.published else None)
    record["outlet"] = feed.outlet.name
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def feed_poll(feed: Feed, *, fetcher: Fetcher) -> PollResult:
    """Fetch the feed (conditionally), take its new entries and import them as one job."""
    try:
        fetched = fetcher.get(feed.url, etag=feed.etag or None, last_modified=feed.last_modified or None)
        items = [] if fetched.not_modified else feed_items(fetched.content, source=feed.url)
    except (FetchError, FeedError) as exc:
        return _failed(feed, str(exc))
    polled = {"last_polled": timezone.now(), "last_error": "", "failures": 0}
    if fetched.not_modified:
        Feed.objects.filter(pk=feed.pk).update(**polled)
        return PollResult(feed=feed, not_modified=True)
    seen = set(FeedEntry.objects.filter(feed=feed, key__in=[i.key for i in items]).values_list("key", flat=True))
    new = [item for item in dict((i.key, i) for i in items).values() if item.key not in seen]
    folder = settings.IMPORT_ROOT / f"feed-{feed.pk}-{uuid.uuid4().hex}"
    folder.mkdir(parents=True, exist_ok=True)
    entries, notes = [], {}
    for number, item in enumerate(new, start=1):
        entry = FeedEntry(feed=feed, key=item.key, link=item.link[:1000])
        try:
            if not item.link:
                raise FetchError("the entry has no link")
            page = fetcher.get(item.link)
            record = _page_record(page.content, item, feed)
            (folder / f"entry-{number:04d}.json").write_text(json.dumps(record), encoding="utf-8")
        except (FetchError, ParseError) as exc:
            entry.from_summary = True
            name = f"entry-{number:04d}.json"
            (folder / name).write_text(json.dumps(_summary_record(item, feed)), encoding="utf-8")
            notes[name] = f"Imported from the feed's summary: the page could not be fetched ({exc})."
        entries.append(entry)
    job = None
    with transaction.atomic():
        if entries:
            job = services.job_create(
                user=None,
                source=JobSource.FEED,
                paths=[str(folder)],
                label=f"{len(entries)} new entries of {feed.url}"[:500],
                options={"outlet": feed.outlet.name},
                feed=feed,
            )
            for name, note in notes.items():
                job.files.filter(name=name).update(note=note[:1000])
            for entry in entries:
                entry.job = job
            FeedEntry.objects.bulk_create(entries, ignore_conflicts=True)
        Feed.objects.filter(pk=feed.pk).update(
            etag=(fetched.etag or "")[:500], last_modified=(fetched.last_modified or "")[:100], **polled
        )
    if job is not None:
        services.job_enqueue(job)
    return PollResult(feed=feed, new=len(entries), from_summary=sum(e.from_summary for e in entries), job=job)
