"""Time every dashboard page on PostgreSQL at two sizes (10,000 and 1,000,000 articles by default), side by side,
and stream the CSV export of all quotes at the large size.

    .venv/bin/python bench/scale_bench.py                                  # throwaway databases, populated here
    .venv/bin/python bench/scale_bench.py --sizes 1000 10000 --repeat 3    # a quick try
    .venv/bin/python bench/scale_bench.py \\
        --small-url postgres://postgres@127.0.0.1:5432/scale_10k --large-url postgres://postgres@127.0.0.1:5432/scale_1m

A database given by URL is used as it is when it holds articles (a million take minutes to write: populate once
with `manage.py populate_synthetic`, bench many times) and is migrated and populated to its size when it is empty;
it is kept either way. Without a URL a throwaway database is created on --server-url, populated and dropped.

Each size is measured in its own process (Django binds one database per process): the Django test client, logged in
as an analyst, renders each page once to warm up, then --repeat times; the median is kept. The two processes take
turns page by page (a page at the small size, the same page at the large size, then the next page), so that a change
in what else the machine is doing falls on both sides of a ratio rather than on one size's whole run. Figure caching is off
(no REDIS_URL) unless --redis-url is given, so the times are what a page costs to compute. Targets: each page within
2x its small-size time, and every median under 150 ms at the large size.

The export runs in a process of its own too: rows per second, and the process's peak resident memory before and
after streaming every quote of every state (target: flat, under 200 MB).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import page_measure, page_warm_up  # noqa: E402

RATIO_TARGET = 2.0
LARGE_TARGET_MS = 150.0
EXPORT_MEMORY_TARGET_MB = 200.0
ANALYST_NAME = "scale-bench-analyst"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 1_000_000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--small-url", help="PostgreSQL database for the small size (populated if empty, kept)")
    parser.add_argument("--large-url", help="PostgreSQL database for the large size (populated if empty, kept)")
    parser.add_argument(
        "--server-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="where throwaway databases are created when no URL is given for a size",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed renders per page, median kept (default 5)")
    parser.add_argument(
        "--budget", type=float, default=5.0, help="seconds: a page slower than this is timed by its warm-up alone"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds a page's SQL statement may run before the page is reported as timed out (default 120)",
    )
    parser.add_argument("--redis-url", default="", help="measure with the dashboard figure cache on this Redis")
    parser.add_argument(
        "--index-pages", action="store_true", help="also the index pages (/people/ takes seconds at 1,000 articles)"
    )
    parser.add_argument("--no-export", action="store_true", help="skip the CSV export measurement")
    parser.add_argument("--child", choices=["pages", "export"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# The parent: databases, children, the table ------------------------------------------------------------------


def database_throwaway(server_url: str, size: int) -> tuple[str, callable]:
    import psycopg

    name = f"press_monitor_scale_{size}_{os.getpid()}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{server_url.rpartition('/')[0]}/{name}", drop


def child_command(kind: str, url: str, size: int, args) -> tuple[list[str], dict]:
    """The command line and environment of a measuring process on `url`."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("REDIS_URL", None)
    if kind == "pages":  # libpq passes this to the server: a runaway query ends the page rather than the bench
        env["PGOPTIONS"] = f"-c statement_timeout={int(args.timeout * 1000)}"
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    command = [sys.executable, __file__, "--child", kind, "--url", url, "--size", str(size)]
    command += ["--repeat", str(args.repeat), "--budget", str(args.budget)] + (
        ["--index-pages"] if args.index_pages else []
    )
    return command, env


def child(kind: str, url: str, size: int, args) -> dict:
    """Run a measurement in a fresh process and return what it printed as JSON on its last line."""
    command, env = child_command(kind, url, size, args)
    done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


