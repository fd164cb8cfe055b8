"""Real processes against the test database (PostgreSQL: SQLite's in-memory test database is not shared)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

REPO = Path(__file__).resolve().parents[1]


def process_env(**extra: str) -> dict:
    """The environment of a process that uses the test database, media and import folders."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "IMPORT_ROOT": str(settings.IMPORT_ROOT),
        **extra,
    }


def process_start(args: list[str], log: Path, **env: str) -> subprocess.Popen:
    """`python args...` in the repository, in a session of its own (so a kill reaches its children); what it prints
    goes to `log`."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, *args], cwd=REPO, env=process_env(**env), start_new_session=True, stdout=out, stderr=out
        )


def process_kill(process: subprocess.Popen) -> None:
    """SIGKILL to the process and its children: nothing is finished, flushed or acknowledged."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def wait_for(condition, *, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            printed = log.read_text(errors="replace")[-4000:] if log.exists() else ""
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}; the process printed:\n{printed}")
        time.sleep(0.2)


def articles_folder(folder: Path, count: int, photo_every: int = 0) -> Path:
    """`count` generated press-text articles (bench/generate_articles.py: every name generated, none real)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.generate_articles import articles_generate

    articles_generate(folder, count=count, photo_every=photo_every)
    return folder
