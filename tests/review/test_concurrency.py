"""Two people acting on one article at the same moment, on two real PostgreSQL connections."""

import threading
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections

from monitoring.core import permissions
from monitoring.review import services
from monitoring.review.models import WorkflowEvent
from tests.factories import ArticleFactory, QuoteFactory

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: the flush after a transactional test would otherwise drop the role groups.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def race(monkeypatch, check_name: str, calls: dict) -> dict:
    """Run each call in its own thread (own connection) at once; the permission check is slowed down so that,
    without the row lock, both would pass it before either wrote."""
    original = getattr(permissions, check_name)

    def slow_check(*args, **kwargs):
        original(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(permissions, check_name, slow_check)
    barrier = threading.Barrier(len(calls))
    results = {}

    def run(name, call):
        try:
            barrier.wait()
            call()
            results[name] = "ok"
        except PermissionDenied as exc:
            results[name] = str(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in calls.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_analysts_claim_the_same_article_one_wins(monkeypatch, analyst, analyst2):
    article = ArticleFactory()
    results = race(
        monkeypatch,
        "article_claim_check",
        {
            "ana": lambda: services.article_claim(article=article, user=analyst),
            "ben": lambda: services.article_claim(article=article, user=analyst2),
        },
    )

    winner = next(name for name, result in results.items() if result == "ok")
    loser = "ben" if winner == "ana" else "ana"
    assert results[loser] == f"{winner} already works on this article; an editor can reassign it."
    article.refresh_from_db()
    assert (article.status, article.assignee.username, article.version) == ("in_analysis", winner, 2)
    assert WorkflowEvent.objects.filter(article=article).count() == 1


def test_approve_and_return_at_once_one_wins_nothing_lost(monkeypatch, analyst, reviewer, reviewer2):
    article = ArticleFactory(status="in_review", assignee=analyst)
    monkeypatch.setattr(permissions, "article_return_check", _slowed(permissions.article_return_check))
    results = race(
        monkeypatch,
        "article_approve_check",
        {
            "approve": lambda: services.article_approve(article=article, user=reviewer),
            "return": lambda: services.article_return(article=article, user=reviewer2, comment="Quote 1 is wrong."),
        },
    )

    assert sorted(results.values())[-1] == "ok" and list(results.values()).count("ok") == 1
    loser_message = next(result for result in results.values() if result != "ok")
    assert loser_message.startswith("Cannot ") and "the article is " in loser_message
    article.refresh_from_db()
    assert article.status in ("approved", "in_analysis")
    assert WorkflowEvent.objects.filter(article=article).count() == 1


def _slowed(check):
    def slow_check(*args, **kwargs):
        check(*args, **kwargs)
        time.sleep(0.5)

    return slow_check


def test_concurrent_quote_edits_from_the_same_version_one_wins(monkeypatch, analyst):
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    quote = QuoteFactory(article=article)
    results = {}

    def edit(kind):
        try:
            services.quote_update(quote=quote, user=analyst, version=1, kind=kind)
            results[kind] = "ok"
        except services.EditConflict as exc:
            results[kind] = str(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(kind,)) for kind in ("indirect", "partial")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winner = next(kind for kind, result in results.items() if result == "ok")
    loser = next(kind for kind in results if kind != winner)
    assert "Someone changed this quote" in results[loser]
    quote.refresh_from_db()
    assert (quote.kind, quote.version) == (winner, 2)


def test_two_confirms_of_one_quote_at_once_record_one_decision(monkeypatch, analyst, editor):
    """The holder and an editor (or two tabs) confirm the same suggestion at the same moment: the second waits for
    the first's lock, then finds it confirmed and changes nothing."""
    article = ArticleFactory(status="in_analysis", assignee=analyst)
    quote = QuoteFactory(article=article)
    monkeypatch.setattr(permissions, "article_content_check", _slowed(permissions.article_content_check))
    results = {}

    def confirm(user):
        try:
            services.quote_confirm(quote=quote, user=user, version=1)
            results[user.username] = "ok"
        except (PermissionDenied, services.EditConflict) as exc:
            results[user.username] = str(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(user,)) for user in (analyst, editor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == {"ana": "ok", "ed": "ok"}
    quote.refresh_from_db()
    assert (quote.status, quote.version) == ("confirmed", 2)
    assert WorkflowEvent.objects.filter(article=article).count() == 1
