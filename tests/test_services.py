"""Services validate, write and leave exactly one audit entry per write; stale edits are refused."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.errors import ConflictError, NotFoundError, ValidationError
from app.services import events, organizations, participations, partners, people, projects
from app.services.records import audit_history
from db.enums import (
    AuditAction,
    EventFormat,
    EventStatus,
    EventType,
    ParticipationStatus,
    PartnerRole,
    Sex,
)
from db.models import AuditEntry, Event, Participation, Person


def _audit(session, record) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    return audit_history(session, record.__tablename__, record.id)


def _new_event(session, **values):  # type: ignore[no-untyped-def]
    defaults = {
        "title": "Workshop on risk analysis",
        "type": "workshop",
        "start_date": dt.date(2024, 5, 14),
        "end_date": dt.date(2024, 5, 16),
        "city": "Bishkek",
        "country": "KG",
    }
    return events.create_event(session, **{**defaults, **values})


def test_event_create_update_delete_restore_each_audited_once(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = _new_event(s, fields_of_work=["border_management"])
        event_id = event.id
        (created,) = _audit(s, event)
        assert created.action == AuditAction.CREATE and created.actor == "tester"
        assert created.changes["title"] == [None, "Workshop on risk analysis"]
        assert created.changes["country"] == [None, "KG"]
        assert created.changes["fields_of_work"] == [None, ["border_management"]]
        assert event.reference == "2024-001"
        assert event.status == EventStatus.HELD  # ended in the past
    with any_db.session_scope() as s:
        event = events.update_event(
            s, event_id, 1, title="Workshop on risk analysis at BCPs", city="Osh",
            fields_of_work=["border_management", "policing"],
        )  # fmt: skip
        assert event.version == 2
        entries = _audit(s, event)
        assert len(entries) == 2
        assert entries[1].action == AuditAction.UPDATE
        assert entries[1].changes == {
            "title": ["Workshop on risk analysis", "Workshop on risk analysis at BCPs"],
            "city": ["Bishkek", "Osh"],
            "fields_of_work": [["border_management"], ["border_management", "policing"]],
        }
    with any_db.session_scope() as s:  # no change: nothing written, nothing audited
        events.update_event(s, event_id, 2, city="Osh")
        assert len(_audit(s, s.get(Event, event_id))) == 2
    with any_db.session_scope() as s:
        events.delete_event(s, event_id, 2)
    with any_db.session_scope() as s:
        with pytest.raises(NotFoundError):
            events.find_event(s, "2024-001")
        events.restore_event(s, event_id)
    with any_db.session_scope() as s:
        assert events.find_event(s, "2024-001").id == event_id
        actions = [e.action for e in _audit(s, s.get(Event, event_id))]
        assert actions == [
            AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE, AuditAction.RESTORE,
        ]  # fmt: skip


def test_people_organisations_projects_partners_participations_are_audited(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        agency = organizations.create_organization(
            s, name="State Customs Service", sector="customs", country="Kyrgyzstan"
        )
        donor = organizations.create_organization(
            s, name="Government of Japan", kind="donor_government"
        )
        project = projects.create_project(s, title="Customs capacity", donors=[donor.id])
        person = people.create_person(
            s, family_name_local="Атаев", given_name_local="Сергей", sex="male",
            nationality="TM", organization_id=agency.id, position="Inspector",
        )  # fmt: skip
        event = _new_event(s, project_id=project.id)
        partner = partners.add_partner(s, event.id, donor.id, PartnerRole.DONOR)
        participation = participations.add_participation(s, event.id, person.id)
        for record in (agency, donor, project, person, event, partner, participation):
            assert [e.action for e in _audit(s, record)] == [AuditAction.CREATE]
        assert agency.kind.value == "national_agency" and agency.country == "KG"
        assert project.donors == [donor]
        assert person.match_key == "ataev|serge"
        assert participation.status == ParticipationStatus.ATTENDED
        assert participation.organization_id == agency.id and participation.position == "Inspector"
        ids = (agency.id, person.id, participation.id)
    with any_db.session_scope() as s:
        people.update_person(s, ids[1], 1, family_name="Ataev", given_name="Sergey")
        participations.update_participation(s, ids[2], 1, status="no_show")
        person = s.get(Person, ids[1])
        (_, update) = _audit(s, person)
        assert update.changes["family_name"] == [None, "Ataev"]
        assert "match_key" not in update.changes  # same person, same key in either script
        assert person.match_key == "ataev|serge"
        (_, changed) = _audit(s, s.get(Participation, ids[2]))
        assert changed.changes == {"status": ["attended", "no_show"]}


def test_stale_update_is_refused(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event_id = _new_event(s).id
    # Two users load the same event (version 1)...
    with (
        any_db.session_scope(readonly=True) as first,
        any_db.session_scope(readonly=True) as second,
    ):
        mine = first.get(Event, event_id)
        theirs = second.get(Event, event_id)
        assert mine.version == theirs.version == 1
    # ...the first saves; the second saves from what it loaded and must be refused.
    with any_db.session_scope() as s:
        events.update_event(s, event_id, 1, title="First user's title")
    with pytest.raises(ConflictError, match="changed by someone else"), any_db.session_scope() as s:
        events.update_event(s, event_id, 1, title="Second user's title")
    with any_db.session_scope(readonly=True) as s:
        event = s.get(Event, event_id)
        assert event.title == "First user's title" and event.version == 2
        assert len(_audit(s, event)) == 2


def test_concurrent_flush_race_is_a_conflict(any_db) -> None:  # type: ignore[no-untyped-def]
    """Both sessions pass the version check; the database's WHERE version=… catches the loser."""
    with any_db.session_scope() as s:
        event_id = _new_event(s).id
    with any_db.session_scope(readonly=True) as loader:
        stale = loader.get(Event, event_id)
    with any_db.session_scope() as s:
        events.update_event(s, event_id, 1, city="Osh")
    with pytest.raises(ConflictError), any_db.session_scope() as s:
        s.add(stale)  # the object as the slower user loaded it, version 1
        stale.city = "Naryn"
        from app.services.records import flush

        flush(s, "event")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"end_date": dt.date(2024, 5, 1)}, "end_date", "before the start date"),
        ({"country": "Atlantis"}, "country", "not a known country"),
        ({"type": "party"}, "type", "is not one of"),
        ({"title": "  "}, "title", "Title is required"),
        (
            {"reported_total": 5, "reported_female": 4, "reported_male": 3},
            "reported_total",
            "more than the total",
        ),
    ],
)
def test_event_validation_names_the_field_and_writes_nothing(
    sqlite_db, values, field, message
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, sqlite_db.session_scope() as s:
        _new_event(s, **values)
    assert caught.value.for_field(field), caught.value.problems
    assert message in str(caught.value)
    with sqlite_db.session_scope(readonly=True) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == 0
        assert (
            s.scalar(
                sa.select(sa.func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.entity == "event")
            )
            == 0
        )


def test_references_run_per_year(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        refs = [
            _new_event(s, start_date=dt.date(y, 1, 10), end_date=dt.date(y, 1, 11)).reference
            for y in (2024, 2024, 2025, 2024)
        ]
    assert refs == ["2024-001", "2024-002", "2025-001", "2024-003"]
    with pytest.raises(ValidationError, match="already used"), sqlite_db.session_scope() as s:
        _new_event(s, reference="2024-002")


def test_database_enforces_constraints_without_services(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = _new_event(s)
        person = people.create_person(s, family_name="Omarov", sex=Sex.MALE)
        participations.add_participation(s, event.id, person.id)
        ids = event.id, person.id
    with pytest.raises(sa.exc.IntegrityError), any_db.session_scope() as s:
        s.add(Participation(event_id=ids[0], person_id=ids[1]))
    with pytest.raises(sa.exc.IntegrityError), any_db.session_scope() as s:
        s.add(Event(reference="2024-001", title="x", type=EventType.OTHER,
                    start_date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 3)))  # fmt: skip
    with pytest.raises(sa.exc.IntegrityError), any_db.session_scope() as s:
        s.add(Event(reference="2024-099", title="x", type=EventType.OTHER,
                    start_date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 1)))  # fmt: skip


def test_participation_twice_is_refused_and_binned_one_comes_back(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _new_event(s)
        person = people.create_person(s, family_name="Omarova", given_name="Aigerim", sex="female")
        first = participations.add_participation(s, event.id, person.id)
        with pytest.raises(ValidationError, match="already listed"):
            participations.add_participation(s, event.id, person.id)
        participations.remove_participation(s, first.id)
        again = participations.add_participation(s, event.id, person.id, role="speaker")
        assert again.id == first.id and again.deleted_at is None
        actions = [e.action for e in _audit(s, again)]
        assert actions == [AuditAction.CREATE, AuditAction.DELETE, AuditAction.RESTORE]
        assert _audit(s, again)[-1].changes["role"] == ["participant", "speaker"]


def test_bulk_status_change_audits_each_row(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _new_event(s, start_date=dt.date(2030, 1, 1), end_date=dt.date(2030, 1, 2))
        rows = [
            participations.add_participation(
                s, event.id, people.create_person(s, family_name=f"Person {i}").id
            )
            for i in range(3)
        ]
        assert {r.status for r in rows} == {ParticipationStatus.REGISTERED}
        participations.set_participation_status(s, [r.id for r in rows], "attended")
        for row in rows:
            assert row.status == ParticipationStatus.ATTENDED
            assert _audit(s, row)[-1].changes == {"status": ["registered", "attended"]}


def test_head_count_uses_reported_figures_only_without_a_list(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = _new_event(s, reported_total=15, reported_female=4, reported_male=11)
        counts = events.head_count(s, event)
        assert (counts.total, counts.female, counts.male, counts.source) == (15, 4, 11, "reported")
        woman = people.create_person(s, family_name="Nazarova", sex="female")
        man = people.create_person(s, family_name="Rahimov", sex="male")
        participations.add_participation(s, event.id, woman.id)
        participations.add_participation(s, event.id, man.id, status="no_show")
        counts = events.head_count(s, event)
        assert (counts.total, counts.female, counts.male, counts.source) == (
            1,
            1,
            0,
            "participants",
        )


def test_person_needs_a_family_name_in_some_script(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with (
        pytest.raises(ValidationError, match="family name is required") as caught,
        sqlite_db.session_scope() as s,
    ):
        people.create_person(s, given_name="Sergey", email="not-an-address")
    messages = " ".join(p.message for p in caught.value.problems)
    assert "is not an e-mail address" in messages


def test_organisation_cannot_be_its_own_ancestor(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        parent = organizations.create_organization(s, name="OSCE Secretariat")
        child = organizations.create_organization(s, name="BSMU", parent_id=parent.id)
        with pytest.raises(ValidationError, match="own parent"):
            organizations.update_organization(s, parent.id, parent.version, parent_id=child.id)


def test_format_and_event_defaults(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        event = events.create_event(
            s, title="Planning meeting", type=EventType.MEETING, start_date="2031-02-03",
            format="Online",
        )  # fmt: skip
        assert event.end_date == dt.date(2031, 2, 3)
        assert event.status == EventStatus.PLANNED and event.format == EventFormat.ONLINE


def test_control_characters_never_reach_the_database(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        person = people.create_person(s, family_name="Ata\x00ev", notes="line one\nline\x07 two")
        assert person.family_name == "Ataev" and person.notes == "line one\nline two"
