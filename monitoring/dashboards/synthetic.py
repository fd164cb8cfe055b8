"""Synthetic coverage at scale, for benches and demos: outlets, persons with roles, quotes, photo rows, tags,
country and organization mentions, annotations and workflow states spread over years.

Rows are streamed straight into the tables: PostgreSQL's COPY where available, batched INSERTs elsewhere. Ids are
assigned here (after the highest one present), so related rows are written without reading anything back; the
sequences are reset at the end, and the search index is filled with one INSERT ... SELECT. Every name and sentence
is generated from the word lists below: nothing is real. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from monitoring.articles.models import Article, CountryMention, Outlet, OutletKind
from monitoring.codebook.models import Tag, TagCategory, TaggedArticle, TagStatus
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

from .search import TABLE

CHUNK = 20_000  # rows a COPY or executemany carries
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


def rows_write(model, rows: Iterable[dict]) -> int:
    """Write dicts of attname -> value into the model's table (field defaults for the rest; the primary key only when
    the rows give it); returns the count."""
    now = timezone.now()
    defaults = {}
    for f in model._meta.concrete_fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = now
        elif f.has_default():
            defaults[f.attname] = f.get_default()
        else:
            defaults[f.attname] = None if f.null else ""
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        stream = iter(rows)
        while chunk := list(islice(stream, CHUNK)):
            pk = model._meta.pk
            fields = [f for f in model._meta.concrete_fields if f is not pk or pk.attname in chunk[0]]
            columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
            values = [
                [f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), connection) for f in fields]
                for row in chunk
            ]
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for value in values:
                        copy.write_row(value)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
            count += len(chunk)
    return count


def sequences_reset(*models_) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def search_index_fill(first_id: int) -> None:
    """Index the new articles in one statement: headline, body, captions and the quotes' text."""
    agg = "string_agg(%s, ' ')" if connection.vendor == "postgresql" else "group_concat(%s, ' ')"
    captions = f"(SELECT {agg % 'p.caption'} FROM photos_photo p WHERE p.article_id = a.id)"
    quotes = f"(SELECT {agg % 'q.text'} FROM people_quote q WHERE q.article_id = a.id AND q.status <> 'rejected')"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, headline, body, captions, quotes) "
            f"SELECT a.id, a.headline, a.body, COALESCE({captions}, ''), COALESCE({quotes}, '') "
            "FROM articles_article a WHERE a.id >= %s",
            [first_id],
        )


