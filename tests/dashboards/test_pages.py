"""Every dashboard page renders with a fixed number of queries, whatever the data size."""

import pytest
from django.urls import reverse

WINDOW = "start=2024-01-01&end=2024-12-31"


def page_urls(data) -> dict[str, str]:
    person, organization = data["people"][0], data["organization"]
    outlet, tag = data["outlets"][0], data["tags"][0]
    every_filter = (
        f"{WINDOW}&outlet={outlet.pk}&outlet_kind=independent&tag=elections&category=topic&status=new"
        f"&person={person.pk}&organization={organization.pk}&country=FR&quote_kind=direct&q=progress"
    )
    return {
        "overview": f"/?{WINDOW}",
        "overview, every filter": f"/?{every_filter}&interval=day",
        "articles": "/articles/",
        "articles, search": "/articles/?q=delegations+progress",
        "articles, every filter": f"/articles/?{every_filter}",
        "people": "/people/",
        "person": f"/people/{person.pk}/",
        "organization": f"/organizations/{organization.pk}/?{WINDOW}",
        "outlet": f"/outlets/{outlet.pk}/?{WINDOW}",
        "tag": f"/tags/{tag.slug}/?{WINDOW}",
        "export articles csv": "/export/articles.csv",
        "export quotes json": "/export/quotes.json?q=progress",
        "export persons csv": "/export/persons.csv",
        # The counting switch on: every item and suggestion, by the same queries.
        "overview, unreviewed": f"/?{WINDOW}&unreviewed=on",
        "person, unreviewed": f"/people/{person.pk}/?unreviewed=on",
        "tag, unreviewed": f"/tags/{tag.slug}/?{WINDOW}&unreviewed=on",
        "export quotes csv, unreviewed": "/export/quotes.csv?unreviewed=on",
    }


# Pinned: session + user, the form's <select>s (outlets, tags, countries), a lookup per chosen outlet, tag,
# person, organization or country, one query per figure, count + page (+ tags, + snippets) per list; the article
# list's bulk bar adds the codebook tags (and, for editors, the analysts: tests/review/test_bulk_tags.py).
# A change here should say why in its commit.
MAX_QUERIES = {
    "overview": 20,  # one of them reads the first and last days of publication (do the all-time totals answer?)
    "overview, every filter": 23,
    "articles": 9,
    "articles, search": 10,
    "articles, every filter": 15,
    "people": 7,
    "person": 16,
    "organization": 15,
    "outlet": 14,
    "tag": 15,  # as the overview: the first and last days of publication
    "export articles csv": 4,
    "export quotes json": 3,
    "export persons csv": 3,
    "overview, unreviewed": 20,
    "person, unreviewed": 16,
    "tag, unreviewed": 15,
    "export quotes csv, unreviewed": 3,
}


# Every page (not only these) first asks whether the user holds a role (monitoring.core.middleware): one query for
# the user's groups, whatever the page and the data size.
ROLE_CHECK = 1
# HTML pages also show the header's unread-notification count (monitoring.alerts): one query; exports do not.
UNREAD_COUNT = 1


@pytest.mark.parametrize("size", [5, 50])
def test_page_query_count_is_fixed(size, coverage_build, login, analyst, django_assert_max_num_queries):
    # One build per size, every page read from it: the pages only read, so each sees the same rows.
    client = login(analyst)
    for name, url in page_urls(coverage_build(size)).items():
        overhead = ROLE_CHECK + (0 if name.startswith("export") else UNREAD_COUNT)
        with django_assert_max_num_queries(MAX_QUERIES[name] + overhead, info=name):
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, name


@pytest.mark.parametrize("name", ["dashboards:overview", "dashboards:article_list", "dashboards:people"])
def test_pages_need_login(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_export_needs_login(client, db):
    assert client.get("/export/articles.csv").status_code == 302


def test_unknown_export_is_404(login, analyst):
    assert login(analyst).get("/export/secrets.csv").status_code == 404
    assert login(analyst).get("/export/articles.xml").status_code == 404


def test_overview_shows_charts_with_tables(coverage_build, login, analyst):
    data = coverage_build(8)
    html = login(analyst).get(f"/?{WINDOW}").content.decode()
    for key in [
        "volume",
        "outlets",
        "outlet_kinds",
        "tags",
        "categories",
        "speakers",
        "organizations",
        "countries",
        "quote_kinds",
        "pipeline",
    ]:
        assert f'id="chart-{key}"' in html
        assert f'id="chart-{key}-data"' in html
    assert "vendor/chartjs/chart.umd.min.js" in html and "js/charts.js" in html
    assert "cdn" not in html.lower()
    assert data["people"][0].name in html
    assert "Party of Progress" in html  # quoted through the speakers' roles


def test_filters_round_trip_through_the_url(coverage_build, login, analyst):
    data = coverage_build(4)
    outlet = data["outlets"][1]
    html = login(analyst).get(f"/articles/?outlet={outlet.pk}&tag=sahel&q=rally").content.decode()
    assert f'<option value="{outlet.pk}" selected>' in html
    assert '<option value="sahel" selected>' in html
    assert 'value="rally"' in html
    # Pagination and export links carry the same filters.
    assert f"outlet={outlet.pk}" in html.split('data-export="articles-csv"')[0].rsplit("href=", 1)[1]


def test_person_page_sections(coverage_build, login, analyst):
    data = coverage_build(6)
    person = data["people"][0]
    html = login(analyst).get(f"/people/{person.pk}/?unreviewed=on").content.decode()
    assert person.name in html
    assert "spokesperson" in html and "Party of Progress" in html  # role as printed
    assert "Speaker 1" in html  # quoted alongside
    assert "Daily 0" in html  # outlet quoting them
    assert 'id="chart-quotes_volume"' in html and 'id="chart-co_quoted"' in html


def test_tag_page_shows_category(coverage_build, login, analyst):
    coverage_build(3)
    html = login(analyst).get(f"/tags/sahel/?{WINDOW}").content.decode()
    assert "Category: Region" in html


def test_article_list_paginates(coverage_build, login, analyst):
    coverage_build(30)
    response = login(analyst).get("/articles/?page=2")
    assert len(response.context["page_obj"].object_list) == 5
    assert "Page 2 of 2" in response.content.decode()
