"""Keeping the rollup tables equal to aggregates over the raw rows, in the transaction that changes the rows.

Not +1/-1 arithmetic: `rollups_refresh(article_ids)` finds the buckets (day of publication, outlet) those articles
are in now and were counted in before (`RolledArticle`), deletes those buckets' rows in every rollup table and
computes them again from the raw rows with one INSERT ... SELECT ... GROUP BY per table. A bucket holds a day's
articles of one outlet, so this is cheap, and right whatever the change was (a decision, a transition, an edit of
the date or outlet, a deletion, a re-import). The summary tables (totals per month, per day over every outlet,
over all time) then gain what the buckets' day rows gained and lose what they lost. On PostgreSQL a writer holds
a lock on each outlet's month and each summary period it rewrites until it commits, so two writers of the same
bucket (two import workers, two reviewers) take turns instead of counting rows twice (see `_lock`).

Writers either call `rollups_refresh` (the importer's batch) or let the signal receivers (`signals.py`) note the
articles whose rows they save; inside `rollups_deferred()` those are refreshed once, when the block ends inside
its transaction, rather than after each saved row.
"""

import datetime
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet, Sum

from monitoring.articles.models import Article, CountryMention, Outlet
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.core.db import statistics_refresh
from monitoring.people.models import Quote, SuggestionStatus

from .models import (
    ApprovalRollup,
    ApprovalTotalRollup,
    ArticleDayRollup,
    ArticleRollup,
    ArticleTotalRollup,
    CountryDayRollup,
    CountryMonthRollup,
    CountryRollup,
    Monthly,
    OrganizationDayRollup,
    OrganizationMonthRollup,
    OrganizationQuoteRollup,
    OrganizationTotalRollup,
    QuoteDayRollup,
    QuoteKindDayRollup,
    QuoteKindMonthRollup,
    QuoteKindTotalRollup,
    QuoteMonthRollup,
    QuoteRollup,
    QuoteTotalRollup,
    RolledArticle,
    TagCategoryDayRollup,
    TagCategoryMonthRollup,
    TagCategoryRollup,
    TagCountryMonthRollup,
    TagCountryRollup,
    TagDayRollup,
    TagMonthRollup,
    TagPairMonthRollup,
    TagPairRollup,
    TagQuoteRollup,
    TagQuoteTotalRollup,
    TagRollup,
    TagTotalRollup,
)

CONFIRMED = SuggestionStatus.CONFIRMED
# Outlets per DELETE or INSERT ... SELECT: SQLite refuses an expression deeper than 1000 terms.
OUTLETS_PER_STATEMENT = 200
IDS_PER_STATEMENT = 500
REBUILD_DAYS = 31  # days of coverage recomputed per transaction by `rollups_rebuild`


@dataclass(frozen=True)
class Source:
    """How one rollup table is computed: from which raw rows, through which path to their article, grouped by
    which of their columns (named as the table's columns, in order), with which aggregates."""

    table: type
    rows: Callable[[], QuerySet]
    article: str  # path from the raw row to its article ("" for articles)
    columns: tuple[tuple[str, str], ...]  # (rollup column, raw path)
    aggregates: Callable[[], dict]

    def select(self, where: Q) -> QuerySet:
        a = self.article
        keys = [f"{a}published_on", f"{a}outlet", f"{a}status", *(path for _, path in self.columns)]
        return self.rows().filter(where).order_by().values(*keys).annotate(**self.aggregates())

    def insert(self, where: Q) -> None:
        """INSERT INTO the table SELECT the aggregates of the raw rows `where` holds."""
        sql, params = self.select(where).query.sql_with_params()
        aggregates = list(self.aggregates())
        names = ["published_on", "outlet_id", "status", *(column for column, _ in self.columns), *aggregates]
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn(self.table._meta.db_table)} ({', '.join(qn(n) for n in names)}) {sql}", params
            )


def _confirmed(value=CONFIRMED) -> Q:
    return Q(status=value)


def _tagged(value, article="content_object__") -> Q:
    """The article's (other) tag row, joined by the source's filter, has this status."""
    return Q(**{f"{article}tagged_items__status": value})


