"""My searches and notifications. Thin: the services in monitoring.alerts.services decide and write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import AlertSettingsForm, BriefingRangeForm, SaveSearchForm
from .models import ALERT_SETTINGS, Notification, SavedSearch

PER_PAGE = 25


def _back(request, fallback: str):
    target = request.POST.get("next") or fallback
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return redirect(target if safe else fallback)


@require_POST
def search_save(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the search a name.")
        return _back(request, "alerts:searches")
    data = form.cleaned_data
    try:
        search = services.search_save(user=request.user, name=data["name"], path=data["path"], params=data["params"])
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return _back(request, "alerts:searches")
    messages.success(request, f"Saved as “{search.name}”. Set alerts for it under My searches.")
    return redirect(search.url)


@require_GET
def searches(request):
    page = Paginator(SavedSearch.objects.filter(owner=request.user), PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        (
            search,
            services.search_new_count(search),
            AlertSettingsForm(instance=search, auto_id=f"alerts-{search.pk}-%s"),
            BriefingRangeForm(auto_id=f"briefing-{search.pk}-%s"),
        )
        for search in page
    ]
    return render(request, "alerts/searches.html", {"page_obj": page, "rows": rows})


@require_GET
def search_open(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    return redirect(services.search_open(search=search, user=request.user))


@require_POST
def search_alerts(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    form = AlertSettingsForm(request.POST, instance=search)
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ALERT_SETTINGS}
        services.search_alerts_set(search=search, user=request.user, **fields)
        messages.success(request, f"Alerts for “{search.name}” saved.")
    else:
        messages.error(request, "Those alert settings are not valid.")
    return redirect("alerts:searches")


@require_POST
def search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    services.search_delete(search=search, user=request.user)
    messages.success(request, f"Deleted “{search.name}”.")
    return redirect("alerts:searches")


@require_GET
def notifications(request):
    rows = Notification.objects.filter(user=request.user).select_related("search", "article", "person")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/notifications.html", {"page_obj": page})


@require_POST
def notifications_read(request):
    ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()] or None
    services.notifications_mark_read(user=request.user, ids=ids)
    return redirect("alerts:notifications")
