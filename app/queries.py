"""Read-side queries shared by the CLI, the GUI and reports: event lists and event details as
plain, JSON-ready dictionaries (the shapes DESIGN.md gives for ``--json``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app import reference
from app.services.events import head_count
from app.services.records import json_ready
from db.enums import PartnerRole
from db.models import Event, EventPartner, Organization, Participation, Person

EVENT_FIELDS = (
    "reference",
    "title",
    "title_ru",
    "type",
    "series",
    "series_number",
    "start_date",
    "end_date",
    "format",
    "scope",
    "venue",
    "city",
    "country",
    "organising_unit",
    "organising_unit_ru",
    "status",
    "summary",
    "outcomes",
    "notes",
    "reported_total",
    "reported_female",
    "reported_male",
)


def list_events(session: Session) -> list[dict[str, Any]]:
    """Every live event, newest first, with how many people are listed for it."""
    listed = (
        sa.select(Participation.event_id, sa.func.count().label("n"))
        .join(Person, Person.id == Participation.person_id)
        .where(Participation.deleted_at.is_(None), Person.deleted_at.is_(None))
        .group_by(Participation.event_id)
        .subquery()
    )
    rows = session.execute(
        sa.select(Event, sa.func.coalesce(listed.c.n, 0))
        .outerjoin(listed, listed.c.event_id == Event.id)
        .where(Event.deleted_at.is_(None))
        .order_by(Event.start_date.desc(), Event.reference.desc())
    ).all()
    return [
        {
            "id": str(event.id),
            **{
                name: json_ready(getattr(event, name))
                for name in (
                    "reference",
                    "title",
                    "title_ru",
                    "type",
                    "start_date",
                    "end_date",
                    "format",
                    "city",
                    "country",
                    "status",
                )
            },
            "participants_listed": n,
        }
        for event, n in rows
    ]


def _participations_of(session: Session, event_id: Any) -> list[Any]:
    """(participation, person, name of the organisation held then) of an event, by name."""
    held_at = aliased(Organization)
    return session.execute(
        sa.select(Participation, Person, held_at.name)
        .join(Person, Person.id == Participation.person_id)
        .outerjoin(held_at, held_at.id == Participation.organization_id)
        .where(
            Participation.event_id == event_id,
            Participation.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
        .order_by(sa.func.coalesce(Person.family_name, Person.family_name_local), Person.given_name)
    ).all()


def _event_row(event: Event) -> dict[str, Any]:
    """What the event tables of the forms show about an event (its title in the current
    language, English where it has no Russian one)."""
    return {
        "event_id": event.id,
        "reference": event.reference,
        "title": reference.event_title(event.title, event.title_ru),
        "title_ru": event.title_ru,
        "start_date": event.start_date,
        "end_date": event.end_date,
        "city": event.city,
        "country": event.country,
        "status": event.status,
    }


def event_details(session: Session, event: Event) -> dict[str, Any]:
    """An event with its partners, participants and head-counts (``events show --json``)."""
    details: dict[str, Any] = {"id": str(event.id), "version": event.version}
    details.update({name: json_ready(getattr(event, name)) for name in EVENT_FIELDS})
    details["project"] = (
        {"code": event.project.code, "title": event.project.title} if event.project else None
    )
    details["fields_of_work"] = [f.code for f in event.fields_of_work]
    roles = list(PartnerRole)
    partner_rows = session.execute(
        sa.select(
            Organization.name, Organization.acronym, EventPartner.role, Organization.name_local
        )
        .join(Organization, Organization.id == EventPartner.organization_id)
        .where(EventPartner.event_id == event.id, EventPartner.deleted_at.is_(None))
    ).all()
    details["partners"] = [
        {
            "organization": name,
            "organization_local": local,
            "acronym": acronym,
            "role": json_ready(role),
        }
        for name, acronym, role, local in sorted(
            partner_rows, key=lambda r: (roles.index(r[2]), r[0])
        )
    ]
    details["participants"] = [
        {
            "family_name": person.family_name,
            "given_name": person.given_name,
            "family_name_local": person.family_name_local,
            "given_name_local": person.given_name_local,
            "patronymic": person.patronymic or person.patronymic_local,
            "sex": json_ready(person.sex),
            "nationality": person.nationality,
            "organization": organization,
            "role": json_ready(participation.role),
            "status": json_ready(participation.status),
            "mode": json_ready(participation.mode),
        }
        for participation, person, organization in _participations_of(session, event.id)
    ]
    counts = head_count(session, event)
    details["counts"] = {
        "total": counts.total,
        "female": counts.female,
        "male": counts.male,
        "unspecified": counts.unspecified,
        "source": counts.source,
        # women among those whose sex is known (null when nobody's is), not among everyone
        "share_female": None if counts.share_female is None else round(counts.share_female, 4),
    }
    return details


def participant_rows(session: Session, event_id: Any) -> list[dict[str, Any]]:
    """The live participations of an event with the person's details, by name (for forms)."""
    rows = _participations_of(session, event_id)
    return [
        {
            "participation_id": participation.id,
            "version": participation.version,
            "person_id": person.id,
            "name": " ".join(p for p in (person.family_name, person.given_name) if p),
            "name_local": " ".join(
                p for p in (person.family_name_local, person.given_name_local) if p
            ),
            "sex": person.sex,
            "nationality": person.nationality,
            "organization_id": participation.organization_id,
            "organization": organization or "",
            "position": participation.position,
            "role": participation.role,
            "status": participation.status,
            "mode": participation.mode,
        }
        for participation, person, organization in rows
    ]


