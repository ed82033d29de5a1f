"""Anonymising a person erases what identifies them and keeps every figure as it was."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from app.sample_data import sample_id
from app.services import certificates, events, participations, people, privacy
from app.services.events import find_event
from app.services.records import audit_history
from db.models import AuditEntry, Participation, Person


def test_anonymise_erases_identity_keeps_figures(demo_db) -> None:  # type: ignore[no-untyped-def]
    person_id = sample_id("kz-1")
    with demo_db.session_scope() as s:
        people.update_person(s, person_id, None, phone="+7 701 000 00 00", notes="Met at CABMI")
        before = {
            ref: events.head_count(s, events.find_event(s, ref)) for ref in ("2022-001", "2025-001")
        }
        privacy.anonymise_person(s, person_id)
    with demo_db.session_scope(readonly=True) as s:
        person = s.get(Person, person_id)
        assert person.family_name == privacy.ANONYMISED_NAME
        assert (
            person.given_name,
            person.family_name_local,
            person.email,
            person.phone,
            person.notes,
        ) == (None,) * 5
        assert person.sex.value == "male" and person.nationality == "KZ"
        assert person.organization_id == sample_id("kz-border")
        after = {
            ref: events.head_count(s, events.find_event(s, ref)) for ref in ("2022-001", "2025-001")
        }
        assert after == before
        rows = s.scalars(sa.select(Participation).where(Participation.person_id == person_id)).all()
        assert len(rows) == 3 and all(p.position is None for p in rows)
        trail = json.dumps(
            [e.changes for e in s.scalars(sa.select(AuditEntry))], ensure_ascii=False
        )
        for secret in (
            "Abdikalikov",
            "Абдикаликов",
            "Nurlan",
            "n.abdikalikov@example.kz",
            "+7 701",
            "Met at CABMI",
        ):
            assert secret not in trail
        last = audit_history(s, "person", person_id)[-1]
        assert last.action.value == "anonymise"
        assert last.changes["family_name"] == [privacy.ERASED, privacy.ANONYMISED_NAME]


def test_retention_finds_people_without_recent_participation(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        old = events.create_event(s, title="Old", type="seminar", start_date=dt.date(2012, 5, 1))
        recent = events.create_event(
            s, title="Recent", type="seminar", start_date=dt.date(2024, 5, 1)
        )
        long_ago = people.create_person(s, family_name="Sergeev")
        active = people.create_person(s, family_name="Karimova")
        never = people.create_person(s, family_name="Nobody")
        participations.add_participation(s, old.id, long_ago.id)
        participations.add_participation(s, old.id, active.id)
        participations.add_participation(s, recent.id, active.id)
        due = privacy.people_due_for_anonymising(s, 5, today=dt.date(2026, 11, 22))
        assert set(due) == {long_ago.id, never.id}
        privacy.anonymise_person(s, never.id)
        assert set(privacy.people_due_for_anonymising(s, 5, today=dt.date(2026, 11, 22))) == {
            long_ago.id
        }


def test_personal_data_export_holds_everything_about_the_person(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from python_calamine import CalamineWorkbook

    from app.exports.personal_data import export_person

    path = tmp_path / "person.xlsx"
    with demo_db.session_scope() as s:
        people.update_person(s, sample_id("tm-1"), None, phone="+993 12 00 00 00")
        (issued,) = certificates.issue_certificates(s, find_event(s, "2025-001"), sample_id("tm-1"))
        number = issued.number
    with demo_db.session_scope(readonly=True) as s:
        export_person(s, sample_id("tm-1"), path)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Person", "Participations", "Certificates", "Change history"]
    issued_rows = book.get_sheet_by_name("Certificates").to_python()[1:]
    assert [(r[0], r[2], r[6]) for r in issued_rows] == [(number, "2025-001", "current")]
    record = dict(book.get_sheet_by_name("Person").to_python()[1:])
    assert record["Family name"] == "Öwezow" and record["Family name (local script)"] == "Овезов"
    assert record["Phone"] == "+993 12 00 00 00"  # kept as text, not a formula
    events_rows = book.get_sheet_by_name("Participations").to_python()[1:]
    assert sorted(r[0] for r in events_rows) == ["2022-001", "2025-001", "2025-002"]
    history = book.get_sheet_by_name("Change history").to_python()[1:]
    assert any(r[4] == "phone" and "+993" in r[6] for r in history)


def test_exports_are_owner_only(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import stat

    from app.exports.personal_data import export_person
    from app.exports.tables import ExportRequest, export_records

    personal, listed = tmp_path / "person.xlsx", tmp_path / "people.xlsx"
    with demo_db.session_scope(readonly=True) as s:
        export_person(s, sample_id("tm-1"), personal)
        export_records(s, ExportRequest("people"), listed)
    assert {stat.S_IMODE(p.stat().st_mode) for p in (personal, listed)} == {0o600}
