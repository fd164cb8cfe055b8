"""Full-text search over articles: headline, body, photo captions and quote text.

SQLite uses an FTS5 virtual table ranked by bm25(); PostgreSQL a table with a generated, GIN-indexed
tsvector (the stored form of a weighted `SearchVector`: headline A, captions B, quotes C, body D) searched
with `django.contrib.postgres.search`: a websearch `SearchQuery`, `SearchRank` and `SearchHeadline`. Both
tables are called `dashboards_article_fts`, keyed by `rowid` (the article id), so `ArticleSearchIndex` joins
articles to either and only the SQL of the match, the rank and the snippet differs per database.

A page of hits (`search_page`) costs the same whatever the number of matches on PostgreSQL: a word found in
nearly every article would otherwise be counted and ranked over the whole archive on every page. There the
`SEARCH_RANKED_MATCHES` (1,000) most recently added matches are ranked and paged, the count stops one past them
(the page says "more than 1,000"), and snippets are made for the page's rows only. SQLite ranks and counts every
match.

The index is kept in step two ways: the import pipeline calls `search_index_refresh(ids)` after its
bulk writes (which skip signals), and the signal handlers at the bottom refresh an article on commit
whenever it, one of its quotes or one of its photos is saved or deleted (admin and review edits).
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.postgres import search as postgres
from django.core.paginator import Page, Paginator
from django.db import DatabaseError, DataError, NotSupportedError, connection, connections, models, transaction
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TABLE = "dashboards_article_fts"
PG_CONFIG = "english"
CHUNK = 500

# Snippets are marked with private-use characters, escaped as a whole, and only then turned into
# <mark> tags: article text is untrusted, so nothing from it may reach the page unescaped. The
# characters are stripped from indexed text, so an article cannot forge a marker either.
MARK_START, MARK_STOP = "\ue000", "\ue001"
_MARKERS = str.maketrans("", "", MARK_START + MARK_STOP)

# Column weights, in table order: headline, body, captions, quotes.
BM25_WEIGHTS = "10.0, 1.0, 3.0, 2.0"
PG_HEADLINE_OPTIONS = {
    "start_sel": MARK_START,
    "stop_sel": MARK_STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
# Hits of equal rank: newest first (the model's default order).
NEWEST = ("-published_on", "-pk")

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def fts5_query(text: str) -> str:
    """Translate what an analyst types into a safe FTS5 query.

    The grammar of PostgreSQL's websearch_to_tsquery: words must all match, "quoted words" match as a phrase,
    -word excludes, and `OR` between two terms matches either (`water OR flood relief` is (water or flood) and
    relief). Each term is re-quoted from its word characters only, so user input can never inject FTS5 syntax
    (column filters, NEAR, stray quotes that raise errors).
    """
    clauses: list[list[str]] = []  # AND of ORs
    negatives: list[str] = []
    either = False  # the previous token was OR
    for match in _TERM.finditer(text):
        if match.group(4) == "OR" and not match.group(3):
            either = bool(clauses)
            continue
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        words = re.findall(r"\w+", raw)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if negated:
            negatives.append(term)
        elif either:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        either = False
    if not clauses:
        return ""
    positives = [terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")" for terms in clauses]
    return " ".join(positives) + "".join(f" NOT {term}" for term in negatives)


class SearchDocumentField(models.TextField):
    """The column a full-text `match` lookup runs against; see `ArticleSearchIndex.document`."""


@SearchDocumentField.register_lookup
class SearchMatch(models.Lookup):
    lookup_name = "match"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # An empty FTS5 query is a syntax error; "no searchable words" simply matches nothing.
        query = fts5_query(self.rhs)
        if not query:
            return "0 = 1", []
        return f"{lhs} MATCH %s", [*lhs_params, query]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(pg_query(self.rhs).resolve_expression(compiler.query))
        return f"{lhs} @@ {rhs}", [*lhs_params, *rhs_params]


def pg_query(text: str) -> postgres.SearchQuery:
    """What an analyst types, read by PostgreSQL's websearch grammar (words, "phrases", -word, OR)."""
    return postgres.SearchQuery(text, config=PG_CONFIG, search_type="websearch")


