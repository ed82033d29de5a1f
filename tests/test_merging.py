"""Merging duplicates moves everything to the survivor and loses nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from app.errors import ConflictError, ValidationError
from app.services import events, merging, organizations, participations, partners, people
from app.services.records import audit_history
from db.enums import ParticipationStatus
from db.models import EventPartner, Organization, Participation, Person


def _event(s, title="Seminar"):  # type: ignore[no-untyped-def]
    return events.create_event(s, title=title, type="seminar", start_date=dt.date(2023, 3, 1))


def test_people_in_the_same_event_become_one_participation(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        shared, only_theirs = _event(s, "Shared"), _event(s, "Theirs")
        keep = people.create_person(
            s, family_name_local="Атаев", given_name_local="Сергей", sex="male"
        )
        drop = people.create_person(
            s, family_name="Atayev", given_name="Sergey", email="s.atayev@example.tm"
        )
        participations.add_participation(s, shared.id, keep.id, status="no_show")
        participations.add_participation(s, shared.id, drop.id, status="attended", role="speaker")
        participations.add_participation(s, only_theirs.id, drop.id)
        ids = keep.id, drop.id, shared.id, only_theirs.id
    with sqlite_db.session_scope() as s:
        result = merging.merge_people(
            s, ids[0], ids[1], {"family_name": "Atayev", "email": "s.atayev@example.tm"}, (1, 1)
        )
        assert (result.moved, result.binned) == (1, 1)
    with sqlite_db.session_scope(readonly=True) as s:
        live = s.scalars(sa.select(Participation).where(
            Participation.person_id == ids[0], Participation.deleted_at.is_(None))).all()  # fmt: skip
        assert {p.event_id for p in live} == {ids[2], ids[3]}
        shared_row = next(p for p in live if p.event_id == ids[2])
        assert shared_row.status == ParticipationStatus.ATTENDED  # took the attended one's status
        keep = s.get(Person, ids[0])
        assert keep.email == "s.atayev@example.tm" and keep.family_name_local == "Атаев"
        assert s.get(Person, ids[1]).deleted_at is not None
        merge_entry = audit_history(s, "person", ids[0])[-1]
        assert merge_entry.changes["merged_from"] == [None, str(ids[1])]
        assert merge_entry.changes["email"] == [None, "s.atayev@example.tm"]


def test_stale_or_identical_merge_is_refused(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        a = people.create_person(s, family_name="Omarov")
        b = people.create_person(s, family_name="Omarov")
        ids = a.id, b.id
    with pytest.raises(ValidationError), sqlite_db.session_scope() as s:
        merging.merge_people(s, ids[0], ids[0])
    with sqlite_db.session_scope() as s:
        people.update_person(s, ids[1], 1, given_name="Erlan")
    with pytest.raises(ConflictError), sqlite_db.session_scope() as s:
        merging.merge_people(s, ids[0], ids[1], {}, (1, 1))


def test_organisations_merge_people_roles_and_children(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        keep = organizations.create_organization(
            s, name="State Customs Committee", country="UZ", sector="customs"
        )
        drop = organizations.create_organization(
            s, name="State Customs Committee of Uzbekistan", acronym="ГТК"
        )
        unit = organizations.create_organization(s, name="Customs Institute", parent_id=drop.id)
        person = people.create_person(s, family_name="Karimova", organization_id=drop.id)
        event = _event(s)
        participations.add_participation(s, event.id, person.id)
        partners.add_partner(s, event.id, keep.id, "host")
        partners.add_partner(s, event.id, drop.id, "host")
        partners.add_partner(s, event.id, drop.id, "expert_provider")
        ids = keep.id, drop.id, unit.id, person.id
    with any_db.session_scope() as s:
        merging.merge_organizations(s, ids[0], ids[1], {"acronym": "ГТК"})
    with any_db.session_scope(readonly=True) as s:
        assert s.get(Person, ids[3]).organization_id == ids[0]
        assert s.scalar(sa.select(Participation.organization_id)) == ids[0]
        assert s.get(Organization, ids[2]).parent_id == ids[0]
        assert s.get(Organization, ids[0]).acronym == "ГТК"
        roles = s.execute(
            sa.select(EventPartner.organization_id, EventPartner.role, EventPartner.deleted_at)
        ).all()
        live = sorted((str(r[1]), r[0] == ids[0]) for r in roles if r[2] is None)
        assert live == [("expert_provider", True), ("host", True)]
