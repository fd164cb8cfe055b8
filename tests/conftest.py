import pytest

from monitoring.core.roles import ANALYST, EDITOR, REVIEWER  # plain data, no Django import

# Model imports stay inside the fixtures: tests/ingest runs without Django (-p no:django).


def user_make(username, role=None):
    from .factories import UserFactory

    return UserFactory(username=username, role=role)


@pytest.fixture
def analyst(db):
    return user_make("ana", ANALYST)


@pytest.fixture
def analyst2(db):
    return user_make("ben", ANALYST)


@pytest.fixture
def reviewer(db):
    return user_make("rita", REVIEWER)


@pytest.fixture
def editor(db):
    return user_make("ed", EDITOR)


@pytest.fixture
def outsider(db):
    """Logged in, staff, but in no role group."""
    return user_make("olga")


@pytest.fixture
def login(client):
    """Log a user into the test client and return the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login
