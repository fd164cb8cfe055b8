"""Streamed CSV and JSON exports of the filtered articles, quotes, persons and annotations, with no row cap.

Values are for reading: labels, not codes (an outlet kind is "Wire agency"); links are absolute (`SITE_URL`);
dates and times are ISO 8601.

Rows come from the same selectors as the pages, read with `.iterator()` so memory stays flat however
many rows there are; the response is a StreamingHttpResponse that writes as it reads.

An export counts what its page counts: reviewed work only (approved items; confirmed quotes, roles and tags) unless
the filters carry `unreviewed=on`. It says which in its file name (`press-monitor-quotes-reviewed-<time>.csv` or
`press-monitor-quotes-with-unreviewed-<time>.csv`) and in the `X-Press-Monitor-Counting` response header
(`reviewed` or `with-unreviewed`), so the data itself keeps its plain CSV/JSON shape.
"""

import csv
import datetime
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from . import selectors

CHUNK = 2000
COUNTING_HEADER = "X-Press-Monitor-Counting"
# Spreadsheet programs run cells starting with these as formulas; exported text is untrusted.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Export:
    columns: list[str]
    rows: Callable[[selectors.Filters], Iterable[dict]]


def absolute_url(path: str) -> str:
    """A link that works outside the site (a spreadsheet, an email): `SITE_URL` + the page's path."""
    return settings.SITE_URL.rstrip("/") + path


def _article_rows(filters: selectors.Filters) -> Iterator[dict]:
    for article in selectors.article_rows(filters).iterator(chunk_size=CHUNK):
        yield {
            "id": article.pk,
            "headline": article.headline,
            "outlet": article.outlet.name,
            "outlet_kind": article.outlet.get_kind_display(),
            "outlet_country": article.outlet.country.name if article.outlet.country_id else "",
            "published_on": article.published_on,
            "status": article.status,
            "assignee": article.assignee.get_username() if article.assignee_id else "",
            "due_on": article.due_on,
            "quote_count": article.quote_count or 0,
            "photo_count": article.photo_count or 0,
            "tags": ";".join(tagged.tag.name for tagged in article.counted_tags),
            "word_count": article.word_count,
            "url": article.url,
            "page": absolute_url(reverse("articles:detail", args=[article.pk])),
        }


def _quote_rows(filters: selectors.Filters) -> Iterator[dict]:
    for row in selectors.quotes_export_rows(filters).iterator(chunk_size=CHUNK):
        yield {
            "id": row["pk"],
            "article_id": row["article"],
            "headline": row["article__headline"],
            "outlet": row["article__outlet__name"],
            "published_on": row["article__published_on"],
            "speaker_id": row["speaker"] or "",
            "speaker": row["speaker__name"] or "",
            "group": row["group"],
            "kind": row["kind"],
            "cue": row["cue"],
            "status": row["status"],
            "text": row["text"],
            "page": absolute_url(reverse("articles:detail", args=[row["article"]])),
        }


def _person_rows(filters: selectors.Filters) -> Iterator[dict]:
    for row in selectors.people_rows(filters).iterator(chunk_size=CHUNK):
        yield {
            "id": row["speaker"],
            "name": row["speaker__name"],
            "country": row["country"] or "",
            "quotes": row["quote_count"],
            "direct_quotes": row["direct_count"],
            "articles": row["article_count"],
            "first_quoted": row["first_quoted"],
            "last_quoted": row["last_quoted"],
        }


def _annotation_rows(filters: selectors.Filters) -> Iterator[dict]:
    for annotation in selectors.annotations_export_rows(filters).iterator(chunk_size=CHUNK):
        article, target = annotation.article, annotation.target
        yield {
            "id": annotation.pk,
            "article_id": article.pk,
            "headline": article.headline,
            "outlet": article.outlet.name,
            "published_on": article.published_on,
            "code": annotation.tag.name,
            "category": annotation.tag.get_category_display(),
            "text": annotation.text,
            "note": annotation.note,
            "stance": annotation.get_stance_display() if annotation.stance else "",
            "target": str(target) if target is not None else "",
            "target_type": target._meta.verbose_name if target is not None else "",
            "analyst": annotation.author.get_username(),
            "created": annotation.created,
            "orphaned": annotation.orphaned,
            "page": absolute_url(reverse("articles:detail", args=[article.pk]) + f"#annotation-{annotation.pk}"),
        }


EXPORTS = {
    "articles": Export(
        [
            "id",
            "headline",
            "outlet",
            "outlet_kind",
            "outlet_country",
            "published_on",
            "status",
            "assignee",
            "due_on",
            "quote_count",
            "photo_count",
            "tags",
            "word_count",
            "url",
            "page",
        ],
        _article_rows,
    ),
    "quotes": Export(
        [
            "id",
            "article_id",
            "headline",
            "outlet",
            "published_on",
            "speaker_id",
            "speaker",
            "group",
            "kind",
            "cue",
            "status",
            "text",
            "page",
        ],
        _quote_rows,
    ),
    "persons": Export(
        ["id", "name", "country", "quotes", "direct_quotes", "articles", "first_quoted", "last_quoted"], _person_rows
    ),
    "annotations": Export(
        [
            "id",
            "article_id",
            "headline",
            "outlet",
            "published_on",
            "code",
            "category",
            "text",
            "note",
            "stance",
            "target",
            "target_type",
            "analyst",
            "created",
            "orphaned",
            "page",
        ],
        _annotation_rows,
    ),
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class _Echo:
    """A file-like object whose write() hands the line back, so csv.writer can feed a generator."""

    def write(self, value):
        return value


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()  # ISO 8601 as in JSON, not Python's str() (a space, microseconds)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_stream(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([_csv_cell(row[column]) for column in columns])


def _json_default(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"Cannot export {type(value).__name__}")


def json_stream(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array written one object a line, never held whole in memory."""
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(
            {column: row[column] for column in columns}, default=_json_default, ensure_ascii=False
        )
        separator = ",\n"
    yield "\n]\n"


def export_response(dataset: str, fmt: str, filters: selectors.Filters) -> StreamingHttpResponse:
    """Stream `dataset` ("articles", "quotes", "persons" or "annotations") as `fmt` ("csv" or "json")."""
    export = EXPORTS[dataset]
    stream = csv_stream if fmt == "csv" else json_stream
    response = StreamingHttpResponse(stream(export.columns, export.rows(filters)), content_type=FORMATS[fmt])
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    view = filters.view_slug
    response["Content-Disposition"] = f'attachment; filename="press-monitor-{dataset}-{view}-{stamp}.{fmt}"'
    response[COUNTING_HEADER] = view
    return response
