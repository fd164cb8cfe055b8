"""Time the search page on a PostgreSQL database filled by populate_synthetic: before (another checkout's code,
by default /work/main) and after (this checkout), side by side with the ratio.

    .venv/bin/python manage.py populate_synthetic --articles 50000        # with DATABASE_URL set, once
    .venv/bin/python bench/search_bench.py --database-url postgres://postgres@127.0.0.1:5432/NAME
    .venv/bin/python bench/search_bench.py --database-url ... --baseline /work/main --explain

Each side runs in its own process importing its checkout's code, against the same database (left as it was, apart
from one bench user and a VACUUM ANALYZE first). Timed with the Django test client, logged in as an analyst: the
median of --repeat renders of `/articles/?q=...` after a warm-up, the page's query count and the time its SQL took
(one more render). The words are picked from the index: one found in (nearly) every article, one in about a tenth
of them, and the full name of a person quoted in a few. With --explain the after side prints EXPLAIN ANALYZE of the
page's search queries (the plans should not grow with the
number of matches). Target: every search page under 150 ms at 1,000,000 articles.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

# The timer comes from this checkout, before a side puts its own checkout first on the path.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import page_time  # noqa: E402

TARGET_MS = 150
USERNAME = "bench-search"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="a populated PostgreSQL db")
    parser.add_argument("--baseline", default="/work/main", help="checkout timed as 'before' (default /work/main)")
    parser.add_argument("--repeat", type=int, default=5, help="timed renders per page, median kept (default 5)")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the after side's queries")
    parser.add_argument("--side", help=argparse.SUPPRESS)  # internal: run one side and print JSON
    parser.add_argument("--code", help=argparse.SUPPRESS)
    return parser.parse_args()


def django_setup(code: Path, url: str):
    sys.path.insert(0, str(code))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def searches() -> dict[str, str]:
    """Three searches picked from the data: frequent, medium and rare (a person's full name, as a phrase)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat('SELECT dashboards_article_fts FROM dashboards_article_fts "
            "WHERE rowid % 50 = 0') WHERE word ~ '^[a-z]{4,}$' ORDER BY ndoc DESC, word"
        )
        stats = cursor.fetchall()
        sampled = max(n for _, n in stats)
        common = stats[0][0]
        medium = min(stats, key=lambda row: abs(row[1] / sampled - 0.1))[0]
        cursor.execute(
            "SELECT p.name FROM people_person p JOIN people_quote q ON q.speaker_id = p.id "
            "GROUP BY p.id, p.name ORDER BY count(*), p.id LIMIT 1"
        )
        (name,) = cursor.fetchone()
    return {"common": common, "medium": medium, "rare": f'"{name}"'}


def matches(text: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM dashboards_article_fts "
            "WHERE dashboards_article_fts @@ websearch_to_tsquery('english'::regconfig, %s)",
            [text],
        )
        return cursor.fetchone()[0]


def client_logged_in():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from monitoring.core.roles import ANALYST

    user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=ANALYST))
    client = Client()
    client.force_login(user)
    return client


def side_run(args) -> None:
    """One side: time each search page and print the results as JSON on the last line."""
    from urllib.parse import urlencode

    django_setup(Path(args.code), args.database_url)
    client = client_logged_in()
    words = json.loads(os.environ["SEARCH_BENCH_WORDS"])
    results = {}
    for kind, text in words.items():
        url = "/articles/?" + urlencode({"q": text})
        timing = page_time(client, url, repeat=args.repeat)
        html = timing.content.decode()
        shown = html.split('<div id="articles">')[1].split("</p>")[0].split("<p")[1].split(">", 1)[1].strip()
        sql_ms = sum(float(query["time"]) for query in timing.queries) * 1000
        results[kind] = {"ms": timing.median_ms, "sql_ms": sql_ms, "queries": timing.query_count, "shown": shown}
        if args.explain:
            explain(timing.queries, kind)
    print(json.dumps(results))


def explain(captured: list[dict], kind: str) -> None:
    """EXPLAIN ANALYZE of the page's queries that touch the search index, printed to stderr."""
    from django.db import connection

    for query in captured:
        sql = query["sql"]
        if "dashboards_article_fts" not in sql or not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
        print(f"\n--- {kind}: {sql[:160]}...", file=sys.stderr)
        print("\n".join(plan), file=sys.stderr)


def side(code: str, args, words: dict, explain_plans: bool) -> dict:
    command = [sys.executable, __file__, "--side", "1", "--code", code, "--database-url", args.database_url]
    command += ["--repeat", str(args.repeat)] + (["--explain"] if explain_plans else [])
    env = {**os.environ, "SEARCH_BENCH_WORDS": json.dumps(words)}
    done = subprocess.run(command, cwd=code, env=env, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    args = parse_args()
    if not args.database_url or not args.database_url.startswith("postgres"):
        sys.exit("Give --database-url (or DATABASE_URL) of a PostgreSQL database filled by populate_synthetic.")
    if args.side:
        side_run(args)
        return
    django_setup(ROOT, args.database_url)
    from django.db import connection

    from monitoring.articles.models import Article

    total = Article.objects.count()
    if not total:
        sys.exit("The database holds no articles: run manage.py populate_synthetic --articles N first.")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")  # what autovacuum does on a live database (statistics, visibility map)
    client_logged_in()  # the bench user, created once here rather than by both sides at once
    words = searches()
    found = {kind: matches(text) for kind, text in words.items()}
    load = os.getloadavg()[0]
    print(
        f"{total:,} articles; PostgreSQL {connection.pg_version // 10000}; median of {args.repeat} renders; load {load:.1f}"
    )
    before = side(args.baseline, args, words, explain_plans=False)
    after = side(str(ROOT), args, words, explain_plans=args.explain)

    print(
        f"\n{'search':<36} {'matches':>9} {'before ms':>10} {'after ms':>9} {'ratio':>7} {'SQL ms':>14} {'queries':>9}"
    )
    for kind, text in words.items():
        b, a = before[kind], after[kind]
        label = f"{kind}: {text}"[:36]
        queries = f"{b['queries']} -> {a['queries']}"
        sql = f"{b['sql_ms']:.0f} -> {a['sql_ms']:.0f}"
        ratio = b["ms"] / a["ms"] if a["ms"] else float("inf")
        print(f"{label:<36} {found[kind]:>9,} {b['ms']:>10.1f} {a['ms']:>9.1f} {ratio:>6.1f}x {sql:>14} {queries:>9}")
    print("\nThe page says (after):")
    for kind in words:
        print(f"  {kind}: {after[kind]['shown']}")
    slowest = max(after[kind]["ms"] for kind in words)
    print(f"\nslowest search page after: {slowest:.1f} ms (target under {TARGET_MS} ms at 1,000,000 articles)")


if __name__ == "__main__":
    main()
