"""The single-user benchmarks of SQLite, on the PostgreSQL server at full size (run by
``tests.perf.bench_server`` on its database before the users start): people search (Latin and
Cyrillic fragments, first 50), sorting the people list by family name and scrolling to row 150,000
(the real list page, as ``bench_gui`` does it), and the period report's figures (also right after a
participation changed). Targets as on SQLite.

Floor: the very SQL Convene sent for the same work (caught as it went to the server), sent again
over a plain psycopg connection: what the server itself needs, without SQLAlchemy, the ORM or Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import sqlalchemy as sa

from tests.perf.bench_gui import _after_a_change, _sort_and_scroll
from tests.perf.bench_search import SCENARIOS
from tests.perf.common import Measurement, best_of

FLOOR = "the same SQL, plain psycopg"


@contextlib.contextmanager
def _caught(engine: sa.Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement ``engine`` sends meanwhile, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def catch(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", catch)
    try:
        yield sent
    finally:
        sa.event.remove(engine, "before_cursor_execute", catch)


def _floor(url: str, database: Any, work: Callable[[], object], repeat: int) -> float:
    """Best time of the statements ``work`` sends, sent again as they were."""
    with _caught(database.engine) as sent:
        work()
    statements = [(s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    dsn = sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as connection:

        def again() -> None:
            with connection.cursor() as cursor:
                for statement, parameters in statements:
                    cursor.execute(statement, parameters)
                    cursor.fetchall()
            connection.rollback()

        return best_of(again, repeat=repeat)


def single_user(url: str) -> list[Measurement]:
    from app import lists
    from app.reports.period_figures import PeriodFilter, period_figures
    from app.search import search_people
    from db.engine import open_database

    database = open_database(url)
    results = []
    try:
        for text, what, target in SCENARIOS:

            def search(text: str = text) -> None:
                with database.session_scope(readonly=True) as session:
                    search_people(session, text)

            results.append(Measurement(
                f"PostgreSQL: people search '{text}' ({what}), first 50",
                best_of(search, repeat=7), floor_seconds=_floor(url, database, search, 7),
                floor=FLOOR, max_seconds=target, unit="ms",
            ))  # fmt: skip
        scrolled = _sort_and_scroll(url)
        by_name = lists.ListQuery(sort="family_name")
        with database.session_scope(readonly=True) as session:
            row = min(150_000, lists.count_rows(session, lists.PEOPLE, by_name) - 1)

        def page() -> None:  # the page of 200 rows the list reads to show that row
            with database.session_scope(readonly=True) as session:
                lists.fetch_rows(session, lists.PEOPLE, by_name, row - row % 200, 200)

        results.append(Measurement(
            f"PostgreSQL: {scrolled.scenario}", scrolled.seconds,
            floor_seconds=_floor(url, database, page, 5), floor=FLOOR + ", the page at the row",
            max_seconds=scrolled.max_seconds, unit="ms",
        ))  # fmt: skip
        period = PeriodFilter(dt.date(2000, 1, 1), dt.date.today())

        def figures() -> None:
            with database.session_scope(readonly=True) as session:
                period_figures(session, period)

        floor = _floor(url, database, figures, 3)
        results.append(Measurement(
            "PostgreSQL: period report figures over all twenty years", best_of(figures, repeat=3),
            floor_seconds=floor, floor=FLOOR, max_seconds=1.0,
        ))  # fmt: skip
        results.append(Measurement(
            "PostgreSQL:   the same, right after a participation changed",
            _after_a_change(database, figures), floor_seconds=floor, floor=FLOOR, max_seconds=1.0,
        ))  # fmt: skip
    finally:
        database.dispose()
    return results
