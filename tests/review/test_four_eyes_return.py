"""Four eyes on approve and on return: a reviewer who worked on an item may do neither, on any door."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def worked_by_analysing(worker, analyst, editor, frame):
    article = ArticleFactory()
    services.article_claim(article=article, user=worker)
    services.article_submit(article=article, user=worker)
    return article


def worked_by_confirming(worker, analyst, editor, frame):
    article = ArticleFactory()
    quote = QuoteFactory(article=article)
    services.article_assign(article=article, user=editor, assignee=worker)
    services.quote_confirm(quote=quote, user=worker)
    services.article_assign(article=article, user=editor, assignee=analyst)
    services.article_submit(article=article, user=analyst)
    return article


def worked_by_annotating(worker, analyst, editor, frame):
    article = ArticleFactory()
    services.article_claim(article=article, user=worker)
    services.annotation_create(article=article, user=worker, tag=frame, start=0, end=9)
    services.article_assign(article=article, user=editor, assignee=analyst)
    services.article_submit(article=article, user=analyst)
    return article


WORK = [worked_by_analysing, worked_by_confirming, worked_by_annotating]


@pytest.fixture(params=WORK, ids=lambda f: f.__name__)
def worked_on(request, analyst_reviewer, analyst, editor, frame):
    """An article in review that `analyst_reviewer` (Analyst and Reviewer) worked on."""
    article = request.param(analyst_reviewer, analyst, editor, frame)
    assert Article.objects.get(pk=article.pk).status == "in_review"
    return article


def untouched(article) -> tuple:
    fresh = Article.objects.get(pk=article.pk)
    return fresh.status, fresh.version, WorkflowEvent.objects.filter(article=article).count()


@pytest.mark.parametrize("action", ["approve", "return"])
def test_a_worker_may_neither_approve_nor_return_through_the_services(analyst_reviewer, worked_on, action):
    before = untouched(worked_on)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_transition(article=worked_on, user=analyst_reviewer, action=action, comment="Looks wrong.")
    assert untouched(worked_on) == before


@pytest.mark.parametrize("action", ["approve", "return"])
def test_a_worker_may_neither_approve_nor_return_through_the_page(login, analyst_reviewer, worked_on, action):
    client = login(analyst_reviewer)
    page = client.get(worked_on.get_absolute_url()).content.decode()
    assert 'id="four-eyes-hint"' in page
    assert 'value="approve"' not in page and 'value="return"' not in page
    before = untouched(worked_on)
    response = client.post(
        reverse("articles:transition", args=[worked_on.pk]), {"action": action, "comment": "Looks wrong."}
    )
    assert response.status_code == 403
    assert "four eyes" in response.context["message"]
    assert untouched(worked_on) == before


def test_a_worker_may_neither_approve_nor_return_through_the_admin(login, analyst_reviewer, worked_on):
    client = login(analyst_reviewer)
    url = reverse("admin:articles_article_changelist")
    before = untouched(worked_on)
    approve = client.post(url, {"action": "approve_articles", "_selected_action": [worked_on.pk]}, follow=True)
    returned = client.post(
        url,
        {"action": "return_articles", "_selected_action": [worked_on.pk], "apply": "1", "comment": "Looks wrong."},
        follow=True,
    )
    for response in (approve, returned):
        messages = [str(m) for m in response.context["messages"]]
        assert any(worked_on.headline in m and "four eyes" in m for m in messages), messages
    assert untouched(worked_on) == before


def test_another_reviewer_may_return_it(login, reviewer, worked_on):
    response = login(reviewer).post(
        reverse("articles:transition", args=[worked_on.pk]), {"action": "return", "comment": "Quote 2 is indirect."}
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=worked_on.pk).status == "in_analysis"
