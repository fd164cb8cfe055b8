"""Saved searches and alerts: save a filtered view, count what is new since last viewed, alert subscribers once.

Alerts are about newly approved items (only reviewed work counts): each run looks at items approved since the
search was last checked. A notification is unique per search, kind and subject, so a retried or overlapping run
never alerts twice. Runs from `manage.py alerts_send` (cron) or Celery beat.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.core.permissions import NO_ROLE_MESSAGE, user_roles
from monitoring.dashboards.selectors import filters_bind
from monitoring.people.models import Quote, SuggestionStatus

from .models import ALERT_SETTINGS, AlertMode, Notification, NotificationKind, SavedSearch

logger = logging.getLogger(__name__)

SAVABLE_VIEWS = {
    "dashboards:overview",
    "dashboards:article_list",
    "dashboards:people",
    "dashboards:person",
    "dashboards:organization",
    "dashboards:outlet",
    "dashboards:tag",
}
SPIKE_FACTOR = 2
SPIKE_MIN_ITEMS = 3
DIGEST_EVERY = dt.timedelta(hours=23)
# Each run looks back this far before the last one: an approval stamped before a run but committed after it is
# still seen (notifications are unique, so the overlap never alerts twice).
OVERLAP = dt.timedelta(hours=1)
FIRST_RUN = dt.timedelta(hours=23)


def search_save(*, user, name: str, path: str, params: str) -> SavedSearch:
    """Keep a filtered dashboard view under a name (saving again under the same name replaces its filters)."""
    if not user_roles(user):
        raise PermissionDenied(NO_ROLE_MESSAGE)
    name = name.strip()
    if not name:
        raise ValidationError("Give the search a name.")
    try:
        match = resolve(path)
    except Resolver404:
        raise ValidationError(f"{path} is not a page whose filters can be saved.") from None
    if match.view_name not in SAVABLE_VIEWS:
        raise ValidationError(f"{path} is not a page whose filters can be saved.")
    query = QueryDict(params, mutable=True)
    query.pop("page", None)
    search, _ = SavedSearch.objects.update_or_create(
        owner=user, name=name[:200], defaults={"path": path[:500], "params": query.urlencode()[:4000]}
    )
    return search


def search_articles(search: SavedSearch) -> QuerySet[Article]:
    """The approved items the search matches (its page's filters, as the page applies them). Alerts are about counted
    items whatever the search's "Include unreviewed" switch says: an item alerts once it is approved."""
    return filters_bind(search.query).articles.qs.order_by().counted()


def search_new_count(search: SavedSearch) -> int:
    """Items approved since the owner last opened the search (all of them if never)."""
    articles = search_articles(search)
    if search.last_viewed:
        articles = articles.filter(approved_at__gt=search.last_viewed)
    return articles.count()


def search_alerts_set(*, search: SavedSearch, user, **changes) -> SavedSearch:
    """Change a saved search's alert settings (the fields of ALERT_SETTINGS); only its owner may."""
    if search.owner_id != user.pk:
        raise PermissionDenied("This saved search belongs to someone else.")
    unknown = set(changes) - set(ALERT_SETTINGS)
    if unknown:
        raise ValidationError(f"Not an alert setting: {', '.join(sorted(unknown))}.")
    for name, value in changes.items():
        setattr(search, name, value)
    search.full_clean()
    search.save(update_fields=list(changes) or None)
    return search


def search_delete(*, search: SavedSearch, user) -> None:
    """Delete a saved search (with its notifications); only its owner may."""
    if search.owner_id != user.pk:
        raise PermissionDenied("This saved search belongs to someone else.")
    search.delete()


def search_open(*, search: SavedSearch, user) -> str:
    """The URL of the saved view; opening it is what "last viewed" means."""
    if search.owner_id != user.pk:
        raise PermissionDenied("This saved search belongs to someone else.")
    SavedSearch.objects.filter(pk=search.pk).update(last_viewed=timezone.now())
    return search.url


# Alerts -----------------------------------------------------------------------------------------------------


@dataclass
class AlertRun:
    notifications: int = 0
    emails: int = 0
    briefings: int = 0
    failed: list[str] = field(default_factory=list)  # searches whose alerts or briefing failed (retried next run)

    def __str__(self) -> str:
        done = f"{self.notifications} notification(s), {self.emails} email(s), {self.briefings} briefing(s) sent"
        return done + (f"; failed, to retry: {', '.join(self.failed)}" if self.failed else "")


def _notify(search: SavedSearch, rows: list[Notification]) -> int:
    """Create the notifications not already there; returns how many are new."""
    if not rows:
        return 0
    keys = [row.key for row in rows]
    before = Notification.objects.filter(search=search, key__in=keys).count()
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return Notification.objects.filter(search=search, key__in=keys).count() - before


def _matches(search: SavedSearch, since, until) -> list[Notification]:
    articles = search_articles(search).filter(approved_at__lte=until)
    if since:
        articles = articles.filter(approved_at__gt=since)
    return [
        Notification(
            user_id=search.owner_id,
            search=search,
            kind=NotificationKind.MATCH,
            key=f"article-{pk}",
            article_id=pk,
            text=f"{search.name}: {headline}"[:500],
        )
        for pk, headline in articles.values_list("pk", "headline")
    ]


def _new_persons(search: SavedSearch, since, until) -> list[Notification]:
    """Persons quoted (confirmed quotes) in newly approved matching items and in no earlier one."""
    matching = search_articles(search)
    new = matching.filter(approved_at__lte=until)
    if since:
        new = new.filter(approved_at__gt=since)
    quotes = Quote.objects.filter(status=SuggestionStatus.CONFIRMED, speaker__isnull=False)
    fresh = quotes.filter(article__in=new.values("pk")).values_list("speaker", "speaker__name", "article")
    earlier = set()
    if since:
        older = matching.filter(approved_at__lte=since).values("pk")
        earlier = set(quotes.filter(article__in=older).values_list("speaker", flat=True).distinct())
    rows, seen = [], set()
    for person_id, name, article_id in fresh:
        if person_id in earlier or person_id in seen:
            continue
        seen.add(person_id)
        rows.append(
            Notification(
                user_id=search.owner_id,
                search=search,
                kind=NotificationKind.NEW_PERSON,
                key=f"person-{person_id}",
                article_id=article_id,
                person_id=person_id,
                text=f"{search.name}: {name} is quoted here for the first time",
            )
        )
    return rows


def _spike(search: SavedSearch, today: dt.date) -> list[Notification]:
    """This week's volume (by publication date) more than twice the weekly average of the four weeks before."""
    articles = search_articles(search)
    week = articles.filter(published_on__gt=today - dt.timedelta(days=7), published_on__lte=today).count()
    before = articles.filter(
        published_on__gt=today - dt.timedelta(days=35), published_on__lte=today - dt.timedelta(days=7)
    ).count()
    average = before / 4
    if week < SPIKE_MIN_ITEMS or week <= SPIKE_FACTOR * average:
        return []
    year, number, _ = today.isocalendar()
    return [
        Notification(
            user_id=search.owner_id,
            search=search,
            kind=NotificationKind.SPIKE,
            key=f"spike-{year}-W{number:02d}",
            text=f"{search.name}: {week} items this week, against {average:.1f} a week over the four weeks before",
        )
    ]


def _email(search: SavedSearch, now) -> int:
    pending = list(search.notifications.filter(emailed__isnull=True).order_by("created", "pk"))
    if not pending or not search.owner.email:
        return 0
    base = settings.SITE_URL.rstrip("/")
    lines = [f"- {n.text}" + (f"\n  {base}{n.article.get_absolute_url()}" if n.article_id else "") for n in pending]
    send_mail(
        subject=f"[press-monitor] {search.name}: {len(pending)} new alert(s)",
        message="\n".join([f"New for your saved search “{search.name}”:", "", *lines, "", f"{base}{search.url}"]),
        from_email=None,
        recipient_list=[search.owner.email],
    )
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed=now)
    return 1


