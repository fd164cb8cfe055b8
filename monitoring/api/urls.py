from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from . import views
from .permissions import HoldsARole

TEAM = {"permission_classes": [IsAuthenticated, HoldsARole]}


def site_page(view):
    """The documentation pages are pages of the site: its login redirect and role check apply (DRF marks its
    views as not needing the site's login, since the API authenticates by token too)."""
    view.login_required = True
    return view


router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("roles", views.RoleDecisions, basename="role")
router.register("tagged", views.TagDecisions, basename="tagged")
router.register("persons", views.PersonViewSet, basename="person")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("tags", views.TagViewSet, basename="tag")
router.register("photos", views.PhotoViewSet, basename="photo")
router.register("annotations", views.AnnotationViewSet, basename="annotation")
router.register("imports", views.ImportViewSet, basename="import")
router.register("searches", views.SavedSearchViewSet, basename="search")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(**TEAM), name="schema"),
    path("docs/", site_page(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", site_page(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
]
