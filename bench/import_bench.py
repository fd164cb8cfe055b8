"""Import N synthetic articles, then time Django's loaddata on a fixture of the same resulting rows.

    .venv/bin/python bench/import_bench.py [--count 10000] [--database-url URL]

Target (import issue): the import, with all its parsing and extraction, takes less than half of
loaddata's time for the same rows. Also prints the import's peak memory at N/10 and N, which
should stay flat because the import streams and writes in batches.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate_articles import articles_generate  # noqa: E402

APPS = ["core", "codebook", "articles", "people", "photos", "taggit"]


def manage(env: dict, *args: str) -> tuple[float, int]:
    """Run manage.py in a child process; return (seconds, peak resident memory in MiB)."""
    code = (
        "import resource, runpy, sys, time\n"
        f"sys.argv = ['manage.py', *{list(args)!r}]\n"
        "start = time.perf_counter()\n"
        "try:\n"
        "    runpy.run_path('manage.py', run_name='__main__')\n"
        "finally:\n"
        "    print(f'@@ {time.perf_counter() - start:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}',"
        " file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    marker = [line for line in result.stderr.splitlines() if line.startswith("@@ ")]
    if result.returncode != 0 or not marker:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    seconds, rss_kib = marker[-1].split()[1:]
    return float(seconds), int(rss_kib) // 1024


def bench_env(workdir: Path, database_url: str | None) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",  # DEBUG keeps a log of every query: not what a real import pays
            "DATABASE_URL": database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
        }
    )
    return env


def run(count: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="press-monitor-bench-") as tmp:
        work = Path(tmp)
        env = bench_env(work, database_url)
        small = max(count // 10, 1)
        articles_generate(work / "small", count=small)
        articles_generate(work / "articles", count=count)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "flush", "--noinput")
        _, rss_small = manage(env, "import_articles", str(work / "small"), "-v", "0")
        manage(env, "flush", "--noinput")
        import_s, rss = manage(env, "import_articles", str(work / "articles"), "-v", "0")
        fixture = work / "rows.json"
        manage(env, "dumpdata", *APPS, "--natural-foreign", "-o", str(fixture))
        manage(env, "flush", "--noinput")
        load_s, _ = manage(env, "loaddata", str(fixture), "-v", "0")
        size_mb = fixture.stat().st_size / 1e6
    ratio = import_s / load_s
    print(f"articles imported        {count:>10,}")
    print(f"import_articles          {import_s:>10.2f} s   ({count / import_s:,.0f} articles/s)")
    print(f"loaddata (same rows)     {load_s:>10.2f} s   (fixture {size_mb:,.1f} MB)")
    print(f"ratio import/loaddata    {ratio:>10.2f}     target < 0.50  {'PASS' if ratio < 0.5 else 'FAIL'}")
    print(f"peak memory, {small:,} vs {count:,} articles: {rss_small} MiB vs {rss} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--database-url", help="Default: a throwaway SQLite file.")
    args = parser.parse_args()
    run(args.count, args.database_url)


if __name__ == "__main__":
    main()
