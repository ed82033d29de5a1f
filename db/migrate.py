"""Bring a database to the current schema, in code, with a safety copy first.

Alembic revisions live in ``migrations/``. On start and on ``init`` the app calls
``upgrade_database``: a SQLite file that needs upgrading is first copied (SQLite's online backup)
to a timestamped file next to it, then upgraded in one transaction with foreign keys checked
afterwards. PostgreSQL upgrades run in one transaction under an advisory lock, so two offices
starting at once cannot both migrate.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from db.engine import Database
from db.models import Base
from db.revisions import MIGRATIONS_DIR, newest_revision
from db.sqlite_copy import sqlite_online_copy

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a database actually needs migrating: starting on an up-to-date
# database reads the schema version with one query (``stored_revision``) and compares it with
# the newest revision file (``newest_revision``), which keeps 0.4 s of imports off every start.

_PG_MIGRATION_LOCK = 7_240_311_001  # any constant shared by all Convene clients


class SchemaError(Exception):
    """The database cannot be brought to this version's schema (foreign or newer database)."""


@dataclasses.dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup_path: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _check_upgradable(connection: sa.Connection, where: str) -> str | None:
    revision = current_revision(connection)
    if revision is None:
        ours = {t.name for t in Base.metadata.sorted_tables}
        present = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
        if present and not present & ours:
            raise SchemaError(f"{where} is not a Convene database (it holds other tables)")
        if present & ours:
            raise SchemaError(
                f"{where} has Convene tables but no schema version; cannot upgrade it"
            )
    elif revision not in known_revisions():
        raise SchemaError(
            f"{where} was written by a newer version of Convene (schema {revision}); "
            "update Convene to open it"
        )
    return revision


def stored_revision(database: Database) -> str | None:
    """The schema version recorded in the database (None when it has none yet)."""
    with database.engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def upgrade_database(database: Database, *, revision: str = "head") -> UpgradeResult:
    """Upgrade ``database`` to ``revision`` (default: the newest); see the module docstring."""
    if revision == "head":
        current = stored_revision(database)
        if current is not None and current == newest_revision():
            return UpgradeResult(current, current, None)
    if database.is_sqlite:
        return _upgrade_sqlite(database, revision)
    with database.engine.begin() as connection:
        if database.is_postgresql:
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
        before = _check_upgradable(connection, database.describe())
        _run_alembic(connection, "upgrade", revision)
        after = current_revision(connection)
    assert after is not None
    return UpgradeResult(before, after, None)


def downgrade_database(database: Database, revision: str) -> None:
    """Step the schema back (used by tests and by developers; the app never downgrades)."""
    with _migration_connection(database) as connection:
        _run_alembic(connection, "downgrade", revision)


def _run_alembic(connection: sa.Connection, verb: str, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, verb)(config, revision)


@contextlib.contextmanager
def _migration_connection(database: Database) -> Iterator[sa.Connection]:
    if not database.is_sqlite:
        with database.engine.begin() as connection:
            yield connection
        return
    # Batch mode rebuilds SQLite tables (copy, drop, rename); foreign keys must be off while it
    # does, and can only be switched outside a transaction, so migrations get their own engine.
    engine = sa.create_engine(database.url, poolclass=sa.pool.NullPool)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA busy_timeout=30000")

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            yield connection
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if problems:
                raise SchemaError(
                    f"the upgrade would break {len(problems)} references; nothing was changed"
                )
    finally:
        engine.dispose()


def _upgrade_sqlite(database: Database, revision: str) -> UpgradeResult:
    with database.engine.connect() as connection:
        before = _check_upgradable(connection, database.describe())
        has_tables = bool(sa.inspect(connection).get_table_names())
        connection.rollback()
    target = head_revision() if revision == "head" else revision
    if before == target:
        return UpgradeResult(before, target, None)
    backup_path = None
    if has_tables and database.path is not None:
        backup_path = database.path.with_name(
            f"{database.path.stem}-{timestamp()}-before-upgrade{database.path.suffix or '.sqlite'}"
        )
        sqlite_online_copy(database.path, backup_path)
    with _migration_connection(database) as connection:
        _run_alembic(connection, "upgrade", revision)
    database.engine.dispose()  # pooled connections may have cached the old schema
    return UpgradeResult(before, target, backup_path)
