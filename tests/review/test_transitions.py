"""Every transition for every role, through the web endpoint (and so through the services)."""

import pytest
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = pytest.mark.django_db

ROLES = ["analyst", "reviewer", "editor", "outsider"]

# (action, starting status, who the article is with, role that may do it, status after)
ALLOWED = [
    ("claim", "new", None, "analyst", "in_analysis"),
    ("submit", "in_analysis", "analyst", "analyst", "in_review"),
    ("approve", "in_review", "analyst2", "reviewer", "approved"),
    ("return", "in_review", "analyst2", "reviewer", "in_analysis"),
    ("reopen", "approved", "analyst2", "editor", "in_analysis"),
    ("archive", "in_review", "analyst2", "editor", "archived"),
    ("assign", "new", None, "editor", "in_analysis"),
]


def transition_post(client, article, action, **data):
    data = {"action": action, "comment": "Needs a second look at the quotes.", **data}
    return client.post(reverse("articles:transition", args=[article.pk]), data)


def article_make(request, status, with_):
    assignee = request.getfixturevalue(with_) if with_ else None
    return ArticleFactory(status=status, assignee=assignee)


@pytest.mark.parametrize("action,status,with_,allowed_role,after", ALLOWED)
@pytest.mark.parametrize("role", ROLES)
def test_transition_for_each_role(request, login, analyst2, role, action, status, with_, allowed_role, after):
    user = request.getfixturevalue(role)
    article = article_make(request, status, with_)
    client = login(user)
    extra = {"assignee": analyst2.pk} if action == "assign" else {}

    response = transition_post(client, article, action, **extra)

    fresh = Article.objects.get(pk=article.pk)
    if role == allowed_role:
        assert response.status_code == 302
        assert response["Location"] == article.get_absolute_url()
        assert fresh.status == after
        event = WorkflowEvent.objects.get(article=article)
        assert (event.action, event.actor, event.from_status, event.to_status) == (action, user, status, after)
        assert fresh.version == article.version + 1
    else:
        assert response.status_code == 403
        assert b"Nothing was changed" in response.content
        assert response.context["message"]
        assert fresh.status == status and fresh.assignee_id == article.assignee_id
        assert fresh.version == article.version
        assert not WorkflowEvent.objects.exists()


@pytest.mark.parametrize(
    "action,status",
    [
        ("claim", "in_review"),
        ("claim", "approved"),
        ("submit", "new"),
        ("submit", "in_review"),
        ("approve", "in_analysis"),
        ("approve", "approved"),
        ("return", "in_analysis"),
        ("return", "approved"),
        ("reopen", "in_review"),
        ("reopen", "new"),
        ("archive", "archived"),
        ("assign", "approved"),
        ("assign", "archived"),
    ],
)
def test_transition_from_wrong_status_is_refused(login, analyst, reviewer, editor, analyst2, action, status):
    actor = {"claim": analyst, "submit": analyst, "approve": reviewer, "return": reviewer}.get(action, editor)
    article = ArticleFactory(status=status, assignee=analyst if action == "submit" else analyst2)

    response = transition_post(login(actor), article, action, assignee=analyst2.pk)

    assert response.status_code == 403
    assert "Cannot" in response.context["message"] or "already" in response.context["message"]
    assert Article.objects.get(pk=article.pk).status == status


def test_claim_of_an_article_someone_else_works_on_names_them(login, analyst, analyst2):
    article = ArticleFactory(status="in_analysis", assignee=analyst2)
    response = transition_post(login(analyst), article, "claim")
    assert response.status_code == 403
    assert "ben already works on this article" in response.context["message"]


def test_submit_only_by_the_analyst_it_is_with(login, analyst2, in_analysis):
    response = transition_post(login(analyst2), in_analysis, "submit")
    assert response.status_code == 403
    assert Article.objects.get(pk=in_analysis.pk).status == "in_analysis"


def test_submit_refused_while_suggestions_are_pending(login, analyst, in_analysis):
    QuoteFactory(article=in_analysis)  # status "suggested"
    response = transition_post(login(analyst), in_analysis, "submit")
    assert response.status_code == 403
    assert "1 suggestion(s) are still pending" in response.context["message"]
    assert Article.objects.get(pk=in_analysis.pk).status == "in_analysis"


def test_return_needs_a_comment(login, reviewer, analyst):
    article = ArticleFactory(status="in_review", assignee=analyst)
    response = transition_post(login(reviewer), article, "return", comment="  ")
    assert response.status_code == 400
    assert "comment is required" in response.context["message"]
    assert Article.objects.get(pk=article.pk).status == "in_review"


def test_return_keeps_the_analyst_and_the_comment(login, reviewer, analyst):
    article = ArticleFactory(status="in_review", assignee=analyst)
    transition_post(login(reviewer), article, "return", comment="Speaker of quote 2 is wrong.")
    article.refresh_from_db()
    assert (article.status, article.assignee) == ("in_analysis", analyst)
    assert WorkflowEvent.objects.get(article=article).comment == "Speaker of quote 2 is wrong."


def test_assign_only_to_an_analyst(login, editor, reviewer):
    article = ArticleFactory()
    response = transition_post(login(editor), article, "assign", assignee=reviewer.pk)
    assert response.status_code == 403
    assert "not an analyst" in response.context["message"]
    assert Article.objects.get(pk=article.pk).assignee is None


def test_reassign_keeps_status(login, editor, analyst, analyst2):
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    transition_post(login(editor), article, "assign", assignee=analyst2.pk)
    article.refresh_from_db()
    assert (article.status, article.assignee) == ("in_analysis", analyst2)


def test_approve_sets_approved_at_and_reopen_clears_it(login, reviewer, editor, analyst):
    article = ArticleFactory(status="in_review", assignee=analyst)
    transition_post(login(reviewer), article, "approve")
    article.refresh_from_db()
    assert article.approved_at is not None
    transition_post(login(editor), article, "reopen")
    article.refresh_from_db()
    assert (article.status, article.approved_at) == ("in_analysis", None)


def test_reopen_an_archived_article(login, editor):
    article = ArticleFactory(status="archived")
    assert transition_post(login(editor), article, "reopen").status_code == 302
    assert Article.objects.get(pk=article.pk).status == "in_analysis"


def test_unknown_action_is_a_bad_request(login, editor):
    article = ArticleFactory()
    assert transition_post(login(editor), article, "publish").status_code == 400


def test_transition_needs_post(login, editor):
    article = ArticleFactory()
    assert login(editor).get(reverse("articles:transition", args=[article.pk])).status_code == 405


def test_full_cycle_through_the_services(analyst, reviewer, editor):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    services.article_return(article=article, user=reviewer, comment="Check the quotes.")
    services.article_submit(article=article, user=analyst)
    services.article_approve(article=article, user=reviewer)
    services.article_reopen(article=article, user=editor)
    services.article_archive(article=article, user=editor)
    actions = list(WorkflowEvent.objects.filter(article=article).order_by("pk").values_list("action", flat=True))
    assert actions == ["claim", "submit", "return", "submit", "approve", "reopen", "archive"]
    assert Article.objects.get(pk=article.pk).version == 8
