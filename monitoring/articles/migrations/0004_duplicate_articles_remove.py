"""Before an article's identity becomes constraints (0005): its source file in the outlet, and its text in the outlet.

Parallel imports of one input could create the same article twice before these existed. Such duplicates that nobody
has touched (still New and unassigned) are removed first, keeping the oldest; a duplicate somebody worked on stops
the migration with the ids to resolve by hand (merge or archive them, then migrate again).
"""

from django.db import migrations


def untouched_duplicates_remove(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    worked_on = []
    for field in ("source_name", "fingerprint"):
        seen = {}
        rows = Article.objects.exclude(**{field: ""}).order_by("pk").values_list("pk", "outlet_id", field, "status")
        for pk, outlet_id, value, status in rows.iterator():
            key = (outlet_id, value)
            if key not in seen:
                seen[key] = pk
            elif status == "new" and not Article.objects.filter(pk=pk, assignee__isnull=False).exists():
                Article.objects.filter(pk=pk).delete()
            else:
                worked_on.append(f"#{pk} (same {field.replace('_', ' ')} as #{seen[key]})")
    if worked_on:
        raise RuntimeError(
            "Duplicate articles that were worked on; resolve them, then migrate: " + ", ".join(worked_on)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_import_digest"),
    ]

    operations = [
        migrations.RunPython(untouched_duplicates_remove, migrations.RunPython.noop),
    ]
