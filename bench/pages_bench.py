"""Time the dashboard pages at two data sizes and check they scale: 100,000 articles within 5x of 1,000.

    .venv/bin/python bench/pages_bench.py                       # SQLite, 1,000 then 100,000 articles
    .venv/bin/python bench/pages_bench.py --sizes 1000 20000 --repeat 3
    .venv/bin/python bench/pages_bench.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Runs in a throwaway database (a temporary SQLite file, or a new PostgreSQL database dropped at the
end). Articles are generated with bulk_create, newest first, at --per-day articles a day: the small
size is the newest slice, and the large run tops the same database up with older articles, so both
sizes share the same recent coverage, as a growing archive does. Each article gets 5 quotes, a role,
tags, country mentions and often a photo; people are in the news for --person-days days at a time.

Timed with the Django test client, logged in as an analyst: the median of --repeat renders after a
warm-up. The overview opens on the last 30 days; the article list is all time; the search looks for
a recent event's name; the person page is the most quoted person of the newest slice.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import page_time  # noqa: E402

TARGET_RATIO = 5.0

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vo",
    "dor",
    "eli",
    "fan",
    "gu",
    "hal",
    "ist",
    "jon",
    "kur",
    "lem",
    "nar",
    "os",
    "pel",
    "quin",
    "sar",
    "tum",
    "ul",
    "ver",
    "wen",
    "yar",
    "zo",
]
COMMON = (
    "the of and to in a said on for that with was by as at from government minister officials talks "
    "agreement report country people week year president party election vote parliament security "
    "economy trade aid crisis border council meeting statement spokesperson region leaders"
).split()
CUES = ["said", "told reporters", "added", "argued", "warned"]
KINDS = ["direct"] * 6 + ["indirect"] * 3 + ["partial"]
OUTLET_KINDS = [
    "state_media",
    "wire_agency",
    "public_broadcaster",
    "national_newspaper",
    "independent",
    "party_press",
    "other",
]
TAG_CATEGORIES = ["topic", "region", "frame", "narrative", "claim", "campaign"]


def words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    return " ".join(rng.choice(COMMON) if rng.random() < 0.45 else rng.choice(vocabulary) for _ in range(n))


def topic_phrase(window: int) -> str:
    """A made-up event name that is in the news for one window of days, e.g. "kalo rentas accord"."""
    rng = random.Random(f"topic-{window}")
    return f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)} accord"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1_000, 100_000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--quotes", type=int, default=5, help="quotes per article (default 5)")
    parser.add_argument("--per-day", type=int, default=100, help="articles published a day (default 100)")
    parser.add_argument("--person-days", type=int, default=10, help="days a person stays in the news (default 10)")
    parser.add_argument("--repeat", type=int, default=5, help="timed renders per page, median kept (default 5)")
    parser.add_argument("--database-url", help="a PostgreSQL server to bench on instead of SQLite")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def database_prepare(url: str | None) -> tuple[str, callable]:
    """A throwaway database URL and a function that removes it."""
    if not url:
        folder = tempfile.mkdtemp(prefix="pages-bench-")
        path = Path(folder) / "bench.sqlite3"

        def drop():
            for file in Path(folder).glob("*"):
                file.unlink()
            os.rmdir(folder)

        return f"sqlite:///{path}", drop

    import psycopg

    name = f"press_monitor_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    base, _, _ = url.rpartition("/")
    return f"{base}/{name}", drop


class Generator:
    """Bulk-creates coverage, newest article first, so a bigger size extends a smaller one."""

    def __init__(self, *, seed: int, per_day: int, person_days: int, quotes: int):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.utils import timezone

        from monitoring.articles.models import Outlet
        from monitoring.codebook.models import Tag
        from monitoring.core.models import Country
        from monitoring.core.roles import ANALYST
        from monitoring.people.models import Organization

        self.seed, self.per_day, self.person_days, self.quotes = seed, per_day, person_days, quotes
        self.today = timezone.localdate()
        self.done = 0
        self.persons: dict[int, int] = {}
        rng = random.Random(seed)
        self.vocabulary = sorted(
            {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(4000)}
        )
        self.outlets = list(
            Outlet.objects.bulk_create(
                [Outlet(name=f"Bench Outlet {n}", kind=OUTLET_KINDS[n % len(OUTLET_KINDS)]) for n in range(40)]
            )
        )
        self.tags = list(
            Tag.objects.bulk_create(
                [
                    Tag(name=f"bench tag {n}", slug=f"bench-tag-{n}", category=TAG_CATEGORIES[n % len(TAG_CATEGORIES)])
                    for n in range(30)
                ]
            )
        )
        codes = [f"{a}{b}" for a in "QWXZ" for b in "ABCDEFGHIJKLM"][:50]
        self.countries = list(Country.objects.bulk_create([Country(code=c, name=f"Benchland {c}") for c in codes]))
        self.organizations = list(
            Organization.objects.bulk_create(
                [
                    Organization(name=f"Bench Organization {n}", key=f"bench organization {n}", kind="political_party")
                    for n in range(60)
                ]
            )
        )
        User = get_user_model()
        group = Group.objects.get(name=ANALYST)
        self.analysts = []
        for n in range(5):
            user = User.objects.create_user(f"bench-analyst-{n}", password="bench-password-123", is_staff=True)
            user.groups.add(group)
            self.analysts.append(user)

    def person_ids(self, window: int) -> list[int]:
        """The 40 people in the news during a window of days (created on first use)."""
        from monitoring.people.models import Person

        first = window * 40
        missing = [n for n in range(first, first + 40) if n not in self.persons]
        if missing:
            created = Person.objects.bulk_create(
                [Person(name=f"Bench Person {n}", key=f"bench person {n}") for n in missing]
            )
            self.persons.update({n: p.pk for n, p in zip(missing, created, strict=True)})
        return [self.persons[n] for n in range(first, first + 40)]

    def extend_to(self, size: int, batch: int = 2_000) -> list[int]:
        from django.db import transaction

        new_ids = []
        while self.done < size:
            count = min(batch, size - self.done)
            with transaction.atomic():
                new_ids += self._batch(self.done, count)
            self.done += count
            print(f"\r  generated {self.done:,} articles", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        return new_ids

    def _batch(self, first: int, count: int) -> list[int]:
        from monitoring.articles.models import Article, CountryMention
        from monitoring.codebook.models import TaggedArticle
        from monitoring.people.models import Quote, Role
        from monitoring.photos.models import Photo

        rng = random.Random(f"{self.seed}-{first}")
        plans, articles = [], []
        for i in range(first, first + count):
            day = i // self.per_day
            published = self.today - datetime.timedelta(days=day)
            window = day // self.person_days
            people = self.person_ids(window)
            topic = topic_phrase(window)
            headline = words(rng, self.vocabulary, 7)
            if rng.random() < 0.3:
                headline = f"{headline} {topic}"
            parts, spans, offset = [], [], 0
            for q in range(self.quotes):
                lead = words(rng, self.vocabulary, rng.randint(12, 30)) + ". "
                if q == 0 and rng.random() < 0.5:
                    lead = f"Talks on the {topic} continued. " + lead
                text = words(rng, self.vocabulary, rng.randint(8, 20)).capitalize()
                start = offset + len(lead) + 1
                speaker = people[min(int(rng.paretovariate(1.2)) - 1, 39)]
                parts.append(f'{lead}"{text}," {rng.choice(CUES)} the speaker.')
                spans.append((start, start + len(text), text, speaker))
                offset += len(parts[-1]) + 2
            body = "\n\n".join(parts)
            status = "approved" if day > 14 else rng.choice(["new", "in_analysis", "in_review", "approved"])
            imported = datetime.datetime.combine(published, datetime.time(8), tzinfo=datetime.UTC)
            articles.append(
                Article(
                    outlet=self.outlets[rng.randrange(len(self.outlets))],
                    headline=headline[:500],
                    body=body,
                    published_on=published,
                    word_count=len(body.split()),
                    fingerprint=f"bench-{self.seed}-{i}",
                    status=status,
                    assignee=self.analysts[i % len(self.analysts)] if rng.random() < 0.8 else None,
                    due_on=published + datetime.timedelta(days=3),
                    imported_at=imported,
                    approved_at=imported + datetime.timedelta(hours=rng.randint(1, 96))
                    if status == "approved"
                    else None,
                )
            )
            plans.append(spans)
        articles = Article.objects.bulk_create(articles, batch_size=500)
        quotes, roles, tagged, mentions, photos = [], [], [], [], []
        for article, spans in zip(articles, plans, strict=True):
            for start, end, text, speaker in spans:
                quotes.append(
                    Quote(
                        article=article,
                        speaker_id=speaker,
                        text=text,
                        start=start,
                        end=end,
                        kind=rng.choice(KINDS),
                        cue="said",
                        status="confirmed",
                    )
                )
            speaker = spans[0][3]
            roles.append(
                Role(
                    person_id=speaker,
                    article=article,
                    title="spokesperson",
                    status="confirmed",
                    organization=self.organizations[speaker % len(self.organizations)],
                )
            )
            for tag in rng.sample(self.tags, rng.randint(1, 2)):
                tagged.append(TaggedArticle(content_object=article, tag=tag, status="confirmed"))
            for country in rng.sample(self.countries, rng.randint(1, 2)):
                mentions.append(CountryMention(article=article, country=country, count=rng.randint(1, 4)))
            if rng.random() < 0.5:
                photos.append(Photo(article=article, caption=words(rng, self.vocabulary, 12), credit="BENCH/WIRE"))
        Quote.objects.bulk_create(quotes, batch_size=2_000)
        Role.objects.bulk_create(roles, batch_size=2_000)
        TaggedArticle.objects.bulk_create(tagged, batch_size=2_000)
        CountryMention.objects.bulk_create(mentions, batch_size=2_000)
        Photo.objects.bulk_create(photos, batch_size=2_000)
        return [a.pk for a in articles]


def pages_time(client, pages: dict[str, str], repeat: int) -> dict[str, tuple[float, int]]:
    """Median milliseconds and query count of each page."""
    results = {}
    for name, url in pages.items():
        timing = page_time(client, url, repeat=repeat)
        results[name] = (timing.median_ms, timing.query_count)
    return results


def main():
    args = parse_args()
    url, drop = database_prepare(args.database_url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from monitoring.dashboards.search import search_index_refresh
    from monitoring.people.models import Quote

    try:
        call_command("migrate", verbosity=0)
        generator = Generator(seed=args.seed, per_day=args.per_day, person_days=args.person_days, quotes=args.quotes)
        client = Client()
        client.force_login(generator.analysts[0])
        results, timings = {}, {}
        for size in args.sizes:
            started = time.perf_counter()
            ids = generator.extend_to(size)
            search_index_refresh(ids)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # what autovacuum / PRAGMA optimize do on a live database
            timings[size] = time.perf_counter() - started
            if size == args.sizes[0]:
                newest = Quote.objects.filter(
                    article__published_on__gte=generator.today - datetime.timedelta(days=args.person_days - 1)
                )
                person = newest.values("speaker").order_by().annotate(n=django.db.models.Count("pk")).order_by("-n")[0]
                phrase = topic_phrase(0)
                pages = {
                    "overview (last 30 days)": "/",
                    "article list": "/articles/",
                    f'search "{phrase}"': f'/articles/?q="{phrase.replace(" ", "+")}"',
                    "person page": f"/people/{person['speaker']}/",
                }
                extra = {
                    "overview, all time (info)": "/?start=1990-01-01",
                    'search "minister" (info)': "/articles/?q=minister",
                }
            results[size] = pages_time(client, {**pages, **extra}, args.repeat)

        small, large = args.sizes
        vendor = connection.vendor
        print(
            f"\nPages bench on {vendor}: {small:,} vs {large:,} articles, {args.quotes} quotes each, "
            f"{args.per_day}/day; median of {args.repeat} renders"
        )
        print(
            f"  generation + indexing: {timings[small]:.1f} s for {small:,}, {timings[large]:.1f} s more for {large:,}"
        )
        header = f"{'page':<38} {f'{small:,} ms':>10} {f'{large:,} ms':>11} {'ratio':>7} {'target':>7} {'queries':>9}"
        print(header)
        print("-" * len(header))
        failed = False
        for name in {**pages, **extra}:
            (t_small, q_small), (t_large, q_large) = results[small][name], results[large][name]
            ratio = t_large / t_small
            informational = name.endswith("(info)")
            verdict = "info" if informational else ("ok" if ratio <= TARGET_RATIO else "OVER")
            failed |= verdict == "OVER"
            print(f"{name:<38} {t_small:>10.1f} {t_large:>11.1f} {ratio:>6.2f}x {verdict:>7} {q_small:>4}/{q_large:<4}")
        print(
            f"\nTarget: each page within {TARGET_RATIO:g}x at {large:,} of its time at {small:,}; "
            "(info) rows are not held to it."
        )
        return 1 if failed else 0
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
