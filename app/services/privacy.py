"""Personal data: anonymising a person, and finding people due for it under a retention period.

Anonymising erases what identifies the person — names in both scripts, contacts, post, notes,
and the post and notes of their participations — and keeps sex, nationality, organisation and
the participations themselves, so every figure and report stays as it was. Past audit entries of
the person and their participations have the erased values blanked too (the trail keeps who
changed what, and when, but no longer the personal data); the ``anonymise`` entry itself holds
no erased value. Every copy of the person goes with them: the duplicates merged into them (in
the recycle bin) and the record they were merged into; the search index is purged and the person
listed in the register of erasures, which a restore applies again (``db.erasure``).

The retention review offers a person only when nobody among them and their merged copies took
part in an event that ended inside the period — counting events and participations in the
recycle bin, which can come back: its "Last event" is that same date, so what it shows and
what it offers never disagree. People in the recycle bin are reviewed too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.services import records as r
from db import erasure as e
from db.enums import AuditAction
from db.models import Certificate, Event, Participation, Person

ANONYMISED_NAME = e.ANONYMISED_NAME
ERASED = e.ERASED
PERSON_FIELDS = e.PERSON_FIELDS
PARTICIPATION_FIELDS = e.PARTICIPATION_FIELDS


def anonymise_people(session: Session, person_ids: Iterable[Any]) -> None:
    """Erase the people ``person_ids`` and every merged copy of them (see the module docstring),
    in the caller's transaction: one audit entry per record, one purge of the search index."""
    ids = [r.get_record(session, Person, pid, deleted=True).id for pid in person_ids]
    r.flush(session, "person")
    connection = session.connection()
    actor = session.info.get("actor") or "unknown"
    family = e.with_merged_copies(connection, ids)
    e.erase_people(connection, family, actor)
    session.expire_all()  # the rows were written beside the ORM
    _erase_certificate_digests(session, family)


def _erase_certificate_digests(session: Session, person_ids: Iterable[uuid.UUID]) -> None:
    """The hash of the names printed on a person's certificates would let a list of names be
    tried against it: erased too (the register keeps number, code, event and dates)."""
    for certificate in session.scalars(
        sa.select(Certificate).where(
            Certificate.person_id.in_(list(person_ids)), Certificate.content_digest != ERASED
        )
    ):
        certificate.content_digest = ERASED
        r.record_audit(
            session, AuditAction.ANONYMISE, certificate, {"content_digest": (ERASED, ERASED)}
        )


def anonymise_person(
    session: Session, person_id: Any, expected_version: int | None = None
) -> Person:
    """Erase what identifies a person and their merged copies (see the module docstring)."""
    person = r.get_record(session, Person, person_id, deleted=True)
    r.check_version(person, expected_version, "person")
    anonymise_people(session, [person.id])
    session.refresh(person)
    return person


def _cutoff(years: int, today: dt.date | None) -> dt.date:
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def due_rows(session: Session, years: int, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The people due for anonymising under a retention period of ``years`` (see the module
    docstring), one row per person with their merged copies, oldest last event first: the id to
    anonymise, name, nationality, last event (None if never listed anywhere), and whether the
    record is in the recycle bin."""
    cutoff = _cutoff(years, today)
    connection = session.connection()
    families = e.merge_families(e.merge_links(connection))
    erased = e.registered_erasures(connection)
    last_event = dict(
        session.execute(
            sa.select(Participation.person_id, sa.func.max(Event.end_date))
            .join(Event, Event.id == Participation.event_id)
            .group_by(Participation.person_id)
        ).all()
    )  # every participation and event, binned or not
    recent = (
        sa.select(Participation.person_id)
        .join(Event, Event.id == Participation.event_id)
        .where(Event.end_date >= cutoff)
    )
    # Columns, not ORM objects: a large database can have a hundred thousand people due.
    waiting = session.execute(
        sa.select(
            Person.id, Person.deleted_at, Person.nationality, Person.family_name,
            Person.given_name, Person.family_name_local, Person.given_name_local,
        )
        .where(Person.id.not_in(sa.select(e.erasure.c.person_id)), Person.id.not_in(recent))
        .order_by(Person.deleted_at.is_not(None))  # a family is shown by its live member
    )  # fmt: skip
    rows, seen = [], set()
    for person in waiting:
        family = families.get(person.id, {person.id})
        if person.id in seen:
            continue
        seen |= family
        last = max((last_event[m] for m in family if m in last_event), default=None)
        if (last is not None and last >= cutoff) or family <= erased:
            continue
        rows.append(
            {
                "person_id": person.id,
                "name": Person.display_name(person),  # type: ignore[arg-type]
                "nationality": person.nationality,
                "last_event": last,
                "in_recycle_bin": person.deleted_at is not None,
            }
        )
    return sorted(rows, key=lambda row: (row["last_event"] or dt.date.min, row["name"]))


def people_due_for_anonymising(
    session: Session, years: int, today: dt.date | None = None
) -> list[uuid.UUID]:
    """The ids of ``due_rows``: who the retention review offers for anonymising."""
    return [row["person_id"] for row in due_rows(session, years, today)]
