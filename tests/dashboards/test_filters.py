"""The shared filters: each one narrows articles and quotes the same way on every page."""

import datetime

import pytest

from monitoring.codebook.models import TaggedArticle
from monitoring.dashboards import selectors
from monitoring.dashboards.search import search_index_refresh
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

# These tests are about what each filter matches, so they look at every item and suggestion ("Include unreviewed");
# tests/dashboards/test_counting.py covers what counts by default.
WIDE = {"unreviewed": "on"}


def article_ids(params, *, view=WIDE) -> set[int]:
    return set(selectors.filters_bind({**params, **view}).articles.qs.values_list("pk", flat=True))


def quote_ids(params, *, view=WIDE) -> set[int]:
    return set(selectors.filters_bind({**params, **view}).quotes.qs.values_list("pk", flat=True))


@pytest.fixture
def two(db):
    wire, paper = OutletFactory(name="Wire", kind="wire_agency"), OutletFactory(name="Paper", kind="independent")
    a = ArticleFactory(
        outlet=wire, published_on=datetime.date(2024, 3, 1), status="approved", headline="Harbour strike spreads"
    )
    b = ArticleFactory(outlet=paper, published_on=datetime.date(2024, 5, 1), status="new", headline="Budget vote")
    search_index_refresh([a.pk, b.pk])
    return a, b


def test_date_outlet_kind_status_and_text(two):
    a, b = two
    assert article_ids({"start": "2024-04-01"}) == {b.pk}
    assert article_ids({"end": "2024-04-01"}) == {a.pk}
    assert article_ids({"outlet": a.outlet_id}) == {a.pk}
    assert article_ids({"outlet_kind": "independent"}) == {b.pk}
    assert article_ids({"status": "approved"}) == {a.pk}
    assert article_ids({"q": "strike"}) == {a.pk}
    assert article_ids({}) == {a.pk, b.pk}


def test_tag_and_category_count_confirmed_tags_unless_unreviewed_are_included(two):
    a, b = two
    tag = TagFactory(name="labour", slug="labour", category="frame")
    TaggedArticle.objects.create(content_object=a, tag=tag, status="confirmed")
    TaggedArticle.objects.create(content_object=b, tag=tag, status="suggested")
    assert article_ids({"tag": "labour"}, view={}) == {a.pk}
    assert article_ids({"category": "frame"}, view={}) == {a.pk}
    assert article_ids({"tag": "labour"}) == {a.pk, b.pk}
    assert article_ids({"category": "frame"}) == {a.pk, b.pk}


def test_person_and_quote_kind_apply_to_the_same_quote(two):
    a, b = two
    person = PersonFactory()
    direct = QuoteFactory(article=a, speaker=person, kind="direct")
    QuoteFactory(article=b, speaker=person, kind="indirect")
    other = QuoteFactory(article=b, kind="direct")
    assert article_ids({"person": person.pk}) == {a.pk, b.pk}
    assert article_ids({"person": person.pk, "quote_kind": "direct"}) == {a.pk}
    assert article_ids({"quote_kind": "direct"}) == {a.pk, b.pk}
    assert quote_ids({"person": person.pk, "quote_kind": "direct"}) == {direct.pk}
    assert quote_ids({"quote_kind": "direct", "outlet": b.outlet_id}) == {other.pk}


def test_rejected_quotes_do_not_count(two):
    a, _ = two
    person = PersonFactory()
    QuoteFactory(article=a, speaker=person, status="rejected")
    assert article_ids({"person": person.pk}) == set()
    assert quote_ids({}) == set()


def test_organization_matches_mentions_and_printed_roles(two):
    a, b = two
    organization = OrganizationFactory()
    RoleFactory(article=a, organization=organization)
    from monitoring.people.models import OrganizationMention

    OrganizationMention.objects.create(article=b, organization=organization)
    assert article_ids({"organization": organization.pk}) == {a.pk, b.pk}


@pytest.mark.parametrize("relation", ["organization", "tag", "person"])
def test_relation_filters_count_by_the_relations_status_in_articles_that_count(two, relation):
    """In the reviewed view a relation matches when confirmed and its article counts; the article's half of the
    rule is the filtered articles' own, so the relation's subquery reads no article (a join per matching row)."""
    approved, new = two
    tag = TagFactory(name="ports", slug="ports")
    organization, person = OrganizationFactory(), PersonFactory()
    make = {
        "organization": lambda article, status: RoleFactory(article=article, organization=organization, status=status),
        "tag": lambda article, status: TaggedArticle.objects.create(content_object=article, tag=tag, status=status),
        "person": lambda article, status: QuoteFactory(article=article, speaker=person, status=status),
    }[relation]
    value = {"organization": organization.pk, "tag": "ports", "person": person.pk}[relation]
    make(new, "confirmed")
    suggested = make(approved, "suggested")
    assert article_ids({relation: value}, view={}) == set()
    suggested.status = "confirmed"
    suggested.save()
    assert article_ids({relation: value}, view={}) == {approved.pk}
    assert article_ids({relation: value}) == {approved.pk, new.pk}
    sql = str(selectors.filters_bind({relation: value}).articles.qs.query)
    assert 'JOIN "articles_article"' not in sql


