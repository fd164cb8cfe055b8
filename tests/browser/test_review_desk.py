"""The review desk, measured: an analyst reviews a generated article with 20 suggestions (8 quotes, 6 roles, 6 tags)
using only the keyboard and "Confirm all remaining" (claim, decide, submit), in at most 25 actions and without a full
page load after the first one. Run with `.venv/bin/pytest -m browser tests/browser/test_review_desk.py`."""

import pytest
from playwright.sync_api import expect

from monitoring.articles.models import Article
from monitoring.codebook.models import TaggedArticle
from monitoring.people.models import Quote, Role
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RoleFactory, TagFactory, UserFactory

pytestmark = pytest.mark.browser

MAX_ACTIONS = 25
SPEAKERS = ["Marta Okonkwo", "Tom Bell", "Ana Ruiz", "Liam Ferreira"]


@pytest.fixture
def analyst(transactional_db):
    from django.apps import apps

    from monitoring.core.roles import ANALYST, roles_sync

    roles_sync(apps)  # transactional tests flush the role groups the migrations made
    return UserFactory(username="ana", role=ANALYST)


def article_with_20_suggestions() -> Article:
    """A new article: 8 quotes by 4 speakers, 6 roles, 6 tags, every one a suggestion."""
    sentences = [
        f"{SPEAKERS[i % 4]} said the survey of stretch {i + 1} would show where the fish stocks are recovering."
        for i in range(8)
    ]
    body = "\n\n".join(["The coastal institutes agreed on Monday to pool their fisheries data.", *sentences])
    article = ArticleFactory(body=body, headline="Coastal institutes agree to pool fisheries data")
    persons = [PersonFactory(name=name) for name in SPEAKERS]
    for i, sentence in enumerate(sentences):
        text = sentence.split(" said ", 1)[1]
        start = body.index(text)
        QuoteFactory(article=article, speaker=persons[i % 4], start=start, end=start + len(text), text=text)
    for i in range(6):
        RoleFactory(article=article, person=persons[i % 4], title=f"director of survey team {i + 1}")
    for i in range(6):
        tag = TagFactory(name=f"fisheries theme {i + 1}", slug=f"fisheries-theme-{i + 1}")
        TaggedArticle.objects.create(content_object=article, tag=tag, status="suggested")
    return article


def test_an_analyst_reviews_20_suggestions_by_keyboard_in_at_most_25_actions(page, log_in, analyst):
    article = article_with_20_suggestions()
    log_in(analyst)
    page.goto(article.get_absolute_url())
    page.wait_for_load_state("load")
    assert page.locator("#extraction li.suggestion[data-status=suggested]").count() == 20

    # From here on, any full page load or navigation of the page would be a failure.
    navigations, loads = [], []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    page.on("load", lambda _: loads.append(page.url))

    actions = []

    def key(name: str):
        """One action: a key press; one that posts a decision is done once the focus has moved on."""
        actions.append(name)
        page.keyboard.press(name)
        page.wait_for_selector("body:not([data-review-desk=busy])", state="attached")

    pending = page.locator("#extraction li.suggestion[data-status=suggested]")
    focused = page.locator("#extraction li.suggestion:focus")

    # Claim: the page offers it first (focused), Enter takes it.
    expect(page.locator("#transition-form button[value=claim]")).to_be_focused()
    key("Enter")
    expect(page.locator("#article")).to_have_attribute("data-status", "in_analysis")
    expect(pending.first).to_be_focused()  # the first pending suggestion is selected

    # ? shows the keys, Escape closes them.
    key("?")
    expect(page.locator("#keys-help")).to_be_visible()
    key("Escape")
    expect(page.locator("#keys-help")).to_be_hidden()

    # j / k move between suggestions.
    first_id = focused.get_attribute("id")
    key("j")
    expect(focused).not_to_have_id(first_id)
    key("k")
    expect(focused).to_have_id(first_id)

    # Quotes: reject the first, confirm the next (focus moves on by itself), confirm all remaining.
    key("x")
    expect(page.locator(f"#{first_id}")).to_have_attribute("data-status", "rejected")
    expect(focused).to_have_attribute("data-status", "suggested")
    second_id = focused.get_attribute("id")
    key("c")
    expect(page.locator(f"#{second_id}")).to_have_attribute("data-status", "confirmed")
    expect(focused).to_have_attribute("data-kind", "quotes")
    key("Shift+C")
    expect(page.locator("#extraction li.quote[data-status=suggested]")).to_have_count(0)
    expect(focused).to_have_attribute("data-kind", "roles")

    # Roles and tags: reject one, confirm all remaining.
    for kind, selector in (("roles", "li.role"), ("tags", "li.tagged")):
        expect(focused).to_have_attribute("data-kind", kind)
        key("x")
        expect(page.locator(f"#extraction {selector}[data-status=suggested]")).to_have_count(5)
        expect(focused).to_have_attribute("data-kind", kind)  # the next one of the section is selected
        key("Shift+C")
        expect(page.locator(f"#extraction {selector}[data-status=suggested]")).to_have_count(0)

    # Nothing pending: the Submit button has the focus, Enter submits.
    expect(page.locator("#pending-count")).to_have_attribute("data-pending", "0")
    expect(page.locator("#transition-form button[value=submit]")).to_be_focused()
    key("Enter")
    expect(page.locator("#article")).to_have_attribute("data-status", "in_review")

    print(f"\nreview desk: 20 suggestions reviewed in {len(actions)} actions: {' '.join(actions)}")
    assert len(actions) <= MAX_ACTIONS
    assert navigations == [] and loads == []

    article.refresh_from_db()
    assert (article.status, article.assignee) == ("in_review", analyst)
    quotes = sorted(Quote.objects.filter(article=article).values_list("status", flat=True))
    assert quotes == ["confirmed"] * 7 + ["rejected"]
    assert sorted(Role.objects.filter(article=article).values_list("status", flat=True)) == ["confirmed"] * 5 + [
        "rejected"
    ]
    assert (
        list(TaggedArticle.objects.filter(content_object=article).values_list("status", flat=True)) == ["confirmed"] * 5
    )
    confirm_all = WorkflowEvent.objects.filter(article=article, subject__startswith="all remaining")
    assert sorted(confirm_all.values_list("subject", flat=True)) == [
        "all remaining quotes (6)",
        "all remaining roles (5)",
        "all remaining tags (5)",
    ]


