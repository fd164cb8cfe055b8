from rest_framework.permissions import BasePermission

from monitoring.core.permissions import user_roles


class HoldsARole(BasePermission):
    """Every endpoint is for members of the team: a logged-in account without a role sees no data."""

    message = "Your account has no role yet: ask an editor to give you one."

    def has_permission(self, request, view):
        return bool(user_roles(request.user))
