"""Reading RSS 2.0 and Atom feeds into entries to import (feedparser does the reading)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import feedparser


class FeedError(Exception):
    """A feed that cannot be read; the message says why in one line."""


@dataclass(frozen=True)
class FeedItem:
    key: str  # the entry's guid/id, else its link: what makes it "already seen"
    link: str
    title: str
    summary: str
    published: dt.date | None = None


def _date(entry) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def feed_items(content: bytes, *, source: str) -> list[FeedItem]:
    """The entries of a feed document, in feed order; a document that is no feed at all raises FeedError."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "not a feed"
        raise FeedError(f"{source}: malformed feed ({str(reason).splitlines()[0]})")
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        key = (entry.get("id") or link).strip()
        if not key:
            continue
        items.append(
            FeedItem(
                key=key[:500],
                link=link,
                title=(entry.get("title") or "").strip(),
                summary=(entry.get("summary") or "").strip(),
                published=_date(entry),
            )
        )
    return items