SOURCES = (
    Source(
        ArticleRollup,
        lambda: Article.objects.all(),
        "",
        (("assignee_id", "assignee"),),
        lambda: {"n": Count("pk"), "n_confirmed": Count("pk")},
    ),
    Source(
        QuoteRollup,
        lambda: Quote.objects.kept(),
        "article__",
        (("speaker_id", "speaker"), ("kind", "kind")),
        lambda: {"n": Count("pk"), "n_confirmed": Count("pk", filter=_confirmed())},
    ),
    Source(
        OrganizationQuoteRollup,
        # One filter() call, so the conditions hold for the same role row (and the aggregates reuse its join).
        lambda: Quote.objects.kept().filter(
            speaker__roles__article=F("article"),
            speaker__roles__organization__isnull=False,
            speaker__roles__status__in=[SuggestionStatus.SUGGESTED, CONFIRMED],
        ),
        "article__",
        (("organization_id", "speaker__roles__organization"), ("speaker_id", "speaker")),
        lambda: {
            "n": Count("pk", distinct=True),
            "n_confirmed": Count("pk", distinct=True, filter=Q(status=CONFIRMED, speaker__roles__status=CONFIRMED)),
        },
    ),
    Source(
        TagRollup,
        lambda: TaggedArticle.objects.all(),
        "content_object__",
        (("tag_id", "tag"),),
        lambda: {"n": Count("pk"), "n_confirmed": Count("pk", filter=_confirmed(value=TagStatus.CONFIRMED))},
    ),
    Source(
        TagCategoryRollup,
        lambda: TaggedArticle.objects.all(),
        "content_object__",
        (("category", "tag__category"),),
        lambda: {
            "n": Count("content_object", distinct=True),
            "n_confirmed": Count("content_object", distinct=True, filter=_confirmed(value=TagStatus.CONFIRMED)),
        },
    ),
    Source(
        CountryRollup,
        lambda: CountryMention.objects.all(),
        "article__",
        (("country_id", "country"),),
        lambda: {"n": Count("article"), "n_confirmed": Count("article"), "mentions": Sum("count")},
    ),
    Source(
        ApprovalRollup,
        lambda: Article.objects.approval_minutes(),
        "",
        (("minutes", "approval_minutes"),),
        lambda: {"n": Count("pk"), "n_confirmed": Count("pk")},
    ),
    # Keyed by a tag: what its page shows of the articles carrying it.
    Source(
        TagPairRollup,
        # One filter() call, so both conditions are on the same other tag row (and the aggregates reuse its join).
        lambda: TaggedArticle.objects.filter(
            Q(content_object__tagged_items__tag__lt=F("tag")) | Q(content_object__tagged_items__tag__gt=F("tag"))
        ),
        "content_object__",
        (("tag_id", "tag"), ("other_id", "content_object__tagged_items__tag")),
        lambda: {
            "n": Count("pk"),
            "n_confirmed": Count("pk", filter=_confirmed(TagStatus.CONFIRMED) & _tagged(TagStatus.CONFIRMED)),
        },
    ),
    Source(
        TagQuoteRollup,
        lambda: Quote.objects.kept().filter(article__tagged_items__isnull=False),
        "article__",
        (("tag_id", "article__tagged_items__tag"), ("speaker_id", "speaker")),
        lambda: {
            "n": Count("pk"),
            "n_confirmed": Count("pk", filter=_confirmed() & _tagged(TagStatus.CONFIRMED, "article__")),
        },
    ),
    Source(
        TagCountryRollup,
        lambda: CountryMention.objects.filter(article__tagged_items__isnull=False),
        "article__",
        (("tag_id", "article__tagged_items__tag"), ("country_id", "country")),
        lambda: {
            "n": Count("article"),
            "n_confirmed": Count("article", filter=_tagged(TagStatus.CONFIRMED, "article__")),
            "mentions": Sum("count"),
            "mentions_confirmed": Sum("count", filter=_tagged(TagStatus.CONFIRMED, "article__"), default=0),
        },
    ),
)
TABLES = tuple(source.table for source in SOURCES)


