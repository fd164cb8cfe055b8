import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.review import services
from monitoring.review.models import Annotation
from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory, RoleFactory, TagFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b onmouseover="steal()">bold</b>'


def test_reader_page_needs_login(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_reader_page_highlights_quotes_and_annotations_in_paragraphs(login, analyst, frame):
    body = "First paragraph here.\n\nSecond one, with a quote."
    article = ArticleFactory(status="in_analysis", assignee=analyst, body=body)
    quote = QuoteFactory(
        article=article, start=body.index("with"), end=len(body) - 1, text=body[body.index("with") : -1]
    )
    annotation = services.annotation_create(article=article, user=analyst, tag=frame, start=6, end=15)
    PhotoFactory(article=article)
    content = login(analyst).get(article.get_absolute_url()).content.decode()
    assert '<p class="para" data-offset="0">' in content
    assert f'<p class="para" data-offset="{body.index("Second")}">' in content
    assert f'data-quotes="{quote.pk}">with a quote</span>' in content
    assert f'data-annotations="{annotation.pk}">paragraph</span>' in content
    assert 'class="caption">Delegates arrive at the conference hall.</span>' in content
    assert 'class="credit">LIAM FERREIRA/COASTWIRE</span>' in content
    assert 'id="annotation-form"' in content


def test_untrusted_text_is_escaped_on_the_reader_page_and_in_admin(login, analyst, reviewer, editor, frame):
    body = f"Intro {SCRIPT} outro.\n\nSecond {SCRIPT}"
    article = ArticleFactory(
        headline=f"Headline {SCRIPT}", body=body, status="in_analysis", assignee=analyst, rights=SCRIPT
    )
    PhotoFactory(article=article, caption=f"Caption {SCRIPT}", credit=SCRIPT)
    QuoteFactory(article=article, start=0, end=len(f"Intro {SCRIPT}"), text=f"Intro {SCRIPT}")
    annotation = services.annotation_create(
        article=article, user=analyst, tag=frame, start=6, end=6 + len(SCRIPT), note=f"Note {SCRIPT}"
    )
    services.annotation_comment_add(annotation=annotation, user=reviewer, text=f"Comment {SCRIPT}")
    services.article_assign(article=article, user=editor, assignee=analyst, comment=f"Assign {SCRIPT}")

    pages = [
        login(analyst).get(article.get_absolute_url()),
        login(editor).get(reverse("admin:articles_article_change", args=[article.pk])),
        login(editor).get(reverse("admin:articles_article_timeline", args=[article.pk])),
        login(editor).get(reverse("admin:review_annotation_change", args=[annotation.pk])),
    ]
    for response in pages:
        content = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert" not in content
        assert "<b onmouseover" not in content
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_forms_need_a_csrf_token(analyst):
    article = ArticleFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = client.post(reverse("articles:transition", args=[article.pk]), {"action": "claim"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == "new"
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count("<form") == page.count('name="csrfmiddlewaretoken"')


def coverage_grow(article, analyst, reviewer, n):
    """n quotes, roles, suggested tags and annotations (each with a comment) on one article."""
    body = article.body
    for i in range(n):
        QuoteFactory(article=article, start=i % 20, end=i % 20 + 5, text=body[i % 20 : i % 20 + 5])
        RoleFactory(article=article)
        TaggedArticle.objects.create(content_object=article, tag=TagFactory(category="claim"), status="suggested")
        annotation = Annotation.objects.create(
            article=article,
            tag=TagFactory(category="frame"),
            author=analyst,
            start=i % 30,
            end=i % 30 + 7,
            text=body[i % 30 : i % 30 + 7],
            note=f"note {i}",
            orphaned=i % 10 == 0,
        )
        services.annotation_comment_add(annotation=annotation, user=reviewer, text=f"comment {i}")
    PhotoFactory(article=article)


def page_queries(client, url) -> int:
    client.get(url)  # warm per-process caches so only the page's own queries count
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_reader_page_query_count_is_fixed(login, analyst, reviewer, editor, django_assert_max_num_queries):
    article = ArticleFactory(status="in_analysis", assignee=analyst, body="A quiet sentence about bread. " * 10)
    url = article.get_absolute_url()
    users = {"analyst": analyst, "reviewer": reviewer, "editor": editor}  # each role's page shows other controls
    coverage_grow(article, analyst, reviewer, 5)
    small = {who: page_queries(login(user), url) for who, user in users.items()}
    coverage_grow(article, analyst, reviewer, 45)
    for who, user in users.items():
        client = login(user)
        client.get(url)  # warm, as page_queries does
        with django_assert_max_num_queries(small[who], info=who):
            response = client.get(url)
        assert response.content.count(b'<li class="annotation') == 50, who


def test_admin_timeline_query_count_is_fixed(login, analyst, reviewer, editor, django_assert_max_num_queries):
    article = ArticleFactory(status="in_analysis", assignee=analyst, body="A quiet sentence about bread. " * 10)
    client = login(editor)
    url = reverse("admin:articles_article_timeline", args=[article.pk])
    coverage_grow(article, analyst, reviewer, 5)
    small = page_queries(client, url)
    coverage_grow(article, analyst, reviewer, 45)
    with django_assert_max_num_queries(small):
        client.get(url)
