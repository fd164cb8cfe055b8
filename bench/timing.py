"""How the benches time a page: a warm-up render, then the median of N renders, then one more render whose SQL
queries are captured (a query count, their times, the HTML).

Imported from the benches' own checkout before any other checkout is put on sys.path (`--project`, `--baseline`),
so that timing a "before" side does not need this module there.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageTiming:
    """The median of the timed renders, and the SQL and body of the render after them."""

    median_ms: float
    queries: list[dict]  # as django.test.utils.CaptureQueriesContext has them: {"sql": ..., "time": ...}
    content: bytes

    @property
    def query_count(self) -> int:
        return len(self.queries)


def page_warm_up(client, url: str, *, clock: Callable[[], float] = time.perf_counter) -> float:
    """Render `url` once (code loaded, caches and connection warm) and return how long it took in milliseconds; a
    page that does not answer 200 ends the bench: its times would be an error page's."""
    started = clock()
    response = client.get(url)
    took = (clock() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return took


def page_measure(client, url: str, *, repeat: int, clock: Callable[[], float] = time.perf_counter) -> PageTiming:
    """The median of `repeat` renders of a warmed-up `url` in milliseconds, and the queries of one more render."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(repeat):
        started = clock()
        client.get(url)
        timings.append((clock() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return PageTiming(statistics.median(timings), list(captured.captured_queries), response.content)


def page_time(client, url: str, *, repeat: int, clock: Callable[[], float] = time.perf_counter) -> PageTiming:
    """A warm-up render of `url`, then `page_measure`."""
    page_warm_up(client, url, clock=clock)
    return page_measure(client, url, repeat=repeat, clock=clock)