def test_selecting_text_while_editing_a_quote_sets_its_span(page, log_in, analyst):
    article = article_with_20_suggestions()
    Article.objects.filter(pk=article.pk).update(status="in_analysis", assignee=analyst)
    quote = Quote.objects.filter(article=article).order_by("start").first()
    log_in(analyst)
    page.goto(article.get_absolute_url())
    page.locator(f"#quote-{quote.pk}").focus()
    page.keyboard.press("e")
    form = page.locator(f"#quote-{quote.pk} form.quote-edit")
    expect(form).to_be_visible()
    # Select the whole first sentence of the quote's paragraph (speaker and all), as a person drags over it.
    paragraph = page.locator("#article-body p.para").nth(1)
    paragraph.click(click_count=3)
    expect(form.locator(".span-text")).to_have_text(article.body.split("\n\n")[1])
    form.locator("button[data-action=update]").click()
    expect(page.locator(f"#quote-{quote.pk}")).to_have_attribute("data-status", "confirmed")
    quote.refresh_from_db()
    assert quote.text == article.body.split("\n\n")[1]
    assert article.body[quote.start : quote.end] == quote.text


def test_a_annotates_the_selection_and_a_long_passage_asks_first(page, log_in, analyst):
    article = article_with_20_suggestions()
    Article.objects.filter(pk=article.pk).update(status="in_analysis", assignee=analyst)
    TagFactory(name="Shared data", slug="shared-data", category="frame")
    log_in(analyst)
    page.goto(article.get_absolute_url())
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    # Drag over five paragraphs, then press a: the code list of the annotation form takes the focus.
    paragraphs = page.locator("#article-body p.para")
    paragraphs.nth(0).click(position={"x": 2, "y": 2})
    paragraphs.nth(4).click(modifiers=["Shift"])
    expect(page.locator("#annotation-submit")).to_be_enabled()
    page.keyboard.press("a")
    expect(page.locator("#annotation-code")).to_be_focused()
    page.select_option("#annotation-code", label="Shared data")
    page.click("#annotation-submit")
    expect(page.locator("#annotations li.annotation")).to_have_count(1)
    assert len(asked) == 1 and "paragraphs" in asked[0]
    annotation = article.annotations.get()
    assert annotation.text.count("\n\n") >= 3


def test_a_wide_photo_stays_in_its_column_and_subheadings_look_like_headings(page, log_in, analyst):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.factories import PhotoFactory

    buffer = io.BytesIO()
    Image.new("RGB", (3000, 400), "#5c7cfa").save(buffer, format="PNG")
    png = buffer.getvalue()
    article = article_with_20_suggestions()
    Article.objects.filter(pk=article.pk).update(subheadings=[article.body.split("\n\n")[0]])
    PhotoFactory(article=article, image=SimpleUploadedFile("wide.png", png, content_type="image/png"))
    # The test server does not serve media files: hand the browser the picture itself.
    page.route("**/media/**", lambda route: route.fulfill(body=png, content_type="image/png"))
    log_in(analyst)
    page.goto(article.get_absolute_url())
    image = page.locator("figure.photo img")
    page.wait_for_function("document.querySelector('figure.photo img').naturalWidth === 3000")
    picture, column, sidebar = (page.locator(s).bounding_box() for s in ("figure.photo img", "#article", "aside.side"))
    assert picture["width"] < 3000
    assert picture["x"] + picture["width"] <= column["x"] + column["width"] + 0.5
    assert picture["x"] + picture["width"] <= sidebar["x"]
    assert image.is_visible()
    heading = page.locator("#article-body p.para.subheading")
    assert heading.get_attribute("role") == "heading"
    weight = heading.evaluate("element => getComputedStyle(element).fontWeight")
    assert int(weight) >= 700
