"""Create, change, delete and restore events; find them by reference; count who took part.

References are ``YYYY-NNN``: the year the event starts and the next free number in that year;
``CODE-YYYY-NNN`` once the database belongs to a named office (``app.sync.offices``), so that no
two offices make the same one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import fields, reference
from app.errors import FieldProblem, NotFoundError, ValidationError
from app.i18n import tr
from app.services import records as r
from app.sync.offices import code_in_use
from db.enums import (
    ATTENDED_STATUSES,
    EventStatus,
    Sex,
)
from db.models import Event, FieldOfWork, Participation, Person

_REFERENCE = re.compile(r"^(?:[A-Z][A-Z0-9]{1,7}-)?(\d{4})-(\d{3,})$")


def _check(session: Session, merged: dict[str, Any], current: Event | None) -> list[FieldProblem]:
    problems = []
    start, end = merged.get("start_date"), merged.get("end_date")
    if start and end and end < start:
        problems.append(
            FieldProblem(
                "end_date",
                tr("The end date ({end}) is before the start date ({start}).").format(
                    end=reference.show_date(end), start=reference.show_date(start)
                ),
            )
        )
    needed = merged.get("certificate_min_days")
    if needed is not None and start and end and not 1 <= needed <= (end - start).days + 1:
        problems.append(
            FieldProblem(
                "certificate_min_days",
                tr(
                    "Days needed for a certificate must be between 1 and the {n} days the event lasts."
                ).format(n=(end - start).days + 1),
            )
        )
    total = merged.get("reported_total")
    female, male = merged.get("reported_female") or 0, merged.get("reported_male") or 0
    if total is not None and female + male > total:
        problems.append(
            FieldProblem(
                "reported_total",
                tr(
                    "The reported women ({female}) and men ({male}) are more than the total ({total})."
                ).format(female=female, male=male, total=total),
            )
        )
    ref = merged.get("reference")
    if ref and (current is None or ref != current.reference):
        clash = session.scalar(sa.select(Event).where(Event.reference == ref))
        if clash is not None:
            problems.append(
                FieldProblem(
                    "reference",
                    tr("The reference {ref} is already used by “{title}”.").format(
                        ref=ref, title=clash.title
                    ),
                )
            )
    return problems


EVENT = r.RecordSpec(
    model=Event,
    noun="event",
    catalogue=fields.EVENT,
    check=_check,
)


def next_reference(session: Session, year: int) -> str:
    """The next free ``[CODE-]YYYY-NNN`` reference for ``year`` (binned events keep theirs).

    On PostgreSQL a transaction-level advisory lock per year keeps two offices from taking the
    same number at once; on SQLite the write transaction already holds the database lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(7_240_000_000 + year)))
    office = code_in_use(session.connection())
    prefix = f"{office}-{year}-" if office else f"{year}-"
    taken = session.scalars(sa.select(Event.reference).where(Event.reference.like(f"{prefix}%")))
    numbers = [
        int(m.group(2)) for ref in taken if ref.startswith(prefix) and (m := _REFERENCE.match(ref))
    ]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def _fields_of_work(session: Session, codes: Any) -> list[FieldOfWork]:
    wanted = [str(code) for code in (codes or [])]
    unknown = [c for c in wanted if c not in reference.FIELDS_OF_WORK_BY_CODE]
    if unknown:
        raise ValidationError.single(
            "fields_of_work", tr("Unknown field of work: {join}.").format(join=", ".join(unknown))
        )
    if not wanted:
        return []
    found = {
        f.code: f
        for f in session.scalars(sa.select(FieldOfWork).where(FieldOfWork.code.in_(wanted)))
    }
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ValidationError.single(
            "fields_of_work",
            tr("Field of work not set up in this database: {join}. Run 'init'.").format(
                join=", ".join(missing)
            ),
        )
    return [found[c] for c in dict.fromkeys(wanted)]


def _code(field: FieldOfWork) -> str:
    return field.code


def new_event_values(today: dt.date | None = None) -> dict[str, Any]:
    """What a new event starts with in a form: the catalogue's defaults (in person, planned),
    held today."""
    today = today or dt.date.today()
    return {**EVENT.new_values(), "start_date": today, "end_date": today}


