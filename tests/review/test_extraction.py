import pytest
from django.urls import reverse

from monitoring.codebook.models import TaggedArticle
from monitoring.people.models import Person, Quote, Role
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(analyst):
    return ArticleFactory(status="in_analysis", assignee=analyst)


def decide(client, article, thing, pk, decision, **data):
    return client.post(reverse(f"articles:{thing}_decide", args=[article.pk, pk, decision]), data)


def test_confirm_and_reject_quotes_are_recorded(login, analyst, article):
    first, second = QuoteFactory(article=article), QuoteFactory(article=article)
    client = login(analyst)
    assert decide(client, article, "quote", first.pk, "confirm", version=1).status_code == 302
    assert decide(client, article, "quote", second.pk, "reject", version=1).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.version, second.status) == ("confirmed", 2, "rejected")
    assert first.history.first().history_user == analyst
    assert set(WorkflowEvent.objects.values_list("action", "actor__username")) == {
        ("confirm", "ana"),
        ("reject", "ana"),
    }


def test_edit_a_quote_speaker_kind_and_span(login, analyst, article):
    quote = QuoteFactory(article=article)
    other = PersonFactory(name="Maria Lopez")
    start = article.body.index('"We made progress')
    end = start + len('"We made progress,"')
    response = decide(
        login(analyst),
        article,
        "quote",
        quote.pk,
        "update",
        version=1,
        speaker=other.pk,
        kind="partial",
        start=start,
        end=end,
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.kind, quote.text, quote.status) == (
        other,
        "partial",
        article.body[start:end],
        "confirmed",
    )
    # A speaker by a new name becomes a person; an unnamed group replaces the speaker.
    decide(login(analyst), article, "quote", quote.pk, "update", version=2, speaker_name="Jonas Berg")
    quote.refresh_from_db()
    assert quote.speaker == Person.objects.get(name="Jonas Berg")
    decide(login(analyst), article, "quote", quote.pk, "update", version=3, group="officials")
    quote.refresh_from_db()
    assert (quote.speaker, quote.group) == (None, "officials")


def test_a_bad_quote_span_is_refused(login, analyst, article):
    quote = QuoteFactory(article=article)
    response = decide(login(analyst), article, "quote", quote.pk, "update", version=1, start=5, end=2)
    assert response.status_code == 400
    assert Quote.objects.get().status == "suggested"


def test_a_stale_quote_form_does_not_overwrite(login, analyst, article):
    quote = QuoteFactory(article=article)
    services.quote_update(quote=quote, user=analyst, version=1, kind="indirect")
    response = decide(login(analyst), article, "quote", quote.pk, "update", version=1, kind="partial")
    assert response.status_code == 409
    assert Quote.objects.get().kind == "indirect"


@pytest.mark.parametrize("who", ["analyst2", "reviewer", "outsider"])
def test_only_the_analyst_of_the_article_or_an_editor_decides_suggestions(request, login, article, who):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    tagged = TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested")
    client = login(request.getfixturevalue(who))
    assert decide(client, article, "quote", quote.pk, "confirm", version=1).status_code == 403
    assert decide(client, article, "role", role.pk, "confirm").status_code == 403
    assert decide(client, article, "tag", tagged.pk, "reject").status_code == 403
    assert services.article_pending_count(article=article) == 3


@pytest.mark.parametrize("status", ["in_analysis", "in_review"])
def test_an_editor_decides_suggestions_while_the_item_is_open(login, editor, analyst, status):
    article = ArticleFactory(status=status, assignee=analyst)
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    client = login(editor)
    assert decide(client, article, "quote", quote.pk, "confirm", version=1).status_code == 302
    assert decide(client, article, "role", role.pk, "update", title="party leader").status_code == 302
    assert services.article_pending_count(article=article) == 0
    assert set(WorkflowEvent.objects.values_list("actor__username", flat=True)) == {"ed"}


@pytest.mark.parametrize("who", ["analyst", "editor"])
@pytest.mark.parametrize("status", ["approved", "archived"])
def test_nobody_decides_on_an_approved_or_archived_item(request, login, analyst, who, status):
    article = ArticleFactory(status=status, assignee=analyst)
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    client = login(request.getfixturevalue(who))
    response = decide(client, article, "quote", quote.pk, "update", version=1, kind="partial")
    assert response.status_code == 403
    assert "reopen it first" in response.context["message"]
    assert decide(client, article, "role", role.pk, "confirm").status_code == 403
    assert services.article_pending_count(article=article) == 2
    assert not WorkflowEvent.objects.exists()


def test_roles_and_tags_confirmed_edited_rejected(login, analyst, article):
    role, wrong = RoleFactory(article=article), RoleFactory(article=article)
    kept = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="energy"), status="suggested")
    dropped = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="sport"), status="suggested")
    client = login(analyst)
    decide(client, article, "role", role.pk, "update", title="party leader")
    decide(client, article, "role", wrong.pk, "reject")
    decide(client, article, "tag", kept.pk, "confirm")
    decide(client, article, "tag", dropped.pk, "reject")
    role.refresh_from_db()
    assert (role.title, role.status) == ("party leader", "confirmed")
    assert Role.objects.get(pk=wrong.pk).status == "rejected"
    assert list(TaggedArticle.objects.values_list("tag__name", "status")) == [("energy", "confirmed")]
    assert WorkflowEvent.objects.filter(action="reject", subject="tag sport").exists()


def test_pending_count_shown_and_submit_possible_once_all_decided(login, analyst, article):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    client = login(analyst)
    page = client.get(article.get_absolute_url())
    assert b'data-pending="2"' in page.content
    assert client.post(reverse("articles:transition", args=[article.pk]), {"action": "submit"}).status_code == 403
    decide(client, article, "quote", quote.pk, "confirm", version=1)
    decide(client, article, "role", role.pk, "confirm")
    assert b'data-pending="0"' in client.get(article.get_absolute_url()).content
    assert client.post(reverse("articles:transition", args=[article.pk]), {"action": "submit"}).status_code == 302


def test_merge_persons_from_the_page(login, analyst, article):
    one = PersonFactory(name="Jon Smith")
    two = PersonFactory(name="Jonathan Smith")
    QuoteFactory(article=article, speaker=one)
    QuoteFactory(article=article, speaker=two)
    response = login(analyst).post(
        reverse("articles:persons_merge", args=[article.pk]), {"survivor": two.pk, "other": one.pk}
    )
    assert response.status_code == 302
    assert set(Quote.objects.values_list("speaker__name", flat=True)) == {"Jonathan Smith"}
    assert two.aliases.get().name == "Jon Smith"
    assert WorkflowEvent.objects.get(action="merge").subject == "Jon Smith into Jonathan Smith"
