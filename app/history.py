"""A record's change history from the audit trail, one row per changed field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy.orm import Session

from app import reference
from app.services import records
from app.services.records import RecordSpec, audit_history
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


def readable(session: Session, spec: RecordSpec, field: str, value: Any) -> Any:
    """A stored audit value as the forms show it: an enumeration's label ("Conference", not
    "conference"), a country's name, a date as a date, a linked record by its name (not its
    UUID), fields of work by their names; anything else as stored. The display of dates is the
    interface's; a value the field's rule no longer reads is shown as stored."""
    if value is None:
        return None
    if isinstance(value, list):
        return [readable(session, spec, field, item) for item in value]
    if field == "fields_of_work":
        names = {f.code: f.name_en for f in reference.FIELDS_OF_WORK}
        return names.get(value, value)
    rule = next((r for r in spec.rules if r.name == field), None)
    if rule is None:
        return value
    if rule.coerce is records.country_code:
        return reference.country_name(value) or value
    try:
        typed = rule.coerce(value)
    except (ValueError, TypeError, LookupError):
        return value
    model = getattr(rule.coerce, "model", None)
    if model is not None and isinstance(typed, uuid.UUID):
        record = session.get(model, typed)
        if record is None:
            return f"({getattr(rule.coerce, 'noun', 'record')} no longer recorded)"
        shown = getattr(record, "display_name", None)
        return shown() if callable(shown) else getattr(record, "title", str(typed))
    if isinstance(typed, enum.Enum):
        return reference.label(typed)
    if isinstance(typed, bool):
        return "Yes" if typed else "No"
    return typed
