"""Personal data: anonymising a person, and finding people due for it under a retention period.

Anonymising erases what identifies the person — names in both scripts, contacts, post, notes,
and the post and notes of their participations — and keeps sex, nationality, organisation and
the participations themselves, so every figure and report stays as it was. Past audit entries of
the person and their participations have the erased values blanked too (the trail keeps who
changed what, and when, but no longer the personal data); the ``anonymise`` entry itself holds
no erased value.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.services import records as r
from db.base import utcnow
from db.enums import AuditAction
from db.models import Certificate, Event, Participation, Person

ANONYMISED_NAME = "Anonymised"
ERASED = "[erased]"
PERSON_FIELDS = (
    "family_name", "given_name", "patronymic", "family_name_local", "given_name_local",
    "patronymic_local", "position", "rank", "email", "phone", "notes",
)  # fmt: skip
PARTICIPATION_FIELDS = ("position", "notes")


def _erase(value: Any) -> Any:
    """A value as the scrubbed history keeps it: nothing personal, placeholders as they are."""
    return value if value in (None, ANONYMISED_NAME, ERASED) else ERASED


def _scrub_history(
    session: Session, entity: str, record_id: uuid.UUID, fields: tuple[str, ...]
) -> None:
    for entry in r.audit_history(session, entity, record_id):
        changes = dict(entry.changes)
        touched = False
        for name in fields:
            if name in changes:
                changes[name] = [_erase(value) for value in changes[name]]
                touched = True
        if "match_key" in changes:  # derived from the names: erased, but an empty key stays empty
            changes["match_key"] = [value and ERASED for value in changes["match_key"]]
            touched = True
        if touched:
            entry.changes = changes
        if entry.summary and entity == "person":
            entry.summary = None


def anonymise_person(
    session: Session, person_id: Any, expected_version: int | None = None
) -> Person:
    """Erase what identifies a person (see the module docstring); one audit entry per record."""
    person = r.get_record(session, Person, person_id, deleted=True)
    r.check_version(person, expected_version, "person")
    _scrub_history(session, "person", person.id, PERSON_FIELDS)
    changed: dict[str, tuple[Any, Any]] = {}
    for name in PERSON_FIELDS:
        new = ANONYMISED_NAME if name == "family_name" else None
        if getattr(person, name) != new:
            changed[name] = (_erase(getattr(person, name)), new)
            setattr(person, name, new)
    if person.match_key:
        # Recorded (as erased) so the trail still replays: later edits start from the empty key.
        changed["match_key"] = (ERASED, "")
    person.match_key = ""
    person.updated_at = utcnow()
    r.flush(session, "person")
    r.record_audit(session, AuditAction.ANONYMISE, person, changed)
    for participation in session.scalars(
        sa.select(Participation).where(Participation.person_id == person.id)
    ):
        _scrub_history(session, "participation", participation.id, PARTICIPATION_FIELDS)
        erased = {
            name: (ERASED, None)
            for name in PARTICIPATION_FIELDS
            if getattr(participation, name) is not None
        }
        if erased:
            for name in erased:
                setattr(participation, name, None)
            r.record_audit(session, AuditAction.ANONYMISE, participation, erased)
    for certificate in session.scalars(
        sa.select(Certificate).where(Certificate.person_id == person.id)
    ):
        # The hash of the names printed on it would let a list of names be tried against it.
        if certificate.content_digest != ERASED:
            certificate.content_digest = ERASED
            r.record_audit(
                session, AuditAction.ANONYMISE, certificate, {"content_digest": (ERASED, ERASED)}
            )
    r.flush(session, "person")
    return person


def people_due_for_anonymising(
    session: Session, years: int, today: dt.date | None = None
) -> list[uuid.UUID]:
    """Live, not yet anonymised people with no participation in an event that ended within the
    last ``years`` years (including people with no participation at all)."""
    today = today or dt.date.today()
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    recent = (
        sa.select(Participation.person_id)
        .join(Event, Event.id == Participation.event_id)
        .where(
            Event.end_date >= cutoff, Participation.deleted_at.is_(None), Event.deleted_at.is_(None)
        )
    )
    statement = (
        sa.select(Person.id)
        .where(
            Person.deleted_at.is_(None),
            Person.match_key != "",
            Person.id.not_in(recent),
        )
        .order_by(Person.family_name)
    )
    return list(session.scalars(statement))


def due_rows(session: Session, years: int, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The people due for anonymising, with their last event (for the retention dialog)."""
    ids = people_due_for_anonymising(session, years, today)
    if not ids:
        return []
    last = dict(
        session.execute(
            sa.select(Participation.person_id, sa.func.max(Event.end_date))
            .join(Event, Event.id == Participation.event_id)
            .where(Participation.person_id.in_(ids), Participation.deleted_at.is_(None))
            .group_by(Participation.person_id)
        ).all()
    )
    rows = [
        {
            "person_id": p.id,
            "name": p.display_name(),
            "nationality": p.nationality,
            "last_event": last.get(p.id),
        }
        for p in session.scalars(sa.select(Person).where(Person.id.in_(ids)))
    ]
    return sorted(rows, key=lambda row: (row["last_event"] or dt.date.min, row["name"]))
