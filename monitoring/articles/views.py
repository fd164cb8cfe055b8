from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from monitoring.people.models import Quote

from .models import Article


def article_detail(request, pk):
    """The reader page: body by paragraphs, photos with captions and credits, quotes."""
    quotes = Prefetch("quotes", queryset=Quote.objects.kept().select_related("speaker"))
    article = get_object_or_404(
        Article.objects.select_related("outlet").prefetch_related("photos", quotes), pk=pk
    )
    return render(request, "articles/detail.html", {"article": article})
