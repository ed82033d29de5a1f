"""A record's change history from the audit trail, one row per changed field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.services.records import audit_history
from db.enums import AuditAction


@dataclasses.dataclass(frozen=True)
class ChangeRow:
    when: dt.datetime
    actor: str
    action: AuditAction
    field: str
    old: Any
    new: Any


# Derived or bookkeeping fields that say nothing to a reader of the history.
_HIDDEN = {"match_key"}


def change_rows(session: Session, entity: str, record_id: uuid.UUID) -> list[ChangeRow]:
    """Every audited change of one record, newest first; an entry without field changes (such as
    a merge summary) still gives one row."""
    rows: list[ChangeRow] = []
    for entry in reversed(audit_history(session, entity, record_id)):
        fields = [(f, v) for f, v in entry.changes.items() if f not in _HIDDEN]
        if not fields:
            rows.append(
                ChangeRow(entry.created_at, entry.actor, entry.action, "", None, entry.summary)
            )
        for field, (old, new) in fields:
            rows.append(ChangeRow(entry.created_at, entry.actor, entry.action, field, old, new))
    return rows
