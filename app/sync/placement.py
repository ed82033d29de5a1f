"""Where each participation of merged people stands: the same in every office once all offices
have every change, whatever order the changes and merges came in.

People merged into one another (``record_merge``, followed to the end of each chain) live on in
one survivor. A participation belongs with the survivor of the person it was made for (its key
follows from the event and the person, ``participation_id``), wherever merges made apart have
pointed it meanwhile. At one event, the rows that belong with one survivor are placed by a rule
that reads only what every office holds alike in the end — the rows, whether the last change in
the log that put each in or out of the recycle bin left it there, and the merges:

* of the rows the log keeps live, one stands, with the survivor: the survivor's own row, else
  the smallest key; the others go to the recycle bin;
* a row in the recycle bin lists the person it was made for; the survivor's own row, when
  another stands with the survivor, lists the person that one was made for (they change places);
  a row made for none of them lists the survivor, or the first of them free there.

Offices apply the rule at the end of every package and after every merge made here, without
logging what it moves: every office reaches the same places from the same changes, so nothing
travels back and forth.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa

from app.sync import values
from db.models import participation_id
from db.sync_schema import sync_change

CHUNK = 500


def survivor(merges: dict[str, str], ident: str) -> str:
    """The record ``ident`` lives on in: merges are followed to the end of the chain (A into B
    here, B into C in another office: C). Two offices that merged the same records into each
    other close a circle; its smallest key survives, the same in every office."""
    chain = [ident]
    while (into := merges.get(chain[-1])) is not None:
        if into in chain:
            return min(chain[chain.index(into) :])
        chain.append(into)
    return chain[-1]


def _merged_people(
    connection: sa.Connection, entity: str = "person"
) -> tuple[dict[str, str], list[set[str]]]:
    """The merges of records of ``entity`` held here: merged record → the one it lives on in
    (merged into two by two offices: the smaller key), and the sets of records joined by any
    merge at all (one merged into two joins all three, though two of them survive)."""
    table = values.table("record_merge")
    into: dict[str, str] = {}
    joined: dict[str, set[str]] = {}
    rows = connection.execute(
        sa.select(table.c.from_id, table.c.into_id).where(table.c.entity == entity)
    )
    for gone, kept in ((str(a), str(b)) for a, b in rows):
        into[gone] = min(kept, into.get(gone, kept))
        together = joined.get(gone, {gone}) | joined.get(kept, {kept})
        for person in together:
            joined[person] = together
    return into, list({id(group): group for group in joined.values()}.values())


def place_participations(
    connection: sa.Connection, now: Any, people: Iterable[str] | None = None
) -> int:
    """Put every participation of merged people in its place (see the module docstring), of
    the people joined by merges to ``people`` only when given; the caller pauses the change
    log. Returns how many rows moved or went in or out of the recycle bin."""
    into, joined = _merged_people(connection)
    if people is not None:
        wanted = set(people)
        joined = [group for group in joined if group & wanted]
    group_of = {person: group for group in joined for person in group}
    kept_by = {person: survivor(into, person) for person in group_of}
    members: dict[str, set[str]] = defaultdict(set)
    for person, kept in kept_by.items():
        members[kept].add(person)
    at_event: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in _rows_of(connection, sorted(group_of)):
        at_event[(min(group_of[row["person_id"]]), row["event_id"])].append(row)
    crowded = [row["id"] for rows in at_event.values() if len(rows) > 1 for row in rows]
    logged = _logged_binned(connection, crowded)
    changed = 0
    for (first, event_id), rows in sorted(at_event.items()):
        event = uuid.UUID(event_id)
        made_for = {str(participation_id(event, uuid.UUID(p))): p for p in group_of[first]}
        owned: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            row["binned"] = logged.get(row["id"], row["deleted_at"] is not None)
            owned[kept_by[made_for.get(row["id"], row["person_id"])]].append(row)
        places: dict[str, tuple[str, bool]] = {}
        for kept, own_rows in sorted(owned.items()):
            places.update(_places(made_for, event, kept, members[kept], own_rows) or {})
        if len(places) == len(rows):
            changed += _move(connection, event_id, rows, places, now)
    return changed


def _rows_of(connection: sa.Connection, ordered: list[str]) -> list[dict[str, Any]]:
    t = values.table("participation")
    found = []
    for start in range(0, len(ordered), CHUNK):
        part = [uuid.UUID(person) for person in ordered[start : start + CHUNK]]
        rows = connection.execute(
            sa.select(t.c.id, t.c.event_id, t.c.person_id, t.c.deleted_at).where(
                t.c.person_id.in_(part)
            )
        )
        found.extend(
            {"id": str(i), "event_id": str(e), "person_id": str(p), "deleted_at": d}
            for i, e, p, d in rows
        )
    return found


def _logged_binned(connection: sa.Connection, keys: list[str]) -> dict[str, bool]:
    """Participation key → whether the last change in the log that put it in or out of the
    recycle bin (or inserted it) left it there (``_logged_bin``)."""
    return {key: at is not None for key, at in _logged_bin(connection, keys).items()}


def _logged_bin(
    connection: sa.Connection,
    keys: list[str],
    table: str = "participation",
    left_out: Callable[[str, Any], bool] | None = None,
) -> dict[str, Any]:
    """Key → the ``deleted_at`` (as logged; None: out of the bin) that the last change in the
    log that put the row of ``table`` in or out of the recycle bin (or inserted it) left, the
    changes ``left_out(key, deleted_at)`` says not to count left out. Changes not yet stamped
    (made here since the last package) come after every stamped one; SQLite's triggers write
    their keys as 32 hex digits."""
    c = sync_change.c
    last: dict[str, tuple[tuple[Any, ...], Any]] = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        rows = connection.execute(
            sa.select(c.id, c.office, c.hlc, c.row_key, c.op, c.data, c.old, c.new).where(
                c.tbl == table,
                c.row_key.in_([*part, *(uuid.UUID(key).hex for key in part)]),
            )
        )
        for ident, office, hlc, written, op, data, old, new in rows:
            if op == "d":
                continue
            key = str(uuid.UUID(written))
            if office is not None:
                fields = json.loads(data)
                if op == "u" and "deleted_at" not in fields:
                    continue
                rank: tuple[Any, ...] = (0, hlc, office)
                binned_at = fields.get("deleted_at")
            else:
                after = json.loads(new)
                if op == "u" and json.loads(old).get("deleted_at") == after.get("deleted_at"):
                    continue
                rank, binned_at = (1, ident), after.get("deleted_at")
            if binned_at is not None and left_out is not None and left_out(key, binned_at):
                continue
            if key not in last or rank > last[key][0]:
                last[key] = (rank, binned_at)
    return {key: at for key, (_rank, at) in last.items()}


def circle_survivors(connection: sa.Connection, entity: str) -> list[str]:
    """The survivors of records of ``entity`` that offices merged into one another in a circle
    (A into B in one office, B into A in another): the circle's smallest key."""
    into, _joined = _merged_people(connection, entity)
    return sorted({kept for kept in (survivor(into, gone) for gone in into) if kept in into})


