from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from monitoring.core.roles import ANALYST, EDITOR, REVIEWER

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# Demo accounts only ever exist with DEBUG on (dev settings); passwords are printed on purpose.
DEMO_USERS = [
    ("analyst", "analyst-demo-pw", ANALYST, False),
    ("analyst2", "analyst2-demo-pw", ANALYST, False),
    ("reviewer", "reviewer-demo-pw", REVIEWER, False),
    ("editor", "editor-demo-pw", EDITOR, False),
    ("admin", "admin-demo-pw", None, True),
]


class Command(BaseCommand):
    help = "Load the demo: users for each role, outlets, the codebook and the sample articles (dev settings only)."

    def add_arguments(self, parser):
        parser.add_argument("--no-articles", action="store_true", help="Skip importing fixtures/articles.")

    def handle(self, *args, no_articles=False, **options):
        if not settings.DEBUG:
            raise CommandError("demo_load creates accounts with known passwords: run it with dev settings only.")
        fixtures = sorted(str(p) for p in FIXTURES.glob("[0-9][0-9]-*.json"))
        call_command("loaddata", *fixtures, verbosity=0)
        self.users_create()
        if not no_articles:
            call_command("import_articles", str(FIXTURES / "articles"), verbosity=options["verbosity"])

    @transaction.atomic
    def users_create(self):
        User = get_user_model()
        self.stdout.write("Demo users (username / password / role):")
        for username, password, role, superuser in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = superuser
            user.set_password(password)
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"  {username:10} {password:18} {role or 'superuser'}")
