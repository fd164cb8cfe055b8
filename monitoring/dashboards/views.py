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


def article_list(request):
    articles = Article.objects.select_related("outlet")[:50]
    return render(request, "dashboards/article_list.html", {"articles": articles})


def people_list(request):
    people = Person.objects.with_stats().order_by("-quote_count")[:50]
    return render(request, "dashboards/people_list.html", {"people": people})


def tag_detail(request, slug):
    from monitoring.codebook.models import Tag

    tag = get_object_or_404(Tag, slug=slug)
    return render(request, "dashboards/tag.html", {"tag": tag})