@dataclass(frozen=True)
class Summed:
    """A summary table (see `rollups.models.Summary`) and the day table it sums per period, grouped by `columns`,
    summing the day table's columns of the same names as the summary's other columns (`sums`). A writer adds to its
    rows what the day rows it recomputed gained or lost (`changes`, `add`): re-summing a month of every speaker or
    kind for each bucket cost more than the rest of the refresh."""

    table: type
    days: type
    columns: tuple[str, ...]

    @property
    def sums(self) -> tuple[str, ...]:
        return tuple(f.attname for f in self.table._meta.concrete_fields if f.attname not in {"id", *self.keys})

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns a summary row is found by, as named on both tables (the period stands for the day)."""
        return (self.table.period, "status", *(self.table._meta.get_field(c).attname for c in self.columns))

    def changes(self, before: list[dict], after: list[dict], into: dict) -> None:
        """Add to `into` ((period, status, *columns) -> a change per summed column) what the summary rows gain when
        the day rows `before` become `after`."""
        sums = self.sums
        for rows, sign in ((after, 1), (before, -1)):
            for row in rows:
                key = (self.table.period_of(row["published_on"]), *(row[name] for name in self.keys[1:]))
                change = into.setdefault(key, [0] * len(sums))
                for i, name in enumerate(sums):
                    change[i] += sign * row[name]

    def add(self, changes: dict) -> None:
        """Apply `changes` (see `changes`) to the summary rows, a group of keys per statement: a row a key lacks is
        created, a row left with no item (`n` is 0: every day row counts one at least) is deleted. The caller
        holds the periods' locks (`_lock`), so the rows read here are the ones this transaction rewrites."""
        keys, sums = self.keys, self.sums
        counted = sums.index("n")
        changed = sorted((key for key, change in changes.items() if any(change)), key=repr)
        for i in range(0, len(changed), OUTLETS_PER_STATEMENT):
            chunk = changed[i : i + OUTLETS_PER_STATEMENT]
            where = Q(pk__in=[])
            for key in chunk:
                where |= Q(**dict(zip(keys, key, strict=True)))
            rows = self.table.objects.filter(where).values_list(*keys, *sums, "pk")
            found = {row[: len(keys)]: (row[len(keys) : -1], row[-1]) for row in rows}
            created, updated, gone = [], [], []
            for key in chunk:
                old, pk = found.get(key, ([0] * len(sums), None))
                values = [a + b for a, b in zip(old, changes[key], strict=True)]
                row = self.table(pk=pk, **dict(zip(keys, key, strict=True)), **dict(zip(sums, values, strict=True)))
                if values[counted] <= 0:
                    gone += [pk] if pk else []
                else:
                    (updated if pk else created).append(row)
            self.table.objects.filter(pk__in=gone).delete()
            self.table.objects.bulk_update(updated, sums)
            self.table.objects.bulk_create(created)

    def insert(self, where: Q) -> None:
        """INSERT INTO the summary table SELECT the day table's rows `where` holds, summed per period."""
        rows = (
            self.days.objects.filter(where)
            .order_by()
            .annotate(period=self.table.period_expression())
            .values("period", "status", *self.columns)
            .annotate(**{f"{name}_sum": Sum(name) for name in self.sums})
            .values_list("period", "status", *self.columns, *(f"{name}_sum" for name in self.sums))
        )
        sql, params = rows.query.sql_with_params()
        names = [*self.keys, *self.sums]
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn(self.table._meta.db_table)} ({', '.join(qn(n) for n in names)}) {sql}", params
            )

    def rebuild(self) -> None:
        self.table.objects.all().delete()
        self.insert(~Q(pk__in=[]))


SUMMARIES = (
    Summed(QuoteMonthRollup, QuoteRollup, ("speaker", "kind")),
    Summed(QuoteKindMonthRollup, QuoteRollup, ("kind",)),
    Summed(OrganizationMonthRollup, OrganizationQuoteRollup, ("organization",)),
    Summed(TagMonthRollup, TagRollup, ("tag",)),
    Summed(TagCategoryMonthRollup, TagCategoryRollup, ("category",)),
    Summed(CountryMonthRollup, CountryRollup, ("country",)),
    Summed(TagPairMonthRollup, TagPairRollup, ("tag", "other")),
    Summed(TagCountryMonthRollup, TagCountryRollup, ("tag", "country")),
    Summed(ArticleDayRollup, ArticleRollup, ()),
    Summed(ArticleTotalRollup, ArticleRollup, ("outlet", "assignee")),
    Summed(QuoteTotalRollup, QuoteRollup, ("speaker",)),
    Summed(OrganizationTotalRollup, OrganizationQuoteRollup, ("organization",)),
    Summed(ApprovalTotalRollup, ApprovalRollup, ("minutes",)),
    Summed(TagDayRollup, TagRollup, ("tag",)),
    Summed(QuoteKindDayRollup, QuoteRollup, ("kind",)),
    Summed(QuoteKindTotalRollup, QuoteRollup, ("outlet", "kind")),
    Summed(TagTotalRollup, TagRollup, ("tag", "outlet")),
    Summed(TagQuoteTotalRollup, TagQuoteRollup, ("tag", "speaker")),
    Summed(QuoteDayRollup, QuoteRollup, ("speaker",)),
    Summed(OrganizationDayRollup, OrganizationQuoteRollup, ("organization",)),
    Summed(CountryDayRollup, CountryRollup, ("country",)),
    Summed(TagCategoryDayRollup, TagCategoryRollup, ("category",)),
)


