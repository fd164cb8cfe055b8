from rest_framework.permissions import BasePermission

from monitoring.core.permissions import NO_ROLE_MESSAGE, user_roles


class HoldsARole(BasePermission):
    """Every endpoint is for members of the team: a logged-in account without a role sees no data."""

    message = NO_ROLE_MESSAGE  # the pages' refusal, word for word

    def has_permission(self, request, view):
        return bool(user_roles(request.user))