def survivor_binned_at(connection: sa.Connection, entity: str, key: str) -> Any:
    """When someone binned the record ``key`` of ``entity`` by hand, if the last change in the
    log that put it in or out of the recycle bin did (as logged), else None: the binnings of
    the merges that dropped it are left out (a merge's ``record_merge`` is made at the moment
    it bins the record). Two offices that merged two records into each other each binned one;
    the survivor comes back, unless someone put it in the bin by hand: then it stays there in
    every office, whichever came first."""
    t = values.table("record_merge")
    merged_at = {
        _moment(at)
        for (at,) in connection.execute(
            sa.select(t.c.created_at).where(t.c.entity == entity, t.c.from_id == uuid.UUID(key))
        )
    }

    def by_a_merge(_key: str, binned_at: Any) -> bool:
        return _moment(binned_at) in merged_at

    return _logged_bin(connection, [key], entity, by_a_merge).get(key)


def _moment(value: Any) -> dt.datetime:
    """A time stamp as read or as logged (ISO text, with or without its zone: UTC)."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _places(
    made_for: dict[str, str],
    event: uuid.UUID,
    kept: str,
    members: set[str],
    rows: list[dict[str, Any]],
) -> dict[str, tuple[str, bool]] | None:
    """Row key → (person, binned) for the rows at one event that belong with the people who
    live on in ``kept`` (None: more rows than people to list, which only rows made before keys
    followed from the pair can cause)."""
    own = str(participation_id(event, uuid.UUID(kept)))
    live = sorted(row["id"] for row in rows if not row["binned"])
    places: dict[str, tuple[str, bool]] = {}
    stands = None
    if live:
        stands = own if own in live else live[0]
        places[stands] = (kept, False)
    taken = {person for person, _binned in places.values()}
    for key in sorted(row["id"] for row in rows):
        person = made_for.get(key)
        if key not in places and person is not None and person not in taken:
            places[key] = (person, True)
            taken.add(person)
    for key in sorted(row["id"] for row in rows if row["id"] not in places):
        choices = [kept, made_for.get(stands or "", kept), *sorted(members)]
        free = [person for person in choices if person not in taken]
        if not free:
            return None
        places[key] = (free[0], True)
        taken.add(free[0])
    return places


def _move(
    connection: sa.Connection,
    event_id: str,
    rows: list[dict[str, Any]],
    places: dict[str, tuple[str, bool]],
    now: Any,
) -> int:
    """Give each row its place and state, one at a time so that no two rows ever list one
    person at the event; a row that must go where another still is steps aside to a person not
    listed there meanwhile (two rows changing places)."""
    t = values.table("participation")
    current = {row["id"]: row["person_id"] for row in rows}
    holder = {person: key for key, person in current.items()}
    changed = 0
    for row in rows:
        binned = places[row["id"]][1]
        if binned != (row["deleted_at"] is not None):
            connection.execute(
                sa.update(t)
                .where(t.c.id == uuid.UUID(row["id"]))
                .values(deleted_at=now if binned else None)
            )
            changed += 1
    moving = {key: person for key, (person, _b) in places.items() if current[key] != person}
    changed += len(moving)
    event = uuid.UUID(event_id)
    while moving:
        ready = sorted(key for key, person in moving.items() if person not in holder)
        if ready:
            key = ready[0]
            person = moving.pop(key)
            place = {"event_id": event, "person_id": uuid.UUID(person)}
            holder[person] = key
        else:  # rows changing places: one of them steps aside first
            key = min(k for k in moving if current[k] in moving.values())
            person, place = "", _aside(connection, event, uuid.UUID(current[key]))
            if not place:
                break
        holder.pop(current[key], None)
        current[key] = person
        connection.execute(sa.update(t).where(t.c.id == uuid.UUID(key)).values(**place))
    return changed


def _aside(connection: sa.Connection, event: uuid.UUID, person: uuid.UUID) -> dict[str, Any]:
    """Where a participation can wait a moment: with a person not listed at its event, or at
    an event its person is not listed at (nowhere: every person is at every event)."""
    t = values.table("participation")
    for table, column, given in (
        ("person", "person_id", t.c.event_id == event),
        ("event", "event_id", t.c.person_id == person),
    ):
        ident = values.table(table).c.id
        listed = sa.select(t.c[column]).where(given)
        found = connection.execute(
            sa.select(ident).where(ident.not_in(listed)).order_by(ident).limit(1)
        ).scalar()
        if found is not None:
            return {column: found}
    return {}
