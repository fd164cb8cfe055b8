"""Decisions are idempotent: a repeated confirm or reject, or an edit that changes nothing, changes nothing and
records nothing, through the services, the reader page and the admin actions alike."""

import pytest
from django.urls import reverse

from monitoring.codebook.models import TaggedArticle
from monitoring.people.models import Quote, Role
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, QuoteFactory, RoleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(analyst):
    return ArticleFactory(status="in_analysis", assignee=analyst)


def decide(client, article, thing, pk, decision, **data):
    return client.post(reverse(f"articles:{thing}_decide", args=[article.pk, pk, decision]), data)


def trace(obj) -> tuple:
    """What a decision leaves behind: events, the object's history rows and its version."""
    obj.refresh_from_db()
    return WorkflowEvent.objects.count(), obj.history.count(), getattr(obj, "version", None), obj.status


@pytest.mark.parametrize("decision", ["confirm", "reject"])
def test_repeating_a_quote_decision_changes_and_records_nothing(analyst, article, decision):
    quote = QuoteFactory(article=article)
    service = getattr(services, f"quote_{decision}")
    service(quote=quote, user=analyst, version=1)
    once = trace(quote)
    for version in (None, 1, 2):  # from the service, from a stale page, from a fresh page
        service(quote=quote, user=analyst, version=version)
    assert trace(quote) == once
    assert once[0] == 1 and once[2] == 2 and once[3] == f"{decision}ed"


@pytest.mark.parametrize("decision", ["confirm", "reject"])
def test_repeating_a_role_decision_changes_and_records_nothing(analyst, article, decision):
    role = RoleFactory(article=article)
    service = getattr(services, f"role_{decision}")
    service(role=role, user=analyst)
    once = trace(role)
    service(role=role, user=analyst)
    service(role=role, user=analyst)
    assert trace(role) == once
    assert once[0] == 1 and once[3] == f"{decision}ed"


def test_repeating_a_tag_decision_changes_and_records_nothing(analyst, article):
    kept = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="energy"), status="suggested")
    dropped = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="sport"), status="suggested")
    for _ in range(3):
        services.tag_confirm(tagged=kept, user=analyst)
        services.tag_reject(tagged=dropped, user=analyst)  # the row is gone after the first
    assert list(TaggedArticle.objects.values_list("tag__name", "status")) == [("energy", "confirmed")]
    assert sorted(WorkflowEvent.objects.values_list("action", "subject")) == [
        ("confirm", "tag energy"),
        ("reject", "tag sport"),
    ]


def test_a_changed_decision_is_recorded(analyst, article):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    services.quote_confirm(quote=quote, user=analyst)
    services.quote_reject(quote=quote, user=analyst)
    services.role_reject(role=role, user=analyst)
    services.role_confirm(role=role, user=analyst)
    actions = list(WorkflowEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["confirm", "reject", "reject", "confirm"]
    assert Quote.objects.get().version == 3


def test_an_edit_that_changes_nothing_records_nothing(analyst, article):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    services.quote_update(quote=quote, user=analyst, version=1, kind="indirect")
    services.role_update(role=role, user=analyst, title="spokesperson", organization=role.organization)
    quote_once, role_once = trace(quote), trace(role)
    # The reader's edit form posts every field back as it is shown; the same speaker by name is no change either.
    services.quote_update(
        quote=quote, user=analyst, version=2, speaker=quote.speaker, kind="indirect", start=quote.start, end=quote.end
    )
    services.quote_update(quote=quote, user=analyst, version=2, speaker_name=quote.speaker.name.upper())
    services.role_update(role=role, user=analyst, title=" spokesperson ", organization=role.organization)
    assert (trace(quote), trace(role)) == (quote_once, role_once)
    assert WorkflowEvent.objects.count() == 2


def test_an_edit_of_a_confirmed_item_that_changes_something_is_a_recorded_decision(analyst, article):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    services.quote_confirm(quote=quote, user=analyst, version=1)
    services.role_confirm(role=role, user=analyst)
    other = PersonFactory(name="Maria Lopez")
    services.quote_update(quote=quote, user=analyst, version=2, speaker=other)
    services.role_update(role=role, user=analyst, title="party leader", organization=OrganizationFactory())
    quote.refresh_from_db()
    assert (quote.speaker, quote.status, quote.version) == (other, "confirmed", 3)
    actions = list(WorkflowEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["confirm", "confirm", "edit", "edit"]


def test_a_stale_form_that_would_change_a_decided_quote_is_still_refused(analyst, article):
    quote = QuoteFactory(article=article)
    services.quote_update(quote=quote, user=analyst, version=1, kind="indirect")
    with pytest.raises(services.EditConflict):
        services.quote_reject(quote=quote, user=analyst, version=1)
    with pytest.raises(services.EditConflict):
        services.quote_update(quote=quote, user=analyst, version=1, kind="partial")
    assert trace(quote)[1:] == (2, 2, "confirmed")
    assert WorkflowEvent.objects.count() == 1


def test_confirming_again_on_the_page_changes_nothing_and_says_so(login, analyst, article):
    quote, role = QuoteFactory(article=article), RoleFactory(article=article)
    tagged = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="energy"), status="suggested")
    client = login(analyst)
    for _ in range(3):  # the same forms posted again, as a double click or an old tab does
        assert decide(client, article, "quote", quote.pk, "confirm", version=1).status_code == 302
        assert decide(client, article, "role", role.pk, "reject").status_code == 302
        assert decide(client, article, "tag", tagged.pk, "reject").status_code == 302
    assert WorkflowEvent.objects.count() == 3
    assert Quote.objects.get().version == 2
    page = client.get(article.get_absolute_url())
    messages = [str(m) for m in page.context["messages"]]
    assert "Quote was already confirmed: nothing changed." in messages
    assert "Role was already rejected: nothing changed." in messages
    assert "That tag was already removed: nothing changed." in messages


