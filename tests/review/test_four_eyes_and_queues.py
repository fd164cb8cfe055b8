import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.review import services
from monitoring.review.selectors import queue_my_work, queue_overdue, queue_returned, queue_to_review
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_nobody_approves_an_article_they_analysed(analyst_reviewer):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst_reviewer)
    services.article_submit(article=article, user=analyst_reviewer)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_approve(article=article, user=analyst_reviewer)
    assert Article.objects.get(pk=article.pk).status == "in_review"


def test_nobody_approves_an_article_they_annotated(analyst_reviewer, analyst, editor, frame):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst_reviewer)
    services.annotation_create(article=article, user=analyst_reviewer, tag=frame, start=0, end=10)
    services.article_assign(article=article, user=editor, assignee=analyst)
    services.article_submit(article=article, user=analyst)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_approve(article=article, user=analyst_reviewer)


def test_nobody_approves_an_article_whose_suggestions_they_confirmed(analyst_reviewer, analyst, editor):
    article = ArticleFactory()
    quote = QuoteFactory(article=article)
    services.article_assign(article=article, user=editor, assignee=analyst_reviewer)
    services.quote_confirm(quote=quote, user=analyst_reviewer)
    services.article_assign(article=article, user=editor, assignee=analyst)
    services.article_submit(article=article, user=analyst)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_approve(article=article, user=analyst_reviewer)


def test_four_eyes_through_the_page(login, analyst_reviewer):
    article = ArticleFactory()
    client = login(analyst_reviewer)
    client.post(reverse("articles:transition", args=[article.pk]), {"action": "claim"})
    client.post(reverse("articles:transition", args=[article.pk]), {"action": "submit"})
    page = client.get(article.get_absolute_url())
    assert b'id="four-eyes-hint"' in page.content
    response = client.post(reverse("articles:transition", args=[article.pk]), {"action": "approve"})
    assert response.status_code == 403
    assert "four eyes" in response.context["message"]


def test_another_reviewer_may_approve(analyst_reviewer, reviewer):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst_reviewer)
    services.article_submit(article=article, user=analyst_reviewer)
    services.article_approve(article=article, user=reviewer)
    assert Article.objects.get(pk=article.pk).status == "approved"


def test_my_work_is_mine_in_analysis_by_due_date(analyst, analyst2):
    late = ArticleFactory(status="in_analysis", assignee=analyst, due_on=datetime.date(2030, 5, 1))
    soon = ArticleFactory(status="in_analysis", assignee=analyst, due_on=datetime.date(2030, 1, 1))
    undated = ArticleFactory(status="in_analysis", assignee=analyst)
    ArticleFactory(status="in_analysis", assignee=analyst2)
    ArticleFactory(status="in_review", assignee=analyst)
    assert list(queue_my_work(user=analyst)) == [soon, late, undated]


def test_to_review_excludes_what_i_worked_on(analyst_reviewer, analyst, reviewer):
    mine = ArticleFactory()
    services.article_claim(article=mine, user=analyst_reviewer)
    services.article_submit(article=mine, user=analyst_reviewer)
    theirs = ArticleFactory()
    services.article_claim(article=theirs, user=analyst)
    services.article_submit(article=theirs, user=analyst)
    ArticleFactory(status="in_analysis", assignee=analyst)
    assert list(queue_to_review(user=analyst_reviewer)) == [theirs]
    assert set(queue_to_review(user=reviewer)) == {mine, theirs}


def test_returned_to_me_shows_the_reviewers_comment_until_resubmitted(analyst, reviewer):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    services.article_return(article=article, user=reviewer, comment="Quote 3 is indirect.")
    [returned] = queue_returned(user=analyst)
    assert (returned, returned.return_comment) == (article, "Quote 3 is indirect.")
    services.article_submit(article=article, user=analyst)
    assert list(queue_returned(user=analyst)) == []


def test_overdue_lists_open_items_past_due():
    today = datetime.date(2030, 6, 1)
    overdue = ArticleFactory(status="in_analysis", due_on=datetime.date(2030, 5, 1))
    ArticleFactory(status="approved", due_on=datetime.date(2030, 5, 1))
    ArticleFactory(status="in_review", due_on=datetime.date(2030, 7, 1))
    assert list(queue_overdue(today=today)) == [overdue]


def test_queues_page_lists_and_has_a_fixed_query_count(login, analyst, reviewer, django_assert_max_num_queries):
    client = login(analyst)

    def grow(n):
        for i in range(n):
            ArticleFactory(status="in_analysis", assignee=analyst, due_on=datetime.date(2020, 1, 1 + i % 28))
            article = ArticleFactory()
            services.article_claim(article=article, user=analyst)
            services.article_submit(article=article, user=analyst)
            services.article_return(article=article, user=reviewer, comment="why")

    grow(2)
    client.get(reverse("review:queues"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        response = client.get(reverse("review:queues"))
    assert response.status_code == 200
    assert b'id="queue-returned"' in response.content
    grow(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("review:queues"))
    assert response.content.count(b"data-article-id") >= 40