# Buckets ----------------------------------------------------------------------------------------------------


def _buckets_where(days_by_outlet: dict, prefix: str) -> Q:
    """Rows (reached from their article through `prefix`) in the given days of each outlet; never empty-handed:
    with no bucket it matches nothing."""
    where = Q(pk__in=[])
    for outlet, days in days_by_outlet.items():
        if dated := sorted(day for day in days if day is not None):
            where |= Q(**{f"{prefix}outlet_id": outlet, f"{prefix}published_on__in": dated})
        if None in days:
            where |= Q(**{f"{prefix}outlet_id": outlet, f"{prefix}published_on__isnull": True})
    return where


def _recompute(where: Callable[[str], Q], tables: Iterable[type] = TABLES, summaries: dict | None = None) -> None:
    """Delete the rollup rows `where("")` matches and compute them again from the raw rows `where(path)` matches
    (`path` leads from a raw row to its article), in `tables`, adding to `summaries` (a `Summed` -> its changes;
    none for a rebuild, which sums the summary tables once, at its end) what their summaries gain or lose."""
    for source in SOURCES:
        if source.table in tables:
            sums = [m for m in SUMMARIES if summaries is not None and m.days is source.table]
            rows = source.table.objects.filter(where(""))
            before = list(rows.values()) if sums else []
            rows.delete()
            source.insert(where(source.article))
            if sums:
                after = list(rows.values())
                for m in sums:
                    m.changes(before, after, summaries.setdefault(m, {}))


def summaries_add(summaries: dict) -> None:
    """Apply the summaries' changes gathered by `_recompute`, holding the locks of the periods they touch."""
    _lock((-1 - SUMMARIES.index(m), _ordinal(key[0])) for m, changes in summaries.items() for key in changes)
    for m, changes in summaries.items():
        m.add(changes)


def _lock(keys: Iterable[tuple[int, int]]) -> None:
    """Hold PostgreSQL's advisory locks on these pairs until the transaction ends, taken in one order (two writers
    never wait for each other in a circle): a second writer of the same bucket or month waits for the first to
    commit, then reads what it wrote, so neither's rows are counted twice or lost. Buckets are locked by (outlet,
    month), summaries by (-1 - their table's place in SUMMARIES, period); see `_ordinal`. SQLite has one writer at
    a time."""
    keys = sorted(set(keys))
    if connection.vendor != "postgresql" or not keys:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(a, b)) FROM unnest(%s::int[], %s::int[]) AS k(a, b)",
            [[a for a, _ in keys], [b for _, b in keys]],
        )


def _ordinal(period) -> int:
    """A period as a lock's number: a day's ordinal, 0 when undated (a boolean period is 0 or 1)."""
    return period.toordinal() if isinstance(period, datetime.date) else int(period or 0)


def _bucket_locks(keys: Iterable[tuple]) -> Iterable[tuple[int, int]]:
    """A lock per outlet and month rather than per bucket: fewer locks to hold (PostgreSQL's lock table is shared and
    bounded) for a batch spread over many days, at the price of two writers of one outlet's month taking turns."""
    return ((outlet, _ordinal(Monthly.period_of(day))) for day, outlet in keys)


def buckets_refresh(keys: Iterable[tuple], tables: Iterable[type] = TABLES, summaries: dict | None = None) -> None:
    """Recompute the (day, outlet) buckets `keys` in `tables`, a group of outlets per statement (SQLite refuses an
    expression deeper than 1000 terms), and their summaries (or add those to `summaries`, for the caller to apply
    with `summaries_add`)."""
    keys = set(keys)
    _lock(_bucket_locks(keys))
    days = defaultdict(set)
    for day, outlet in keys:
        days[outlet].add(day)
    outlets = sorted(days)
    gathered = {} if summaries is None else summaries
    for i in range(0, len(outlets), OUTLETS_PER_STATEMENT):
        chunk = {outlet: days[outlet] for outlet in outlets[i : i + OUTLETS_PER_STATEMENT]}
        _recompute(lambda prefix, chunk=chunk: _buckets_where(chunk, prefix), tables, gathered)
    if summaries is None:
        summaries_add(gathered)


