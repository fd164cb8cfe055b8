"""Playwright infrastructure for end-to-end tests in the system Chromium, against pytest-django's live server.

Run with `.venv/bin/pytest -m browser tests/browser`. Mark every test module here with
`pytestmark = pytest.mark.browser`, so a plain `pytest` run skips them. On failure, a screenshot of the page is saved under
test-output/screenshots/.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
FAILURE_SCREENSHOTS = ROOT / "test-output" / "screenshots"
PASSWORD = "pw-for-tests-123"  # tests.factories.UserFactory's


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so the page fixture knows whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the browser tests use a database file instead of the suite's in-memory database.

    With an in-memory database the live server thread shares the test's own connection object; a statement of one
    thread that calls back into Python (SQLite runs Django's date functions that way) then deadlocks with the
    other thread's call on the connection, for good (seen in CI: the suite hung until it was killed). With a file,
    each thread has its own connection and SQLite's locks make the other wait, at most `timeout` seconds.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser-db") / "test.sqlite3")
        # Write transactions take the lock at BEGIN, so two writers queue instead of one failing at once.
        database.setdefault("OPTIONS", {}).update(timeout=30, transaction_mode="IMMEDIATE")


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        message = f"{CHROMIUM} is missing: install the Debian chromium package (never download a browser)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)  # CI must run these, not skip them
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the main thread; Django then refuses ORM calls from it
    # (fixtures, factories) unless told that this is safe, which it is in a test process. Set only while
    # browser tests run: other tests run `check --deploy`, which rightly fails with it set.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, viewport={"width": 1400, "height": 1000}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        FAILURE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(FAILURE_SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def log_in(page):
    """Log a user in through the login form, as a person would."""

    def _log_in(user, password: str = PASSWORD):
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.get_username())
        page.fill("input[name=password]", password)
        page.click("button[type=submit], input[type=submit]")
        page.wait_for_url(re.compile(r"^(?!.*accounts/login).*$"))
        return page

    return _log_in
