"""An organization page's members: the persons printed with a role in it, latest printed first, ties by name,
undated ones last; each person and title once, with the articles that print it."""

import datetime

import pytest

from monitoring.dashboards import selectors
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_members_are_listed_latest_printed_first_then_by_name_undated_last():
    party = OrganizationFactory(name="Party of Progress")
    day = datetime.date(2024, 5, 2)
    # Added in an order that is neither the date's nor the name's.
    for name, days in [("Zora Vidal", [day]), ("Ana Berg", [day, day]), ("Ines Toma", [None]), ("Kit Ruiz", [day])]:
        person = PersonFactory(name=name)
        for published_on in days:
            RoleFactory(
                person=person,
                organization=party,
                title="deputy",
                article=ArticleFactory(published_on=published_on, status="approved"),
                status="confirmed",
            )
    RoleFactory(
        person=PersonFactory(name="Olga Lind"),
        organization=party,
        article=ArticleFactory(published_on=day - datetime.timedelta(days=1), status="approved"),
        status="confirmed",
    )
    members = selectors.organization_page(party, {})["members"]
    assert [(m["name"], m["articles"]) for m in members] == [
        ("Ana Berg", 2),
        ("Kit Ruiz", 1),
        ("Zora Vidal", 1),
        ("Olga Lind", 1),
        ("Ines Toma", 1),
    ]
