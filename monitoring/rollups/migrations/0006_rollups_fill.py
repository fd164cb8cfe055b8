from django.db import migrations


class Migration(migrations.Migration):
    """The rollup fill once stood here; it moved to 0008_rollups_fill, after 0007 added the approval tables (the fill
    runs the current services, which need every table to exist). A database that ran it here runs it again there."""

    dependencies = [("rollups", "0005_totals_key_indexes")]

    operations = []
