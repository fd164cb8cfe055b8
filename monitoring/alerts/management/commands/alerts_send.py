from django.core.management import BaseCommand

from monitoring.alerts.services import alerts_send


class Command(BaseCommand):
    help = "Check saved searches for newly approved items and send the alerts and briefings due (for cron)."

    def handle(self, *args, verbosity, **options):
        run = alerts_send()
        if run.failed:
            self.stderr.write(str(run))
        elif verbosity >= 1:
            self.stdout.write(str(run))
