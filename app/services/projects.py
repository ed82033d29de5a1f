"""Create, change, delete and restore projects and their donors."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import fields, reference
from app.errors import FieldProblem, ValidationError
from app.i18n import tr
from app.services import records as r
from db.models import Organization, Project


def _check(session: Session, merged: dict[str, Any], current: Project | None) -> list[FieldProblem]:
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
    code = merged.get("code")
    if code and (current is None or code != current.code):
        clash = session.scalar(sa.select(Project).where(Project.code == code))
        if clash is not None:
            problems.append(
                FieldProblem(
                    "code",
                    tr("The code {code} is already used by “{title}”.").format(
                        code=code, title=clash.title
                    ),
                )
            )
    return problems


PROJECT = r.RecordSpec(
    model=Project,
    noun="project",
    catalogue=fields.PROJECT,
    check=_check,
)


def _donors(session: Session, ids: Any) -> list[Organization]:
    coerce = r.reference_to(Organization, "organisation")
    donors = []
    for value in ids or []:
        try:
            key = coerce(value)
        except ValueError as exc:
            raise ValidationError.single("donors", f"Donors: {exc}.") from None
        donor = session.get(Organization, key)
        if donor is None or donor.deleted_at is not None:
            raise ValidationError.single(
                "donors", tr("Donors: no organisation '{value}'.").format(value=value)
            )
        if donor not in donors:
            donors.append(donor)
    return donors


def _id(organization: Organization) -> Any:
    return organization.id


def create_project(session: Session, **values: Any) -> Project:
    donors = _donors(session, values.pop("donors", None))

    def prepare(project: Project) -> dict[str, tuple[Any, Any]]:
        return r.replace_collection(project, "donors", donors, _id, new=True)

    return r.create_record(session, PROJECT, values, summary=values.get("title"), prepare=prepare)


def update_project(
    session: Session, project_id: Any, expected_version: int | None, **values: Any
) -> Project:
    has_donors = "donors" in values
    donors = _donors(session, values.pop("donors", None)) if has_donors else None

    def prepare(project: Project, _changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        return r.replace_collection(project, "donors", donors, _id, new=False)

    return r.update_record(session, PROJECT, project_id, expected_version, values, prepare=prepare)


def delete_project(
    session: Session, project_id: Any, expected_version: int | None = None
) -> Project:
    return r.soft_delete(session, Project, project_id, expected_version)


def restore_project(session: Session, project_id: Any) -> Project:
    return r.restore(session, Project, project_id)
