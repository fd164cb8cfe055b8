"""What a parser returns: plain dataclasses that serialise to the import's JSON schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ParsedPhoto:
    caption: str
    credit: str | None = None
    photographer: str | None = None
    agency: str | None = None
    pictured: list[str] = field(default_factory=list)
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "credit": self.credit,
            "photographer": self.photographer,
            "agency": self.agency,
            "pictured": list(self.pictured),
            "file": self.file,
        }


@dataclass(slots=True)
class ParsedSpeaker:
    name: str
    kind: str  # "person" or "group"
    titles: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    # The speech rule that first credited this speaker (``parse_article --explain``); not exported.
    rule: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "titles": list(self.titles),
            "organizations": list(self.organizations),
        }


@dataclass(slots=True)
class ParsedQuote:
    speaker: str
    kind: str  # "direct", "indirect" or "partial"
    text: str
    start: int
    end: int
    cue: str | None = None
    channel: str | None = None
    # The speech rule that produced this quote (``parse_article --explain``); not exported.
    rule: str | None = field(default=None, compare=False)
    # Where the rule read the cue and the source (the speaker's mention as written: "the port's chief, Ana Ruiz,",
    # "she"), as (start, end) offsets into the body; None for a quote given to an earlier speaker. Not exported.
    cue_span: tuple[int, int] | None = field(default=None, compare=False)
    source_span: tuple[int, int] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "channel": self.channel,
        }


@dataclass(slots=True)
class Mention:
    name: str
    count: int
    code: str | None = None  # ISO alpha-2 for countries


@dataclass(slots=True)
class ParsedArticle:
    headline: str
    body: str
    outlet: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    bylines: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    rights: str | None = None
    language: str | None = None
    url: str | None = None
    photos: list[ParsedPhoto] = field(default_factory=list)
    speakers: list[ParsedSpeaker] = field(default_factory=list)
    quotes: list[ParsedQuote] = field(default_factory=list)
    organizations: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "bylines": list(self.bylines),
            "subheadings": list(self.subheadings),
            "rights": self.rights,
            "body": self.body,
            "language": self.language,
            "url": self.url,
            "photos": [photo.to_dict() for photo in self.photos],
            "speakers": [speaker.to_dict() for speaker in self.speakers],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "organizations": [{"name": m.name, "count": m.count} for m in self.organizations],
            "countries": [{"name": m.name, "code": m.code, "count": m.count} for m in self.countries],
            "tags": list(self.tags),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedArticle:
        """The article `to_dict` wrote (a held source revision is kept in this form until someone accepts it)."""
        return cls(
            headline=data["headline"],
            body=data["body"],
            outlet=data.get("outlet"),
            published=_date_load(data.get("published")),
            updated=_date_load(data.get("updated")),
            bylines=list(data.get("bylines") or []),
            subheadings=list(data.get("subheadings") or []),
            rights=data.get("rights"),
            language=data.get("language"),
            url=data.get("url"),
            photos=[ParsedPhoto(**photo) for photo in data.get("photos") or []],
            speakers=[ParsedSpeaker(**speaker) for speaker in data.get("speakers") or []],
            quotes=[ParsedQuote(**quote) for quote in data.get("quotes") or []],
            organizations=[Mention(**mention) for mention in data.get("organizations") or []],
            countries=[Mention(**mention) for mention in data.get("countries") or []],
            tags=list(data.get("tags") or []),
            warnings=list(data.get("warnings") or []),
        )


def _date_load(value: str | None) -> dt.date | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
