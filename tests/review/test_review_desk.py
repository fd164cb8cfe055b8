"""The review desk on the reader page: confirm all remaining, decisions answered in place (htmx) or by a redirect
(plain forms), syndicated copies, readable history labels, quotes grouped by speaker."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.core.text import opening_words
from monitoring.people.models import Quote, Role
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory, TagFactory

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
BODY = (
    "The harbour authority announced a new survey of the coastal waters on Monday.\n\n"
    "Fisheries director Marta Okonkwo said the institutes would share every catch record with the public.\n\n"
    "Joint survey\n\n"
    "Critics said the plan came too late for the smaller fishing villages along the northern shore."
)


def desk_article(analyst, **fields):
    """An article in analysis with `analyst`: three suggested quotes (two by one speaker), two roles, two tags."""
    article = ArticleFactory(status="in_analysis", assignee=analyst, body=BODY, **fields)
    marta, critic = PersonFactory(name="Marta Okonkwo"), PersonFactory(name="Ivo Critic")
    for speaker, sentence in ((marta, "the institutes would share"), (marta, "Fisheries director"), (critic, "plan")):
        start = BODY.index(sentence)
        QuoteFactory(article=article, speaker=speaker, start=start, end=start + len(sentence), text=sentence)
    RoleFactory(article=article, person=marta, title="director of fisheries")
    RoleFactory(article=article, person=critic, title="spokesman")
    for name in ("fisheries", "coast"):
        TaggedArticle.objects.create(content_object=article, tag=TagFactory(name=name), status="suggested")
    return article


def trace(article):
    """Everything a decision could change, to compare before and after."""
    return (
        sorted(Quote.objects.filter(article=article).values_list("pk", "status", "version")),
        sorted(Role.objects.filter(article=article).values_list("pk", "status")),
        sorted(TaggedArticle.objects.filter(content_object=article).values_list("pk", "status")),
        list(WorkflowEvent.objects.filter(article=article).values_list("pk", flat=True)),
        Quote.history.filter(article_id=article.pk).count(),
    )


# The service -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["quotes", "roles", "tags"])
def test_confirm_all_confirms_every_pending_one_with_one_event_listing_them(analyst, kind):
    article = desk_article(analyst)
    if kind == "quotes":  # one decided already: left alone and not listed
        services.quote_reject(quote=Quote.objects.filter(article=article).order_by("start").last(), user=analyst)
    before = WorkflowEvent.objects.count()
    labels = services.suggestions_confirm_all(article=article, user=analyst, kind=kind)

    expected = {"quotes": 2, "roles": 2, "tags": 2}[kind]
    assert len(labels) == expected
    assert WorkflowEvent.objects.count() == before + 1
    event = WorkflowEvent.objects.latest("pk")
    assert (event.action, event.actor, event.subject) == ("confirm", analyst, f"all remaining {kind} ({expected})")
    assert event.comment.splitlines() == labels
    quotes = Quote.objects.filter(article=article)
    if kind == "quotes":
        assert sorted(quotes.values_list("status", flat=True)) == ["confirmed", "confirmed", "rejected"]
        assert all("Marta Okonkwo" in label for label in labels)
    elif kind == "roles":
        assert set(Role.objects.filter(article=article).values_list("status", flat=True)) == {"confirmed"}
        assert labels == ["role of Marta Okonkwo: director of fisheries", "role of Ivo Critic: spokesman"]
    else:
        assert set(TaggedArticle.objects.filter(content_object=article).values_list("status", flat=True)) == {
            "confirmed"
        }
        assert labels == ["tag coast", "tag fisheries"]
    assert services.article_pending_count(article=article) == 7 - expected - (kind == "quotes")


def test_confirm_all_again_changes_and_records_nothing(analyst):
    article = desk_article(analyst)
    services.suggestions_confirm_all(article=article, user=analyst, kind="quotes")
    once = trace(article)
    assert services.suggestions_confirm_all(article=article, user=analyst, kind="quotes") == []
    assert trace(article) == once


@pytest.mark.parametrize("who", ["analyst2", "reviewer"])
def test_confirm_all_is_refused_to_who_does_not_hold_the_item_and_changes_nothing(request, analyst, who):
    article = desk_article(analyst)
    before = trace(article)
    with pytest.raises(PermissionDenied):
        services.suggestions_confirm_all(article=article, user=request.getfixturevalue(who), kind="roles")
    assert trace(article) == before


def test_confirm_all_is_refused_once_submitted(analyst):
    article = desk_article(analyst)
    Article.objects.filter(pk=article.pk).update(status="in_review")
    before = trace(article)
    with pytest.raises(PermissionDenied, match="in review"):
        services.suggestions_confirm_all(article=article, user=analyst, kind="tags")
    assert trace(article) == before


def test_confirm_all_refuses_an_unknown_kind(analyst):
    with pytest.raises(ValidationError):
        services.suggestions_confirm_all(article=desk_article(analyst), user=analyst, kind="photos")


# History labels ----------------------------------------------------------------------------------------------


def test_history_labels_name_the_quote_by_its_opening_words_and_never_cut_a_word(analyst, login):
    article = desk_article(analyst)
    long_quote = QuoteFactory(article=article, speaker=PersonFactory(name="Ana Long"), start=0, end=len(BODY))
    services.quote_confirm(quote=long_quote, user=analyst)
    services.role_reject(role=Role.objects.get(article=article, person__name="Marta Okonkwo"), user=analyst)

    quote_event, role_event = WorkflowEvent.objects.order_by("pk")
    assert quote_event.subject.startswith("quote by Ana Long: “The harbour authority announced")
    assert quote_event.subject.endswith("…”")
    words = set(BODY.split())
    assert all(word in words for word in quote_event.subject.split("“")[1].rstrip("…”").split())
    assert role_event.subject == "role of Marta Okonkwo: director of fisheries"
    page = login(analyst).get(article.get_absolute_url()).content.decode()
    assert "quote #" not in page and "role #" not in page
    assert "role of Marta Okonkwo: director of fisheries" in page


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short words only", 60, "short words only"),
        ("one two three four", 9, "one two…"),
        ("unbreakablewordlongerthanthelimit and more", 10, "unbreakablewordlongerthanthelimit…"),
        ("  spaced\n\nout  ", 60, "spaced out"),
    ],
)
def test_opening_words_never_cut_a_word(text, limit, expected):
    assert opening_words(text, limit) == expected


# The views: htmx fragment or redirect --------------------------------------------------------------------------


def test_a_plain_form_decision_redirects_back_to_the_page(analyst, login):
    article = desk_article(analyst)
    quote = Quote.objects.filter(article=article).first()
    url = reverse("articles:quote_decide", args=[article.pk, quote.pk, "confirm"])
    response = login(analyst).post(url, {"version": quote.version})
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#quote-{quote.pk}"
    assert Quote.objects.get(pk=quote.pk).status == "confirmed"


def test_an_htmx_decision_answers_with_the_section_and_its_out_of_band_companions(analyst, login):
    article = desk_article(analyst)
    quote = Quote.objects.filter(article=article).first()
    url = reverse("articles:quote_decide", args=[article.pk, quote.pk, "reject"])
    response = login(analyst).post(url, {"version": quote.version}, **HX)
    content = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#extraction"
    assert response["HX-Reswap"] == "outerHTML"
    assert "<html" not in content and "<body" not in content
    assert content.lstrip().startswith('<section class="panel" id="extraction">')
    assert '<section id="workflow" class="panel" hx-swap-oob="true">' in content
    assert '<div id="article-body" class="article-body" hx-swap-oob="true">' in content
    assert 'data-pending="6"' in content
    assert "Quote rejected." in content
    assert f'data-quotes="{quote.pk}"' not in content  # a rejected quote is no longer highlighted
    assert Quote.objects.get(pk=quote.pk).status == "rejected"


def test_an_htmx_transition_answers_with_the_whole_reader(analyst, login):
    article = ArticleFactory()
    response = login(analyst).post(reverse("articles:transition", args=[article.pk]), {"action": "claim"}, **HX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#reader"
    assert response.content.decode().lstrip().startswith(f'<div id="reader" data-article-id="{article.pk}">')
    assert Article.objects.get(pk=article.pk).status == "in_analysis"


def test_an_htmx_refusal_says_why_in_the_status_line_and_changes_nothing(analyst, analyst2, login):
    article = desk_article(analyst)
    before = trace(article)
    url = reverse("articles:confirm_all", args=[article.pk, "quotes"])
    response = login(analyst2).post(url, **HX)
    assert response.status_code == 403
    assert response["HX-Retarget"] == "#reader-status"
    content = response.content.decode()
    assert "Not done: Cannot confirm quotes: the article is with ana" in content
    assert "<html" not in content
    assert trace(article) == before
    plain = login(analyst2).post(url)
    assert plain.status_code == 403 and b'id="refusal-message"' in plain.content


def test_confirm_all_from_the_page_shows_the_items_confirmed_without_confirm_buttons(analyst, login):
    article = desk_article(analyst)
    client = login(analyst)
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('data-action="confirm-all"') == 3
    assert "Confirm all remaining (3)" in page

    response = client.post(reverse("articles:confirm_all", args=[article.pk, "quotes"]), **HX)
    content = response.content.decode()
    assert "Confirmed 3 quotes." in content
    assert content.count('data-decided="confirmed"') == 3
    assert 'data-kind="quotes"' in content and 'data-action="confirm-all" data-kind="quotes"' not in content
    quotes_part = content.split('id="roles"')[0]
    assert 'data-action="confirm"' not in quotes_part
    assert 'data-action="confirm-all" data-kind="roles"' in content

    again = client.post(reverse("articles:confirm_all", args=[article.pk, "quotes"]))
    assert again.status_code == 302
    assert WorkflowEvent.objects.filter(article=article, subject__startswith="all remaining quotes").count() == 1


def test_confirm_all_of_an_unknown_kind_is_not_found(analyst, login):
    article = desk_article(analyst)
    response = login(analyst).post(reverse("articles:confirm_all", args=[article.pk, "photos"]))
    assert response.status_code == 404


# What the page shows --------------------------------------------------------------------------------------------


def test_quotes_are_grouped_by_speaker_with_title_kind_and_text(analyst, login):
    article = desk_article(analyst)
    page = login(analyst).get(article.get_absolute_url()).content.decode()
    quotes = page.split('id="quotes"')[1].split('id="roles"')[0]
    assert quotes.count('<li class="speaker-group">') == 2
    assert (
        '<span class="speaker-name">Marta Okonkwo</span><span class="speaker-title">, director of fisheries' in quotes
    )
    marta, critic = quotes.split('<li class="speaker-group">')[1:]
    assert marta.count('class="quote suggestion') == 2 and critic.count('class="quote suggestion') == 1
    assert '<span class="kind">(Direct)</span>' in marta
    assert '<q class="quote-text">the institutes would share</q>' in marta


def test_subheadings_are_shown_as_headings(analyst, login):
    article = desk_article(analyst, subheadings=["Joint survey"])
    page = login(analyst).get(article.get_absolute_url()).content.decode()
    offset = BODY.index("Joint survey")
    assert f'<p class="para subheading" data-offset="{offset}" role="heading" aria-level="2">' in page
    assert page.count("para subheading") == 1


def test_a_syndicated_copy_has_a_banner_lists_no_statements_and_cannot_be_claimed(analyst, editor, login):
    original = ArticleFactory(headline="Coastal institutes agree")
    copy = ArticleFactory(syndicated_from=original, body=BODY)
    QuoteFactory(article=copy)
    RoleFactory(article=copy)
    client = login(analyst)
    page = client.get(copy.get_absolute_url()).content.decode()
    assert f'<a id="syndicated-original" href="{original.get_absolute_url()}">“Coastal institutes agree”</a>' in page
    assert 'class="quote suggestion' not in page and 'class="role suggestion' not in page
    assert 'value="claim"' not in page

    before = list(WorkflowEvent.objects.values_list("pk", flat=True))
    response = client.post(reverse("articles:transition", args=[copy.pk]), {"action": "claim"})
    assert response.status_code == 403
    assert "syndicated copy" in response.content.decode()
    with pytest.raises(PermissionDenied, match="syndicated copy"):
        services.article_assign(article=copy, user=editor, assignee=analyst)
    copy.refresh_from_db()
    assert (copy.status, copy.assignee) == ("new", None)
    assert list(WorkflowEvent.objects.values_list("pk", flat=True)) == before
    # The original is claimed as usual.
    services.article_claim(article=original, user=analyst)


def test_keys_are_listed_on_the_page(analyst, login):
    page = login(analyst).get(desk_article(analyst).get_absolute_url()).content.decode()
    assert '<dialog id="keys-help"' in page
    for key in ("j", "k", "c", "x", "e", "a", "?"):
        assert f"<kbd>{key}</kbd>" in page


def test_the_htmx_fragment_runs_a_fixed_number_of_queries(analyst, reviewer, login, django_assert_max_num_queries):
    from tests.review.test_pages import coverage_grow, page_queries  # the same growth as the reader page's pin

    article = ArticleFactory(status="in_analysis", assignee=analyst, body="A quiet sentence about bread. " * 10)
    client = login(analyst)
    coverage_grow(article, analyst, reviewer, 5)
    url = reverse("articles:confirm_all", args=[article.pk, "quotes"])
    small = page_queries(client, article.get_absolute_url())
    client.post(url, **HX)  # confirms 5, so the next call has nothing to confirm: only the fragment's queries
    with django_assert_max_num_queries(small + 8):
        client.post(url, **HX)
    coverage_grow(article, analyst, reviewer, 45)
    client.post(url, **HX)
    with django_assert_max_num_queries(small + 8):
        response = client.post(url, **HX)
    assert response.status_code == 200


def test_an_htmx_annotation_answers_with_the_annotations_and_a_fresh_form(analyst, login, frame):
    article = desk_article(analyst)
    response = login(analyst).post(
        reverse("articles:annotation_create", args=[article.pk]),
        {"tag": frame.pk, "start": 0, "end": 20, "text": BODY[:20]},
        **HX,
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#annotations"
    assert content.lstrip().startswith('<section class="panel" id="annotations">')
    assert '<section class="panel" id="annotate" hx-swap-oob="true">' in content
    assert "Annotation saved." in content
    assert "data-annotations=" in content  # the body comes back highlighted


def test_a_long_annotation_is_accepted_by_the_server(analyst, frame):
    """The page asks before annotating more than a few paragraphs; the server takes whatever passage is valid."""
    body = "\n\n".join(f"Paragraph {i} of a long stretch of text." for i in range(8))
    article = ArticleFactory(status="in_analysis", assignee=analyst, body=body)
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=len(body))
    assert annotation.text == body
    event = WorkflowEvent.objects.get(action="annotate")
    assert event.subject == f"{frame.name}: “{opening_words(body)}”"
    assert event.subject.endswith("…”") and "Paragraph 0 of a long stretch" in event.subject
