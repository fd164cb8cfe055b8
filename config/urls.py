from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "press-monitor"
admin.site.site_title = "press-monitor admin"
admin.site.index_title = "Coverage data"


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on their own; it is public, like the login page it shows on."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.png")


urlpatterns = [
    path("favicon.ico", login_not_required(FaviconView.as_view()), name="favicon"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("articles/", include("monitoring.articles.urls")),
    path("review/", include("monitoring.review.urls")),
    path("imports/", include("monitoring.intake.urls")),
    path("api/", include("monitoring.api.urls")),
    path("briefings/", include("monitoring.briefings.urls")),
    path("", include("monitoring.alerts.urls")),
    path("", include("monitoring.dashboards.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
