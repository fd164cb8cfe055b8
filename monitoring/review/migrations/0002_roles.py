from django.db import migrations

from monitoring.core.roles import roles_sync


class Migration(migrations.Migration):
    """Give the role groups their permissions on the review models, which did not exist when core.0002 ran."""

    dependencies = [
        ("review", "0001_initial"),
        ("core", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
