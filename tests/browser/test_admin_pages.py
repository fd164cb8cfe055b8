"""The admin's article pages fit a 1280 px screen: the changelist's columns and the article page's quotes inline.

Run with `.venv/bin/pytest -m browser tests/browser/test_admin_pages.py`.
"""

import pytest

from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory, UserFactory

from .conftest import ROOT

pytestmark = pytest.mark.browser
WIDTH = 1280
SHOTS = ROOT / "test-output" / "admin"


@pytest.fixture
def editor(transactional_db):
    from django.apps import apps

    from monitoring.core.roles import EDITOR, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    return UserFactory(username="eda", role=EDITOR)


def page_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when it needs no horizontal scrolling)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_article_admin_fits_1280_px(page, log_in, editor):
    sentence = "the coastal institutes said the survey of every stretch would show where fish stocks recover"
    body = "\n\n".join(f"Paragraph {n}: {sentence}." for n in range(6))
    article = ArticleFactory(
        body=body,
        headline="Fisheries ministers of the northern coastal states agree after three days of talks to pool "
        "their survey data and share the cost of two research vessels",
        bylines=["Ana Ruiz", "Tom Bell", "Liam Ferreira"],
        subheadings=["The survey"],
    )
    start = body.index(sentence)
    for n in range(3):
        QuoteFactory(
            article=article,
            speaker=PersonFactory(name=f"Dr Marta Okonkwo-Ferreira {n}"),
            start=start,
            end=start + len(sentence),
            text=sentence,
            cue="said",
            channel="press conference in the harbour",
        )
        RoleFactory(article=article, title="director of the coastal fisheries survey institute")
    page.set_viewport_size({"width": WIDTH, "height": 900})
    log_in(editor)
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto("/admin/articles/article/")
    page.screenshot(path=str(SHOTS / "changelist.png"), full_page=True)
    assert page_overflow(page) <= 0
    # Every column is in view: the results table needs no scrolling of its own beside the two sidebars.
    results = page.locator("#changelist .results")
    assert results.evaluate("r => r.scrollWidth - r.clientWidth") <= 0
    for column in ("headline_short", "status", "outlet", "published", "assignee", "byline_list", "quote_count"):
        assert page.locator(f"#result_list th.column-{column}").is_visible()
    headline = page.locator("#result_list td.field-headline_short, #result_list th.field-headline_short").first
    assert headline.inner_text().endswith("…") and "research vessels" in headline.locator("[title]").get_attribute(
        "title"
    )

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.screenshot(path=str(SHOTS / "change.png"), full_page=True)
    assert page_overflow(page) <= 0
    inline = page.locator("#quotes-group")
    table = inline.locator("table")
    # The quotes table stays inside its box: no column pushed past the page's content.
    assert table.evaluate("t => t.getBoundingClientRect().right") <= inline.evaluate(
        "g => g.getBoundingClientRect().right"
    )
    assert page.locator("textarea[name=bylines]").input_value() == "Ana Ruiz\nTom Bell\nLiam Ferreira"
    assert page.locator(".field-subheadings_lines .readonly").inner_text() == "The survey"
