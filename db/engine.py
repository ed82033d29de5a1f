"""Where the database is, how to connect to it, and the one way to get a session.

The default is a SQLite file in the per-user data directory; ``--db`` or ``CONVENE_DB`` select
another file or any SQLAlchemy URL (PostgreSQL through psycopg 3 for shared use). There is no
global session: callers open ``Database.session_scope()`` for one user action or job.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from db import APP_NAME, default_data_dir, default_sqlite_path  # noqa: F401 (re-exported)
from db.secrets import redact, with_stored_password

ENV_DB = "CONVENE_DB"
ENV_USER = "CONVENE_USER"
SQLITE_BUSY_TIMEOUT_MS = 30_000
BEGIN_ATTEMPTS = 5  # each waits up to the busy timeout
# How long the WAL checkpoint after an erasure waits for other connections before it is left
# for later (it must not hold up the window).
ERASED_CHECKPOINT_WAIT_MS = 500
# Set (by db.erasure.mark_erased) on a connection whose transaction erased personal data.
ERASED_FLAG = "convene_erased"
# A shared server's views of people and audit entries without contact details (db.server_roles).
RESTRICTED_SCHEMA = "convene_restricted"


class DatabaseLocationError(Exception):
    """The given database location cannot be used (bad URL, unwritable folder...)."""


class NoDatabaseError(DatabaseLocationError):
    """A command that only reads (or needs records already there) was pointed at a SQLite file
    that does not exist: nothing is created, so a mistyped ``--db`` leaves no stray database."""


def current_actor() -> str:
    """The name written into audit entries: ``CONVENE_USER`` if set, else the OS user."""
    configured = os.environ.get(ENV_USER, "").strip()
    if configured:
        return configured[:100]
    try:
        return getpass.getuser()[:100]
    except Exception:  # no login name in some containers and services
        return "unknown"


def resolve_url(location: str | os.PathLike[str] | None = None) -> URL:
    """Turn ``--db`` (a path or a URL), else ``CONVENE_DB``, else the default, into a URL."""
    value = os.fspath(location) if location is not None else os.environ.get(ENV_DB) or ""
    if not value.strip():
        return URL.create("sqlite", database=str(default_sqlite_path()))
    value = value.strip()
    if "://" in value or value.startswith("sqlite:"):
        try:
            url = make_url(value)
        except sa.exc.ArgumentError as exc:
            raise DatabaseLocationError(f"not a database URL: {redact(value)}") from exc
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def sqlite_file_of(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def create_owner_only_file(path: Path) -> None:
    """Create an empty file readable and writable by its owner only (SQLite accepts it)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def truncate_wal(dbapi_connection: Any, wait_ms: int) -> bool:
    """Checkpoint the WAL into the database file and truncate it to nothing, waiting at most
    ``wait_ms`` for other connections; True when done (False while another connection still
    reads an older snapshot, whose pages the file must keep until it ends)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={wait_ms}")
        busy, _log, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy
    except sqlite3.Error:
        return False
    finally:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()


def _left_over_wal(path: Path | None) -> bool:
    try:
        return path is not None and Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _configure_sqlite(engine: sa.Engine) -> set[bool]:
    """Set up every connection of ``engine``; returns the engine's "WAL checkpoint still to
    do" marker (non-empty while one is pending)."""
    checkpoint_pending: set[bool] = set()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" below decide how transactions start (pysqlite's own
        # handling defers BEGIN and cannot start a write transaction up front).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # Deleted and overwritten content is zeroed, not left in free space, so an erased
        # person's values do not survive in the file (see db.erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection, record):  # type: ignore[no-untyped-def]
        # After a transaction that erased personal data (db.erasure.mark_erased), the WAL still
        # holds the erased values: checkpoint it into the file and truncate it. While another
        # connection reads an older snapshot this cannot complete; it is then tried again each
        # time a connection comes back, and when the database is closed.
        fresh = record is not None and record.info.pop(ERASED_FLAG, False)
        if fresh or checkpoint_pending:
            checkpoint_pending.add(True)
            # A retry does not wait: it is made each time any connection comes back.
            if truncate_wal(dbapi_connection, ERASED_CHECKPOINT_WAIT_MS if fresh else 0):
                checkpoint_pending.clear()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        # A write transaction takes the write lock at once, waiting up to the busy timeout,
        # instead of failing half-way when it first writes after reading a stale snapshot.
        # If another program holds the lock even longer (a long import), BEGIN is tried again:
        # nothing has been done yet in this transaction, so retrying it is always safe.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        for attempt in range(BEGIN_ATTEMPTS):
            try:
                connection.exec_driver_sql(f"BEGIN {mode}")
                return
            except sa.exc.OperationalError as exc:
                if "locked" not in str(exc.orig) or attempt == BEGIN_ATTEMPTS - 1:
                    raise
                time.sleep(min(0.05 * 2**attempt, 1.0))

    return checkpoint_pending


