"""Briefings (clip books): approved items only, as an HTML page and a PDF read back with pypdf; chosen on the article
list (checkboxes, a CSRF-protected POST) or from a saved search and a date range; the `briefing` command; the daily
briefing emailed per saved search."""

import datetime as dt
import html
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from monitoring.alerts import services as alerts
from monitoring.alerts.models import SavedSearch
from monitoring.articles.models import Article
from monitoring.briefings.services import _offline_fetcher, briefing_build, briefing_html, briefing_pdf
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.people.models import Role, SuggestionStatus
from monitoring.review.models import Annotation
from tests.factories import ArticleFactory, OutletFactory, PersonFactory, PhotoFactory, QuoteFactory, TagFactory

NOW = timezone.now()
URL = "/briefings/"


def approved(**kwargs):
    kwargs.setdefault("approved_at", NOW - dt.timedelta(hours=1))
    return ArticleFactory(status="approved", **kwargs)


def tag(article, tag_obj):
    TaggedArticle.objects.create(content_object=article, tag=tag_obj, status=TagStatus.CONFIRMED)
    return article


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile("delegates.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def coverage(db, analyst):
    """Two approved items in different categories and outlets, with a quote, a role, a photo and a note; one item
    in review and one suggested quote that must stay out."""
    water = TagFactory(name="Water", slug="water", category="topic")
    steppe = TagFactory(name="Central Asia", slug="central-asia", category="region")
    river = tag(
        approved(
            headline="Ministers agree on river data",
            published_on=dt.date(2024, 1, 15),
            outlet=OutletFactory(name="Steppe Herald"),
        ),
        water,
    )
    speaker = PersonFactory(name="Nurlan Abenov")
    Role.objects.create(
        person=speaker, article=river, title="deputy minister of ecology", status=SuggestionStatus.CONFIRMED
    )
    QuoteFactory(article=river, speaker=speaker, text="We cannot manage a river we cannot measure", status="confirmed")
    QuoteFactory(article=river, text="A suggestion nobody confirmed", status=SuggestionStatus.SUGGESTED)
    PhotoFactory(article=river, image=jpeg(), caption="Delegates in Almaty", credit="TIMUR BEKOV/STEPPE HERALD")
    Annotation.objects.create(
        article=river, tag=water, author=analyst, start=0, end=10, text=river.body[:10], note="Watch the data pact"
    )
    border = tag(
        approved(
            headline="Border crossings reopen for trade",
            published_on=dt.date(2024, 1, 16),
            outlet=OutletFactory(name="Caspian Daily"),
        ),
        steppe,
    )
    pending = tag(ArticleFactory(status="in_review", headline="Not reviewed yet"), water)
    return {"river": river, "border": border, "pending": pending, "water": water}


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def pdf_links(data: bytes) -> list[str]:
    links = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and action.get("/URI"):
                links.append(str(action["/URI"]))
    return links


def test_pdf_has_cover_contents_items_quotes_credits_and_page_numbers(coverage, analyst):
    analyst.first_name, analyst.last_name = "Ana", "Ruiz"
    result = briefing_build(
        articles=Article.objects.all(),
        title="Water week",
        user=analyst,
        since=dt.date(2024, 1, 1),
        until=dt.date(2024, 6, 30),
    )
    data = briefing_pdf(result)
    reader = PdfReader(io.BytesIO(data))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    text = " ".join(pages)
    # The cover: title, period, who prepared it; the contents next.
    assert "Water week" in pages[0] and "2024-01-01 – 2024-06-30" in pages[0] and "Prepared by Ana Ruiz" in pages[0]
    assert "Contents" in pages[1] and "Ministers agree on river data" in pages[1]
    # The items: headline, outlet, the confirmed quote with its speaker's name and title, the photo's credit, notes.
    assert "Ministers agree on river data" in text and "Border crossings reopen for trade" in text
    assert "We cannot manage a river we cannot measure" in text
    assert "Nurlan Abenov, deputy minister of ecology" in text
    assert "Delegates in Almaty" in text and "TIMUR BEKOV/STEPPE HERALD" in text
    assert "Watch the data pact" in text
    # Only approved items and confirmed quotes.
    assert "Not reviewed yet" not in text and "A suggestion nobody confirmed" not in text
    # Page numbers (not on the cover), the thumbnail embedded, a link to each item in the CMS.
    assert "Page 2 of" in pages[1] and "Page 1 of" not in pages[0]
    assert any(page.images for page in reader.pages)
    links = pdf_links(data)
    for article in (coverage["river"], coverage["border"]):
        assert any(link.endswith(f"/articles/{article.pk}/") for link in links)


def test_pdf_rendering_fetches_nothing_outside_media_and_static(settings, tmp_path):
    for url in ("http://example.org/tracker.png", "https://127.0.0.1/x.css", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="not fetched"):
            _offline_fetcher(url)
    inside = tmp_path / "thumb.png"
    inside.write_bytes(b"not really a png")
    settings.MEDIA_ROOT = str(tmp_path)
    assert _offline_fetcher(inside.as_uri()) is not None


def test_items_grouped_by_tag_category_or_outlet(coverage, analyst):
    by_category = briefing_build(articles=Article.objects.all(), title="t", user=analyst)
    assert [(group, [i.article.headline for i in items]) for group, items in by_category.groups] == [
        ("Region", ["Border crossings reopen for trade"]),
        ("Topic", ["Ministers agree on river data"]),
    ]
    by_outlet = briefing_build(articles=Article.objects.all(), title="t", user=analyst, group_by="outlet")
    assert [group for group, _ in by_outlet.groups] == ["Caspian Daily", "Steppe Herald"]
    html = briefing_html(by_outlet)
    # The contents link each headline to its item, under its group.
    assert html.index("Caspian Daily") < html.index(f'href="#item-{coverage["border"].pk}"')
    assert f'id="item-{coverage["river"].pk}"' in html


def test_article_text_is_escaped(db, analyst):
    article = approved(headline="<script>alert('x')</script> Ministers <b>meet</b>")
    QuoteFactory(article=article, text='<img src=x onerror="alert(1)">', status="confirmed")
    html = briefing_html(briefing_build(articles=Article.objects.all(), title="<i>Title</i>", user=analyst))
    assert "<script>" not in html and "<b>meet</b>" not in html and "<img src=x" not in html
    assert "<i>Title</i>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ministers &lt;b&gt;meet&lt;/b&gt;" in html


def test_page_and_pdf_from_selected_items(coverage, login, analyst):
    client = login(analyst)
    river = coverage["river"]
    page = client.get(URL, {"article": [river.pk], "title": "Picked"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ministers agree on river data" in html and "Border crossings" not in html and "Picked" in html
    pdf = client.get(URL, {"article": [river.pk], "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and "Nurlan Abenov" in pdf_text(pdf.content)


def test_unapproved_selected_items_are_left_out_with_a_message(coverage, login, analyst):
    client = login(analyst)
    river, pending = coverage["river"], coverage["pending"]
    page = client.post(URL, {"article": [river.pk, pending.pk]})
    html = page.content.decode()
    assert page.status_code == 200 and "Ministers agree on river data" in html and "Not reviewed yet" not in html
    assert "1 selected item is not approved" in html
    refused = client.post(URL, {"article": [pending.pk]})
    assert refused.status_code == 400
    assert "The selected item is not approved: only reviewed items" in refused.content.decode()
    refused = client.post(URL, {"article": [pending.pk, pending.pk + 1000]})
    assert refused.status_code == 400 and "None of the 2 selected items is approved" in refused.content.decode()
    assert client.get(URL).status_code == 400  # nothing chosen: a message, not an empty briefing
    assert client.get(URL, {"article": ["x"]}).status_code == 400


def test_page_links_to_the_same_briefing_as_a_pdf(coverage, login, analyst):
    client = login(analyst)
    river, pending = coverage["river"], coverage["pending"]
    page = client.post(URL, {"article": [river.pk, pending.pk], "title": "Tuesday", "group_by": "outlet"})
    link = html.unescape(re.search(r'href="([^"]+)" id="briefing-pdf"', page.content.decode()).group(1))
    assert "csrfmiddlewaretoken" not in link
    pdf = client.get(link)
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Tuesday" in text and "Steppe Herald" in text and "Not reviewed yet" not in text
    assert "1 selected item is not approved" in text


def test_a_briefing_past_the_item_limit_says_what_was_left_out(coverage, analyst, monkeypatch, tmp_path):
    monkeypatch.setattr("monitoring.briefings.services.MAX_ITEMS", 1)
    result = briefing_build(articles=Article.objects.all(), title="t", user=analyst)
    assert result.count == 1 and "Only the 1 most recent items" in result.notes[0]
    assert result.groups[0][1][0].article == coverage["border"]  # the most recent
    assert "Only the 1 most recent items" in briefing_html(result)
    stderr = io.StringIO()
    call_command("briefing", "--status=approved", f"--output={tmp_path / 'b.pdf'}", stdout=io.StringIO(), stderr=stderr)
    assert "Only the 1 most recent items" in stderr.getvalue()


def test_saved_search_with_a_date_range(coverage, login, analyst):
    water = coverage["water"]
    early = tag(approved(headline="Early water story", published_on=dt.date(2024, 2, 1)), water)
    late = tag(approved(headline="Late water story", published_on=dt.date(2024, 5, 1)), water)
    search = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    client = login(analyst)
    html = client.get(URL, {"search": search.pk, "since": "2024-04-01", "until": "2024-06-30"}).content.decode()
    assert late.headline in html and early.headline not in html
    assert "Border crossings" not in html and "Not reviewed yet" not in html  # outside the search; not approved
    assert "2024-04-01 – 2024-06-30" in html and '<h1 id="briefing-title">Water</h1>' in html
    pdf = client.get(URL, {"search": search.pk, "since": "2024-04-01", "format": "pdf"})
    assert late.headline in pdf_text(pdf.content)


def test_someone_elses_search_is_not_found(coverage, login, analyst, analyst2):
    search = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    assert login(analyst2).get(URL, {"search": search.pk}).status_code == 404


def test_article_list_ticks_items_and_posts_a_briefing_of_the_approved_ones_with_csrf(coverage, analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    page = client.get(reverse("dashboards:article_list")).content.decode()
    ticked = sorted(int(pk) for pk in re.findall(r'name="article" value="(\d+)"', page))
    assert set(ticked) == set(Article.objects.values_list("pk", flat=True))  # every item (for bulk actions too)
    assert 'action="/briefings/"' in page and "data-select-all" in page and "js/select-all.js" in page
    assert "<script>" not in page.split("<main>")[1].split("</main>")[0]  # no inline script (CSP)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"article": ticked, "title": "Tuesday", "group_by": "outlet", "format": "pdf"}
    assert client.post(URL, form).status_code == 403  # no CSRF token
    response = client.post(URL, {**form, "csrfmiddlewaretoken": token})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Tuesday" in text and "Caspian Daily" in text and "Border crossings reopen for trade" in text
    unapproved = Article.objects.exclude(status="approved").count()
    assert unapproved and "not approved (or no longer there) and left out" in " ".join(text.split())  # a note


@pytest.mark.parametrize("size", [2, 12])
def test_article_list_with_checkboxes_runs_a_fixed_number_of_queries(
    db, login, analyst, size, django_assert_max_num_queries
):
    water = TagFactory(name="Water", slug="water")
    for _ in range(size):
        tag(approved(), water)
        ArticleFactory(status="new")
    client = login(analyst)
    # The list's pin (tests/dashboards/test_pages.py): 9, plus the role check and the unread count.
    with django_assert_max_num_queries(11):
        page = client.get(reverse("dashboards:article_list"))
    assert page.content.decode().count('name="article"') == 2 * size  # every item (all on one page)


def test_command_with_status_and_date_range(coverage, tmp_path):
    # The fixture's items are published in January: outside the range.
    inside = approved(headline="March water talks", published_on=dt.date(2024, 3, 10))
    approved(headline="April water talks", published_on=dt.date(2024, 4, 10))
    ArticleFactory(status="in_analysis", headline="Unreviewed March item", published_on=dt.date(2024, 3, 11))
    out = tmp_path / "march.pdf"
    stdout = io.StringIO()
    call_command(
        "briefing",
        "--status=approved",
        "--since=2024-03-01",
        "--until=2024-03-31",
        f"--output={out}",
        "--title=March",
        stdout=stdout,
    )
    text = pdf_text(out.read_bytes())
    assert inside.headline in text and "April water talks" not in text and "Unreviewed March item" not in text
    assert "March" in text and "2024-03-01 – 2024-03-31" in text
    assert "1 approved item(s)" in stdout.getvalue()


def test_command_for_a_saved_search(coverage, analyst, tmp_path):
    alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    out = tmp_path / "water.pdf"
    call_command("briefing", "--search", "Water", "--output", str(out), stdout=io.StringIO())
    text = pdf_text(out.read_bytes())
    assert "Ministers agree on river data" in text and "Border crossings" not in text
    assert "Prepared by ana" in text  # the search's owner
    with pytest.raises(CommandError, match="0 saved searches"):
        call_command("briefing", "--search", "Nothing", "--output", str(out))
    with pytest.raises(CommandError, match="not a date"):
        call_command("briefing", "--status", "approved", "--since", "March", "--output", str(out))
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("briefing", "--status", "approved", "--output", str(tmp_path / "missing" / "x.pdf"))


def test_daily_briefing_is_emailed_with_the_pdf(coverage, analyst, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    analyst.email = "ana@example.org"
    analyst.save()
    water = coverage["water"]
    tag(approved(headline="Old approved water item", approved_at=NOW - dt.timedelta(days=3)), water)
    search = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    SavedSearch.objects.filter(pk=search.pk).update(daily_briefing=True)
    assert alerts.alerts_send(now=NOW).briefings == 1
    assert alerts.alerts_send(now=NOW + dt.timedelta(hours=2)).briefings == 0  # once a day
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"] and "Daily briefing: Water (1 items)" in message.subject
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and name.endswith(".pdf")
    text = pdf_text(content)
    assert "Ministers agree on river data" in text  # approved in the last day
    assert "Old approved water item" not in text and "Not reviewed yet" not in text
    # The next day's briefing holds the next day's approvals only.
    fresh = tag(approved(headline="Fresh water item", approved_at=NOW + dt.timedelta(hours=20)), water)
    assert alerts.alerts_send(now=NOW + dt.timedelta(days=1)).briefings == 1
    text = pdf_text(mail.outbox[1].attachments[0][1])
    assert fresh.headline in text and "Ministers agree on river data" not in text


def test_a_failing_briefing_or_mail_server_spares_the_other_searches(coverage, analyst, analyst2, monkeypatch):
    from monitoring.briefings import services as briefings

    for user in (analyst, analyst2):
        user.email = f"{user.username}@example.org"
        user.save()
        search = alerts.search_save(user=user, name="Water", path="/articles/", params="tag=water")
        SavedSearch.objects.filter(pk=search.pk).update(daily_briefing=True, alert_mode="immediate", alert_email=True)
    real_pdf = briefings.briefing_pdf

    def pdf_failing_for_ana(briefing):
        if briefing.prepared_by == "ana":
            raise OSError("no fonts today")
        return real_pdf(briefing)

    monkeypatch.setattr(briefings, "briefing_pdf", pdf_failing_for_ana)
    run = alerts.alerts_send(now=NOW)
    assert run.briefings == 1 and run.failed == ["Water (ana): briefing"] and "failed, to retry" in str(run)
    assert run.emails == 2  # both alert emails went; only ana's briefing failed
    assert [m.to for m in mail.outbox if m.attachments] == [["ben@example.org"]]
    assert SavedSearch.objects.get(owner=analyst).briefing_sent is None  # retried on the next run
    monkeypatch.setattr(briefings, "briefing_pdf", real_pdf)
    assert alerts.alerts_send(now=NOW + dt.timedelta(minutes=5)).briefings == 1
