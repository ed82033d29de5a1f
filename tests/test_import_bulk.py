"""The import's bulk writes: audit JSON exactly as the JSON column would write it, and an audit
trail of imported records that replays to each record's state, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from app.importing.bulk import Alongside, alongside, created_changes, insert_rows, render_changes
from app.importing.committing import RecordWriter
from app.importing.importer import import_list, open_list
from app.progress import no_progress
from app.reports.tallies import INSERT_TRIGGER
from app.services import events, organizations, participations, people
from app.services.records import json_ready
from db.enums import AuditAction, ParticipationRole, Sex
from db.models import AuditEntry, Event, Organization, Participation, Person
from tests.conftest import table_count

FIXTURES = Path(__file__).parent / "fixtures" / "import"
VALUES = [
    None, "Ataev", "Атаев", 'quote " and back\\slash', "tab\tnew\nline", "", Sex.FEMALE,
    ParticipationRole.TRAINER, True, False, 0, 3, -7, 2**70, 1.5,
    uuid.UUID("12345678-1234-4234-9234-123456789abc"), dt.date(2025, 3, 4),
    dt.datetime(2025, 3, 4, 10, 30, tzinfo=dt.UTC), {"rows_read": 5, "skipped": []}, ["a", 1],
]  # fmt: skip


def _dumps(changes: dict) -> str:  # type: ignore[type-arg]
    return json.dumps({f: [json_ready(old), json_ready(new)] for f, (old, new) in changes.items()})


def test_audit_json_is_what_json_dumps_writes() -> None:
    for old in VALUES:
        for new in VALUES:
            changes = {"field": [old, new], "other_field": [new, old]}
            assert render_changes(changes) == _dumps(changes)
    columns = {"a": VALUES, "b": list(reversed(VALUES)), "c": [Sex.MALE] * len(VALUES)}
    rendered = created_changes(columns)
    for at, text in enumerate(rendered):
        expected = {
            f: [None, v[at]] for f, v in columns.items() if v[at] is not None and v[at] != ""
        }
        assert text == _dumps(expected)


def _replayed(session, entity: str, record_id) -> dict:  # type: ignore[no-untyped-def,type-arg]
    state: dict = {}  # type: ignore[type-arg]
    entries = session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id)
        .order_by(AuditEntry.created_at, AuditEntry.id)
    ).all()
    assert entries and entries[0].action == AuditAction.CREATE, (entity, record_id)
    for entry in entries:
        for field, (old, new) in entry.changes.items():
            assert field not in state or state[field] == old, (entity, field)
            state[field] = new
    return state


def test_imported_records_replay_from_their_audit_trail(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = events.create_event(
            s, title="Border checks", type="workshop", start_date=dt.date(2022, 12, 13),
            end_date=dt.date(2022, 12, 15),
        )  # fmt: skip
        reference = event.reference
        # Someone the English list matches, with fields the list fills in (audited updates).
        people.create_person(s, family_name="Ataev", given_name="Sergey", sex="male")
        organizations.create_organization(s, name="State Customs Committee")
    for name in ("ru_conference.xlsx", "en_conference.xlsx"):
        import_list(any_db, open_list(any_db, FIXTURES / name), reference)
    with any_db.session_scope() as s:  # then an ordinary edit on top
        joined = s.scalars(sa.select(Participation)).first()
        participations.update_participation(s, joined.id, None, role="speaker")
    specs = {
        "person": (Person, people.PERSON.fields),
        "organization": (Organization, organizations.ORGANIZATION.fields),
        "participation": (Participation, participations.PARTICIPATION.fields),
    }
    with any_db.session_scope(readonly=True) as s:
        filled = s.scalar(
            sa.select(sa.func.count(AuditEntry.id)).where(
                AuditEntry.action == AuditAction.UPDATE, AuditEntry.summary.like("%imported%")
            )
        )
        assert filled >= 1  # Ataev got his Cyrillic name and more from the Russian list
        for entity, (model, fields) in specs.items():
            records = s.scalars(sa.select(model)).all()
            assert len(records) > 1, entity
            for record in records:
                state = _replayed(s, entity, record.id)
                for field in fields:
                    expected, actual = state.get(field), json_ready(getattr(record, field))
                    assert expected == actual or (expected is None and actual == ""), (
                        entity,
                        field,
                        expected,
                        actual,
                    )


@pytest.mark.postgres
def test_a_refused_copy_is_reported_as_sqlalchemy_reports_it(pg_db) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL's COPY goes to the driver directly; its errors still arrive as SQLAlchemy's
    (here an IntegrityError), which the command line and the GUI put in one sentence, and the
    transaction writes nothing."""
    table = Participation.__table__
    with pytest.raises(sa.exc.IntegrityError), pg_db.session_scope() as session:
        insert_rows(
            session.connection(), table,  # type: ignore[arg-type]
            {"id": [uuid.uuid4()], "person_id": [uuid.uuid4()], "event_id": [uuid.uuid4()]},
            {"created_at": dt.datetime.now(dt.UTC), "updated_at": dt.datetime.now(dt.UTC),
             "version": 1, "role": ParticipationRole.PARTICIPANT, "status": "attended",
             "mode": "in_person", "certificate_issued": False},
            lambda done: None,
        )  # fmt: skip
    with pg_db.session_scope(readonly=True) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(table)) == 0


