"""The admin is a view onto the same services (issue 8, defect 2): coverage data of an item is changed in the admin
only by the analyst holding it (in analysis) or an editor (while open), every change is recorded, decisions go
through the review services, workflow fields never change there, and nothing is deleted in bulk."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.core.roles import EDITOR
from monitoring.people.models import OrganizationMention, Quote, Role
from monitoring.photos.models import Photo
from monitoring.review.models import WorkflowEvent
from tests.factories import (
    ArticleFactory,
    CountryMentionFactory,
    OrganizationFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    RoleFactory,
    TagFactory,
)

from .admin_forms import article_form, person_form, photo_form, quote_form, role_form

pytestmark = pytest.mark.django_db


def covered(status: str, assignee=None) -> Article:
    """An article in `status` with a suggested quote, role and tag, a photo and a country mention."""
    article = ArticleFactory(status=status, assignee=assignee)
    QuoteFactory(article=article)
    RoleFactory(article=article)
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested")
    PhotoFactory(article=article)
    CountryMentionFactory(article=article)
    return article


def state(article: Article) -> tuple:
    """Everything an admin form could change on the article, and its events."""
    article = Article.objects.get(pk=article.pk)
    return (
        article.headline,
        article.status,
        article.assignee_id,
        article.version,
        article.due_on,
        tuple(article.quotes.values_list("pk", "kind", "cue", "status", "version")),
        tuple(article.roles.values_list("pk", "title", "status")),
        tuple(article.tagged_items.values_list("pk", "tag_id", "status")),
        tuple(article.photos.values_list("pk", "caption")),
        tuple(article.country_mentions.values_list("pk", "count")),
        tuple(WorkflowEvent.objects.filter(article=article).values_list("pk", flat=True)),
    )


def events(article, **filters) -> list[tuple]:
    return list(
        WorkflowEvent.objects.filter(article=article, **filters).order_by("pk").values_list("action", "actor__username")
    )


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


# Who may change an item's coverage data in the admin, by role and state: (user fixture, status, held by the
# analyst fixture, allowed).
CASES = [
    ("analyst", "in_analysis", True, True),  # the holder
    ("analyst2", "in_analysis", True, False),  # another analyst
    ("analyst", "new", False, False),  # an analyst on an item nobody holds
    ("analyst", "in_review", True, False),  # the holder once submitted
    ("analyst", "approved", True, False),
    ("analyst", "archived", True, False),
    ("reviewer", "in_review", True, False),
    ("editor", "new", False, True),
    ("editor", "in_analysis", True, True),
    ("editor", "in_review", True, True),
    ("editor", "approved", True, False),  # read-only until reopened
    ("editor", "archived", True, False),
    ("outsider", "in_analysis", True, False),
]


def case_id(case):
    return f"{case[0]}-{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_article_form_and_inlines_only_for_the_holder_or_an_editor(request, login, analyst, case):
    who, status, held, allowed = case
    user = request.getfixturevalue(who)
    article = covered(status, analyst if held else None)
    quote, role = article.quotes.get(), article.roles.get()
    before = state(article)
    data = article_form(
        article,
        headline="Rewritten in the admin",
        **{
            "quotes-0-status": "confirmed",
            "roles-0-status": "rejected",
            "tagged_items-0-status": "confirmed",
            "photos-0-caption": "New caption",
            "country_mentions-0-count": 7,
        },
    )

    response = login(user).post(change_url(article), data)

    if not allowed:
        assert response.status_code == 403
        assert state(article) == before
        return
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()
    assert article.headline == "Rewritten in the admin"
    assert (article.status, article.assignee_id) == (before[1], before[2])
    quote.refresh_from_db()
    role.refresh_from_db()
    assert (quote.status, quote.version, role.status) == ("confirmed", 2, "rejected")
    assert article.tagged_items.get().status == "confirmed"
    assert article.photos.get().caption == "New caption"
    assert article.country_mentions.get().count == 7
    recorded = events(article, actor=user)
    # The decisions through the review services, the other changes as "changed coverage data".
    assert recorded.count(("confirm", user.username)) == 2
    assert recorded.count(("reject", user.username)) == 1
    assert recorded.count(("change", user.username)) == 3  # headline, photo caption, mention count
    subjects = list(WorkflowEvent.objects.filter(article=article, action="change").values_list("subject", flat=True))
    assert "article: headline" in subjects and any(s.startswith("photo #") and "caption" in s for s in subjects)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_quote_role_and_photo_pages_follow_the_same_rules(request, login, analyst, case):
    who, status, held, allowed = case
    user = request.getfixturevalue(who)
    article = covered(status, analyst if held else None)
    quote, role, photo = article.quotes.get(), article.roles.get(), article.photos.get()
    mention = OrganizationMention.objects.create(article=article, organization=OrganizationFactory(), count=1)
    client = login(user)
    before = state(article)

    responses = [
        client.post(change_url(quote), quote_form(quote, kind="indirect", cue="told")),
        client.post(change_url(role), role_form(role, title="spokesperson")),
        client.post(change_url(photo), photo_form(photo, caption="Changed on its page")),
        client.post(change_url(mention), {"organization": mention.organization_id, "article": article.pk, "count": 4}),
    ]

    if not allowed:
        assert [r.status_code for r in responses] == [403] * 4
        assert state(article) == before
        mention.refresh_from_db()
        assert mention.count == 1
        return
    assert [r.status_code for r in responses] == [302] * 4
    quote.refresh_from_db()
    role.refresh_from_db()
    assert (quote.kind, quote.cue, quote.status) == ("indirect", "told", "confirmed")
    assert (role.title, role.status) == ("spokesperson", "confirmed")
    assert Photo.objects.get(pk=photo.pk).caption == "Changed on its page"
    assert OrganizationMention.objects.get(pk=mention.pk).count == 4
    assert events(article) == [
        ("edit", user.username),  # the quote's kind, through quote_update
        ("change", user.username),  # its cue
        ("edit", user.username),  # the role's title, through role_update
        ("change", user.username),  # the photo's caption
        ("change", user.username),  # the mention's count
    ]


@pytest.mark.parametrize("who", ["analyst", "analyst2", "reviewer", "editor"])
def test_workflow_fields_never_change_in_an_admin_form(request, login, analyst, who):
    user = request.getfixturevalue(who)
    article = covered("in_analysis", analyst)
    client = login(user)
    page = client.get(change_url(article))
    assert page.status_code == 200
    for field in ("status", "assignee", "approved_at", "version"):
        assert f'name="{field}"'.encode() not in page.content
    client.post(
        change_url(article),
        article_form(article, status="approved", assignee=user.pk, approved_at="2024-01-01 10:00", version=99),
    )
    article.refresh_from_db()
    assert (article.status, article.assignee, article.approved_at) == ("in_analysis", analyst, None)
    assert not WorkflowEvent.objects.filter(article=article).exists()  # nothing else changed


def test_only_editors_plan_and_planning_is_recorded(login, analyst, editor):
    article = covered("in_analysis", analyst)
    login(analyst).post(change_url(article), article_form(article, due_on="2024-09-01", priority=4))
    article.refresh_from_db()
    assert (article.due_on, article.priority) == (None, 2)
    response = login(editor).post(change_url(article), article_form(article, due_on="2024-09-01", priority=4))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (str(article.due_on), article.priority) == ("2024-09-01", 4)
    assert events(article) == [("plan", "ed")]


def test_read_only_page_for_who_may_not_change(login, analyst, analyst2, reviewer):
    article = covered("in_analysis", analyst)
    for user in (analyst2, reviewer):
        page = login(user).get(change_url(article))
        assert page.status_code == 200
        assert b'name="headline"' not in page.content and b'name="quotes-0-status"' not in page.content
    page = login(analyst).get(change_url(article))
    assert b'name="headline"' in page.content and b'name="quotes-0-status"' in page.content
    assert b'name="body"' not in page.content  # offsets of quotes and annotations hang on it


def test_a_decision_is_not_taken_back_to_suggested(login, analyst):
    article = covered("in_analysis", analyst)
    quote = article.quotes.get()
    login(analyst).post(change_url(quote), quote_form(quote, status="confirmed"))
    before = state(article)
    response = login(analyst).post(change_url(article), article_form(article, **{"quotes-0-status": "suggested"}))
    assert response.status_code == 403
    assert state(article) == before


def test_removing_a_tag_or_photo_in_an_inline_is_recorded(login, analyst):
    article = covered("in_analysis", analyst)
    tagged, photo = article.tagged_items.get(), article.photos.get()
    response = login(analyst).post(
        change_url(article), article_form(article, **{"tagged_items-0-DELETE": "on", "photos-0-DELETE": "on"})
    )
    assert response.status_code == 302
    assert not TaggedArticle.objects.filter(pk=tagged.pk).exists() and not Photo.objects.filter(pk=photo.pk).exists()
    subjects = dict(WorkflowEvent.objects.filter(article=article).values_list("action", "subject"))
    assert subjects["reject"] == f"tag {tagged.tag.name}"
    assert subjects["change"] == f"removed photo #{photo.pk}"


def test_quotes_and_roles_are_rejected_not_deleted(login, editor):
    article = covered("in_analysis")
    quote, role = article.quotes.get(), article.roles.get()
    client = login(editor)
    for obj in (quote, role):
        url = reverse(f"admin:people_{obj._meta.model_name}_delete", args=[obj.pk])
        assert client.post(url, {"post": "yes"}).status_code == 403
    data = article_form(article, **{"quotes-0-DELETE": "on", "roles-0-DELETE": "on"})
    assert client.post(change_url(article), data).status_code == 302
    assert b'name="quotes-0-DELETE"' not in client.get(change_url(article)).content
    assert Quote.objects.filter(pk=quote.pk).exists() and Role.objects.filter(pk=role.pk).exists()


@pytest.mark.parametrize(
    "name", ["articles_article", "people_quote", "people_role", "photos_photo", "people_organizationmention"]
)
def test_no_bulk_delete_of_coverage(login, editor, name):
    article = covered("in_analysis")
    OrganizationMention.objects.create(article=article, organization=OrganizationFactory(), count=1)
    client = login(editor)
    url = reverse(f"admin:{name}_changelist")
    page = client.get(url)
    assert b'value="delete_selected"' not in page.content
    model = page.context["cl"].model
    pks = list(model.objects.values_list("pk", flat=True))
    client.post(url, {"action": "delete_selected", "_selected_action": pks, "post": "yes"})
    assert model.objects.count() == len(pks)


def test_editor_deletes_an_open_article_but_not_an_approved_one(login, editor):
    open_one, approved = ArticleFactory(), ArticleFactory(status="approved")
    client = login(editor)
    for article in (open_one, approved):
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert list(Article.objects.all()) == [approved]


@pytest.mark.parametrize(
    ("who", "status", "allowed"),
    [
        ("analyst", "in_analysis", True),
        ("analyst2", "in_analysis", False),
        ("editor", "in_review", True),
        ("editor", "approved", False),
        ("reviewer", "in_review", False),
    ],
)
def test_adding_a_quote_or_photo_on_its_page(request, login, analyst, who, status, allowed):
    user = request.getfixturevalue(who)
    article = ArticleFactory(status=status, assignee=analyst)
    speaker = PersonFactory()
    client = login(user)
    quote_response = client.post(
        reverse("admin:people_quote_add"),
        {
            "article": article.pk,
            "speaker": speaker.pk,
            "group": "",
            "kind": "direct",
            "text": article.body[0:10],
            "start": 0,
            "end": 10,
            "cue": "said",
            "channel": "",
            "status": "confirmed",
        },
    )
    photo_response = client.post(
        reverse("admin:photos_photo_add"), photo_form(Photo(article=article, caption="Added by hand"))
    )
    if not allowed:
        assert (quote_response.status_code, photo_response.status_code) == (403, 403)
        assert not Quote.objects.exists() and not Photo.objects.exists()
        assert not WorkflowEvent.objects.exists()
        return
    assert (quote_response.status_code, photo_response.status_code) == (302, 302)
    assert Quote.objects.get().text == article.body[0:10]
    assert Photo.objects.get().caption == "Added by hand"
    assert events(article) == [("change", user.username), ("change", user.username)]


def test_person_page_shows_roles_and_quotes_but_changes_them_on_their_own_pages(login, analyst2, analyst):
    person = PersonFactory()
    elsewhere = ArticleFactory(status="approved", assignee=analyst)
    role = RoleFactory(article=elsewhere, person=person)
    quote = QuoteFactory(article=elsewhere, speaker=person)
    response = login(analyst2).post(
        change_url(person),
        person_form(person, description="Minister", **{"roles-0-status": "rejected", "quotes-0-status": "rejected"}),
    )
    assert response.status_code == 302
    role.refresh_from_db()
    quote.refresh_from_db()
    assert (role.status, quote.status) == ("suggested", "suggested")
    person.refresh_from_db()
    assert person.description == "Minister"  # persons are shared by all articles, as on the pages
    assert not WorkflowEvent.objects.exists()


def test_editor_reopens_then_may_change_again(login, editor, analyst):
    from monitoring.review import services

    article = covered("approved", analyst)
    client = login(editor)
    assert client.post(change_url(article), article_form(article, headline="Fix")).status_code == 403
    services.article_reopen(article=article, user=editor)
    assert client.post(change_url(article), article_form(article, headline="Fix")).status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Fix"


def test_a_user_holding_editor_and_analyst_roles_is_an_editor_here(login, analyst2):
    analyst2.groups.add(Group.objects.get(name=EDITOR))
    article = covered("in_review", None)
    assert login(analyst2).post(change_url(article), article_form(article, headline="x")).status_code == 302


@pytest.mark.parametrize("who", ["analyst2", "reviewer"])
def test_read_only_article_change_page_runs_a_fixed_number_of_queries(request, login, analyst, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(request.getfixturevalue(who))
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    url = change_url(article)

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    def grow(n):
        for _ in range(n):
            QuoteFactory(article=article)
            RoleFactory(article=article)
            PhotoFactory(article=article)
            CountryMentionFactory(article=article)
            TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested")

    grow(3)
    small = queries()
    grow(20)
    assert queries() == small


def test_photo_page_changes_pictured_persons_and_image_under_the_rules(login, analyst, analyst2):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.test_photos import jpeg_bytes

    article = ArticleFactory(status="in_analysis", assignee=analyst)
    photo, person = PhotoFactory(article=article), PersonFactory()
    data = photo_form(photo, pictured=[person.pk])
    assert login(analyst2).post(change_url(photo), data).status_code == 403
    assert not photo.pictured.exists()
    data["image"] = SimpleUploadedFile("new.jpg", jpeg_bytes(), "image/jpeg")
    assert login(analyst).post(change_url(photo), data).status_code == 302
    photo.refresh_from_db()
    assert list(photo.pictured.all()) == [person] and (photo.width, photo.height) == (64, 48)
    subject = WorkflowEvent.objects.get(article=article).subject
    assert "image" in subject and "pictured" in subject


def test_holder_adds_a_tag_in_the_inline_recorded_by_name(login, analyst):
    article = covered("in_analysis", analyst)
    tag = TagFactory(name="fisheries")
    data = article_form(
        article,
        **{"tagged_items-TOTAL_FORMS": 2, "tagged_items-1-tag": tag.pk, "tagged_items-1-status": "confirmed"},
    )
    assert login(analyst).post(change_url(article), data).status_code == 302
    assert article.tagged_items.filter(tag=tag).exists()
    assert WorkflowEvent.objects.get(article=article).subject == "added tag fisheries"


def test_admin_changes_appear_on_the_articles_timeline(login, analyst, editor):
    article = covered("in_analysis", analyst)
    login(analyst).post(change_url(article), article_form(article, headline="Clearer", **{"quotes-0-kind": "indirect"}))
    login(editor).post(change_url(article), article_form(article, priority=4))
    content = login(editor).get(reverse("admin:articles_article_timeline", args=[article.pk])).content.decode()
    for text in ("Changed coverage data", "article: headline", "Edited a suggestion", "Changed due date or priority"):
        assert text in content
