"""Four eyes holds through the admin (issue 8, defect 2): a decision or change made in an admin form or inline is
work on the item, recorded like the same action on the pages, so whoever made it cannot approve or return it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.core import permissions
from monitoring.core.roles import EDITOR, REVIEWER
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory, RoleFactory, TagFactory, UserFactory

from .admin_forms import article_form, quote_form, role_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_reviewer(db):
    """An editor who also reviews: may change open items' coverage, may approve what they did not work on."""
    user = UserFactory(username="eve", role=EDITOR)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


@pytest.fixture
def held(analyst):
    """An article in analysis with ana, with a suggested quote, role and tag."""
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    QuoteFactory(article=article)
    RoleFactory(article=article)
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested")
    return article


ALL_CONFIRMED = {"quotes-0-status": "confirmed", "roles-0-status": "confirmed", "tagged_items-0-status": "confirmed"}


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def approve_in_admin(client, article):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "approve_articles", "_selected_action": [article.pk]},
        follow=True,
    )


def test_analyst_reviewer_cannot_decide_another_analysts_suggestions_in_admin_inlines(
    login, analyst, analyst_reviewer, held
):
    response = login(analyst_reviewer).post(change_url(held), article_form(held, **ALL_CONFIRMED))
    assert response.status_code == 403
    assert services.article_pending_count(article=held) == 3
    assert not WorkflowEvent.objects.filter(actor=analyst_reviewer).exists()
    with pytest.raises(PermissionDenied):  # still pending: the holder must decide
        services.article_submit(article=held, user=analyst)


def test_who_confirmed_suggestions_in_admin_inlines_cannot_approve(login, analyst, editor_reviewer, held):
    client = login(editor_reviewer)
    assert client.post(change_url(held), article_form(held, **ALL_CONFIRMED)).status_code == 302
    assert services.article_pending_count(article=held) == 0
    assert WorkflowEvent.objects.filter(actor=editor_reviewer, action="confirm").count() == 3
    services.article_submit(article=held, user=analyst)

    messages = [str(m) for m in approve_in_admin(client, held).context["messages"]]
    assert any("four eyes" in m for m in messages)
    assert Article.objects.get(pk=held.pk).status == "in_review"
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_approve(article=held, user=editor_reviewer)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_return(article=held, user=editor_reviewer, comment="Recheck")


@pytest.mark.parametrize("page", ["quote", "role"])
def test_a_decision_on_the_quote_or_role_page_counts_as_work(login, analyst, editor_reviewer, held, page):
    quote, role = held.quotes.get(), held.roles.get()
    client = login(editor_reviewer)
    if page == "quote":
        response = client.post(change_url(quote), quote_form(quote, status="confirmed"))
    else:
        response = client.post(change_url(role), role_form(role, title="deputy minister"))
    assert response.status_code == 302
    assert permissions.article_workers(held) == {analyst.pk, editor_reviewer.pk}


def decide_all(article, user) -> None:
    """The holder confirms every suggestion, so the item can be submitted."""
    for quote in article.quotes.all():
        services.quote_confirm(quote=quote, user=user)
    for role in article.roles.all():
        services.role_confirm(role=role, user=user)
    for tagged in article.tagged_items.all():
        services.tag_confirm(tagged=tagged, user=user)


def test_changing_coverage_data_in_admin_counts_as_work(login, analyst, editor_reviewer, reviewer, held):
    decide_all(held, analyst)
    client = login(editor_reviewer)
    assert client.post(change_url(held), article_form(held, headline="A sharper headline")).status_code == 302
    assert WorkflowEvent.objects.get(actor=editor_reviewer).action == "change"
    services.article_submit(article=held, user=analyst)
    approve_in_admin(client, held)
    assert Article.objects.get(pk=held.pk).status == "in_review"
    services.article_approve(article=held, user=reviewer)  # a second person who did not touch it may
    assert Article.objects.get(pk=held.pk).status == "approved"


def test_planning_is_not_analysis_work(login, analyst, editor_reviewer, held):
    decide_all(held, analyst)
    client = login(editor_reviewer)
    client.post(change_url(held), article_form(held, due_on="2024-10-01", priority=3))
    assert WorkflowEvent.objects.get(actor=editor_reviewer).action == "plan"
    services.article_submit(article=held, user=analyst)
    approve_in_admin(client, held)
    assert Article.objects.get(pk=held.pk).status == "approved"


def test_saving_an_unchanged_form_records_nothing(login, editor_reviewer, held):
    assert login(editor_reviewer).post(change_url(held), article_form(held)).status_code == 302
    assert not WorkflowEvent.objects.filter(actor=editor_reviewer).exists()
