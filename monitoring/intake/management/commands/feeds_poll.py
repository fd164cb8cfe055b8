from django.core.management import BaseCommand

from monitoring.intake.feeds_poll import feeds_poll_due


class Command(BaseCommand):
    help = "Poll the feeds that are due once, importing their new entries (for cron; Celery beat runs the same)."

    def handle(self, *args, verbosity, **options):
        results = feeds_poll_due()
        for result in results:
            (self.stderr if result.error else self.stdout).write(str(result))
        if verbosity >= 1 and not results:
            self.stdout.write("No feed is due.")
