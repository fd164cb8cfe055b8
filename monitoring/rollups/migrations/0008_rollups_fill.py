from django.db import connection, migrations


def rollups_fill(apps, schema_editor):
    """A database that already holds coverage gets every rollup table filled: 0003's tables, the month totals, 0004's
    summaries, 0007's approval times and tag totals. The services read the current models: the day tables all exist
    at this point, and the summary tables a later migration adds are left to that migration (see 0010), which sums
    them from the day tables filled here."""
    from monitoring.rollups.services import SUMMARIES, rollups_rebuild

    existing = set(connection.introspection.table_names())
    rollups_rebuild(summaries=[summed for summed in SUMMARIES if summed.table._meta.db_table in existing])


class Migration(migrations.Migration):
    # Outside one transaction: the rebuild commits a range of days at a time (on PostgreSQL on several connections)
    # and vacuums the tables after it, so that their rows are read from the covering indexes alone; in one
    # transaction, 1,000,000 articles took 25 minutes on one connection and left the tables unvacuumed. If it
    # stops half-way, `migrate` runs it again from the start.
    atomic = False

    dependencies = [("rollups", "0007_approval_times_and_tag_totals")]

    operations = [migrations.RunPython(rollups_fill, migrations.RunPython.noop)]
