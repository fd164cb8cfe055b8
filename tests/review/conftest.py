import pytest
from django.contrib.auth.models import Group

from monitoring.codebook.models import Tag
from monitoring.core.roles import ANALYST, REVIEWER
from tests.factories import ArticleFactory, TagFactory, UserFactory


@pytest.fixture
def frame(db) -> Tag:
    return TagFactory(name="economic threat", slug="economic-threat", category="frame")


@pytest.fixture
def reviewer2(db):
    return UserFactory(username="rob", role=REVIEWER)


@pytest.fixture
def analyst_reviewer(db):
    """Holds both roles: may analyse, may review, but never approve what they analysed."""
    user = UserFactory(username="alex", role=ANALYST)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


@pytest.fixture
def in_analysis(analyst):
    """An article claimed by `analyst`, with no pending suggestions."""
    return ArticleFactory(status="in_analysis", assignee=analyst)
