"""Briefings (clip books): approved items with their photo, confirmed quotes and the analysts' notes, as an HTML
page and a PDF (WeasyPrint). Only approved items go in: a briefing is the team's reviewed output.

The PDF is rendered offline: images come from MEDIA_ROOT as files, and any other URL the HTML might name is
refused rather than fetched.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.codebook.models import TagCategory, TaggedArticle, TagStatus
from monitoring.core.workflow import APPROVED
from monitoring.people.models import Quote, Role, SuggestionStatus
from monitoring.review.models import Annotation

GROUP_BY = ("category", "outlet")
MAX_ITEMS = 1000
UNGROUPED = "Other coverage"


@dataclass
class BriefingQuote:
    text: str
    kind: str
    speaker: str
    title: str  # the speaker's role as printed in the same article


@dataclass
class BriefingItem:
    article: Article
    url: str
    photo: object | None
    quotes: list[BriefingQuote]
    annotations: list[Annotation]


@dataclass
class Briefing:
    title: str
    since: dt.date | None
    until: dt.date | None
    prepared_by: str
    created: dt.datetime
    groups: list[tuple[str, list[BriefingItem]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out of the selection, and why

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.groups)


class NothingToBrief(ValueError):
    """The selection holds no approved item: there is no briefing to build (the message says why)."""


def briefing_source(
    *,
    ids: list[int] | None = None,
    search=None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[QuerySet[Article], list[str]]:
    """The items a briefing is built from: chosen ids, a saved search's matches, or (neither) every approved item,
    published within `since`..`until`; with notes on what was left out. Chosen items that are not approved are
    left out (only reviewed work goes into a briefing); if none is approved, NothingToBrief says so."""
    from monitoring.alerts.services import search_articles

    notes = []
    if ids:
        chosen = set(ids)
        approved = set(Article.objects.filter(pk__in=chosen, status=APPROVED).values_list("pk", flat=True))
        if not approved:
            which = "The selected item is not" if len(chosen) == 1 else f"None of the {len(chosen)} selected items is"
            raise NothingToBrief(f"{which} approved: only reviewed items go into a briefing.")
        left_out = len(chosen - approved)
        if left_out:
            notes.append(
                f"{left_out} selected item{' is' if left_out == 1 else 's are'} not approved (or no longer there) "
                "and left out."
            )
        articles = Article.objects.filter(pk__in=approved)
    elif search is not None:
        articles = Article.objects.filter(pk__in=search_articles(search).values("pk"))
    else:
        articles = Article.objects.filter(status=APPROVED)
    if since:
        articles = articles.filter(published_on__gte=since)
    if until:
        articles = articles.filter(published_on__lte=until)
    return articles, notes


def briefing_articles(articles: QuerySet[Article]) -> QuerySet[Article]:
    """The approved items of `articles` with everything a briefing prints, in a fixed number of queries."""
    confirmed_quotes = Quote.objects.filter(status=SuggestionStatus.CONFIRMED).select_related("speaker")
    kept_roles = Role.objects.exclude(status=SuggestionStatus.REJECTED).select_related("organization")
    tags = TaggedArticle.objects.filter(status=TagStatus.CONFIRMED).select_related("tag").order_by("tag__name")
    return (
        articles.filter(status=APPROVED)
        .select_related("outlet")
        .prefetch_related(
            "photos",
            Prefetch("quotes", queryset=confirmed_quotes.order_by("start"), to_attr="briefing_quotes"),
            Prefetch("roles", queryset=kept_roles, to_attr="briefing_roles"),
            Prefetch("tagged_items", queryset=tags, to_attr="briefing_tags"),
            Prefetch(
                "annotations",
                queryset=Annotation.objects.select_related("tag", "author").order_by("start"),
                to_attr="briefing_annotations",
            ),
        )
        .order_by("-published_on", "-pk")
    )


def _item(article: Article) -> BriefingItem:
    titles = {role.person_id: role.title for role in article.briefing_roles}
    quotes = [
        BriefingQuote(
            text=q.text, kind=q.get_kind_display(), speaker=q.speaker_label, title=titles.get(q.speaker_id, "")
        )
        for q in article.briefing_quotes
    ]
    photos = sorted(article.photos.all(), key=lambda p: p.order)
    url = settings.SITE_URL.rstrip("/") + article.get_absolute_url()
    return BriefingItem(
        article=article,
        url=url,
        photo=photos[0] if photos else None,
        quotes=quotes,
        annotations=list(article.briefing_annotations),
    )


def _group(article: Article, group_by: str) -> str:
    if group_by == "outlet":
        return article.outlet.name
    labels = dict(TagCategory.choices)
    categories = [labels.get(t.tag.category, t.tag.category) for t in article.briefing_tags]
    return categories[0] if categories else UNGROUPED


def briefing_build(
    *,
    articles: QuerySet[Article],
    title: str,
    user=None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    group_by: str = "category",
    notes: list[str] | None = None,
) -> Briefing:
    """Group the approved items of `articles` (by tag category or outlet) into a briefing."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {GROUP_BY}")
    grouped: dict[str, list[BriefingItem]] = defaultdict(list)
    notes = list(notes or [])
    chosen = list(briefing_articles(articles)[: MAX_ITEMS + 1])
    if len(chosen) > MAX_ITEMS:
        chosen = chosen[:MAX_ITEMS]
        notes.append(f"Only the {MAX_ITEMS:,} most recent items are here: narrow the dates or the search for the rest.")
    for article in chosen:
        grouped[_group(article, group_by)].append(_item(article))
    order = sorted(grouped, key=lambda name: (name == UNGROUPED, name))
    prepared_by = (user.get_full_name() or user.get_username()) if user is not None else "press-monitor"
    return Briefing(
        title=title,
        since=since,
        until=until,
        prepared_by=prepared_by,
        created=timezone.now(),
        groups=[(name, grouped[name]) for name in order],
        notes=notes,
    )


