"""Synthetic test and benchmark data at the size of a twenty-year programme.

``generate(location, people=200_000, participations=1_000_000)`` fills a new database (a SQLite
path or a PostgreSQL URL; migrated first with ``app.database.prepare_database``) with realistic
records: names in Cyrillic and Latin from Central Asian, Russian and partner-country name stock
(patronymics, feminine family names, Turkmen Latin spellings and passport spellings of them), the
five Central Asian countries plus partner countries, each country's agencies of every sector with
regional offices, international organisations, donors and projects, twenty years of events of
every type, format and scope in real cities (some titled in Russian, some known only by reported
head-counts), partners and fields of work, and participations with roles, statuses and modes.
About 30 % of the people are women; a few are in the recycle bin.

This is test and benchmark data: it bypasses the services and writes no audit entries. Rows go
in 20,000 at a time (``INSERT … executemany`` on SQLite, ``COPY`` on PostgreSQL), each value
converted by its column type exactly as the ORM would store it, all in one transaction; a fixed
seed gives the same database (ids included) every time. The search index fills itself as the
people and events go in (triggers on SQLite, a generated column on PostgreSQL); the period
report's figures kept ahead of time are counted at the end (``app.reports.tallies.update``), as
the first period report would do, and how long that took is told apart.

Command line::

    uv run python -m tests.perf.generate --db PATH_OR_URL --people 200000 \\
        --participations 1000000 [--events N] [--seed S]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
import time

import sqlalchemy as sa

from app.database import prepare_database
from app.importing.bulk import copy_rows
from app.progress import Progress, no_progress
from app.reports import tallies
from db.engine import Database
from db.models import (
    Event,
    EventPartner,
    FieldOfWork,
    Organization,
    Participation,
    Person,
    Project,
    event_field_of_work,
    project_donor,
)
from tests.perf import synthetic_attendance as attendance
from tests.perf import synthetic_rows as rows

DEFAULT_SEED = 20_061_009
CHUNK = 20_000
_SQLITE_CACHE_KIB = 256 * 1024
_SEARCH_INDEXED = ("person", "event")  # SQLite tables whose triggers fill the search index


class GeneratorError(Exception):
    """The data cannot be generated as asked (database not empty, impossible sizes)."""


@dataclasses.dataclass(frozen=True)
class GeneratedCounts:
    """What was written, and how long it took (including migrating a new database)."""

    organizations: int
    projects: int
    people: int
    events: int
    participations: int
    seconds: float
    figures_seconds: float = 0.0  # of ``seconds``: counting the period figures kept ahead of time


def default_event_count(participations: int) -> int:
    """About forty listed participants per event, as in the programmes this models."""
    return max(1, participations // 40)


def generate(
    location: str | os.PathLike[str],
    *,
    people: int,
    participations: int,
    events: int | None = None,
    seed: int = DEFAULT_SEED,
    progress: Progress = no_progress,
) -> GeneratedCounts:
    """Migrate the database at ``location`` and fill it (see the module docstring)."""
    started = time.perf_counter()
    database, _ = prepare_database(location)
    try:
        counts = fill_database(
            database, people=people, participations=participations, events=events, seed=seed,
            progress=progress,
        )  # fmt: skip
    finally:
        database.dispose()
    return dataclasses.replace(counts, seconds=time.perf_counter() - started)


def fill_database(
    database: Database,
    *,
    people: int,
    participations: int,
    events: int | None = None,
    seed: int = DEFAULT_SEED,
    progress: Progress = no_progress,
) -> GeneratedCounts:
    """Fill an empty, migrated ``database``; raise GeneratorError if it holds people or events."""
    started = time.perf_counter()
    if people < 1 or participations < 0 or (events is not None and events < 1):
        raise GeneratorError("people and events must be at least 1, participations at least 0")
    stamp = rows.Stamp(random.Random(seed))
    orgs = rows.organizations(stamp)
    project_rows, donor_rows = rows.projects(stamp, orgs)
    crowd = rows.People(stamp, people, orgs)
    event_rows = rows.events(
        stamp, events or default_event_count(participations), orgs, project_rows
    )
    partner_rows, field_rows = rows.event_links(stamp, event_rows, orgs)
    try:
        plan = attendance.plan_attendance(stamp, event_rows, crowd, participations)
    except ValueError as exc:
        raise GeneratorError(str(exc)) from exc
    with database.session_scope() as session:
        connection = session.connection()
        _refuse_if_filled(connection, database)
        if database.is_sqlite:
            connection.exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
        fields = dict(connection.execute(sa.select(FieldOfWork.code, FieldOfWork.id)).all())
        for table, batch in (
            (Organization, orgs.rows),
            (Organization, orgs.units),
            (Project, project_rows),
            (project_donor, donor_rows),
        ):
            _insert(connection, table, batch)
        for start in range(0, len(crowd.rows), CHUNK):
            _insert(connection, Person, crowd.rows[start : start + CHUNK])
            progress(start + CHUNK, people, "people")
        _insert(connection, Event, event_rows)
        _insert(connection, EventPartner, partner_rows)
        _insert(
            connection,
            event_field_of_work,
            [{"event_id": f["event_id"], "field_of_work_id": fields[f["field_of_work_code"]]}
             for f in field_rows],
        )  # fmt: skip
        written = 0
        with tallies.participations_listed_at_end(
            connection, lambda: connection.scalars(sa.select(Event.id))
        ):
            for batch in attendance.participations(stamp, crowd, plan, CHUNK):
                _insert(connection, Participation, batch)
                written += len(batch)
                progress(written, participations, "participations")
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA cache_size=-2000")
    counted = time.perf_counter()
    tallies.update(database)
    figures_seconds = time.perf_counter() - counted
    _tidy(database)
    return GeneratedCounts(
        organizations=len(orgs.rows) + len(orgs.units),
        projects=len(project_rows),
        people=len(crowd.rows),
        events=len(event_rows),
        participations=written,
        seconds=time.perf_counter() - started,
        figures_seconds=figures_seconds,
    )


def _insert(connection: sa.Connection, table: sa.Table | type, batch: list[dict]) -> None:
    """Write ``batch`` (``INSERT … executemany`` on SQLite, ``COPY`` on PostgreSQL), each value
    converted by its column type's own bind processor (so stored exactly as the ORM stores it)
    but without the per-row bookkeeping of ``Connection.execute(insert, rows)``, which costs
    more than SQLite's own work here."""
    if not batch:
        return
    target: sa.Table = table if isinstance(table, sa.Table) else table.__table__  # type: ignore[attr-defined]
    dialect = connection.dialect
    columns = [c for c in target.columns if c.name in batch[0]]
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in columns)
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    plan = [(c.name, _processor(c.type, dialect)) for c in columns]
    values = [
        tuple(row[name] if process is None or row[name] is None else process(row[name])
              for name, process in plan)
        for row in batch
    ]  # fmt: skip
    if connection.dialect.name == "postgresql":
        copy_rows(connection, quote(target.name), names, values)
        return
    staged = connection.dialect.name == "sqlite" and target.name in _SEARCH_INDEXED
    into = f"temp.staged_{target.name}" if staged else quote(target.name)
    if staged:
        # FTS5 writes out its pending index data at the end of every statement, so the search
        # triggers cost 3x more row by row than in one INSERT ... SELECT (27 s against 10 s
        # for 200,000 people): rows go to a plain temporary table first, then across at once.
        connection.exec_driver_sql(
            f"CREATE TEMP TABLE IF NOT EXISTS staged_{target.name} AS "
            f"SELECT {names} FROM {quote(target.name)} WHERE 0"
        )
    connection.exec_driver_sql(
        f"INSERT INTO {into} ({names}) VALUES ({', '.join([marker] * len(columns))})", values
    )
    if staged:
        connection.exec_driver_sql(
            f"INSERT INTO {quote(target.name)} ({names}) SELECT {names} FROM {into}"
        )
        connection.exec_driver_sql(f"DELETE FROM {into}")