def test_country_mentioned(two):
    a, _ = two
    CountryMentionFactory(article=a, country=CountryFactory(code="SN", name="Senegal"))
    assert article_ids({"country": "SN"}) == {a.pk}


@pytest.mark.parametrize(
    "params",
    [{"outlet": "999999"}, {"start": "not a date"}, {"status": "bogus"}, {"person": "Nobody Atall"}, {"tag": "nope"}],
)
def test_a_filter_that_cannot_be_read_shows_why_and_no_rows_never_everything(two, client, analyst, params):
    filters = selectors.filters_bind({**params, **WIDE})
    assert set(params) <= set(filters.form.errors)
    assert not filters.articles.qs.exists() and not filters.quotes.qs.exists()
    client.force_login(analyst)
    for path in ("/", "/articles/", "/people/"):
        page = client.get(path, {**params, **WIDE})
        assert page.status_code == 200 and b'id="filter-errors"' in page.content, path
    listed = client.get("/articles/", {**params, **WIDE}).content.decode()
    assert two[0].headline not in listed and two[1].headline not in listed
    export = client.get("/export/articles.csv", {**params, **WIDE})
    assert export.status_code == 200 and len(b"".join(export.streaming_content).splitlines()) == 1  # the header only


def test_an_article_with_several_matching_quotes_is_listed_once(two):
    a, _ = two
    person = PersonFactory()
    QuoteFactory.create_batch(3, article=a, speaker=person)
    listed = selectors.filters_bind({"person": person.pk, **WIDE}).articles.qs.values_list("pk", flat=True)
    assert list(listed) == [a.pk]


def test_overview_defaults_to_the_30_days_up_to_the_newest_article(two):
    today = datetime.date(2024, 5, 10)
    context = selectors.overview_page(WIDE, today=today)
    assert (context["filters"].data["start"], context["filters"].data["end"]) == ("2024-04-02", "2024-05-01")
    # Only b, published 2024-05-01, on an axis of every week of the window (the empty ones as zero).
    assert context["charts"][0].series[0][1] == [0, 0, 0, 0, 1]


def test_overview_window_never_ends_after_today(two):
    context = selectors.overview_page({}, today=datetime.date(2024, 4, 15))
    assert context["filters"].data["end"] == "2024-04-15"


def test_pipeline_overdue_per_analyst_and_median(db, analyst):
    import datetime as dt

    from django.utils import timezone

    today = dt.date(2024, 6, 30)
    start = timezone.make_aware(dt.datetime(2024, 6, 1, 8))
    for hours in (2, 4, 10):
        ArticleFactory(
            status="approved",
            imported_at=start,
            approved_at=start + dt.timedelta(hours=hours),
            published_on=today,
            assignee=analyst,
            due_on=today - dt.timedelta(days=5),
        )
    ArticleFactory(status="in_analysis", assignee=analyst, due_on=today - dt.timedelta(days=1), published_on=today)
    ArticleFactory(status="new", due_on=today + dt.timedelta(days=1), published_on=today)
    context = selectors.overview_page({"start": "2024-06-01"}, today=today)
    assert context["overdue"] == 1  # approved ones are never overdue
    assert context["median_approval"] == dt.timedelta(hours=4)
    ana = next(row for row in context["assignees"] if row["assignee__username"] == "ana")
    assert (ana["open"], ana["overdue"], ana["approved"], ana["total"]) == (1, 1, 3, 4)
    assert dict(zip(context["pipeline"].labels, context["pipeline"].series[0][1]))["Approved"] == 3


def test_median_of_an_even_count_averages_the_middle_two(db):
    import datetime as dt

    from django.utils import timezone

    start = timezone.make_aware(dt.datetime(2024, 6, 1, 8))
    for hours in (1, 2, 4, 8):
        ArticleFactory(status="approved", imported_at=start, approved_at=start + dt.timedelta(hours=hours))
    from monitoring.articles.models import Article

    assert selectors.pipeline_median_approval(Article.objects.all()) == dt.timedelta(hours=3)


def test_person_and_organization_filters_take_a_name_or_an_id(db):
    from monitoring.people.models import PersonAlias

    person = PersonFactory(name="Ana de la Cruz")
    PersonAlias.objects.create(person=person, name="Ana Cruz-Ortega")
    article = ArticleFactory()
    QuoteFactory(article=article, speaker=person)
    QuoteFactory(article=ArticleFactory())
    for value in (str(person.pk), "ana DE la crúz", "Ana Cruz Ortega"):
        assert article_ids({"person": value}) == {article.pk}, value
    unknown = selectors.filters_bind({"person": "Nobody Atall"}).articles
    assert not unknown.is_valid() and "Nobody Atall" in str(unknown.errors)