class PagesChild:
    """A measuring process holding one size's database: it says what it holds, then times each page it is sent."""

    def __init__(self, url: str, size: int, args) -> None:
        command, env = child_command("pages", url, size, args)
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.result = self.answer()  # database, articles, quotes, populated_s, and the pages' names
        self.result["pages"] = dict.fromkeys(self.result.pop("names"))

    def answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"scale bench: the measuring process stopped (exit {self.process.wait()})")
        return json.loads(line)

    def measure(self, name: str) -> None:
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        self.result["pages"][name] = self.answer()["time"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child == "pages":
        return child_pages(args)
    if args.child:
        print(json.dumps(child_export(args)))
        return 0
    small, large = args.sizes
    drops, results = [], {}
    try:
        urls = {}
        for size, url in ((small, args.small_url), (large, args.large_url)):
            if not url:
                url, drop = database_throwaway(args.server_url, size)
                drops.append(drop)
            urls[size] = url
        children = {}
        for size in (small, large):
            print(f"  opening {size:,} articles", file=sys.stderr, flush=True)
            children[size] = PagesChild(urls[size], size, args)
        for name in children[small].result["pages"]:
            for size in (small, large):
                print(f"  {name} at {size:,}", file=sys.stderr, flush=True)
                children[size].measure(name)
        for size, measuring in children.items():
            measuring.close()
            results[size] = measuring.result
        export = None if args.no_export else child("export", urls[large], large, args)
    finally:
        for drop in drops:
            drop()
    return report(args, results, export)


def report(args, results: dict, export: dict | None) -> int:
    small, large = args.sizes
    s, g = results[small], results[large]
    cache = f"figure cache on {args.redis_url}" if args.redis_url else "figure cache off"
    print(f"\nScale bench on PostgreSQL: median of {args.repeat} renders after a warm-up, analyst, {cache}")
    for size, r in ((small, s), (large, g)):
        note = f" (populated here in {r['populated_s']:.0f} s)" if r["populated_s"] else ""
        print(f"  {size:,}: database {r['database']} holds {r['articles']:,} articles, {r['quotes']:,} quotes{note}")
    small_label, large_label = f"{s['articles']:,} ms", f"{g['articles']:,} ms"
    header = f"{'page':<34} {small_label:>11} {large_label:>13} {'ratio':>7} {'target':>7} {'queries':>9}"
    print(header)
    print("-" * len(header))
    over = 0
    for name, (t_small, q_small) in s["pages"].items():
        t_large, q_large = g["pages"][name]
        ratio = t_large / t_small if t_small else float("inf")
        flags = []
        if ratio > RATIO_TARGET:
            flags.append(f">{RATIO_TARGET:g}x")
        if t_large > LARGE_TARGET_MS:
            flags.append(f">{LARGE_TARGET_MS:g}ms")
        over += bool(flags)
        verdict = ",".join(flags) if flags else "ok"
        print(
            f"{name:<34} {ms(t_small, args):>11} {ms(t_large, args):>13} {ratio:>6.2f}x {verdict:>7} "
            f"{queries(q_small):>4}/{queries(q_large):<4}"
        )
    print(
        f"\nTargets: each page within {RATIO_TARGET:g}x its time at {small:,} and under {LARGE_TARGET_MS:g} ms at "
        f'{large:,}; {over} of {len(s["pages"])} pages miss one. Queries "1r": timed by one render (over the '
        f'{args.budget:g} s budget); "t/o": a statement ran past {args.timeout:g} s.'
    )
    if export:
        growth = export["peak_mb"] - export["before_mb"]
        verdict = "ok" if export["peak_mb"] < EXPORT_MEMORY_TARGET_MB else "OVER"
        print(
            f"\nCSV export of every quote (all states) at {g['articles']:,} articles: {export['rows']:,} rows, "
            f"{export['mb']:.0f} MB in {export['seconds']:.1f} s = {export['rows'] / export['seconds']:,.0f} rows/s; "
            f"peak RSS {export['before_mb']:.0f} MB before streaming, {export['peak_mb']:.0f} MB after "
            f"(+{growth:.0f} MB; target < {EXPORT_MEMORY_TARGET_MB:g} MB: {verdict})"
        )
        over += verdict != "ok"
    return 1 if over else 0


def ms(value: float, args) -> str:
    return f">{args.timeout:g} s" if value == float("inf") else f"{value:.1f}"


def queries(count: int) -> str:
    """The page's query count; "1r": timed by one render (over the budget); "t/o": a statement timed out."""
    return {-1: "1r", -2: "t/o"}.get(count, str(count))


# The children: one database each ----------------------------------------------------------------------------


def django_ready(size: int) -> tuple[int, float]:
    """Set Django up on DATABASE_URL; migrate and populate an empty database. Returns (articles, seconds spent)."""
    import django

    django.setup()
    from django.core.management import call_command

    from monitoring.articles.models import Article

    call_command("migrate", verbosity=0)
    populated = 0.0
    if not Article.objects.exists():
        print(f"  populating {size:,} articles (populate_synthetic)", file=sys.stderr, flush=True)
        started = time.perf_counter()
        call_command("populate_synthetic", "--articles", str(size), stdout=sys.stderr)
        populated = time.perf_counter() - started
    return Article.objects.count(), populated


def analyst_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from monitoring.core.roles import ANALYST

    user, _ = get_user_model().objects.get_or_create(username=ANALYST_NAME)
    user.groups.add(Group.objects.get(name=ANALYST))
    client = Client()
    client.force_login(user)
    return client


def bench_pages(index_pages: bool) -> dict[str, str]:
    """The pages, on subjects of the synthetic coverage (its first person, organization, outlet and tag); the index
    pages (/people/, /organizations/, /outlets/, /tags/) with --index-pages."""
    from monitoring.articles.models import Outlet
    from monitoring.codebook.models import Tag
    from monitoring.people.models import Organization, Person

    person = Person.objects.filter(quotes__isnull=False).order_by("pk").first()
    rare = person.name.split()[-1]  # "Keita-123": the person's articles only
    organization = Organization.objects.filter(roles__isnull=False).order_by("pk").first()
    outlet = Outlet.objects.filter(articles__isnull=False).order_by("pk").first()
    tag = Tag.objects.filter(tagged_articles__isnull=False).order_by("pk").first()
    pages = {
        "overview (last 30 days)": "/",
        "overview, all time": "/?start=1990-01-01",
        "article list": "/articles/",
        'search common "delegation"': "/articles/?q=delegation",
        f'search rare "{rare}"': f"/articles/?q={rare}",
        "person page": f"/people/{person.pk}/",
        "organization page": f"/organizations/{organization.pk}/",
        "outlet page": f"/outlets/{outlet.pk}/",
        "tag page": f"/tags/{tag.slug}/",
        "review queues": "/review/",
        "inbox": "/review/inbox/",
    }
    index = {
        "people index": "/people/",
        "organizations index": "/organizations/",
        "outlets index": "/outlets/",
        "tags index": "/tags/",
    }
    return {**pages, **index} if index_pages else pages


def page_time(client, name: str, url: str, repeat: int, budget_ms: float) -> tuple[float, int]:
    """Median milliseconds and query count of a page (the test client, no network); a page whose warm-up render
    takes longer than `budget_ms` is timed by that render alone (query count -1), one whose SQL ran past the
    statement timeout is infinitely slow (-2)."""
    from django.db import OperationalError, connection

    try:
        warm_up = page_warm_up(client, url)
    except OperationalError as exc:  # the statement timeout
        if "statement timeout" not in str(exc):
            raise
        connection.close()
        print(f"    {name}: timed out", file=sys.stderr, flush=True)
        return float("inf"), -2
    if warm_up > budget_ms:  # far off any target: one render tells enough, and five would take minutes
        print(f"    {name}: {warm_up:.1f} ms (warm-up only, over the budget)", file=sys.stderr, flush=True)
        return warm_up, -1
    timing = page_measure(client, url, repeat=repeat)
    print(f"    {name}: {timing.median_ms:.1f} ms", file=sys.stderr, flush=True)
    return timing.median_ms, timing.query_count


def child_pages(args) -> int:
    """Say what the database holds and which pages there are (a JSON line), then time each page named on standard
    input, a JSON line each, until it closes."""
    from urllib.parse import urlparse

    articles, populated = django_ready(args.size)
    from monitoring.people.models import Quote

    client = analyst_client()
    pages = bench_pages(args.index_pages)
    held = {"database": urlparse(args.url).path.lstrip("/"), "articles": articles, "quotes": Quote.objects.count()}
    print(json.dumps({**held, "populated_s": populated, "names": list(pages)}), flush=True)
    for line in sys.stdin:
        name = line.rstrip("\n")
        print(json.dumps({"time": page_time(client, name, pages[name], args.repeat, args.budget * 1000)}), flush=True)
    return 0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child_export(args) -> dict:
    django_ready(args.size)
    client = analyst_client()
    # A warm-up export of one day: the code paths loaded, the connection open, before the baseline is read.
    warm = client.get("/export/quotes.csv?unreviewed=on&start=2100-01-01")
    b"".join(warm.streaming_content)
    before = peak_mb()
    started = time.perf_counter()
    response = client.get("/export/quotes.csv?unreviewed=on")
    if response.status_code != 200:
        raise SystemExit(f"export: HTTP {response.status_code}")
    lines = size = 0
    for piece in response.streaming_content:
        lines += piece.count(b"\n")
        size += len(piece)
    seconds = time.perf_counter() - started
    return {
        "rows": lines - 1,  # the header
        "mb": size / 1e6,
        "seconds": seconds,
        "before_mb": before,
        "peak_mb": peak_mb(),
    }


if __name__ == "__main__":
    sys.exit(main())
