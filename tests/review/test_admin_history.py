"""Field history in the admin is for reading: its revert form restores nothing (issue 8, defect 1)."""

import pytest
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def old_version_form(version) -> dict:
    """What the history form of `version` posts: its fields as they were then."""
    data = {
        "headline": version.headline,
        "outlet": version.outlet_id,
        "bylines": "[]",
        "published_on": version.published_on or "",
        "updated_on": "",
        "url": version.url,
        "language": version.language,
        "body": version.body,
        "subheadings": "[]",
        "rights": "",
        "due_on": "",
        "priority": version.priority,
        "syndicated_from": "",
    }
    return data


def history_url(article, version) -> str:
    return reverse("admin:articles_article_simple_history", args=[article.pk, version.history_id])


def snapshot(article):
    article = Article.objects.get(pk=article.pk)
    return (
        article.status,
        article.assignee_id,
        article.approved_at,
        article.version,
        article.headline,
        article.history.count(),
        WorkflowEvent.objects.filter(article=article).count(),
    )


def test_analyst_cannot_bring_back_the_approved_version_of_a_reopened_article(login, analyst, reviewer, editor):
    article = ArticleFactory(headline="Approved wording")
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    services.article_approve(article=article, user=reviewer)
    approved = article.history.get(status="approved")
    services.article_reopen(article=article, user=editor)
    before = snapshot(article)
    assert before[0] == "in_analysis"

    client = login(analyst)
    response = client.post(history_url(article, approved), old_version_form(approved))

    assert response.status_code == 403
    assert snapshot(article) == before
    assert not WorkflowEvent.objects.filter(article=article, action="approve").exclude(actor=reviewer).exists()


def test_reviewer_with_view_rights_cannot_send_an_item_in_review_back_to_new(login, analyst, reviewer):
    article = ArticleFactory()
    first = article.history.get()  # the version as created: new, nobody on it
    services.article_claim(article=article, user=analyst)
    services.article_submit(article=article, user=analyst)
    before = snapshot(article)

    response = login(reviewer).post(history_url(article, first), old_version_form(first))

    assert response.status_code == 403
    assert snapshot(article) == before
    assert Article.objects.get(pk=article.pk).status == "in_review"


@pytest.mark.parametrize("role", ["analyst", "reviewer", "editor"])
def test_history_stays_readable_without_a_revert_button(request, login, analyst, role):
    article = ArticleFactory()
    services.article_claim(article=article, user=analyst)
    client = login(request.getfixturevalue(role))
    listing = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert listing.status_code == 200
    version = article.history.last()
    form = client.get(history_url(article, version))
    assert form.status_code == 200
    assert b"Revert" not in form.content and b'name="_save"' not in form.content


def test_even_an_editor_or_superuser_cannot_revert_a_quote(login, editor, analyst, django_user_model):
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    quote = QuoteFactory(article=article)
    services.quote_confirm(quote=quote, user=analyst)
    suggested = quote.history.get(status="suggested")
    admin_user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-123")
    for user in (editor, admin_user):
        response = login(user).post(
            reverse("admin:people_quote_simple_history", args=[quote.pk, suggested.history_id]),
            {
                "article": article.pk,
                "speaker": quote.speaker_id,
                "group": "",
                "kind": "direct",
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "cue": "",
                "channel": "",
                "status": "suggested",
            },
        )
        assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.status == "confirmed"


def test_revert_is_refused_even_if_the_setting_is_turned_back_on(settings, login, analyst):
    settings.SIMPLE_HISTORY_REVERT_DISABLED = False
    article = ArticleFactory()
    first = article.history.get()
    services.article_claim(article=article, user=analyst)
    response = login(analyst).post(history_url(article, first), old_version_form(first))
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == "in_analysis"
