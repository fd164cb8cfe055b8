"""Issue 8, defect 3: re-import never changes reviewed content.

A changed source of an article in review, approved or archived is held as a pending source revision (a `held` count,
a 'source changed' event, nothing on the article changes); the reader page shows it as an escaped word-level diff;
the analyst holding the article after a return or a reopen, or an editor, accepts it, which applies it with
re-anchoring. Confirmed quotes whose text is gone are kept, orphaned. Tags in an import file arrive as suggestions
on any item past New.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.ingest.models import SourceRevision
from monitoring.ingest.services import Outcome
from monitoring.intake.models import ImportJob, ImportJobFile
from monitoring.people.models import Quote, Role
from monitoring.review import services
from monitoring.review.models import Annotation, WorkflowEvent
from tests.factories import TagFactory

from .conftest import STORY
from .test_import_articles import run_import

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
VARGA = '"Nobody can plan a harvest on rumours," said Teodor Varga'
HELD_LINE = "created 0, updated 0, unchanged 0, held 1, syndicated 0, failed 0"


def story_changed(marker: str = "") -> str:
    """The story with a new headline, the Varga paragraph gone and a new (hostile) paragraph added."""
    lines = STORY.splitlines(keepends=True)
    text = "".join(line for line in lines if not line.startswith('"Nobody can plan'))
    text = text.replace("Lake commission agrees", f"Lake commission finally agrees{marker}")
    return text.replace(
        "Experts said the network", f"Farmers greeted the news {SCRIPT} with relief.\n\nExperts said the network"
    )


def work_through(article: Article, *, analyst, reviewer, editor, state: str, frame=None) -> Article:
    """Claim, decide every suggestion (confirm), optionally annotate the Varga passage, submit, then approve and
    archive as `state` asks; returns the article as it now is."""
    services.article_claim(article=article, user=analyst)
    for quote in Quote.objects.filter(article=article, status="suggested"):
        services.quote_confirm(quote=quote, user=analyst)
    for role in Role.objects.filter(article=article, status="suggested"):
        services.role_confirm(role=role, user=analyst)
    for tagged in TaggedArticle.objects.filter(content_object=article, status="suggested"):
        services.tag_confirm(tagged=tagged, user=analyst)
    if frame is not None:
        start = article.body.index("Nobody can plan")
        services.annotation_create(article=article, user=analyst, tag=frame, start=start, end=start + 30)
    services.article_submit(article=article, user=analyst)
    if state in ("approved", "archived"):
        services.article_approve(article=article, user=reviewer)
    if state == "archived":
        services.article_archive(article=article, user=editor)
    return Article.objects.get(pk=article.pk)


def snapshot(article: Article) -> tuple:
    """Everything a held import must leave alone."""
    article = Article.objects.get(pk=article.pk)
    quotes = sorted(Quote.objects.filter(article=article).values_list("pk", "status", "start", "end", "orphaned"))
    tags = sorted(TaggedArticle.objects.filter(content_object=article).values_list("tag__name", "status"))
    annotations = sorted(Annotation.objects.filter(article=article).values_list("pk", "start", "orphaned"))
    fields = (article.headline, article.body, article.url, article.status, article.version, article.import_digest)
    return fields, quotes, tags, annotations


def events(article: Article, action: str) -> list[WorkflowEvent]:
    return list(WorkflowEvent.objects.filter(article=article, action=action))


@pytest.fixture
def frame(db):
    return TagFactory(name="economic threat", slug="economic-threat", category="frame")


@pytest.fixture
def approved_story(story_dir, analyst, reviewer, editor, frame):
    """The story imported, worked through (Varga quote confirmed, his words annotated) and approved, then its
    file changed on disk."""
    run_import(story_dir)
    article = work_through(
        Article.objects.get(), analyst=analyst, reviewer=reviewer, editor=editor, state="approved", frame=frame
    )
    (story_dir / "lakes.txt").write_text(story_changed(), encoding="utf-8")
    return article


@pytest.mark.parametrize("state", ["in_review", "approved", "archived"])
def test_press_text_reimport_of_a_reviewed_item_is_held(story_dir, analyst, reviewer, editor, state):
    run_import(story_dir)
    article = work_through(Article.objects.get(), analyst=analyst, reviewer=reviewer, editor=editor, state=state)
    before = snapshot(article)
    (story_dir / "lakes.txt").write_text(story_changed(), encoding="utf-8")

    out, err, failed = run_import(story_dir)

    assert not failed, err
    assert HELD_LINE in out
    assert err == "" and f"article #{article.pk} is {article.get_status_display().lower()}" in out  # what to do
    assert snapshot(article) == before
    revision = SourceRevision.objects.get(article=article)
    assert revision.status == "pending"
    assert revision.headline.startswith("Lake commission finally agrees") and SCRIPT in revision.body
    [event] = events(article, "source_changed")
    assert (event.from_status, event.to_status, event.actor) == (state, state, None)
    job_file = ImportJobFile.objects.filter(article=article).latest("pk")
    assert (job_file.outcome, job_file.counts) == (Outcome.HELD.value, {"held": 1})


@pytest.mark.parametrize("state", ["in_review", "approved", "archived"])
def test_json_reimport_with_the_same_url_and_tags_is_held(tmp_path, analyst, reviewer, editor, state):
    record = {
        "headline": "Ministers meet on grain corridor",
        "body": 'Talks resumed.\n\n"We will keep the corridor open," said Olena Marchuk, minister of trade.',
        "outlet": "Grain Herald",
        "url": "https://example.org/grain",
        "tags": ["Food security"],
    }
    (tmp_path / "grain.json").write_text(json.dumps(record), encoding="utf-8")
    run_import(tmp_path)
    article = work_through(Article.objects.get(), analyst=analyst, reviewer=reviewer, editor=editor, state=state)
    before = snapshot(article)
    changed = dict(record, body=record["body"] + "\n\nA paragraph added later.", tags=["Food security", "Ports"])
    (tmp_path / "grain.json").write_text(json.dumps(changed), encoding="utf-8")

    out, err, failed = run_import(tmp_path)

    assert not failed, err
    assert HELD_LINE in out
    assert snapshot(article) == before
    assert not TaggedArticle.objects.filter(tag__name="Ports").exists()
    assert len(events(article, "source_changed")) == 1
    assert SourceRevision.objects.get(article=article).payload["given_tags"] == ["Food security", "Ports"]


def test_the_same_changed_source_again_holds_nothing_new_and_a_newer_one_supersedes(approved_story, story_dir):
    run_import(story_dir)
    out, _, failed = run_import(story_dir)
    assert not failed and "unchanged 1" in out and "held 0" in out
    assert SourceRevision.objects.count() == 1
    assert len(events(approved_story, "source_changed")) == 1

    (story_dir / "lakes.txt").write_text(story_changed(" at last"), encoding="utf-8")
    out, _, _ = run_import(story_dir)
    assert HELD_LINE in out
    assert sorted(SourceRevision.objects.values_list("status", flat=True)) == ["pending", "superseded"]
    assert SourceRevision.objects.pending().get().headline.startswith("Lake commission finally agrees at last")
    assert len(events(approved_story, "source_changed")) == 2


def test_dry_run_holds_nothing(approved_story, story_dir):
    out, _, _ = run_import(story_dir, dry_run=True)
    assert "held 1" in out
    assert not SourceRevision.objects.exists() and not events(approved_story, "source_changed")


def test_reader_banner_shows_an_escaped_word_diff(approved_story, story_dir, login, analyst, reviewer, editor):
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    holder = login(analyst).get(approved_story.get_absolute_url()).content.decode()
    assert 'id="source-revision"' in holder and 'data-can-accept="true"' in holder
    assert "<ins>finally </ins>" in holder
    assert "<del>&quot;Nobody can plan a harvest on rumours," in holder
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in holder
    assert SCRIPT not in holder and "<script>alert" not in holder
    assert 'data-action="accept-source"' in holder

    other = login(reviewer).get(approved_story.get_absolute_url()).content.decode()
    assert 'id="source-revision"' in other and 'data-action="accept-source"' not in other
    assert 'id="source-accept-hint"' in other and "<script>alert" not in other


def test_banner_on_a_reviewed_item_says_it_must_be_reopened_first(approved_story, story_dir, login, analyst):
    run_import(story_dir)
    page = login(analyst).get(approved_story.get_absolute_url()).content.decode()
    assert 'id="source-revision"' in page and 'data-action="accept-source"' not in page
    assert "returned or reopened" in page


def accept_url(article: Article) -> str:
    revision = SourceRevision.objects.pending().get(article=article)
    return reverse("articles:source_accept", args=[article.pk, revision.pk])


def test_the_holder_accepts_after_a_reopen(approved_story, story_dir, login, analyst, editor):
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    varga = Quote.objects.get(article=approved_story, text__contains="Nobody can plan")
    version = Article.objects.get(pk=approved_story.pk).version

    response = login(analyst).post(accept_url(approved_story))

    assert response.status_code == 302
    article = Article.objects.get(pk=approved_story.pk)
    assert article.headline.startswith("Lake commission finally agrees")
    assert SCRIPT in article.body and "Nobody can plan" not in article.body
    assert (article.status, article.assignee, article.version) == ("in_analysis", analyst, version + 1)
    assert SourceRevision.objects.get().status == "accepted" and SourceRevision.objects.get().decided_by == analyst
    [event] = events(article, "source_accepted")
    assert event.actor == analyst
    varga.refresh_from_db()
    assert varga.orphaned and varga.status == "confirmed"  # kept for a person to resolve, never deleted
    assert Annotation.objects.get(article=article).orphaned
    for quote in Quote.objects.filter(article=article, orphaned=False):
        assert article.body[quote.start : quote.end] == quote.text

    page = login(analyst).get(article.get_absolute_url()).content.decode()
    assert 'id="source-revision"' not in page
    assert f'id="quote-{varga.pk}"' in page and 'data-orphaned="true"' in page and 'id="orphaned-quotes"' in page
    assert f'data-quotes="{varga.pk}"' not in page  # an orphan is not highlighted at offsets that no longer hold it

    api = APIClient()
    api.force_authenticate(analyst)
    quotes = api.get(reverse("api:article-detail", args=[article.pk])).json()["quotes"]
    assert {q["id"]: q["orphaned"] for q in quotes}[varga.pk] is True


def test_accepting_twice_changes_nothing_the_second_time(approved_story, story_dir, login, analyst, editor):
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    url = accept_url(approved_story)
    login(analyst).post(url)
    before = snapshot(approved_story)
    assert login(analyst).post(url).status_code == 302
    assert snapshot(approved_story) == before and len(events(approved_story, "source_accepted")) == 1


def test_an_editor_accepts_after_a_return(story_dir, analyst, reviewer, editor, login):
    run_import(story_dir)
    article = work_through(Article.objects.get(), analyst=analyst, reviewer=reviewer, editor=editor, state="in_review")
    (story_dir / "lakes.txt").write_text(story_changed(), encoding="utf-8")
    run_import(story_dir)
    services.article_return(article=article, user=reviewer, comment="The outlet corrected the story.")
    assert login(editor).post(accept_url(article)).status_code == 302
    assert "Nobody can plan" not in Article.objects.get(pk=article.pk).body
    assert events(article, "source_accepted")[0].actor == editor


@pytest.mark.parametrize(
    "who,reopen",
    [
        ("analyst", False),  # the holder, but the article is still approved
        ("editor", False),  # an editor, but the article is still approved
        ("analyst2", True),  # in analysis, but with someone else
        ("reviewer", True),
    ],
)
def test_accepting_is_refused_to_others_with_no_side_effects(
    request, approved_story, story_dir, login, editor, who, reopen
):
    run_import(story_dir)
    if reopen:
        services.article_reopen(article=approved_story, user=editor)
    url = accept_url(approved_story)
    before = snapshot(approved_story), WorkflowEvent.objects.count(), Quote.objects.count()

    response = login(request.getfixturevalue(who)).post(url)

    assert response.status_code == 403
    assert 'id="refusal-message"' in response.content.decode()
    assert (snapshot(approved_story), WorkflowEvent.objects.count(), Quote.objects.count()) == before
    assert SourceRevision.objects.get().status == "pending"


def test_tags_in_an_import_file_arrive_as_suggestions_past_new(tmp_path, analyst, reviewer, editor, login):
    record = {"headline": "Port deal", "body": "The port reopened.", "url": "https://example.org/port", "tags": ["A"]}
    (tmp_path / "port.json").write_text(json.dumps(record), encoding="utf-8")
    run_import(tmp_path)
    article = Article.objects.get()
    assert article.tagged_items.get().status == "confirmed"  # a new item takes the tags its record names

    services.article_claim(article=article, user=analyst)
    (tmp_path / "port.json").write_text(json.dumps(dict(record, body="The port reopened today.", tags=["A", "B"])))
    out, _, _ = run_import(tmp_path)
    assert "updated 1" in out
    assert TaggedArticle.objects.get(tag__name="B").status == "suggested"

    # Approved, then a changed source naming a new tag: held, and accepted as a suggestion.
    services.tag_confirm(tagged=TaggedArticle.objects.get(tag__name="B"), user=analyst)
    services.article_submit(article=article, user=analyst)
    services.article_approve(article=article, user=reviewer)
    (tmp_path / "port.json").write_text(json.dumps(dict(record, body="The port reopened at dawn.", tags=["C"])))
    run_import(tmp_path)
    assert not TaggedArticle.objects.filter(tag__name="C").exists()
    services.article_reopen(article=article, user=editor)
    login(analyst).post(accept_url(article))
    assert TaggedArticle.objects.get(tag__name="C").status == "suggested"


def test_an_import_in_analysis_supersedes_a_held_source(approved_story, story_dir, editor):
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    (story_dir / "lakes.txt").write_text(story_changed(" again"), encoding="utf-8")
    out, _, _ = run_import(story_dir)
    assert "updated 1" in out
    assert SourceRevision.objects.get().status == "superseded"
    assert Article.objects.get(pk=approved_story.pk).headline.startswith("Lake commission finally agrees again")


def test_an_orphaned_quote_is_resolved_by_editing_its_span(approved_story, story_dir, login, analyst, editor):
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    login(analyst).post(accept_url(approved_story))
    varga = Quote.objects.get(orphaned=True)
    article = Article.objects.get(pk=approved_story.pk)
    start = article.body.index("Experts said")
    services.quote_update(quote=varga, user=analyst, version=varga.version, start=start, end=start + 12)
    varga.refresh_from_db()
    assert not varga.orphaned and varga.text == "Experts said"


def test_the_job_summary_and_the_api_count_held(approved_story, story_dir, analyst):
    run_import(story_dir)
    job = ImportJob.objects.latest("pk")
    api = APIClient()
    api.force_authenticate(analyst)
    data = api.get(reverse("api:import-detail", args=[job.pk])).json()
    assert data["summary"] == HELD_LINE
    assert data["files"][0]["outcome"] == "held"


@pytest.mark.parametrize("who", ["analyst", "reviewer", "editor"])
def test_reader_page_with_a_held_source_runs_a_fixed_number_of_queries(
    request, approved_story, story_dir, login, who, django_assert_max_num_queries
):
    run_import(story_dir)
    client = login(request.getfixturevalue(who))
    url = approved_story.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert b'id="source-revision"' in client.get(url).content
    big = story_changed(" and more") + "\n\n".join(f"Paragraph {i} {SCRIPT} added." for i in range(200))
    (story_dir / "lakes.txt").write_text(big, encoding="utf-8")
    assert HELD_LINE in run_import(story_dir)[0]
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200 and b"Paragraph 199 &lt;script&gt;" in response.content


def test_word_diff_marks_words_and_leaves_long_unchanged_stretches_out():
    from monitoring.ingest.diff import words_diff

    old = " ".join(f"w{i}" for i in range(100)) + ". Tail sentence stays."
    new = old.replace("w50 ", "w50 inserted ").replace("w70 ", "")
    diff = words_diff(old, new, context=3)
    assert (diff.added, diff.removed) == (1, 1)
    ops = [(part.op, part.text) for part in diff.parts]
    assert ("added", "inserted ") in ops and ("removed", "w70 ") in ops
    assert ops[0] == ("gap", "… 48 unchanged words … ")  # w0 to w50, less 3 of context
    assert ops[-1] == ("gap", "… 29 unchanged words … ")  # w74 to w99 and the tail sentence
    assert not words_diff("Same text.", "Same text.").changed
    assert words_diff("a " * 60_000, "b " * 60_000).too_long


def test_the_api_shows_the_held_source_and_accepts_it_with_the_same_rules(approved_story, story_dir, analyst, editor):
    run_import(story_dir)
    api = APIClient()
    api.force_authenticate(analyst)
    detail = reverse("api:article-detail", args=[approved_story.pk])
    held = api.get(detail).json()["held_source"]
    assert held["headline"].startswith("Lake commission finally agrees") and SCRIPT in held["body"]
    accept = reverse("api:article-accept-source", args=[approved_story.pk])

    refused = api.post(accept, {"revision": held["id"]}, format="json")
    assert refused.status_code == 403 and "reopened" in refused.json()["detail"]
    assert SourceRevision.objects.get().status == "pending" and not events(approved_story, "source_accepted")

    services.article_reopen(article=approved_story, user=editor)
    response = api.post(accept, {"revision": held["id"]}, format="json")
    assert response.status_code == 200 and response.json()["version"] > approved_story.version
    assert api.get(detail).json()["held_source"] is None
    assert api.post(accept, {}, format="json").status_code == 404  # nothing held any more


def test_accepting_a_superseded_source_is_refused_as_stale(approved_story, story_dir, login, analyst, editor):
    run_import(story_dir)
    stale = accept_url(approved_story)
    (story_dir / "lakes.txt").write_text(story_changed(" at last"), encoding="utf-8")
    run_import(story_dir)
    services.article_reopen(article=approved_story, user=editor)
    before = snapshot(approved_story)
    response = login(analyst).post(stale)
    assert response.status_code == 409 and "newer source" in response.content.decode()
    assert snapshot(approved_story) == before and not events(approved_story, "source_accepted")
