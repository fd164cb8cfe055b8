"""Rollups move with every write path, in the writer's transaction (a rollback leaves them as they were and still
equal to the raw rows); `rollups_rebuild` recomputes them; the pages read them in a fixed number of queries."""

import datetime
import math
import statistics
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.db.models import Sum

from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.core.workflow import ArticleStatus
from monitoring.ingest import services as ingest
from monitoring.ingest.selectors import keyword_rules
from monitoring.ingest.services import ImportOptions, units_import
from monitoring.ingest.sources import units_read
from monitoring.people.models import Organization, Person, Quote, Role
from monitoring.people.services import person_merge
from monitoring.review import services
from monitoring.rollups.models import (
    ArticleRollup,
    CountryRollup,
    OrganizationMonthRollup,
    OrganizationQuoteRollup,
    QuoteMonthRollup,
    QuoteRollup,
    RolledArticle,
    TagCategoryRollup,
    TagRollup,
)
from monitoring.rollups.selectors import month_after
from monitoring.rollups.services import rollups_rebuild, rollups_refresh
from tests.factories import TagFactory

from .helpers import assert_tables_fresh, figures, raw, table_rows
from .test_rollups_property import story

pytestmark = pytest.mark.django_db


def imported(tmp_path: Path, name: str = "a.txt", **kwargs) -> Article:
    arguments = {"outlet": 0, "day": 0, "speakers": [0, 1], "place": 0, "levies": True, "marker": name, **kwargs}
    path = tmp_path / name
    path.write_text(story(**arguments), encoding="utf-8")
    report = units_import(units_read([str(path)], keyword_rules=keyword_rules()), options=ImportOptions())
    assert not report.errors
    return Article.objects.get(source_name__endswith=name)


def total(table, field="n", **lookups) -> int:
    return table.objects.filter(**lookups).aggregate(s=Sum(field))["s"] or 0


def snapshot() -> list:
    return [table_rows(table) for table in (ArticleRollup, QuoteRollup, OrganizationQuoteRollup, TagRollup)]


@pytest.fixture
def article(tmp_path):
    TagFactory(name="Harbour levies", keywords="harbour levies")
    return imported(tmp_path)


def approved(article, analyst, reviewer) -> Article:
    services.article_claim(article=article, user=analyst)
    for kind in ("quotes", "roles", "tags"):
        services.suggestions_confirm_all(article=article, user=analyst, kind=kind)
    services.article_submit(article=article, user=analyst)
    return services.article_approve(article=article, user=reviewer)


def test_an_import_batch_writes_its_rollups(article):
    assert total(ArticleRollup, outlet=article.outlet, published_on=article.published_on) == 1
    assert total(QuoteRollup) == Quote.objects.count() > 0
    assert total(TagRollup) == 1 and total(TagCategoryRollup) == 1
    assert total(OrganizationQuoteRollup) > 0 and total(CountryRollup, "mentions") > 0
    assert total(QuoteRollup, "n_confirmed") == 0  # suggestions, not yet confirmed
    assert_tables_fresh()


def test_a_failed_import_batch_leaves_no_rollup(tmp_path, monkeypatch):
    def broken(ids):
        raise OperationalError("disk full")

    monkeypatch.setattr(ingest, "search_index_refresh", broken)
    path = tmp_path / "a.txt"
    path.write_text(story(outlet=0, day=0, speakers=[0], place=0, levies=True), encoding="utf-8")
    report = units_import(units_read([str(path)], keyword_rules=keyword_rules()), options=ImportOptions())
    assert report.errors and not Article.objects.exists()
    assert not ArticleRollup.objects.exists() and not RolledArticle.objects.exists()