def partner_rows(session: Session, event_id: Any) -> list[dict[str, Any]]:
    """The live partners of an event (organisation and role), organisers first."""
    roles = list(PartnerRole)
    rows = session.execute(
        sa.select(EventPartner, Organization)
        .join(Organization, Organization.id == EventPartner.organization_id)
        .where(EventPartner.event_id == event_id, EventPartner.deleted_at.is_(None))
    ).all()
    result = [
        {
            "partner_id": partner.id,
            "version": partner.version,
            "organization_id": organization.id,
            "organization": organization.display_name(),
            "role": partner.role,
        }
        for partner, organization in rows
    ]
    return sorted(result, key=lambda r: (roles.index(r["role"]), r["organization"]))


def person_history(session: Session, person_id: Any) -> list[dict[str, Any]]:
    """Every event a person took part in, newest first, with their part in it."""
    held_at = aliased(Organization)
    rows = session.execute(
        sa.select(Event, Participation, held_at.name)
        .join(Participation, Participation.event_id == Event.id)
        .outerjoin(held_at, held_at.id == Participation.organization_id)
        .where(
            Participation.person_id == person_id,
            Participation.deleted_at.is_(None),
            Event.deleted_at.is_(None),
        )
        .order_by(Event.start_date.desc())
    ).all()
    return [
        {
            **_event_row(event),
            "role": participation.role,
            "status": participation.status,
            "organization": organization or "",
            "position": participation.position,
        }
        for event, participation, organization in rows
    ]


def organization_people(session: Session, organization_id: Any) -> list[dict[str, Any]]:
    """The live people who work for an organisation, by name."""
    people = session.scalars(
        sa.select(Person)
        .where(Person.organization_id == organization_id, Person.deleted_at.is_(None))
        .order_by(sa.func.coalesce(Person.family_name, Person.family_name_local), Person.given_name)
    )
    return [
        {
            "person_id": p.id,
            "name": p.display_name(),
            "position": p.position,
            "email": p.email,
            "sex": p.sex,
        }
        for p in people
    ]


def organization_events(session: Session, organization_id: Any) -> list[dict[str, Any]]:
    """Events in which an organisation had a role (organiser, donor, host…), newest first."""
    rows = session.execute(
        sa.select(Event, EventPartner.role)
        .join(EventPartner, EventPartner.event_id == Event.id)
        .where(
            EventPartner.organization_id == organization_id,
            EventPartner.deleted_at.is_(None),
            Event.deleted_at.is_(None),
        )
        .order_by(Event.start_date.desc())
    ).all()
    return [{**_event_row(event), "role": role} for event, role in rows]


def project_events(session: Session, project_id: Any) -> list[dict[str, Any]]:
    """The live events of a project, newest first."""
    rows = session.scalars(
        sa.select(Event)
        .where(Event.project_id == project_id, Event.deleted_at.is_(None))
        .order_by(Event.start_date.desc())
    )
    return [_event_row(e) for e in rows]
