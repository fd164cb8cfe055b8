"""The filter form's drop-downs write Django's own <select> markup, byte for byte, without its templates."""

import pytest
from django import forms

from monitoring.dashboards import selectors
from monitoring.dashboards.widgets import FlatSelect
from tests.factories import CountryFactory, OutletFactory, TagFactory

CHOICES = [
    ("", "---------"),
    ("a", "Plain"),
    (7, 'Quotes " and <angles> & ampersands'),
    ("Grouped", [("g1", "First of a group"), ("g2", "Second")]),
]


@pytest.mark.parametrize("value", [None, "", "a", "7", "g2", "missing"])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_pick"}, {"id": "id_pick", "aria-invalid": "true", "required": True, "disabled": False}],
)
def test_flat_select_writes_djangos_markup(value, attrs):
    django_select, flat = forms.Select(choices=CHOICES), FlatSelect(choices=CHOICES)
    assert flat.render("pick", value, attrs) == django_select.render("pick", value, attrs)


def test_filter_form_fields_render_as_djangos_selects_would(db):
    OutletFactory(name="Wire & <Co>")
    TagFactory(name="labour", slug="labour", category="frame")
    CountryFactory(code="FR", name="France")
    form = selectors.filters_bind({"outlet_kind": "wire_agency", "tag": "labour", "country": "XX"}).form
    form.is_valid()
    selects = [field for field in form if isinstance(field.field.widget, FlatSelect)]
    assert {field.name for field in selects} == {
        "outlet",
        "outlet_kind",
        "tag",
        "category",
        "status",
        "country",
        "quote_kind",
        "interval",
    }
    for field in selects:
        django_select = forms.Select(attrs=field.field.widget.attrs, choices=field.field.widget.choices)
        assert str(field) == field.as_widget(widget=django_select), field.name
    assert 'aria-invalid="true"' in str(form["country"])
