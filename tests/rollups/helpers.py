"""What the rollup tests share: the rollup tables' contents against a fresh computation from the raw rows, and the
dashboard figures read from rollups against the same figures read from the raw rows."""

import datetime
from collections import Counter

from django.db.models import Q
from django.test import override_settings

from monitoring.articles.models import Article
from monitoring.dashboards import selectors
from monitoring.rollups.services import SOURCES, SUMMARIES


def table_rows(table) -> list[tuple]:
    names = [f.attname for f in table._meta.concrete_fields if f.attname != "id"]
    return sorted((tuple(row) for row in table.objects.values_list(*names)), key=repr)


def fresh_rows(source) -> list[tuple]:
    """What the table would hold if computed now from the raw rows (the order of its columns)."""
    rows = [tuple(row.values()) for row in source.select(~Q(pk__in=[]))]
    names = ["published_on", "outlet_id", "status", *(c for c, _ in source.columns), *source.aggregates()]
    table_names = [f.attname for f in source.table._meta.concrete_fields if f.attname != "id"]
    order = [names.index(name) for name in table_names]
    return sorted((tuple(row[i] for i in order) for row in rows), key=repr)


def fresh_summary_rows(summed) -> list[tuple]:
    """What the summary table would hold if computed now from the raw rows: their day rows summed by period, in
    Python (the order of its columns)."""
    source = next(s for s in SOURCES if s.table is summed.days)
    day_names = [f.attname for f in source.table._meta.concrete_fields if f.attname != "id"]
    columns = [summed.table._meta.get_field(c).attname for c in summed.columns]
    sums = {name: Counter() for name in summed.sums}
    for row in fresh_rows(source):
        values = dict(zip(day_names, row, strict=True))
        key = (summed.table.period_of(values["published_on"]), values["status"], *(values[c] for c in columns))
        for name, total in sums.items():
            total[key] += values[name]
    names = [summed.table.period, "status", *columns]
    table_names = [f.attname for f in summed.table._meta.concrete_fields if f.attname != "id"]
    assert set(table_names) == {*names, *summed.sums}, summed.table.__name__  # every number is summed
    rows = [dict(zip(names, key), **{name: sums[name][key] for name in sums}) for key in sums["n"]]
    return sorted((tuple(row[name] for name in table_names) for row in rows), key=repr)


def assert_tables_fresh() -> None:
    for source in SOURCES:
        assert table_rows(source.table) == fresh_rows(source), source.table.__name__
    for summed in SUMMARIES:
        assert table_rows(summed.table) == fresh_summary_rows(summed), summed.table.__name__


def chart_data(chart) -> tuple:
    return chart.key, chart.labels, chart.series, chart.links


def figures(params: dict) -> dict:
    """The overview's figures for `params` (all time unless dated), charts as plain data."""
    filters = selectors.filters_bind({"start": "1900-01-01", **params})
    found = selectors.overview_figures(filters, today=datetime.date(2024, 6, 1))
    found["charts"] = [chart_data(c) for c in found["charts"]]
    found["pipeline"] = chart_data(found["pipeline"])
    return found


def raw(function, *args, **kwargs):
    """`function` computed from the raw rows only."""
    with override_settings(DASHBOARD_ROLLUPS=False):
        return function(*args, **kwargs)


def entity_pages(params: dict) -> dict:
    """The charts of every person, organization, tag and outlet page, as plain data."""
    from monitoring.codebook.models import Tag
    from monitoring.people.models import Organization, Person

    params = {"start": "1900-01-01", **params}
    pages = {}
    for person in Person.objects.all():
        pages[f"person {person.pk}"] = selectors.person_page(person.pk, params)
    for organization in Organization.objects.all():
        pages[f"organization {organization.pk}"] = selectors.organization_page(organization, params)
    for tag in Tag.objects.all():
        pages[f"tag {tag.pk}"] = selectors.tag_page(tag, params)
    for outlet in {a.outlet for a in Article.objects.select_related("outlet")}:
        pages[f"outlet {outlet.pk}"] = selectors.outlet_page(outlet, params)
    pages["article list"] = selectors.article_list_page(params)
    # The charts, and how many articles the page's list says there are.
    return {
        name: ([chart_data(c) for c in page.get("charts", [])], page["page_obj"].paginator.count)
        for name, page in pages.items()
    }