def person_name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {MIDDLE[(n // len(FIRST)) % len(MIDDLE)]} {LAST[n // (len(FIRST) * len(MIDDLE)) % len(LAST)]}-{n}"


def populate(plan: Plan, *, progress: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Fill the database per `plan`, in one transaction; returns the number of rows written per table."""
    rng = random.Random(plan.seed)
    written: dict[str, int] = {}
    with transaction.atomic():
        countries = list(Country.objects.values_list("pk", flat=True)) or [
            Country.objects.create(code=code, name=name).pk
            for code, name in [("SN", "Senegal"), ("KZ", "Kazakhstan"), ("CL", "Chile"), ("NO", "Norway")]
        ]
        author = get_user_model().objects.order_by("pk").first() or get_user_model().objects.create_user(
            "synthetic", password=None
        )
        start = {m: next_id(m) for m in (Outlet, Tag, Person, Organization, Article)}
        kinds = list(OutletKind.values)
        written["outlets"] = rows_write(
            Outlet,
            (
                {
                    "id": start[Outlet] + n,
                    "name": f"Synthetic {WORDS[n % len(WORDS)].title()} Post {start[Outlet] + n}",
                    "kind": kinds[n % len(kinds)],
                    "country_id": countries[n % len(countries)],
                }
                for n in range(plan.outlets)
            ),
        )
        categories = list(TagCategory.values)
        written["tags"] = rows_write(
            Tag,
            (
                {
                    "id": start[Tag] + n,
                    "name": f"{TOPICS[n % len(TOPICS)]} {start[Tag] + n}",
                    "slug": f"synthetic-{start[Tag] + n}",
                    "category": categories[n % len(categories)],
                }
                for n in range(plan.tags)
            ),
        )
        written["persons"] = rows_write(
            Person,
            (
                {"id": start[Person] + n, "name": (name := person_name(start[Person] + n)), "key": name_key(name)}
                for n in range(plan.persons)
            ),
        )
        org_kinds = list(OrganizationKind.values)
        written["organizations"] = rows_write(
            Organization,
            (
                {
                    "id": start[Organization] + n,
                    "name": (
                        name
                        := f"{ORG_WORDS[n % len(ORG_WORDS)]} {ORG_KINDS[n % len(ORG_KINDS)]} {start[Organization] + n}"
                    ),
                    "key": name_key(name),
                    "kind": org_kinds[n % len(org_kinds)],
                }
                for n in range(plan.organizations)
            ),
        )
        progress("lookups written")
        context = Context(plan=plan, start=start, countries=countries, author=author.pk)
        for first in range(0, plan.articles, ARTICLES_CHUNK):
            batch = [
                synthetic_article(rng, context, n) for n in range(first, min(first + ARTICLES_CHUNK, plan.articles))
            ]
            for table, count in batch_write(batch).items():
                written[table] = written.get(table, 0) + count
            progress(f"{first + len(batch):,} articles written")
        sequences_reset(Outlet, Tag, Person, Organization, Article, Quote, Role, Photo, Annotation, TaggedArticle)
        progress("indexing for search")
        search_index_fill(start[Article])
        figures_changed()
    return written


@dataclass
class Context:
    plan: Plan
    start: dict
    countries: list
    author: int


def batch_write(batch: list[Synthetic]) -> dict[str, int]:
    """Write a chunk of articles and everything attached to them."""
    return {
        "articles": rows_write(Article, (a.row for a in batch)),
        "quotes": rows_write(Quote, (q for a in batch for q in a.quotes)),
        "roles": rows_write(Role, (r for a in batch for r in a.roles)),
        "photos": rows_write(Photo, (p for a in batch for p in a.photos)),
        "tagged": rows_write(TaggedArticle, (t for a in batch for t in a.tags)),
        "country_mentions": rows_write(CountryMention, (c for a in batch for c in a.countries)),
        "organization_mentions": rows_write(OrganizationMention, (o for a in batch for o in a.organizations)),
        "annotations": rows_write(Annotation, (x for a in batch for x in a.annotations)),
    }


@dataclass
class Synthetic:
    row: dict
    quotes: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    photos: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    annotations: list = field(default_factory=list)


def synthetic_article(rng: random.Random, context: Context, n: int) -> Synthetic:
    plan, start = context.plan, context.start
    pk = start[Article] + n
    status = rng.choices([s for s, _ in STATUS_SHARES], [w for _, w in STATUS_SHARES])[0]
    reviewed = status in (ArticleStatus.APPROVED, ArticleStatus.ARCHIVED)
    published = datetime.date.today() - datetime.timedelta(days=rng.randrange(365 * plan.years))
    speakers = [start[Person] + rng.randrange(plan.persons) for _ in range(rng.randint(1, 4))]
    sentences, quotes, offset = [], [], 0
    for i in range(plan.quotes_per_article):
        speaker = speakers[i % len(speakers)]
        said = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
        lead = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 20))).capitalize() + ". "
        sentence = f'{lead}"{said.capitalize()}," {person_name(speaker)} {rng.choice(CUES)}.'
        quote_start = offset + len(lead) + 1
        quotes.append(
            {
                "article_id": pk,
                "speaker_id": speaker,
                "text": said.capitalize(),
                "kind": QuoteKind.DIRECT if i % 3 else QuoteKind.INDIRECT,
                "start": quote_start,
                "end": quote_start + len(said),
                "cue": "said",
                "status": SuggestionStatus.CONFIRMED if reviewed or rng.random() < 0.3 else SuggestionStatus.SUGGESTED,
            }
        )
        sentences.append(sentence)
        offset += len(sentence) + 2
    body = "\n\n".join(sentences)
    headline = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
    row = {
        "id": pk,
        "outlet_id": start[Outlet] + rng.randrange(plan.outlets),
        "headline": headline,
        "body": body,
        "published_on": published,
        "status": status,
        "word_count": len(body.split()),
        "fingerprint": hashlib.sha256(f"synthetic {pk}".encode()).hexdigest(),
        "source_name": f"synthetic-{pk}.txt",
        "approved_at": timezone.now() if reviewed else None,
        "bylines": [],
        "subheadings": [],
    }
    item = Synthetic(row=row, quotes=quotes)
    decided = SuggestionStatus.CONFIRMED if reviewed else SuggestionStatus.SUGGESTED
    item.roles = [
        {
            "person_id": person,
            "article_id": pk,
            "title": TITLES[person % len(TITLES)],
            "organization_id": start[Organization] + person % plan.organizations,
            "status": decided,
        }
        for person in sorted(set(speakers))
    ]
    if n % 3 == 0:
        item.photos = [
            {
                "article_id": pk,
                "caption": f"{person_name(speakers[0])} at the talks.",
                "credit": "SYNTHETIC/WIRE",
                "order": 0,
            }
        ]
    tag_ids = sorted({start[Tag] + rng.randrange(plan.tags) for _ in range(2)})
    item.tags = [
        {"content_object_id": pk, "tag_id": t, "status": TagStatus.CONFIRMED if reviewed else TagStatus.SUGGESTED}
        for t in tag_ids
    ]
    item.countries = [
        {"article_id": pk, "country_id": c, "count": 1 + pk % 3}
        for c in sorted(set(rng.sample(context.countries, k=min(2, len(context.countries)))))
    ]
    item.organizations = [
        {"article_id": pk, "organization_id": start[Organization] + rng.randrange(plan.organizations), "count": 1}
    ]
    if n % 10 == 0 and quotes:
        q = quotes[0]
        item.annotations = [
            {
                "article_id": pk,
                "tag_id": tag_ids[0],
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "stance": rng.choice(list(Stance.values)),
                "target_person_id": q["speaker_id"],
                "author_id": context.author,
            }
        ]
    return item
