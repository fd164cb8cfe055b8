"""Saved searches, new-item counts, alerts (in the app and by email, once each), spikes. Briefings: tests/briefings."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from monitoring.alerts import services
from monitoring.alerts.models import AlertMode, Notification, NotificationKind, SavedSearch
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.people.models import SuggestionStatus
from tests.factories import ArticleFactory, OutletFactory, PersonFactory, QuoteFactory, TagFactory

NOW = timezone.now()


def approved(**kwargs):
    """An article approved at `approved_at` (default: an hour ago)."""
    kwargs.setdefault("approved_at", NOW - dt.timedelta(hours=1))
    return ArticleFactory(status="approved", **kwargs)


@pytest.fixture
def water(db):
    return TagFactory(name="Water", slug="water")


def tag(article, tag_obj):
    TaggedArticle.objects.create(content_object=article, tag=tag_obj, status=TagStatus.CONFIRMED)
    return article


def test_save_search_from_a_page_and_open_it(db, login, analyst, water):
    client = login(analyst)
    response = client.post(reverse("alerts:save"), {"name": "Water", "path": "/tags/water/", "params": "tag=water"})
    assert response.status_code == 302 and response.url == "/tags/water/?tag=water"
    search = SavedSearch.objects.get(owner=analyst)
    assert client.get(search.get_absolute_url()).url == search.url
    search.refresh_from_db()
    assert search.last_viewed is not None


def test_only_dashboard_pages_can_be_saved(db, analyst):
    with pytest.raises(Exception, match="not a page"):
        services.search_save(user=analyst, name="x", path="/admin/", params="")


def test_new_count_is_of_items_approved_since_last_viewed(db, analyst, water):
    search = services.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    tag(approved(approved_at=NOW - dt.timedelta(days=3)), water)
    tag(ArticleFactory(status="new"), water)  # unreviewed items never count
    assert services.search_new_count(search) == 1
    SavedSearch.objects.filter(pk=search.pk).update(last_viewed=NOW - dt.timedelta(days=1))
    tag(approved(), water)
    search.refresh_from_db()
    assert services.search_new_count(search) == 1


def test_my_searches_page_runs_bounded_queries(db, login, analyst, water, django_assert_max_num_queries):
    for n in range(3):
        services.search_save(user=analyst, name=f"s{n}", path="/articles/", params="tag=water")
    client = login(analyst)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("alerts:searches"))
    assert response.content.count(b"data-search-id") == 3
    ids = re.findall(rb'\sid="([^"]+)"', response.content)
    assert ids and len(ids) == len(set(ids))  # every row's forms have ids of their own


def test_alerts_once_each_in_app_and_by_email(db, analyst, water):
    analyst.email = "ana@example.org"
    analyst.save()
    search = services.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    SavedSearch.objects.filter(pk=search.pk).update(alert_mode=AlertMode.IMMEDIATE, alert_email=True)
    first = tag(approved(headline="Dam deal signed"), water)
    run = services.alerts_send()
    assert run.notifications == 1 and run.emails == 1
    assert "Dam deal signed" in mail.outbox[0].body
    assert services.alerts_send().notifications == 0  # a retry alerts nobody twice
    SavedSearch.objects.filter(pk=search.pk).update(checked_until=None)  # even one that re-reads everything
    assert services.alerts_send().notifications == 0 and len(mail.outbox) == 1
    second = tag(approved(headline="Canal reopened", approved_at=timezone.now()), water)
    services.alerts_send()
    assert set(Notification.objects.values_list("article", flat=True)) == {first.pk, second.pk}
    assert services.notifications_unread_count(analyst) == 2


def test_daily_digest_is_sent_once_a_day(db, analyst, water):
    analyst.email = "ana@example.org"
    analyst.save()
    search = services.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    SavedSearch.objects.filter(pk=search.pk).update(alert_mode=AlertMode.DAILY, alert_email=True)
    tag(approved(), water)
    services.alerts_send(now=NOW)
    tag(approved(approved_at=NOW + dt.timedelta(minutes=5)), water)
    services.alerts_send(now=NOW + dt.timedelta(hours=1))
    assert len(mail.outbox) == 1  # the second item waits for tomorrow's digest
    services.alerts_send(now=NOW + dt.timedelta(hours=25))
    assert len(mail.outbox) == 2


def test_new_person_on_a_tag(db, analyst, water):
    search = services.search_save(user=analyst, name="Water", path="/tags/water/", params="tag=water")
    SavedSearch.objects.filter(pk=search.pk).update(alert_mode=AlertMode.IMMEDIATE, alert_new_person=True)
    old_hand, newcomer = PersonFactory(name="Old Hand"), PersonFactory(name="New Comer")
    before = tag(approved(approved_at=NOW - dt.timedelta(days=2)), water)
    QuoteFactory(article=before, speaker=old_hand, status=SuggestionStatus.CONFIRMED)
    services.alerts_send(now=NOW - dt.timedelta(days=1))
    fresh = tag(approved(), water)
    QuoteFactory(article=fresh, speaker=old_hand, status=SuggestionStatus.CONFIRMED)
    QuoteFactory(article=fresh, speaker=newcomer, status=SuggestionStatus.CONFIRMED)
    services.alerts_send(now=NOW)
    people = Notification.objects.filter(kind=NotificationKind.NEW_PERSON).values_list("person__name", flat=True)
    assert list(people) == ["New Comer"]


def test_volume_spike(db, analyst):
    outlet = OutletFactory()
    search = services.search_save(user=analyst, name="Outlet", path="/articles/", params=f"outlet={outlet.pk}")
    SavedSearch.objects.filter(pk=search.pk).update(alert_mode=AlertMode.IMMEDIATE, alert_spike=True)
    now = timezone.make_aware(dt.datetime(2026, 6, 10, 12))  # a Wednesday noon: an hour later is the same week
    today = timezone.localdate(now)
    for days in (10, 17, 24, 31):  # one a week over the four weeks before
        approved(outlet=outlet, published_on=today - dt.timedelta(days=days))
    for _ in range(3):  # three this week: more than twice the average of one
        approved(outlet=outlet, published_on=today - dt.timedelta(days=1))
    services.alerts_send(now=now)
    assert Notification.objects.filter(kind=NotificationKind.SPIKE).count() == 1
    services.alerts_send(now=now + dt.timedelta(hours=1))
    assert Notification.objects.filter(kind=NotificationKind.SPIKE).count() == 1


def test_notifications_page_and_header_count(db, login, analyst, water):
    search = services.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    SavedSearch.objects.filter(pk=search.pk).update(alert_mode=AlertMode.IMMEDIATE)
    tag(approved(headline="Dam deal signed"), water)
    call_command("alerts_send", verbosity=0)
    client = login(analyst)
    page = client.get(reverse("alerts:notifications"))
    assert b'id="unread-count">1<' in page.content and b"Dam deal signed" in page.content
    client.post(reverse("alerts:read"))
    assert b"unread-count" not in client.get(reverse("alerts:notifications")).content


def test_someone_elses_search_is_not_found(db, login, analyst, analyst2):
    search = services.search_save(user=analyst, name="Mine", path="/articles/", params="")
    assert login(analyst2).get(search.get_absolute_url()).status_code == 404


def test_alerts_of_a_search_are_retried_when_the_mail_server_fails(db, analyst, analyst2, water, monkeypatch):
    tag(approved(), water)
    for user in (analyst, analyst2):
        user.email = f"{user.username}@example.org"
        user.save()
        search = services.search_save(user=user, name="Water", path="/articles/", params="tag=water")
        SavedSearch.objects.filter(pk=search.pk).update(alert_mode="immediate", alert_email=True)
    real_send = services.send_mail

    def send_failing_for_ana(*args, recipient_list, **kwargs):
        if recipient_list == ["ana@example.org"]:
            raise ConnectionRefusedError("SMTP down")
        return real_send(*args, recipient_list=recipient_list, **kwargs)

    monkeypatch.setattr(services, "send_mail", send_failing_for_ana)
    run = services.alerts_send(now=NOW)
    assert run.emails == 1 and run.failed == ["Water (ana)"]
    assert not Notification.objects.filter(user=analyst).exists()  # rolled back with its email: alerted next run
    assert Notification.objects.filter(user=analyst2).count() == 1
    monkeypatch.setattr(services, "send_mail", real_send)
    again = services.alerts_send(now=NOW + dt.timedelta(minutes=5))
    assert again.emails == 1 and not again.failed
    assert [m.to for m in mail.outbox] == [["ben@example.org"], ["ana@example.org"]]


def test_alert_settings_are_set_by_the_owner_only(db, login, analyst, analyst2):
    search = services.search_save(user=analyst, name="Water", path="/articles/", params="")
    with pytest.raises(PermissionDenied):
        services.search_alerts_set(search=search, user=analyst2, alert_mode=AlertMode.DAILY)
    with pytest.raises(ValidationError):
        services.search_alerts_set(search=search, user=analyst, name="Renamed")
    with pytest.raises(ValidationError):
        services.search_alerts_set(search=search, user=analyst, alert_mode="hourly")
    form = {"alert_mode": "daily", "alert_email": "on"}
    assert login(analyst).post(reverse("alerts:alerts", args=[search.pk]), form).status_code == 302
    search.refresh_from_db()
    assert (search.alert_mode, search.alert_email, search.daily_briefing) == ("daily", True, False)