def test_the_reader_page_shows_decided_items_state_not_decision_buttons(login, analyst, article):
    pending, confirmed = QuoteFactory(article=article), QuoteFactory(article=article)
    role = RoleFactory(article=article)
    tag = TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="energy"), status="suggested")
    services.quote_confirm(quote=confirmed, user=analyst)
    services.role_reject(role=role, user=analyst)
    services.tag_confirm(tagged=tag, user=analyst)
    content = login(analyst).get(article.get_absolute_url()).content.decode()

    def item(prefix, pk):
        start = content.index(f'id="{prefix}-{pk}"')
        return content[start : content.index("</li>", start)]

    assert 'data-action="confirm"' in item("quote", pending.pk) and 'data-action="reject"' in item("quote", pending.pk)
    for html, state in ((item("quote", confirmed.pk), "confirmed"), (item("role", role.pk), "rejected")):
        assert 'data-action="confirm"' not in html and 'data-action="reject"' not in html
        assert f'data-decided="{state}"' in html
        assert 'data-action="update"' in html  # a decided quote or role can still be corrected
    assert 'data-action="confirm"' not in item("tagged", tag.pk)
    assert ">Confirmed</span>" in item("tagged", tag.pk)


def test_eleven_suggestions_decided_through_every_door_record_eleven_events(login, analyst, article):
    quotes = [QuoteFactory(article=article) for _ in range(5)]
    roles = [RoleFactory(article=article) for _ in range(3)]
    tags = [
        TaggedArticle.objects.create(content_object=article, tag=TagFactory(), status="suggested") for _ in range(3)
    ]
    client = login(analyst)
    for _ in range(3):
        for quote in quotes:
            decide(client, article, "quote", quote.pk, "confirm", version=1)
        for role in roles:
            decide(client, article, "role", role.pk, "confirm")
        for tagged in tags:
            decide(client, article, "tag", tagged.pk, "confirm")
        client.post(
            reverse("admin:people_quote_changelist"),
            {"action": "confirm_quotes", "_selected_action": [q.pk for q in quotes]},
        )
        client.post(
            reverse("admin:people_role_changelist"),
            {"action": "confirm_roles", "_selected_action": [r.pk for r in roles]},
        )
    assert WorkflowEvent.objects.filter(action="confirm").count() == 11
    assert WorkflowEvent.objects.count() == 11
    assert services.article_pending_count(article=article) == 0
    assert set(Quote.objects.values_list("version", flat=True)) == {2}
    assert set(Role.objects.values_list("status", flat=True)) == {"confirmed"}
