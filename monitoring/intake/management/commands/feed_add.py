from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from monitoring.intake.feeds_admin import feed_add


class Command(BaseCommand):
    help = "Follow an RSS or Atom feed: its new entries are imported when feeds are polled."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--outlet", required=True, help="The outlet the feed's articles belong to.")
        parser.add_argument("--every", type=int, default=60, metavar="MINUTES", help="Poll interval (default 60).")

    def handle(self, *args, url, outlet, every, **options):
        try:
            feed, created = feed_add(url=url, outlet_name=outlet, poll_minutes=every)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{'Added' if created else 'Updated'} feed {feed.url} for {feed.outlet} every {every} min.")