def test_work_alongside_is_waited_for_and_its_error_raised() -> None:
    """The second thread's statement has ended before anyone takes the connection again, or
    before a failing block leaves: a rollback never runs beside it. Its error is raised where
    the connection is next taken; a failing block's own error is the one reported."""
    connection = object()
    ended = threading.Event()

    def slow() -> None:
        time.sleep(0.2)
        ended.set()

    with alongside(connection) as second:  # type: ignore[arg-type]
        second.start(slow)
        assert second.settled() is connection and ended.is_set()
    ended.clear()
    with pytest.raises(KeyError), alongside(connection) as second:  # type: ignore[arg-type]
        second.start(slow)
        raise KeyError("the block's own")
    assert ended.is_set()

    def failing() -> None:
        raise ValueError("the statement's")

    with pytest.raises(ValueError, match="statement's"), alongside(connection) as second:  # type: ignore[arg-type]
        second.start(failing)
    with alongside(connection) as second:  # type: ignore[arg-type]
        second.start(failing)
        with pytest.raises(ValueError, match="statement's"):
            second.start(slow)  # (the next one waits for the one before, and hears its error)
        assert second.settled() is connection


def test_a_move_that_fails_on_the_second_thread_fails_the_import_whole(
    sqlite_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The new people are moved into ``person`` on a second thread; when that statement fails
    (here a trigger refuses one of them), the import reports that error and writes nothing:
    no person, participation, organisation, batch or audit entry, and the table of the
    participations keeps its trigger."""
    with sqlite_db.session_scope() as s:
        reference = events.create_event(
            s, title="Border checks", type="workshop", start_date=dt.date(2022, 12, 13),
            end_date=dt.date(2022, 12, 15),
        ).reference  # fmt: skip
    book = Workbook()
    sheet = book.active
    sheet.append(["Surname", "Given name", "Organisation", "Country"])
    stems = [
        "Karim",
        "Rakhim",
        "Sultan",
        "Nazar",
        "Temir",
        "Bekmur",
        "Zhakup",
        "Omar",
        "Yusup",
        "Ali",
    ]
    for number in range(30):
        family = "Refused" if number == 17 else stems[number % 10]
        given = ["Timur", "Aibek", "Nurlan"][number // 10]
        sheet.append([f"{family}ov", given, "Border Service", "Kazakhstan"])
    listing = tmp_path / "list.xlsx"
    book.save(listing)
    understood = open_list(sqlite_db, listing)
    with sqlite_db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON person WHEN NEW.family_name = 'Refusedov'"
            " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    counts = {t: table_count(sqlite_db, t) for t in _WRITTEN}
    with pytest.raises(sa.exc.IntegrityError, match="refused by the test"):
        import_list(sqlite_db, understood, reference)
    assert {t: table_count(sqlite_db, t) for t in _WRITTEN} == counts
    with sqlite_db.engine.connect() as connection:
        triggers = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'participation'"
        ).scalars()
        assert INSERT_TRIGGER in set(triggers)
        connection.exec_driver_sql("DROP TRIGGER refuse_one")
        connection.commit()
    assert import_list(sqlite_db, understood, reference).summary()["people_created"] == 30


_WRITTEN = ("person", "participation", "organization", "import_batch", "audit_entry")


def test_an_interruption_while_waiting_still_waits_for_the_statement() -> None:
    """Ctrl+C while a failing block waits for the second thread (a second Ctrl+C in the command
    line): the wait goes on until the statement has ended, so the rollback never runs beside
    it; the interruption is raised then."""
    connection = object()
    ended = threading.Event()

    def slow() -> None:
        time.sleep(0.2)
        ended.set()

    with pytest.raises(KeyboardInterrupt), alongside(connection) as second:  # type: ignore[arg-type]
        second.start(slow)
        thread = second._thread
        assert thread is not None
        real, calls = thread.join, []

        def interrupted_once() -> None:
            calls.append(1)
            if len(calls) == 1:
                raise KeyboardInterrupt
            real()

        thread.join = interrupted_once  # type: ignore[method-assign]
        raise KeyError("the block fails; Ctrl+C comes while it waits for the statement")
    assert ended.is_set() and len(calls) == 2


def test_a_writer_used_alone_moves_its_rows_itself(sqlite_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A register's events are written by a writer of their own, with no block to wait for a
    second thread at its end: it moves its staged rows itself, none is left running."""
    started: list[object] = []
    monkeypatch.setattr(Alongside, "start", lambda self, work: started.append(work))
    with sqlite_db.session_scope() as session:
        writer = RecordWriter(session, no_progress, 1)
        values = {"title": ["Border checks"], "type": ["workshop"], "reference": ["2025-901"],
                  "start_date": [dt.date(2025, 3, 4)], "end_date": [dt.date(2025, 3, 5)],
                  "format": ["in_person"], "status": ["held"]}  # fmt: skip
        writer.create(Event.__table__, [uuid.uuid4()], values, list(values), "Adding events…")  # type: ignore[arg-type]
    assert started == []
    assert table_count(sqlite_db, "event") == 1
