"""Time charts show every period of the range, empty ones as zero, on a continuous axis."""

import datetime
import json
import re

import pytest

from monitoring.articles.models import Article
from monitoring.dashboards.selectors import coverage_over_time, periods_between
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

D = datetime.date


def chart_config(html: str, key: str) -> dict:
    found = re.search(rf'<script id="chart-{key}-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    "interval, first, last, expected",
    [
        ("day", D(2024, 2, 27), D(2024, 3, 2), ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]),
        ("week", D(2024, 3, 6), D(2024, 3, 18), ["2024-03-04", "2024-03-11", "2024-03-18"]),
        ("month", D(2023, 11, 30), D(2024, 2, 1), ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"]),
    ],
)
def test_periods_between(interval, first, last, expected):
    assert [d.isoformat() for d in periods_between(first, last, interval)] == expected


@pytest.mark.django_db
def test_empty_days_are_zero_across_the_chosen_range():
    for day in (D(2024, 3, 2), D(2024, 3, 2), D(2024, 3, 5)):
        ArticleFactory(published_on=day, status="approved")
    chart = coverage_over_time(Article.objects.all(), interval="day", span=(D(2024, 3, 1), D(2024, 3, 6)))
    assert chart.labels == [f"2024-03-0{n}" for n in range(1, 7)]
    assert chart.series == [("Articles", [0, 2, 0, 0, 1, 0])]


@pytest.mark.django_db
def test_an_open_range_runs_from_the_first_to_the_last_period_with_data():
    ArticleFactory(published_on=D(2024, 1, 15), status="approved")
    ArticleFactory(published_on=D(2024, 4, 2), status="approved")
    chart = coverage_over_time(Article.objects.all(), interval="month")
    assert chart.labels == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert chart.series == [("Articles", [1, 0, 0, 1])]


def test_overview_and_person_charts_are_continuous(login, analyst):
    speaker = PersonFactory(name="Ana Lima")
    for day in (D(2024, 3, 4), D(2024, 3, 25)):
        QuoteFactory(article=ArticleFactory(published_on=day, status="approved"), speaker=speaker, status="confirmed")
    client = login(analyst)
    html = client.get("/?start=2024-03-01&end=2024-03-31&interval=week").content.decode()
    volume = chart_config(html, "volume")
    assert volume["labels"] == ["2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"]
    assert volume["series"][0]["data"] == [0, 1, 0, 0, 1]
    html = client.get(f"/people/{speaker.pk}/?start=2024-03-01&end=2024-03-31&interval=week").content.decode()
    quotes = chart_config(html, "quotes_volume")
    assert len(quotes["labels"]) == 5
    assert [sum(values) for values in zip(*(s["data"] for s in quotes["series"]), strict=True)] == [0, 1, 0, 0, 1]


@pytest.mark.django_db
def test_a_huge_range_falls_back_to_the_data_extent():
    ArticleFactory(published_on=D(2024, 3, 2), status="approved")
    chart = coverage_over_time(Article.objects.all(), interval="day", span=(D(1900, 1, 1), D(2100, 1, 1)))
    assert chart.labels == ["2024-03-02"]
