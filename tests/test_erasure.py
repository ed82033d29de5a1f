"""Anonymising a person erases every copy: merged duplicates in the recycle bin, every audit entry,
the search index, the bytes of the database file and its WAL — and an old backup restored never
brings the person back."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import sqlalchemy as sa

from app.search import people_search_for
from app.services import events, merging, participations, people, privacy
from db.backup import backup_database, restore_database
from db.erasure import registered_erasures
from db.models import Base, Person

# Two records of one official (a Latin and a Cyrillic spelling, two addresses, two phones),
# typed in separately and merged, and a third record merged into the survivor later.
FIRST = {
    "family_name": "Zhanuzakov", "given_name": "Yerbolat", "patronymic": "Serikovich",
    "family_name_local": "Жанузаков", "given_name_local": "Ерболат",
    "patronymic_local": "Серикович", "position": "Head of the Kordai post shift",
    "rank": "Podpolkovnik", "email": "y.zhanuzakov@border.example.kz",
    "phone": "+7 701 555 42 17", "notes": "Prefers Russian interpretation",
}  # fmt: skip
SECOND = {
    "family_name": "Janouzakov", "given_name": "Erbolat", "family_name_local": "Жанузакoв",
    "email": "zhanuzakov.erbolat@mail.example.kz", "phone": "+7 777 123 98 76",
    "notes": "Duplicate from the Osh registration list",
}  # fmt: skip
THIRD = {"family_name": "Djanuzakov", "given_name": "Yerbolatt", "phone": "+7 727 300 11 22"}
EDITED = {"phone": "+7 701 999 00 01", "notes": "Asked for a certificate in Kazakh"}
PARTICIPATION_NOTES = "Arrived late on day two"


def _variants(value: str) -> set[bytes]:
    """How a value can sit in the files: as written, folded for the search index, and as JSON
    escapes in an audit entry."""
    forms = {value, value.lower(), value.lower().replace("ё", "е")}
    out = set()
    for form in forms:
        out.add(form.encode())
        out.add(json.dumps(form)[1:-1].encode())
    return {b for b in out if len(b) >= 4}


def _files(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def found_in_files(path: Path, values: list[str]) -> dict[str, list[str]]:
    """Values found by ``strings`` (8-bit, so UTF-8 Cyrillic too) and by a plain byte scan of the
    database file, its WAL and shared memory: {file name: [values]}."""
    found: dict[str, list[str]] = {}
    for file in _files(path):
        text = subprocess.run(
            ["strings", "-a", "-e", "S", "-n", "4", str(file)], capture_output=True, check=True
        ).stdout
        raw = file.read_bytes()
        hits = [v for v in values if any(b in text or b in raw for b in _variants(v))]
        if hits:
            found[file.name] = hits
    return found


def _make_official(session) -> tuple[uuid.UUID, list[uuid.UUID], list[str]]:  # type: ignore[no-untyped-def]
    """The official's three records merged into one, with events; returns the survivor, the
    binned copies and every personal value any of them ever held."""
    old = events.create_event(
        s := session, title="Kordai", type="seminar", start_date=dt.date(2015, 3, 1)
    )
    later = events.create_event(s, title="Osh", type="workshop", start_date=dt.date(2016, 4, 1))
    first = people.create_person(s, **FIRST)
    second = people.create_person(s, **SECOND)
    third = people.create_person(s, **THIRD)
    people.update_person(s, first.id, None, **EDITED)
    participations.add_participation(
        s, old.id, first.id, position="Shift head", notes=PARTICIPATION_NOTES
    )
    participations.add_participation(s, old.id, second.id, position="Deputy shift head")
    participations.add_participation(s, later.id, second.id)
    participations.add_participation(s, later.id, third.id, notes="Came with the Osh delegation")
    keys = [p.match_key for p in (first, second, third)]
    merging.merge_people(s, first.id, second.id, {})
    merging.merge_people(s, third.id, first.id, {})  # the survivor is now the third record
    values = [*FIRST.values(), *SECOND.values(), *THIRD.values(), *EDITED.values(),
              PARTICIPATION_NOTES, "Shift head", "Deputy shift head",
              "Came with the Osh delegation", *keys]  # fmt: skip
    return third.id, [first.id, second.id], values


def test_anonymising_leaves_no_value_in_the_files_while_another_connection_is_open(
    sqlite_db,
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        survivor, copies, values = _make_official(s)
    other = sqlite3.connect(sqlite_db.path)  # another program, open and idle on the file
    assert other.execute("SELECT count(*) FROM person").fetchone()[0] == 3
    assert found_in_files(sqlite_db.path, values)  # the scan sees them before
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    assert found_in_files(sqlite_db.path, values) == {}
    assert not sqlite_db.wal_checkpoint_pending
    with sqlite_db.session_scope(readonly=True) as s:
        for pid in (survivor, *copies):
            person = s.get(Person, pid)
            assert person.family_name == privacy.ANONYMISED_NAME and person.match_key == ""
        for term in ("zhanuz", "Жануз", "Yerbol", "mail.example", "Janou"):
            assert s.scalars(sa.select(Person.id).where(people_search_for(s, term))).all() == []
        assert registered_erasures(s.connection()) == {survivor, *copies}
    other.close()


def test_a_reader_on_an_old_snapshot_delays_the_wal_clean_up_until_it_ends(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    reader = sqlite3.connect(sqlite_db.path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM person").fetchone()[0] == 3  # holds a snapshot
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    # The reader may still read the old rows, so their pages must still exist somewhere.
    assert sqlite_db.wal_checkpoint_pending
    assert reader.execute(
        "SELECT count(*) FROM person WHERE family_name = 'Djanuzakov'"
    ).fetchone() == (1,)
    reader.execute("COMMIT")  # the other program is done reading, but stays open
    with sqlite_db.session_scope(readonly=True) as s:  # any later use of the database
        s.execute(sa.select(sa.func.count()).select_from(Person)).scalar_one()
    assert not sqlite_db.wal_checkpoint_pending
    assert found_in_files(sqlite_db.path, values) == {}
    reader.close()


def test_closing_the_database_finishes_a_delayed_clean_up(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    reader = sqlite3.connect(sqlite_db.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    assert sqlite_db.wal_checkpoint_pending
    reader.execute("COMMIT")
    sqlite_db.dispose()  # closing the window, say
    assert found_in_files(sqlite_db.path, values) == {}
    reader.close()


def test_every_connection_overwrites_deleted_content(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def _rows_holding(database, values: list[str]) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every table of the database (search index included) whose rows, as text, hold a value."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    found: dict[str, list[str]] = {}
    with database.engine.connect() as connection:
        if database.is_sqlite:
            tables += [
                r[0]
                for r in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'person_search%'"
                )
            ]
        for table in tables:
            rows = connection.exec_driver_sql(f"SELECT * FROM {table}").all()
            text = json.dumps([[str(v) for v in row] for row in rows], ensure_ascii=False)
            folded = text.lower()
            escaped = json.dumps(text)
            hits = [
                v
                for v in values
                if v in text or v.lower() in folded or json.dumps(v)[1:-1] in escaped
            ]
            if hits:
                found[table] = hits
    return found


def test_no_copy_is_left_in_any_table(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    assert _rows_holding(any_db, values)
    with any_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    assert _rows_holding(any_db, values) == {}


def test_anonymising_a_binned_copy_erases_the_survivor_too(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        survivor, copies, values = _make_official(s)
        privacy.anonymise_person(s, copies[1])
    assert _rows_holding(any_db, values) == {}
    with any_db.session_scope(readonly=True) as s:
        assert s.get(Person, survivor).family_name == privacy.ANONYMISED_NAME


def test_an_old_backup_restored_keeps_the_erasure(any_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        survivor, copies, values = _make_official(s)
        bystander = people.create_person(s, family_name="Keldibekova", given_name="Aizada").id
    before = backup_database(any_db, tmp_path / "before.sqlite")
    with any_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    restore_database(any_db, before)
    assert _rows_holding(any_db, values) == {}
    with any_db.session_scope(readonly=True) as s:
        assert s.get(Person, bystander).family_name == "Keldibekova"  # the rest came back
        assert registered_erasures(s.connection()) == {survivor, *copies}
        erased = [s.get(Person, pid) for pid in (survivor, *copies)]
        assert {p.family_name for p in erased} == {privacy.ANONYMISED_NAME}
        assert [p.deleted_at is None for p in erased] == [True, False, False]
    if any_db.is_sqlite:
        assert found_in_files(any_db.path, values) == {}


def test_a_backup_carries_its_register_into_a_database_that_never_saw_the_erasure(
    sqlite_db, sqlite_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Erased, backed up, then the laptop is replaced: its new database restores the later
    backup, then (by mistake) the oldest one — the person stays erased."""
    from app.database import prepare_database

    with sqlite_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    oldest = backup_database(sqlite_db, tmp_path / "oldest.sqlite")
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    later = backup_database(sqlite_db, tmp_path / "later.sqlite")
    fresh, _ = prepare_database(tmp_path / "new-laptop.sqlite")
    try:
        restore_database(fresh, later)
        restore_database(fresh, oldest)
        assert _rows_holding(fresh, values) == {}
    finally:
        fresh.dispose()


