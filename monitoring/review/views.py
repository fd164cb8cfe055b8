from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from monitoring.core.permissions import has_role
from monitoring.core.roles import EDITOR

from . import services
from .forms import BulkActionForm
from .selectors import (
    INBOX_PER_PAGE,
    bulk_actions,
    queue_inbox,
    queue_my_work,
    queue_overdue,
    queue_returned,
    queue_to_review,
)


def queues(request):
    """The work queues: mine by due date, returned to me, waiting for my review, overdue team-wide."""
    user = request.user
    context = {
        **bulk_actions(user, claim=False),
        "my_work": list(queue_my_work(user=user)),
        "returned": list(queue_returned(user=user)),
        "to_review": list(queue_to_review(user=user)),
        "overdue": list(queue_overdue()),
    }
    return render(request, "review/queues.html", context)


@require_GET
def inbox(request):
    """New items by priority and import time, each with Claim; editors tick items and assign, archive or tag them."""
    user = request.user
    context = {
        # New items are held by nobody: only editors may tag them.
        **bulk_actions(user, tag=has_role(user, EDITOR)),
        "page_obj": Paginator(queue_inbox(), INBOX_PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "review/inbox.html", context)


def _back(request) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("review:inbox")


@require_POST
def bulk_action(request):
    """Claim, assign, archive or tag the ticked articles through the review services, one by one: what went through
    is counted, each refusal is reported for its article, and the list shows again."""
    form = BulkActionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request))
    data = form.cleaned_data
    action = data["action"]
    if action == "tag":
        outcome = services.articles_tag_bulk(article_ids=data["article"], user=request.user, tag=data["tag"])
    else:
        outcome = services.articles_transition_bulk(
            article_ids=data["article"], user=request.user, action=action, assignee=data["assignee"]
        )
    label = dict(BulkActionForm.ACTIONS)[action].lower()
    if outcome.done:
        what = {"assign": f"{label} {data['assignee']}", "tag": f"{label} {data['tag']}"}.get(action, label)
        names = ", ".join(f"“{a.headline}”" for a in outcome.done[:5]) + (" …" if len(outcome.done) > 5 else "")
        messages.success(request, f"Done ({what}): {len(outcome.done)} article(s): {names}.")
    for pk, headline, message in outcome.refused:
        messages.error(request, f"“{headline or f'article {pk}'}” (#{pk}): {message}")
    return redirect(_back(request))
