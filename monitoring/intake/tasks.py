"""Celery tasks for intake. Acknowledged late: a task whose worker dies is delivered again, and the services make
a second delivery harmless (finished files are skipped, the importer writes nothing twice)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def import_files(job_id: int, file_ids: list[int]) -> None:
    services.files_import(job_id=job_id, file_ids=file_ids)


@shared_task(ignore_result=True)
def feeds_poll() -> None:
    """Run by Celery beat: poll the feeds that are due (the same as `manage.py feeds_poll`)."""
    from .feeds_poll import feeds_poll_due

    feeds_poll_due()
