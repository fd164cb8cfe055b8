"""The benches' page timer (bench/timing.py): which renders it times, the median it keeps and the queries it counts.
The clock is a fake one, so nothing here depends on how fast the machine is."""

from dataclasses import dataclass

import pytest
from django.db import connection

from bench.timing import page_time, page_warm_up

pytestmark = pytest.mark.django_db


@dataclass
class Answer:
    status_code: int
    content: bytes


class Client:
    """Answers every GET with `status`, running `queries` SQL statements a render, and remembers the URLs."""

    def __init__(self, *, queries: int = 0, status: int = 200):
        self.queries, self.status, self.urls = queries, status, []

    def get(self, url):
        self.urls.append(url)
        with connection.cursor() as cursor:
            for _ in range(self.queries):
                cursor.execute("SELECT 1")
        return Answer(self.status, f"render {len(self.urls)}".encode())


def clock(*durations_ms: float):
    """A clock read twice a render (start, stop), so that the renders take `durations_ms` in turn."""
    readings = []
    for n, duration in enumerate(durations_ms):
        readings += [float(n), n + duration / 1000]
    return iter(readings).__next__


def test_the_median_of_the_timed_renders_leaves_the_warm_up_out():
    client = Client()
    timing = page_time(client, "/", repeat=3, clock=clock(900, 30, 10, 20))
    assert timing.median_ms == pytest.approx(20)
    # The warm-up, the three timed renders, and the one whose queries are counted.
    assert client.urls == ["/"] * 5


def test_the_query_count_and_body_are_those_of_one_render_after_the_timed_ones():
    client = Client(queries=3)
    timing = page_time(client, "/people/", repeat=2, clock=clock(5, 5, 5))
    assert timing.query_count == 3
    assert [query["sql"] for query in timing.queries] == ["SELECT 1"] * 3
    assert timing.content == b"render 4"


def test_the_warm_up_returns_its_time_and_refuses_a_page_that_does_not_answer_200():
    assert page_warm_up(Client(), "/", clock=clock(250)) == pytest.approx(250)
    with pytest.raises(SystemExit, match="/missing/: HTTP 404"):
        page_warm_up(Client(status=404), "/missing/", clock=clock(1))
