"""Writing many rows at once: the import's INSERTs and the JSON text of its audit entries.

An attendee list can hold tens of thousands of rows, so the import writes through the session's
connection with ``executemany`` rather than one ORM object per row. Rows are given column by
column; each column still goes through its type's own bind processor (as SQLAlchemy would do),
and a column holding one value for every row (the time stamps, the event, the actor…) is
processed once. On SQLite, rows of a table with triggers are staged in a temporary table first
(see ``insert_rows``).

Audit entries' ``changes`` are rendered to JSON text here, exactly as ``json.dumps`` (the JSON
column's serializer) writes them, but from pieces: the piece for a field and value that many rows
share (the event, an organisation, the role) is rendered once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring_ascii
from typing import Any

import sqlalchemy as sa

from app.services.records import json_ready

BATCH = 5000  # rows per executemany: progress is reported (and Cancel noticed) between them
IMPORT_CACHE_KIB = 64 * 1024  # SQLite page cache for the import's connection, while it writes


_VERSION_4_CLEARED = ~((0xF000 << 64) | (0xC000 << 48))  # the version and variant bits...
_VERSION_4_SET = (4 << 76) | (0x8000 << 48)  # ...as uuid.UUID(version=4) sets them


def new_ids(count: int) -> list[uuid.UUID]:
    """``count`` random (version 4) UUIDs, from one read of the system's random source (from
    integers: measured 40 % faster than ``UUID(bytes=…, version=4)``; an import makes 220,000)."""
    raw, read = os.urandom(16 * count), int.from_bytes
    cleared, version = _VERSION_4_CLEARED, _VERSION_4_SET
    ids = [_new_uuid(uuid.UUID) for _ in range(count)]
    for made, at in zip(ids, range(0, 16 * count, 16), strict=True):
        # what UUID(int=…) sets, without its checks of arguments that are not given
        _set(made, "int", (read(raw[at : at + 16]) & cleared) | version)
        _set(made, "is_safe", _UNKNOWN)
    return ids


_new_uuid, _set, _UNKNOWN = object.__new__, object.__setattr__, uuid.SafeUUID.unknown


@contextlib.contextmanager
def bulk_write_settings(connection: sa.Connection) -> Iterator[None]:
    """A larger SQLite page cache for this connection while an import writes (a long list
    touches most pages of the indexes of ``person``, ``participation`` and ``audit_entry``;
    measured: 256 MB was no faster than 64 MB). The connection's own setting comes back
    afterwards, as it returns to the pool."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")


@dataclasses.dataclass(frozen=True)
class PreparedRows:
    """Rows of one table as the driver takes them (``prepare_rows``), not written yet."""

    table: sa.Table
    names: list[str]
    rows: list[tuple[Any, ...]]


def prepare_rows(
    dialect: sa.Dialect,
    table: sa.Table,
    columns: Mapping[str, Sequence[Any]],
    constants: Mapping[str, Any],
    *,
    prerendered: tuple[str, ...] = (),
) -> PreparedRows:
    """One row per position of the equally long ``columns`` (name → values), with
    ``constants`` (name → one value for every row), each value as the driver takes it. Values
    are Python values, except those of the ``prerendered`` columns: JSON given as text."""
    count = len(next(iter(columns.values()), ()))
    values = [
        processed_values(table.c[name], list(given), dialect, name in prerendered)
        for name, given in columns.items()
    ]
    values += [
        processed_values(table.c[name], [value], dialect, False) * count
        for name, value in constants.items()
    ]
    return PreparedRows(table, [*columns, *constants], list(zip(*values, strict=True)))


def insert_rows(
    connection: sa.Connection,
    table: sa.Table,
    columns: Mapping[str, Sequence[Any]],
    constants: Mapping[str, Any],
    done: Callable[[int], None],
    *,
    prerendered: tuple[str, ...] = (),
) -> None:
    """INSERT the rows of ``prepare_rows`` (which see), in batches; ``done(n)`` after each."""
    prepared = prepare_rows(connection.dialect, table, columns, constants, prerendered=prerendered)
    write_rows(connection, prepared, done)


