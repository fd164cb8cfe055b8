from django.db import migrations

from monitoring.core.roles import roles_sync


class Migration(migrations.Migration):
    """Let editors see and unlock django-axes' login attempts, whose models did not exist when core.0002 ran."""

    dependencies = [
        ("core", "0002_roles"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
