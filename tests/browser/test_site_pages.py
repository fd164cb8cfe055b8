"""The index pages, the error pages and the inbox's bulk assign, in a real browser.

Run with `.venv/bin/pytest -m browser tests/browser/test_site_pages.py`.
"""

import re

import pytest
from playwright.sync_api import expect

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.review.models import WorkflowEvent
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def team(transactional_db):
    from django.apps import apps

    from monitoring.core.roles import ANALYST, EDITOR, REVIEWER, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    return {
        "analyst": UserFactory(username="ana", role=ANALYST),
        "analyst2": UserFactory(username="ben", role=ANALYST),
        "reviewer": UserFactory(username="rita", role=REVIEWER),
        "editor": UserFactory(username="eda", role=EDITOR),
    }


@pytest.fixture
def indexed(team):
    """Two outlets, organizations and tags; Big Daily has 2 approved articles, Small Weekly 1 (and a new one each)."""
    big, small = OutletFactory(name="Big Daily", kind="wire_agency"), OutletFactory(name="Small Weekly")
    party, union = OrganizationFactory(name="Party of Progress"), OrganizationFactory(name="Dockers' Union")
    elections, floods = TagFactory(name="elections", slug="elections"), TagFactory(name="floods", slug="floods")
    speaker = PersonFactory(name="Ana Lima")
    for outlet, approved in ((big, 2), (small, 1)):
        for n in range(approved + 1):
            article = ArticleFactory(outlet=outlet, status="approved" if n < approved else "new")
            QuoteFactory(article=article, speaker=speaker, status="confirmed")
            TaggedArticle.objects.create(content_object=article, tag=elections, status="confirmed")
            RoleFactory(person=speaker, article=article, organization=party, title="chair", status="confirmed")
    lone = ArticleFactory(outlet=small, status="approved")
    TaggedArticle.objects.create(content_object=lone, tag=floods, status="confirmed")
    RoleFactory(article=lone, organization=union, title="member", status="confirmed")
    return team


def index_rows(page) -> list[list[str]]:
    """The index table's rows, each as its cells' text (name first)."""
    return [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in page.locator("#index-rows tbody tr[data-row-id]").all()
    ]


def test_index_pages_list_counts_and_sort(page, log_in, indexed):
    log_in(indexed["analyst"])
    page.goto("/")
    page.locator("header.topbar nav").get_by_role("link", name="Outlets", exact=True).click()
    expect(page.locator("h1")).to_have_text("Outlets")
    # Most articles first (approved ones, by the counting rule), with the counted quotes.
    assert [row[0] for row in index_rows(page)] == ["Big Daily", "Small Weekly"]
    big = index_rows(page)[0]
    assert big[1:5] == ["Wire agency", "", "2", "2"]
    page.get_by_label("Sort by").select_option(label="Name (Z–A)")
    page.locator("#index-controls button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"sort=-name"))
    assert [row[0] for row in index_rows(page)] == ["Small Weekly", "Big Daily"]

    page.locator("header.topbar nav").get_by_role("link", name="Organizations", exact=True).click()
    expect(page.locator("h1")).to_have_text("Organizations")
    rows = {row[0]: row for row in index_rows(page)}
    assert rows["Party of Progress"][3:5] == ["3", "1"] and rows["Dockers' Union"][3:5] == ["1", "1"]
    page.get_by_label("Sort by").select_option(label="Name (A–Z)")
    page.locator("#index-controls button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"sort=name"))
    assert [row[0] for row in index_rows(page)] == ["Dockers' Union", "Party of Progress"]

    page.locator("header.topbar nav").get_by_role("link", name="Tags", exact=True).click()
    expect(page.locator("h1")).to_have_text("Tags")
    assert [(row[0], row[2]) for row in index_rows(page)] == [("elections", "3"), ("floods", "1")]
    page.get_by_label("Name contains").fill("flo")
    page.locator("#index-controls button[type=submit]").click()
    expect(page.locator("#index-rows tbody tr[data-row-id]")).to_have_count(1)
    assert index_rows(page)[0][0] == "floods"
    page.locator("#index-rows").get_by_role("link", name="floods").click()
    expect(page).to_have_url(re.compile(r"/tags/floods/"))


def assert_in_layout_with_a_way_back(page, response, status: int, heading: str):
    assert response.status == status
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("header.topbar nav")).to_be_visible()
    # The site's stylesheet applies (the top bar is the site's blue, not a bare browser page).
    assert page.locator("header.topbar").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(31, 58, 95)"
    expect(page.locator("main .way-back").get_by_role("link", name="Back to the overview")).to_be_visible()


def test_error_pages_are_in_the_layout_with_a_way_back(page, log_in, team):
    log_in(team["analyst"])
    response = page.goto("/no/such/page/")
    assert_in_layout_with_a_way_back(page, response, 404, "Nothing here")
    response = page.goto("/articles/987654/")
    assert_in_layout_with_a_way_back(page, response, 404, "Nothing here")
    page.locator("main").get_by_role("link", name="My work").click()
    expect(page).to_have_url(re.compile(r"/review/$"))

    # A form sent once its security token is gone (signed out and in elsewhere, a lost cookie): 403, nothing done.
    article = ArticleFactory(headline="Harbour strike ends")
    page.goto("/review/inbox/")
    page.context.clear_cookies(name="csrftoken")
    with page.expect_navigation() as navigation:
        page.locator(f"tr[data-article-id='{article.pk}'] button[name=claim_one]").click()
    assert_in_layout_with_a_way_back(page, navigation.value, 403, "That form has expired")
    assert Article.objects.get(pk=article.pk).status == "new"
    page.locator("main").get_by_role("link", name="Back to the overview").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("h1")).to_be_visible()

    # A page the role does not allow.
    page.context.clear_cookies()
    log_in(team["reviewer"])
    response = page.goto("/imports/new/")
    assert response.status == 403
    expect(page.locator("#refusal-message")).to_contain_text("Only analysts or editors may import articles")
    expect(page.locator("main .way-back").get_by_role("link", name="Back to the overview")).to_be_visible()


def test_an_editor_assigns_two_inbox_items_to_an_analyst(page, log_in, team):
    first, second, third = (ArticleFactory(headline=f"Port authority report part {n}") for n in (1, 2, 3))
    log_in(team["editor"])
    page.goto("/")
    page.locator("header.topbar nav").get_by_role("link", name="Inbox").click()
    expect(page.locator("#inbox-form tbody tr")).to_have_count(3)

    page.get_by_label(f"Select “{first.headline}”").check()
    page.get_by_label(f"Select “{second.headline}”").check()
    page.get_by_label("Action", exact=True).select_option(label="Assign to")
    page.get_by_label("Analyst", exact=True).select_option(label="ben")
    page.locator("#inbox-form fieldset.bulk-actions button[type=submit]").click()

    expect(page.locator(".messages")).to_contain_text("Done (assign to ben): 2 article(s)")
    expect(page.locator("#inbox-form tbody tr")).to_have_count(1)  # both left the inbox; the third is still there
    expect(page.locator(f"tr[data-article-id='{third.pk}']")).to_be_visible()
    for article in (first, second):
        article.refresh_from_db()
        assert (article.status, article.assignee) == ("in_analysis", team["analyst2"])
    assert WorkflowEvent.objects.filter(action="assign", actor=team["editor"]).count() == 2

    # And they are on the analyst's desk.
    page.context.clear_cookies()
    log_in(team["analyst2"])
    page.goto("/review/")
    for article in (first, second):
        expect(page.locator("main").get_by_role("link", name=article.headline).first).to_be_visible()
