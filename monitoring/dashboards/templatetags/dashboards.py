import datetime

from django import template

register = template.Library()


@register.filter
def pretty_duration(value: datetime.timedelta | None) -> str:
    """A duration the way an editor says it: "3 d 4 h", "5 h 10 min", "12 min"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"
