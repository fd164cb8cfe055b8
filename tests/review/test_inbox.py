"""The Inbox of New items (Claim per item, bulk claim/assign/archive) and the four-eyes "to review" queue."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from monitoring.articles.models import Article
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from monitoring.review.selectors import INBOX_PER_PAGE, queue_inbox, queue_to_review
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

INBOX = "/review/inbox/"
BULK = "/review/bulk/"


def imported(hours: int):
    return timezone.make_aware(datetime.datetime(2024, 6, 1, 9)) + datetime.timedelta(hours=hours)


def notes(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_inbox_lists_new_items_by_priority_then_import_time():
    old = ArticleFactory(status="new", imported_at=imported(1))
    recent = ArticleFactory(status="new", imported_at=imported(5))
    urgent = ArticleFactory(status="new", imported_at=imported(9), priority=4)
    ArticleFactory(status="in_analysis", imported_at=imported(0))
    ArticleFactory(status="new", imported_at=imported(0), syndicated_from=old)
    assert list(queue_inbox()) == [urgent, old, recent]


def test_inbox_page_claim_per_item(login, analyst):
    article = ArticleFactory(status="new", headline="Harbour strike enters second week")
    client = login(analyst)
    html = client.get(INBOX).content.decode()
    assert "Harbour strike enters second week" in html
    assert f'name="claim_one" value="{article.pk}"' in html
    assert 'href="/review/inbox/"' in html  # in the nav
    response = client.post(BULK, {"claim_one": article.pk, "next": INBOX})
    assert response.status_code == 302 and response["Location"] == INBOX
    article.refresh_from_db()
    assert (article.status, article.assignee) == ("in_analysis", analyst)
    assert WorkflowEvent.objects.filter(article=article, action="claim", actor=analyst).count() == 1
    html = client.get(INBOX).content.decode()
    assert "Done (claim): 1 article(s)" in html and f'data-article-id="{article.pk}"' not in html


def test_a_reviewer_sees_no_claim_button_and_is_refused(login, reviewer):
    article = ArticleFactory(status="new")
    client = login(reviewer)
    assert 'name="claim_one"' not in client.get(INBOX).content.decode()
    response = client.post(BULK, {"claim_one": article.pk})
    assert any("Only analysts may claim" in n for n in notes(response))
    assert Article.objects.get(pk=article.pk).status == "new"


def test_editor_bulk_assigns_and_each_refusal_is_reported(login, editor, analyst, analyst2):
    first, second = ArticleFactory(status="new"), ArticleFactory(status="new")
    taken = ArticleFactory(status="approved", headline="Already approved item")
    client = login(editor)
    html = client.get(INBOX).content.decode()
    assert 'name="article"' in html and f'<option value="{analyst.pk}">ana</option>' in html
    response = client.post(
        BULK, {"action": "assign", "assignee": analyst2.pk, "article": [first.pk, second.pk, taken.pk, 999999]}
    )
    messages = notes(response)
    assert any(m.startswith("Done (assign to ben): 2 article(s)") for m in messages)
    assert any("Already approved item" in m and "approved now" in m for m in messages)
    assert any("#999999" in m and "no longer exists" in m for m in messages)
    for article in (first, second):
        article.refresh_from_db()
        assert (article.status, article.assignee) == ("in_analysis", analyst2)
    assert WorkflowEvent.objects.filter(action="assign", actor=editor).count() == 2
    assert Article.objects.get(pk=taken.pk).status == "approved"


def test_bulk_assign_to_a_non_analyst_is_refused_per_item(login, editor, reviewer):
    article = ArticleFactory(status="new")
    response = login(editor).post(BULK, {"action": "assign", "assignee": reviewer.pk, "article": [article.pk]})
    assert any("not an analyst" in m for m in notes(response))
    assert Article.objects.get(pk=article.pk).status == "new"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "assign", "article": ["1"]}, "Choose the analyst"),
        ({"action": "claim"}, "Tick at least one article"),
        ({"action": "explode", "article": ["1"]}, "Select a valid choice"),
        ({"action": "claim", "article": ["x"]}, "could not be read"),
    ],
)
def test_bulk_form_errors_are_messages_not_errors(login, editor, data, message):
    response = login(editor).post(BULK, data)
    assert response.status_code == 302
    assert any(message in m for m in notes(response))


def test_analysts_may_not_assign_in_bulk(login, analyst, analyst2):
    article = ArticleFactory(status="new")
    response = login(analyst).post(BULK, {"action": "assign", "assignee": analyst2.pk, "article": [article.pk]})
    assert any("Only editors may assign" in m for m in notes(response))
    assert Article.objects.get(pk=article.pk).assignee is None


def test_next_must_stay_on_the_site(login, analyst):
    article = ArticleFactory(status="new")
    response = login(analyst).post(BULK, {"claim_one": article.pk, "next": "https://evil.example/"})
    assert response["Location"] == reverse("review:inbox")


@pytest.mark.parametrize("size", [2, 30])
@pytest.mark.parametrize("role", ["analyst", "editor"])
def test_inbox_query_count_is_fixed(size, role, request, login, django_assert_max_num_queries):
    user = request.getfixturevalue(role)
    UserFactory(username="extra", role="Analyst")
    for n in range(size):
        ArticleFactory(status="new", imported_at=imported(n))
    client = login(user)
    # session, user, role check, unread count; count + page (outlet and assignee joined); for editors, the analysts
    # and the codebook tags of the bulk bar (analysts may not tag new items, so they get no tag list).
    with django_assert_max_num_queries({"analyst": 6, "editor": 8}[role]):
        response = client.get(INBOX)
    assert response.status_code == 200
    assert response.content.decode().count("data-article-id=") == min(size, INBOX_PER_PAGE)


# "To review": only what the user may approve ----------------------------------------------------------------


@pytest.fixture
def submitted(analyst):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    return article


def test_an_editor_who_is_not_a_reviewer_has_nothing_to_review(editor, submitted, login):
    assert list(queue_to_review(user=editor)) == []
    html = login(editor).get("/review/").content.decode()
    assert "Nothing waiting for your review." in html
    with pytest.raises(Exception, match="Only reviewers"):
        services.article_approve(article=submitted, user=editor)


def test_an_editor_reviewer_sees_what_they_may_approve_but_not_what_they_worked_on(
    editor, reviewer, submitted, analyst, frame
):
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Reviewer"))
    editor = type(editor).objects.get(pk=editor.pk)  # drop the cached roles
    assert list(queue_to_review(user=editor)) == [submitted]
    assigned = ArticleFactory()
    services.article_assign(article=assigned, user=editor, assignee=analyst)
    services.article_submit(article=assigned, user=analyst)
    # The editor only assigned it: that is not analysis work, so they may approve it too, as the service agrees.
    assert set(queue_to_review(user=editor)) == {submitted, assigned}
    services.article_approve(article=assigned, user=editor)
    assert list(queue_to_review(user=reviewer)) == [submitted]


def test_to_review_matches_the_permission_check(analyst_reviewer, reviewer, analyst, editor, frame):
    """Whatever the history, an item is listed exactly when the approve check passes."""
    from django.core.exceptions import PermissionDenied

    from monitoring.core.permissions import transition_check

    claimed = ArticleFactory()
    services.article_claim(article=claimed, user=analyst_reviewer)
    services.article_submit(article=claimed, user=analyst_reviewer)
    annotated = ArticleFactory()
    services.article_claim(article=annotated, user=analyst_reviewer)
    services.annotation_create(article=annotated, user=analyst_reviewer, tag=frame, start=0, end=10)
    services.article_assign(article=annotated, user=editor, assignee=analyst)
    services.article_submit(article=annotated, user=analyst)
    clean = ArticleFactory()
    services.article_claim(article=clean, user=analyst)
    services.article_submit(article=clean, user=analyst)
    ArticleFactory(status="new")
    for user in (analyst_reviewer, reviewer, analyst, editor):
        listed = set(queue_to_review(user=user))
        for article in Article.objects.all():
            try:
                transition_check(user, article, "approve")
                allowed = True
            except PermissionDenied:
                allowed = False
            assert (article in listed) == allowed, (user, article.pk)


def test_editors_act_in_bulk_on_the_overdue_queue(login, editor, analyst, analyst2):
    late = [ArticleFactory(status="in_analysis", assignee=analyst, due_on=datetime.date(2020, 1, n)) for n in (1, 2)]
    client = login(editor)
    html = client.get("/review/").content.decode()
    overdue = html.split('id="queue-overdue"', 1)[1]
    assert 'id="bulk-overdue"' in overdue and f'name="article" value="{late[0].pk}"' in overdue
    response = client.post(
        BULK, {"action": "assign", "assignee": analyst2.pk, "article": [a.pk for a in late], "next": "/review/"}
    )
    assert response["Location"] == "/review/"
    assert set(Article.objects.filter(pk__in=[a.pk for a in late]).values_list("assignee", flat=True)) == {analyst2.pk}
    response = client.post(BULK, {"action": "archive", "article": [late[0].pk], "next": "/review/"})
    assert Article.objects.get(pk=late[0].pk).status == "archived"
    assert any(m.startswith("Done (archive): 1 article(s)") for m in notes(response))


def test_analysts_may_only_tag_their_own_items_in_bulk_on_the_queues(login, analyst):
    ArticleFactory(status="in_analysis", assignee=analyst, due_on=datetime.date(2020, 1, 1))
    html = login(analyst).get("/review/").content.decode()
    mine, overdue = html.split('id="queue-overdue"', 1)
    assert 'id="bulk-my-work"' in mine and '<option value="tag">' in mine
    assert 'value="assign"' not in html and 'value="archive"' not in html and 'value="claim"' not in html
    assert 'data-article-id="' in overdue and 'class="bulk"' not in overdue


@pytest.mark.postgres
def test_inbox_page_is_read_from_its_index_in_order():
    """The inbox's order matches the partial index `article_inbox`, so a page is the index's first rows (no sort of
    every new item: 1.5 s -> 40 ms at 1,000,000 articles)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("index plans are PostgreSQL's")
    ArticleFactory.create_batch(3, status="new")
    queryset = queue_inbox()[:INBOX_PER_PAGE]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")  # a plan without a sort exists only if an index has the order
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_inbox" in plan
    assert "Sort" not in plan
