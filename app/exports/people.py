"""The exports of people and participants, in the columns the attendee-list importer reads:
plain English headers, sex as Female/Male, nationality as the ISO code, roles, statuses and modes
by their English labels."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.exports.request import ExportRequest, in_range, sex_label, stream
from app.exports.workbook import Column, field_column, write_sheet
from app.fields import PARTICIPATION as PA
from app.fields import PERSON as PE
from app.i18n import N_
from app.progress import Progress
from app.reports.figures import held_organisation, live_participations, person_columns
from db.enums import (
    ATTENDED_STATUSES,
    AttendanceMode,
    ParticipationRole,
    ParticipationStatus,
    Sex,
)
from db.models import Event, Organization, Participation, Person

# The columns of a list of participants, as the attendee-list importer reads them.
PARTICIPANT_COLUMNS = (
    field_column(PE["family_name"], max_width=28),
    field_column(PE["given_name"], max_width=24),
    field_column(PE["patronymic"], max_width=24),
    field_column(PE["family_name_local"], max_width=28),
    field_column(PE["given_name_local"], max_width=24),
    field_column(PE["patronymic_local"], max_width=24),
    field_column(PE["sex"]),
    field_column(PE["nationality"]),
    field_column(PE["organization_id"], max_width=60),
    field_column(PE["position"], max_width=40),
    field_column(PE["email"], max_width=36),
    field_column(PE["phone"], max_width=20),
    field_column(PA["role"]),
    field_column(PA["status"]),
    field_column(PA["mode"]),
)
_EVENT_KEY_COLUMNS = (
    Column(N_("Event reference"), min_width=10),
    Column(N_("Event title"), max_width=60),
    Column(N_("Event title in Russian"), max_width=60),
    Column(N_("Event start"), "date", min_width=11),
)


def write_participants(
    session: Session, request: ExportRequest, workbook: Any, progress: Progress
) -> int:
    """One row per participation: of one event (the importer's columns), or of every event in
    the date range (then led by the event's reference, titles and start date)."""
    organisation, joined = held_organisation()
    labels = {
        member: reference.label(member)
        for member in (*Sex, *ParticipationRole, *ParticipationStatus, *AttendanceMode)
    }
    conditions = [*live_participations(), *in_range(request)]
    if request.event_id is not None:
        conditions.append(Participation.event_id == request.event_id)
    columns = [
        *person_columns(),
        organisation.name,
        sa.func.coalesce(Participation.position, Person.position),
        Person.email,
        Person.phone,
        Participation.role,
        Participation.status,
        Participation.mode,
    ]
    single_event = request.event_id is not None
    if not single_event:
        columns = [Event.reference, Event.title, Event.title_ru, Event.start_date, *columns]
    base = (
        sa.select(*columns)
        .select_from(Participation)
        .join(Person, Person.id == Participation.person_id)
        .join(Event, Event.id == Participation.event_id)
        .outerjoin(organisation, joined)
        .where(*conditions)
    )
    total = session.scalar(sa.select(sa.func.count()).select_from(base.subquery()))
    ordered = base.order_by(
        *(() if single_event else (Event.start_date, Event.reference)),
        sa.func.coalesce(Person.family_name, Person.family_name_local),
        Person.given_name,
    )
    unspecified = Sex.UNSPECIFIED

    def rows() -> Iterator[list[Any]]:
        for row in stream(session, ordered):
            values = list(row)
            sex_at = 6 if single_event else 6 + len(_EVENT_KEY_COLUMNS)
            sex = values[sex_at]
            values[sex_at] = None if sex is None or sex is unspecified else labels[sex]
            for i in range(len(values) - 3, len(values)):
                values[i] = labels[values[i]]
            yield values

    header = PARTICIPANT_COLUMNS if single_event else (*_EVENT_KEY_COLUMNS, *PARTICIPANT_COLUMNS)
    return write_sheet(
        workbook,
        "Participants",
        header,
        rows(),
        total=total,
        progress=progress,
        message="Participants",
    )


def write_people(
    session: Session, request: ExportRequest, workbook: Any, progress: Progress
) -> int:
    """One row per live person (with a date range: who took part in an event of it), with the
    current post and how many events they attended."""
    attended = (
        sa.select(
            Participation.person_id,
            sa.func.count().label("events"),
            sa.func.max(Event.start_date).label("last"),
        )
        .join(Event, Event.id == Participation.event_id)
        .where(
            Participation.deleted_at.is_(None),
            Participation.status.in_(ATTENDED_STATUSES),
            *in_range(request),
        )
        .group_by(Participation.person_id)
        .subquery()
    )
    conditions: list[Any] = [Person.deleted_at.is_(None)]
    if request.date_from or request.date_to:
        listed = (
            sa.select(Participation.person_id)
            .join(Event, Event.id == Participation.event_id)
            .where(Participation.deleted_at.is_(None), *in_range(request))
        )
        conditions.append(Person.id.in_(listed))
    statement = (
        sa.select(
            *person_columns(),
            Organization.name,
            Person.position,
            Person.rank,
            Person.email,
            Person.phone,
            sa.func.coalesce(attended.c.events, 0),
            attended.c.last,
            Person.notes,
        )
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .outerjoin(attended, attended.c.person_id == Person.id)
        .where(*conditions)
        .order_by(sa.func.coalesce(Person.family_name, Person.family_name_local), Person.given_name)
    )
    total = session.scalar(sa.select(sa.func.count()).select_from(Person).where(*conditions))
    columns = (
        *PARTICIPANT_COLUMNS[:10],
        field_column(PE["rank"], max_width=24),
        *PARTICIPANT_COLUMNS[10:12],
        Column(N_("Events attended")),
        Column(N_("Last event"), "date", min_width=11),
        field_column(PE["notes"], max_width=60),
    )

    def rows() -> Iterator[list[Any]]:
        for row in stream(session, statement):
            values = list(row)
            values[6] = sex_label(values[6])
            yield values

    return write_sheet(
        workbook, "People", columns, rows(), total=total, progress=progress, message="People"
    )
