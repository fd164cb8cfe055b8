from django.core.management import BaseCommand

from monitoring.dashboards.search import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index from every article (after a restore or raw SQL edits)."

    def handle(self, *args, **options):
        count = search_index_rebuild()
        self.stdout.write(f"Indexed {count} articles.")
