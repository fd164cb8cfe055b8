"""A chart's table rows, written in Python by the `chart_table_rows` filter, are the markup the template loop wrote."""

import datetime

import pytest
from django.template import Context, Template

from monitoring.dashboards.selectors import Chart
from monitoring.dashboards.templatetags.dashboards import chart_table_rows

# The loop _chart.html held before the filter, kept to compare against.
TEMPLATE_LOOP = Template(
    """{% for label, link, values in chart.rows %}
        <tr><th scope="row" title="{{ label }}">{% if link %}<a href="{{ link }}">{{ label }}</a>{% else %}<span>{{ label }}</span>{% endif %}</th>{% for value in values %}<td class="n">{{ value }}</td>{% endfor %}</tr>
      {% endfor %}"""
)

CHARTS = [
    Chart("empty", "Nothing", [], [("Articles", [])]),
    Chart(
        "linked",
        "Outlets",
        ["Wire & <Co>", 'The "Daily"'],
        [("Articles", [12345, 0])],
        links=["/outlets/1/?a=1&b=2", None],
    ),
    Chart(
        "mixed",
        "Weeks",
        ["2024-01-01", "2024-01-08"],
        [
            ("Direct", [1, None]),
            ("Share", [0.5, 2.25]),
            ("Flag", [True, False]),
            ("Day", [datetime.date(2024, 1, 2), 3]),
        ],
    ),
]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda chart: chart.key)
def test_chart_table_rows_match_the_template_loop(chart):
    assert chart_table_rows(chart) == TEMPLATE_LOOP.render(Context({"chart": chart}))


@pytest.mark.parametrize("chart", CHARTS, ids=lambda chart: chart.key)
def test_chart_table_rows_match_the_template_loop_with_thousands_separators(chart, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    assert chart_table_rows(chart) == TEMPLATE_LOOP.render(Context({"chart": chart}))
