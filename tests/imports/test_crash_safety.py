"""Imports under races and crashes: two real processes on one folder, a run killed mid-batch, search rows that
commit with their articles, texts past the search engine's limit, a rebuild that never empties the index, and the
image files a killed run leaves behind."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from monitoring.articles.models import Article
from monitoring.dashboards import search
from monitoring.dashboards.search import articles_search, search_index_rebuild
from monitoring.people.models import Person, Quote
from monitoring.photos.models import Photo
from tests.factories import ArticleFactory
from tests.imports.conftest import jpeg
from tests.processes import articles_folder, process_kill, process_start, wait_for

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="other processes need a shared database")


def unindexed() -> set[int]:
    """Articles with no search row (rows of earlier transactional tests' articles may remain: the flush between
    such tests skips the unmanaged search table)."""
    return article_ids() - indexed_ids()


def indexed_ids() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {search.TABLE}")
        return {row[0] for row in cursor.fetchall()}


def article_ids() -> set[int]:
    return set(Article.objects.values_list("pk", flat=True))


def import_run(folder: Path) -> str:
    out = StringIO()
    call_command("import_articles", str(folder), stdout=out, stderr=StringIO())
    return out.getvalue()


def counts(summary: str) -> dict[str, int]:
    return {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", summary.splitlines()[-1])} | {
        word: int(n) for word, n in re.findall(r"(\w+) (\d+)", summary.splitlines()[-1])
    }


def every_article_once() -> None:
    assert Article.objects.values("source_name").distinct().count() == Article.objects.count()
    assert Quote.objects.values("article", "start", "end").distinct().count() == Quote.objects.count()
    assert Person.objects.values("key").distinct().count() == Person.objects.count()


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a flush without it re-creates content types
def test_two_processes_importing_one_folder_at_once_create_each_article_once(tmp_path):
    folder = articles_folder(tmp_path / "in", 240)
    known = tmp_path / "known"
    known.mkdir()
    for path in sorted(folder.glob("*.txt"))[:20]:  # persons already known, as in a real second run
        shutil.copy(path, known / path.name)
    import_run(known)
    runs = [process_start(["manage.py", "import_articles", str(folder)], tmp_path / f"run{n}.log") for n in (1, 2)]
    for n, run in enumerate(runs, 1):
        assert run.wait(timeout=300) == 0, (tmp_path / f"run{n}.log").read_text()
    created = [counts((tmp_path / f"run{n}.log").read_text())["created"] for n in (1, 2)]
    assert sum(created) == 220
    assert Article.objects.count() == 240
    every_article_once()
    assert unindexed() == set()
    assert "unchanged 240" in import_run(folder)


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a flush without it re-creates content types
def test_a_run_killed_mid_batch_then_rerun_leaves_every_article_once_and_searchable(tmp_path):
    folder = articles_folder(tmp_path / "in", 300, photo_every=3)
    media = Path(settings.MEDIA_ROOT)

    def files_on_disk() -> set[str]:
        return {
            p.relative_to(media).as_posix() for d in ("photos", "thumbs") for p in (media / d).rglob("*") if p.is_file()
        }

    def files_named() -> set[str]:
        return {name for pair in Photo.objects.values_list("image", "thumbnail") for name in pair if name}

    log = tmp_path / "run.log"
    run = process_start(["manage.py", "import_articles", str(folder)], log)
    try:
        # Killed while a batch is written: some articles committed, and image files of uncommitted ones on disk.
        wait_for(
            lambda: Article.objects.exists() and files_on_disk() - files_named(), timeout=240, what="a batch", log=log
        )
    finally:
        process_kill(run)
    assert 0 < Article.objects.count() < 300
    import_run(folder)
    assert Article.objects.count() == 300
    every_article_once()
    assert unindexed() == set()
    assert len(articles_search(Article.objects.all(), "said")) == Article.objects.filter(body__contains="said").count()
    out = StringIO()
    call_command("media_orphans_remove", "--minutes", "0", stdout=out)
    assert files_on_disk() == files_named()
    assert all((media / name).is_file() for name in files_named())


@pytest.mark.django_db
def test_an_import_writes_search_rows_with_its_articles_not_after_commit(story_dir):
    """A kill between a batch's commit and an after-commit refresh lost its articles from search for good."""
    import_run(story_dir)  # the test's transaction never commits: no on-commit callback runs
    assert article_ids() and indexed_ids() == article_ids()


