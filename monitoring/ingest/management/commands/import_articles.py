import sys

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from monitoring.ingest.parsers import text_repair
from monitoring.ingest.selectors import keyword_rules
from monitoring.ingest.services import ImportOptions, ImportReport, units_import
from monitoring.ingest.sources import FORMATS, units_read


class Command(BaseCommand):
    help = (
        "Import saved articles (press text, JSON or JSONL) from files, folders (recursive), globs or '-' "
        "for standard input, extracting photos, speakers, roles, quotes, mentions and tag suggestions."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=FORMATS, help="Override format detection.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and match everything, save nothing.")
        parser.add_argument("--outlet", help="Outlet for every article, overriding what the files say.")
        parser.add_argument("--tag", action="append", default=[], metavar="T", help="Add this tag (repeatable).")

    def handle(self, *args, paths, format, dry_run, outlet, tag, verbosity, **options):
        for option, value in [("--outlet", outlet or ""), *(("--tag", name) for name in tag)]:
            if text_repair(value)[1]:  # bytes that are not UTF-8 reach argv as lone surrogates
                raise CommandError(f"{option} {value!r} holds characters that cannot be stored (NUL or not UTF-8).")
        report = ImportReport()
        units = units_read(paths, fmt=format, keyword_rules=keyword_rules())
        show_bar = verbosity >= 1 and sys.stderr.isatty()
        units = tqdm(units, unit=" articles", disable=not show_bar, file=sys.stderr)
        units_import(units, options=ImportOptions(outlet=outlet, tags=tag, dry_run=dry_run), report=report)
        for error in report.errors:
            self.stderr.write(error)
        if verbosity >= 1:
            for note in report.notes:
                self.stdout.write(note)
            prefix = "dry run, nothing saved: " if dry_run else ""
            self.stdout.write(prefix + report.summary())
        failed = len(report.errors)
        if failed:
            raise CommandError(f"{failed} input(s) failed; the rest was imported.", returncode=1)
