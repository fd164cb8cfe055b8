"""Running import jobs: every import, from an upload, a folder on the server or a feed, goes through here.

A job's files are imported in chunks (one Celery task each when workers are configured, in this process when not);
each chunk goes through the importer's one service (`units_import`), so what a file yields is the same whatever
the door. A chunk redelivered after a worker died finds its finished files marked done and skips them, and the
importer's own idempotency (unchanged files write nothing, a database constraint on each article's identity)
makes a half-done file safe to run again.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from monitoring.ingest.parsers import ParseError
from monitoring.ingest.selectors import keyword_rules, outlet_names
from monitoring.ingest.services import ImportCache, ImportOptions, ImportReport, Outcome, units_import
from monitoring.ingest.sources import file_units, limits_configured, paths_expand, source_label

from .models import FileState, ImportJob, ImportJobFile, JobState

CHUNK_FILES = 50
CHUNK_FILES_MAX = 250
ESCAPED = "%"  # marks a stored path kept percent-escaped


def path_store(path: Path | str) -> str:
    """A file system path as text the database can hold, reversibly: a name whose bytes are not UTF-8 (which
    Python holds as lone surrogates) is kept percent-escaped."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return ESCAPED + quote(os.fsencode(text), safe="/")
    return ESCAPED + quote(text, safe="/") if text.startswith(ESCAPED) else text


def path_load(stored: str) -> Path:
    """The path `path_store` kept."""
    if stored.startswith(ESCAPED):
        return Path(os.fsdecode(unquote_to_bytes(stored[len(ESCAPED) :])))
    return Path(stored)


def job_create(
    *,
    user,
    source: str,
    paths: Iterable[str],
    label: str = "",
    options: dict | None = None,
    feed=None,
) -> ImportJob:
    """Record a job with one row per input file (folders are expanded, globs matched); nothing is imported yet."""
    files, unreadable = [], []
    for item in paths_expand(paths):
        (unreadable if isinstance(item, ParseError) else files).append(item)
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=user if user is not None and user.is_authenticated else None,
            source=source,
            label=label[:500],
            options=options or {},
            total=len(files) + len(unreadable),
            done=len(unreadable),
            feed=feed,
        )
        ImportJobFile.objects.bulk_create(
            [
                ImportJobFile(
                    job=job, name=_display_name(Path(path), root), path=path_store(path), root=path_store(root)
                )
                for path, root in files
            ]
            + [
                ImportJobFile(
                    job=job,
                    name=error.source[:500],
                    path=error.source,
                    root="",
                    state=FileState.DONE,
                    outcome=Outcome.FAILED.value,
                    counts={Outcome.FAILED.value: 1},
                    message=str(error),
                )
                for error in unreadable
            ]
        )
    return job


def _display_name(path: Path, root: Path) -> str:
    try:
        return source_label(path.resolve().relative_to(root))[:500]
    except ValueError:
        return source_label(path.name)[:500]


