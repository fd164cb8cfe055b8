from django.db import migrations

from monitoring.core.roles import roles_sync


class Migration(migrations.Migration):
    """Create the Analyst, Reviewer and Editor groups with their model permissions."""

    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("articles", "0002_initial"),
        ("codebook", "0001_initial"),
        ("people", "0001_initial"),
        ("photos", "0001_initial"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
