import time

from django.core.management import BaseCommand, CommandError

from monitoring.rollups.services import REBUILD_DAYS, rollups_rebuild


class Command(BaseCommand):
    help = (
        "Recompute the dashboards' rollup tables from the articles, quotes, roles, tags and mentions, one range of "
        "publication days per transaction (bounded memory at any size). Needed only after writes that bypass the "
        "application (raw SQL, a restored dump of some tables): every change made through it keeps them in step."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=REBUILD_DAYS, help="publication days per transaction")
        parser.add_argument(
            "--workers", type=int, default=None, help="ranges computed at once on PostgreSQL (default: one per CPU)"
        )

    def handle(self, *args, days, workers, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        began = time.monotonic()
        progress = (lambda message: self.stderr.write(f"  {message}")) if options["verbosity"] > 1 else None
        ranges = rollups_rebuild(days=days, progress=progress, workers=workers)
        self.stdout.write(f"Rollups rebuilt: {ranges} range(s) of days in {time.monotonic() - began:.1f} s.")
