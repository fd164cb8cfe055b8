"""The organization, outlet and tag indexes: counts by the counting rule, a name filter, sorts, pagination."""

import html as html_lib
import re

import pytest

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.selectors import INDEX_PER_PAGE
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
)

# session + user + role check + the header's unread count (every HTML page), the filter form's <select>s (outlets,
# tags, countries), count + page (the counts are subqueries of the page's query).
MAX_QUERIES = 4 + 3 + 2


def rows(html: str) -> list[tuple[str, list[str]]]:
    """(name, cells) of each row of the index table."""
    body = html.split('id="index-rows"', 1)[1]
    found = []
    for row in re.findall(r"<tr data-row-id=.*?</tr>", body, re.S):
        name = html_lib.unescape(re.search(r'title="([^"]*)"', row).group(1))
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        found.append((name, cells[1:]))  # the name cell aside
    return found


@pytest.fixture
def indexed(db):
    """Two outlets, two organizations, two tags; one approved article and one new one per outlet."""
    big, small = OutletFactory(name="Big Daily", kind="wire_agency"), OutletFactory(name="Small Weekly")
    party, union = OrganizationFactory(name="Party of Progress"), OrganizationFactory(name="Dockers' Union")
    elections, floods = TagFactory(name="elections", slug="elections"), TagFactory(name="floods", slug="floods")
    speaker, other = PersonFactory(name="Ana Lima"), PersonFactory(name="Ben Cole")
    for outlet, approved_count in ((big, 2), (small, 1)):
        for n in range(approved_count + 1):
            article = ArticleFactory(outlet=outlet, status="approved" if n < approved_count else "new")
            QuoteFactory(article=article, speaker=speaker, status="confirmed")
            TaggedArticle.objects.create(content_object=article, tag=elections, status="confirmed")
            RoleFactory(person=speaker, article=article, organization=party, title="chair", status="confirmed")
    lone = ArticleFactory(outlet=small, status="new")
    TaggedArticle.objects.create(content_object=lone, tag=floods, status="suggested")
    RoleFactory(person=other, article=lone, organization=union, title="member", status="suggested")
    return {"outlets": (big, small), "organizations": (party, union), "tags": (elections, floods)}


@pytest.mark.parametrize("path", ["/organizations/", "/outlets/", "/tags/"])
def test_index_pages_exist_and_are_linked_from_the_nav(path, login, analyst, indexed):
    client = login(analyst)
    response = client.get(path)
    assert response.status_code == 200
    assert f'href="{path}"' in client.get("/").content.decode()


def test_outlet_counts_follow_the_counting_rule(login, analyst, indexed):
    client = login(analyst)
    reviewed = dict(rows(client.get("/outlets/").content.decode()))
    # Kind shown by its label; approved articles and their confirmed quotes only.
    assert reviewed["Big Daily"][:4] == ["Wire agency", "", "2", "2"]
    assert reviewed["Small Weekly"][2:4] == ["1", "1"]
    every = dict(rows(client.get("/outlets/?unreviewed=on").content.decode()))
    assert every["Big Daily"][2:4] == ["3", "3"]
    assert every["Small Weekly"][2:4] == ["3", "2"]


def test_organization_and_tag_counts(login, analyst, indexed):
    client = login(analyst)
    organizations = dict(rows(client.get("/organizations/").content.decode()))
    assert organizations["Party of Progress"][2:] == ["3", "1"]  # articles, people
    assert organizations["Dockers' Union"][2:] == ["0", "0"]  # a suggested role in a new item
    organizations = dict(rows(client.get("/organizations/?unreviewed=on").content.decode()))
    assert organizations["Party of Progress"][2:] == ["5", "1"]
    assert organizations["Dockers' Union"][2:] == ["1", "1"]
    tags = dict(rows(client.get("/tags/").content.decode()))
    assert tags["elections"][1] == "3" and tags["floods"][1] == "0"
    tags = dict(rows(client.get("/tags/?unreviewed=on").content.decode()))
    assert tags["elections"][1] == "5" and tags["floods"][1] == "1"


def test_counts_follow_the_shared_filters(login, analyst, indexed):
    big = indexed["outlets"][0]
    tags = dict(rows(login(analyst).get(f"/tags/?outlet={big.pk}").content.decode()))
    assert tags["elections"][1] == "2"


def test_sorts_and_name_filter(login, analyst, indexed):
    client = login(analyst)
    assert [name for name, _ in rows(client.get("/outlets/").content.decode())] == ["Big Daily", "Small Weekly"]
    assert [name for name, _ in rows(client.get("/outlets/?sort=-name").content.decode())] == [
        "Small Weekly",
        "Big Daily",
    ]
    assert [n for n, _ in rows(client.get("/organizations/?sort=name").content.decode())] == [
        "Dockers' Union",
        "Party of Progress",
    ]
    assert [n for n, _ in rows(client.get("/organizations/?name=PROGR").content.decode())] == ["Party of Progress"]
    assert [n for n, _ in rows(client.get("/organizations/?name=dockers union").content.decode())] == ["Dockers' Union"]
    assert [n for n, _ in rows(client.get("/tags/?name=flood").content.decode())] == ["floods"]


def test_a_bogus_sort_or_filter_shows_why_and_lists_nothing(login, analyst, indexed):
    client = login(analyst)
    html = client.get("/outlets/?sort=bogus").content.decode()
    assert rows(html) == [] and "Select a valid choice" in html
    html = client.get("/tags/?status=bogus").content.decode()
    assert rows(html) == [] and 'id="filter-errors"' in html


def test_pagination_keeps_name_and_sort(login, analyst, db):
    for n in range(INDEX_PER_PAGE + 3):
        TagFactory(name=f"code {n:03d}", slug=f"code-{n:03d}")
    client = login(analyst)
    html = client.get("/tags/?sort=name&name=code").content.decode()
    assert len(rows(html)) == INDEX_PER_PAGE
    assert "name=code" in html.split('rel="next"')[0].rsplit("href=", 1)[1]
    second = client.get("/tags/?sort=name&name=code&page=2").content.decode()
    assert [n for n, _ in rows(second)] == [f"code {n:03d}" for n in range(INDEX_PER_PAGE, INDEX_PER_PAGE + 3)]


@pytest.mark.parametrize("size", [1, 12])
@pytest.mark.parametrize(
    "path", ["/organizations/", "/outlets/?unreviewed=on&sort=quotes", "/tags/?name=tag&start=2024-01-01&unreviewed=on"]
)
def test_index_query_count_is_fixed(path, size, login, analyst, db, django_assert_max_num_queries):
    for n in range(size):
        outlet = OutletFactory(name=f"Outlet {n}")
        tag = TagFactory(name=f"tag {n}", slug=f"tag-{n}")
        article = ArticleFactory(outlet=outlet, status="approved")
        QuoteFactory(article=article, status="confirmed")
        TaggedArticle.objects.create(content_object=article, tag=tag, status="confirmed")
        RoleFactory(article=article, organization=OrganizationFactory(name=f"Org {n}"), status="confirmed")
    client = login(analyst)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(path)
    assert response.status_code == 200
    assert len(rows(response.content.decode())) >= 1


def test_the_name_form_keeps_the_shared_filters(login, analyst, indexed):
    html = login(analyst).get("/tags/?unreviewed=on&status=new&name=el").content.decode()
    controls = html.split('id="index-controls"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="unreviewed" value="on">' in controls
    assert '<input type="hidden" name="status" value="new">' in controls
    assert 'name="name"' in controls and '<input type="hidden" name="name"' not in controls
