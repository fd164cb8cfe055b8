"""An article's identity as constraints: parallel imports of one input can no longer create it twice."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_duplicate_articles_remove"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                condition=models.Q(("source_name", ""), _negated=True),
                fields=("outlet", "source_name"),
                name="unique_article_source",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                condition=models.Q(("fingerprint", ""), _negated=True),
                fields=("outlet", "fingerprint"),
                name="unique_article_text",
            ),
        ),
    ]
