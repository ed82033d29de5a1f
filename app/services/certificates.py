"""Certificates of attendance: who may have one, the register of those issued, their numbers and
verification codes, reissues, and the office's logo printed on them.

- **Eligible**: a live participation of a live person in an event that was not cancelled, with
  status *attended*, or *partially attended* when the event sets the days a certificate needs
  (``certificate_min_days``) and the participation records at least that many days. Never a
  no-show, cancelled, invited or registered listing.
- **Numbered**: ``OFFICE-YEAR-NNNN`` (``YEAR-NNNN`` where the office has no code), the year being
  the year the event starts; per office and year the serials run 1, 2, 3… without gaps. The next
  serial is taken under a lock (the SQLite write lock; a PostgreSQL advisory lock per office and
  year) and the unique constraint on (office, year, serial) backs it up.
- **Verifiable**: a random code of ten characters from an alphabet without look-alikes, written
  in two groups of five (``7KQ2M-X9HTD``).
- **Reissued** when what a certificate states about the person or the event was corrected since:
  a new certificate with a new number; the old one stays in the register, superseded by it.

Every certificate issued is audited; the participation's ``certificate_issued`` is set in the
same transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import uuid
import zlib
from collections.abc import Collection, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from app.errors import NotFoundError, ValidationError
from app.i18n import N_, tr
from app.services import records as r
from app.services.office_settings import office_code
from db.base import utcnow
from db.enums import AuditAction, EventStatus, ParticipationStatus
from db.models import Certificate, Event, Participation, Person

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U/V look-alikes
CODE_LENGTH = 10

MESSAGES = {
    "unknown_code": N_("No certificate has the verification code '{code}'."),
    "not_listed": N_("The person '{person}' is not listed in event {event}."),
    "not_eligible": N_("{person} cannot have a certificate for {event}: {reason}."),
    "none_eligible": N_("No one listed in event {event} can have a certificate yet: {reason}."),
    "event_cancelled": N_("the event was cancelled"),
    "reason_status": N_("their status is '{status}'"),
    "reason_days": N_("they attended {days} of the {needed} days a certificate needs"),
    "reason_partial": N_("the event does not say how many days a partial attendee needs"),
    "no_attendees": N_("no one is recorded as having attended"),
}


def _message(key: str, **values: object) -> str:
    return tr(MESSAGES[key]).format(**values)


# --- Who may have a certificate ----------------------------------------------------------------


def ineligibility(participation: Participation, event: Event) -> str | None:
    """Why ``participation`` cannot have a certificate for ``event``, or None if it can."""
    if event.status == EventStatus.CANCELLED:
        return _message("event_cancelled")
    status = participation.status
    if status == ParticipationStatus.ATTENDED:
        return None
    if status != ParticipationStatus.PARTIALLY_ATTENDED:
        return _message("reason_status", status=status.value.replace("_", " "))
    needed = event.certificate_min_days
    if needed is None:
        return _message("reason_partial")
    days = participation.days_attended or 0
    if days < needed:
        return _message("reason_days", days=days, needed=needed)
    return None


def _listed(session: Session, event: Event) -> list[Participation]:
    """The live participations of live people in ``event``, in the order names are listed."""
    rows = session.scalars(
        sa.select(Participation)
        .join(Person, Person.id == Participation.person_id)
        .options(joinedload(Participation.person))
        .where(
            Participation.event_id == event.id,
            Participation.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
    ).all()
    return sorted(rows, key=lambda p: _sort_key(p.person))


def _sort_key(person: Person) -> tuple[str, str, str]:
    family = person.family_name or person.family_name_local or ""
    given = person.given_name or person.given_name_local or ""
    return (family.casefold(), given.casefold(), str(person.id))


def eligible_participations(session: Session, event: Event) -> list[Participation]:
    """Everyone in ``event`` who may have a certificate, in the order of the list of names."""
    return [p for p in _listed(session, event) if ineligibility(p, event) is None]


@dataclasses.dataclass(frozen=True)
class Candidate:
    """One listed person as the certificates dialog shows them."""

    participation_id: uuid.UUID
    person_id: uuid.UUID
    name: str
    status: ParticipationStatus
    days_attended: int | None
    reason: str | None  # why not eligible; None if eligible
    current_number: str | None


def candidates(session: Session, event: Event) -> list[Candidate]:
    """Everyone listed in ``event``, each with whether they may have a certificate (and why
    not) and the number of their current certificate."""
    current = {c.participation_id: c.number for c in current_certificates(session, event.id)}
    return [
        Candidate(
            p.id,
            p.person_id,
            p.person.display_name(),
            p.status,
            p.days_attended,
            ineligibility(p, event),
            current.get(p.id),
        )
        for p in _listed(session, event)
    ]


# --- What a certificate states, and its digest -------------------------------------------------


def content_digest(person: Person, event: Event) -> str:
    """A hash of what a certificate states about ``person`` and ``event`` (names in both
    scripts, the event's titles, dates and place): when it changes, the certificate is
    reissued. A hash, so the register keeps no second copy of the person's name."""
    stated = {
        "person": [
            person.family_name,
            person.given_name,
            person.patronymic,
            person.family_name_local,
            person.given_name_local,
            person.patronymic_local,
        ],
        "event": [
            event.title,
            event.title_ru,
            event.start_date.isoformat(),
            event.end_date.isoformat(),
            event.city,
            event.country,
        ],
    }
    encoded = json.dumps(stated, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


# --- Numbers and codes ---------------------------------------------------------------------------


def new_code() -> str:
    """A random verification code: ten characters in two groups of five."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_code(text: str) -> str:
    """A code as typed (any case, spaces or dashes anywhere) in its stored form."""
    raw = "".join(ch for ch in str(text).upper() if ch.isascii() and ch.isalnum())
    if len(raw) != CODE_LENGTH:
        return raw
    return f"{raw[:5]}-{raw[5:]}"


def format_number(office: str, year: int, serial: int) -> str:
    return f"{office}-{year}-{serial:04d}" if office else f"{year}-{serial:04d}"


def _lock_numbers(session: Session, office: str, year: int) -> None:
    """Hold, until the transaction ends, the right to take the next serial of (office, year).
    On SQLite the write transaction already holds the database's write lock."""
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(f"convene-certificate:{office}:{year}".encode())
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))


