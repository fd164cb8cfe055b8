from .services import notifications_unread_count


def unread_notifications(request) -> dict:
    """The header's unread count: one query per page, only for logged-in users."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: notifications_unread_count(user)}