def write_rows(
    connection: sa.Connection,
    prepared: PreparedRows,
    done: Callable[[int], None],
    alongside: Alongside | None = None,
) -> None:
    """INSERT ``prepared`` in batches; ``done(n)`` after each batch. PostgreSQL: each batch
    is one COPY (``copy_rows``).

    On SQLite, rows of a table with insert triggers (``person``: the search index) go to a temporary
    table first and across in one INSERT … SELECT: the triggers then fire inside one statement,
    and FTS5 builds its index in bulk instead of flushing it after every row (40,000 people:
    5–8 s row by row, 1.6–2.5 s staged). Given ``alongside``, that one statement is started on
    its second thread and this function returns while it runs."""
    rows, count = prepared.rows, len(prepared.rows)
    if count == 0:
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    listed = ", ".join(quote(name) for name in prepared.names)
    table = quote(prepared.table.name)
    if dialect.name == "postgresql":
        for start in range(0, count, BATCH):
            copy_rows(connection, table, listed, rows[start : start + BATCH])
            done(min(BATCH, count - start))
        return
    staging = _staging_table(connection, prepared.table)
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([marker] * len(prepared.names))
    statement = f"INSERT INTO {staging or table} ({listed}) VALUES ({marks})"
    for start in range(0, count, BATCH):
        connection.exec_driver_sql(statement, rows[start : start + BATCH])
        done(min(BATCH, count - start))
    if staging is None:
        return

    def move() -> None:
        connection.exec_driver_sql(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {staging}")
        connection.exec_driver_sql(f"DROP TABLE {staging}")

    if alongside is None:
        move()
    else:
        alongside.start(move)


class Alongside:
    """One long statement at a time run on a second thread, while this thread goes on preparing
    what comes next. SQLite does not hold Python's lock while it runs a statement, and moving
    an import's staged people into ``person`` (their search index built meanwhile) is one
    statement of 1.7 s for 40,000 people: the Python work of preparing the next tables' rows
    runs during it on another core instead of after it.

    The connection is the second thread's while its statement runs: everyone else takes it
    through ``settled()``, which waits for the statement to end (and raises its error). Use it
    through ``alongside()``, which waits for it at the end even when the block fails."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, work: Callable[[], object]) -> None:
        """Run ``work`` (statements on the connection) on the second thread, once the one
        before has ended."""
        self.settled()
        self._thread = threading.Thread(target=self._run, args=(work,), name="convene-writing")
        self._thread.start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except BaseException as exc:  # (raised again on the first thread, by settled())
            self._error = exc

    def settled(self) -> sa.Connection:
        """The connection, once the statement running on the second thread has ended; raises
        that statement's error, if it failed."""
        self.ended()
        error, self._error = self._error, None
        if error is not None:
            raise error
        return self._connection

    def ended(self) -> None:
        """Wait for the statement running on the second thread to end, even through an
        interruption (Ctrl+C) while waiting, which is raised once it has."""
        interrupted: BaseException | None = None
        while self._thread is not None:
            try:
                self._thread.join()
                self._thread = None
            except BaseException as exc:  # (KeyboardInterrupt: waited for all the same)
                interrupted = interrupted or exc
        if interrupted is not None:
            raise interrupted


@contextlib.contextmanager
def alongside(connection: sa.Connection) -> Iterator[Alongside]:
    """An ``Alongside`` for ``connection`` for the block; its last statement has ended when the
    block does (when the block fails, that statement's own error is dropped for the block's)."""
    second = Alongside(connection)
    try:
        yield second
    except BaseException:
        second.ended()
        raise
    second.settled()


def copy_rows(connection: sa.Connection, table: str, listed: str, rows: Iterable[Any]) -> None:
    """PostgreSQL: ``rows`` (tuples of driver values, in the order of the quoted column names
    ``listed``) into ``table`` with one ``COPY … FROM STDIN``, in the connection's transaction:
    PostgreSQL's bulk path, which skips the parse, plan and round trip of an INSERT per row
    (measured: a 50,000-row import 30 s with INSERTs)."""
    statement = f"COPY {table} ({listed}) FROM STDIN"
    driver_error = connection.dialect.loaded_dbapi.Error
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except driver_error as exc:  # as SQLAlchemy reports the driver's errors (IntegrityError…)
        raise sa.exc.DBAPIError.instance(statement, None, exc, driver_error) from exc


def processed_values(
    column: sa.Column[Any], values: list[Any], dialect: sa.Dialect, raw: bool = False
) -> Any:
    """``values`` of ``column`` as the driver takes them (through the type's bind processor,
    unless ``raw``)."""
    processor = None if raw else column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return values
    kind = column.type
    if (
        isinstance(kind, sa.Uuid)
        and kind.as_uuid
        and not (dialect.supports_native_uuid and kind.native_uuid)
    ):
        # the processor's own text (``UUID.hex``), written out: hashing a UUID to process
        # each distinct one once is Python code, slower than this
        return [None if value is None else f"{value.int:032x}" for value in values]
    try:  # each distinct value processed once (an enumeration, a time stamp, a flag…)
        done = {value: processor(value) for value in set(values)}
    except TypeError:  # not hashable
        return list(map(processor, values))
    return list(map(done.__getitem__, values))


def _staging_table(connection: sa.Connection, table: sa.Table) -> str | None:
    """A new, empty temporary copy of ``table`` when it has insert triggers on SQLite, else
    None."""
    if connection.dialect.name != "sqlite":
        return None
    triggers = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
        " AND sql LIKE '% INSERT ON %'",
        (table.name,),
    ).first()
    if triggers is None:
        return None
    staging = f"staged_{table.name}"
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{staging}")
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE {staging} AS SELECT * FROM main.{table.name} WHERE 0"
    )
    return f"temp.{staging}"


