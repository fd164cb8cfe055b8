"""Property: whatever sequence of imports, decisions, transitions, edits, merges and deletions happened, every
rollup table equals a fresh aggregate over the raw rows, and the dashboards answer the same from rollups as from
the raw rows, in both counting views. Runs on SQLite and PostgreSQL (whichever the suite runs on)."""

import datetime
import random
import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.core.roles import ANALYST, EDITOR, REVIEWER
from monitoring.ingest.selectors import keyword_rules
from monitoring.ingest.services import ImportOptions, units_import
from monitoring.ingest.sources import units_read
from monitoring.people.models import Person, Quote, Role, SuggestionStatus
from monitoring.people.services import person_merge
from monitoring.review import services
from monitoring.review.services import REFUSALS
from tests.factories import TagFactory, UserFactory

from .helpers import assert_tables_fresh, entity_pages, figures, raw

SPEAKERS = [
    ("Teodor Varga", "chairman of the Danube Lakes Commission"),
    ("Ilse Brandauer", "deputy minister of the Austrian Ministry of Agriculture"),
    ("Marek Nowak", "spokesman of the Danube Lakes Commission"),
]
OUTLETS = ["Lakeside Courier", "River Gazette"]
DAYS = [datetime.date(2024, 5, 6), datetime.date(2024, 5, 7), datetime.date(2024, 4, 29)]  # two months
PLACES = ["Szeged, Hungary", "Vienna, Austria", "Bratislava, Slovakia"]


WORDS = "ports railways clinics vaccines grain loans schools water ferries bridges tariffs quotas canals dams".split()


def story(
    *, outlet: int, day: int, speakers: list[int], place: int, levies: bool, water: bool | None = None, marker: int = 0
) -> str:
    """A press text the importer reads into quotes, roles, organizations, countries and suggested tags; texts of
    different `marker`s differ enough not to be taken for syndicated copies of each other. Its topics (`levies`,
    `water`: the second unless told, the other of the first) give it one tag, both or none."""
    water = not levies if water is None else water
    topics = [topic for topic, on in (("harbour levies", levies), ("water-level readings", water)) if on]
    topic = " and ".join(topics) or "the agenda"
    rng = random.Random(marker)
    background = " ".join(rng.choice(WORDS) for _ in range(60))
    lines = [
        f"Delegates meet on {topic}",
        "",
        f"Updated: {DAYS[day].isoformat()} {OUTLETS[outlet]}",
        "",
        f"Officials met in {PLACES[place]} on Monday to discuss {topic}.",
        "",
        f"The agenda listed {background}.",
    ]
    for n, index in enumerate(speakers):
        name, title = SPEAKERS[index]
        lines += ["", f'"Statement number {n} on {topic} stands," said {name}, {title}.']
    if speakers:
        lines += ["", f"{SPEAKERS[speakers[0]][0]} said the talks would go on."]
    return "\n".join(lines) + "\n"


imports = st.fixed_dictionaries(
    {
        "op": st.just("import"),
        "slot": st.integers(0, 3),
        "outlet": st.integers(0, 1),
        "day": st.integers(0, 2),
        "speakers": st.lists(st.integers(0, 2), max_size=3, unique=True),
        "place": st.integers(0, 2),
        "levies": st.booleans(),
        "water": st.booleans(),
    }
)
decisions = st.fixed_dictionaries(
    {
        "op": st.just("decide"),
        "kind": st.sampled_from(["quote", "role", "tag"]),
        "index": st.integers(0, 20),
        "confirm": st.booleans(),
        "actor": st.sampled_from(["analyst", "editor"]),
    }
)
transitions = st.fixed_dictionaries(
    {
        "op": st.just("transition"),
        "article": st.integers(0, 5),
        "action": st.sampled_from(["claim", "submit", "approve", "return", "reopen", "archive"]),
    }
)
others = st.fixed_dictionaries(
    {
        "op": st.sampled_from(["work_through", "redate", "move_outlet", "merge", "delete"]),
        "article": st.integers(0, 5),
        "value": st.integers(0, 2),
    }
)
steps = st.lists(st.one_of(imports, decisions, transitions, others), min_size=1, max_size=12)
ACTORS = {"claim": "analyst", "submit": "analyst", "approve": "reviewer", "return": "reviewer"}


