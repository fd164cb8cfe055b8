"""One date format everywhere: ISO `YYYY-MM-DD` on pages, in the admin and in the filter inputs."""

import datetime

import pytest
from django.template import Context, Template

from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_dates_render_iso_whatever_the_template_says():
    day = datetime.date(2024, 3, 8)
    html = Template('{{ day }}|{{ day|date }}|{{ day|date:"DATE_FORMAT" }}|{{ day|date:"SHORT_DATE_FORMAT" }}').render(
        Context({"day": day})
    )
    assert html == "2024-03-08|2024-03-08|2024-03-08|2024-03-08"


def test_queues_and_indexes_print_iso_dates(login, analyst):
    outlet = OutletFactory(name="Harbour Times")
    ArticleFactory(outlet=outlet, status="in_analysis", assignee=analyst, due_on=datetime.date(2030, 3, 8))
    ArticleFactory(outlet=outlet, status="approved", published_on=datetime.date(2024, 3, 8))
    client = login(analyst)
    assert "2030-03-08" in client.get("/review/").content.decode()
    html = client.get("/outlets/").content.decode()
    assert "2024-03-08" in html and "March" not in html


def test_filter_inputs_take_and_show_iso(login, analyst):
    html = login(analyst).get("/articles/?start=2024-03-08").content.decode()
    assert 'name="start" value="2024-03-08" placeholder="YYYY-MM-DD"' in html
    assert 'type="date"' not in html


def test_another_date_format_in_a_filter_is_refused_with_the_message(login, analyst):
    ArticleFactory(status="approved")
    html = login(analyst).get("/articles/?start=08/03/2024").content.decode()
    assert 'id="filter-errors"' in html and "Enter a valid date" in html


def test_admin_lists_iso_dates(admin_client):
    ArticleFactory(headline="Budget passed", published_on=datetime.date(2024, 3, 8))
    html = admin_client.get("/admin/articles/article/").content.decode()
    assert "2024-03-08" in html and "March 8, 2024" not in html and "8 March 2024" not in html
