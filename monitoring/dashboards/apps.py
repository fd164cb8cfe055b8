from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class DashboardsConfig(AppConfig):
    name = "monitoring.dashboards"
    label = "dashboards"

    def ready(self):
        from monitoring.articles.models import Article, CountryMention, Outlet
        from monitoring.codebook.models import Tag, TaggedArticle
        from monitoring.core.figures import figures_changed
        from monitoring.core.models import Country
        from monitoring.people.models import Organization, OrganizationMention, Person, Quote, Role
        from monitoring.photos.models import Photo
        from monitoring.review.models import Annotation

        from . import search

        # Admin and review edits save one row at a time; keep the search index in step with them.
        for signal in (post_save, post_delete):
            signal.connect(search.article_saved_or_deleted, sender=Article, dispatch_uid=f"search-article-{signal}")
            for part in (Quote, Photo):
                signal.connect(
                    search.article_part_saved_or_deleted, sender=part, dispatch_uid=f"search-{part.__name__}-{signal}"
                )
        # Any saved or deleted row a figure or a cached fragment reads (the filter form lists outlets, tags and
        # countries) makes cached figures out of date (bulk writes call it themselves).
        figured = (Article, Quote, Role, TaggedArticle, CountryMention, OrganizationMention, Annotation, Person)
        for signal in (post_save, post_delete):
            for model in (*figured, Organization, Outlet, Tag, Photo, Country):
                signal.connect(figures_changed, sender=model, dispatch_uid=f"figures-{model.__name__}-{signal}")
