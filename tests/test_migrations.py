"""Models and migrations agree, and the schema can go down and up again, on both databases."""

from __future__ import annotations

import sqlite3
import stat
import warnings

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.database import prepare_database
from db.engine import open_database
from db.migrate import (
    SchemaError,
    current_revision,
    downgrade_database,
    head_revision,
    upgrade_database,
)
from db.models import Base
from db.search_schema import include_name


def _expression_indexes(database) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The expression indexes of the database as created (name → SQL, spaces squeezed)."""
    if database.is_sqlite:
        query = sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE :p")
    else:
        query = sa.text("SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE :p")
    with database.engine.connect() as connection:
        rows = connection.execute(query, {"p": "%(%(%"})
        return {name: " ".join(sql.split()) for name, sql in rows}


def _differences(database) -> list:  # type: ignore[no-untyped-def]
    """What autogenerate finds different; SQLite cannot reflect expression indexes (Alembic
    warns and skips them), so those are compared by ``_expression_indexes_agree``."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_name": include_name,
            },
        )
        with warnings.catch_warnings():
            if database.is_sqlite:
                warnings.filterwarnings("ignore", "(?i).*expression-based index")
            return compare_metadata(context, Base.metadata)


def _expression_indexes_agree(database) -> None:  # type: ignore[no-untyped-def]
    """Every expression index of the models exists, on the expressions the models give."""
    expected = {
        index.name: [str(e) for e in index.expressions if isinstance(e, sa.TextClause)]
        for table in Base.metadata.sorted_tables
        for index in table.indexes
        if any(isinstance(e, sa.TextClause) for e in index.expressions)
    }
    assert expected  # the search order index at least
    found = _expression_indexes(database)
    for name, expressions in expected.items():
        assert name in found, name
        squeezed = found[name].replace("::text", "").replace("COALESCE", "coalesce")
        for expression in expressions:
            assert expression.strip("()") in squeezed, (name, expression, found[name])


def _table_names(database) -> set[str]:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        return set(sa.inspect(connection).get_table_names())


def test_models_and_migrations_agree(any_db) -> None:  # type: ignore[no-untyped-def]
    assert _differences(any_db) == []
    _expression_indexes_agree(any_db)


def test_upgrade_downgrade_upgrade(any_db) -> None:  # type: ignore[no-untyped-def]
    ours = {t.name for t in Base.metadata.sorted_tables}
    assert ours <= _table_names(any_db)
    downgrade_database(any_db, "base")
    assert not ours & _table_names(any_db)
    result = upgrade_database(any_db)
    assert result.to_revision == head_revision()
    assert ours <= _table_names(any_db)
    assert _differences(any_db) == []
    _expression_indexes_agree(any_db)


def test_new_sqlite_file_is_created_owner_only_and_migrated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sub" / "new.sqlite"
    database, result = prepare_database(path)
    try:
        assert result.from_revision is None and result.backup_path is None
        with database.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    finally:
        database.dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_existing_file_is_backed_up_before_upgrading(sqlite_path) -> None:  # type: ignore[no-untyped-def]
    database = open_database(sqlite_path)
    downgrade_database(database, "base")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE IF NOT EXISTS alembic_version (version_num text)")
    result = upgrade_database(database)
    database.dispose()
    assert result.backup_path is not None
    assert result.backup_path.parent == sqlite_path.parent
    assert "before-upgrade" in result.backup_path.name
    assert stat.S_IMODE(result.backup_path.stat().st_mode) == 0o600
    copy = sqlite3.connect(result.backup_path)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


def test_up_to_date_database_is_not_copied(sqlite_path) -> None:  # type: ignore[no-untyped-def]
    database, result = prepare_database(sqlite_path)
    database.dispose()
    assert result.backup_path is None and not result.changed
    assert {p.name for p in sqlite_path.parent.iterdir()} <= {
        "convene.sqlite",
        "convene.sqlite-shm",
        "convene.sqlite-wal",
    }


def test_foreign_sqlite_database_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id integer)")
    connection.commit()
    connection.close()
    with pytest.raises(SchemaError, match="not a Convene database"):
        prepare_database(path)


def test_newer_schema_is_refused(sqlite_path) -> None:  # type: ignore[no-untyped-def]
    connection = sqlite3.connect(sqlite_path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()
    with pytest.raises(SchemaError, match="newer version of Convene"):
        prepare_database(sqlite_path)


def test_newest_revision_read_from_the_files_is_alembics_head() -> None:
    from db.migrate import newest_revision

    assert newest_revision() == head_revision()


def test_starting_on_an_up_to_date_database_does_not_load_alembic(sqlite_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    code = (
        "import sys; from app.database import prepare_database; "
        f"d, r = prepare_database({str(sqlite_path)!r}); d.dispose(); "
        "print(r.changed, 'alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
