from django.core.management import BaseCommand

from monitoring.photos.services import media_orphans, media_orphans_remove


class Command(BaseCommand):
    help = (
        "Remove image files in MEDIA_ROOT that no photo names (left by a rolled-back or killed import). "
        "Files younger than --minutes are kept, so imports still running lose nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=float, default=60, help="Only files older than this (default 60).")
        parser.add_argument("--dry-run", action="store_true", help="List the files; remove nothing.")

    def handle(self, *args, minutes, dry_run, **options):
        find = media_orphans if dry_run else media_orphans_remove
        orphans = find(older_than=minutes * 60)
        for path in orphans:
            self.stdout.write(str(path), self.style.NOTICE)
        verb = "Found" if dry_run else "Removed"
        self.stdout.write(f"{verb} {len(orphans)} orphan image file(s).")