def test_retention_review_never_offers_someone_with_a_recent_event_in_the_recycle_bin(
    any_db,
) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 22)
    with any_db.session_scope() as s:
        old = events.create_event(s, title="Old", type="seminar", start_date=dt.date(2012, 5, 1))
        recent = events.create_event(s, title="New", type="seminar", start_date=dt.date(2025, 6, 2))
        recent_person = people.create_person(s, family_name="Sultanova")
        removed_recently = people.create_person(s, family_name="Ergashev")
        long_ago = people.create_person(s, family_name="Sergeev")
        binned_long_ago = people.create_person(s, family_name="Orazov")
        for pid in (recent_person.id, removed_recently.id, long_ago.id, binned_long_ago.id):
            participations.add_participation(s, old.id, pid)
        participations.add_participation(s, recent.id, recent_person.id)
        late = participations.add_participation(s, recent.id, removed_recently.id)
        events.delete_event(s, recent.id)  # the recent event is in the recycle bin
        participations.remove_participation(s, late.id)
        people.delete_person(s, binned_long_ago.id)
    with any_db.session_scope(readonly=True) as s:
        rows = privacy.due_rows(s, 5, today=today)
        due = privacy.people_due_for_anonymising(s, 5, today=today)
    assert {r["name"] for r in rows} == {"Sergeev", "Orazov"}
    assert set(due) == {long_ago.id, binned_long_ago.id}
    assert {r["name"]: r["in_recycle_bin"] for r in rows} == {"Sergeev": False, "Orazov": True}
    # The same rule for the column and the choice: every row shown is outside the period.
    assert all(r["last_event"] == dt.date(2012, 5, 1) for r in rows)
    with any_db.session_scope(readonly=True) as s:
        shorter = privacy.due_rows(s, 1, today=dt.date(2030, 1, 1))
    assert {r["name"]: r["last_event"] for r in shorter}["Sultanova"] == dt.date(2025, 6, 2)


