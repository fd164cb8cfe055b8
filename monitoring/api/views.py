"""The REST API: the same reads as the pages (the shared FilterSets) and the same writes (the service layer)."""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from monitoring.alerts import services as alerts
from monitoring.alerts.models import SavedSearch
from monitoring.articles.models import Article, Outlet
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.core.permissions import import_check
from monitoring.dashboards.selectors import filters_bind
from monitoring.ingest import services as ingest
from monitoring.ingest.models import SourceRevision
from monitoring.intake import services as intake
from monitoring.intake.models import ImportJob, JobSource
from monitoring.intake.uploads import UploadLimits, UploadRefused, uploads_store
from monitoring.people.models import Organization, Person, Quote, Role
from monitoring.photos.models import Photo
from monitoring.review import services
from monitoring.review.models import Annotation

from . import serializers


class TokenOrSession:
    """API views authenticate themselves (token or session, see REST_FRAMEWORK): the site's login redirect, made
    for browsers, is lifted for them; DRF's permissions then answer 401/403 in JSON."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))


class ByIdCursor(CursorPagination):
    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def _filters(request):
    """The pages' filters and counting rule (`unreviewed=on` widens to every item and suggestion not rejected)."""
    return filters_bind(request.query_params)


class ArticleViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    """Articles, filtered like the pages (`start`, `end`, `outlet`, `tag`, `status`, `person`, `q` ...).

    The list counts as the pages do: approved items only unless `unreviewed=on`. An item is still read and moved by
    its id whatever its state.
    """

    pagination_class = ByIdCursor

    def get_queryset(self):
        tagged = Prefetch("tagged_items", queryset=TaggedArticle.objects.select_related("tag"))
        if self.action == "retrieve":
            quotes = Prefetch("quotes", queryset=Quote.objects.select_related("speaker").order_by("start"))
            return Article.objects.select_related("outlet").prefetch_related(tagged, "photos", quotes)
        if self.action == "list":
            return _filters(self.request).articles.qs.select_related("outlet").prefetch_related(tagged)
        return Article.objects.all()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        if self.action == "transition":
            return serializers.TransitionSerializer
        if self.action == "accept_source":
            return serializers.SourceAcceptSerializer
        return serializers.ArticleSerializer

    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        """Take a workflow action (claim, submit, approve, return, reopen, archive, assign), as the reader page does."""
        article = self.get_object()
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        assignee = None
        if data.validated_data["assignee"] is not None:
            assignee = get_user_model().objects.get(pk=data.validated_data["assignee"])
        article = services.article_transition(
            article=article,
            user=request.user,
            action=data.validated_data["action"],
            comment=data.validated_data["comment"],
            assignee=assignee,
        )
        return Response(serializers.ArticleSerializer(article, context={"request": request}).data)

    @action(detail=True, methods=["post"], url_path="accept-source")
    def accept_source(self, request, pk=None):
        """Accept the changed source held for the article (its holder or an editor, once it is back in analysis),
        as the reader page's button does."""
        article = self.get_object()
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        revisions = SourceRevision.objects.filter(article=article)
        wanted = data.validated_data["revision"]
        revision = revisions.get(pk=wanted) if wanted else revisions.pending().first()
        if revision is None:
            return Response({"detail": "No changed source is held for this article."}, status=status.HTTP_404_NOT_FOUND)
        ingest.revision_accept(revision=revision, user=request.user)
        article.refresh_from_db()
        return Response(serializers.ArticleSerializer(article, context={"request": request}).data)


class QuoteViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    """Quotes of the filtered articles (plus `person`, `quote_kind`), and the decisions on them."""

    pagination_class = ByIdCursor

    def get_queryset(self):
        if self.action in ("list",):
            return _filters(self.request).quotes.qs.select_related("speaker")
        return Quote.objects.select_related("speaker", "article")

    def get_serializer_class(self):
        return {
            "confirm": serializers.DecisionSerializer,
            "reject": serializers.DecisionSerializer,
            "edit": serializers.QuoteUpdateSerializer,
        }.get(self.action, serializers.QuoteSerializer)

    def _decide(self, request, service, **extra):
        quote = self.get_object()
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        quote = service(quote=quote, user=request.user, **data.validated_data, **extra)
        return Response(serializers.QuoteSerializer(quote).data)

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._decide(request, services.quote_confirm)

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, services.quote_reject)

    @action(detail=True, methods=["post"], url_path="edit")
    def edit(self, request, pk=None):
        """Correct the speaker (or group), kind or span, which confirms the quote."""
        return self._decide(request, services.quote_update)


class RoleDecisions(TokenOrSession, viewsets.GenericViewSet):
    queryset = Role.objects.select_related("article", "person")
    serializer_class = serializers.DecisionSerializer

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        services.role_confirm(role=self.get_object(), user=request.user)
        return Response({"detail": "Role confirmed."})

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        services.role_reject(role=self.get_object(), user=request.user)
        return Response({"detail": "Role rejected."})


