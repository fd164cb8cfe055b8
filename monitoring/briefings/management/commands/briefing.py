import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError

from monitoring.alerts.models import SavedSearch
from monitoring.briefings.services import GROUP_BY, briefing_build, briefing_pdf, briefing_source


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Build a PDF briefing of approved items: of a saved search, or of every approved item in a date range."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--search", metavar="NAME", help="A saved search's name (see --user).")
        which.add_argument("--status", choices=["approved"], help="Every approved item (with --since/--until).")
        parser.add_argument("--user", help="Whose saved search, and who prepared the briefing.")
        parser.add_argument("--since", type=_date)
        parser.add_argument("--until", type=_date)
        parser.add_argument("--title")
        parser.add_argument("--group-by", choices=GROUP_BY, default="category")
        parser.add_argument("--output", required=True, type=Path, metavar="FILE.pdf")

    def handle(self, *args, search, status, user, since, until, title, group_by, output, **options):
        owner = None
        if user:
            owner = get_user_model().objects.filter(username=user).first()
            if owner is None:
                raise CommandError(f"No user {user!r}.")
        saved = None
        if search:
            found = SavedSearch.objects.filter(name=search, **({"owner": owner} if owner else {}))
            if found.count() != 1:
                raise CommandError(f"{found.count()} saved searches are named {search!r}; name one (and --user).")
            saved = found.get()
            title = title or saved.name
            owner = owner or saved.owner
        articles, _ = briefing_source(search=saved, since=since, until=until)
        result = briefing_build(
            articles=articles, title=title or "Briefing", user=owner, since=since, until=until, group_by=group_by
        )
        try:
            output.write_bytes(briefing_pdf(result))
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror or exc}") from None
        self.stdout.write(f"{output}: {result.count} approved item(s) in {len(result.groups)} group(s)")
        for note in result.notes:
            self.stderr.write(note)
