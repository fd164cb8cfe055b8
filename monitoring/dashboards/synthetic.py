"""Synthetic coverage at scale, for benches and demos: outlets, persons with roles, quotes, photo rows, tags,
country and organization mentions, annotations and workflow states spread over years.

Rows are streamed straight into the tables: PostgreSQL's COPY where available (rows formatted as COPY text here,
sent in large pieces), batched INSERTs elsewhere. Ids are assigned here (after the highest one present), so related
rows are written without reading anything back; the sequences are reset at the end. The search index rows are
written with the articles (the server computes their tsvector as they arrive). On an empty PostgreSQL database
the tables' foreign keys, unique constraints and secondary indexes (the search index's GIN included) are dropped
for the load and built again after it (each index sorted once instead of updated row by row, each foreign key
checked by one join instead of a trigger per row), then the tables are analyzed. Every name and sentence is generated from the word lists below: nothing is real. Deterministic for a
given seed."""

from __future__ import annotations

import datetime
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import accumulate, islice

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from monitoring.articles.models import Article, CountryMention, Outlet, OutletKind
from monitoring.codebook.models import Tag, TagCategory, TaggedArticle, TagStatus
from monitoring.core.db import statistics_refresh
from monitoring.core.figures import figures_changed
from monitoring.core.models import Country
from monitoring.core.text import name_key
from monitoring.core.workflow import ArticleStatus
from monitoring.people.models import (
    Organization,
    OrganizationKind,
    OrganizationMention,
    Person,
    Quote,
    QuoteKind,
    Role,
    SuggestionStatus,
)
from monitoring.photos.models import Photo
from monitoring.review.models import Annotation, Stance

from .models import ArticleSearchIndex
from .search import TABLE

LINES_CHUNK = 5_000  # COPY lines sent to the server in one piece (or rows in one executemany)
ARTICLES_CHUNK = 5_000  # articles generated and written at a time: memory stays flat
FIRST = "Amara Lucas Ingrid Tomas Wei Ana Kwame Leila Pavel Sofia Rahul Mei Jonas Nadia Omar Elena Hiro Zainab".split()
LAST = "Keita Ferreira Solberg Novak Okafor Lindqvist Haddad Moreau Tanaka Petrov Mensah Castillo Brandt Idris".split()
MIDDLE = "Ade Bo Cai Dario Eun Femi Gil Hana Ivo Juna Kei Lior Mika Noor Oto Pia Quin Rui Sami Tove".split()
TITLES = [
    "foreign minister",
    "deputy chairman",
    "secretary-general",
    "member of parliament",
    "party spokesperson",
    "ambassador",
    "trade envoy",
    "mayor",
]
ORG_WORDS = "Union Progress Labour Green Liberal Unity Reform Workers Farmers Democratic National Coastal".split()
ORG_KINDS = ["Party", "Front", "Ministry", "Institute", "Commission", "Foundation", "Council"]
TOPICS = [
    "pandemic cooperation",
    "infrastructure deals",
    "poverty alleviation",
    "trade",
    "energy",
    "elections",
    "security",
    "climate",
    "migration",
    "fisheries",
]
WORDS = (
    "the delegation agreed to expand cooperation on ports railways clinics vaccines grain loans schools and water "
    "while officials said the talks would continue next month in the capital after a visit by party leaders who "
    "praised the progress of joint projects and called for closer ties between the two countries"
).split()
CUES = ["said", "told reporters", "stressed", "noted", "added", "wrote"]
STATUS_SHARES = [
    (ArticleStatus.APPROVED, 70),
    (ArticleStatus.NEW, 10),
    (ArticleStatus.IN_ANALYSIS, 8),
    (ArticleStatus.IN_REVIEW, 7),
    (ArticleStatus.ARCHIVED, 5),
]