def test_retention_review_takes_merged_copies_as_one_person(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 22)
    with sqlite_db.session_scope() as s:
        old = events.create_event(s, title="Old", type="seminar", start_date=dt.date(2012, 5, 1))
        recent = events.create_event(s, title="New", type="seminar", start_date=dt.date(2025, 6, 2))
        keep = people.create_person(s, family_name="Nazarova", given_name="Dilnoza")
        drop = people.create_person(s, family_name="Nazarova", given_name="Dilnoza", email="d@x.uz")
        participations.add_participation(s, old.id, drop.id)
        participations.add_participation(s, recent.id, keep.id)
        merging.merge_people(s, keep.id, drop.id, {})
    with sqlite_db.session_scope(readonly=True) as s:
        # The binned copy has no participation left, but the person took part last year.
        assert privacy.due_rows(s, 5, today=today) == []
        rows = privacy.due_rows(s, 1, today=dt.date(2030, 1, 1))
    assert [(r["person_id"], r["last_event"], r["in_recycle_bin"]) for r in rows] == [
        (keep.id, dt.date(2025, 6, 2), False)
    ]
    with sqlite_db.session_scope() as s:
        privacy.anonymise_people(s, [keep.id])
        assert privacy.due_rows(s, 1, today=dt.date(2030, 1, 1)) == []
        assert s.get(Person, drop.id).email is None