# What places an article's rows in the rollups (its import and approval times: its time to approval).
ROLLED = ("published_on", "outlet_id", "status", "assignee_id", "imported_at", "approved_at")


def rollups_refresh(changes: "Iterable[int] | dict") -> None:
    """Bring the rollups of these articles' buckets, old and new, in line with the raw rows (call inside the
    transaction that changed them). `changes` maps an article id to the tables its changed rows feed (all of them
    for a plain list of ids); an article whose date, outlet, status, assignee, import or approval time changed
    (`ROLLED`), or that is new or gone, is recomputed in every table, for its old bucket and its new one. An empty
    set of tables means "the article row itself": nothing to do unless one of those changed."""
    if not isinstance(changes, dict):
        changes = dict.fromkeys(changes, TABLES)
    ids = sorted(int(pk) for pk in changes if pk is not None)
    keys = defaultdict(set)  # table -> buckets
    for i in range(0, len(ids), IDS_PER_STATEMENT):
        chunk = ids[i : i + IDS_PER_STATEMENT]
        before = {
            row[0]: row[1:]
            for row in RolledArticle.objects.filter(article_id__in=chunk).values_list("article_id", *ROLLED)
        }
        now = {row[0]: row[1:] for row in Article.objects.filter(pk__in=chunk).values_list("pk", *ROLLED)}
        moved = [pk for pk in chunk if before.get(pk) != now.get(pk)]
        for pk in chunk:
            for table in TABLES if pk in moved else changes[pk]:
                keys[table].update(place[:2] for place in (before.get(pk), now.get(pk)) if place)
        if moved:
            RolledArticle.objects.filter(article_id__in=moved).delete()
            RolledArticle.objects.bulk_create(
                [RolledArticle(article_id=pk, **dict(zip(ROLLED, now[pk], strict=True))) for pk in moved if pk in now]
            )
    _lock(_bucket_locks(set().union(*keys.values())))  # every bucket first, in one order
    summaries = {}
    for table, buckets in keys.items():
        buckets_refresh(buckets, (table,), summaries)
    summaries_add(summaries)


def rollups_refresh_where(table, tables: Iterable[type] = TABLES, **lookups) -> None:
    """Recompute, in `tables`, every bucket in which `table` has rows matching `lookups` (a tag whose category
    changed, a person merged away, a deleted organization: rows that name them, wherever they are)."""
    keys = set(table.objects.filter(**lookups).values_list("published_on", "outlet_id").distinct())
    buckets_refresh(keys, tables)


# Deferring refreshes to the end of a unit of work -----------------------------------------------------------

_local = threading.local()


def _pending() -> list[dict]:
    if not hasattr(_local, "stack"):
        _local.stack = []
    return _local.stack


def articles_changed(article_ids: Iterable[int], tables: Iterable[type] = TABLES) -> None:
    """Rows counted for these articles, feeding `tables`, were written or deleted: refresh now, or when the
    deferring block ends (see `rollups_refresh` for an empty `tables`)."""
    stack = _pending()
    changes = {pk: frozenset(tables) for pk in article_ids}
    if stack:
        _merge(stack[-1], changes)
    else:
        rollups_refresh(changes)


def _merge(into: dict, changes: dict) -> None:
    for pk, tables in changes.items():
        into[pk] = into.get(pk, frozenset()) | tables


@contextmanager
def rollups_deferred():
    """Collect the articles changed inside the block and refresh them once at its end (inside the caller's
    transaction); nested blocks hand theirs to the outermost. On an error nothing is refreshed: use it inside
    the transaction.atomic() that the error rolls back (see `rollups_atomic`)."""
    stack = _pending()
    stack.append({})
    try:
        yield
    except BaseException:
        changed = stack.pop()
        if stack:  # an outer block may still commit: recomputing from the raw rows is right either way
            _merge(stack[-1], changed)
        raise
    changed = stack.pop()
    if stack:
        _merge(stack[-1], changed)
    elif not connection.needs_rollback:  # a dry run marked for rollback: nothing of it stays
        rollups_refresh(changed)


@contextmanager
def rollups_atomic():
    """`transaction.atomic()` whose changed articles' rollups are refreshed once, before it commits."""
    with transaction.atomic(), rollups_deferred():
        yield


# Rebuild ----------------------------------------------------------------------------------------------------


