"""The full-text index: an FTS5 virtual table on SQLite, a table with a GIN-indexed tsvector on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

import monitoring.dashboards.search

SQLITE_CREATE = """
CREATE VIRTUAL TABLE dashboards_article_fts USING fts5(
    headline, body, captions, quotes, tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
# The tsvector column carries the table's name, like FTS5's hidden column, so the same model and
# lookups work on both databases. Headline weighs most, then captions, quotes, body.
POSTGRES_CREATE = """
CREATE TABLE dashboards_article_fts (
    rowid bigint PRIMARY KEY,
    headline text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    captions text NOT NULL DEFAULT '',
    quotes text NOT NULL DEFAULT '',
    dashboards_article_fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || setweight(to_tsvector('english'::regconfig, captions), 'B')
        || setweight(to_tsvector('english'::regconfig, quotes), 'C')
        || setweight(to_tsvector('english'::regconfig, body), 'D')
    ) STORED
);
CREATE INDEX dashboards_article_fts_document ON dashboards_article_fts USING GIN (dashboards_article_fts);
"""


def index_create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    else:
        raise NotImplementedError(f"No full-text index for {vendor}.")


def index_drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS dashboards_article_fts")


def index_fill(apps, schema_editor):
    """Index the articles already in the database."""
    from monitoring.dashboards.search import search_index_rebuild

    search_index_rebuild(
        Article=apps.get_model("articles", "Article"),
        Quote=apps.get_model("people", "Quote"),
        Photo=apps.get_model("photos", "Photo"),
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0003_import_digest"),
        ("people", "0001_initial"),
        ("photos", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchIndex",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_index",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("headline", models.TextField()),
                ("body", models.TextField()),
                ("captions", models.TextField()),
                ("quotes", models.TextField()),
                ("document", monitoring.dashboards.search.SearchDocumentField(db_column="dashboards_article_fts")),
            ],
            options={
                "db_table": "dashboards_article_fts",
                "managed": False,
            },
        ),
        migrations.RunPython(index_create, index_drop),
        migrations.RunPython(index_fill, migrations.RunPython.noop),
    ]
