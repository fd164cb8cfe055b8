"""A briefing's date range is typed as every date on the site: ISO `YYYY-MM-DD` in a text input, the dashboards
filters' widget, never a browser date picker that shows the reader's locale format."""

import re

import pytest
from django.urls import reverse

from monitoring.alerts import services as alerts
from monitoring.alerts.forms import BriefingRangeForm
from monitoring.briefings.forms import BriefingForm
from monitoring.dashboards.filters import iso_date_widget

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form_class", [BriefingForm, BriefingRangeForm])
def test_briefing_dates_use_the_filters_iso_widget(form_class):
    form = form_class()
    expected = iso_date_widget()
    for name in ("since", "until"):
        widget = form.fields[name].widget
        assert widget.input_type == "text" and widget.attrs == expected.attrs and widget.format == "%Y-%m-%d"


def test_briefing_form_reads_iso_dates_and_refuses_others():
    assert BriefingForm({"search": 1, "since": "2024-04-01", "until": "2024-06-30"}).is_valid()
    form = BriefingForm({"search": 1, "since": "01/04/2024"})
    assert not form.is_valid() and "since" in form.errors


def test_my_searches_offer_briefing_dates_as_iso_text(login, analyst):
    first = alerts.search_save(user=analyst, name="Water", path="/articles/", params="tag=water")
    second = alerts.search_save(user=analyst, name="Floods", path="/articles/", params="q=flood")
    page = login(analyst).get(reverse("alerts:searches")).content.decode()
    assert 'type="date"' not in page
    for search in (first, second):
        for name in ("since", "until"):
            field = re.search(rf'<input type="text" name="{name}"[^>]*id="briefing-{search.pk}-{name}"[^>]*>', page)
            assert field and 'placeholder="YYYY-MM-DD"' in field.group(0), (search, name)
            assert f'<label for="briefing-{search.pk}-{name}">' in page
