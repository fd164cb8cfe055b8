"""Sending the dashboards' reads to a read replica, when one is configured (DATABASE_REPLICA_URL).

Only the views of `REPLICA_APPS` read there, and only for GET: everything that decides or writes (the reader page,
reviews, imports, the admin, the API's writes) reads the primary, so nobody acts on a lagging copy. A dashboard may
show figures a moment (the replica's lag) behind the last decision.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connection
from django.db.models import Func, IntegerField

REPLICA = "replica"
REPLICA_APPS = ("monitoring.dashboards.",)
_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _replica_reads.get() and REPLICA in settings.DATABASES else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks a dashboard GET so the router sends its reads to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(False)
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "GET" and view_func.__module__.startswith(REPLICA_APPS):
            _replica_reads.set(True)


def statistics_refresh(tables: list[str]) -> None:
    """Fresh planner statistics for `tables` after a bulk write (PostgreSQL; SQLite plans without them). Autovacuum
    would gather them in its own time, if it runs at all (it may be off): until then the planner guesses from an
    empty table and may pick a nested loop over thousands of rows (an outlet's top speakers 1.1 s instead of 10 ms
    at 100,000 articles). Outside a transaction the tables are vacuumed too: that marks the new rows visible to all,
    so counts and lists are answered from indexes alone (counting a million articles 670 -> 150 ms)."""
    if connection.vendor == "postgresql" and tables:
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} {', '.join(connection.ops.quote_name(t) for t in tables)}")


class WholeMinutes(Func):
    """Whole minutes from the first datetime to the second, rounded down, computed the same way (exactly, from
    microseconds) on PostgreSQL and SQLite, so that a figure counted per minute in one place and sorted in another
    agrees to the minute."""

    arity = 2
    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        template = "FLOOR(EXTRACT(EPOCH FROM (%(expressions)s)) / 60)::integer"
        return self._later_first().as_sql(compiler, connection, template=template, arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # django_timestamp_diff(later, earlier): the microseconds between them (a function Django's SQLite backend
        # registers on every connection, as it does FLOOR).
        template = "CAST(FLOOR(django_timestamp_diff(%(expressions)s) / 60000000.0) AS INTEGER)"
        return self._later_first().as_sql(compiler, connection, template=template, **extra)

    def _later_first(self) -> Func:
        """The same expression with its arguments in the order the SQL takes them: the later time first."""
        later_first = self.copy()
        later_first.set_source_expressions(self.get_source_expressions()[::-1])
        return later_first