class SearchRank(models.Func):
    """Relevance of an article to a query, higher is better (bm25 is negated to agree with ts_rank)."""

    output_field = models.FloatField()

    def __init__(self, document, query: str):
        self.query = query
        super().__init__(document)

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")

    def as_sqlite(self, compiler, connection, **extra):
        document, params = compiler.compile(self.source_expressions[0])
        return f"-bm25({document}, {BM25_WEIGHTS})", params

    def as_postgresql(self, compiler, connection, **extra):
        rank = postgres.SearchRank(self.source_expressions[0], pg_query(self.query))
        return compiler.compile(rank.resolve_expression(compiler.query))


def articles_search(queryset: models.QuerySet, text: str) -> models.QuerySet:
    """Articles matching `text`, annotated with `search_rank` and ordered best first."""
    return (
        queryset.filter(search_index__document__match=text)
        .annotate(search_rank=SearchRank(models.F("search_index__document"), text))
        .order_by("-search_rank", *NEWEST)
    )


def ranked_matches_limit(using: str) -> int | None:
    """How many matches a page of hits ranks (the most recently added): `SEARCH_RANKED_MATCHES` on PostgreSQL,
    every match on SQLite (whose archives stay small)."""
    if connections[using].vendor != "postgresql":
        return None
    return settings.SEARCH_RANKED_MATCHES


class SearchPaginator(Paginator):
    """Pages of ranked hits whose cost does not grow with the number of matches, when `limit` is set.

    Ranking needs every candidate's tsvector, and an exact count visits every match: for a word in most articles
    both grow with the archive. With a limit, only the `limit` most recently added matches are ranked and paged
    (`candidates`), and the count stops at one past the limit; `more` then says there are more matches than
    `count`, which the page shows as "more than 1,000", with the advice to narrow by date or words to reach older
    ones.

    Most recently added (highest id) rather than latest published: PostgreSQL then walks the article and index
    tables' primary keys side by side, in storage order, and stops after `limit` matches, a few milliseconds even
    for a word found in one article in ten. Walking the publication dates instead probes the index table at random
    for every article passed over (ten times slower where dates and import order differ, as in synthetic data).
    Articles are imported as they are published, so the two orders mostly agree; a filter on dates reaches the
    rest.
    """

    def __init__(self, hits: models.QuerySet, per_page: int, *, limit: int | None = None):
        self.limit, self.matches = limit, hits
        if limit is not None:
            candidates = hits.order_by("-pk").values("pk")[:limit]
            hits = hits.filter(pk__in=candidates)
        super().__init__(hits, per_page)

    @cached_property
    def found(self) -> int:
        """The matches counted up to one past the limit (all of them without a limit)."""
        if self.limit is None:
            return super().count
        return self.matches.order_by().values("pk")[: self.limit + 1].count()

    @cached_property
    def count(self) -> int:
        return self.found if self.limit is None else min(self.found, self.limit)

    @property
    def more(self) -> bool:
        """Whether more articles match than are ranked and paged."""
        return self.limit is not None and self.found > self.limit


class SnippetedHits(Sequence):
    """A page's hits, read with their snippets the first time they are looked at: a page of rows served from the
    fragment cache (see `figures_fragment`) runs neither query."""

    def __init__(self, hits: models.QuerySet, text: str):
        self.hits, self.text = hits, text

    @cached_property
    def rows(self) -> list:
        rows = list(self.hits)
        snippets = search_snippets(self.text, [article.pk for article in rows])
        for article in rows:
            article.snippet = snippets.get(article.pk, "")
        return rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]


