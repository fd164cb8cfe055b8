"""The fill migrations on a database that already holds coverage: a database migrated from before 0008 gets every
rollup filled, and 0010 sums the day summaries over every outlet from the day tables, whichever state it starts in."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from monitoring.rollups.models import CountryRollup, QuoteDayRollup, QuoteRollup, TagCategoryRollup

from .helpers import assert_tables_fresh

# serialized_rollback: the countries loaded by a migration are back for the tests after this (a flush empties them)
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LATEST = ("rollups", "0010_day_summaries_fill")


def migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def test_the_fill_migrations_fill_every_rollup_of_a_database_holding_coverage():
    call_command("populate_synthetic", "--articles", "40", stdout=StringIO())
    # A database from before 0008: rollup tables it never filled.
    migrate(("rollups", "0007_approval_times_and_tag_totals"))
    for table in (QuoteRollup, CountryRollup, TagCategoryRollup):
        table.objects.all().delete()
    migrate(LATEST)
    assert QuoteDayRollup.objects.exists()
    assert_tables_fresh()
    # A database that ran 0008 before 0009 existed: 0010 sums the new summaries from the day tables.
    migrate(("rollups", "0008_rollups_fill"))
    migrate(LATEST)
    assert QuoteDayRollup.objects.exists()
    assert_tables_fresh()
