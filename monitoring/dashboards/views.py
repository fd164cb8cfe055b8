from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from monitoring.articles.models import Article, Outlet
from monitoring.people.models import Organization, Person


def overview(request):
    by_status = dict(Article.objects.order_by().values_list("status").annotate(n=Count("pk")))
    return render(request, "dashboards/overview.html", {"by_status": by_status})


def person_detail(request, pk):
    person = get_object_or_404(Person.objects.with_stats(), pk=pk)
    return render(request, "dashboards/person.html", {"person": person})


def organization_detail(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    return render(request, "dashboards/organization.html", {"organization": organization})


def outlet_detail(request, pk):
    outlet = get_object_or_404(Outlet, pk=pk)
    return render(request, "dashboards/outlet.html", {"outlet": outlet})
