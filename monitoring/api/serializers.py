from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from monitoring.alerts.models import ALERT_SETTINGS, SavedSearch
from monitoring.alerts.services import search_new_count
from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.core.workflow import APPROVED, TRANSITIONS
from monitoring.ingest.models import SourceRevision
from monitoring.intake.models import ImportJob
from monitoring.intake.services import job_summary_line
from monitoring.people.models import Organization, Person, Quote, QuoteKind
from monitoring.photos.models import Photo
from monitoring.review.models import Annotation, Stance


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "kind", "language", "homepage"]


class PersonRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name"]


class PersonSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", default=None, read_only=True)
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Person
        fields = ["id", "name", "country", "description", "aliases"]


class OrganizationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", default=None, read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "country", "aliases"]


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["id", "slug", "name", "category", "description"]


class TaggedSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="tag.slug", read_only=True)
    name = serializers.CharField(source="tag.name", read_only=True)

    class Meta:
        model = TaggedArticle
        fields = ["id", "slug", "name", "status"]


class PhotoSerializer(serializers.ModelSerializer):
    image = serializers.ImageField(read_only=True, use_url=True)

    class Meta:
        model = Photo
        fields = ["id", "article", "image", "width", "height", "caption", "credit", "photographer", "agency", "order"]


class QuoteSerializer(serializers.ModelSerializer):
    speaker = PersonRefSerializer(read_only=True)

    class Meta:
        model = Quote
        fields = [
            "id",
            "article",
            "speaker",
            "group",
            "kind",
            "text",
            "start",
            "end",
            "cue",
            "channel",
            "status",
            "orphaned",
            "version",
        ]
        read_only_fields = ["orphaned"]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True)
    tags = TaggedSerializer(source="tagged_items", many=True, read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "headline",
            "outlet",
            "published_on",
            "updated_on",
            "url",
            "language",
            "bylines",
            "status",
            "assignee",
            "due_on",
            "priority",
            "version",
            "word_count",
            "syndicated_from",
            "tags",
            "page",
        ]

    def get_page(self, article) -> str:
        request = self.context.get("request")
        url = article.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class HeldSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = SourceRevision
        fields = ["id", "created", "source_name", "headline", "body"]


class ArticleDetailSerializer(ArticleSerializer):
    photos = PhotoSerializer(many=True, read_only=True)
    quotes = QuoteSerializer(many=True, read_only=True)
    held_source = serializers.SerializerMethodField(
        help_text="A changed source held for review (the article is reviewed), or null: "
        "POST accept-source/ applies it once the article is back in analysis."
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "subheadings", "rights", "photos", "quotes", "held_source"]

    @extend_schema_field(HeldSourceSerializer(allow_null=True))
    def get_held_source(self, article):
        revision = SourceRevision.objects.pending().filter(article=article).first()
        return HeldSourceSerializer(revision).data if revision else None


class AnnotationSerializer(serializers.ModelSerializer):
    tag = serializers.SlugRelatedField(slug_field="slug", queryset=Tag.objects.all())
    author = serializers.CharField(source="author.get_username", read_only=True)

    class Meta:
        model = Annotation
        fields = [
            "id",
            "article",
            "tag",
            "author",
            "start",
            "end",
            "text",
            "note",
            "stance",
            "target_person",
            "target_organization",
            "target_country",
            "orphaned",
            "version",
        ]
        read_only_fields = ["article", "author", "orphaned", "version"]


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(TRANSITIONS))
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    assignee = serializers.IntegerField(required=False, allow_null=True, default=None)


class SourceAcceptSerializer(serializers.Serializer):
    revision = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The held source's id as you saw it: refused (409) if a newer source replaced it since.",
    )


class DecisionSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class QuoteUpdateSerializer(DecisionSerializer):
    speaker = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all(), required=False, allow_null=True)
    group = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    kind = serializers.ChoiceField(choices=QuoteKind.choices, required=False, allow_null=True)
    start = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    end = serializers.IntegerField(required=False, allow_null=True, min_value=0)


class AnnotationCreateSerializer(serializers.Serializer):
    tag = serializers.SlugRelatedField(slug_field="slug", queryset=Tag.objects.all())
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=0)
    text = serializers.CharField(required=False, allow_null=True, default=None, max_length=100_000)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10_000)
    stance = serializers.ChoiceField(choices=[("", "")] + list(Stance.choices), required=False, default="")


class ImportJobFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    state = serializers.CharField()
    outcome = serializers.CharField(help_text="created, updated, unchanged, held, syndicated, failed, or mixed.")
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="How many of each outcome.")
    message = serializers.CharField()
    article = serializers.IntegerField(source="article_id", allow_null=True)


class ImportJobSerializer(serializers.ModelSerializer):
    files = ImportJobFileSerializer(many=True, read_only=True)
    summary = serializers.SerializerMethodField(
        help_text="The importer's summary line: created, updated, unchanged, held, syndicated, failed."
    )

    class Meta:
        model = ImportJob
        fields = ["id", "created", "source", "label", "state", "total", "done", "summary", "files"]

    def get_summary(self, job) -> str:
        return job_summary_line(job.files.all())


class SavedSearchSerializer(serializers.ModelSerializer):
    """A saved search: the page (`path`) and its filters (`params`, as in the page's URL)."""

    url = serializers.CharField(read_only=True, help_text="The saved view: the page with its filters.")
    articles = serializers.SerializerMethodField(
        help_text="The items the search matches: its filters on /api/v1/articles/, approved items only."
    )
    new_count = serializers.SerializerMethodField(help_text="Items approved since the search was last opened.")

    class Meta:
        model = SavedSearch
        fields = [
            "id",
            "name",
            "path",
            "params",
            "url",
            "articles",
            "new_count",
            "created",
            "last_viewed",
            *ALERT_SETTINGS,
        ]
        # Alert settings change through PATCH of the detail (SavedSearchAlertsSerializer), not here.
        read_only_fields = ["created", "last_viewed", *ALERT_SETTINGS]
        extra_kwargs = {"params": {"required": False, "allow_blank": True}}

    def get_articles(self, search) -> str:
        query = search.query.copy()
        query["status"] = APPROVED  # a search matches approved items only (monitoring.alerts.services)
        url = f"{reverse('api:article-list')}?{query.urlencode()}"
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_new_count(self, search) -> int:
        return search_new_count(search)


class SavedSearchAlertsSerializer(serializers.ModelSerializer):
    """The alert settings of a saved search, as on My searches."""

    class Meta:
        model = SavedSearch
        fields = list(ALERT_SETTINGS)