def alerts_send(*, now: dt.datetime | None = None) -> AlertRun:
    """Check every search with alerts on: notify new matches (and new persons, spikes), then send the emails due."""
    from monitoring.briefings.services import briefing_email_due  # briefings build on alerts, not the reverse

    now = now or timezone.now()
    run = AlertRun()
    searches = SavedSearch.objects.select_related("owner").exclude(alert_mode=AlertMode.NONE, daily_briefing=False)
    for search in searches:
        # Each search is its own unit of work: a failure (the mail server down, a briefing that will not render) is
        # logged and retried on the next run, and the other searches still get theirs.
        try:
            with transaction.atomic():
                notifications, emails = _search_alerts(search, now)
        except Exception:
            logger.exception("Alerts for saved search %s (%s) failed; retried on the next run", search.pk, search)
            run.failed.append(f"{search.name} ({search.owner})")
            continue
        run.notifications += notifications
        run.emails += emails
        try:
            if search.daily_briefing and briefing_email_due(search=search, now=now):
                run.briefings += 1
        except Exception:
            logger.exception("Daily briefing of saved search %s (%s) failed; retried next run", search.pk, search)
            run.failed.append(f"{search.name} ({search.owner}): briefing")
    return run


def _search_alerts(search: SavedSearch, now: dt.datetime) -> tuple[int, int]:
    """One search's alerts: the new notifications, then the email if due. Returns (notifications, emails)."""
    if search.alert_mode == AlertMode.NONE:
        return 0, 0
    # A search's first run covers the last day, not its whole history.
    since = (search.checked_until or now - FIRST_RUN) - OVERLAP
    rows = _matches(search, since, now)
    if search.alert_new_person:
        rows += _new_persons(search, since, now)
    if search.alert_spike:
        rows += _spike(search, timezone.localdate(now))
    notifications = _notify(search, rows)
    SavedSearch.objects.filter(pk=search.pk).update(checked_until=now)
    digest_due = search.digest_sent is None or now - search.digest_sent >= DIGEST_EVERY
    emails = 0
    if search.alert_email and (search.alert_mode == AlertMode.IMMEDIATE or digest_due):
        emails = _email(search, now)
        if emails and search.alert_mode == AlertMode.DAILY:
            SavedSearch.objects.filter(pk=search.pk).update(digest_sent=now)
    return notifications, emails


def notifications_unread_count(user) -> int:
    return Notification.objects.filter(user=user, read__isnull=True).count() if user.is_authenticated else 0


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    unread = Notification.objects.filter(user=user, read__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read=timezone.now())
