"""A page of search hits costs the same whatever the number of matches: on PostgreSQL only the most recently added
`SEARCH_RANKED_MATCHES` matches are ranked and paged, the count stops one past them, and snippets are made for the
page's rows only. SQLite ranks and counts every match, as before."""

import datetime

import pytest
from django.db import connection

from monitoring.articles.models import Article
from monitoring.dashboards import search
from monitoring.dashboards.search import SearchPaginator, articles_search, search_index_refresh
from tests.factories import ArticleFactory, OutletFactory

on_postgresql = connection.vendor == "postgresql"


def harbour_articles(n: int, *, headline_hits: tuple[int, ...] = ()) -> list[Article]:
    """`n` articles mentioning the harbour, added oldest first; those at `headline_hits` also name it in the headline
    (which ranks them first)."""
    outlet = OutletFactory()
    articles = [
        ArticleFactory(
            outlet=outlet,
            headline=f"Harbour fees {i}" if i in headline_hits else f"Coastal news {i}",
            body=f"Fishermen spoke about the harbour, day {i}.",
            published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
        )
        for i in range(n)
    ]
    search_index_refresh([a.pk for a in articles])
    return articles


def test_a_limit_ranks_only_the_latest_matches_and_counts_one_past_them(db):
    articles = harbour_articles(6, headline_hits=(0, 4))  # the oldest and a recent one rank highest
    paginator = SearchPaginator(articles_search(Article.objects.all(), "harbour"), 2, limit=4)

    assert paginator.count == 4 and paginator.more
    assert paginator.num_pages == 2
    listed = [a.pk for page in paginator.page_range for a in paginator.page(page).object_list]
    latest = [a.pk for a in articles[2:]]
    assert set(listed) == set(latest)  # the two oldest are left out, the top-ranked oldest one included
    assert listed[0] == articles[4].pk  # best match first among the latest
    assert listed[1:] == [articles[5].pk, articles[3].pk, articles[2].pk]  # then newest first at equal rank


def test_a_limit_above_the_matches_counts_them_exactly(db):
    harbour_articles(3)
    paginator = SearchPaginator(articles_search(Article.objects.all(), "harbour"), 25, limit=3)
    assert (paginator.count, paginator.more) == (3, False)
    unlimited = SearchPaginator(articles_search(Article.objects.all(), "harbour"), 25)
    assert (unlimited.count, unlimited.more) == (3, False)


def test_the_limit_applies_after_the_other_filters(db, login, analyst, settings):
    """The latest matches of the filtered articles, not the latest matches of the archive then filtered."""
    settings.SEARCH_RANKED_MATCHES = 2
    older = harbour_articles(3)
    newer = harbour_articles(3)  # added later: the latest matches of the archive
    html = login(analyst).get(f"/articles/?q=harbour&outlet={older[0].outlet_id}").content.decode()
    expected = older[1:] if on_postgresql else older
    assert [a for a in older + newer if f"/articles/{a.pk}/" in html] == expected


def test_the_page_says_more_than_n_on_postgresql_and_counts_every_match_on_sqlite(db, login, analyst, settings):
    settings.SEARCH_RANKED_MATCHES = 3
    articles = harbour_articles(5)
    response = login(analyst).get("/articles/?q=harbour")
    html = response.content.decode()
    shown = [a for a in articles if f"/articles/{a.pk}/" in html]
    if on_postgresql:
        assert "More than 3 articles match “harbour”: the 3 most recently added are listed, best match first." in html
        assert shown == articles[2:]
    else:
        assert "5 articles matching “harbour”, best match first." in html
        assert shown == articles


@pytest.mark.parametrize("size", [4, 40])
def test_bounded_search_page_runs_a_fixed_number_of_queries(
    size, db, login, analyst, settings, django_assert_max_num_queries
):
    settings.SEARCH_RANKED_MATCHES = 3
    harbour_articles(size, headline_hits=(1,))
    client = login(analyst)
    client.get("/articles/?q=harbour")  # session and caches warm
    # session + user, role check, unread count, the filter form's <select>s, count, page, tags, snippets, bulk bar
    with django_assert_max_num_queries(12):
        assert client.get("/articles/?q=harbour&page=2").status_code == 200


def test_snippets_are_made_for_the_rows_shown_only(db, login, analyst, monkeypatch):
    harbour_articles(30)
    asked = []
    snippets = search.search_snippets
    monkeypatch.setattr(search, "search_snippets", lambda text, ids: asked.append(list(ids)) or snippets(text, ids))
    page = login(analyst).get("/articles/?q=harbour").context["page_obj"]
    assert asked == [[a.pk for a in page.object_list]]
    assert len(asked[0]) == 25 < page.paginator.count
    assert all("<mark>" in article.snippet for article in page.object_list)


@pytest.mark.skipif(not on_postgresql, reason="the SQL of django.contrib.postgres.search")
def test_postgresql_search_uses_websearch_query_rank_and_headline(db):
    from django.test.utils import CaptureQueriesContext

    harbour_articles(2)
    with CaptureQueriesContext(connection) as queries:
        assert len(list(articles_search(Article.objects.all(), 'harbour OR "fishermen spoke" -nothing'))) == 2
        search.search_snippets("harbour", Article.objects.values_list("pk", flat=True))
    sql = "\n".join(q["sql"] for q in queries.captured_queries)
    assert "websearch_to_tsquery('english'::regconfig" in sql
    assert "ts_rank(" in sql and "ts_headline('english'::regconfig" in sql


def test_the_ranked_matches_are_the_most_recently_added_whatever_their_dates(db):
    """Added order, not publication order: an old article imported today is among the candidates."""
    articles = harbour_articles(3)
    backfilled = harbour_articles(1)[0]
    Article.objects.filter(pk=backfilled.pk).update(published_on=datetime.date(2001, 5, 1))
    paginator = SearchPaginator(articles_search(Article.objects.all(), "harbour"), 25, limit=2)
    assert [a.pk for a in paginator.page(1).object_list] == [articles[2].pk, backfilled.pk]
