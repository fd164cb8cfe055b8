"""The analyst dashboards in a real browser: charts draw, filters and search work, exports download."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.search import search_index_rebuild
from tests.factories import (
    ArticleFactory,
    OutletFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def newsroom(transactional_db):
    """Recent reviewed coverage (inside the overview's default 30 days): two outlets, two tags, quotes, a photo;
    approved, with confirmed quotes and tags, so that the overview counts it by default."""
    from django.apps import apps

    from monitoring.core.roles import ANALYST, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    analyst = UserFactory(username="ana", role=ANALYST)
    today = timezone.localdate()
    wire, paper = OutletFactory(name="Coast Wire", kind="wire_agency"), OutletFactory(name="Harbour Times")
    fisheries, budget = TagFactory(name="fisheries", slug="fisheries"), TagFactory(name="budget", slug="budget")
    speaker = PersonFactory(name="Mara Quist")
    articles = []
    for n in range(12):
        outlet, tag = (wire, fisheries) if n % 3 == 0 else (paper, budget)
        article = ArticleFactory(
            outlet=outlet,
            status="approved",
            published_on=today - datetime.timedelta(days=n),
            headline=f"Harbour story {n}" if n != 7 else "Trawler fleet blockade ends after night of talks",
            body=(
                'Fishermen blocked the port for a week.\n\n"We will not move," said a skipper.'
                if n == 7
                else f"Council budget debate round {n}.\n\nMore detail follows."
            ),
        )
        TaggedArticle.objects.create(content_object=article, tag=tag, status="confirmed")
        QuoteFactory(article=article, speaker=speaker, kind="direct" if n % 2 else "indirect", status="confirmed")
        articles.append(article)
    PhotoFactory(article=articles[7], caption="A trawler leaves the harbour at dawn.")
    # The flush between transactional tests skips the (unmanaged) search table: start it afresh.
    search_index_rebuild()
    return {"analyst": analyst, "wire": wire, "fisheries": fisheries, "articles": articles, "speaker": speaker}


def test_overview_draws_every_chart(page, log_in, newsroom):
    log_in(newsroom["analyst"])
    page.goto("/")
    page.wait_for_selector("canvas[data-chart]")
    drawn = page.evaluate("""() => {
        const canvases = [...document.querySelectorAll('canvas[data-chart]')];
        return {total: canvases.length, drawn: canvases.filter(c => Chart.getChart(c) !== undefined).length};
    }""")
    assert drawn["total"] >= 8
    assert drawn["drawn"] == drawn["total"]
    # Each chart has its table of the same numbers beside it.
    assert page.locator("#chart-outlets table").inner_text().count("Coast Wire") == 1


def test_filter_by_tag_and_outlet(page, log_in, newsroom):
    log_in(newsroom["analyst"])
    page.goto("/articles/")
    page.select_option("select[name=tag]", label="fisheries")
    page.select_option("select[name=outlet]", label="Coast Wire")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"tag=fisheries"))
    assert f"outlet={newsroom['wire'].pk}" in page.url
    assert page.locator("#articles tbody tr").count() == 4  # articles 0, 3, 6, 9
    # The URL alone reproduces the view.
    page.goto(page.url)
    assert page.locator("#articles tbody tr").count() == 4


def test_search_a_phrase_and_open_the_hit(page, log_in, newsroom):
    log_in(newsroom["analyst"])
    page.goto("/articles/")
    page.fill("input[name=q]", '"trawler fleet"')
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q="))
    hits = page.locator("#articles a.hit")
    assert hits.count() == 1
    assert page.locator("#articles .snippet mark").count() >= 1
    hits.first.click()
    article = newsroom["articles"][7]
    page.wait_for_url(re.compile(rf"/articles/{article.pk}/$"))
    assert "Trawler fleet blockade" in page.content()


def test_export_the_filtered_list_as_csv(page, log_in, newsroom):
    log_in(newsroom["analyst"])
    page.goto("/articles/?tag=fisheries")
    with page.expect_download() as download:
        page.click("a[data-export=articles-csv]")
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8").read())))
    assert len(rows) == 4
    assert {row["tags"] for row in rows} == {"fisheries"}
    assert {row["headline"] for row in rows} == {a.headline for a in newsroom["articles"][0::3]}
