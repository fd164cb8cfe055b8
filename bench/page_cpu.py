"""CPU per page of the load bench's mix (overview, article list, search, reader, person), split into the Django
process's CPU and the PostgreSQL backend's CPU, without gunicorn or locust: what bounds bench/load_bench.py's
requests/s on a machine where all three share the cores.

    .venv/bin/python bench/page_cpu.py --database-url postgres://postgres@127.0.0.1:5432/load_db
    .venv/bin/python bench/page_cpu.py --database-url ... --requests 50 --profile reader   # cProfile of one page

Production settings (config.settings.prod, DEBUG off, WhiteNoise's manifest from a temporary collectstatic), the
subjects and the analyst sessions load_bench.py prepares, the same URLs in the same order for a given --seed. Each
page type is requested once to warm up, then --requests times through the Django test client; the Django side is
this process's CPU time (time.process_time), the database side the server backend's utime + stime from /proc (so
PostgreSQL must run on this machine, readable by this user). Figure caching is off unless --redis-url is given.
"""

import argparse
import cProfile
import os
import pstats
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The load bench's tasks and weights (bench/locustfile.py).
WEIGHTS = {"overview": 2, "article list": 2, "search": 2, "reader": 3, "person": 1}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database holding articles")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page type (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="picks the URLs (default 1)")
    parser.add_argument("--redis-url", default="", help="turn the dashboard figure cache on, on this Redis")
    parser.add_argument("--profile", choices=sorted(WEIGHTS), help="print a cProfile of this page type")
    parser.add_argument("--lines", type=int, default=40, help="cProfile lines printed (default 40)")
    return parser.parse_args(argv)


def settings_env(args, static_root: str) -> None:
    """The environment load_bench.py gives gunicorn."""
    for name in [k for k in os.environ if k.startswith(("DJANGO_", "DATABASE_", "DEBUG", "REDIS_URL"))]:
        del os.environ[name]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        DATABASE_URL=args.database_url,
        STATIC_ROOT=static_root,
    )
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url


def page_urls(data: dict, requests: int, seed: int) -> dict[str, list[str]]:
    """`requests` URLs of each page type, drawn as the locust users draw them."""
    pick = random.Random(seed)
    makers = {
        "overview": lambda: "/",
        "article list": lambda: f"/articles/?page={pick.randint(1, 5)}",
        "search": lambda: f"/articles/?q={pick.choice(data['words'])}",
        "reader": lambda: f"/articles/{pick.choice(data['article_ids'])}/",
        "person": lambda: f"/people/{pick.choice(data['persons'])}/",
    }
    return {name: [make() for _ in range(requests)] for name, make in makers.items()}


def backend_cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(client, urls: list[str], backend_pid: int) -> dict:
    """Request every URL; the means per request of this process's CPU, the backend's CPU, wall time and queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = 0
    wall, cpu, db = time.perf_counter(), time.process_time(), backend_cpu_seconds(backend_pid)
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, headers={"x-forwarded-proto": "https"})
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        queries += len(captured.captured_queries)
    n = len(urls)
    return {
        "django_ms": (time.process_time() - cpu) * 1000 / n,
        "db_ms": (backend_cpu_seconds(backend_pid) - db) * 1000 / n,
        "wall_ms": (time.perf_counter() - wall) * 1000 / n,
        "queries": queries / n,
    }


def report(results: dict[str, dict]) -> None:
    header = f"{'page':<13} {'Django CPU ms':>13} {'DB CPU ms':>10} {'total ms':>9} {'wall ms':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        total = r["django_ms"] + r["db_ms"]
        print(
            f"{name:<13} {r['django_ms']:>13.1f} {r['db_ms']:>10.1f} {total:>9.1f} {r['wall_ms']:>8.1f} "
            f"{r['queries']:>8.1f}"
        )
    weight = sum(WEIGHTS.values())
    mix = {key: sum(r[key] * WEIGHTS[name] for name, r in results.items()) / weight for key in ("django_ms", "db_ms")}
    total = mix["django_ms"] + mix["db_ms"]
    print(
        f"{'load mix':<13} {mix['django_ms']:>13.1f} {mix['db_ms']:>10.1f} {total:>9.1f}"
        f"   (weights {WEIGHTS}; 2 cores at this CPU: at most {2000 / total:.0f} requests/s)"
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    static_root = tempfile.mkdtemp(prefix="page-cpu-static-")
    settings_env(args, static_root)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    from bench.load_bench import prepare  # sets Django up, migrates, makes the analyst sessions

    data = prepare(1)
    from django.db import connection
    from django.test import Client

    client = Client()
    client.cookies["sessionid"] = data["sessions"][0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend_pid = cursor.fetchone()[0]
    urls = page_urls(data, args.requests, args.seed)
    results = {}
    for name, page in urls.items():
        run(client, page[:1], backend_pid)  # warm-up: templates compiled, code loaded
        if name == args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
        results[name] = run(client, page, backend_pid)
        if name == args.profile:
            profiler.disable()
    print(f"\nCPU per page, mean of {args.requests} requests each, figure cache {'on' if args.redis_url else 'off'}")
    report(results)
    if args.profile:
        print(f"\ncProfile of {args.profile} ({args.requests} requests), by own time then cumulative:")
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("tottime").print_stats(args.lines)
        stats.sort_stats("cumulative").print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
