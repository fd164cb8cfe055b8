from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from monitoring.alerts.models import SavedSearch
from monitoring.alerts.services import search_articles
from monitoring.articles.models import Article

from .forms import BriefingForm
from .services import briefing_build, briefing_html, briefing_pdf


@require_GET
def briefing(request):
    """The briefing of the chosen approved items as a page, or as a PDF with `format=pdf`."""
    form = BriefingForm(request.GET)
    if not form.is_valid():
        return render(request, "briefings/invalid.html", {"form": form}, status=400)
    data = form.cleaned_data
    title = data["title"] or "Briefing"
    if data["search"]:
        search = get_object_or_404(SavedSearch, pk=data["search"], owner=request.user)
        articles = Article.objects.filter(pk__in=search_articles(search).values("pk"))
        title = data["title"] or search.name
    else:
        articles = Article.objects.filter(pk__in=data["article"])
    if data["since"]:
        articles = articles.filter(published_on__gte=data["since"])
    if data["until"]:
        articles = articles.filter(published_on__lte=data["until"])
    result = briefing_build(
        articles=articles,
        title=title,
        user=request.user,
        since=data["since"],
        until=data["until"],
        group_by=data["group_by"] or "category",
    )
    if data["format"] == "pdf":
        response = HttpResponse(briefing_pdf(result), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="briefing.pdf"'
        return response
    return HttpResponse(briefing_html(result))