@pytest.mark.django_db
def test_an_import_run_repairs_missing_search_rows(story_dir):
    import_run(story_dir)
    lost = ArticleFactory()  # saved by the test's own transaction: its on-commit refresh never runs
    assert lost.pk not in indexed_ids()
    assert "unchanged 1" in import_run(story_dir)
    assert indexed_ids() == article_ids()


@pytest.mark.django_db
def test_a_text_past_the_engine_limit_is_indexed_by_its_leading_part(tmp_path):
    words = [f"w{n:06d}x" for n in range(180_000)]  # 1.6 MB of distinct words: past PostgreSQL's 1 MB tsvector
    body = "Zanzibarian clove harvest opens. " + " ".join(words)
    (tmp_path / "huge.txt").write_text(f"Clove harvest report\n\nThe Spice Courier\n\n{body}\n", encoding="utf-8")
    (tmp_path / "small.txt").write_text("Ferry timetable\n\nThe Spice Courier\n\nThe ferry sails at dawn.\n")
    with override_limit(2_000_000):
        summary = import_run(tmp_path)
    assert "created 2" in summary and "failed 0" in summary
    assert indexed_ids() == article_ids()
    assert len(articles_search(Article.objects.all(), "Zanzibarian")) == 1
    assert len(articles_search(Article.objects.all(), "ferry")) == 1
    assert search_index_rebuild() == 2
    assert indexed_ids() == article_ids()


def override_limit(size: int):
    from django.test import override_settings

    return override_settings(IMPORT_MAX_BYTES=size)


@pytest.mark.django_db
def test_a_rebuild_that_fails_midway_leaves_the_live_index_whole(monkeypatch):
    articles = ArticleFactory.create_batch(3)
    search.search_index_refresh([a.pk for a in articles])
    real, calls = search.search_documents, []

    def failing_on_the_second_chunk(ids, **models):
        calls.append(ids)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(ids, **models)

    monkeypatch.setattr(search, "CHUNK", 1)
    monkeypatch.setattr(search, "search_documents", failing_on_the_second_chunk)
    with pytest.raises(RuntimeError):
        search_index_rebuild()
    assert indexed_ids() == {a.pk for a in articles}


@pytest.mark.django_db
def test_a_rebuild_drops_rows_of_deleted_articles():
    kept, gone = ArticleFactory.create_batch(2)
    search.search_index_refresh([kept.pk, gone.pk])
    Article.objects.filter(pk=gone.pk).delete()
    assert search_index_rebuild() == 1
    assert indexed_ids() == {kept.pk}


@pytest.mark.django_db
def test_orphan_images_are_removed_and_named_or_recent_ones_kept(tmp_path):
    import os
    import time

    media = Path(settings.MEDIA_ROOT)
    folder = media / "photos" / "2020" / "01"
    folder.mkdir(parents=True, exist_ok=True)
    orphan, recent, named = folder / "orphan.jpg", folder / "recent.jpg", folder / "named.jpg"
    for path in (orphan, recent, named):
        jpeg(path)
    old = time.time() - 7200
    os.utime(orphan, (old, old))
    os.utime(named, (old, old))
    Photo.objects.create(article=ArticleFactory(), image="photos/2020/01/named.jpg", thumbnail="thumbs/named.jpg")
    out = StringIO()
    call_command("media_orphans_remove", "--dry-run", stdout=out)
    assert str(orphan) in out.getvalue() and orphan.exists()
    call_command("media_orphans_remove", stdout=out)
    assert not orphan.exists() and recent.exists() and named.exists()
    assert "Removed 1 orphan image file(s)." in out.getvalue()
