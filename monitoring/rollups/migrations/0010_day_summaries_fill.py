from django.db import migrations

NEW = ("QuoteDayRollup", "OrganizationDayRollup", "CountryDayRollup", "TagCategoryDayRollup")


def day_summaries_fill(apps, schema_editor):
    """0009's summaries summed from the day tables, which 0008 filled (now or when it ran before): seconds at
    1,000,000 articles where a whole rebuild takes ten minutes."""
    from monitoring.rollups.services import SUMMARIES, summaries_rebuild

    summaries_rebuild([summed for summed in SUMMARIES if summed.table.__name__ in NEW])


class Migration(migrations.Migration):
    atomic = False  # summaries_rebuild commits, then vacuums the tables (outside a transaction)

    dependencies = [("rollups", "0009_day_summaries_over_every_outlet")]

    operations = [migrations.RunPython(day_summaries_fill, migrations.RunPython.noop)]
