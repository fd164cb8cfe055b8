import pytest

pytestmark = pytest.mark.browser


def test_the_live_server_thread_has_a_connection_of_its_own(live_server, transactional_db):
    """A connection shared by the test and the server thread can deadlock (see the conftest): never share one."""
    from django.db import connection

    assert connection.vendor != "sqlite" or not connection.is_in_memory_db()
    assert live_server.thread.connections_override == {}
