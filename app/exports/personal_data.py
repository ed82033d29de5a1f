"""Everything Convene holds about one person, as an xlsx workbook (a subject-access export):
the person's record, every participation with its event, the certificates of attendance issued
to them, and the change history of all of these."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.exports.workbook import (
    Column,
    discard_workbook,
    field_column,
    new_workbook,
    save_workbook,
    write_sheet,
)
from app.fields import EVENT as EV
from app.fields import PARTICIPATION as PA
from app.fields import PERSON as PE
from app.i18n import N_
from app.services import certificates, people
from app.services.records import audit_history, get_record, json_ready
from db.models import Event, Organization, Participation, Person


def _show(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, dt.date) or value is None or isinstance(value, int | float):
        return value
    if hasattr(value, "value"):
        return reference.label(value)
    return str(value)


def export_person(session: Session, person_id: Any, path: Path) -> int:
    """Write the workbook to ``path``; returns how many rows were written in all sheets."""
    person = get_record(session, Person, person_id, deleted=True)
    organization = (
        session.get(Organization, person.organization_id) if person.organization_id else None
    )
    labels = {rule.name: rule.label for rule in people.PERSON.rules}
    record_rows = [
        [labels.get(name, name), _show(getattr(person, name))]
        for name in people.PERSON.fields
        if name != "organization_id"
    ]
    record_rows += [
        [PE["organization_id"].label, organization.name if organization else None],
        ["Nationality (country)", reference.country_name(person.nationality)],
        ["Recorded since", _show(person.created_at)],
        ["Last changed", _show(person.updated_at)],
        ["In the recycle bin since", _show(person.deleted_at)],
    ]
    held_at = sa.orm.aliased(Organization)
    participation_rows = []
    histories = [("person", person.id, "Person")]
    for participation, event, organization_name in session.execute(
        sa.select(Participation, Event, held_at.name)
        .join(Event, Event.id == Participation.event_id)
        .outerjoin(held_at, held_at.id == Participation.organization_id)
        .where(Participation.person_id == person.id)
        .order_by(Event.start_date)
    ):
        participation_rows.append([
            event.reference, event.title, event.start_date, event.end_date, event.city,
            reference.country_name(event.country), _show(participation.role),
            _show(participation.status), _show(participation.mode), organization_name,
            participation.position, participation.days_attended,
            "yes" if participation.certificate_issued else "no", participation.notes,
            _show(participation.deleted_at),
        ])  # fmt: skip
        histories.append(("participation", participation.id, f"Participation {event.reference}"))
    certificate_rows = []
    for certificate in certificates.person_certificates(session, person.id):
        newer = certificates.superseding_number(session, certificate)
        certificate_rows.append([
            certificate.number, certificate.code, certificate.event.reference,
            certificate.event.title, _show(certificate.issued_at), certificate.issued_by,
            "current" if newer is None else f"superseded by {newer}",
        ])  # fmt: skip
        histories.append(("certificate", certificate.id, f"Certificate {certificate.number}"))
    history_rows = [
        [_show(entry.created_at), entry.actor, reference.label(entry.action), what, field,
         json.dumps(json_ready(old), ensure_ascii=False), json.dumps(json_ready(new), ensure_ascii=False)]
        for entity, record_id, what in histories
        for entry in audit_history(session, entity, record_id)
        for field, (old, new) in (entry.changes or {"": [None, None]}).items()
    ]  # fmt: skip
    workbook = new_workbook()
    try:
        written = write_sheet(
            workbook,
            "Person",
            (Column(N_("Field"), max_width=30), Column(N_("Value"), max_width=70)),
            record_rows,
        )
        written += write_sheet(
            workbook, "Participations",
            (field_column(EV["reference"]), Column(N_("Event"), max_width=60),
             field_column(EV["start_date"]), field_column(EV["end_date"]), field_column(EV["city"]),
             field_column(EV["country"]), field_column(PA["role"]), field_column(PA["status"]),
             field_column(PA["mode"]), Column(N_("Organisation then"), max_width=50),
             Column(N_("Position then"), max_width=40),
             Column(PA["days_attended"].heading_source, "number"), Column(N_("Certificate")),
             field_column(PA["notes"], max_width=60), Column(N_("Removed"))),
            participation_rows,
        )  # fmt: skip
        written += write_sheet(
            workbook, "Certificates",
            (Column(N_("Number")), Column(N_("Verification code")), field_column(EV["reference"]),
             Column(N_("Event"), max_width=60), Column(N_("Issued"), "date"), Column(N_("Issued by")),
             Column(N_("State"), max_width=30)),
            certificate_rows,
        )  # fmt: skip
        written += write_sheet(
            workbook, "Change history",
            (Column(N_("When"), "date"), Column(N_("Who")), Column(N_("What")), Column(N_("Record"), max_width=30),
             Column(N_("Field")), Column(N_("Before"), max_width=50), Column(N_("After"), max_width=50)),
            history_rows,
        )  # fmt: skip
    except BaseException:
        discard_workbook(workbook)
        raise
    save_workbook(workbook, path)
    return written
