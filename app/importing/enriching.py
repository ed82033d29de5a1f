"""Filling in what the database did not know about people a list matched: a Russian list gives
the Cyrillic name, the English list of the same conference then adds the Latin spelling, an
e-mail address or a phone number. Only empty fields are filled — nothing a person's record
already says is overwritten — and each person changed gets one ``update`` audit entry.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ConflictError
from app.importing.candidates import chunks
from app.importing.planning import MATCHED, ImportPlan, PlannedRow
from app.matching import match_key
from app.services.records import json_ready
from db.enums import Sex
from db.models import Person

FILLABLE = (
    "family_name", "given_name", "patronymic", "family_name_local", "given_name_local",
    "patronymic_local", "sex", "nationality", "position", "rank", "email", "phone",
)  # fmt: skip
_NAMES = ("family_name", "given_name", "family_name_local", "given_name_local")


def _empty(field: str, value: Any) -> bool:
    return value is None or value == "" or (field == "sex" and value == Sex.UNSPECIFIED)


def _given_sex(row: PlannedRow) -> bool:
    """Was the sex written in the list (rather than guessed from the name)?"""
    return not any(note.startswith("sex taken from the name") for note in row.listed.notes)


def fill_blanks(
    session: Session,
    plan: ImportPlan,
    organization_of: Callable[[PlannedRow], uuid.UUID | None],
    audit: Callable[[uuid.UUID, dict[str, Any]], None],
    now: Any,
) -> int:
    """Fill the empty fields of the matched people from their rows; returns how many changed."""
    rows = [r for r in plan.rows if r.outcome == MATCHED and r.person_id is not None]
    if not rows:
        return 0
    table = Person.__table__
    columns = [table.c.id, table.c.version, table.c.organization_id, table.c.match_key]
    columns += [table.c[f] for f in FILLABLE]
    current: dict[uuid.UUID, Any] = {}
    for part in chunks([r.person_id for r in rows]):
        for record in session.execute(sa.select(*columns).where(table.c.id.in_(part))):
            current[record.id] = record
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        record = current.get(row.person_id)  # type: ignore[arg-type]
        if record is None:
            continue
        changes = {
            f: new
            for f in FILLABLE
            if not _empty(f, new := row.listed.person.get(f))
            and _empty(f, getattr(record, f))
            and (f != "sex" or _given_sex(row))
        }
        organization = organization_of(row)
        if organization is not None and record.organization_id is None:
            changes["organization_id"] = organization
        if not changes:
            continue
        if set(changes) & set(_NAMES):
            names = {f: changes.get(f, getattr(record, f)) for f in _NAMES}
            key = match_key(*(names[f] for f in _NAMES))
            if key != record.match_key:
                changes["match_key"] = key
        audited = {
            f: [json_ready(getattr(record, f, None)), json_ready(v)] for f, v in changes.items()
        }
        if "sex" in changes:
            audited["sex"][0] = json_ready(record.sex)
        audit(record.id, audited)
        groups[tuple(sorted(changes))].append(
            {**{f"v_{f}": v for f, v in changes.items()}, "b_id": record.id,
             "b_version": record.version, "b_next": record.version + 1}
        )  # fmt: skip
    changed = 0
    connection = session.connection()
    for fields, params in groups.items():
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("b_id"), table.c.version == sa.bindparam("b_version"))
            .values(
                {f: sa.bindparam(f"v_{f}") for f in fields}
                | {"version": sa.bindparam("b_next"), "updated_at": now}
            )
        )
        result = connection.execute(statement, params)
        if connection.dialect.supports_sane_multi_rowcount and result.rowcount != len(params):
            raise ConflictError(
                "Someone changed some of these people while the list was being imported;"
                " nothing was imported. Import the list again."
            )
        changed += len(params)
    return changed
