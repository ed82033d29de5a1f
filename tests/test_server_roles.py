"""The shared server's roles, enforced by PostgreSQL itself: each login connects as itself and
tries what its role may and may not do; the audit trail names the login and cannot be rewritten;
a viewer's export and event summary hold no contact details; the window disables what the
account may not do."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from PySide6.QtGui import QAction
from python_calamine import CalamineWorkbook

from app.database import prepare_database
from app.exports.tables import ExportRequest, export_records
from app.reports.event_summary import event_summary
from app.sample_data import load_demo, sample_data, sample_id
from app.services import events, merging, people, privacy
from db.engine import Database
from db.errors import describe_database_error, is_permission_denied
from db.models import AuditEntry, Event, Person
from db.rights import ADMIN_ONLY_MESSAGE, READ_ONLY_MESSAGE, AccountRights
from db.server_roles import (
    ServerRoleError,
    account_rights,
    grant_role,
    list_users,
    revoke_roles,
    set_up_server,
)
from tests.cli_runner import assert_one_clean_line, convene

pytestmark = pytest.mark.postgres

LOGINS = {"alice18": "editor", "victor18": "viewer", "ada18": "admin"}
_names = itertools.count(1)


@pytest.fixture
def server(pg_cluster) -> Iterator[dict[str, str]]:  # type: ignore[no-untyped-def]
    """A database set up for shared use, holding the sample data (loaded by the editor); the
    URL of each login, and of the owner ("owner")."""
    name = f"srv{os.getpid()}_{next(_names)}"
    pg_cluster.create_database(name, template="convene_template")
    owner_url = pg_cluster.url(name)
    for login in LOGINS:
        pg_cluster._admin(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}') "
            f"THEN CREATE ROLE {login} LOGIN; END IF; END $$"
        )
    owner, _ = prepare_database(owner_url)
    try:
        with owner.engine.begin() as connection:
            set_up_server(connection)
            for login, level in LOGINS.items():
                grant_role(connection, login, level)
    finally:
        owner.dispose()
    urls = {login: owner_url.replace("postgres@", f"{login}@") for login in LOGINS}
    urls["owner"] = owner_url
    editor = _open(urls["alice18"])
    try:
        with editor.session_scope() as s:
            load_demo(s)
    finally:
        editor.dispose()
    yield urls
    pg_cluster.drop_database(name)


def _open(url: str) -> Database:
    database, _ = prepare_database(url)
    return database


def _refused(database: Database, work) -> BaseException:  # type: ignore[no-untyped-def]
    with pytest.raises(sa.exc.DBAPIError) as caught, database.session_scope() as s:
        work(s)
    assert is_permission_denied(caught.value), caught.value
    return caught.value


def _sql(database: Database, statement: str) -> None:
    with database.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def test_setup_is_idempotent_and_lists_who_has_which_role(server) -> None:  # type: ignore[no-untyped-def]
    owner = _open(server["owner"])
    try:
        with owner.engine.begin() as connection:
            set_up_server(connection)  # again: the same rights, no error
            assert list_users(connection) == [
                {"login": login, "role": LOGINS[login]} for login in sorted(LOGINS)
            ]
            grant_role(connection, "victor18", "editor")  # replaces, never adds
            revoke_roles(connection, "ada18")
            assert {u["login"]: u["role"] for u in list_users(connection)} == {
                "alice18": "editor",
                "victor18": "editor",
            }
            with pytest.raises(ServerRoleError, match="no login role"):
                grant_role(connection, "nobody18", "viewer")
            with pytest.raises(ServerRoleError, match="unknown role"):
                grant_role(connection, "alice18", "owner")
    finally:
        owner.dispose()


def test_a_viewer_reads_but_the_database_refuses_every_change(server) -> None:  # type: ignore[no-untyped-def]
    viewer = _open(server["victor18"])
    try:
        with viewer.session_scope(readonly=True) as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == len(
                sample_data()["events"]
            )
            found = list(s.scalars(sa.select(Person)))
            assert len(found) > 5 and all(p.email is None and p.phone is None for p in found)
            assert all(p.notes is None for p in found)
            assert account_rights(s.connection()) == AccountRights(False, False, False)
        error = _refused(
            viewer,
            lambda s: events.create_event(
                s, title="V", type="seminar", start_date="2026-05-01", end_date="2026-05-02"
            ),
        )
        assert describe_database_error(error) == READ_ONLY_MESSAGE
        _refused(viewer, lambda s: people.update_person(s, sample_id("kz-3"), None, position="X"))
        for statement in (
            "UPDATE event SET city = 'X'",
            "SELECT email FROM public.person",
            "SELECT changes FROM public.audit_entry",
            "DELETE FROM public.person",
        ):
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                _sql(viewer, statement)
    finally:
        viewer.dispose()


def test_an_editor_records_but_may_not_delete_merge_or_anonymise(server) -> None:  # type: ignore[no-untyped-def]
    editor = _open(server["alice18"])
    try:
        with editor.session_scope() as s:
            assert account_rights(s.connection()) == AccountRights(True, True, False)
            made = events.create_event(
                s, title="Editor event", type="seminar", start_date="2026-05-01",
                end_date="2026-05-02",
            )  # fmt: skip
            people.update_person(s, sample_id("kz-3"), None, phone="+7 700 000 00 00")
        with editor.session_scope() as s:
            events.delete_event(s, made.id)  # the recycle bin: allowed
            events.restore_event(s, made.id)
        with editor.session_scope(readonly=True) as s:
            assert s.get(Person, sample_id("kz-3")).phone == "+7 700 000 00 00"
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
            _sql(editor, f"DELETE FROM event WHERE id = '{made.id}'")
        for work in (
            lambda s: merging.merge_people(s, sample_id("kz-3"), sample_id("kz-4")),
            lambda s: privacy.anonymise_person(s, sample_id("kz-3")),
        ):
            assert describe_database_error(_refused(editor, work)) == ADMIN_ONLY_MESSAGE
        with editor.session_scope(readonly=True) as s:
            assert s.get(Person, sample_id("kz-4")).deleted_at is None
            assert s.get(Person, sample_id("kz-3")).family_name != "Anonymised"
    finally:
        editor.dispose()


def test_an_administrator_merges_anonymises_and_deletes_for_good(server) -> None:  # type: ignore[no-untyped-def]
    admin = _open(server["ada18"])
    try:
        with admin.session_scope() as s:
            assert account_rights(s.connection()) == AccountRights(True, True, True)
            merging.merge_people(s, sample_id("kz-3"), sample_id("kz-4"))
        with admin.session_scope() as s:
            privacy.anonymise_person(s, sample_id("kz-3"))
        with admin.session_scope(readonly=True) as s:
            history = s.scalars(
                sa.select(AuditEntry).where(AuditEntry.entity_id == sample_id("kz-3"))
            ).all()
            created = next(e for e in history if e.action == "create")
            assert created.changes["family_name"] == [None, "[erased]"]
            assert {e.action for e in history} >= {"create", "merge", "anonymise"}
            assert all(e.actor == "ada18" for e in history if e.action != "create")
        _sql(admin, "DELETE FROM event_partner")
        with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
            _sql(admin, "DELETE FROM audit_entry")
    finally:
        admin.dispose()


def test_audit_entries_name_the_login_and_no_one_but_the_owner_rewrites_them(
    server, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CONVENE_USER", "mallory")
    editor = _open(server["alice18"])
    try:
        with editor.session_scope() as s:
            made = events.create_event(
                s, title="Named", type="seminar", start_date="2026-05-01", end_date="2026-05-02"
            )
        # The client cannot put another name into the trail either.
        with editor.engine.begin() as connection:
            connection.execute(
                sa.insert(AuditEntry.__table__).values(
                    id=made.id, actor="mallory", action="update", entity="event",
                    entity_id=made.id, changes={}, version=1,
                )
            )  # fmt: skip
        with editor.session_scope(readonly=True) as s:
            actors = s.scalars(
                sa.select(AuditEntry.actor).where(AuditEntry.entity_id == made.id)
            ).all()
        assert sorted(actors) == ["alice18", "alice18"]
    finally:
        editor.dispose()
    for login in ("alice18", "ada18"):
        with psycopg.connect(sa.make_url(server[login]).set(drivername="postgresql")
                             .render_as_string(False)) as connection:  # fmt: skip
            for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry",
                              "TRUNCATE audit_entry"):  # fmt: skip
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    connection.execute(statement)
                connection.rollback()


@pytest.mark.usefixtures("qapp")  # the summary's chart is drawn with Qt
def test_a_viewers_export_and_event_summary_hold_no_email_or_phone(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    owner = _open(server["owner"])
    try:
        with owner.session_scope(readonly=True) as s:
            contacts = {
                value for p in s.scalars(sa.select(Person)) for value in (p.email, p.phone) if value
            }
            summary = next(
                e for e in s.scalars(sa.select(Event)) if any(
                    p.person.email or p.person.phone for p in e.participations
                )
            ).id  # fmt: skip
    finally:
        owner.dispose()
    assert contacts, "the sample data has e-mail addresses and phones to hide"

    def exported(login: str) -> tuple[str, str]:
        database = _open(server[login])
        try:
            with database.session_scope(readonly=True) as s:
                export_records(s, ExportRequest("people"), tmp_path / f"{login}.xlsx")
                html = event_summary(s, s.get(Event, summary)).html
        finally:
            database.dispose()
        rows = CalamineWorkbook.from_path(tmp_path / f"{login}.xlsx").get_sheet_by_index(0)
        return " ".join(str(c) for r in rows.to_python() for c in r), html

    editor_cells, _ = exported("alice18")
    assert any(value in editor_cells for value in contacts)  # the editor's export has them
    viewer_cells, viewer_html = exported("victor18")
    assert len(viewer_cells) > 200  # the people are there
    assert not [v for v in contacts if v in viewer_cells or v in viewer_html]
    assert "@" not in viewer_cells


def test_the_server_commands_and_a_refusal_on_the_command_line(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    listed = convene("server", "users", "--json", db=server["owner"])
    assert listed.code == 0, listed.err
    assert {u["login"]: u["role"] for u in listed.json()["users"]} == LOGINS
    revoked = convene("server", "revoke", "victor18", db=server["owner"])
    assert revoked.code == 0 and "victor18" in revoked.out
    again = convene("server", "grant", "victor18", "viewer", db=server["owner"])
    assert again.code == 0, again.err
    for refused, code in (
        (convene("server", "grant", "nobody18", "viewer", db=server["owner"]), 2),
        (convene("server", "grant", "victor18", "admin", db=server["alice18"]), 1),
        (convene("server", "setup", db=tmp_path / "laptop.sqlite"), 2),
        (
            convene(
                "events",
                "add",
                "--title",
                "V",
                "--type",
                "seminar",
                "--start",
                "2026-05-01",
                "--end",
                "2026-05-02",
                db=server["victor18"],
            ),
            1,
        ),
    ):
        assert refused.code == code, refused.err
        assert_one_clean_line(refused)
    assert READ_ONLY_MESSAGE in refused.err


# --- the window -------------------------------------------------------------------------

SHOTS = os.environ.get("CONVENE_SHOTS")  # a folder to save the window's picture in, if set


def _window(qtbot, url: str, settings):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(_open(url), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _enabled(window, name: str) -> bool:  # type: ignore[no-untyped-def]
    return next(a for a in window.findChildren(QAction) if a.objectName() == name).isEnabled()


def test_a_viewer_sees_the_records_and_cannot_start_a_change(server, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, server["victor18"], settings)
    try:
        window.navigation.setCurrentRow(1)  # people
        qtbot.waitUntil(lambda: window.page.model.rowCount() > 5)
        window.page.table.selectRow(0)
        assert "read only" in window.location.text()
        for name in ("new", "delete", "merge", "import_list", "retention", "restore_backup"):
            assert not _enabled(window, name), name
        assert _enabled(window, "export_list") and _enabled(window, "open")
        form = window.open_selected() or window.forms[-1]
        assert not form.save_button.isEnabled()
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / "server-viewer.png"))
        form.close()
    finally:
        window.database.dispose()


def test_an_editor_may_record_but_not_merge(server, qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    assert LOGINS["alice18"] == "editor"
    window = _window(qtbot, server["alice18"], settings)
    try:
        window.navigation.setCurrentRow(1)
        qtbot.waitUntil(lambda: window.page.model.rowCount() > 5)
        window.page.table.selectRow(0)
        assert "read only" not in window.location.text()
        assert _enabled(window, "new") and _enabled(window, "delete")
        assert _enabled(window, "import_list")
        assert not _enabled(window, "merge") and not _enabled(window, "retention")
    finally:
        window.database.dispose()