class RollupsProperty(TestCase):
    def setUp(self):
        self.users = {
            "analyst": UserFactory(username="ana", role=ANALYST),
            "reviewer": UserFactory(username="rita", role=REVIEWER),
            "editor": UserFactory(username="ed", role=EDITOR),
        }
        TagFactory(name="Harbour levies", keywords="harbour levies")
        TagFactory(name="Water levels", keywords="water-level")
        self.folder = Path(tempfile.mkdtemp(prefix="rollups-property-"))

    def article(self, index: int) -> Article | None:
        articles = list(Article.objects.order_by("pk"))
        return articles[index % len(articles)] if articles else None

    def run_step(self, step: dict) -> None:
        op = step["op"]
        if op == "import":
            path = self.folder / f"story{step['slot']}.txt"
            text = story(
                **{k: step[k] for k in ("outlet", "day", "speakers", "place", "levies", "water")}, marker=step["slot"]
            )
            path.write_text(text, encoding="utf-8")
            units_import(units_read([str(path)], keyword_rules=keyword_rules()), options=ImportOptions())
            return
        if op == "decide":
            self.decide(step)
            return
        article = self.article(step["article"])
        if article is None:
            return
        if op == "transition":
            action = step["action"]
            user = self.users[ACTORS.get(action, "editor")]
            services.article_transition(article=article, user=user, action=action, comment="Because.")
        elif op == "work_through":
            self.work_through(article)
        elif op == "redate":  # an admin-style edit, saved row by row (the signal path)
            article.published_on = DAYS[step["value"]] if step["value"] < 2 else None
            article.save()
        elif op == "move_outlet":
            article.outlet = Outlet.objects.get_or_create(name=OUTLETS[step["value"] % 2])[0]
            try:
                with transaction.atomic():
                    article.save()
            except IntegrityError:
                pass  # the other outlet has an article from the same file
        elif op == "merge":
            persons = list(Person.objects.order_by("pk"))
            if len(persons) > 1:
                person_merge(survivor=persons[0], others=[persons[-1]], user=self.users["editor"])
        elif op == "delete":
            article.delete()

    def decide(self, step: dict) -> None:
        user = self.users[step["actor"]]
        kind, confirm = step["kind"], step["confirm"]
        if kind == "quote":
            rows = list(Quote.objects.filter(status=SuggestionStatus.SUGGESTED).order_by("pk"))
            act = services.quote_confirm if confirm else services.quote_reject
            arguments = {"quote": rows[step["index"] % len(rows)]} if rows else None
        elif kind == "role":
            rows = list(Role.objects.filter(status=SuggestionStatus.SUGGESTED).order_by("pk"))
            act = services.role_confirm if confirm else services.role_reject
            arguments = {"role": rows[step["index"] % len(rows)]} if rows else None
        else:
            rows = list(TaggedArticle.objects.filter(status=TagStatus.SUGGESTED).order_by("pk"))
            act = services.tag_confirm if confirm else services.tag_reject
            arguments = {"tagged": rows[step["index"] % len(rows)]} if rows else None
        if arguments:
            act(user=user, **arguments)

    def work_through(self, article: Article) -> None:
        """Claim, confirm what is pending, submit and approve: the path to the reviewed view."""
        analyst, reviewer = self.users["analyst"], self.users["reviewer"]
        services.article_claim(article=article, user=analyst)
        for kind in ("quotes", "roles", "tags"):
            services.suggestions_confirm_all(article=article, user=analyst, kind=kind)
        services.article_submit(article=article, user=analyst)
        services.article_approve(article=article, user=reviewer)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(steps)
    def test_rollups_equal_raw_aggregates(self, steps):
        for step in steps:
            try:
                self.run_step(step)
            except (*REFUSALS, PermissionDenied):
                pass  # a refusal changes nothing; the next step goes on from the same rows
            assert_tables_fresh()
        # All time (the all-time totals), whole months leaving April out (the month totals), a range cut inside a
        # month (the day tables).
        dated = ({"start": "2024-05-01"}, {"start": "2024-05-07"}, {"start": "2024-05-07", "unreviewed": "on"})
        for params in ({}, {"unreviewed": "on"}, {"status": "approved", "unreviewed": "on"}, *dated):
            assert figures(params) == raw(figures, params)
        for params in ({}, {"unreviewed": "on"}):
            assert entity_pages(params) == raw(entity_pages, params)