def briefing_html(briefing: Briefing, *, for_pdf: bool = False, pdf_url: str = "") -> str:
    """The briefing as a page (`pdf_url`: a link to the same briefing as a PDF), or as the PDF's source."""
    context = {"briefing": briefing, "for_pdf": for_pdf, "pdf_url": pdf_url}
    return render_to_string("briefings/briefing.html", context)


def _offline_fetcher(url: str, *args, **kwargs):
    """Let WeasyPrint read files under MEDIA_ROOT and the static folders only; never the network."""
    allowed = [Path(settings.MEDIA_ROOT).resolve(), *(Path(p).resolve() for p in settings.STATICFILES_DIRS)]
    if url.startswith("file://"):
        path = Path(url[len("file://") :]).resolve()
        if any(path.is_relative_to(root) for root in allowed):
            try:
                from weasyprint.urls import URLFetcher  # newer WeasyPrint, where default_url_fetcher is deprecated
            except ImportError:
                from weasyprint.urls import default_url_fetcher

                return default_url_fetcher(url, *args, **kwargs)
            return URLFetcher(allowed_protocols={"file"}, allow_redirects=False).fetch(url)
    raise ValueError(f"not fetched while rendering a briefing: {url}")


def briefing_pdf(briefing: Briefing) -> bytes:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("css/briefing.css"), url_fetcher=_offline_fetcher)
    html = HTML(string=briefing_html(briefing, for_pdf=True), url_fetcher=_offline_fetcher)
    return html.write_pdf(stylesheets=[stylesheet])


def briefing_email_due(*, search, now: dt.datetime) -> bool:
    """Email the saved search's daily briefing (the last day's approved items) when a day has passed since the last."""
    from monitoring.alerts.models import SavedSearch
    from monitoring.alerts.services import search_articles

    if search.briefing_sent and now - search.briefing_sent < dt.timedelta(hours=23):
        return False
    since = search.briefing_sent or now - dt.timedelta(days=1)
    articles = search_articles(search).filter(approved_at__gt=since, approved_at__lte=now)
    if not search.owner.email or not articles.exists():
        return False
    briefing = briefing_build(
        articles=Article.objects.filter(pk__in=articles.values("pk")),
        title=search.name,
        user=search.owner,
        since=timezone.localdate(since),
        until=timezone.localdate(now),
    )
    message = EmailMessage(
        subject=f"[press-monitor] Daily briefing: {search.name} ({briefing.count} items)",
        body=f"The day's approved items for “{search.name}” are in the attached briefing.",
        to=[search.owner.email],
    )
    message.attach(f"briefing-{timezone.localdate(now).isoformat()}.pdf", briefing_pdf(briefing), "application/pdf")
    message.send()
    SavedSearch.objects.filter(pk=search.pk).update(briefing_sent=now)
    return True
