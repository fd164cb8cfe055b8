"""Managing the feeds the team follows."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from monitoring.articles.models import Outlet

from .models import Feed


def feed_add(*, url: str, outlet_name: str, poll_minutes: int = 60) -> tuple[Feed, bool]:
    """Follow a feed (or change an existing one's outlet and interval); returns (feed, created)."""
    URLValidator(schemes=["http", "https"])(url)
    if not outlet_name.strip():
        raise ValidationError("Name the outlet the feed belongs to.")
    if not 1 <= poll_minutes <= 7 * 24 * 60:
        raise ValidationError("The poll interval must be between 1 minute and a week.")
    outlet, _ = Outlet.objects.get_or_create(name=outlet_name.strip()[:200])
    return Feed.objects.update_or_create(url=url, defaults={"outlet": outlet, "poll_minutes": poll_minutes})
