from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError

from monitoring.articles.models import Outlet
from monitoring.codebook.models import Tag
from monitoring.core.permissions import source_accept_check

from .diff import WordsDiff, words_diff
from .models import SourceRevision


def keyword_rules() -> list[tuple[str, list[str]]]:
    """The codebook's keyword rules (tag name, keywords) for tag suggestions; none when the database is not set up."""
    try:
        return [(tag.name, tag.keyword_list) for tag in Tag.objects.exclude(keywords="").only("name", "keywords")]
    except DatabaseError:
        return []


def outlet_names() -> list[str]:
    """The outlets the monitor knows, by name: the extraction never takes one for a speaker (one query)."""
    try:
        return list(Outlet.objects.values_list("name", flat=True))
    except DatabaseError:
        return []


@dataclass(frozen=True)
class HeldSource:
    """A changed source held for a reviewed article, as the reader page's banner shows it."""

    revision: SourceRevision
    headline: WordsDiff
    body: WordsDiff
    others: list[tuple[str, str, str]]  # (what, reviewed value, held value)
    can_accept: bool
    why_not: str = ""


def _listed(values) -> str:
    return ", ".join(str(value) for value in values if value) or "—"


def held_source(*, article, user) -> HeldSource | None:
    """The article's pending source revision with its word-level differences, or None (one query)."""
    revision = SourceRevision.objects.pending().filter(article_id=article.pk).first()
    if revision is None:
        return None
    parsed = revision.payload.get("parsed", {})
    given = [*revision.payload.get("given_tags", []), *revision.payload.get("tags", [])]
    others = [
        ("Address", article.url or "—", parsed.get("url") or "—"),
        ("Byline", _listed(article.bylines), _listed(parsed.get("bylines", []))),
        ("Published", str(article.published_on or "—"), parsed.get("published") or parsed.get("updated") or "—"),
    ]
    others = [row for row in others if row[1] != row[2]]
    if given:
        others.append(("Tags named in the source (arrive as suggestions)", "", _listed(given)))
    try:
        source_accept_check(user, article)
        can_accept, why_not = True, ""
    except PermissionDenied as exc:
        can_accept, why_not = False, str(exc)
    return HeldSource(
        revision=revision,
        headline=words_diff(article.headline, revision.headline),
        body=words_diff(article.body, revision.body),
        others=others,
        can_accept=can_accept,
        why_not=why_not,
    )
