from django.db import migrations

from monitoring.core.roles import roles_sync


class Migration(migrations.Migration):
    """Give the role groups their permissions on the intake models (jobs to view, feeds for editors)."""

    dependencies = [
        ("intake", "0001_initial"),
        ("core", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
