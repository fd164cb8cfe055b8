from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class DashboardsConfig(AppConfig):
    name = "monitoring.dashboards"
    label = "dashboards"

    def ready(self):
        from monitoring.articles.models import Article
        from monitoring.people.models import Quote
        from monitoring.photos.models import Photo

        from . import search

        # Admin and review edits save one row at a time; keep the search index in step with them.
        for signal in (post_save, post_delete):
            signal.connect(search.article_saved_or_deleted, sender=Article, dispatch_uid=f"search-article-{signal}")
            for part in (Quote, Photo):
                signal.connect(
                    search.article_part_saved_or_deleted, sender=part, dispatch_uid=f"search-{part.__name__}-{signal}"
                )
