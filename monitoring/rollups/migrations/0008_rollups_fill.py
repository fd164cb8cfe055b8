from django.db import migrations


def rollups_fill(apps, schema_editor):
    """A database that already holds coverage gets every rollup table filled: 0003's tables, the month totals, 0004's
    summaries, 0007's approval times and tag totals. The services read the current models, whose tables all exist
    at this point: a later migration adding a rollup table moves this step after it, in a migration of its own."""
    from monitoring.rollups.services import rollups_rebuild

    rollups_rebuild()


class Migration(migrations.Migration):
    # Outside one transaction: the rebuild commits a range of days at a time (on PostgreSQL on several connections)
    # and vacuums the tables after it, so that their rows are read from the covering indexes alone; in one
    # transaction, 1,000,000 articles took 25 minutes on one connection and left the tables unvacuumed. If it
    # stops half-way, `migrate` runs it again from the start.
    atomic = False

    dependencies = [("rollups", "0007_approval_times_and_tag_totals")]

    operations = [migrations.RunPython(rollups_fill, migrations.RunPython.noop)]
