"""The admin shows lists as lists (bylines, subheadings, aliases: never raw `[]` or JSON), a readable article
changelist, and a quotes inline that fits the page."""

import html
import re

import pytest
from django.urls import reverse

from monitoring.articles.models import Article
from monitoring.people.models import Organization
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, OrganizationFactory, QuoteFactory
from tests.review.admin_forms import article_form

pytestmark = pytest.mark.django_db

LONG_HEADLINE = (
    "Fisheries ministers of the northern coastal states agree after three days of talks to pool their survey data "
    "and share the cost of two research vessels"
)


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def no_json_list(page: str) -> None:
    """No list on the page reads as JSON (in its text and form fields, the tags' attributes aside)."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", page.split("<body", 1)[1]))
    assert not re.search(r"\[\s*\]|\[\s*\"", text), "a list is shown as raw JSON"


def field_box(page: str, name: str) -> str:
    """The admin's form row of one field (editable or read-only)."""
    return page.split(f"field-{name}", 1)[1].split('<div class="form-row', 1)[0]


def test_article_changelist_is_readable(login, editor, analyst):
    article = ArticleFactory(
        headline=LONG_HEADLINE, bylines=["Ana Ruiz", "Tom Bell"], status="in_analysis", assignee=analyst
    )
    ArticleFactory(bylines=[])
    page = login(editor).get(reverse("admin:articles_article_changelist")).content.decode()
    no_json_list(page)
    headers = re.findall(r'<th scope="col" class="[^"]*column-(\w+)', page)
    assert headers == ["headline_short", "status", "outlet", "published", "assignee", "byline_list", "quote_count"]
    row = page.split(f'value="{article.pk}"', 1)[1].split("</tr>", 1)[0]
    # The headline is shortened at a word, whole in the title; the bylines read as a list.
    title = html.escape(LONG_HEADLINE, quote=True)
    assert f'title="{title}"' in row and "…" in row and LONG_HEADLINE not in html.unescape(row).replace(title, "")
    assert "Ana Ruiz, Tom Bell" in row
    assert "In analysis" in row and article.outlet.name in row and "ana" in row
    assert article.published_on.isoformat() in row


def test_an_editable_article_edits_its_bylines_one_per_line(login, editor):
    article = ArticleFactory(bylines=["Ana Ruiz", "Tom Bell"], subheadings=["The survey", "What comes next"])
    client = login(editor)
    page = client.get(change_url(article)).content.decode()
    no_json_list(page)
    bylines = field_box(page, "bylines")
    assert re.search(r'<textarea name="bylines"[^>]*>\s*Ana Ruiz\nTom Bell</textarea>', bylines)
    # Subheadings are read-only once saved (the text's offsets hang on them): shown one a line.
    assert "The survey<br>What comes next" in field_box(page, "subheadings_lines")
    assert 'name="subheadings"' not in page

    response = client.post(change_url(article), article_form(article, bylines=" Ana Ruiz \n\nLiam Ferreira\n"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.bylines == ["Ana Ruiz", "Liam Ferreira"]
    assert article.subheadings == ["The survey", "What comes next"]
    assert WorkflowEvent.objects.filter(article=article, action="change", subject__contains="bylines").exists()


def test_posting_the_lists_unchanged_changes_nothing(login, editor):
    article = ArticleFactory(bylines=["Ana Ruiz"])
    client = login(editor)
    client.post(change_url(article), article_form(article, bylines="Ana Ruiz"))
    # The JSON text the admin's widget used to show reads as that list.
    client.post(change_url(article), article_form(article, bylines='["Ana Ruiz"]'))
    assert Article.objects.get(pk=article.pk).bylines == ["Ana Ruiz"]
    assert not WorkflowEvent.objects.filter(article=article).exists()


def test_a_view_only_article_shows_its_lists_as_lines(login, reviewer):
    article = ArticleFactory(bylines=["Ana Ruiz", "Tom Bell"], subheadings=[])
    page = login(reviewer).get(change_url(article)).content.decode()
    assert page.count("<textarea") == 0 and "Ana Ruiz<br>Tom Bell" in field_box(page, "bylines_lines")
    assert "—" in field_box(page, "subheadings_lines")
    no_json_list(page)


def test_a_new_article_takes_its_lists_one_per_line(login, editor):
    page = login(editor).get(reverse("admin:articles_article_add")).content.decode()
    assert re.search(r'<textarea name="bylines"[^>]*>\s*</textarea>', page)
    assert re.search(r'<textarea name="subheadings"[^>]*>\s*</textarea>', page)


def test_organization_aliases_are_a_list(login, editor, reviewer):
    organization = OrganizationFactory(name="Northern Fishers' League", aliases=["NFL", "Fishers' League"])
    changelist = login(editor).get(reverse("admin:people_organization_changelist")).content.decode()
    assert "NFL, Fishers&#x27; League" in changelist
    page = login(editor).get(change_url(organization)).content.decode()
    assert re.search(r'<textarea name="aliases"[^>]*>\s*NFL\nFishers&#x27; League</textarea>', page)
    response = login(editor).post(
        change_url(organization), {"name": organization.name, "kind": organization.kind, "aliases": "NFL\nN.F.L."}
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=organization.pk).aliases == ["NFL", "N.F.L."]
    no_json_list(login(reviewer).get(change_url(organization)).content.decode())


def test_the_quotes_inline_fits_the_page(login, editor):
    article = ArticleFactory()
    long_text = " ".join(["the fleet would need two ships within five years"] * 8)
    QuoteFactory(article=article, text=long_text, start=0, end=len(long_text))
    page = login(editor).get(change_url(article)).content.decode()
    inline = page.split('id="quotes-group"', 1)[1].split('id="roles-group"', 1)[0]
    assert "quote-inline" in inline
    text_cell = re.search(r'<td class="field-text_short">(.*?)</td>', inline, re.S).group(1)
    assert f'title="{long_text}"' in text_cell and len(re.sub(r"<[^>]+>", "", text_cell).strip()) <= 160
    for name in ("cue", "channel"):
        assert re.search(rf'<input type="text" name="quotes-0-{name}"[^>]*class="narrow"[^>]*size="12"', inline) or (
            re.search(rf'<input type="text" name="quotes-0-{name}"[^>]*size="12"[^>]*class="narrow"', inline)
        )
