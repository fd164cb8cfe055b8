import pytest
from django.urls import reverse

from monitoring.review import services
from monitoring.review.models import Annotation, AnnotationComment
from tests.factories import ArticleFactory, CountryFactory, PersonFactory

pytestmark = pytest.mark.django_db

BODY = "The minister promised cheaper bread.\n\nCritics called the plan a fantasy.\n\nThe vote is on Friday."


@pytest.fixture
def article(analyst):
    return ArticleFactory(status="in_analysis", assignee=analyst, body=BODY)


def annotate_post(client, article, **data):
    return client.post(reverse("articles:annotation_create", args=[article.pk]), data)


def test_selecting_a_passage_creates_an_annotation(login, analyst, article, frame):
    start = BODY.index("called the plan")
    country, person = CountryFactory(), PersonFactory()
    response = annotate_post(
        login(analyst),
        article,
        tag=frame.pk,
        start=start,
        end=start + 15,
        text="called the plan",
        note="Dismissive.",
        stance="critical",
        target_person=person.pk,
    )
    assert response.status_code == 302
    annotation = Annotation.objects.get()
    assert (annotation.start, annotation.end, annotation.text) == (start, start + 15, "called the plan")
    assert (annotation.author, annotation.stance, annotation.target) == (analyst, "critical", person)
    assert annotation.history.get().history_user == analyst
    # Two targets at once are refused.
    response = annotate_post(
        login(analyst),
        article,
        tag=frame.pk,
        start=0,
        end=3,
        text="The",
        target_person=person.pk,
        target_country=country.pk,
    )
    assert response.status_code == 400
    assert Annotation.objects.count() == 1


def test_a_selection_across_paragraphs_ignores_whitespace(analyst, article, frame):
    end = BODY.index("Critics") + len("Critics")
    # What Range.toString() gives for a selection across two <p>: no blank line between them.
    annotation = services.annotation_create(
        article=article, user=analyst, tag=frame, start=0, end=end, text="The minister promised cheaper bread.Critics"
    )
    assert annotation.text == BODY[:end]


def test_offsets_not_matching_the_text_are_refused(login, analyst, article, frame):
    response = annotate_post(login(analyst), article, tag=frame.pk, start=0, end=12, text="Critics call")
    assert response.status_code == 400
    assert "does not match" in response.context["message"]
    response = annotate_post(login(analyst), article, tag=frame.pk, start=0, end=len(BODY) + 5, text="x")
    assert response.status_code == 400
    assert not Annotation.objects.exists()


@pytest.mark.parametrize("who", ["analyst2", "reviewer", "editor", "outsider"])
def test_only_the_analyst_the_article_is_with_annotates(request, login, article, frame, who):
    response = annotate_post(login(request.getfixturevalue(who)), article, tag=frame.pk, start=0, end=3, text="The")
    assert response.status_code == 403
    assert not Annotation.objects.exists()


def test_edit_and_delete_your_own(login, analyst, article, frame, editor, analyst2):
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=3)
    client = login(analyst)
    url = reverse("articles:annotation_update", args=[article.pk, annotation.pk])
    response = client.post(url, {"version": 1, "tag": frame.pk, "note": "Framing as promise", "stance": "neutral"})
    assert response.status_code == 302
    annotation.refresh_from_db()
    assert (annotation.note, annotation.stance, annotation.version) == ("Framing as promise", "neutral", 2)

    # Someone else's annotation: even after the article moves to them, they may not change it.
    services.article_assign(article=article, user=editor, assignee=analyst2)
    response = login(analyst2).post(url, {"version": 2, "tag": frame.pk, "note": "mine now"})
    assert response.status_code == 403
    assert "only its author" in response.context["message"]
    response = login(analyst2).post(reverse("articles:annotation_delete", args=[article.pk, annotation.pk]))
    assert response.status_code == 403
    assert Annotation.objects.get().note == "Framing as promise"

    services.article_assign(article=article, user=editor, assignee=analyst)
    response = login(analyst).post(
        reverse("articles:annotation_delete", args=[article.pk, annotation.pk]), {"version": 2}
    )
    assert response.status_code == 302
    assert not Annotation.objects.exists()
    assert Annotation.history.filter(id=annotation.pk, history_type="-").get().history_user == analyst


