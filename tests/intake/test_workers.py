"""Import jobs on real Celery workers with the real Redis broker, on PostgreSQL (the worker is another process, so
it must see the test database: SQLite's in-memory test database is not shared)."""

import os
import uuid
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app
from monitoring.articles.models import Article
from monitoring.intake import services
from monitoring.intake.models import ImportJob, JobSource, JobState
from monitoring.people.models import Quote
from tests.processes import articles_folder, process_kill, process_start, wait_for

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
VISIBILITY = 8  # seconds before a task of a killed worker is delivered again

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a worker process needs a shared database"),
]


def redis_reachable() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def broker(monkeypatch):
    if not redis_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {REDIS_URL} is unreachable: the worker tests cannot run")
        pytest.skip(f"Redis at {REDIS_URL} is unreachable")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")}
    saved["broker_transport_options"] = dict(app.conf.broker_transport_options or {})
    app.conf.update(
        task_always_eager=False,
        broker_url=REDIS_URL,
        task_default_queue=queue,
        broker_transport_options={"visibility_timeout": VISIBILITY},
    )
    broker_pools_reset()
    yield queue
    app.conf.update(saved)
    broker_pools_reset()


def broker_pools_reset() -> None:
    """Publish through the broker just configured: the app keeps the connection and producer pools it made for the
    broker of an earlier test, and would send this test's tasks there, where no worker listens."""
    app._pool = None
    app.amqp._producer_pool = None


def worker_start(queue: str, log: Path, concurrency: int = 2):
    """A real worker process on its own queue; what it prints goes to `log`, shown when a test times out."""
    command = ["-m", "celery", "-A", "config", "worker", "-Q", queue, "-c", str(concurrency)]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning"]
    return process_start(
        command,
        log,
        CELERY_BROKER_URL=REDIS_URL,
        CELERY_QUEUE=queue,
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY),
        CELERY_RESTORE_INTERVAL="1",  # look for the killed worker's task every 10 s, not kombu's 100
    )


def job_state(pk: int) -> ImportJob:
    return ImportJob.objects.get(pk=pk)


def test_a_job_of_200_files_finishes_on_workers_with_every_article_once(broker, tmp_path, analyst):
    job = services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(articles_folder(tmp_path / "in", 200))])
    worker = worker_start(broker, tmp_path / "worker.log")
    try:
        services.job_enqueue(job)
        wait_for(
            lambda: job_state(job.pk).state == JobState.DONE,
            timeout=180,
            what="the job to finish",
            log=tmp_path / "worker.log",
        )
    finally:
        process_kill(worker)
    failed = list(job.files.exclude(outcome="created").values_list("name", "outcome", "message"))
    assert failed == []
    assert Article.objects.count() == 200
    assert Article.objects.values("source_name").distinct().count() == 200
    assert Quote.objects.values("article", "start", "end").distinct().count() == Quote.objects.count()


def test_a_worker_killed_mid_job_then_restarted_completes_it(broker, tmp_path, analyst):
    job = services.job_create(user=analyst, source=JobSource.FOLDER, paths=[str(articles_folder(tmp_path / "in", 200))])
    worker = worker_start(broker, tmp_path / "worker.log", concurrency=1)
    try:
        services.job_enqueue(job)
        wait_for(lambda: Article.objects.exists(), timeout=120, what="the first articles", log=tmp_path / "worker.log")
        process_kill(worker)  # SIGKILL to the whole worker: its task in hand is neither finished nor acknowledged
        assert job_state(job.pk).state != JobState.DONE
        worker = worker_start(broker, tmp_path / "worker.log", concurrency=1)
        wait_for(
            lambda: job_state(job.pk).state == JobState.DONE,
            timeout=240,
            what="the job to finish after restart",
            log=tmp_path / "worker.log",
        )
    finally:
        process_kill(worker)
    assert Article.objects.count() == 200
    assert Article.objects.values("source_name").distinct().count() == 200
    assert job_state(job.pk).done == 200
    assert Quote.objects.values("article", "start", "end").distinct().count() == Quote.objects.count()
