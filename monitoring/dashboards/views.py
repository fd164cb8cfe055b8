"""Analyst dashboards: thin views over selectors; every page reads the same filters from the URL."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from monitoring.articles.models import Outlet
from monitoring.codebook.models import Tag
from monitoring.people.models import Organization
from monitoring.review.selectors import bulk_actions

from . import selectors
from .exports import EXPORTS, FORMATS, export_response


@require_GET
def overview(request):
    return render(request, "dashboards/overview.html", selectors.overview_page(request.GET))


@require_GET
def article_list(request):
    """The workflow's list: every item can be ticked, for a briefing (approved ones) or a bulk action the user's roles
    allow (claim, assign, archive, add a tag), posted to the review services."""
    context = selectors.article_list_page(request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/article_list.html", {**context, **bulk_actions(request.user)})


@require_GET
def people_list(request):
    context = selectors.people_list_page(request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/people_list.html", context)


@require_GET
def person_detail(request, pk):
    context = selectors.person_page(pk, request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/person.html", context)


def _index(kind: str):
    @require_GET
    def view(request):
        context = selectors.index_page(kind, request.GET, page=request.GET.get("page"))
        return render(request, "dashboards/index.html", context)

    view.__name__ = f"{kind}_index"
    return view


organization_index = _index("organizations")
outlet_index = _index("outlets")
tag_index = _index("tags")


@require_GET
def organization_detail(request, pk):
    organization = get_object_or_404(Organization.objects.select_related("country"), pk=pk)
    context = selectors.organization_page(organization, request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/organization.html", {"organization": organization, **context})


@require_GET
def outlet_detail(request, pk):
    outlet = get_object_or_404(Outlet.objects.select_related("country"), pk=pk)
    context = selectors.outlet_page(outlet, request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/outlet.html", {"outlet": outlet, **context})


@require_GET
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    context = selectors.tag_page(tag, request.GET, page=request.GET.get("page"))
    return render(request, "dashboards/tag.html", {"tag": tag, **context})


@require_GET
def export(request, dataset, fmt):
    if dataset not in EXPORTS or fmt not in FORMATS:
        raise Http404("No such export.")
    return export_response(dataset, fmt, selectors.filters_bind(request.GET))