def rollups_rebuild(
    *,
    days: int = REBUILD_DAYS,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    summaries: Iterable[Summed] = SUMMARIES,
) -> int:
    """Recompute every rollup from the raw rows, one range of `days` publication days per transaction (memory and
    locks stay bounded at any size), then undated articles, then the summaries from the day tables (one
    INSERT ... SELECT per summary table); returns the number of ranges done. Rows for days no article has any more
    are deleted on the way. On PostgreSQL `workers` ranges (default: one per CPU) are computed at once, each on
    its own connection: the ranges share no row, and the database does the work on as many cores; SQLite takes
    one writer at a time. A range holds the locks of its outlets' months, and the summaries' step locks their
    tables, so writers meanwhile (imports, reviews, another rebuild) take turns with it rather than count twice.
    `summaries`: the summary tables to sum (a migration sums those its database has)."""
    bounds = [
        Article.objects.aggregate(first=Min("published_on"), last=Max("published_on")),
        ArticleRollup.objects.aggregate(first=Min("published_on"), last=Max("published_on")),
    ]
    firsts = [b["first"] for b in bounds if b["first"]]
    lasts = [b["last"] for b in bounds if b["last"]]
    ranges: list[tuple] = []
    if firsts:
        day, last = min(firsts), max(lasts)
        while day <= last:
            ranges.append((day, day + datetime.timedelta(days=days)))
            day += datetime.timedelta(days=days)
    ranges.append((None, None))
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        workers = 1  # inside the caller's transaction, every range must be in it too
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        for first, stop in ranges:
            _range_rebuild(first, stop, progress)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(lambda bounds: _range_rebuild(*bounds, progress, close=True), ranges))
    statistics_refresh([m._meta.db_table for m in (*TABLES, RolledArticle)])
    summaries_rebuild(summaries)  # from the day tables now rebuilt
    if progress:
        progress("summaries")
    return len(ranges)


def summaries_rebuild(summaries: Iterable[Summed] = SUMMARIES) -> None:
    """Sum the summary tables again from their day tables, in one transaction that keeps writers out of them: the
    last step of a rebuild, and all a migration adding a summary table needs once the day tables are filled."""
    summaries = list(summaries)
    with transaction.atomic():
        _summaries_lock(summaries)
        for summed in summaries:
            summed.rebuild()
    statistics_refresh([m.table._meta.db_table for m in summaries])


def _range_rebuild(first, stop, progress, *, close: bool = False) -> None:
    """One range of days in every day table, in one transaction; `close`: the thread's connection after it."""
    try:
        with transaction.atomic():
            _lock(_range_locks(first, stop))
            _recompute(lambda prefix: _range(prefix, first, stop))
            _rolled_rebuild(first, stop)
        if progress:
            progress(f"{first or 'undated'} – {stop or ''}")
    finally:
        if close:
            connection.close()


def _range_locks(first, stop) -> Iterable[tuple[int, int]]:
    """The bucket locks (see `_bucket_locks`) of every outlet's months in the range: a rebuild and a writer of the
    same buckets take turns (else the writer's uncommitted rows, invisible to the rebuild's DELETE, are counted
    again beside what the rebuild computes once the writer has committed)."""
    days = [None] if first is None else [first + datetime.timedelta(days=d) for d in range((stop - first).days)]
    months = {Monthly.period_of(day) for day in days}
    outlets = Outlet.objects.values_list("pk", flat=True)
    return _bucket_locks((month, outlet) for outlet in outlets for month in months)


def _summaries_lock(summaries: list[Summed]) -> None:
    """Keep writers out of the summary tables while they are rebuilt (PostgreSQL): a writer then adds its changes to
    the rebuilt rows once the rebuild commits, or the rebuild waits for the writer's commit and sums its day rows."""
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m.table._meta.db_table) for m in summaries)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")


def _range(prefix: str, first, stop) -> Q:
    if first is None:
        return Q(**{f"{prefix}published_on__isnull": True})
    return Q(**{f"{prefix}published_on__gte": first, f"{prefix}published_on__lt": stop})


def _rolled_rebuild(first, stop) -> None:
    """The articles' buckets as now computed (deleted articles' rows go: their buckets have just been redone)."""
    RolledArticle.objects.filter(_range("", first, stop)).delete()
    rows = Article.objects.filter(_range("", first, stop)).order_by().values("pk", *ROLLED)
    sql, params = rows.query.sql_with_params()
    qn = connection.ops.quote_name
    columns = ", ".join(qn(name) for name in ("article_id", *ROLLED))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {qn(RolledArticle._meta.db_table)} ({columns}) {sql}", params)
