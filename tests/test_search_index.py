"""The search index stays right whatever writes the data: services, raw SQL, upgrades from a
database that had no index, backups and restores, VACUUM; and PostgreSQL really uses it."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa

from app.database import prepare_database
from app.search import event_search_clause, people_search_clause, search_events, search_people
from app.services import events, people
from db.backup import backup_database, restore_database
from db.engine import open_database
from db.migrate import SchemaError, downgrade_database, head_revision, upgrade_database
from db.models import Event, Person
from tests.perf.generate import fill_database


def _names(database, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        return {p.family_name or p.family_name_local for p in search_people(session, text, 500)}


def _sqlite_index_in_step(database) -> bool:  # type: ignore[no-untyped-def]
    """Every person and event has exactly one row in its search table, under its own rowid."""
    with database.engine.connect() as connection:
        for table in ("person", "event"):
            rows, indexed, paired = connection.exec_driver_sql(
                f"SELECT (SELECT count(*) FROM {table}), (SELECT count(*) FROM {table}_search),"
                f" (SELECT count(*) FROM {table} t JOIN {table}_search s"
                f"  ON s.rowid = t.rowid AND s.{table}_id = t.id)"
            ).one()
            if not rows == indexed == paired:
                return False
    return True


def test_every_write_path_keeps_the_index_right(any_db) -> None:  # type: ignore[no-untyped-def]
    # Bulk Core inserts (imports, restores, the generator) are indexed by the database itself.
    fill_database(any_db, people=50, participations=100, events=5)
    with any_db.session_scope(readonly=True) as session:
        first = session.scalars(
            sa.select(Person).where(Person.deleted_at.is_(None)).order_by(Person.id)
        ).first()
        fragment = (first.family_name or first.family_name_local)[1:5]
        assert first.id in {p.id for p in search_people(session, fragment, 500)}
    with any_db.session_scope() as session:
        person = people.create_person(session, family_name="Xanthow", given_name="Serdar")
        people.create_person(session, family_name_local="Ксантова", given_name_local="Ксантиппа")
    assert _names(any_db, "xant") == {"Xanthow"} and _names(any_db, "ксанти") == {"Ксантова"}
    with any_db.session_scope() as session:
        people.update_person(session, person.id, person.version, family_name="Ypsilow")
    assert _names(any_db, "xant") == set() and _names(any_db, "ypsil") == {"Ypsilow"}
    with any_db.engine.begin() as connection:  # raw SQL
        connection.execute(sa.update(Person).where(Person.family_name == "Ypsilow")
                           .values(email="s.ypsilow@border.gov.tm"))  # fmt: skip
        connection.execute(sa.delete(Person).where(Person.family_name_local == "Ксантова"))
    assert _names(any_db, "ypsilow@border.gov.t") == {"Ypsilow"}
    assert _names(any_db, "ксанти") == set()
    with any_db.session_scope() as session:
        people.delete_person(session, person.id)  # soft delete: the caller's filter hides it
    assert _names(any_db, "ypsil") == set()
    if any_db.is_sqlite:
        assert _sqlite_index_in_step(any_db)


def test_upgrade_indexes_existing_rows_and_downgrade_removes_the_index(any_db) -> None:  # type: ignore[no-untyped-def]
    # Written by today's models (they cannot write a 0001 schema), then the index is taken away.
    with any_db.session_scope() as session:
        people.create_person(session, family_name="Nurmuhammedow", given_name="Ýusup")
        events.create_event(session, title="Workshop on canine detection", type="workshop",
                            start_date="2021-03-01", end_date="2021-03-02", city="Mary")  # fmt: skip
    downgrade_database(any_db, "0001")
    with any_db.engine.connect() as connection:
        inspector = sa.inspect(connection)
        assert "person_search" not in inspector.get_table_names()
        assert not [i for i in inspector.get_indexes("person") if "search" in i["name"]]
        assert "search_words" not in {c["name"] for c in inspector.get_columns("person")}
        if any_db.is_postgresql:
            assert not connection.exec_driver_sql(
                "SELECT proname FROM pg_proc WHERE starts_with(proname, 'convene_')"
            ).all()
    upgrade_database(any_db)  # indexes the rows that are there
    assert _names(any_db, "muhammed ýus") == {"Nurmuhammedow"}
    assert _names(any_db, "NURMUHAMMEDOW Ý") == {"Nurmuhammedow"}
    with any_db.session_scope(readonly=True) as session:
        assert [e.city for e in search_events(session, "canine Ma")] == ["Mary"]
    if any_db.is_sqlite:
        assert _sqlite_index_in_step(any_db)


def test_restore_and_vacuum_leave_the_index_right(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fill_database(sqlite_db, people=300, participations=900, events=30, seed=3)
    backup = backup_database(sqlite_db, tmp_path / "before.sqlite")
    before = _names(sqlite_db, "ova")
    with sqlite_db.session_scope() as session:
        people.create_person(session, family_name="Zzyzx")
    with sqlite_db.engine.begin() as connection:
        connection.execute(
            sa.delete(Person).where(Person.family_name.like("%ova"), ~Person.participations.any())
        )
    assert _names(sqlite_db, "zzyzx") == {"Zzyzx"} and _names(sqlite_db, "ova") != before
    restore_database(sqlite_db, backup)
    assert _names(sqlite_db, "zzyzx") == set() and _names(sqlite_db, "ova") == before
    assert _sqlite_index_in_step(sqlite_db)
    # The index relies on rowids, which VACUUM keeps even with gaps left by deleted rows.
    with sqlite_db.engine.begin() as connection:
        connection.execute(sa.delete(Person).where(~Person.participations.any(),
                                                   Person.family_name.like("%a%")))  # fmt: skip
    before = _names(sqlite_db, "ova")
    sqlite_db.dispose()
    connection = sqlite3.connect(sqlite_db.path)
    gaps = connection.execute("SELECT max(rowid) - count(*) FROM person").fetchone()[0]
    connection.execute("VACUUM")
    connection.close()
    assert gaps > 5
    assert _names(sqlite_db, "ova") == before and _sqlite_index_in_step(sqlite_db)


@pytest.mark.postgres
def test_postgresql_backup_file_and_restore_are_searchable(pg_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fill_database(pg_db, people=200, participations=600, events=20, seed=5)
    expected = _names(pg_db, "ata")
    assert expected
    copy = open_database(backup_database(pg_db, tmp_path / "pg.sqlite"))
    try:
        assert _names(copy, "ata") == expected and _sqlite_index_in_step(copy)
    finally:
        copy.dispose()
    with pg_db.engine.begin() as connection:
        connection.execute(sa.delete(Person).where(~Person.participations.any()))
        connection.execute(sa.update(Person).values(family_name=None))
    assert _names(pg_db, "ata") != expected
    restore_database(pg_db, tmp_path / "pg.sqlite")
    assert _names(pg_db, "ata") == expected


def _index_rows(connection, query) -> int | None:  # type: ignore[no-untyped-def]
    """How many rows the search index hands to the table in ``query``'s plan (None: unused)."""
    sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    plan = connection.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).scalar()
    nodes = [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if str(node.get("Index Name", "")).endswith("_search_words"):
            return node["Actual Rows"]
        nodes.extend(node.get("Plans", []))
    return None


@pytest.mark.postgres
def test_postgresql_index_narrows_latin_and_cyrillic_searches(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    # pg_trgm only sees Cyrillic letters as letters in a database with a UTF-8 LC_CTYPE (as the
    # README says); the test cluster's own databases use the C locale.
    pg_cluster._admin(
        "CREATE DATABASE utf8_office TEMPLATE template0 LC_CTYPE 'C.UTF-8' LC_COLLATE 'C'"
    )
    database, _ = prepare_database(pg_cluster.url("utf8_office"))
    try:
        fill_database(database, people=600, participations=1200, events=40, seed=11)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SET enable_seqscan = off")
            for text in ("ata", "ова", "ат", "y", "mail.ru", "вед", "2019-0"):
                people_rows = _index_rows(connection, sa.select(Person.id).where(
                    people_search_clause("postgresql", text)))  # fmt: skip
                event_rows = _index_rows(connection, sa.select(Event.id).where(
                    event_search_clause("postgresql", text)))  # fmt: skip
                assert people_rows is not None and people_rows < 300, (text, people_rows)
                assert event_rows is not None and event_rows < 20, (text, event_rows)
    finally:
        database.dispose()
        pg_cluster.drop_database("utf8_office")


def _as_admin(url: str, sql: str) -> None:
    database = open_database(url)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(sql)
    finally:
        database.dispose()


@pytest.mark.postgres
def test_postgresql_without_rights_to_add_pg_trgm_gets_a_clear_message(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    pg_cluster._admin("DROP ROLE IF EXISTS clerk")
    pg_cluster._admin("CREATE ROLE clerk LOGIN")
    pg_cluster.create_database("clerk_office")
    admin_url = pg_cluster.url("clerk_office")
    clerk_url = admin_url.replace("postgres@", "clerk@")
    try:
        _as_admin(admin_url, "GRANT ALL ON SCHEMA public TO clerk")
        with pytest.raises(SchemaError, match="CREATE EXTENSION pg_trgm"):
            prepare_database(clerk_url)
        database = open_database(clerk_url)  # the failed upgrade left nothing half-done
        with database.engine.connect() as connection:
            assert "person" not in sa.inspect(connection).get_table_names()
        database.dispose()
        # Once an administrator has added the extension, the clerk's upgrade goes through.
        _as_admin(admin_url, "CREATE EXTENSION pg_trgm")
        database, result = prepare_database(clerk_url)
        database.dispose()
        assert result.to_revision == head_revision()
    finally:
        pg_cluster.drop_database("clerk_office")
        pg_cluster._admin("DROP ROLE IF EXISTS clerk")