def _processor(column_type: sa.types.TypeEngine, dialect: sa.Dialect):  # type: ignore[no-untyped-def]
    """The column type's bind processor; remembered per value for types whose values repeat
    (dates, times, enumerations), which are most of the values here."""
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or isinstance(column_type, sa.Uuid):
        return process
    seen: dict[object, object] = {}

    def remembered(value: object) -> object:
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = process(value)
            return converted

    return remembered


def _refuse_if_filled(connection: sa.Connection, database: Database) -> None:
    for table in (Person, Event):
        if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
            raise GeneratorError(
                f"{database.describe()} already holds records; generate into a new database"
            )


def _tidy(database: Database) -> None:
    """Fold the write-ahead log back into the file (SQLite) or refresh statistics (PostgreSQL),
    as a database that has been in use for a while would have."""
    with database.engine.connect() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            connection.commit()
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.perf.generate", description="Fill a new database with test data."
    )
    parser.add_argument("--db", required=True, help="SQLite file or PostgreSQL URL (new)")
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--participations", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=None, help="default: participations / 40")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        counts = generate(
            args.db, people=args.people, participations=args.participations,
            events=args.events, seed=args.seed,
        )  # fmt: skip
    except Exception as exc:  # one clean line, as the CLI does
        from db.errors import describe_database_error

        message = str(exc) if isinstance(exc, GeneratorError) else describe_database_error(exc)
        print(f"error: {message}", file=sys.stderr)
        return 2
    print(
        f"{counts.people} people, {counts.participations} participations, {counts.events} "
        f"events, {counts.organizations} organisations, {counts.projects} projects "
        f"in {counts.seconds:.1f} s (of which counting the period figures "
        f"{counts.figures_seconds:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
