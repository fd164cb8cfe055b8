"""Connection pooling and the read replica: settings parsed from the environment, and only dashboard GETs read
from the replica."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.settings.base import database
from monitoring.core import db as replica
from tests.factories import ArticleFactory


def test_pool_setting_turns_on_psycopg_pool_on_postgresql_only():
    config = database("postgres://u@db:5432/monitor", pool="2:10", conn_max_age=60)
    assert config["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 10}
    assert config["CONN_MAX_AGE"] == 0  # persistent connections and a pool exclude each other
    assert database("postgres://u@db:5432/monitor", pool="4")["OPTIONS"]["pool"] == {"min_size": 4, "max_size": 4}
    assert "pool" not in database("sqlite:///x.db", pool="2:10").get("OPTIONS", {})
    assert "pool" not in database("postgres://u@db:5432/monitor").get("OPTIONS", {})


def test_random_page_cost_is_a_connection_option_on_postgresql_only():
    config = database("postgres://u@db:5432/monitor?options=-c%20search_path%3Dpress", random_page_cost="1.1")
    assert config["OPTIONS"]["options"] == "-c search_path=press -c random_page_cost=1.1"  # added to the URL's
    assert "options" not in database("postgres://u@db:5432/monitor", random_page_cost="")["OPTIONS"]
    assert "OPTIONS" not in database("sqlite:///x.db", random_page_cost="1.1")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_RANDOM_PAGE_COST must be a number, not 'fast'"):
        database("postgres://u@db:5432/monitor", random_page_cost="fast")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_connections_plan_with_the_configured_random_page_cost(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        shown = cursor.fetchone()[0]
    assert shown == "1.1"  # the default of DATABASE_RANDOM_PAGE_COST; the server's own is 4


@pytest.fixture
def reads(monkeypatch, settings):
    """Where the router would send each read: 'replica' or None (the primary)."""
    seen = []
    settings.DATABASES = {**settings.DATABASES, replica.REPLICA: settings.DATABASES["default"]}
    decide = replica.ReplicaRouter.db_for_read

    def record(self, model, **hints):
        seen.append(decide(self, model, **hints))
        return None  # the test database has no replica: read the primary whatever was decided

    monkeypatch.setattr(replica.ReplicaRouter, "db_for_read", record)
    return seen


pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


def test_dashboard_pages_read_from_the_replica(client, analyst, reads):
    client.force_login(analyst)
    assert client.get("/").status_code == 200
    assert replica.REPLICA in reads


def test_the_reader_page_and_posts_read_from_the_primary(client, analyst, reads):
    article = ArticleFactory()
    client.force_login(analyst)
    assert client.get(article.get_absolute_url()).status_code == 200
    client.post(f"/articles/{article.pk}/transition/", {"action": "claim"})
    assert reads and replica.REPLICA not in reads


def test_without_a_replica_every_read_goes_to_the_primary(client, analyst, settings):
    assert replica.REPLICA not in settings.DATABASES
    token = replica._replica_reads.set(True)
    try:
        assert replica.ReplicaRouter().db_for_read(None) is None
    finally:
        replica._replica_reads.reset(token)