def _next_serial(session: Session, office: str, year: int) -> int:
    highest = session.scalar(
        sa.select(sa.func.max(Certificate.serial)).where(
            Certificate.office == office, Certificate.year == year
        )
    )
    return (highest or 0) + 1


def _unique_code(session: Session) -> str:
    while True:
        code = new_code()
        if session.scalar(sa.select(Certificate.id).where(Certificate.code == code)) is None:
            return code


# --- Issuing -----------------------------------------------------------------------------------


def current_certificates(session: Session, event_id: uuid.UUID) -> list[Certificate]:
    """The current (not superseded) certificates of an event."""
    return list(
        session.scalars(
            sa.select(Certificate).where(
                Certificate.event_id == event_id,
                Certificate.superseded_by_id.is_(None),
                Certificate.deleted_at.is_(None),
            )
        )
    )


def _create(session: Session, participation: Participation, event: Event) -> Certificate:
    office = office_code(session) or ""
    year = event.start_date.year
    _lock_numbers(session, office, year)
    serial = _next_serial(session, office, year)
    certificate = Certificate(
        participation_id=participation.id,
        person_id=participation.person_id,
        event_id=event.id,
        office=office,
        year=year,
        serial=serial,
        number=format_number(office, year, serial),
        code=_unique_code(session),
        content_digest=content_digest(participation.person, event),
        issued_at=utcnow(),
        issued_by=session.info.get("actor") or "unknown",
    )
    session.add(certificate)
    r.flush(session, "certificate")
    r.record_audit(
        session,
        AuditAction.CREATE,
        certificate,
        {"number": (None, certificate.number), "participation_id": (None, participation.id)},
        f"Certificate {certificate.number} issued",
    )
    if not participation.certificate_issued:
        participation.certificate_issued = True
        r.flush(session, "participation")
        r.record_audit(
            session, AuditAction.UPDATE, participation, {"certificate_issued": (False, True)}
        )
    return certificate


def _supersede(session: Session, old: Certificate, new: Certificate) -> None:
    old.superseded_by_id = new.id
    r.flush(session, "certificate")
    r.record_audit(
        session,
        AuditAction.UPDATE,
        old,
        {"superseded_by": (None, new.number)},
        f"Certificate {old.number} superseded by {new.number}",
    )


def issue_certificates(
    session: Session,
    event: Event,
    person_id: uuid.UUID | None = None,
    *,
    only: Collection[uuid.UUID] | None = None,
) -> list[Certificate]:
    """The current certificates of everyone eligible in ``event`` (or only of ``person_id``, or
    of the people in ``only`` who are eligible), issuing those not issued yet and reissuing
    those whose person or event was corrected since. In the order of the list of names.
    ValidationError (nothing written) when the person asked for is not eligible, or no one is."""
    listed = _listed(session, event)
    if only is not None:
        listed = [p for p in listed if p.person_id in only]
    if person_id is not None:
        listed = [p for p in listed if p.person_id == person_id]
        if not listed:
            raise NotFoundError(_message("not_listed", person=person_id, event=event.reference))
        reason = ineligibility(listed[0], event)
        if reason is not None:
            name = listed[0].person.display_name()
            raise ValidationError.single(
                "person",
                _message("not_eligible", person=name, event=event.reference, reason=reason),
            )
    eligible = [p for p in listed if ineligibility(p, event) is None]
    if not eligible:
        reason = (
            _message("event_cancelled")
            if event.status == EventStatus.CANCELLED
            else _message("no_attendees")
        )
        raise ValidationError.single(
            "event", _message("none_eligible", event=event.reference, reason=reason)
        )
    # Held from here to the commit: no one else numbers (office, year) or issues for this event
    # meanwhile, so what is read below is still true when the new rows are written.
    _lock_numbers(session, office_code(session) or "", event.start_date.year)
    current = {c.participation_id: c for c in current_certificates(session, event.id)}
    issued = []
    for participation in eligible:
        found = current.get(participation.id)
        if found is not None and found.content_digest == content_digest(
            participation.person, event
        ):
            issued.append(found)
            continue
        certificate = _create(session, participation, event)
        if found is not None:
            _supersede(session, found, certificate)
        issued.append(certificate)
    return issued


