"""What counts: every page, every export and the API give the same figure, in both views.

By default figures count reviewed work only: approved items, and their confirmed quotes, roles and tags. With the
filter form's "Include unreviewed" switch (`unreviewed=on`) they count every item and every suggestion not rejected.
Each test below builds items in several states with confirmed, suggested and rejected quotes, roles and tags, reads
one figure from the overview, an entity page and each export, and requires them all equal to what the data says.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards.exports import COUNTING_HEADER
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    CountryMentionFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
)

WINDOW = "start=2024-01-01&end=2024-12-31"
VIEWS = {"reviewed": "", "with-unreviewed": "&unreviewed=on"}


@dataclass
class Coverage:
    outlet: object
    person: object
    organization: object
    tag: object
    country: object
    # What each view must count, kept while the data is built (never computed by the code under test).
    expected: dict


@pytest.fixture
def coverage(db) -> Coverage:
    outlet = OutletFactory(name="Harbour Times")
    person = PersonFactory(name="Marta Okonkwo")
    organization = OrganizationFactory(name="Gulf Marine Institute")
    tag = TagFactory(name="fisheries", slug="fisheries")
    country = CountryFactory(code="KE", name="Kenya")
    counts = {view: {"items": 0, "quotes": 0, "org_quotes": 0, "tagged": 0, "country": 0} for view in VIEWS}

    def item(status, *, quotes=(), role=None, tag_status=None, mentions_country=False):
        counted = status == "approved"
        article = ArticleFactory(outlet=outlet, status=status, published_on=datetime.date(2024, 6, 10))
        counts["with-unreviewed"]["items"] += 1
        counts["reviewed"]["items"] += counted
        kept_roles = role in ("confirmed", "suggested")
        if role is not None:
            RoleFactory(person=person, article=article, organization=organization, title="director", status=role)
        for quote_status in quotes:
            QuoteFactory(article=article, speaker=person, status=quote_status)
            if quote_status != "rejected":
                counts["with-unreviewed"]["quotes"] += 1
                counts["with-unreviewed"]["org_quotes"] += kept_roles
            if quote_status == "confirmed" and counted:
                counts["reviewed"]["quotes"] += 1
                counts["reviewed"]["org_quotes"] += role == "confirmed"
        if tag_status is not None:
            TaggedArticle.objects.create(content_object=article, tag=tag, status=tag_status)
            counts["with-unreviewed"]["tagged"] += 1
            counts["reviewed"]["tagged"] += counted and tag_status == "confirmed"
        if mentions_country:
            CountryMentionFactory(article=article, country=country)
            counts["with-unreviewed"]["country"] += 1
            counts["reviewed"]["country"] += counted

    item(
        "approved",
        quotes=["confirmed", "suggested", "rejected"],
        role="confirmed",
        tag_status="confirmed",
        mentions_country=True,
    )
    item("approved", quotes=["confirmed", "confirmed"], role="rejected", tag_status="suggested")
    item(
        "new",
        quotes=["suggested", "suggested", "rejected"],
        role="suggested",
        tag_status="suggested",
        mentions_country=True,
    )
    item("in_analysis", quotes=["confirmed", "suggested"], tag_status="confirmed")
    item("in_review", quotes=["confirmed"], role="confirmed", tag_status="confirmed", mentions_country=True)
    item("archived", quotes=["confirmed"], tag_status="confirmed")
    # Someone else's coverage elsewhere, so that no figure is "everything".
    other = ArticleFactory(
        outlet=OutletFactory(name="Elsewhere"), status="approved", published_on=datetime.date(2024, 6, 1)
    )
    QuoteFactory(article=other, status="confirmed")
    # Sanity: the two views differ on every figure, so a test passing in both views means something.
    for figure in counts["reviewed"]:
        assert 0 < counts["reviewed"][figure] < counts["with-unreviewed"][figure], figure
    return Coverage(outlet, person, organization, tag, country, counts)


def chart_value(context, key: str, label: str, series: int = 0) -> int:
    chart = next(chart for chart in context["charts"] if chart.key == key)
    values = dict(zip(chart.labels, chart.series[series][1], strict=True))
    return values.get(label, 0)


def chart_total(context, key: str) -> int:
    chart = next(chart for chart in context["charts"] if chart.key == key)
    return sum(sum(data) for _, data in chart.series)


def export_rows(client, dataset: str, fmt: str, query: str) -> tuple[list[dict], object]:
    response = client.get(f"/export/{dataset}.{fmt}?{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text))) if fmt == "csv" else json.loads(text)
    return rows, response


def api_count(user, name: str, query: str) -> int:
    client = APIClient()
    client.force_authenticate(user)
    url, total = f"{reverse(f'api:{name}-list')}?{query}&page_size=500", 0
    while url:
        page = client.get(url).json()
        total += len(page["results"])
        url = page["next"]
    return total


@pytest.mark.parametrize("view", list(VIEWS))
def test_quotes_of_a_person_agree_everywhere(coverage, login, analyst, view):
    client, suffix, person = login(analyst), VIEWS[view], coverage.person
    expected = coverage.expected[view]["quotes"]
    scope = f"{WINDOW}{suffix}"
    figures = {
        "overview, most quoted": chart_value(client.get(f"/?{scope}").context, "speakers", person.name),
        "people list": next(
            row["quote_count"]
            for row in client.get(f"/people/?{scope}").context["page_obj"]
            if row["speaker"] == person.pk
        ),
        "person page, in all": client.get(f"/people/{person.pk}/?{suffix}").context["person"].quote_count,
        "person page, by kind": chart_total(client.get(f"/people/{person.pk}/?{scope}").context, "quote_kinds"),
        "outlet page, most quoted": chart_value(
            client.get(f"/outlets/{coverage.outlet.pk}/?{scope}").context, "speakers", person.name
        ),
        "API quotes": api_count(analyst, "quote", f"person={person.pk}{suffix}"),
    }
    for fmt in ("csv", "json"):
        quotes, _ = export_rows(client, "quotes", fmt, f"person={person.pk}{suffix}")
        figures[f"quotes export {fmt}"] = len(quotes)
        persons, _ = export_rows(client, "persons", fmt, scope)
        figures[f"persons export {fmt}"] = next(int(row["quotes"]) for row in persons if int(row["id"]) == person.pk)
        articles, _ = export_rows(client, "articles", fmt, f"outlet={coverage.outlet.pk}{suffix}")
        figures[f"articles export {fmt}, quote counts"] = sum(int(row["quote_count"]) for row in articles)
    assert figures == dict.fromkeys(figures, expected)


@pytest.mark.parametrize("view", list(VIEWS))
def test_items_of_an_outlet_agree_everywhere(coverage, login, analyst, view):
    client, suffix, outlet = login(analyst), VIEWS[view], coverage.outlet
    scope = f"{WINDOW}{suffix}"
    outlet_page = client.get(f"/outlets/{outlet.pk}/?{scope}").context
    figures = {
        "overview, by outlet": chart_value(client.get(f"/?{scope}").context, "outlets", outlet.name),
        "outlet page, list": outlet_page["page_obj"].paginator.count,
        "outlet page, over time": chart_total(outlet_page, "volume"),
        "API articles": api_count(analyst, "article", f"outlet={outlet.pk}{suffix}"),
    }
    for fmt in ("csv", "json"):
        rows, _ = export_rows(client, "articles", fmt, f"outlet={outlet.pk}{suffix}")
        figures[f"articles export {fmt}"] = len(rows)
    assert figures == dict.fromkeys(figures, coverage.expected[view]["items"])


@pytest.mark.parametrize("view", list(VIEWS))
def test_items_with_a_tag_agree_everywhere(coverage, login, analyst, view):
    client, suffix, tag = login(analyst), VIEWS[view], coverage.tag
    scope = f"{WINDOW}{suffix}"
    figures = {
        "overview, by tag": chart_value(client.get(f"/?{scope}").context, "tags", tag.name),
        "outlet page, by tag": chart_value(
            client.get(f"/outlets/{coverage.outlet.pk}/?{scope}").context, "tags", tag.name
        ),
        "tag page, list": client.get(f"/tags/{tag.slug}/?{scope}").context["page_obj"].paginator.count,
        "API articles": api_count(analyst, "article", f"tag={tag.slug}{suffix}"),
    }
    for fmt in ("csv", "json"):
        rows, _ = export_rows(client, "articles", fmt, f"tag={tag.slug}{suffix}")
        figures[f"articles export {fmt}"] = len(rows)
        every, _ = export_rows(client, "articles", fmt, suffix.lstrip("&"))
        figures[f"articles export {fmt}, tags column"] = sum(tag.name in row["tags"].split(";") for row in every)
    assert figures == dict.fromkeys(figures, coverage.expected[view]["tagged"])


@pytest.mark.parametrize("view", list(VIEWS))
def test_items_mentioning_a_country_agree_everywhere(coverage, login, analyst, view):
    client, suffix, country = login(analyst), VIEWS[view], coverage.country
    scope = f"{WINDOW}{suffix}"
    figures = {
        "overview, countries": chart_value(client.get(f"/?{scope}").context, "countries", country.name),
        "outlet page, countries": chart_value(
            client.get(f"/outlets/{coverage.outlet.pk}/?{scope}").context, "countries", country.name
        ),
        "API articles": api_count(analyst, "article", f"country={country.code}{suffix}"),
    }
    for fmt in ("csv", "json"):
        rows, _ = export_rows(client, "articles", fmt, f"country={country.code}{suffix}")
        figures[f"articles export {fmt}"] = len(rows)
    assert figures == dict.fromkeys(figures, coverage.expected[view]["country"])


@pytest.mark.parametrize("view", list(VIEWS))
def test_quotes_by_an_organizations_people_agree_everywhere(coverage, login, analyst, view):
    client, suffix, organization = login(analyst), VIEWS[view], coverage.organization
    scope = f"{WINDOW}{suffix}"
    figures = {
        "overview, organizations": chart_value(client.get(f"/?{scope}").context, "organizations", organization.name),
        "organization page, its people": chart_value(
            client.get(f"/organizations/{organization.pk}/?{scope}").context, "speakers", coverage.person.name
        ),
    }
    assert figures == dict.fromkeys(figures, coverage.expected[view]["org_quotes"])


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_export_says_which_view_it_holds(coverage, login, analyst, view):
    client = login(analyst)
    for dataset in ("articles", "quotes", "persons"):
        for fmt in ("csv", "json"):
            _, response = export_rows(client, dataset, fmt, VIEWS[view].lstrip("&"))
            assert response[COUNTING_HEADER] == view
            assert f"press-monitor-{dataset}-{view}-" in response["Content-Disposition"]


REVIEWED_BANNER = "Counting reviewed work only:"
WIDE_BANNER = "Including unreviewed items and suggestions:"


def page_paths(coverage) -> dict[str, str]:
    return {
        "overview": "/",
        "people": "/people/",
        "person": f"/people/{coverage.person.pk}/",
        "organization": f"/organizations/{coverage.organization.pk}/",
        "outlet": f"/outlets/{coverage.outlet.pk}/",
        "tag": f"/tags/{coverage.tag.slug}/",
        "search": "/articles/?q=delegations",
    }


def test_every_page_says_which_view_it_shows(coverage, login, analyst):
    client = login(analyst)
    for name, path in page_paths(coverage).items():
        joiner = "&" if "?" in path else "?"
        reviewed = client.get(path).content.decode()
        wide = client.get(f"{path}{joiner}unreviewed=on").content.decode()
        if name == "search":  # the article list is the workflow's list: every item, always, and it says so
            assert WIDE_BANNER in reviewed and "always shows every item" in reviewed, name
            assert 'name="unreviewed"' not in reviewed
            continue
        assert REVIEWED_BANNER in reviewed and WIDE_BANNER not in reviewed, name
        assert WIDE_BANNER in wide and REVIEWED_BANNER not in wide, name
        # The switch is in the filter form (so it travels with the filters), ticked or not.
        assert 'name="unreviewed"' in reviewed and 'name="unreviewed" id="id_unreviewed" checked' in wide, name
        assert "unreviewed=on" in wide.split('data-export="articles-csv"')[0].rsplit("href=", 1)[1], name


def test_article_list_lists_every_item_and_its_exports_match(coverage, login, analyst):
    client = login(analyst)
    listed = client.get(f"/articles/?outlet={coverage.outlet.pk}").context
    assert listed["page_obj"].paginator.count == coverage.expected["with-unreviewed"]["items"]
    assert "unreviewed=on" in listed["filters"].export_query()
    rows, response = export_rows(client, "articles", "csv", listed["filters"].export_query())
    assert len(rows) == coverage.expected["with-unreviewed"]["items"] and response[COUNTING_HEADER] == "with-unreviewed"


def test_review_pipeline_shows_every_item_whatever_the_switch(coverage, login, analyst):
    client = login(analyst)
    for suffix in VIEWS.values():
        context = client.get(f"/?{WINDOW}{suffix}&outlet={coverage.outlet.pk}").context
        per_state = dict(zip(context["pipeline"].labels, context["pipeline"].series[0][1], strict=True))
        assert sum(per_state.values()) == coverage.expected["with-unreviewed"]["items"]
        assert per_state["New"] == 1 and per_state["In review"] == 1


def test_the_switch_survives_a_saved_search(coverage, login, analyst):
    from monitoring.alerts.models import SavedSearch

    client = login(analyst)
    params = f"outlet={coverage.outlet.pk}&unreviewed=on"
    client.post(reverse("alerts:save"), {"path": "/", "params": params, "name": "harbour, all"})
    search = SavedSearch.objects.get(name="harbour, all")
    assert search.query.get("unreviewed") == "on"