@dataclass
class Plan:
    """How much to make (persons and organizations scale with the articles unless given)."""

    articles: int
    quotes_per_article: int = 5
    years: int = 5
    seed: int = 7
    persons: int = 0
    organizations: int = 0
    outlets: int = 60
    tags: int = len(TOPICS) * 4

    def __post_init__(self):
        self.persons = self.persons or max(200, self.articles // 50)
        self.organizations = self.organizations or max(50, self.articles // 500)


def next_id(model) -> int:
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def has_data() -> bool:
    return Article.objects.exists()


_COPY_SPECIAL = re.compile(r"[\\\t\n\r]").search


def copy_text(value) -> str:
    """A value in COPY's text format: NULL as \\N, booleans as t/f, JSON as its text, special characters escaped."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        if not _COPY_SPECIAL(value):
            return value
        # Four passes in C beat one translate() with a mapping, which goes through Python per character.
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list | dict):
        return copy_text(json.dumps(value))
    return str(value)  # numbers, dates, aware datetimes (ISO with the offset)


class Table:
    """A model's table as the bulk writer fills it: the generator gives tuples of `columns` (attnames, in order),
    and every other column takes its field default (or now, for auto_now fields), formatted once per table rather
    than once per row (`only`: no other column, e.g. for a table with a generated one). The primary key is written
    only when `columns` names it."""

    def __init__(self, model, *columns: str, only: bool = False):
        self.model = model
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.given = [fields[name] for name in columns]
        now = timezone.now()
        rest = [] if only else [f for f in fields.values() if f.attname not in columns and not f.primary_key]
        values = [
            now
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            else f.get_default()
            if f.has_default()
            else None
            if f.null
            else ""
            for f in rest
        ]
        self.rest_text = "".join("\t" + copy_text(f.get_prep_value(v)) for f, v in zip(rest, values, strict=True))
        self.rest_db = [f.get_db_prep_save(v, connection) for f, v in zip(rest, values, strict=True)]
        quote = connection.ops.quote_name
        self.name = quote(model._meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in [*self.given, *rest])

    def write(self, rows: Iterable[tuple]) -> int:
        """Write the rows; returns their count."""
        count = 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.name} ({self.columns}) FROM STDIN") as copy:
                    for piece in self.copy_pieces(rows):
                        copy.write(piece)
                        count += piece.count("\n")  # escaped text holds no raw newline: one per row
            else:
                marks = ", ".join(["%s"] * (len(self.given) + len(self.rest_db)))
                sql = f"INSERT INTO {self.name} ({self.columns}) VALUES ({marks})"
                stream = iter(rows)
                while chunk := [
                    [*(f.get_db_prep_save(v, connection) for f, v in zip(self.given, row, strict=True)), *self.rest_db]
                    for row in islice(stream, LINES_CHUNK)
                ]:
                    cursor.executemany(sql, chunk)
                    count += len(chunk)
        return count

    def copy_pieces(self, rows: Iterable[tuple]) -> Iterator[str]:
        """The rows as COPY text, LINES_CHUNK lines to a piece."""
        end = self.rest_text + "\n"
        stream = iter(rows)
        while lines := ["\t".join(map(copy_text, row)) + end for row in islice(stream, LINES_CHUNK)]:
            yield "".join(lines)


@contextmanager
def indexes_deferred(tables: list[str]):
    """On PostgreSQL, drop the tables' foreign keys, unique and exclusion constraints and indexes (all but the
    primary keys) for the block, and create them again from their own definitions after it.

    For a bulk load into empty tables: COPY then writes only the rows and the primary key, each index is built once
    from sorted rows, and each foreign key is checked by one join rather than by a trigger queued per row. All in
    the caller's transaction: a failed load leaves the schema as it was. Elsewhere a no-op."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        # Rows written earlier in the transaction have foreign-key checks pending (Django's are deferred), and a
        # table with pending checks cannot be altered: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
            "WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u', 'x') ORDER BY contype = 'f' DESC, oid",
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary AND NOT EXISTS ("
            "  SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid"
            "  AND c.contype IN ('p', 'u', 'x')"
            ") ORDER BY i.indexrelid",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _definition, _kind in constraints:  # foreign keys first: they may lean on a unique one
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition, _kind in reversed(constraints):  # unique ones before the keys that use them
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # back to Django's default for the rest of the transaction


def sequences_reset(*models_) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def person_name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {MIDDLE[(n // len(FIRST)) % len(MIDDLE)]} {LAST[n // (len(FIRST) * len(MIDDLE)) % len(LAST)]}-{n}"


def populate(plan: Plan, *, progress: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Fill the database per `plan`, in one transaction; returns the number of rows written per table."""
    rng = random.Random(plan.seed)
    written: dict[str, int] = {}
    with transaction.atomic():
        empty = not has_data()
        countries = list(Country.objects.values_list("pk", flat=True)) or [
            Country.objects.create(code=code, name=name).pk
            for code, name in [("SN", "Senegal"), ("KZ", "Kazakhstan"), ("CL", "Chile"), ("NO", "Norway")]
        ]
        author = get_user_model().objects.order_by("pk").first() or get_user_model().objects.create_user(
            "synthetic", password=None
        )
        start = {m: next_id(m) for m in (Outlet, Tag, Person, Organization, Article)}
        lookups_write(plan, start, countries, written)
        progress("lookups written")
        context = Context(plan=plan, start=start, countries=countries, author=author.pk)
        bulk = [Article, Quote, Role, Photo, TaggedArticle, CountryMention, OrganizationMention, Annotation]
        tables = [m._meta.db_table for m in bulk]
        tables = [*tables, TABLE]
        with indexes_deferred(tables if empty else []):
            for batch in batches(rng, context):
                for table, count in batch.write().items():
                    written[table] = written.get(table, 0) + count
                progress(f"{written['articles']:,} articles written")
            progress("building indexes and checking foreign keys" if empty else "articles written")
        sequences_reset(Outlet, Tag, Person, Organization, Article, Quote, Role, Photo, Annotation, TaggedArticle)
        figures_changed()
    progress("analyzing")
    statistics_refresh([*(m._meta.db_table for m in (Outlet, Tag, Person, Organization)), *tables])
    return written


def lookups_write(plan: Plan, start: dict, countries: list, written: dict) -> None:
    """Outlets, tags, persons and organizations: the few rows the articles point at."""
    kinds = list(OutletKind.values)
    written["outlets"] = Table(Outlet, "id", "name", "kind", "country_id").write(
        (
            start[Outlet] + n,
            f"Synthetic {WORDS[n % len(WORDS)].title()} Post {start[Outlet] + n}",
            kinds[n % len(kinds)],
            countries[n % len(countries)],
        )
        for n in range(plan.outlets)
    )
    categories = list(TagCategory.values)
    written["tags"] = Table(Tag, "id", "name", "slug", "category").write(
        (
            start[Tag] + n,
            f"{TOPICS[n % len(TOPICS)]} {start[Tag] + n}",
            f"synthetic-{start[Tag] + n}",
            categories[n % len(categories)],
        )
        for n in range(plan.tags)
    )
    written["persons"] = Table(Person, "id", "name", "key").write(
        (start[Person] + n, name := person_name(start[Person] + n), name_key(name)) for n in range(plan.persons)
    )
    org_kinds = list(OrganizationKind.values)
    written["organizations"] = Table(Organization, "id", "name", "key", "kind").write(
        (
            start[Organization] + n,
            name := f"{ORG_WORDS[n % len(ORG_WORDS)]} {ORG_KINDS[n % len(ORG_KINDS)]} {start[Organization] + n}",
            name_key(name),
            org_kinds[n % len(org_kinds)],
        )
        for n in range(plan.organizations)
    )


@dataclass
class Context:
    """What every article of a run shares: the plan, the first ids, the countries and the annotations' author; and,
    made once, the persons' names and the time stamp of approvals."""

    plan: Plan
    start: dict
    countries: list
    author: int
    names: list = field(init=False)
    now: datetime.datetime = field(init=False)

    def __post_init__(self):
        self.names = [person_name(self.start[Person] + n) for n in range(self.plan.persons)]
        self.now = timezone.now()


def batches(rng: random.Random, context: Context) -> Iterator[Batch]:
    """The run's articles, ARTICLES_CHUNK at a time."""
    total = context.plan.articles
    for first in range(0, total, ARTICLES_CHUNK):
        batch = Batch()
        for n in range(first, min(first + ARTICLES_CHUNK, total)):
            synthetic_article(rng, context, n, batch)
        yield batch


# The columns each generated tuple gives, in order (the rest take their defaults).
ARTICLE = (
    "id",
    "outlet_id",
    "headline",
    "body",
    "published_on",
    "status",
    "word_count",
    "fingerprint",
    "source_name",
    "approved_at",
)
QUOTE = ("article_id", "speaker_id", "text", "kind", "start", "end", "cue", "status")
ROLE = ("person_id", "article_id", "title", "organization_id", "status")
PHOTO = ("article_id", "caption", "credit", "order")
TAGGED = ("content_object_id", "tag_id", "status")
MENTION = ("article_id", "country_id", "count")
ORG_MENTION = ("article_id", "organization_id", "count")
SEARCH = ("article_id", "headline", "body", "captions", "quotes")  # as search.search_documents composes them
ANNOTATION = ("article_id", "tag_id", "start", "end", "text", "stance", "target_person_id", "author_id")


@dataclass
class Batch:
    """A chunk of generated articles and everything attached to them, as plain tuples per table."""

    articles: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    photos: list = field(default_factory=list)
    tagged: list = field(default_factory=list)
    country_mentions: list = field(default_factory=list)
    organization_mentions: list = field(default_factory=list)
    annotations: list = field(default_factory=list)
    search: list = field(default_factory=list)

    def write(self) -> dict[str, int]:
        return {
            "articles": Table(Article, *ARTICLE).write(self.articles),
            "quotes": Table(Quote, *QUOTE).write(self.quotes),
            "roles": Table(Role, *ROLE).write(self.roles),
            "photos": Table(Photo, *PHOTO).write(self.photos),
            "tagged": Table(TaggedArticle, *TAGGED).write(self.tagged),
            "country_mentions": Table(CountryMention, *MENTION).write(self.country_mentions),
            "organization_mentions": Table(OrganizationMention, *ORG_MENTION).write(self.organization_mentions),
            "annotations": Table(Annotation, *ANNOTATION).write(self.annotations),
            "search_index": Table(ArticleSearchIndex, *SEARCH, only=True).write(self.search),
        }


STATUSES = [s for s, _ in STATUS_SHARES]
STATUS_WEIGHTS = list(accumulate(w for _, w in STATUS_SHARES))
STANCES = list(Stance.values)


def synthetic_article(rng: random.Random, context: Context, n: int, batch: Batch) -> None:
    """Generate article n and its attached rows into the batch. Quotes point at their text in the body."""
    plan, start = context.plan, context.start
    pk = start[Article] + n
    status = rng.choices(STATUSES, cum_weights=STATUS_WEIGHTS)[0]
    reviewed = status in (ArticleStatus.APPROVED, ArticleStatus.ARCHIVED)
    published = datetime.date.today() - datetime.timedelta(days=rng.randrange(365 * plan.years))
    speakers = [rng.randrange(plan.persons) for _ in range(rng.randint(1, 4))]
    sentences, said_texts, offset = [], [], 0
    first_quote = None
    for i in range(plan.quotes_per_article):
        speaker = speakers[i % len(speakers)]
        said = " ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize()
        lead = " ".join(rng.choices(WORDS, k=rng.randint(10, 20))).capitalize() + ". "
        sentence = f'{lead}"{said}," {context.names[speaker]} {rng.choice(CUES)}.'
        quote_start = offset + len(lead) + 1
        confirmed = reviewed or rng.random() < 0.3
        quote = (
            pk,
            start[Person] + speaker,
            said,
            QuoteKind.DIRECT if i % 3 else QuoteKind.INDIRECT,
            quote_start,
            quote_start + len(said),
            "said",
            SuggestionStatus.CONFIRMED if confirmed else SuggestionStatus.SUGGESTED,
        )
        batch.quotes.append(quote)
        first_quote = first_quote or quote
        said_texts.append(said)
        sentences.append(sentence)
        offset += len(sentence) + 2
    body = "\n\n".join(sentences)
    outlet = start[Outlet] + rng.randrange(plan.outlets)
    headline = " ".join(rng.choices(WORDS, k=7)).capitalize()
    batch.articles.append(
        (
            pk,
            outlet,
            headline,
            body,
            published,
            status,
            len(body.split()),
            hashlib.sha256(f"synthetic {pk}".encode()).hexdigest(),
            f"synthetic-{pk}.txt",
            context.now if reviewed else None,
        )
    )
    decided = SuggestionStatus.CONFIRMED if reviewed else SuggestionStatus.SUGGESTED
    for person in sorted(set(speakers)):
        person_id = start[Person] + person
        organization = start[Organization] + person_id % plan.organizations
        batch.roles.append((person_id, pk, TITLES[person_id % len(TITLES)], organization, decided))
    captions = ""
    if n % 3 == 0:
        caption, credit = f"{context.names[speakers[0]]} at the talks.", "SYNTHETIC/WIRE"
        batch.photos.append((pk, caption, credit, 0))
        captions = f"{caption} {credit}"
    batch.search.append((pk, headline, body, captions, "\n".join(said_texts)))  # no quote is rejected here
    tag_ids = sorted({start[Tag] + rng.randrange(plan.tags) for _ in range(2)})
    tag_status = TagStatus.CONFIRMED if reviewed else TagStatus.SUGGESTED
    batch.tagged.extend((pk, tag, tag_status) for tag in tag_ids)
    countries = sorted(set(rng.sample(context.countries, k=min(2, len(context.countries)))))
    batch.country_mentions.extend((pk, country, 1 + pk % 3) for country in countries)
    batch.organization_mentions.append((pk, start[Organization] + rng.randrange(plan.organizations), 1))
    if n % 10 == 0 and first_quote:
        _, speaker_id, text, _, begin, end, _, _ = first_quote
        batch.annotations.append((pk, tag_ids[0], begin, end, text, rng.choice(STANCES), speaker_id, context.author))
