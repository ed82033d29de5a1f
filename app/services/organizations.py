"""Create, change, delete and restore organisations (agencies, donors, international bodies)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app import fields
from app.errors import FieldProblem
from app.i18n import tr
from app.services import records as r
from db.enums import OrganizationKind
from db.models import Organization


def _check(
    session: Session, merged: dict[str, Any], current: Organization | None
) -> list[FieldProblem]:
    problems = []
    parent_id = merged.get("parent_id")
    own_id = current.id if current is not None else None
    seen: set[uuid.UUID] = set()
    while parent_id is not None and parent_id not in seen:
        if parent_id == own_id:
            problems.append(
                FieldProblem("parent_id", tr("An organisation cannot be its own parent."))
            )
            break
        seen.add(parent_id)
        parent = session.get(Organization, parent_id)
        parent_id = parent.parent_id if parent is not None else None
    return problems


ORGANIZATION = r.RecordSpec(
    model=Organization,
    noun="organisation",
    catalogue=fields.ORGANIZATION,
    check=_check,
)


def create_organization(session: Session, **values: Any) -> Organization:
    if not values.get("kind"):
        values["kind"] = (
            OrganizationKind.NATIONAL_AGENCY if values.get("sector") else OrganizationKind.OTHER
        )
    return r.create_record(session, ORGANIZATION, values, summary=values.get("name"))


def update_organization(
    session: Session, organization_id: Any, expected_version: int | None, **values: Any
) -> Organization:
    return r.update_record(session, ORGANIZATION, organization_id, expected_version, values)


def delete_organization(
    session: Session, organization_id: Any, expected_version: int | None = None
) -> Organization:
    return r.soft_delete(session, Organization, organization_id, expected_version)


def restore_organization(session: Session, organization_id: Any) -> Organization:
    return r.restore(session, Organization, organization_id)
