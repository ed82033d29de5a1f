"""Who took part in an event: add, change (one or many at once), remove and restore."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import fields
from app.errors import FieldProblem, ValidationError
from app.i18n import N_, tr
from app.services import records as r
from db.enums import (
    AttendanceMode,
    AuditAction,
    EventFormat,
    EventStatus,
    ParticipationStatus,
)
from db.models import (
    Event,
    Participation,
    Person,
    participation_id,
)

CERTIFICATE_FLAG = N_(
    "Certificate issued follows the register of certificates: issue one from the event's"
    " Certificates of attendance."
)


def _check(
    session: Session, merged: dict[str, Any], current: Participation | None
) -> list[FieldProblem]:
    issued = bool(merged.get("certificate_issued"))
    if issued != (current.certificate_issued if current is not None else False):
        return [FieldProblem("certificate_issued", tr(CERTIFICATE_FLAG))]
    event = session.get(Event, merged["event_id"]) if merged.get("event_id") else None
    days = merged.get("days_attended")
    if event is not None and days is not None:
        length = (event.end_date - event.start_date).days + 1
        if days > length:
            return [
                FieldProblem(
                    "days_attended",
                    tr("Days attended ({days}) is more than the event lasted ({length}).").format(
                        days=days, length=length
                    ),
                )
            ]
    return []


PARTICIPATION = r.RecordSpec(
    model=Participation,
    noun="participation",
    catalogue=fields.PARTICIPATION,
    check=_check,
)


def existing_participation(session: Session, event_id: Any, person_id: Any) -> Participation | None:
    """The participation of this person in this event, live or in the recycle bin."""
    return session.scalar(
        sa.select(Participation).where(
            Participation.event_id == event_id, Participation.person_id == person_id
        )
    )


def event_defaults(event: Event) -> dict[str, Any]:
    """Role, status and mode of a new participation in ``event`` when nothing else is said."""
    return listing_defaults(event.status, event.end_date, event.format)


def listing_defaults(
    status: EventStatus | None, end_date: dt.date | None, event_format: EventFormat | None
) -> dict[str, Any]:
    """Role, status and mode of a new listing for an event of this status, end and format (also
    one not saved yet, as the event form has it): a participant, attended if the event is over
    (else registered), online for online events. The one rule the forms and the import use."""
    past = status == EventStatus.HELD or (end_date is not None and end_date < dt.date.today())
    return {
        "role": fields.PARTICIPATION["role"].default,
        "status": ParticipationStatus.ATTENDED if past else ParticipationStatus.REGISTERED,
        "mode": AttendanceMode.ONLINE
        if event_format == EventFormat.ONLINE
        else AttendanceMode.IN_PERSON,
    }


def _defaults(session: Session, event_id: Any, person_id: Any) -> dict[str, Any]:
    event = session.get(Event, event_id)
    person = session.get(Person, person_id)
    if event is None or person is None:
        return {}  # validation names what is missing
    return {
        **event_defaults(event),
        "organization_id": person.organization_id,
        "position": person.position,
    }


def add_participation(
    session: Session, event_id: Any, person_id: Any, **values: Any
) -> Participation:
    """Add a person to an event. Role, status, mode, organisation and position default sensibly
    (attended for a past event; the person's current organisation and post)."""
    event_key = r.reference_to(Event, "event")(event_id)
    person_key = r.reference_to(Person, "person")(person_id)
    found = existing_participation(session, event_key, person_key)
    if found is not None and found.deleted_at is None:
        person = session.get(Person, person_key)
        name = person.display_name() if person else "This person"
        raise ValidationError.single(
            "person_id", tr("{name} is already listed for this event.").format(name=name)
        )
    values = {**_defaults(session, event_key, person_key), **values}
    if found is not None:
        return _bring_back(session, found, values)
    values.update(event_id=event_key, person_id=person_key)
    values.setdefault("id", participation_id(event_key, person_key))
    return r.create_record(session, PARTICIPATION, values)


def _bring_back(session: Session, found: Participation, values: dict[str, Any]) -> Participation:
    """Restore a binned participation with new values, as one audited restore."""
    clean = PARTICIPATION.validate(session, values, current=found)
    changes: dict[str, tuple[Any, Any]] = {"deleted_at": (found.deleted_at, None)}
    for name, new in clean.items():
        if getattr(found, name) != new:
            changes[name] = (getattr(found, name), new)
            setattr(found, name, new)
    found.deleted_at = None
    r.flush(session, PARTICIPATION.noun)
    r.record_audit(session, AuditAction.RESTORE, found, changes)
    return found


def update_participation(
    session: Session, participation_id: Any, expected_version: int | None, **values: Any
) -> Participation:
    moved = {"event_id", "person_id"} & set(values)
    if moved:
        raise ValidationError.single(
            sorted(moved)[0], tr("A participation cannot be moved to another event or person.")
        )
    return r.update_record(session, PARTICIPATION, participation_id, expected_version, values)


def set_participation_status(
    session: Session, participation_ids: Iterable[Any], status: ParticipationStatus | str
) -> list[Participation]:
    """Give several participations the same status at once (each change audited)."""
    return [update_participation(session, pid, None, status=status) for pid in participation_ids]


def remove_participation(
    session: Session, participation_id: Any, expected_version: int | None = None
) -> Participation:
    return r.soft_delete(session, Participation, participation_id, expected_version)


def restore_participation(session: Session, participation_id: Any) -> Participation:
    return r.restore(session, Participation, participation_id)