def test_retention_dialog_shows_binned_people_and_hides_recent_ones(
    qtbot, sqlite_db, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui_helpers import answer_next_dialog
    from ui.formatting import show_date
    from ui.privacy_actions import RetentionDialog

    with sqlite_db.session_scope() as s:
        old = events.create_event(s, title="Old", type="seminar", start_date=dt.date(2012, 5, 1))
        recent = events.create_event(
            s, title="New", type="seminar", start_date=dt.date.today() - dt.timedelta(days=30)
        )
        recent_person = people.create_person(s, family_name="Sultanova", given_name="Malika")
        binned = people.create_person(s, family_name="Orazov", given_name="Batyr")
        participations.add_participation(s, old.id, recent_person.id)
        participations.add_participation(s, old.id, binned.id)
        participations.add_participation(s, recent.id, recent_person.id)
        events.delete_event(s, recent.id)
        people.delete_person(s, binned.id)
    settings.set("privacy/retention_years", 3)
    dialog = RetentionDialog(sqlite_db, settings)
    qtbot.addWidget(dialog)
    names = [row["name"] for row in dialog.model.rows]
    assert names == ["Orazov Batyr"]
    shown = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert shown == ["Orazov Batyr", "", show_date(dt.date(2012, 5, 1)), "Yes"]
    assert dialog.count.text() == "1 person due for anonymising."
    answer_next_dialog("Yes")
    dialog.anonymise.click()
    qtbot.waitUntil(lambda: dialog.model.rows == [])
    with sqlite_db.session_scope(readonly=True) as s:
        assert s.get(Person, binned.id).family_name == privacy.ANONYMISED_NAME
        assert s.get(Person, recent_person.id).family_name == "Sultanova"


_KILLED_AFTER_COMMIT = """
import os, signal, sys, uuid
from sqlalchemy import event
from app.services import privacy
from db.engine import open_database
database = open_database(sys.argv[1])
with database.session_scope() as session:
    event.listen(session, "after_commit", lambda _s: os.kill(os.getpid(), signal.SIGKILL))
    privacy.anonymise_person(session, uuid.UUID(sys.argv[2]))
"""


def test_a_program_killed_right_after_erasing_is_cleaned_up_after_by_the_next(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from db.engine import open_database
    from tests.cli_runner import ROOT

    with sqlite_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    sqlite_db.dispose()
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_COMMIT, str(sqlite_db.path), str(survivor)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    with sqlite3.connect(sqlite_db.path) as raw:  # the erasure itself was committed
        assert raw.execute("SELECT count(*) FROM erasure").fetchone() == (3,)
    assert found_in_files(sqlite_db.path, values)  # but the old pages are still in the files
    reader = sqlite3.connect(sqlite_db.path)  # keeps SQLite from cleaning up on its own
    reader.execute("SELECT count(*) FROM person").fetchone()
    later = open_database(sqlite_db.path)  # the next start
    try:
        with later.session_scope(readonly=True) as s:
            s.execute(sa.select(sa.func.count()).select_from(Person)).scalar_one()
        assert found_in_files(sqlite_db.path, values) == {}
    finally:
        later.dispose()
        reader.close()


def test_a_person_typed_in_again_after_the_erasure_is_kept_by_a_later_backup(
    any_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The register erases what a backup held from before the erasure, not what was entered
    after it: the record filled in again (and the duplicate merged into it since) stay."""
    with any_db.session_scope() as s:
        survivor, copies, values = _make_official(s)
    oldest = backup_database(any_db, tmp_path / "oldest.sqlite")
    with any_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
        people.update_person(s, survivor, None, family_name="Abenova", given_name="Saule")
        newcomer = people.create_person(s, family_name="Abenova", email="s.abenova@example.kz")
        merging.merge_people(s, survivor, newcomer.id, {"email": "s.abenova@example.kz"})
    later = backup_database(any_db, tmp_path / "later.sqlite")
    restore_database(any_db, later)
    with any_db.session_scope(readonly=True) as s:
        again = s.get(Person, survivor)
        assert (again.family_name, again.email) == ("Abenova", "s.abenova@example.kz")
        assert s.get(Person, newcomer.id).email == "s.abenova@example.kz"
        assert {s.get(Person, c).family_name for c in copies} == {privacy.ANONYMISED_NAME}
    restore_database(any_db, oldest)  # and the oldest one still brings back nobody erased
    assert _rows_holding(any_db, values) == {}


def test_upgrading_lists_people_anonymised_before_the_register_existed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from db.engine import open_database
    from db.migrate import upgrade_database

    database = open_database(tmp_path / "old.sqlite")
    try:
        upgrade_database(database, revision="0005")
        earlier, other = uuid.uuid4(), uuid.uuid4()
        with database.engine.begin() as connection:
            for entity_id, action, when in (
                (earlier, "create", "2024-01-01 10:00:00"),
                (earlier, "anonymise", "2025-02-03 04:05:06"),
                (earlier, "anonymise", "2025-06-01 00:00:00"),
                (other, "update", "2025-02-03 04:05:06"),
            ):
                connection.execute(
                    sa.text(
                        "INSERT INTO audit_entry (id, created_at, updated_at, version, actor,"
                        " action, entity, entity_id, changes) VALUES (:id, :at, :at, 1, 'x',"
                        " :action, 'person', :entity_id, '{}')"
                    ),
                    {"id": uuid.uuid4().hex, "at": when, "action": action,
                     "entity_id": entity_id.hex},
                )  # fmt: skip
        upgrade_database(database)
        with database.engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT person_id, erased_at FROM erasure")).all()
        assert [(uuid.UUID(r[0]), str(r[1])[:19]) for r in rows] == [
            (earlier, "2025-02-03 04:05:06")
        ]
    finally:
        database.dispose()


def test_a_person_erased_twice_is_erased_from_a_backup_made_in_between(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        survivor, _copies, _values = _make_official(s)
        privacy.anonymise_person(s, survivor)
        people.update_person(s, survivor, None, family_name="Abenova", email="s.ab@example.kz")
    between = backup_database(sqlite_db, tmp_path / "between.sqlite")
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    restore_database(sqlite_db, between)
    assert _rows_holding(sqlite_db, ["Abenova", "s.ab@example.kz"]) == {}


def test_restore_from_the_command_line_keeps_the_erasure(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.cli_runner import convene

    with sqlite_db.session_scope() as s:
        survivor, _copies, values = _make_official(s)
    before = backup_database(sqlite_db, tmp_path / "before.sqlite")
    with sqlite_db.session_scope() as s:
        privacy.anonymise_person(s, survivor)
    sqlite_db.dispose()
    outcome = convene("restore", str(before), db=sqlite_db.path)
    assert outcome.code == 0, outcome.err
    assert _rows_holding(sqlite_db, values) == {}
    assert found_in_files(sqlite_db.path, values) == {}
