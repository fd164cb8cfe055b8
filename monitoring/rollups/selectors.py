"""Reading the rollup tables by the counting rule, for the dashboards."""

from django.db.models import QuerySet, Sum

from monitoring.core.workflow import COUNTED_STATES

from .models import Bucketed

# The filters a rollup row can answer by itself: its bucket (dates, outlet and outlet kind) and its article's status.
BUCKET_FILTERS = frozenset({"start", "end", "outlet", "outlet_kind", "status"})


def rollup_rows(
    model: type[Bucketed], *, unreviewed: bool, start=None, end=None, outlet=None, outlet_kind=None, status=None
) -> QuerySet:
    """The rows of `model` that count in the view (`unreviewed`: every item, else counted states and confirmed
    rows only) within the bucket filters; sum them with `rollup_count`."""
    field = model.count_field(unreviewed=unreviewed)
    rows = model.objects.filter(**{f"{field}__gt": 0})
    if not unreviewed:
        rows = rows.filter(status__in=COUNTED_STATES)
    if start:
        rows = rows.filter(published_on__gte=start)
    if end:
        rows = rows.filter(published_on__lte=end)
    if outlet:
        rows = rows.filter(outlet=outlet)
    if outlet_kind:
        rows = rows.filter(outlet__kind=outlet_kind)
    if status:
        rows = rows.filter(status=status)
    return rows


def rollup_count(model: type[Bucketed], *, unreviewed: bool) -> Sum:
    """What the rows add up to in the view."""
    return Sum(model.count_field(unreviewed=unreviewed))
