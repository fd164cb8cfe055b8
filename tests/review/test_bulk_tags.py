"""Adding a codebook tag (one item, or ticked items in bulk) and the bulk bar of the article list (issue 9): the same
services as the reader page, one transaction per item, each refusal reported for its item."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.test import Client

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle, TagStatus
from monitoring.core.roles import REVIEWER
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

BULK = "/review/bulk/"
ARTICLES = "/articles/"


def notes(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def tags_of(article) -> dict[str, str]:
    return dict(TaggedArticle.objects.filter(content_object=article).values_list("tag__slug", "status"))


@pytest.fixture
def water(db):
    return TagFactory(name="Water", slug="water")


# tag_add ---------------------------------------------------------------------------------------------------------

# (who, status, held by): may they add a tag? The holder while in analysis, an editor while the item is open.
MATRIX = [
    ("analyst", "in_analysis", "analyst", True),
    ("analyst", "in_analysis", "analyst2", False),
    ("analyst", "new", None, False),
    ("analyst", "in_review", "analyst", False),
    ("editor", "new", None, True),
    ("editor", "in_analysis", "analyst", True),
    ("editor", "in_review", "analyst", True),
    ("editor", "approved", "analyst", False),
    ("editor", "archived", None, False),
    ("reviewer", "in_review", "analyst", False),
    ("outsider", "in_analysis", "analyst", False),
]


@pytest.mark.parametrize("who, status, holder, allowed", MATRIX)
def test_tag_add_permission_matrix(request, water, who, status, holder, allowed):
    user = request.getfixturevalue(who)
    article = ArticleFactory(status=status, assignee=request.getfixturevalue(holder) if holder else None)
    if allowed:
        services.tag_add(article=article, user=user, tag=water)
        assert tags_of(article) == {"water": TagStatus.CONFIRMED}
        event = WorkflowEvent.objects.get(article=article, actor=user)
        assert (event.action, event.subject, event.to_status) == ("change", "added tag Water", status)
    else:
        with pytest.raises(PermissionDenied):
            services.tag_add(article=article, user=user, tag=water)
        assert tags_of(article) == {} and not WorkflowEvent.objects.filter(article=article).exists()
    assert Article.objects.get(pk=article.pk).status == status  # tagging never moves the item


def test_adding_a_confirmed_tag_again_changes_and_records_nothing(analyst, in_analysis, water):
    first = services.tag_add(article=in_analysis, user=analyst, tag=water)
    again = services.tag_add(article=in_analysis, user=analyst, tag=water)
    assert again.pk == first.pk and TaggedArticle.objects.filter(content_object=in_analysis).count() == 1
    assert WorkflowEvent.objects.filter(article=in_analysis, actor=analyst).count() == 1


def test_adding_a_suggested_tag_confirms_it_through_tag_confirm(analyst, in_analysis, water):
    TaggedArticle.objects.create(content_object=in_analysis, tag=water, status=TagStatus.SUGGESTED)
    services.tag_add(article=in_analysis, user=analyst, tag=water)
    assert tags_of(in_analysis) == {"water": TagStatus.CONFIRMED}
    event = WorkflowEvent.objects.get(article=in_analysis, actor=analyst)
    assert (event.action, event.subject) == ("confirm", "tag Water")
    services.tag_add(article=in_analysis, user=analyst, tag=water)
    assert WorkflowEvent.objects.filter(article=in_analysis, actor=analyst).count() == 1


def test_an_editor_who_tagged_an_item_may_not_approve_it(editor, analyst, water):
    editor.groups.add(Group.objects.get(name=REVIEWER))
    article = ArticleFactory(status="in_review", assignee=analyst)
    services.tag_add(article=article, user=editor, tag=water)
    with pytest.raises(PermissionDenied, match="four eyes"):
        services.article_approve(article=Article.objects.get(pk=article.pk), user=editor)


# articles_tag_bulk -----------------------------------------------------------------------------------------------


def test_bulk_tag_applies_the_allowed_items_and_reports_each_refusal(analyst, analyst2, water):
    mine = [ArticleFactory(status="in_analysis", assignee=analyst) for _ in range(2)]
    theirs = ArticleFactory(status="in_analysis", assignee=analyst2, headline="Held by Ben")
    approved = ArticleFactory(status="approved", assignee=analyst, headline="Approved already")
    outcome = services.articles_tag_bulk(
        article_ids=[a.pk for a in (*mine, theirs, approved)] + [999999], user=analyst, tag=water
    )
    assert sorted(a.pk for a in outcome.done) == sorted(a.pk for a in mine)
    refused = {pk: (headline, message) for pk, headline, message in outcome.refused}
    assert set(refused) == {theirs.pk, approved.pk, 999999}
    assert refused[theirs.pk][0] == "Held by Ben" and "with ben" in refused[theirs.pk][1]
    assert "approved" in refused[approved.pk][1] and "no longer exists" in refused[999999][1]
    for article in mine:
        assert tags_of(article) == {"water": TagStatus.CONFIRMED}
    assert tags_of(theirs) == tags_of(approved) == {}
    assert WorkflowEvent.objects.filter(actor=analyst, action="change").count() == 2


# The article list's bulk bar -------------------------------------------------------------------------------------


def bulk_bar(html: str) -> str:
    match = re.search(r'<fieldset class="bulk-actions">.*?</fieldset>', html, re.S)
    return match.group(0) if match else ""


def test_every_row_of_the_article_list_can_be_ticked(login, analyst, water):
    items = [ArticleFactory(status=status) for status in ("new", "in_analysis", "approved", "archived")]
    html = login(analyst).get(ARTICLES).content.decode()
    ticked = {int(pk) for pk in re.findall(r'name="article" value="(\d+)"', html)}
    assert ticked == {a.pk for a in items}
    assert 'action="/briefings/"' in html and 'formaction="/review/bulk/"' in html


@pytest.mark.parametrize(
    "who, actions, selects",
    [
        ("analyst", ["claim", "tag"], ["tag"]),
        ("editor", ["assign", "archive", "tag"], ["assignee", "tag"]),
        ("reviewer", [], []),
    ],
)
def test_the_bulk_bar_offers_only_what_the_roles_allow(request, login, water, analyst, who, actions, selects):
    ArticleFactory(status="new")
    html = login(request.getfixturevalue(who)).get(ARTICLES).content.decode()
    bar = bulk_bar(html)
    assert re.findall(r'<option value="([a-z]+)">', bar) == actions
    assert re.findall(r'<select name="([a-z]+)"', bar) == ["action", *selects] if actions else bar == ""
    if "tag" in selects:
        assert f'<option value="{water.pk}">Water</option>' in bar
    if "assignee" in selects:
        assert f'<option value="{analyst.pk}">ana</option>' in bar
    assert 'name="article"' in html  # the briefing still takes ticked items


def test_bulk_claim_from_the_article_list(login, analyst):
    new = ArticleFactory(status="new", headline="Dam talks")
    taken = ArticleFactory(status="approved", headline="Already approved")
    back = f"{ARTICLES}?status=new"
    response = login(analyst).post(BULK, {"action": "claim", "article": [new.pk, taken.pk], "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert Article.objects.get(pk=new.pk).assignee == analyst
    messages = notes(response)
    assert any(m.startswith("Done (claim): 1 article(s): “Dam talks”") for m in messages)
    assert any("Already approved" in m and f"#{taken.pk}" in m for m in messages)


def test_bulk_archive_and_tag_from_the_article_list(login, editor, analyst, water):
    items = [ArticleFactory(status="new"), ArticleFactory(status="in_analysis", assignee=analyst)]
    ids = [a.pk for a in items]
    client = login(editor)
    response = client.post(BULK, {"action": "tag", "tag": water.pk, "article": ids, "next": ARTICLES})
    assert any(m.startswith("Done (add the tag Water): 2 article(s)") for m in notes(response))
    # By slug too; a second time changes nothing.
    client.post(BULK, {"action": "tag", "tag": "water", "article": ids, "next": ARTICLES})
    assert all(tags_of(a) == {"water": TagStatus.CONFIRMED} for a in items)
    assert WorkflowEvent.objects.filter(actor=editor, action="change").count() == 2
    response = client.post(BULK, {"action": "archive", "article": ids, "next": ARTICLES})
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"archived"}
    # Archived: read-only, so the tag is refused for each item, by name.
    other = TagFactory(name="Energy", slug="energy")
    response = client.post(BULK, {"action": "tag", "tag": other.pk, "article": ids, "next": ARTICLES})
    refusals = [m for m in notes(response) if "archived" in m]
    assert len(refusals) == 2 and not TaggedArticle.objects.filter(tag=other).exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "tag", "article": ["1"]}, "Choose the tag to add"),
        ({"action": "tag", "tag": "no-such-tag", "article": ["1"]}, "No such tag"),
        ({"action": "tag", "tag": "999999", "article": ["1"]}, "No such tag"),
    ],
)
def test_a_bad_tag_is_a_message(login, editor, water, data, message):
    response = login(editor).post(BULK, {**data, "next": ARTICLES})
    assert response.status_code == 302 and response["Location"] == ARTICLES
    assert any(message in m for m in notes(response))


def test_the_bulk_post_needs_the_csrf_token(editor, water):
    article = ArticleFactory(status="new")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(ARTICLES).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"action": "tag", "tag": water.pk, "article": [article.pk], "next": ARTICLES}
    assert client.post(BULK, form).status_code == 403
    assert tags_of(article) == {}
    assert client.post(BULK, {**form, "csrfmiddlewaretoken": token}).status_code == 302
    assert tags_of(article) == {"water": TagStatus.CONFIRMED}


def test_a_user_without_a_role_is_refused_and_nothing_changes(login, outsider, water):
    article = ArticleFactory(status="new")
    client = login(outsider)
    for data in ({"action": "tag", "tag": water.pk}, {"action": "claim"}, {"action": "archive"}):
        response = client.post(BULK, {**data, "article": [article.pk]})
        assert response.status_code == 403
    assert tags_of(article) == {} and Article.objects.get(pk=article.pk).status == "new"
    assert not WorkflowEvent.objects.filter(article=article).exists()


# The inbox and the queues ----------------------------------------------------------------------------------------


def test_editors_tag_from_the_inbox_analysts_are_not_offered_it(login, editor, analyst, water):
    article = ArticleFactory(status="new")
    assert '<option value="tag">' not in bulk_bar(login(analyst).get("/review/inbox/").content.decode())
    client = login(editor)
    assert '<option value="tag">' in bulk_bar(client.get("/review/inbox/").content.decode())
    client.post(BULK, {"action": "tag", "tag": water.slug, "article": [article.pk], "next": "/review/inbox/"})
    assert tags_of(article) == {"water": TagStatus.CONFIRMED}


def test_analysts_tag_their_items_from_my_work(login, analyst, in_analysis, water):
    client = login(analyst)
    html = client.get("/review/").content.decode()
    assert 'id="bulk-my-work"' in html and f'name="article" value="{in_analysis.pk}"' in html
    response = client.post(BULK, {"action": "tag", "tag": water.pk, "article": [in_analysis.pk], "next": "/review/"})
    assert response["Location"] == "/review/" and tags_of(in_analysis) == {"water": TagStatus.CONFIRMED}


# Query pins ------------------------------------------------------------------------------------------------------

# tests/dashboards/test_pages.py pins the list at 9 for an analyst (with the bulk bar's tags); an editor's bar also
# lists the analysts: one more. Plus the role check and the unread count.
EDITOR_LIST_QUERIES = 9 + 1 + 2


@pytest.mark.parametrize("size", [3, 40])
def test_the_article_list_with_the_bulk_bar_runs_a_fixed_number_of_queries(
    login, editor, size, django_assert_max_num_queries
):
    for n in range(5):
        TagFactory(name=f"Tag {n}", slug=f"tag-{n}")
        UserFactory(username=f"analyst{n}", role="Analyst")
    for n in range(size):
        ArticleFactory(status=("new", "in_analysis", "approved")[n % 3])
    client = login(editor)
    with django_assert_max_num_queries(EDITOR_LIST_QUERIES):
        response = client.get(ARTICLES)
    html = response.content.decode()
    assert html.count('name="article"') == min(size, 25)
    assert bulk_bar(html).count("<option value=") >= 3 + 5 + 5
