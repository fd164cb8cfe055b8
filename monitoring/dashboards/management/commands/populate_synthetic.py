import time

from django.core.management import BaseCommand, CommandError

from monitoring.dashboards.synthetic import Plan, has_data, populate
from monitoring.rollups.services import rollups_rebuild


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic coverage (generated names and text, nothing real) for benches and demos at "
        "scale: outlets, persons with roles, quotes, photo rows, tags, mentions, annotations and workflow states "
        "spread over years. Uses COPY on PostgreSQL. Refuses a database that already holds articles unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--quotes-per-article", type=int, default=5)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--force", action="store_true", help="Add to a database that already holds articles.")

    def handle(self, *args, articles, quotes_per_article, years, seed, force, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        if has_data() and not force:
            raise CommandError(
                "This database already holds articles: synthetic coverage would mix with real work. "
                "Use an empty database, or --force to add to it anyway."
            )
        began = time.monotonic()
        plan = Plan(articles=articles, quotes_per_article=quotes_per_article, years=years, seed=seed)
        written = populate(
            plan, progress=lambda message: self.stderr.write(f"  {message}") if options["verbosity"] > 1 else None
        )
        summary = ", ".join(f"{table} {count:,}" for table, count in written.items())
        # The rows went in by COPY, past the rollups' upkeep: compute them now, range of days by range.
        rollups_rebuild()
        self.stdout.write(f"Wrote {summary} and rebuilt the rollups in {time.monotonic() - began:.1f} s.")