class TagDecisions(TokenOrSession, viewsets.GenericViewSet):
    """Suggested tags of an article (`/tagged/<id>/confirm/`, `/reject/`)."""

    queryset = TaggedArticle.objects.select_related("content_object", "tag")
    serializer_class = serializers.DecisionSerializer

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        services.tag_confirm(tagged=self.get_object(), user=request.user)
        return Response({"detail": "Tag confirmed."})

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        services.tag_reject(tagged=self.get_object(), user=request.user)
        return Response({"detail": "Tag rejected."})


class PersonViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    """Persons; with filters, those quoted in the filtered coverage."""

    serializer_class = serializers.PersonSerializer
    pagination_class = ByIdCursor

    def get_queryset(self):
        persons = Person.objects.select_related("country").prefetch_related("aliases")
        filters = _filters(self.request)
        if self.action == "list" and filters.restricted:
            persons = persons.filter(pk__in=filters.quotes.qs.values("speaker"))
        return persons


class OrganizationViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.OrganizationSerializer
    pagination_class = ByIdCursor
    queryset = Organization.objects.select_related("country")


class OutletViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.OutletSerializer
    pagination_class = ByIdCursor
    queryset = Outlet.objects.all()


class TagViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.TagSerializer
    pagination_class = ByIdCursor
    queryset = Tag.objects.all()
    lookup_field = "slug"


class PhotoViewSet(TokenOrSession, viewsets.ReadOnlyModelViewSet):
    """Photos of the filtered articles."""

    serializer_class = serializers.PhotoSerializer
    pagination_class = ByIdCursor

    def get_queryset(self):
        photos = Photo.objects.all()
        return _filters(self.request).on_articles(photos) if self.action == "list" else photos


class AnnotationViewSet(TokenOrSession, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Annotations of the filtered articles; POST codes a passage (`article`, `tag`, `start`, `end`, ...)."""

    pagination_class = ByIdCursor

    def get_queryset(self):
        annotations = Annotation.objects.select_related("tag", "author")
        return _filters(self.request).on_articles(annotations) if self.action == "list" else annotations

    def get_serializer_class(self):
        return serializers.AnnotationCreateSerializer if self.action == "create" else serializers.AnnotationSerializer

    def create(self, request, *args, **kwargs):
        article = Article.objects.get(pk=request.data.get("article") or 0)
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        annotation = services.annotation_create(article=article, user=request.user, **data.validated_data)
        return Response(serializers.AnnotationSerializer(annotation).data, status=status.HTTP_201_CREATED)


class ImportViewSet(TokenOrSession, viewsets.GenericViewSet):
    """POST files (field `files`) into an import job, as /imports/new/ does; GET /imports/<id>/ follows it."""

    parser_classes = [MultiPartParser, FormParser]
    queryset = ImportJob.objects.all()

    def get_serializer_class(self):
        return serializers.ImportJobSerializer

    def create(self, request, *args, **kwargs):
        import_check(request.user)
        files = request.FILES.getlist("files")
        if not files:
            return Response({"detail": "Send the files to import in the field `files`."}, status=400)
        folder = settings.IMPORT_ROOT / uuid.uuid4().hex
        try:
            uploads_store(files, folder, limits=UploadLimits.from_settings())
        except UploadRefused as exc:
            return Response({"detail": str(exc)}, status=400)
        job = intake.job_create(
            user=request.user,
            source=JobSource.UPLOAD,
            paths=[str(folder)],
            label=", ".join(f.name for f in files)[:500],
            options={"outlet": request.data.get("outlet") or None},
        )
        intake.job_enqueue(job)
        job.refresh_from_db()
        return Response(self.get_serializer(job).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, *args, **kwargs):
        import_check(request.user)
        return Response(self.get_serializer(self.get_object()).data)


class SavedSearchViewSet(
    TokenOrSession,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """The user's own saved searches, each with the count of items approved since it was last opened ("My
    searches"). POST `name`, `path` (a dashboard page, e.g. `/articles/` or `/tags/water/`) and `params` (its
    filters, as in the page's URL) saves one; saving again under the same name replaces its filters. PATCH sets
    its alerts (`alert_mode`, `alert_email`, `alert_new_person`, `alert_spike`, `daily_briefing`)."""

    pagination_class = ByIdCursor

    def get_serializer_class(self):
        if self.action == "partial_update":
            return serializers.SavedSearchAlertsSerializer
        return serializers.SavedSearchSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return SavedSearch.objects.none()
        return SavedSearch.objects.filter(owner=self.request.user)

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        search = alerts.search_save(
            user=request.user,
            name=data.validated_data["name"],
            path=data.validated_data["path"],
            params=data.validated_data.get("params", ""),
        )
        return Response(self.get_serializer(search).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        alerts.search_delete(search=instance, user=self.request.user)

    @extend_schema(responses=serializers.SavedSearchSerializer)
    def partial_update(self, request, *args, **kwargs):
        search = self.get_object()
        data = self.get_serializer(search, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        search = alerts.search_alerts_set(search=search, user=request.user, **data.validated_data)
        return Response(serializers.SavedSearchSerializer(search, context=self.get_serializer_context()).data)
