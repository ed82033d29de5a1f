"""What has travelled where, the open conflicts and possible duplicates, and settling them."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.errors import NotFoundError
from app.i18n import tr
from app.sync import log, offices, values
from db.base import utcnow
from db.models import Event, Person
from db.sync_schema import sync_change, sync_conflict, sync_duplicate, sync_office


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def sync_status(session: Session) -> dict[str, Any]:
    """This office, what it holds of each office and when it last heard, and how many of the
    changes held here each known office has not yet received (as far as it has told us)."""
    connection = session.connection()
    log.stamp(connection)
    me = offices.this_office(connection)
    held = log.seen_vector(connection)
    rows = connection.execute(sa.select(sync_office).order_by(sync_office.c.code)).mappings()
    others = []
    for row in rows:
        if row["is_self"]:
            continue
        seen = {str(k): int(v) for k, v in (row["seen"] or {}).items()}
        missing = sum(max(0, top - seen.get(office, 0)) for office, top in held.items())
        others.append(
            {
                "code": row["code"],
                "name": row["name"] or "",
                "received": held.get(row["code"], 0),
                "received_at": _iso(row["heard_at"]),
                "has_seen": seen,
                "not_yet_received": missing,
            }
        )
    return {
        "office": {
            "code": me.code,
            "name": me.name,
            "chosen": me.chosen,
            "changes": held.get(me.code, 0),
        },
        "held": held,
        "offices": others,
        "open_conflicts": len(open_conflicts(session)),
        "possible_duplicates": len(possible_duplicates(session)),
    }


def record_label(session: Session, name: str, key: str) -> str:
    """A record as a conflict names it, in the current language (an event by its reference and
    its title in that language)."""
    if name == "event":
        event = session.get(Event, uuid.UUID(key))
        if event is not None:
            title = reference.event_title(event.title, event.title_ru)
            return tr("event {0} “{1}”").format(event.reference, title)
    if name == "person":
        person = session.get(Person, uuid.UUID(key))
        if person is not None:
            return tr("person {0}").format(person.display_name())
    return f"{name.replace('_', ' ')} {key}"


def _side(row: Any, which: str) -> dict[str, Any]:
    return {
        "value": row[f"{which}_value"],
        "office": row[f"{which}_office"],
        "who": row[f"{which}_actor"],
        "when": log.wall_clock(row[f"{which}_hlc"]).isoformat(timespec="seconds"),
        "clock": row[f"{which}_hlc"],
    }


def open_conflicts(session: Session) -> list[dict[str, Any]]:
    rows = (
        session.connection()
        .execute(
            sa.select(sync_conflict)
            .where(sync_conflict.c.settled_at.is_(None))
            .order_by(sync_conflict.c.recorded_at, sync_conflict.c.id)
        )
        .mappings()
    )
    return [
        {
            "id": row["id"],
            "table": row["tbl"],
            "record_id": row["row_key"],
            "record": record_label(session, row["tbl"], row["row_key"]),
            "field": row["field"],
            "kept": _side(row, "kept"),
            "lost": _side(row, "lost"),
            "recorded_at": _iso(row["recorded_at"]),
        }
        for row in rows
    ]


def possible_duplicates(session: Session) -> list[dict[str, Any]]:
    rows = session.connection().execute(
        sa.select(sync_duplicate.c.person_id, sync_duplicate.c.other_id, sync_duplicate.c.found_at)
        .where(sync_duplicate.c.settled_at.is_(None))
        .order_by(sync_duplicate.c.found_at)
    )
    found = []
    for a, b, when in rows:
        first, second = session.get(Person, a), session.get(Person, b)
        if first is None or second is None or first.is_deleted or second.is_deleted:
            continue
        found.append(
            {
                "person_id": str(a),
                "other_id": str(b),
                "person": first.display_name(),
                "other": second.display_name(),
                "found_at": _iso(when),
            }
        )
    return found


def settle_duplicate(session: Session, person_id: Any, other_id: Any) -> None:
    """Take a pair off the list (merged, or not the same person)."""
    session.connection().execute(
        sa.update(sync_duplicate)
        .where(
            sync_duplicate.c.person_id == uuid.UUID(str(person_id)),
            sync_duplicate.c.other_id == uuid.UUID(str(other_id)),
        )
        .values(settled_at=utcnow())
    )


def settle_conflict(session: Session, conflict_id: str, keep: str) -> None:
    """Settle a conflict with the value ``keep`` ("kept" or "lost" side). Choosing the side that
    lost writes it to the record — a change of this office that travels like any other, made
    knowing both sides, which settles the conflict in every office it reaches."""
    connection = session.connection()
    row = (
        connection.execute(sa.select(sync_conflict).where(sync_conflict.c.id == conflict_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFoundError(tr("No such conflict; it may have been settled already."))
    if keep == "lost" and row["field"] in values.table(row["tbl"]).c:
        change = connection.execute(
            sa.select(sync_change.c.data).where(
                sync_change.c.office == row["lost_office"], sync_change.c.seq == row["lost_seq"]
            )
        ).scalar()
        if change is not None:
            value = json.loads(change).get(row["field"])
            _write_field(session, row["tbl"], row["row_key"], row["field"], value)
    connection.execute(
        sa.update(sync_conflict)
        .where(sync_conflict.c.id == conflict_id)
        .values(settled_at=utcnow())
    )


def _write_field(session: Session, name: str, key: str, field: str, value: Any) -> None:
    """Through the ORM where the table has a model (version-checked, audited), so the change is
    logged by the triggers like any edit."""
    from app.services import records
    from db.enums import AuditAction
    from db.models import Base

    mapper = next(
        (m for m in Base.registry.mappers if getattr(m.class_, "__tablename__", None) == name),
        None,
    )
    native = values.native(name, {field: value})[field]
    if mapper is None:
        session.connection().execute(
            sa.update(values.table(name))
            .where(values.key_condition(name, key))
            .values({field: native})
        )
        return
    record = session.get(mapper.class_, uuid.UUID(key))
    if record is None:
        raise NotFoundError(tr("The record of this conflict is no longer here."))
    old = getattr(record, field)
    setattr(record, field, native)
    record.updated_at = utcnow()
    session.flush()
    records.record_audit(session, AuditAction.UPDATE, record, {field: (old, native)},
                         "conflict settled")  # fmt: skip