def search_page(hits: models.QuerySet, text: str, number, per_page: int) -> Page:
    """A page of `articles_search` hits, each with its `snippet`: a count, the page and the snippets of its rows,
    in a fixed number of queries whatever the number of matches (the rows and snippets once the page is read)."""
    paginator = SearchPaginator(hits, per_page, limit=ranked_matches_limit(hits.db))
    page = paginator.get_page(number)
    page.object_list = SnippetedHits(page.object_list, text)
    return page


def search_snippets(text: str, article_ids: Iterable[int]) -> dict[int, SafeString]:
    """Highlighted, HTML-safe passages of the given articles that match `text`: one query for a page of hits."""
    ids = [int(pk) for pk in article_ids]
    if not ids or not text.strip():
        return {}
    if connection.vendor == "postgresql":
        return _pg_snippets(text, ids)
    if connection.vendor != "sqlite":
        raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")
    query = fts5_query(text)
    if not query:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({TABLE}, -1, %s, %s, '…', 24) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})",
            [MARK_START, MARK_STOP, query, *ids],
        )
        return {pk: snippet_html(snippet) for pk, snippet in cursor.fetchall()}


def _pg_snippets(text: str, ids: list[int]) -> dict[int, SafeString]:
    from .models import ArticleSearchIndex

    passages = models.Func(
        models.Value(" … "), "headline", "body", "captions", function="concat_ws", output_field=models.TextField()
    )
    rows = ArticleSearchIndex.objects.filter(pk__in=ids).annotate(
        snippet=postgres.SearchHeadline(passages, pg_query(text), config=PG_CONFIG, **PG_HEADLINE_OPTIONS)
    )
    return {pk: snippet_html(snippet) for pk, snippet in rows.values_list("pk", "snippet")}