# --- Audit entries' JSON ------------------------------------------------------------------------


def render_value(value: Any) -> str:
    """One value as ``json.dumps(json_ready(value))`` writes it."""
    if value is None:
        return "null"
    if isinstance(value, str):  # also the (str) enumerations
        return encode_basestring_ascii(value)
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is uuid.UUID:  # (hex digits and dashes: nothing to escape)
        return f'"{value}"'
    return json.dumps(json_ready(value))


def render_changes(changes: Mapping[str, Sequence[Any]]) -> str:
    """An audit entry's ``changes`` ({field: [old, new]}) as ``json.dumps`` writes them."""
    return (
        "{"
        + ", ".join(
            f"{encode_basestring_ascii(f)}: [{render_value(old)}, {render_value(new)}]"
            for f, (old, new) in changes.items()
        )
        + "}"
    )


_SHARED = (str, uuid.UUID, dt.date)  # values whose rendered piece is remembered per column
_NONE = type(None)


def created_changes(columns: Mapping[str, Sequence[Any]]) -> list[str]:
    """The ``changes`` of each new record's ``create`` entry, from the record's values given
    column by column: every field that has a value, as [null, value]. Each distinct value of a
    column is rendered once (``_Pieces``) and the column is then looked up value by value (a
    column of numbers or flags, whose True == 1 renders otherwise, is rendered value by value)."""
    pieces = []
    count = 0
    for field, values in columns.items():
        count = len(values)
        if list(values).count(None) == count:
            continue  # (a column the list does not have: nothing to render, row by row)
        opening = f"{encode_basestring_ascii(field)}: [null, "
        if all(map(_is_shared, set(map(type, values)))):
            pieces.append(list(map(_Pieces(opening).__getitem__, values)))
        else:
            pieces.append(
                ["" if v is None or v == "" else f"{opening}{render_value(v)}]" for v in values]
            )
    if not pieces:
        return ["{}"] * count
    return ["{" + ", ".join(filter(None, row)) + "}" for row in zip(*pieces, strict=True)]


class _Pieces(dict[Any, str]):
    """A column's values → their pieces of the JSON text, each rendered when first asked for."""

    def __init__(self, opening: str) -> None:
        super().__init__()
        self.opening = opening

    def __missing__(self, value: Any) -> str:
        piece = "" if value is None or value == "" else f"{self.opening}{render_value(value)}]"
        self[value] = piece
        return piece


def _is_shared(kind: type) -> bool:
    return kind is _NONE or issubclass(kind, _SHARED)
