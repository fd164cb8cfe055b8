import sys
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.urls import reverse
from tqdm import tqdm

from monitoring.ingest.parsers import text_repair
from monitoring.ingest.selectors import keyword_rules, outlet_names
from monitoring.ingest.services import ImportOptions, ImportReport, Outcome, units_import
from monitoring.ingest.sources import FORMATS, STDIN, TEXT_SUFFIXES, units_read
from monitoring.intake import services as intake
from monitoring.intake.models import JobSource


class Command(BaseCommand):
    help = (
        "Import saved articles (press text, JSON, JSONL or saved web pages) from files, folders (recursive), globs "
        "or '-' for standard input, extracting photos, speakers, roles, quotes, mentions and tag suggestions. "
        "Every import of files is recorded as an import job (see /imports/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=FORMATS, help="Override format detection.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and match everything, save nothing.")
        parser.add_argument("--outlet", help="Outlet for every article, overriding what the files say.")
        parser.add_argument("--tag", action="append", default=[], metavar="T", help="Add this tag (repeatable).")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Record an import job, hand it to the workers and print its page's address (the files must be "
            "readable by the workers at the same path).",
        )

    def handle(self, *args, paths, format, dry_run, outlet, tag, background, verbosity, **options):
        for option, value in [("--outlet", outlet or ""), *(("--tag", name) for name in tag)]:
            if text_repair(value)[1]:  # bytes that are not UTF-8 reach argv as lone surrogates
                raise CommandError(f"{option} {value!r} holds characters that cannot be stored (NUL or not UTF-8).")
        options = {"format": format, "outlet": outlet, "tags": tag}
        if background:
            return self.enqueue(paths, options=options, dry_run=dry_run)
        report = ImportReport()
        show_bar = verbosity >= 1 and sys.stderr.isatty()
        bar = tqdm(unit=" articles", disable=not show_bar, file=sys.stderr)  # one bar over all of a job's chunks

        def progress(units):
            for unit in units:
                yield unit
                bar.update()

        if dry_run or STDIN in paths:  # nothing saved, or nothing a job could name again: no job either
            outlets = [*outlet_names(), *([outlet] if outlet else [])]
            units = units_read(paths, fmt=format, keyword_rules=keyword_rules(), outlets=outlets)
            import_options = ImportOptions(outlet=outlet, tags=tag, dry_run=dry_run)
            units_import(progress(units), options=import_options, report=report)
        else:  # a job like any other import, run in this process
            job = self.job_create(paths, options=options)
            if not job.total:
                self.stdout.write(
                    f"Nothing to import: no {', '.join(sorted(TEXT_SUFFIXES))} file in {' '.join(paths)}."
                )
            intake.job_run(job, report=report, progress=progress)
        bar.close()
        for error in report.errors:
            self.stderr.write(error)
        if verbosity >= 1:
            for note in report.notes:
                self.stdout.write(note)
            if verbosity >= 2:
                self.articles_list(report)
            prefix = "dry run, nothing saved: " if dry_run else ""
            self.stdout.write(prefix + report.summary())
        failed = len(report.errors)
        if failed:
            raise CommandError(f"{failed} input(s) failed; the rest was imported.", returncode=1)

    def enqueue(self, paths: list[str], *, options: dict, dry_run: bool) -> None:
        if dry_run:
            raise CommandError("--background and --dry-run exclude each other: a dry run saves nothing to queue.")
        if STDIN in paths:
            raise CommandError("--background reads files, not standard input: save the input to a file first.")
        job = self.job_create(paths, options=options)
        intake.job_enqueue(job)
        job.refresh_from_db()
        url = settings.SITE_URL.rstrip("/") + reverse("intake:job", args=[job.pk])
        self.stdout.write(f"Import job {job.pk} ({job.total} file(s), {job.get_state_display().lower()}): {url}")

    def job_create(self, paths: list[str], *, options: dict):
        # Absolute paths: a worker on another machine reads the same shared path, from whatever folder it runs in.
        absolute = [str(Path(path).absolute()) for path in paths]
        options = {key: value for key, value in options.items() if value}
        return intake.job_create(
            user=None, source=JobSource.FOLDER, paths=absolute, label=" ".join(paths)[:500], options=options
        )

    def articles_list(self, report: ImportReport) -> None:
        """Each article written or held: what happened, its id and its page's address (-v 2)."""
        site = settings.SITE_URL.rstrip("/")
        for result in report.outcomes:
            if result.article_id and result.outcome in (
                Outcome.CREATED,
                Outcome.UPDATED,
                Outcome.HELD,
                Outcome.SYNDICATED,
            ):
                url = site + reverse("articles:detail", args=[result.article_id])
                self.stdout.write(f"{result.outcome} #{result.article_id} {url} ({result.source})")
