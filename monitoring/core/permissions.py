"""The one place that answers 'may this user do this?': views, admin and commands all ask here."""

from django.core.exceptions import PermissionDenied

from .roles import ANALYST, EDITOR, REVIEWER


def user_roles(user) -> frozenset[str]:
    """The role names a user holds (cached on the user object for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset({ANALYST, REVIEWER, EDITOR})
        else:
            cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_cache = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def role_require(user, *roles: str, doing: str) -> None:
    """Raise PermissionDenied with a readable message unless the user holds one of the roles."""
    if not has_role(user, *roles):
        raise PermissionDenied(f"Only {' or '.join(r.lower() + 's' for r in roles)} may {doing}.")


def person_merge_check(user) -> None:
    role_require(user, ANALYST, EDITOR, doing="merge persons")
