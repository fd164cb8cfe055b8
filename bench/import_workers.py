"""Import N generated articles through Celery workers on PostgreSQL and Redis: 1 worker process, then 2.

    .venv/bin/python bench/import_workers.py [--count 10000] [--database-url URL] [--redis-url URL]

Each run starts from an empty database: the job is created (one row per file), its chunks are enqueued, and the
clock stops when the last file is done. Workers are separate processes (`celery worker --pool solo`), as on separate
machines. Prints articles per second for each, the scaling factor, and each worker's peak resident memory.
Targets (intake issue): at least 250 articles/s with 2 workers, scaling at least 1.6, worker memory under 200 MB.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate_articles import articles_generate  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/press_monitor_bench_workers"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"


def bench_env(work: Path, database_url: str, redis_url: str, queue: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_QUEUE": queue,
        "MEDIA_ROOT": str(work / "media"),
        "IMPORT_ROOT": str(work / "imports"),
    }


def manage(env: dict, *args: str) -> str:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def peak_rss_mib(pid: int) -> float:
    """Peak resident memory of a running process (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Runs inside `manage.py shell`: create the job, enqueue it, wait for it, print the seconds it took.
JOB_SCRIPT = """
import time
from monitoring.intake import services
from monitoring.intake.models import ImportJob, JobSource, JobState
job = services.job_create(user=None, source=JobSource.FOLDER, paths=[{folder!r}], label="bench")
start = time.perf_counter()
services.job_enqueue(job)
while ImportJob.objects.get(pk=job.pk).state != JobState.DONE:
    time.sleep(0.2)
took = time.perf_counter() - start
job = ImportJob.objects.get(pk=job.pk)
failed = job.files.exclude(outcome="created").count()
print(f"@@ {{took:.3f}} {{job.done}} {{failed}}")
"""


def run_workers(env: dict, folder: Path, workers: int, queue: str) -> tuple[float, int, int, list[float]]:
    manage(env, "flush", "--noinput")
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-Q",
        queue,
        "--pool",
        "solo",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-l",
        "warning",
    ]
    processes = [
        subprocess.Popen(
            [*command, "-n", f"bench{n}@%h"],
            cwd=REPO,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(workers)
    ]
    try:
        time.sleep(3)  # let the workers connect before the clock starts
        out = manage(env, "shell", "-c", JOB_SCRIPT.format(folder=str(folder)))
        rss = [peak_rss_mib(p.pid) for p in processes]
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    took, done, failed = out.strip().splitlines()[-1].split()[1:]
    return float(took), int(done), int(failed), rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--database-url", default=DEFAULT_DB)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    args = parser.parse_args()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="press-monitor-workers-") as tmp:
        work = Path(tmp)
        env = bench_env(work, args.database_url, args.redis_url, queue)
        db_name = args.database_url.rsplit("/", 1)[1]
        server = args.database_url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", server, "-qc", f"DROP DATABASE IF EXISTS {db_name}"], check=True)
        subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {db_name}"], check=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        articles_generate(work / "articles", count=args.count)
        results = {n: run_workers(env, work / "articles", n, queue) for n in (1, 2)}
    print(f"articles                  {args.count:>10,}  (PostgreSQL, Redis broker, chunks of 50 to 250 files a task)")
    rates = {}
    for n, (took, done, failed, rss) in results.items():
        rates[n] = args.count / took
        memory = ", ".join(f"{value:.0f}" for value in rss)
        print(
            f"{n} worker process{'es' if n > 1 else '  '}       {took:>8.1f} s   {rates[n]:>7.1f} articles/s   "
            f"files done {done:,}, not created {failed}   peak RSS {memory} MiB"
        )
    scaling = rates[2] / rates[1]
    peak = max(max(r[3]) for r in results.values())
    print(f"2 workers, target >= 250 articles/s   {rates[2]:.1f}   {'PASS' if rates[2] >= 250 else 'FAIL'}")
    print(f"scaling 2 vs 1, target >= 1.6       {scaling:.2f}   {'PASS' if scaling >= 1.6 else 'FAIL'}")
    print(f"worker peak RSS, target < 200 MB    {peak:.0f} MiB   {'PASS' if peak < 200 else 'FAIL'}")


if __name__ == "__main__":
    main()
