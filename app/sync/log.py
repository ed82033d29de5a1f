"""The change log: stamping what the triggers captured, the clock, what this office has seen.

The triggers (``db.sync_schema``) write every change of a synced table to ``sync_change``
unstamped, in the transaction that made it. ``stamp`` — run first by every sync operation, in its
own transaction — gives each unstamped change, in the order they were made, this office's code,
the next number of its sequence and a hybrid logical clock, and rewrites it in the portable
spelling: an insert carries the whole row, an update the fields that changed, a delete the key.

The clock (``hlc``) is one integer: milliseconds of wall time shifted left 16 bits, plus a
counter. It never goes backwards: a change is stamped at least one more than the last stamp and
than every clock received in a package, so a change made after another one was seen always has
the larger clock, however wrong the laptop's calendar is. Ties between offices are broken by the
office code; order is decided by ``(hlc, office)``, never by wall time alone.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from typing import Any

import sqlalchemy as sa

from app.sync import values
from app.sync.offices import this_office
from db.sync_schema import SYNCED_TABLES, sync_change, sync_epoch, sync_office

SHIFT = 16
_STAMPED = ("office", "seq", "hlc", "tbl", "row_key", "op", "data", "actor")


def wall_clock(hlc: int) -> dt.datetime:
    return dt.datetime.fromtimestamp((hlc >> SHIFT) / 1000, dt.UTC)


def _millis(moment: Any) -> int:
    if moment is None:
        return int(dt.datetime.now(dt.UTC).timestamp() * 1000)
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.fromisoformat(str(moment).replace(" ", "T"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp() * 1000)


def actor() -> str:
    name = os.environ.get("CONVENE_USER")
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no user name known to the system
            name = "unknown"
    return name[:100]


def seen_vector(connection: sa.Connection) -> dict[str, int]:
    """Office code → the highest sequence number of its changes held here."""
    rows = connection.execute(
        sa.select(sync_change.c.office, sa.func.max(sync_change.c.seq))
        .where(sync_change.c.office.is_not(None))
        .group_by(sync_change.c.office)
    )
    return {office: int(seq) for office, seq in rows}


def _baseline(connection: sa.Connection, pending: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """Inserts for the rows that were there before the change log (a database upgraded to
    offices): logged once as this office's, before anything else it stamps."""
    rows = []
    for name in SYNCED_TABLES:
        for row in connection.execute(sa.select(values.table(name))).mappings():
            data = values.portable(name, row)
            key = values.row_key(name, data)
            if (name, key) not in pending:
                rows.append({"tbl": name, "row_key": key, "op": "i", "data": data, "at": None})
    return rows


def _read_captured(connection: sa.Connection) -> list[dict[str, Any]]:
    result = connection.execute(
        sa.select(sync_change).where(sync_change.c.office.is_(None)).order_by(sync_change.c.id)
    ).mappings()
    captured = []
    for row in result:
        name, op = row["tbl"], row["op"]
        new = json.loads(row["new"]) if row["new"] else None
        old = json.loads(row["old"]) if row["old"] else None
        if op == "i":
            data = values.portable(name, new)
        elif op == "d":
            data = {c: v for c, v in values.portable(name, old).items() if c in SYNCED_TABLES[name]}
        else:
            before, after = values.portable(name, old), values.portable(name, new)
            data = {c: v for c, v in after.items() if before.get(c) != v}
            if not data:
                captured.append({"id": row["id"], "drop": True})
                continue
        keyed = values.portable(name, new or old)
        captured.append(
            {
                "id": row["id"],
                "tbl": name,
                "row_key": values.row_key(name, keyed),
                "op": op,
                "data": data,
                "at": row["captured_at"],
            }
        )
    return captured


def stamp(connection: sa.Connection) -> int:
    """Stamp every unstamped change (see the module docstring); returns how many."""
    office = this_office(connection)
    me = connection.execute(sa.select(sync_office).where(sync_office.c.code == office.code)).one()
    captured = _read_captured(connection)
    first_stamp = (
        me.next_seq == 1 and not connection.execute(sa.select(sync_epoch.c.office).limit(1)).first()
    )
    if first_stamp:
        pending = {(c["tbl"], c["row_key"]) for c in captured if c.get("op") == "i"}
        baseline = _baseline(connection, pending)
    else:
        baseline = []
    dropped = [c["id"] for c in captured if c.get("drop")]
    if dropped:
        connection.execute(sa.delete(sync_change).where(sync_change.c.id.in_(dropped)))
    kept = [c for c in captured if not c.get("drop")]
    if not kept and not baseline:
        return 0
    seq, hlc = me.next_seq, me.hlc
    seen = {o: s for o, s in seen_vector(connection).items() if o != office.code}
    last_epoch = connection.execute(
        sa.select(sync_epoch.c.seen)
        .where(sync_epoch.c.office == office.code)
        .order_by(sync_epoch.c.from_seq.desc())
        .limit(1)
    ).scalar()
    if last_epoch is None or dict(last_epoch) != seen:
        connection.execute(sync_epoch.insert().values(office=office.code, from_seq=seq, seen=seen))
    who = actor()
    new_rows, updates = [], []
    for change in [*baseline, *kept]:
        hlc = max(_millis(change["at"]) << SHIFT, hlc + 1)
        stamped = {
            "office": office.code,
            "seq": seq,
            "hlc": hlc,
            "tbl": change["tbl"],
            "row_key": change["row_key"],
            "op": change["op"],
            "data": json.dumps(change["data"], ensure_ascii=False, separators=(",", ":")),
            "actor": who,
        }
        if "id" in change:
            updates.append({"b_id": change["id"], **{f"b_{k}": v for k, v in stamped.items()}})
        else:
            new_rows.append(stamped)
        seq += 1
    if new_rows:
        connection.execute(sync_change.insert(), new_rows)
    if updates:
        c = sync_change.c
        connection.execute(
            sa.update(sync_change)
            .where(c.id == sa.bindparam("b_id"))
            .values({**{n: sa.bindparam(f"b_{n}") for n in _STAMPED}, "old": None, "new": None}),
            updates,
        )
    connection.execute(
        sa.update(sync_office)
        .where(sync_office.c.code == office.code)
        .values(next_seq=seq, hlc=hlc)
    )
    return len(new_rows) + len(updates)
