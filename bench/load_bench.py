"""Load test: 20 logged-in analysts browsing (overview, article list, search, reader, person pages) against gunicorn
with production settings, for a bounded time, with locust headless; requests/s, p50/p95/p99 and errors against the
targets (0 errors, at least 60 requests/s, p95 under 500 ms).

    .venv/bin/pip install '.[bench]'          # locust (not in dev: CI does not need it)
    .venv/bin/python bench/load_bench.py --database-url postgres://postgres@127.0.0.1:5432/scale_10k
    .venv/bin/python bench/load_bench.py --database-url ... --redis-url redis://127.0.0.1:6379/5 --run-time 30

The database must hold articles (`manage.py populate_synthetic --articles N` on an empty one); it is migrated, and
--users analyst accounts (load-bench-analyst-N) are created in it if missing, each with a fresh session. gunicorn
runs config.settings.prod (DEBUG off, WhiteNoise serving collectstatic's output from a temporary folder, a random
SECRET_KEY) with --workers on a free loopback port; requests carry `X-Forwarded-Proto: https` as the TLS proxy
would send them, so no setting is relaxed for the test. Figure caching is on only with --redis-url (it needs a
cache shared by the workers). locust runs on the same machine as gunicorn and PostgreSQL and takes its share of
the CPU.
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET_RPS, TARGET_P95_MS = 60.0, 500.0
COMMON_WORDS = ["delegation", "cooperation", "railways", "vaccines", "talks", "ports"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database holding articles")
    parser.add_argument("--users", type=int, default=20, help="concurrent locust users (default 20)")
    parser.add_argument("--run-time", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--think", type=float, default=0.0, help="max seconds a user waits between pages (default 0)")
    parser.add_argument("--redis-url", default="", help="turn the dashboard figure cache on, on this Redis")
    parser.add_argument("--pool", default="", help='DATABASE_POOL for gunicorn, e.g. "2:4" (default: none)')
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def prepare(users: int) -> dict:
    """In the production-settings process: analyst accounts with a session each, and subjects to browse."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client

    from monitoring.articles.models import Article
    from monitoring.core.roles import ANALYST
    from monitoring.people.models import Person, Quote

    call_command("migrate", verbosity=0)
    if not Article.objects.exists():
        raise SystemExit("The database holds no articles: run `manage.py populate_synthetic --articles N` first.")
    group = Group.objects.get(name=ANALYST)
    sessions = []
    for n in range(users):
        user, _ = get_user_model().objects.get_or_create(username=f"load-bench-analyst-{n}")
        user.groups.add(group)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    top = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    article_ids = [top - n for n in range(0, min(top, 100_000), 50)]  # the newest stretch, as analysts browse
    article_ids = list(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
    speakers = Quote.objects.filter(article_id__in=article_ids[:300], speaker__isnull=False)
    persons = sorted(set(speakers.values_list("speaker_id", flat=True)))
    rare = [name.split()[-1] for name in Person.objects.filter(pk__in=persons[:20]).values_list("name", flat=True)]
    return {"sessions": sessions, "article_ids": article_ids, "persons": persons, "words": COMMON_WORDS + rare}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, log: Path) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    for _ in range(120):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in 60 s")


def csv_read(path: str) -> list[dict]:
    with open(path, newline="") as file:
        return list(csv.DictReader(file))


def report(args, rows: list[dict], failures: int) -> int:
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print(
        f"\nLoad bench: {args.users} analysts, {args.run_time} s, gunicorn {args.workers} workers, config.settings.prod, "
        f"think time 0-{args.think:g} s, figure cache {'on ' + args.redis_url if args.redis_url else 'off'}"
    )
    header = f"{'request':<14} {'count':>7} {'errors':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    print(header)
    print("-" * len(header))
    for row in sorted(rows, key=lambda r: r["Name"] == "Aggregated"):
        print(
            f"{row['Name']:<14} {int(row['Request Count']):>7} {int(row['Failure Count']):>7} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    rps, p95, errors = float(total["Requests/s"]), float(total["95%"]), int(total["Failure Count"]) + failures
    checks = [
        (f"errors {errors} (target 0)", errors == 0),
        (f"{rps:.1f} requests/s (target >= {TARGET_RPS:g})", rps >= TARGET_RPS),
        (f"p95 {p95:g} ms (target < {TARGET_P95_MS:g} ms)", p95 < TARGET_P95_MS),
    ]
    print("\n" + "; ".join(f"{text}: {'ok' if ok else 'MISSED'}" for text, ok in checks))
    return 0 if all(ok for _, ok in checks) else 1


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.prepare:
        print(json.dumps(prepare(args.users)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "DEBUG", "REDIS_URL"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.database_url,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    if args.pool:
        env["DATABASE_POOL"] = args.pool
    gunicorn = None
    try:
        print("  collectstatic, accounts and sessions", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        prepared = subprocess.run(
            [sys.executable, __file__, "--prepare", "--database-url", args.database_url, "--users", str(args.users)],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        data = json.loads(prepared.stdout.strip().splitlines()[-1])
        data["think"] = args.think
        (work / "data.json").write_text(json.dumps(data))
        port = free_port()
        log = work / "gunicorn.log"
        print(f"  gunicorn on 127.0.0.1:{port}, {args.workers} workers", file=sys.stderr, flush=True)
        gunicorn = subprocess.Popen(
            [BIN / "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
            + ["--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(port, gunicorn, log)
        print(f"  locust: {args.users} users for {args.run_time} s", file=sys.stderr, flush=True)
        prefix = work / "locust"
        locust = subprocess.run(
            [BIN / "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary"]
            + ["--users", str(args.users), "--spawn-rate", str(args.users), "--run-time", f"{args.run_time}s"]
            + ["--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--stop-timeout", "10"],
            cwd=ROOT,
            env={**os.environ, "LOAD_BENCH_DATA": str(work / "data.json")},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if not Path(f"{prefix}_stats.csv").exists():
            raise SystemExit(f"locust wrote no statistics:\n{locust.stdout[-3000:]}")
        for error in csv_read(f"{prefix}_failures.csv"):
            print(f"  error: {error['Method']} {error['Name']}: {error['Error']} x{error['Occurrences']}")
        exceptions = csv_read(f"{prefix}_exceptions.csv")  # raised in a task: no request counted
        for exception in exceptions:
            print(f"  exception x{exception['Count']}: {exception['Message']}")
        return report(args, csv_read(f"{prefix}_stats.csv"), sum(int(e["Count"]) for e in exceptions))
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