_RESTRICT_CHECK = (
    "SELECT to_regnamespace(%s) IS NOT NULL AND to_regclass('public.person') IS NOT NULL "
    "AND NOT has_column_privilege('public.person', 'email', 'SELECT')"
)


def _restrict_postgresql(dbapi_connection: Any, _record: Any) -> None:
    """On a new PostgreSQL connection: a login that may not read contact details reads
    ``person`` and ``audit_entry`` through the restricted views of a shared server
    (``db.server_roles``; the server refuses it the tables' contact columns either way)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(_RESTRICT_CHECK, (RESTRICTED_SCHEMA,))
        if cursor.fetchone()[0]:
            cursor.execute(f"SET search_path = {RESTRICTED_SCHEMA}, public")
    finally:
        cursor.close()
    dbapi_connection.commit()


class Database:
    """One database (engine plus session factory) and the scopes to work in it."""

    def __init__(self, url: URL, *, echo: bool = False, create: bool = True) -> None:
        """``create``: make the SQLite file (and its folder) when it does not exist yet;
        otherwise a missing file raises NoDatabaseError before anything is made."""
        self.url = url
        self.path = sqlite_file_of(url)
        if self.path is not None and not create and not self.path.exists():
            raise NoDatabaseError(
                f"No database at {self.path}; check --db, or create one with 'init'"
            )
        if self.path is not None:
            try:
                create_owner_only_file(self.path)
            except OSError as exc:
                raise DatabaseLocationError(
                    f"cannot create the database file {self.path}: {exc.strerror}"
                ) from exc
        if self.is_sqlite:
            self.engine = sa.create_engine(
                url, echo=echo, connect_args={"check_same_thread": False}
            )
            self._checkpoint_pending = _configure_sqlite(self.engine)
            if _left_over_wal(self.path):
                # A program that erased and was killed before its clean-up left the old pages
                # in the WAL: clean up once this process first gives a connection back.
                self._checkpoint_pending.add(True)
            self._write_bind = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = sa.create_engine(url, echo=echo, pool_pre_ping=True)
            if self.is_postgresql:
                event.listen(self.engine, "connect", _restrict_postgresql)
            self._write_bind = self.engine
            self._checkpoint_pending = set()
        self._sessions = sessionmaker(expire_on_commit=False)
        self._login: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    def describe(self) -> str:
        """The location for messages and window titles, without any password."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session_scope(
        self, *, readonly: bool = False, actor: str | None = None
    ) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        ``readonly`` scopes never commit and on SQLite do not take the write lock. ``actor``
        (default: ``current_actor()``) is who the audit trail names for writes in this scope.
        """
        session = self._sessions(bind=self.engine if readonly else self._write_bind)
        session.info["actor"] = self.login or actor or current_actor()
        try:
            yield session
            if not readonly:
                session.commit()
            # A read-only scope just closes: its transaction ends without expiring the loaded
            # objects, which stay usable (detached) after the block.
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def login(self) -> str | None:
        """On a PostgreSQL server set up for shared use (``server setup``), the login
        (``session_user``), which the server writes into every audit entry whatever
        ``CONVENE_USER`` says; None elsewhere."""
        if self.is_postgresql and self._login is None:
            with self.engine.connect() as connection:
                login, stamped = connection.execute(
                    sa.text("SELECT session_user, to_regproc('convene_stamp_audit') IS NOT NULL")
                ).one()
            self._login = str(login)[:100] if stamped else ""
        return self._login or None

    @property
    def wal_checkpoint_pending(self) -> bool:
        """True while erased values may still sit in the WAL (see ``truncate_wal``)."""
        return bool(self._checkpoint_pending)

    def dispose(self) -> None:
        if self._checkpoint_pending and self.path is not None:
            # The last try: by now other connections of this process are closed; with
            # readers elsewhere still on an old snapshot, SQLite itself checkpoints when the
            # last connection to the file closes.
            with (
                contextlib.suppress(sqlite3.Error),
                contextlib.closing(
                    sqlite3.connect(self.path, timeout=ERASED_CHECKPOINT_WAIT_MS / 1000)
                ) as connection,
            ):
                if truncate_wal(connection, ERASED_CHECKPOINT_WAIT_MS):
                    self._checkpoint_pending.clear()
        self.engine.dispose()


def statement_interrupter(session: Session) -> Callable[[], None]:
    """A function that stops the statement ``session`` is running, callable from another
    thread (the statement then fails with an "interrupted" or "canceling" error). It binds the
    session to its connection, so the function stops that connection's work."""
    dbapi = session.connection().connection.dbapi_connection
    if hasattr(dbapi, "interrupt"):  # sqlite3
        return dbapi.interrupt
    return dbapi.cancel_safe  # psycopg 3: asks the server to cancel the running query


def open_database(
    location: str | os.PathLike[str] | None = None, *, echo: bool = False, create: bool = True
) -> Database:
    """Connect to the database at ``location`` (see ``resolve_url``); does not migrate. With
    ``create=False`` a SQLite file that does not exist raises NoDatabaseError."""
    return Database(with_stored_password(resolve_url(location)), echo=echo, create=create)