def test_a_dry_run_leaves_no_rollup(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(story(outlet=0, day=0, speakers=[0], place=0, levies=True), encoding="utf-8")
    units_import(units_read([str(path)], keyword_rules=keyword_rules()), options=ImportOptions(dry_run=True))
    assert not Article.objects.exists() and not ArticleRollup.objects.exists()


def test_decisions_move_the_rollups_inside_their_transaction(article, analyst):
    services.article_claim(article=article, user=analyst)
    quote = Quote.objects.filter(article=article).first()
    before = snapshot()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.quote_confirm(quote=quote, user=analyst)
        # Before the commit, the rollup already says so: same transaction.
        assert total(QuoteRollup, "n_confirmed", speaker=quote.speaker) == 1
        raise RuntimeError("the caller's transaction fails later")
    assert snapshot() == before
    services.quote_reject(quote=quote, user=analyst)
    # A rejected quote counts in neither view.
    assert total(QuoteRollup, speaker=quote.speaker) == Quote.objects.kept().filter(speaker=quote.speaker).count()
    assert total(QuoteRollup, speaker=quote.speaker) == Quote.objects.filter(speaker=quote.speaker).count() - 1
    assert_tables_fresh()


def test_a_decision_that_fails_midway_changes_no_rollup(article, analyst, monkeypatch):
    services.article_claim(article=article, user=analyst)
    quote = Quote.objects.filter(article=article).first()
    before = snapshot()

    def broken(*args, **kwargs):
        raise RuntimeError("audit table unavailable")

    monkeypatch.setattr(services, "event_record", broken)
    with pytest.raises(RuntimeError):
        services.quote_confirm(quote=quote, user=analyst)  # the quote was saved, then the event failed
    assert snapshot() == before
    assert_tables_fresh()


def test_transitions_move_the_status_dimension(article, analyst, reviewer):
    approved(article, analyst, reviewer)
    assert set(ArticleRollup.objects.values_list("status", flat=True)) == {"approved"}
    assert total(QuoteRollup, "n_confirmed", status="approved") == Quote.objects.count()
    assert figures({}) == raw(figures, {})
    assert_tables_fresh()


def test_a_failed_transition_changes_no_rollup(article, analyst, monkeypatch):
    before = snapshot()
    monkeypatch.setattr(services.WorkflowEvent.objects, "create", lambda **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        services.article_claim(article=article, user=analyst)
    assert Article.objects.get().status == "new" and snapshot() == before


def test_an_edit_of_date_or_outlet_moves_the_article_between_buckets(article):
    day, outlet = article.published_on, article.outlet
    article.published_on = day + datetime.timedelta(days=3)
    article.outlet = Outlet.objects.create(name="River Gazette")
    article.save()  # the admin's way: one row saved, its signal refreshes
    assert not ArticleRollup.objects.filter(published_on=day, outlet=outlet).exists()
    assert total(ArticleRollup, published_on=article.published_on, outlet=article.outlet) == 1
    assert_tables_fresh()


def test_a_deleted_article_leaves_its_bucket(article):
    article.delete()
    for table in (ArticleRollup, QuoteRollup, OrganizationQuoteRollup, TagRollup, TagCategoryRollup, CountryRollup):
        assert not table.objects.exists(), table.__name__
    assert not RolledArticle.objects.exists()


def test_a_merge_of_persons_moves_their_quotes(article, editor):
    survivor, other = Person.objects.order_by("pk")[:2]
    person_merge(survivor=survivor, others=[other], user=editor)
    assert not QuoteRollup.objects.filter(speaker=other.pk).exists()
    assert total(QuoteRollup, speaker=survivor) == Quote.objects.filter(speaker=survivor).count() == 3
    assert_tables_fresh()


def test_a_tag_moved_to_another_category_moves_its_articles(article):
    tag = Tag.objects.get(name="Harbour levies")
    tag.category = "frame" if tag.category != "frame" else "topic"
    tag.save()
    assert list(TagCategoryRollup.objects.values_list("category", flat=True)) == [tag.category]
    assert_tables_fresh()


def test_a_deleted_organization_or_assignee_leaves_the_rollups(article, analyst):
    services.article_claim(article=article, user=analyst)
    Organization.objects.filter(pk__in=Role.objects.values("organization")).delete()  # roles: SET_NULL, no signal
    analyst.delete()  # assignee: SET_NULL, no signal
    assert not OrganizationQuoteRollup.objects.exists()
    assert_tables_fresh()


def test_the_all_time_totals_leave_undated_articles_out_of_a_dated_range(article, tmp_path):
    undated = imported(tmp_path, "b.txt", day=1, outlet=1, speakers=[2])
    undated.published_on = None
    undated.save()
    assert_tables_fresh()
    for params in ({"unreviewed": "on"}, {"unreviewed": "on", "end": "2031-12-31"}):
        found = figures(params)
        assert found == raw(figures, params)
        outlets = next(chart for chart in found["charts"] if chart[0] == "outlets")
        assert outlets[1] == [article.outlet.name]


def test_the_median_time_to_approval_counts_whole_minutes_in_the_rollups_as_in_the_articles(tmp_path, analyst):
    """Times to approval on either side of a minute's end, and one negative (re-imported after its approval),
    saved row by row as the admin does: the rollups follow each save, and the median read from their count per
    minute equals the one sorted from the articles and the one computed here, for odd and even counts."""
    durations = [
        datetime.timedelta(seconds=59, microseconds=999_999),  # 0 min
        datetime.timedelta(seconds=60),  # 1 min
        datetime.timedelta(minutes=3, seconds=59, microseconds=500_000),  # 3 min
        datetime.timedelta(seconds=-30),  # -1 min: rounded down, as both databases do
        datetime.timedelta(days=2, hours=3, minutes=4, seconds=59),
    ]
    articles = [imported(tmp_path, f"m{i}.txt", day=i % 3, outlet=i % 2) for i in range(len(durations))]
    for article, took in zip(articles, durations, strict=True):
        article.approved_at = article.imported_at + took  # the approval time alone changes
        article.save()
    assert_tables_fresh()

    def expected(durations):
        return datetime.timedelta(minutes=statistics.median(math.floor(d.total_seconds() / 60) for d in durations))

    for kept in (durations, durations[1:]):  # five, then four
        if len(kept) < len(durations):
            articles[0].delete()
            assert_tables_fresh()
        for params in ({"unreviewed": "on"}, {"unreviewed": "on", "start": "2024-05-07"}):
            found = figures(params)["median_approval"]
            assert found == raw(figures, params)["median_approval"]
        assert figures({"unreviewed": "on"})["median_approval"] == expected(kept)
    assert expected(durations[1:]) == datetime.timedelta(minutes=2)  # the mean of the middle two, 1 and 3


def test_rollups_rebuild_recomputes_everything(article, tmp_path, analyst, reviewer):
    imported(tmp_path, "b.txt", day=2, outlet=1, speakers=[2])
    approved(article, analyst, reviewer)
    fresh = snapshot()
    ArticleRollup.objects.update(n=99)
    QuoteRollup.objects.all().delete()
    QuoteMonthRollup.objects.update(n=77)
    OrganizationMonthRollup.objects.create(month=datetime.date(2024, 4, 1), organization_id=999, status="new", n=5)
    ArticleRollup.objects.create(published_on=datetime.date(2024, 4, 20), outlet_id=article.outlet_id, status="new")
    TaggedArticle.objects.update(status="confirmed")  # a write behind the rollups' back (QuerySet.update)
    out = StringIO()
    call_command("rollups_rebuild", "--days", "1", stdout=out)
    assert "Rollups rebuilt" in out.getvalue()
    assert_tables_fresh()
    assert snapshot()[:3] == fresh[:3]
    with pytest.raises(CommandError):
        call_command("rollups_rebuild", "--days", "0")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a flush would drop the roles
def test_a_rebuild_on_several_connections_recomputes_everything(tmp_path, analyst, reviewer):
    """Committed rows, ranges of one day computed two at a time (each on its own connection on PostgreSQL; SQLite
    takes them one by one): the same tables as computed fresh."""
    TagFactory(name="Harbour levies", keywords="harbour levies")
    approved(imported(tmp_path), analyst, reviewer)
    for day in (1, 2):
        imported(tmp_path, f"{day}.txt", day=day, outlet=day % 2, speakers=[day], water=True)
    for table in (ArticleRollup, QuoteRollup, TagRollup, QuoteMonthRollup):
        table.objects.update(n=99)
    out = StringIO()
    call_command("rollups_rebuild", "--days", "1", "--workers", "2", stdout=out)
    assert "Rollups rebuilt" in out.getvalue()
    assert_tables_fresh()
    with pytest.raises(CommandError):
        call_command("rollups_rebuild", "--workers", "0")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer at a time in")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("outlet", [0, 1], ids=["same bucket", "same month"])
def test_two_writers_of_one_bucket_or_month_take_turns(outlet, tmp_path):
    """The first writer has recomputed the bucket and the months and not yet committed when the second changes
    another article of the same bucket, or of the same month in another outlet: the second waits, then counts the
    first's rows once (without the locks it deleted only the bucket rows it could see and added its own beside the
    first's, or added its change to a month total read before the first's)."""
    first, second = (imported(tmp_path, f"{n}.txt", speakers=[n], outlet=n * outlet) for n in (0, 1))
    refreshed, errors = threading.Event(), []

    def write(article, *, wait: bool) -> None:
        try:
            with transaction.atomic():
                Article.objects.filter(pk=article.pk).update(status=ArticleStatus.IN_ANALYSIS)
                rollups_refresh([article.pk])
                refreshed.set()
                if wait:
                    time.sleep(1)  # the second writer starts meanwhile, and must wait for this commit
        except Exception as error:  # noqa: BLE001 - reported by the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(first,), kwargs={"wait": True})]
    threads.append(threading.Thread(target=lambda: refreshed.wait(5) and write(second, wait=False)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert total(ArticleRollup, status=ArticleStatus.IN_ANALYSIS) == 2
    assert_tables_fresh()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer at a time in")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_waits_for_a_writer_of_its_range(tmp_path):
    """A writer has recomputed its bucket and not yet committed when a rebuild reaches that range: the rebuild waits
    for the commit, then recomputes the range once (without the locks its DELETE missed the writer's new rows, which
    stayed beside its own)."""
    article = imported(tmp_path, speakers=[0, 1])
    imported(tmp_path, "other.txt", day=2, outlet=1, speakers=[2])
    refreshed, errors = threading.Event(), []

    def in_thread(work) -> None:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - reported by the test's thread
            errors.append(error)
        finally:
            connection.close()

    def write() -> None:
        with transaction.atomic():
            Article.objects.filter(pk=article.pk).update(status=ArticleStatus.IN_ANALYSIS)
            rollups_refresh([article.pk])
            refreshed.set()
            time.sleep(1)  # the rebuild starts meanwhile, and must wait for this commit

    threads = [
        threading.Thread(target=in_thread, args=(write,)),
        threading.Thread(target=in_thread, args=(lambda: refreshed.wait(5) and rollups_rebuild(workers=1),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert total(ArticleRollup) == 2 and total(ArticleRollup, status=ArticleStatus.IN_ANALYSIS) == 1
    assert_tables_fresh()


def test_populate_synthetic_ends_with_fresh_rollups(db):
    call_command("populate_synthetic", "--articles", "40", stdout=StringIO())
    assert ArticleRollup.objects.exists()
    assert_tables_fresh()


DAYS = "rollups_articledayrollup"
ALL_TIME = ("rollups_articletotalrollup", "rollups_approvaltotalrollup", DAYS)
# A range cut inside a month: every figure's day totals over every outlet (the time to approval its day and outlet
# rows), never the day and outlet rows of speakers, organizations, countries or tag categories.
CUT = ("rollups_quotedayrollup", "rollups_organizationdayrollup", "rollups_countrydayrollup", "rollups_approvalrollup")
CUT += ("rollups_tagcategorydayrollup", "rollups_quotekinddayrollup", "rollups_tagdayrollup", DAYS)
PER_OUTLET = ("rollups_quoterollup", "rollups_organizationquoterollup", "rollups_countryrollup")
PER_OUTLET += ("rollups_tagcategoryrollup",)


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize(
    "query, tables",
    [
        # A range holding every article (here in April and May 2024): the speakers, organizations, outlets and pipeline
        # come from the all-time totals, the articles over time from the day totals over every outlet.
        ("start=1900-01-01", ("rollups_quotetotalrollup", "rollups_organizationtotalrollup", *ALL_TIME)),
        ("start=2024-04-01&end=2024-05-31", ("rollups_quotetotalrollup", "rollups_organizationtotalrollup", *ALL_TIME)),
        # Whole months that leave articles out: the month totals.
        ("start=2024-06-01", ("rollups_quotemonthrollup", "rollups_organizationmonthrollup", DAYS)),
        ("start=2024-05-07", CUT),
        ("start=2024-05-07&end=2031-12-30", CUT),
    ],
)
def test_the_overview_reads_rollups_in_a_fixed_number_of_queries(
    size, query, tables, tmp_path, login, analyst, reviewer, django_assert_max_num_queries
):
    TagFactory(name="Harbour levies", keywords="harbour levies")
    for n in range(size):
        article = imported(tmp_path, f"s{n}.txt", day=n % 3, outlet=n % 2, speakers=[n % 3])
        approved(article, analyst, reviewer)
    client = login(analyst)
    with django_assert_max_num_queries(22) as captured:
        assert client.get(f"/?{query}").status_code == 200
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert all(table in sql for table in tables)
    assert not any(table in sql for table in PER_OUTLET)
    assert "people_quote" not in sql  # the figures come from the rollups, not from the quotes
    assert "approved_at" not in sql  # nor the time to approval from the articles


def test_a_decision_refreshes_its_bucket_in_a_bounded_number_of_queries(
    tmp_path, analyst, django_assert_max_num_queries
):
    for n in range(6):  # other buckets do not make a decision dearer
        imported(tmp_path, f"s{n}.txt", day=n % 3, outlet=n % 2)
    article = Article.objects.order_by("pk").first()
    services.article_claim(article=article, user=analyst)
    # A read and at most two writes per summary table the bucket changes, besides the day tables.
    with django_assert_max_num_queries(44):
        services.quote_confirm(quote=Quote.objects.filter(article=article).first(), user=analyst)


@pytest.mark.parametrize(
    ("day", "after"),
    [
        (datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 1)),
        (datetime.date(2024, 2, 29), datetime.date(2024, 3, 1)),
        (datetime.date(2026, 12, 15), datetime.date(2027, 1, 1)),
    ],
)
def test_month_after_is_the_first_day_of_the_next_month(day, after):
    assert month_after(day) == after


@pytest.mark.parametrize(
    "params, table",
    [
        # The coarsest table that answers: all-time totals, day totals over every outlet, day and outlet rows.
        ({}, "rollups_articletotalrollup"),
        ({"status": "new"}, "rollups_articletotalrollup"),
        ({"start": "2024-05-01", "end": "2024-12-31"}, "rollups_articledayrollup"),
        # An outlet: the all-time totals are kept per outlet, the day totals are not.
        ({"outlet": "OUTLET"}, "rollups_articletotalrollup"),
        ({"outlet": "OUTLET", "start": "2024-05-01"}, '"rollups_articlerollup"'),
        ({"q": "levies"}, None),  # a search counts its matches
        ({"tag": "TAG"}, None),  # a tag is no rollup dimension of the articles
    ],
)
def test_the_article_list_takes_its_count_from_the_rollups_when_they_can_answer(tmp_path, article, params, table):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.dashboards import selectors

    imported(tmp_path, "b.txt", day=2, outlet=1)
    if params.get("tag"):
        params = {"tag": Tag.objects.get(name="Harbour levies").slug}
    if params.get("outlet"):
        params = {**params, "outlet": str(article.outlet_id)}
    with CaptureQueriesContext(connection) as queries:
        page = selectors.article_list_page(params)["page_obj"]
        counted = page.paginator.count
    expected = selectors.filters_bind(params, scope=selectors.EVERY_ITEM).articles.qs.count()
    assert counted == expected > 0
    counts_articles = any(
        "COUNT(*)" in q["sql"] and 'FROM "articles_article"' in q["sql"] for q in queries.captured_queries
    )
    assert counts_articles is (table is None)
    assert table is None or any(table in q["sql"] and "SUM(" in q["sql"] for q in queries.captured_queries)


def test_a_tag_page_counts_its_articles_from_the_tag_rollups(tmp_path, article, analyst, reviewer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.dashboards import selectors

    approved(article, analyst, reviewer)
    tag = Tag.objects.get(name="Harbour levies")
    with CaptureQueriesContext(connection) as queries:
        counted = selectors.tag_page(tag, {})["page_obj"].paginator.count
    assert counted == raw(lambda: selectors.tag_page(tag, {})["page_obj"].paginator.count) == 1
    assert not any("COUNT(*)" in q["sql"] and 'FROM "articles_article"' in q["sql"] for q in queries.captured_queries)


def test_a_tag_page_reads_its_tags_speakers_and_countries_from_rollups_keyed_by_the_tag(tmp_path, analyst, reviewer):
    """Two tags on one article, one confirmed: the tag page's co-tags, speakers and countries come from the
    tag-keyed rollups in both views, equal to the raw rows' answers, and the reviewed view waits for the tag."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from monitoring.dashboards import selectors

    from .helpers import chart_data

    levies = TagFactory(name="Harbour levies", keywords="harbour levies")
    TagFactory(name="Water levels", keywords="water-level")
    article = imported(tmp_path, levies=True, water=True, speakers=[0, 1, 2])
    approved(article, analyst, reviewer)
    from monitoring.rollups.services import rollups_refresh

    def suggested(name):  # an update sends no signal: refresh as a writer would
        TaggedArticle.objects.filter(content_object=article, tag__name=name).update(status="suggested")
        rollups_refresh([article.pk])
        assert_tables_fresh()

    def page(params):
        return {c.key: chart_data(c) for c in selectors.tag_page(levies, {"start": "1900-01-01", **params})["charts"]}

    def rolled(params):
        """The page's chart labels, read without a raw quote or mention row, as the raw rows give them."""
        with CaptureQueriesContext(connection) as queries:
            found = page(params)
        touched = " ".join(q["sql"] for q in queries.captured_queries)
        assert "people_quote" not in touched and "articles_countrymention" not in touched
        assert found == raw(page, params)
        return {key: data[1] for key, data in found.items()}

    suggested("Water levels")
    every, reviewed = rolled({"unreviewed": "on"}), rolled({})
    assert every["tags"] == ["Water levels"] and len(every["speakers"]) == 3 and every["countries"]
    assert reviewed["tags"] == [] and reviewed["speakers"] == every["speakers"] and reviewed["countries"]
    suggested("Harbour levies")  # the page's own tag: nothing counts in the reviewed view until it is confirmed
    every, reviewed = rolled({"unreviewed": "on"}), rolled({})
    assert every["tags"] == ["Water levels"] and len(every["speakers"]) == 3 and every["countries"]
    assert reviewed["tags"] == reviewed["speakers"] == reviewed["countries"] == []


@pytest.mark.parametrize(
    "params, tables, not_read",
    [
        # Every dated article: the tag's all-time totals for its outlets and speakers, its days over every outlet.
        ({}, ("rollups_tagtotalrollup", "rollups_tagquotetotalrollup", "rollups_tagdayrollup"), "rollups_tagrollup"),
        # A range cut inside a month: the tag's days over every outlet, its speakers' day and outlet rows.
        ({"start": "2024-05-07"}, ("rollups_tagdayrollup", "rollups_tagquoterollup"), "rollups_tagtotalrollup"),
        # One outlet: the day and outlet rows.
        ({"outlet": "OUTLET"}, ("rollups_tagrollup", "rollups_tagquoterollup"), "rollups_tagdayrollup"),
    ],
)
def test_a_tag_page_reads_the_coarsest_tag_summary_that_answers(params, tables, not_read, tmp_path, analyst, reviewer):
    from django.test.utils import CaptureQueriesContext

    from monitoring.dashboards import selectors

    from .helpers import chart_data

    levies = TagFactory(name="Harbour levies", keywords="harbour levies")
    for n in range(4):
        approved(imported(tmp_path, f"t{n}.txt", day=n % 3, outlet=n % 2, speakers=[n % 3]), analyst, reviewer)
    imported(tmp_path, "t4.txt", day=1, outlet=1, speakers=[2])  # not reviewed: in one view only
    if "outlet" in params:
        params = {"outlet": str(Outlet.objects.order_by("pk").first().pk)}

    def page(view):
        found = selectors.tag_page(levies, {"start": "1900-01-01", **params, **view})
        return [chart_data(c) for c in found["charts"]], found["page_obj"].paginator.count

    for view in ({}, {"unreviewed": "on"}):
        with CaptureQueriesContext(connection) as queries:
            found = page(view)
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert all(table in sql for table in tables) and not_read not in sql
        assert found == raw(page, view)
        assert (
            found[1]
            == Article.objects.counted(unreviewed=bool(view))
            .filter(tagged_items__tag=levies, **({"outlet": params["outlet"]} if "outlet" in params else {}))
            .filter(published_on__gte=params.get("start", "1900-01-01"))
            .count()
            > 0
        )


def test_an_organization_page_lists_the_same_members_with_or_without_other_filters(tmp_path, analyst, reviewer):
    """With the organization alone chosen, its members are read from its counted roles without the IN over its
    articles; a filter that leaves every article in (a start before them all) takes the other path: the same list,
    in both views, with an article approved and one not, and a role rejected."""
    from monitoring.dashboards import selectors

    approved(imported(tmp_path, "a.txt", speakers=[0, 2]), analyst, reviewer)
    imported(tmp_path, "b.txt", day=1, outlet=1, speakers=[0, 2])
    rejected = Role.objects.filter(article__source_name__endswith="b.txt").order_by("pk").first()
    Role.objects.filter(pk=rejected.pk).update(status="rejected")
    for organization in Organization.objects.filter(roles__isnull=False).distinct():
        for view in ({}, {"unreviewed": "on"}):
            alone = selectors.organization_page(organization, view)["members"]
            assert alone == selectors.organization_page(organization, {"start": "1900-01-01", **view})["members"]
            assert alone or not view  # every organization has members in the every-item view


def test_summaries_kept_per_outlet_answer_an_outlet_filter(tmp_path, analyst, reviewer):
    """The all-time totals of articles, quote kinds and tags are kept per outlet: an outlet page and an overview filtered to
    an outlet read them (the day and month totals, over every outlet, they cannot), with the raw rows' answers."""
    from django.test.utils import CaptureQueriesContext

    from monitoring.dashboards import selectors

    from .helpers import chart_data

    TagFactory(name="Harbour levies", keywords="harbour levies")
    for n in range(4):
        approved(imported(tmp_path, f"o{n}.txt", day=n % 3, outlet=n % 2, speakers=[n % 3]), analyst, reviewer)
    imported(tmp_path, "o4.txt", day=1, outlet=0, speakers=[2])  # not reviewed: in one view only
    outlet = Outlet.objects.order_by("pk").first()

    def outlet_page(view):
        found = selectors.outlet_page(outlet, {"start": "1900-01-01", **view})
        return [chart_data(c) for c in found["charts"]], found["page_obj"].paginator.count

    def overview(view):
        return figures({"outlet": str(outlet.pk), **view})

    for view in ({}, {"unreviewed": "on"}):
        for page in (outlet_page, overview):
            with CaptureQueriesContext(connection) as queries:
                found = page(view)
            sql = " ".join(q["sql"] for q in queries.captured_queries)
            for table in ("quotekindtotalrollup", "articletotalrollup", "tagtotalrollup"):
                assert f"rollups_{table}" in sql, (page.__name__, table)
            assert found == raw(page, view)
    assert outlet_page({"unreviewed": "on"})[1] == Article.objects.filter(outlet=outlet).count() == 3
