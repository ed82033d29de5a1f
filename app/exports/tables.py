"""The exports: one sheet of events, people, organisations or participants per file.

Rows are streamed from the database (``yield_per``) into openpyxl's write-only sheet, so an
export of a hundred thousand participations never holds them all in memory. People and
participants are written as the attendee-list importer reads them (``app.exports.people``);
events and organisations are here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app import reference
from app.exports.people import PARTICIPANT_COLUMNS, write_participants, write_people
from app.exports.request import KINDS, ExportRequest, in_range, stream
from app.exports.workbook import (
    Column,
    discard_workbook,
    field_column,
    new_workbook,
    save_workbook,
    write_sheet,
)
from app.fields import EVENT as EV
from app.fields import ORGANIZATION as OR
from app.i18n import N_
from app.progress import Progress, no_progress
from app.reports.period_figures import event_lines
from db.enums import (
    PartnerRole,
)
from db.models import (
    Event,
    EventPartner,
    FieldOfWork,
    Organization,
    Participation,
    Person,
    Project,
    event_field_of_work,
)

__all__ = ["KINDS", "PARTICIPANT_COLUMNS", "ExportRequest", "export_records"]


def export_records(
    session: Session, request: ExportRequest, path: Path, progress: Progress = no_progress
) -> int:
    """Write the requested export to ``path`` (xlsx); the number of rows written."""
    workbook = new_workbook()
    writer = {
        "events": _events,
        "people": write_people,
        "organizations": _organisations,
        "participants": write_participants,
    }[request.kind]
    try:
        written = writer(session, request, workbook, progress)
    except BaseException:
        discard_workbook(workbook)
        raise
    save_workbook(workbook, path)
    return written


def _events(session: Session, request: ExportRequest, workbook: Any, progress: Progress) -> int:
    conditions = in_range(request)
    counts = {line.id: line for line in event_lines(session, conditions)}
    fields: dict[uuid.UUID, list[str]] = {}
    for event_id, name in session.execute(
        sa.select(event_field_of_work.c.event_id, FieldOfWork.name_en)
        .join(FieldOfWork, FieldOfWork.id == event_field_of_work.c.field_of_work_id)
        .join(Event, Event.id == event_field_of_work.c.event_id)
        .where(*conditions)
        .order_by(FieldOfWork.name_en)
    ):
        fields.setdefault(event_id, []).append(name)
    partners: dict[uuid.UUID, dict[PartnerRole, list[str]]] = {}
    for event_id, role, name in session.execute(
        sa.select(EventPartner.event_id, EventPartner.role, Organization.name)
        .join(Organization, Organization.id == EventPartner.organization_id)
        .join(Event, Event.id == EventPartner.event_id)
        .where(*conditions, EventPartner.deleted_at.is_(None), Organization.deleted_at.is_(None))
        .order_by(Organization.name)
    ):
        partners.setdefault(event_id, {}).setdefault(role, []).append(name)
    columns = (
        field_column(EV["reference"], min_width=10),
        field_column(EV["title"], max_width=60),
        field_column(EV["title_ru"], max_width=60),
        field_column(EV["type"]),
        field_column(EV["series"], max_width=40),
        field_column(EV["series_number"]),
        field_column(EV["start_date"], min_width=11),
        field_column(EV["end_date"], min_width=11),
        Column(N_("Days")),
        field_column(EV["format"]),
        field_column(EV["scope"]),
        field_column(EV["status"]),
        field_column(EV["venue"], max_width=40),
        field_column(EV["city"]),
        field_column(EV["country"]),
        field_column(EV["organising_unit"], max_width=40),
        field_column(EV["organising_unit_ru"], max_width=40),
        field_column(EV["project_id"], max_width=40),
        field_column(EV["fields_of_work"], max_width=50),
        Column(N_("Organisers"), max_width=50),
        Column(N_("Co-organisers"), max_width=50),
        Column(N_("Donors"), max_width=40),
        Column(N_("Other partners"), max_width=60),
        Column(N_("Participants")),
        Column(N_("Women")),
        Column(N_("Men")),
        Column(N_("Counted from"), max_width=18),
        field_column(EV["summary"], max_width=60),
        field_column(EV["outcomes"], max_width=60),
        field_column(EV["notes"], max_width=60),
    )
    statement = (
        sa.select(Event, Project.code, Project.title)
        .outerjoin(Project, Project.id == Event.project_id)
        .where(*conditions)
        .order_by(Event.start_date, Event.reference)
    )
    main_roles = (PartnerRole.ORGANIZER, PartnerRole.CO_ORGANIZER, PartnerRole.DONOR)
    source_label = {
        "participants": "participant list",
        "reported": "reported figures",
        "none": None,
    }

    def rows() -> Iterator[list[Any]]:
        for event, project_code, project_title in stream(session, statement):
            roles = partners.get(event.id, {})
            others = "; ".join(
                f"{reference.label(role)}: {', '.join(names)}"
                for role, names in roles.items()
                if role not in main_roles
            )
            line = counts[event.id]
            yield [
                event.reference,
                event.title,
                event.title_ru,
                reference.label(event.type),
                event.series,
                event.series_number,
                event.start_date,
                event.end_date,
                (event.end_date - event.start_date).days + 1,
                reference.label(event.format),
                reference.label(event.scope),
                reference.label(event.status),
                event.venue,
                event.city,
                event.country,
                event.organising_unit,
                event.organising_unit_ru,
                " — ".join(p for p in (project_code, project_title) if p) or None,
                "; ".join(fields.get(event.id, [])) or None,
                "; ".join(roles.get(PartnerRole.ORGANIZER, [])) or None,
                "; ".join(roles.get(PartnerRole.CO_ORGANIZER, [])) or None,
                "; ".join(roles.get(PartnerRole.DONOR, [])) or None,
                others or None,
                line.counts.total if line.source != "none" else None,
                line.counts.female if line.source != "none" else None,
                line.counts.male if line.source != "none" else None,
                source_label[line.source],
                event.summary,
                event.outcomes,
                event.notes,
            ]

    return write_sheet(
        workbook, "Events", columns, rows(), total=len(counts), progress=progress, message="Events"
    )


def _organisations(
    session: Session, request: ExportRequest, workbook: Any, progress: Progress
) -> int:
    parent = aliased(Organization)
    people = (
        sa.select(Person.organization_id, sa.func.count().label("n"))
        .where(Person.deleted_at.is_(None))
        .group_by(Person.organization_id)
        .subquery()
    )
    roles = (
        sa.select(
            EventPartner.organization_id,
            sa.func.count(sa.distinct(EventPartner.event_id)).label("n"),
        )
        .join(Event, Event.id == EventPartner.event_id)
        .where(EventPartner.deleted_at.is_(None), *in_range(request))
        .group_by(EventPartner.organization_id)
        .subquery()
    )
    conditions: list[Any] = [Organization.deleted_at.is_(None)]
    if request.date_from or request.date_to:
        held = (
            sa.select(Participation.organization_id)
            .join(Event, Event.id == Participation.event_id)
            .where(Participation.deleted_at.is_(None), *in_range(request))
        )
        conditions.append(sa.or_(roles.c.n > 0, Organization.id.in_(held)))
    statement = (
        sa.select(
            Organization.name,
            Organization.name_local,
            Organization.acronym,
            Organization.kind,
            Organization.sector,
            Organization.country,
            parent.name,
            sa.func.coalesce(people.c.n, 0),
            sa.func.coalesce(roles.c.n, 0),
            Organization.notes,
        )
        .outerjoin(parent, parent.id == Organization.parent_id)
        .outerjoin(people, people.c.organization_id == Organization.id)
        .outerjoin(roles, roles.c.organization_id == Organization.id)
        .where(*conditions)
        .order_by(Organization.country, Organization.name)
    )
    total = session.scalar(sa.select(sa.func.count()).select_from(statement.subquery()))
    columns = (
        field_column(OR["name"], max_width=60),
        field_column(OR["name_local"], max_width=60),
        field_column(OR["acronym"]),
        field_column(OR["kind"], max_width=28),
        field_column(OR["sector"], max_width=28),
        field_column(OR["country"]),
        field_column(OR["parent_id"], max_width=50),
        Column(N_("People")),
        Column(N_("Events as partner")),
        field_column(OR["notes"], max_width=60),
    )

    def rows() -> Iterator[list[Any]]:
        for row in stream(session, statement):
            values = list(row)
            values[3] = reference.label(values[3])
            values[4] = reference.label(values[4]) or None
            yield values

    return write_sheet(
        workbook,
        "Organisations",
        columns,
        rows(),
        total=total,
        progress=progress,
        message="Organisations",
    )
