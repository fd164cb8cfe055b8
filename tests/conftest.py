import pytest

from monitoring.core.roles import ANALYST, EDITOR, REVIEWER

from .factories import UserFactory


@pytest.fixture
def analyst(db):
    return UserFactory(username="ana", role=ANALYST)


@pytest.fixture
def analyst2(db):
    return UserFactory(username="ben", role=ANALYST)


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role=REVIEWER)


@pytest.fixture
def editor(db):
    return UserFactory(username="ed", role=EDITOR)


@pytest.fixture
def outsider(db):
    """Logged in, staff, but in no role group."""
    return UserFactory(username="olga")


@pytest.fixture
def login(client):
    """Log a user into the test client and return the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
