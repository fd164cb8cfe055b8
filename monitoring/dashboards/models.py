from django.db import models

from .search import SearchDocumentField


class ArticleSearchIndex(models.Model):
    """One row per article in the full-text index: read-only here, written by `search_index_refresh`.

    The table is built by migration 0001 per database: an FTS5 virtual table on SQLite, a plain
    table with a generated, GIN-indexed tsvector column on PostgreSQL. Both share the table name,
    the `rowid` key and the text columns, so one unmanaged model lets the ORM join articles to it.
    """

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="search_index",
    )
    headline = models.TextField()
    body = models.TextField()
    captions = models.TextField()
    quotes = models.TextField()
    # FTS5's hidden column named after the table; on PostgreSQL the tsvector column of that name.
    document = SearchDocumentField(db_column="dashboards_article_fts")

    class Meta:
        managed = False
        db_table = "dashboards_article_fts"

    def __str__(self):
        return self.headline
