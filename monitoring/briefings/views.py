from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from monitoring.alerts.models import SavedSearch

from .forms import BriefingForm
from .services import NothingToBrief, briefing_build, briefing_html, briefing_pdf, briefing_source


def _refused(request, form, message: str = ""):
    return render(request, "briefings/invalid.html", {"form": form, "message": message}, status=400)


@require_http_methods(["GET", "POST"])
def briefing(request):
    """The briefing of the chosen approved items (`article`, repeated; POSTed by the article list's checkboxes) or
    of a saved search (`search`), as a page, or as a PDF with `format=pdf`."""
    form = BriefingForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return _refused(request, form)
    data = form.cleaned_data
    search = None
    if data["search"] and not data["article"]:
        search = get_object_or_404(SavedSearch, pk=data["search"], owner=request.user)
    try:
        articles, notes = briefing_source(ids=data["article"], search=search, since=data["since"], until=data["until"])
    except NothingToBrief as exc:
        return _refused(request, form, str(exc))
    result = briefing_build(
        articles=articles,
        title=data["title"] or (search.name if search else "Briefing"),
        user=request.user,
        since=data["since"],
        until=data["until"],
        group_by=data["group_by"] or "category",
        notes=notes,
    )
    if data["format"] == "pdf":
        response = HttpResponse(briefing_pdf(result), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="briefing.pdf"'
        return response
    query = (request.POST if request.method == "POST" else request.GET).copy()
    query.pop("csrfmiddlewaretoken", None)
    query["format"] = "pdf"
    return HttpResponse(briefing_html(result, pdf_url=f"{request.path}?{query.urlencode()}"))
