import pytest
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.people.models import Person
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_transitions_leave_field_history_with_who_and_why(analyst, reviewer):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    services.article_approve(article=article, user=reviewer)
    latest, previous = article.history.all()[:2]
    assert (latest.history_user, latest.history_change_reason) == (reviewer, "Approved")
    changed = {change.field: (change.old, change.new) for change in latest.diff_against(previous).changes}
    assert changed["status"] == ("in_review", "approved")
    assert article.history.filter(history_user=analyst, assignee=analyst).exists()


def test_quote_role_annotation_and_person_history(analyst, frame, in_analysis):
    quote, role = QuoteFactory(article=in_analysis), RoleFactory(article=in_analysis)
    services.quote_update(quote=quote, user=analyst, version=1, kind="indirect")
    services.role_update(role=role, user=analyst, title="spokesperson")
    annotation = services.annotation_create(article=in_analysis, user=analyst, tag=frame, start=0, end=5)
    services.annotation_update(annotation=annotation, user=analyst, version=1, note="why")
    assert quote.history.first().history_user == analyst
    assert quote.history.first().diff_against(quote.history.last()).changed_fields == ["kind", "status", "version"]
    assert role.history.first().title == "spokesperson"
    assert annotation.history.count() == 2
    person = PersonFactory()
    person.description = "Minister"
    person.save()
    assert Person.history.filter(id=person.pk).count() == 2


def test_admin_timeline_shows_history_events_and_comments(login, analyst, reviewer, editor, frame):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=9)
    services.annotation_comment_add(annotation=annotation, user=reviewer, text="Frame or claim?")
    services.article_submit(article=article, user=analyst)
    services.article_return(article=article, user=reviewer, comment="Reconsider the frame.")
    response = login(editor).get(reverse("admin:articles_article_timeline", args=[article.pk]))
    content = response.content.decode()
    for text in (
        "Claimed",
        "Submitted for review",
        "Returned to analysis",
        "Reconsider the frame.",
        "Frame or claim?",
        f"Annotation #{annotation.pk} created",
        "<code>status</code>",
    ):
        assert text in content
    change_page = login(editor).get(reverse("admin:articles_article_change", args=[article.pk]))
    assert b'id="timeline-link"' in change_page.content


def test_admin_bulk_action_reports_refusals_per_item(login, reviewer, analyst, analyst_reviewer):
    theirs = ArticleFactory(status="in_review", assignee=analyst)
    own = ArticleFactory()
    services.article_claim(article=own, user=analyst_reviewer)
    services.article_submit(article=own, user=analyst_reviewer)
    new = ArticleFactory(headline="Still new")
    response = login(analyst_reviewer).post(
        reverse("admin:articles_article_changelist"),
        {"action": "approve_articles", "_selected_action": [theirs.pk, own.pk, new.pk]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "Approve: 1 done." in messages
    assert any(own.headline in m and "four eyes" in m for m in messages)
    assert any("Still new" in m and "Cannot approve" in m for m in messages)
    assert list(Article.objects.filter(status="approved")) == [theirs]


def test_admin_return_and_assign_ask_first(login, reviewer, editor, analyst):
    article = ArticleFactory(status="in_review", assignee=analyst)
    url = reverse("admin:articles_article_changelist")
    client = login(reviewer)
    form = client.post(url, {"action": "return_articles", "_selected_action": [article.pk]})
    assert b'id="admin-action-form"' in form.content
    client.post(
        url, {"action": "return_articles", "_selected_action": [article.pk], "apply": "1", "comment": "Check quote 2."}
    )
    assert WorkflowEvent.objects.get(action="return").comment == "Check quote 2."

    new = ArticleFactory()
    login(editor).post(
        url, {"action": "assign_articles", "_selected_action": [new.pk], "apply": "1", "assignee": analyst.pk}
    )
    assert Article.objects.get(pk=new.pk).assignee == analyst


def test_admin_article_form_leaves_status_to_the_workflow(login, editor):
    article = ArticleFactory()
    content = login(editor).get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert b'name="status"' not in content and b'name="assignee"' not in content


def test_admin_quote_actions_use_the_services(login, analyst, analyst2, in_analysis):
    mine = QuoteFactory(article=in_analysis)
    elsewhere = QuoteFactory(article=ArticleFactory(status="in_analysis", assignee=analyst2))
    response = login(analyst).post(
        reverse("admin:people_quote_changelist"),
        {"action": "confirm_quotes", "_selected_action": [mine.pk, elsewhere.pk]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "Confirm: 1 done." in messages
    assert any("refused" in m and "with ben" in m for m in messages)
    mine.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (mine.status, elsewhere.status) == ("confirmed", "suggested")
