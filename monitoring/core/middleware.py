"""Site-wide access rule: a page is shown only to users holding a role, whichever app serves it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from . import permissions

# Signing out is allowed without a role; signing in is public (the views are marked login_not_required).
ROLELESS_VIEWS = frozenset({"logout", "admin:logout"})


class RoleRequiredMiddleware:
    """Answer every non-public page with the 'ask an editor for a role' page (HTTP 403, no data) for a signed-in
    user without a role, before the view runs: dashboards, lists, the reader, queues, exports, search and admin.

    Goes after AuthenticationMiddleware and LoginRequiredMiddleware (anonymous users are sent to log in first).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        if request.resolver_match and request.resolver_match.view_name in ROLELESS_VIEWS:
            return None
        try:
            permissions.site_access_check(request.user)
        except PermissionDenied as exc:
            context = {"message": str(exc), "changed_nothing": request.method not in ("GET", "HEAD")}
            return render(request, "core/no_role.html", context, status=403)
        return None
