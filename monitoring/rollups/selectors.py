"""Reading the rollup tables by the counting rule, for the dashboards."""

import datetime
from collections.abc import Callable

from django.db.models import QuerySet, Sum

from monitoring.core.workflow import COUNTED_STATES

from .models import Bucketed, Summary

# The filters a rollup row can answer by itself: its bucket (dates, outlet and outlet kind) and its article's status.
BUCKET_FILTERS = frozenset({"start", "end", "outlet", "outlet_kind", "status"})


def month_after(day: datetime.date) -> datetime.date:
    """The first day of the month after `day`'s."""
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def rollup_rows(
    model: type[Bucketed],
    *,
    unreviewed: bool,
    start=None,
    end=None,
    outlet=None,
    outlet_kind=None,
    status=None,
    summaries: tuple[type[Summary], ...] = (),
    extent: Callable[[], tuple] = lambda: (None, None),
) -> QuerySet:
    """The rows of `model` that count in the view (`unreviewed`: every item, else counted states and confirmed
    rows only) within the bucket filters; sum them with `rollup_count`. With `summaries` (`model`'s summary tables,
    coarsest first, for a caller that reads none of the day and outlet columns they lack) the rows of the first
    that answers the range over every outlet, a row per period and dimension rather than one per day and outlet;
    `extent()` gives the first and last days of publication (see `Totals`); a summary kept per outlet answers an
    outlet filter too."""
    for summary in summaries:
        if (outlet or outlet_kind) and not summary.by_outlet():
            continue
        rows = summary.narrowed(_counted(summary, unreviewed=unreviewed), start, end, extent)
        if rows is not None:
            return _narrowed(rows, outlet=outlet, outlet_kind=outlet_kind, status=status)
    rows = _counted(model, unreviewed=unreviewed)
    if start:
        rows = rows.filter(published_on__gte=start)
    if end:
        rows = rows.filter(published_on__lte=end)
    return _narrowed(rows, outlet=outlet, outlet_kind=outlet_kind, status=status)


def _narrowed(rows: QuerySet, *, outlet, outlet_kind, status) -> QuerySet:
    if outlet:
        rows = rows.filter(outlet=outlet)
    if outlet_kind:
        rows = rows.filter(outlet__kind=outlet_kind)
    return rows.filter(status=status) if status else rows


def _counted(model: type[Bucketed] | type[Summary], *, unreviewed: bool) -> QuerySet:
    field = model.count_field(unreviewed=unreviewed)
    rows = model.objects.filter(**{f"{field}__gt": 0})
    return rows if unreviewed else rows.filter(status__in=COUNTED_STATES)


def rollup_count(model: type[Bucketed], *, unreviewed: bool) -> Sum:
    """What the rows add up to in the view."""
    return Sum(model.count_field(unreviewed=unreviewed))
