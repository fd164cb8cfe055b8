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
            self.workflow_demo()

    @transaction.atomic
    def workflow_demo(self):
        """Walk some articles through the real workflow services so queues and the pipeline chart show data."""
        from monitoring.articles.models import Article
        from monitoring.codebook.models import Tag
        from monitoring.review import services
        from monitoring.review.models import WorkflowEvent

        if WorkflowEvent.objects.exists():
            return
        User = get_user_model()
        analyst, analyst2, reviewer, editor = (
            User.objects.get(username=n) for n in ("analyst", "analyst2", "reviewer", "editor")
        )
        frame = Tag.objects.filter(category="frame").order_by("name").first()
        articles = list(Article.objects.originals().order_by("published_on", "pk"))
        # Most items approved, so the overview has reviewed work to count; one returned, one in review, the rest
        # assigned, claimed or new, so every queue has something.
        approved = max(3, len(articles) - 5)
        for n, article in enumerate(articles[: approved + 2]):
            services.article_claim(article=article, user=analyst)
            for quote in article.quotes.all():
                services.quote_confirm(quote=quote, user=analyst)
            for role in article.roles.all():
                services.role_confirm(role=role, user=analyst)
            for tagged in article.tagged_items.all():
                services.tag_confirm(tagged=tagged, user=analyst)
            quote = article.quotes.first()
            if quote and frame:
                services.annotation_create(
                    article=article,
                    user=analyst,
                    tag=frame,
                    start=quote.start,
                    end=quote.end,
                    note="Typical framing of the visit.",
                    stance="supportive",
                )
            services.article_submit(article=article, user=analyst)
            if n < approved:
                services.article_approve(article=article, user=reviewer)
            elif n == approved:
                services.article_return(article=article, user=reviewer, comment="Check the second speaker's title.")
        waiting = articles[approved + 2 :]
        if len(waiting) > 1:
            services.article_assign(article=waiting[0], user=editor, assignee=analyst2)
            Article.objects.filter(pk=waiting[0].pk).update(due_on="2024-07-01")
            services.article_claim(article=waiting[1], user=analyst2)

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