def create_event(session: Session, **values: Any) -> Event:
    """Create an event; reference, end date and status are filled in when not given."""
    chosen = _fields_of_work(session, values.pop("fields_of_work", None))
    if values.get("end_date") in (None, ""):
        values["end_date"] = values.get("start_date")
    values.setdefault("format", fields.EVENT["format"].default)
    if not values.get("status"):
        try:
            end = r.date_value(values.get("end_date"))
        except ValueError:
            end = None  # reported by validation
        held = end is not None and end < dt.date.today()
        values["status"] = EventStatus.HELD if held else EventStatus.PLANNED

    def prepare(event: Event) -> dict[str, tuple[Any, Any]]:
        if not event.reference:
            event.reference = next_reference(session, event.start_date.year)
        return r.replace_collection(event, "fields_of_work", chosen, _code, new=True)

    return r.create_record(session, EVENT, values, summary=values.get("title"), prepare=prepare)


def update_event(
    session: Session, event_id: Any, expected_version: int | None, **values: Any
) -> Event:
    has_fields = "fields_of_work" in values
    chosen = _fields_of_work(session, values.pop("fields_of_work", None)) if has_fields else None

    def prepare(event: Event, _changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        return r.replace_collection(event, "fields_of_work", chosen, _code, new=False)

    return r.update_record(session, EVENT, event_id, expected_version, values, prepare=prepare)


def delete_event(session: Session, event_id: Any, expected_version: int | None = None) -> Event:
    return r.soft_delete(session, Event, event_id, expected_version)


def restore_event(session: Session, event_id: Any) -> Event:
    return r.restore(session, Event, event_id)


def find_event(session: Session, ref_or_id: str) -> Event:
    """The live event with this reference or UUID; NotFoundError naming what was asked for."""
    text_value = str(ref_or_id).strip()
    event = session.scalar(sa.select(Event).where(Event.reference == text_value))
    if event is None:
        try:
            event = session.get(Event, uuid.UUID(text_value))
        except ValueError:
            event = None
    if event is None or event.deleted_at is not None:
        raise NotFoundError(
            tr("No event with the reference or id '{text_value}'.").format(text_value=text_value)
        )
    return event


@dataclasses.dataclass(frozen=True)
class HeadCount:
    """How many took part, by sex; ``source`` says whether from the list or reported figures."""

    total: int
    female: int
    male: int
    unspecified: int
    source: str  # "participants" or "reported"

    @property
    def share_female(self) -> float | None:
        """Women among those whose sex is known (None when nobody's is): people of unknown
        sex are not men, nor women."""
        known = self.female + self.male
        return self.female / known if known else None


def head_count(session: Session, event: Event) -> HeadCount:
    """Attended participations by sex; an event with no participant list gives its reported
    head-counts instead (DESIGN.md, "Figures")."""
    listed = session.scalar(
        sa.select(sa.func.count())
        .select_from(Participation)
        .join(Person, Person.id == Participation.person_id)
        .where(
            Participation.event_id == event.id,
            Participation.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
    )
    if not listed and event.reported_total is not None:
        female, male = event.reported_female or 0, event.reported_male or 0
        total = event.reported_total
        return HeadCount(total, female, male, total - female - male, "reported")
    rows = session.execute(
        sa.select(Person.sex, sa.func.count())
        .select_from(Participation)
        .join(Person, Person.id == Participation.person_id)
        .where(
            Participation.event_id == event.id,
            Participation.deleted_at.is_(None),
            Person.deleted_at.is_(None),
            Participation.status.in_(ATTENDED_STATUSES),
        )
        .group_by(Person.sex)
    ).all()
    by_sex = {sex: n for sex, n in rows}
    female, male = by_sex.get(Sex.FEMALE, 0), by_sex.get(Sex.MALE, 0)
    unspecified = by_sex.get(Sex.UNSPECIFIED, 0)
    return HeadCount(female + male + unspecified, female, male, unspecified, "participants")