def reissue_certificate(session: Session, certificate_id: uuid.UUID) -> Certificate:
    """A new certificate in place of a current one (a new number and code); the old one stays
    in the register, superseded. ValidationError if it was superseded already."""
    old = r.get_record(session, Certificate, certificate_id)
    _lock_numbers(session, office_code(session) or "", old.year)
    session.refresh(old)  # as it is now that no one else can supersede it
    if not old.is_current:
        raise ValidationError.single(
            "certificate",
            tr("Certificate {number} was already superseded.").format(number=old.number),
        )
    event = session.get(Event, old.event_id)
    participation = session.get(Participation, old.participation_id)
    assert event is not None and participation is not None
    new = _create(session, participation, event)
    _supersede(session, old, new)
    return new


def follow_participation(
    session: Session, old: Participation, new: Participation, person_id: uuid.UUID
) -> None:
    """When two people are merged: the certificates of ``old`` (a participation of the person
    merged away) go with it to ``new`` and to ``person_id``. Where ``new`` has a current
    certificate already, the moved current one is superseded by it (one current certificate
    per participation). Audited; numbers and codes never change."""
    mine = next(
        (c for c in current_certificates(session, new.event_id) if c.participation_id == new.id),
        None,
    )
    theirs = session.scalars(
        sa.select(Certificate).where(Certificate.participation_id == old.id)
    ).all()
    for certificate in theirs:
        changes: dict[str, tuple[object, object]] = {}
        if certificate.person_id != person_id:
            changes["person_id"] = (certificate.person_id, person_id)
        if certificate.participation_id != new.id:
            changes["participation_id"] = (certificate.participation_id, new.id)
        if mine is not None and certificate.is_current and certificate.id != mine.id:
            changes["superseded_by"] = (None, mine.number)
            certificate.superseded_by_id = mine.id
        if not changes:
            continue
        certificate.person_id, certificate.participation_id = person_id, new.id
        r.record_audit(session, AuditAction.MERGE, certificate, changes)
    if theirs and not new.certificate_issued:
        new.certificate_issued = True
        r.record_audit(session, AuditAction.MERGE, new, {"certificate_issued": (False, True)})


# --- Reading the register ----------------------------------------------------------------------


def find_by_code(session: Session, code: str) -> Certificate:
    """The certificate with this verification code (current or superseded); NotFoundError."""
    wanted = normalise_code(code)
    found = session.scalar(
        sa.select(Certificate)
        .options(joinedload(Certificate.person), joinedload(Certificate.event))
        .where(Certificate.code == wanted, Certificate.deleted_at.is_(None))
    )
    if found is None:
        raise NotFoundError(_message("unknown_code", code=str(code).strip()))
    return found


def event_register(session: Session, event_id: uuid.UUID) -> list[Certificate]:
    """Every certificate issued for an event, current and superseded, by number."""
    return list(
        session.scalars(
            sa.select(Certificate)
            .options(joinedload(Certificate.person))
            .where(Certificate.event_id == event_id, Certificate.deleted_at.is_(None))
            .order_by(Certificate.year, Certificate.office, Certificate.serial)
        )
    )


def person_certificates(session: Session, person_id: uuid.UUID) -> list[Certificate]:
    """Every certificate issued to a person, newest first."""
    return list(
        session.scalars(
            sa.select(Certificate)
            .options(joinedload(Certificate.event))
            .where(Certificate.person_id == person_id, Certificate.deleted_at.is_(None))
            .order_by(Certificate.issued_at.desc(), Certificate.serial.desc())
        )
    )


def superseding_number(session: Session, certificate: Certificate) -> str | None:
    if certificate.superseded_by_id is None:
        return None
    newer = session.get(Certificate, certificate.superseded_by_id)
    return newer.number if newer is not None else None


def describe(session: Session, certificate: Certificate) -> dict[str, object]:
    """A certificate as ``certificates verify --json`` prints it."""
    event = certificate.event
    return {
        "number": certificate.number,
        "code": certificate.code,
        "person": certificate.person.display_name(),
        "event": {
            "reference": event.reference,
            "title": event.title,
            "start_date": event.start_date.isoformat(),
            "end_date": event.end_date.isoformat(),
        },
        "issued_at": certificate.issued_at.isoformat(timespec="seconds"),
        "current": certificate.is_current,
        "superseded_by": superseding_number(session, certificate),
    }


def list_entry(certificate: Certificate) -> dict[str, object]:
    """A certificate as ``certificates list --json`` prints it."""
    return {
        "number": certificate.number,
        "code": certificate.code,
        "person": certificate.person.display_name(),
        "issued_at": certificate.issued_at.isoformat(timespec="seconds"),
        "current": certificate.is_current,
    }


def numbers(certificates: Sequence[Certificate]) -> list[str]:
    return [c.number for c in certificates]
