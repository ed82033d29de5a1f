"""The organisations behind an event and their roles (organiser, donor, host…)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import fields
from app.errors import ValidationError
from app.i18n import tr
from app.reference import label
from app.services import records as r
from db.enums import AuditAction, PartnerRole
from db.models import EventPartner, Organization

PARTNER = r.RecordSpec(
    model=EventPartner,
    noun="partner",
    catalogue=fields.PARTNER,
)


def add_partner(
    session: Session,
    event_id: Any,
    organization_id: Any,
    role: PartnerRole | str,
    notes: Any = None,
) -> EventPartner:
    """Record an organisation's role in an event (an organisation may hold several roles)."""
    clean = PARTNER.validate(
        session,
        {"event_id": event_id, "organization_id": organization_id, "role": role, "notes": notes},
    )
    found = session.scalar(
        sa.select(EventPartner).where(
            EventPartner.event_id == clean["event_id"],
            EventPartner.organization_id == clean["organization_id"],
            EventPartner.role == clean["role"],
        )
    )
    if found is not None and found.deleted_at is None:
        organization = session.get(Organization, clean["organization_id"])
        raise ValidationError.single(
            "role",
            tr("{value} is already {lower} of this event.").format(
                value=organization.name if organization else "This organisation",
                lower=label(clean["role"]).lower(),
            ),
        )
    if found is not None:
        changes: dict[str, tuple[Any, Any]] = {"deleted_at": (found.deleted_at, None)}
        if found.notes != clean["notes"]:
            changes["notes"] = (found.notes, clean["notes"])
            found.notes = clean["notes"]
        found.deleted_at = None
        r.flush(session, PARTNER.noun)
        r.record_audit(session, AuditAction.RESTORE, found, changes)
        return found
    return r.create_record(session, PARTNER, clean)


def update_partner(
    session: Session, partner_id: Any, expected_version: int | None, **values: Any
) -> EventPartner:
    return r.update_record(session, PARTNER, partner_id, expected_version, values)


def remove_partner(
    session: Session, partner_id: Any, expected_version: int | None = None
) -> EventPartner:
    return r.soft_delete(session, EventPartner, partner_id, expected_version)


def restore_partner(session: Session, partner_id: Any) -> EventPartner:
    return r.restore(session, EventPartner, partner_id)
