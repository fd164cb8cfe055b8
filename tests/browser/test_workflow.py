"""An article's whole life in a real browser: import, find, annotate, confirm, submit, approve, export."""

import csv
import io
import re

import pytest
from django.core.management import call_command

from monitoring.articles.models import Article
from monitoring.dashboards.search import search_index_rebuild
from monitoring.review.models import Annotation, WorkflowEvent
from tests.factories import TagFactory, UserFactory

pytestmark = pytest.mark.browser

STORY = """Island states press for a shared cable repair fleet

Published: 2024-04-09 Reef Courier

Delegates from six island states met in Suva on Tuesday to plan a shared fleet of cable repair ships.

"One broken cable can cut a whole country off from the world," said Ana Tuilagi, minister of communications of Samoa.

Petelo Vaka, chairman of the Pacific Connectivity League, said the fleet would need two ships within five years.

Copyright © Reef Courier. All rights reserved.
"""


@pytest.fixture
def newsroom(transactional_db, tmp_path):
    from django.apps import apps

    from monitoring.core.roles import ANALYST, REVIEWER, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    TagFactory(name="Connectivity", slug="connectivity", category="frame", keywords="cable")
    (tmp_path / "cable.txt").write_text(STORY, encoding="utf-8")
    search_index_rebuild()
    call_command("import_articles", str(tmp_path), verbosity=0)
    return {
        "analyst": UserFactory(username="ana", role=ANALYST),
        "reviewer": UserFactory(username="rita", role=REVIEWER),
    }


def click_all(page, kind, action):
    """Decide every pending item of a kind, waiting for each to show its new state (the page updates in place)."""
    pending = f"#extraction li.{kind}[data-status=suggested]"
    while page.locator(pending).count():
        item_id = page.locator(pending).first.get_attribute("id")
        page.locator(f"#{item_id} button[data-action={action}]").click()
        page.wait_for_selector(f"#{item_id}:not([data-status=suggested])", state="attached")


def test_import_annotate_confirm_submit_approve_export(page, log_in, newsroom):
    log_in(newsroom["analyst"])
    page.goto("/")
    page.wait_for_selector("canvas[data-chart]")

    page.goto("/articles/")
    page.fill("input[name=q]", '"cable repair"')
    page.press("input[name=q]", "Enter")
    page.locator("#articles a.hit").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    article = Article.objects.get()
    assert page.locator("#article-status").inner_text().strip().lower() == "new"

    page.click("#transition-form button[name=action][value=claim]")
    page.wait_for_selector("form#annotation-form")

    # Select a passage as a person would (triple click selects the paragraph) and code it.
    page.locator("#article-body p.para").first.click(click_count=3)
    page.wait_for_function("!document.getElementById('annotation-submit').disabled")
    page.select_option("form#annotation-form select[name=tag]", label="Connectivity")
    page.fill("form#annotation-form textarea[name=note]", "Framed as a shared infrastructure need.")
    page.click("#annotation-submit")
    page.wait_for_selector("#annotations li.annotation")
    annotation = Annotation.objects.get()
    assert article.body[annotation.start : annotation.end] == annotation.text
    assert annotation.text.startswith("Delegates from six island states")
    assert page.locator("#article-body .hl-annotation").count() >= 1

    # Confirm one suggested quote, then decide every other suggestion so the article can be submitted.
    first_quote = page.locator("#extraction li.quote[data-status=suggested]").first
    quote_id = first_quote.get_attribute("id").removeprefix("quote-")
    first_quote.locator("button[data-action=confirm]").click()
    page.wait_for_selector(f"#quote-{quote_id}[data-status=confirmed]")
    assert article.quotes.get(pk=quote_id).status == "confirmed"
    for kind in ("quote", "role", "tagged"):
        click_all(page, kind, "confirm")
    assert page.locator("#pending-count").get_attribute("data-pending") == "0"
    page.click("#transition-form button[name=action][value=submit]")
    page.wait_for_selector("#article[data-status=in_review]")
    article.refresh_from_db()
    assert article.status == "in_review"

    page.click("form.logout button")
    log_in(newsroom["reviewer"])
    page.goto(article.get_absolute_url())
    page.click("#transition-form button[name=action][value=approve]")
    page.wait_for_selector("#article[data-status=approved]")
    article.refresh_from_db()
    assert article.status == "approved"
    assert list(
        WorkflowEvent.objects.filter(article=article, action__in=["claim", "submit", "approve"])
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["claim", "submit", "approve"]

    page.goto("/articles/?status=approved")
    with page.expect_download() as download:
        page.click("a[data-export=articles-csv]")
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [row["headline"] for row in rows] == [article.headline]
