"""Row-level changes that move a rollup, wherever they come from (review services, the admin, merges).

Each receiver names the article whose counted rows changed (`services.articles_changed`): refreshed at once, or
once at the end of a `rollups_deferred()` block. Changes that reach rollup rows by another way than an article's
rows (a tag's category, a deleted organization, a person merged away, a deleted assignee: Django's SET_NULL and
the merge write with QuerySet.update, which sends nothing) recompute the buckets whose rows name them.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_save

from monitoring.articles.models import Article, CountryMention
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.core.signals import coverage_changed
from monitoring.people.models import Organization, Person, Quote, Role

from . import services
from .models import (
    ArticleRollup,
    CountryRollup,
    OrganizationQuoteRollup,
    QuoteRollup,
    TagCategoryRollup,
    TagCountryRollup,
    TagPairRollup,
    TagQuoteRollup,
    TagRollup,
)

# Model -> attribute naming the article of a row, and the rollup tables its rows feed (the article row itself feeds
# them all, through its date, outlet, status and assignee: see `services.rollups_refresh`).
ARTICLE_OF = {
    Article: ("pk", ()),
    Quote: ("article_id", (QuoteRollup, OrganizationQuoteRollup, TagQuoteRollup)),
    Role: ("article_id", (OrganizationQuoteRollup,)),
    TaggedArticle: (
        "content_object_id",
        (TagRollup, TagCategoryRollup, TagPairRollup, TagQuoteRollup, TagCountryRollup),
    ),
    CountryMention: ("article_id", (CountryRollup, TagCountryRollup)),
}


def row_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):  # loaddata: fixtures are followed by rollups_rebuild
        return
    attribute, tables = ARTICLE_OF[sender]
    services.articles_changed([getattr(instance, attribute)], tables)


def articles_changed(sender, article_ids, **kwargs):
    services.articles_changed(article_ids)


def tag_category_remember(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._rollups_category = Tag.objects.filter(pk=instance.pk).values_list("category", flat=True).first()


def tag_saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_rollups_category", instance.category)
    if not created and not raw and before != instance.category:
        services.rollups_refresh_where(TagRollup, (TagCategoryRollup,), tag=instance.pk)


def organization_deleted(sender, instance, **kwargs):
    services.rollups_refresh_where(OrganizationQuoteRollup, (OrganizationQuoteRollup,), organization=instance.pk)


def person_deleted(sender, instance, **kwargs):
    # Every quote the other two tables count is in QuoteRollup: its buckets naming the person hold all of theirs.
    speaking = (QuoteRollup, OrganizationQuoteRollup, TagQuoteRollup)
    services.rollups_refresh_where(QuoteRollup, speaking, speaker=instance.pk)


def user_deleted(sender, instance, **kwargs):
    services.rollups_refresh_where(ArticleRollup, (ArticleRollup,), assignee=instance.pk)


def connect() -> None:
    for model in ARTICLE_OF:
        for signal in (post_save, post_delete):
            signal.connect(row_changed, sender=model, dispatch_uid=f"rollups-{model.__name__}-{signal}")
    coverage_changed.connect(articles_changed, dispatch_uid="rollups-coverage-changed")
    pre_save.connect(tag_category_remember, sender=Tag, dispatch_uid="rollups-tag-pre")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="rollups-tag-post")
    post_delete.connect(organization_deleted, sender=Organization, dispatch_uid="rollups-organization")
    post_delete.connect(person_deleted, sender=Person, dispatch_uid="rollups-person")
    post_delete.connect(user_deleted, sender=get_user_model(), dispatch_uid="rollups-user")
