"""axe-core finds no serious or critical accessibility violation on the pages analysts spend their day on.

axe-core is vendored for these tests only (tests/browser/vendor/axe-core/, from npm: `npm run vendor-tests`); the app
never serves it. The app enforces a Content-Security-Policy (scripts from its own origin only), which blocks the inline
<script> that `page.add_script_tag(path=...)` would write; so a Playwright route serves the vendored file at a
same-origin URL and the page loads it as it loads its own scripts, with the policy left on.
"""

from pathlib import Path

import pytest
from django.db.models import Count

from monitoring.articles.models import Article
from monitoring.core.roles import EDITOR
from monitoring.people.models import Quote, Role, SuggestionStatus
from tests.factories import UserFactory

from .test_screenshots import DEMO_YEAR, demo, reader_article_annotate  # noqa: F401 (demo is a fixture)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_URL = "/__tests__/axe.min.js"  # served by the route below, never by the app
BLOCKING = {"serious", "critical"}


def axe_install(page) -> None:
    """Serve the vendored axe-core at a same-origin URL for every page of this browser context."""
    source = AXE.read_bytes()
    page.context.route(
        f"**{AXE_URL}", lambda route: route.fulfill(body=source, content_type="text/javascript; charset=utf-8")
    )


def axe_violations(page) -> list[dict]:
    """Run axe (WCAG 2.x A and AA rules and best practices) on the loaded page; its serious or critical violations."""
    page.add_script_tag(url=AXE_URL)
    results = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n").slice(1, 3).join(" ")),
            }));
        }"""
    )
    return [v for v in results if v["impact"] in BLOCKING]


def report(violations: dict[str, list[dict]]) -> str:
    lines = []
    for url, found in violations.items():
        for v in found:
            lines.append(f"{url}: [{v['impact']}] {v['id']} ({v['help']})")
            lines.extend(f"    {node}" for node in v["nodes"][:5])
    return "\n".join(lines)


def reader_article_with_decisions(analyst) -> Article:
    """The screenshots' reader article, with decided suggestions beside the pending ones (each state has its look)."""
    article = reader_article_annotate(analyst)
    quotes = list(article.quotes.order_by("start").values_list("pk", flat=True))
    Quote.objects.filter(pk__in=quotes[:1]).update(status=SuggestionStatus.CONFIRMED)
    Quote.objects.filter(pk__in=quotes[1:2]).update(status=SuggestionStatus.REJECTED)
    roles = list(article.roles.order_by("pk").values_list("pk", flat=True))
    Role.objects.filter(pk__in=roles[:1]).update(status=SuggestionStatus.REJECTED)
    return article


def inbox_fill() -> None:
    """The demo gives every article an assignee; leave a few new ones untaken, so the inbox lists them."""
    pks = Article.objects.filter(status="new").order_by("pk").values_list("pk", flat=True)[:3]
    Article.objects.filter(pk__in=list(pks)).update(assignee=None)


def test_axe_finds_no_serious_or_critical_violation(page, log_in, demo):  # noqa: F811
    axe_install(page)
    found = {}
    page.goto("/accounts/login/")
    found["/accounts/login/"] = axe_violations(page)
    page.fill("input[name=username]", "nobody")
    page.fill("input[name=password]", "wrong-password")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    found["/accounts/login/ (refused)"] = axe_violations(page)

    person = (
        Quote.objects.kept().exclude(speaker=None).values("speaker").annotate(n=Count("pk")).order_by("-n").first()
    )["speaker"]
    reader = reader_article_with_decisions(demo)
    inbox_fill()
    log_in(demo)
    for url in [
        f"/?{DEMO_YEAR}&interval=month",
        "/articles/?q=minister",
        reader.get_absolute_url(),
        f"/people/{person}/?interval=month",
        "/review/",
        "/review/inbox/",
        "/outlets/?sort=-name",
        "/no/such/page/",
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[url] = axe_violations(page)

    page.goto(reader.get_absolute_url())
    page.keyboard.press("?")  # the keys' help dialog
    page.wait_for_selector("#keys-help[open]")
    found["reader, keys help open"] = axe_violations(page)

    # An editor's views carry more controls (bulk assign with an analyst list).
    editor = UserFactory(username="eda", role=EDITOR)
    page.context.clear_cookies()
    log_in(editor)
    for url in ["/articles/", "/review/", "/review/inbox/"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[f"{url} (editor)"] = axe_violations(page)

    assert not any(found.values()), "axe found serious or critical violations:\n" + report(found)