def snippet_html(snippet: str) -> SafeString:
    """Escape a marked snippet, then turn only our own markers into <mark> tags."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


# Writing the index ------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return (text or "").translate(_MARKERS)


def search_documents(article_ids: list[int], *, Article=None, Quote=None, Photo=None) -> list[tuple]:
    """(id, headline, body, captions, quotes) for the existing ones of `article_ids`, in three queries.

    The model classes are parameters so the migration can index with its historical models.
    """
    if Article is None:
        from monitoring.articles.models import Article
        from monitoring.people.models import Quote
        from monitoring.photos.models import Photo

    captions, quotes = defaultdict(list), defaultdict(list)
    photos = Photo.objects.filter(article_id__in=article_ids).order_by("article_id", "order", "pk")
    for article_id, caption, credit in photos.values_list("article_id", "caption", "credit"):
        captions[article_id].append(" ".join(part for part in (caption, credit) if part))
    kept = Quote.objects.filter(article_id__in=article_ids).exclude(status="rejected").order_by("article_id", "start")
    for article_id, text in kept.values_list("article_id", "text"):
        quotes[article_id].append(text)
    articles = Article.objects.filter(pk__in=article_ids).order_by().values_list("pk", "headline", "body")
    return [
        (pk, _clean(headline), _clean(body), _clean("\n".join(captions[pk])), _clean("\n".join(quotes[pk])))
        for pk, headline, body in articles
    ]


def search_index_refresh(article_ids: Iterable[int], **models_) -> None:
    """Re-index these articles from the database (and drop deleted ones); call after bulk writes.

    Cost is a handful of queries per 500 articles, whatever the batch size. Runs in the caller's transaction, so an
    import's articles and their search rows commit together. Never raises for an article's text: one past the
    engine's limit is indexed by its leading part.
    """
    ids = sorted({int(pk) for pk in article_ids})
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        documents = search_documents(chunk, **models_)
        placeholders = ", ".join(["%s"] * len(chunk))
        with transaction.atomic(), connection.cursor() as cursor:
            # Delete then insert rather than upsert: FTS5 virtual tables take no ON CONFLICT clause.
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", chunk)
            documents_insert(cursor, documents)


_INSERT = f"INSERT INTO {TABLE} (rowid, headline, body, captions, quotes) VALUES (%s, %s, %s, %s, %s)"


def documents_insert(cursor, documents: list[tuple]) -> None:
    """Insert index rows together; when the engine refuses one (PostgreSQL's tsvector holds at most 1 MB), insert
    them one by one, each shortened until it fits."""
    if not documents:
        return
    try:
        with transaction.atomic():
            cursor.executemany(_INSERT, documents)
    except DatabaseError as exc:
        if not too_long(exc):
            raise
        for document in documents:
            document_insert(cursor, document)


def document_insert(cursor, document: tuple) -> None:
    while True:
        try:
            with transaction.atomic():
                cursor.execute(_INSERT, document)
            return
        except DatabaseError as exc:
            if not too_long(exc):
                raise
            document = document_shortened(document)


def too_long(exc: DatabaseError) -> bool:
    """The engine refused a text for its size (PostgreSQL's SQLSTATE class 54, 'program limit exceeded', or 22)."""
    sqlstate = getattr(exc.__cause__, "sqlstate", None) or ""
    return isinstance(exc, DataError) or sqlstate.startswith("54")


def document_shortened(document: tuple) -> tuple:
    """The document with its longest text cut to its leading half (at a space where there is one)."""
    pk, *texts = document
    longest = max(range(len(texts)), key=lambda i: len(texts[i]))
    text = texts[longest]
    cut = text.rfind(" ", 0, len(text) // 2)
    texts[longest] = text[: cut if cut > 0 else len(text) // 2]
    return (pk, *texts)


def search_index_rebuild(**models_) -> int:
    """Index every article again (after a restore or raw SQL edits) and drop rows of deleted articles. Chunk by
    chunk, each in its own transaction: the live index is never emptied, and searches go on meanwhile. Returns the
    number of articles indexed."""
    Article = models_.get("Article")
    if Article is None:
        from monitoring.articles.models import Article
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        search_index_refresh(ids[start : start + CHUNK], **models_)
    with transaction.atomic(), connection.cursor() as cursor:
        article_table = Article._meta.db_table
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid NOT IN (SELECT id FROM {article_table})")
    return len(ids)


def search_index_repair(**models_) -> int:
    """Index the articles that have no index row (left by a run killed before its search rows were written, under
    an earlier version); cheap when none is missing. Returns how many were indexed."""
    from monitoring.articles.models import Article

    missing = list(Article.objects.filter(search_index__isnull=True).values_list("pk", flat=True))
    search_index_refresh(missing, **models_)
    return len(missing)


# Keeping the index in step with edits ------------------------------------------------------------------------


def search_index_schedule(article_id: int | None) -> None:
    """Refresh an article once the current transaction commits, however many of its rows were saved."""
    if article_id is None:
        return
    # Pending ids live on the (per-thread) connection, and every save queues a flush; the first flush
    # after commit empties the set and the others find nothing to do. Ids left over by a rollback are
    # refreshed by the next flush, which is harmless: a refresh re-reads the database.
    pending = connection.__dict__.setdefault("_search_index_pending", set())
    pending.add(article_id)
    # robust: the edit is already committed; a failed refresh is logged rather than turned into an error
    # page, and `search_index_rebuild` repairs the index.
    transaction.on_commit(_pending_flush, robust=True)


def _pending_flush() -> None:
    pending = connection.__dict__.get("_search_index_pending")
    if pending:
        ids = list(pending)
        pending.clear()
        search_index_refresh(ids)


def article_saved_or_deleted(sender, instance, **kwargs) -> None:
    search_index_schedule(instance.pk)


def article_part_saved_or_deleted(sender, instance, **kwargs) -> None:
    """A quote or photo changed: its article's indexed text did too."""
    search_index_schedule(instance.article_id)