def test_a_stale_annotation_form_does_not_overwrite_newer_work(login, analyst, article, frame):
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=3)
    services.annotation_update(annotation=annotation, user=analyst, version=1, note="newer")
    url = reverse("articles:annotation_update", args=[article.pk, annotation.pk])
    response = login(analyst).post(url, {"version": 1, "tag": frame.pk, "note": "stale"})
    assert response.status_code == 409
    assert "Someone changed this annotation" in response.context["message"]
    assert Annotation.objects.get().note == "newer"


def test_reviewers_comment_on_any_annotation(login, analyst, reviewer, article, frame):
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=3)
    url = reverse("articles:annotation_comment", args=[article.pk, annotation.pk])
    assert login(reviewer).post(url, {"text": "Is this really a frame?"}).status_code == 302
    assert login(analyst).post(url, {"text": "Self-comment"}).status_code == 403
    assert list(AnnotationComment.objects.values_list("author__username", "text")) == [
        ("rita", "Is this really a frame?")
    ]


def test_reanchor_keeps_annotations_of_an_unchanged_body(analyst, article, frame):
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=4, end=12)
    result = services.annotations_reanchor(article=article, old_body=BODY)
    assert result == services.ReanchorResult(kept=1)
    annotation.refresh_from_db()
    assert (annotation.start, annotation.version) == (4, 1)


def test_reanchor_moves_annotations_to_their_text_after_a_change(analyst, article, frame):
    start = BODY.index("called the plan")
    moved = services.annotation_create(article=article, user=analyst, tag=frame, start=start, end=start + 15)
    head = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=12)
    article.body = "Editor's note: updated.\n\n" + BODY
    article.save()

    result = services.annotations_reanchor(article=article, old_body=BODY)

    assert result == services.ReanchorResult(moved=2)
    for annotation in (moved, head):
        annotation.refresh_from_db()
        assert article.body[annotation.start : annotation.end] == annotation.text
        assert not annotation.orphaned
    assert moved.history.first().history_change_reason == "Re-anchored after re-import"


def test_reanchor_picks_the_occurrence_nearest_the_old_place(analyst, frame, in_analysis):
    body = "Bread prices rose.\n\nBread prices rose again in May."
    article = in_analysis
    article.body = body
    article.save()
    second = body.rindex("Bread prices rose")
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=second, end=second + 17)
    new_body = "Update.\n\n" + body
    article.body = new_body
    article.save()
    services.annotations_reanchor(article=article, old_body=body)
    annotation.refresh_from_db()
    assert annotation.start == new_body.rindex("Bread prices rose")


def test_reanchor_orphans_what_it_cannot_find_and_never_deletes(login, analyst, article, frame):
    start = BODY.index("a fantasy")
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=start, end=start + 9)
    article.body = BODY.replace("a fantasy", "unrealistic")
    article.save()

    result = services.annotations_reanchor(article=article, old_body=BODY)

    assert result == services.ReanchorResult(orphaned=1)
    annotation.refresh_from_db()
    assert annotation.orphaned and annotation.text == "a fantasy"
    page = login(analyst).get(article.get_absolute_url())
    assert b'id="orphaned-annotations"' in page.content

    # A person fixes it by choosing the passage again.
    new_start = article.body.index("unrealistic")
    url = reverse("articles:annotation_update", args=[article.pk, annotation.pk])
    response = login(analyst).post(
        url,
        {
            "version": annotation.version,
            "tag": frame.pk,
            "start": new_start,
            "end": new_start + 11,
            "text": "unrealistic",
        },
    )
    assert response.status_code == 302
    annotation.refresh_from_db()
    assert (annotation.orphaned, annotation.text, annotation.start) == (False, "unrealistic", new_start)


def test_an_orphan_comes_back_when_its_text_returns(analyst, article, frame):
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=0, end=12)
    article.body = "Entirely new text."
    article.save()
    services.annotations_reanchor(article=article, old_body=BODY)
    article.body = BODY
    article.save()
    result = services.annotations_reanchor(article=article, old_body="Entirely new text.")
    annotation.refresh_from_db()
    assert result == services.ReanchorResult(moved=1)
    assert (annotation.orphaned, annotation.start) == (False, 0)