def chunk_size(pending: int) -> int:
    """Files a task takes: CHUNK_FILES for a small job, so its tasks spread over the workers; more for a large one
    (a twentieth of it, up to CHUNK_FILES_MAX), since each task has a fixed cost (lookups, bookkeeping) that large
    chunks spread over more files. Measured with bench/import_workers.py on 2,000 files: 50-file chunks gave 80 and
    151 articles/s with 1 and 2 workers, 200-file chunks 116 and 190."""
    return min(CHUNK_FILES_MAX, max(CHUNK_FILES, pending // 20))


def job_chunks(job: ImportJob, *, size: int | None = None) -> list[list[int]]:
    """The ids of the job's pending files, in chunks (one task each)."""
    ids = list(job.files.filter(state=FileState.PENDING).values_list("pk", flat=True))
    size = size or chunk_size(len(ids))
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def job_enqueue(job: ImportJob) -> None:
    """Hand the job's pending files to the workers (or run them here when no broker is configured)."""
    from .tasks import import_files

    chunks = job_chunks(job)
    if not chunks:
        job_finish_check(job.pk)
        return
    for chunk in chunks:
        import_files.delay(job.pk, chunk)


def job_run(job: ImportJob, *, report: ImportReport | None = None, progress=None) -> ImportJob:
    """Import every pending file of the job in this process (the command without --background).

    `report` collects the whole run's counts and messages (files that could not be listed included);
    `progress` wraps the stream of parsed units (a progress bar).
    """
    if report is not None:
        for row in job.files.filter(state=FileState.DONE, outcome=Outcome.FAILED.value):
            report.record(row.name, Outcome.FAILED, message=row.message)
            report.errors.append(row.message)
    cache = ImportCache()  # one run: persons, outlets and tags looked up once, not once a chunk
    for chunk in job_chunks(job):
        chunk_report = files_import(job_id=job.pk, file_ids=chunk, progress=progress, cache=cache)
        if report is not None:
            report.merge(chunk_report)
    job.refresh_from_db()
    return job


def _file_outcome(counts: Counter) -> str:
    present = [outcome.value for outcome in Outcome if counts.get(outcome.value)]
    return present[0] if len(present) == 1 else ("mixed" if present else "empty")


def files_import(*, job_id: int, file_ids: list[int], progress=None, cache: ImportCache | None = None) -> ImportReport:
    """Import the given files of a job, skipping those already done; record each file's outcome and progress."""
    report = ImportReport()
    files = list(ImportJobFile.objects.filter(job_id=job_id, pk__in=file_ids, state=FileState.PENDING))
    if not files:
        job_finish_check(job_id)
        return report
    job = ImportJob.objects.get(pk=job_id)
    if job.state == JobState.QUEUED:
        ImportJob.objects.filter(pk=job_id, state=JobState.QUEUED).update(state=JobState.RUNNING)
    ImportJobFile.objects.filter(pk__in=[f.pk for f in files]).update(attempts=F("attempts") + 1)
    options = ImportOptions(outlet=job.options.get("outlet"), tags=list(job.options.get("tags", [])))
    rules, limits = keyword_rules(), limits_configured()
    outlets = [*outlet_names(), *([options.outlet] if options.outlet else [])]  # media names: never speakers
    by_source = {source_label(path_load(f.path)): f for f in files}
    units = (
        unit
        for f in files
        for unit in file_units(
            path_load(f.path),
            root=path_load(f.root),
            fmt=job.options.get("format"),
            keyword_rules=rules,
            limits=limits,
            outlets=outlets,
        )
    )
    units_import(progress(units) if progress else units, options=options, report=report, cache=cache)
    per_file: dict[str, list] = {path: [] for path in by_source}
    for result in report.outcomes:
        per_file.setdefault(result.source, []).append(result)
    now = timezone.now()
    for path, results in per_file.items():
        row = by_source.get(path)
        if row is None:
            continue
        counts = Counter(result.outcome for result in results)
        row.counts = dict(counts)
        row.outcome = _file_outcome(counts)
        row.message = "\n".join(result.message for result in results if result.message)[:10_000]
        row.article_id = next((r.article_id for r in results if r.article_id), None)
        row.state, row.finished = FileState.DONE, now
    with transaction.atomic():
        files_finish(files)
        ImportJob.objects.filter(pk=job_id).update(done=F("done") + len(files))
    job_finish_check(job_id)
    return report


def files_finish(files: list[ImportJobFile]) -> None:
    """Save the files' outcomes. On PostgreSQL one UPDATE ... FROM (VALUES ...): Django's bulk_update writes a CASE
    per field and row, which cost an import task an eighth of its time."""
    fields = ["counts", "outcome", "message", "article", "state", "finished"]
    if connection.vendor != "postgresql" or not files:
        ImportJobFile.objects.bulk_update(files, fields, batch_size=500)
        return
    rows = ", ".join(["(%s::bigint, %s::jsonb, %s, %s, %s::bigint, %s, %s::timestamptz)"] * len(files))
    params = [
        value
        for f in files
        for value in (f.pk, json.dumps(f.counts), f.outcome, f.message, f.article_id, f.state, f.finished)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ImportJobFile._meta.db_table} AS f SET counts = v.counts, outcome = v.outcome, "
            "message = v.message, article_id = v.article_id, state = v.state, finished = v.finished "
            f"FROM (VALUES {rows}) AS v(id, counts, outcome, message, article_id, state, finished) WHERE f.id = v.id",
            params,
        )


def job_finish_check(job_id: int) -> None:
    """Mark the job done once no file is pending (the last chunk to finish does it, whichever it is)."""
    if not ImportJobFile.objects.filter(job_id=job_id, state=FileState.PENDING).exists():
        ImportJob.objects.filter(pk=job_id).exclude(state=JobState.DONE).update(
            state=JobState.DONE, finished=timezone.now()
        )


def job_retry_failed(job: ImportJob) -> int:
    """Put the job's files that failed (wholly or in some records) back in the queue; returns how many."""
    with transaction.atomic():
        count = job.files.filter(state=FileState.DONE, counts__has_key=Outcome.FAILED.value).update(
            state=FileState.PENDING, outcome="", message="", counts={}, finished=None
        )
        if count:
            ImportJob.objects.filter(pk=job.pk).update(state=JobState.QUEUED, done=F("done") - count, finished=None)
    if count:
        job_enqueue(job)
    return count


def job_summary_line(files: Iterable[ImportJobFile]) -> str:
    """The importer's summary line over the given (finished) files: "created 3, updated 0, ... failed 1"."""
    total: Counter = Counter()
    for row in files:
        total.update(row.counts)
    return ", ".join(f"{outcome.value} {total[outcome.value]}" for outcome in Outcome)
