"""What deciding between changes needs: a change as a package carries it, the clock of one
already applied, and what each office had seen when it made a change (``sync_epoch``)."""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

import sqlalchemy as sa

from db.sync_schema import sync_epoch


class Change(NamedTuple):
    office: str
    seq: int
    hlc: int
    tbl: str
    key: str
    op: str
    data: str
    actor: str | None


class Clock(NamedTuple):
    """One change already applied to a row, as far as deciding between values needs."""

    office: str
    seq: int
    hlc: int
    op: str
    fields: frozenset[str] | None  # None: every field (an insert, a delete)
    actor: str | None

    def touches(self, field: str) -> bool:
        return self.fields is None or field in self.fields

    def beats(self, other: Clock | Change) -> bool:
        return (self.hlc, self.office) > (other.hlc, other.office)


class Contexts:
    """What an office had seen of the others when it made a change (from ``sync_epoch``)."""

    def __init__(self, connection: sa.Connection, received: Iterable[list[Any]]) -> None:
        stored = {
            (office, int(start)): dict(seen)
            for office, start, seen in connection.execute(sa.select(sync_epoch))
        }
        fresh = [
            {"office": o, "from_seq": int(s), "seen": dict(v)}
            for o, s, v in received
            if (o, int(s)) not in stored
        ]
        if fresh:
            connection.execute(sync_epoch.insert(), fresh)
        stored.update({(e["office"], e["from_seq"]): e["seen"] for e in fresh})
        self._starts: dict[str, list[int]] = defaultdict(list)
        self._seen: dict[str, list[dict[str, int]]] = defaultdict(list)
        for (office, start), seen in sorted(stored.items()):
            self._starts[office].append(start)
            self._seen[office].append({str(k): int(v) for k, v in seen.items()})

    def saw(self, change: Change, earlier: Clock) -> bool:
        """Had ``change``'s office seen ``earlier`` when it made ``change``?"""
        if earlier.office == change.office:
            return earlier.seq < change.seq
        at = bisect.bisect_right(self._starts[change.office], change.seq) - 1
        if at < 0:
            return False
        return self._seen[change.office][at].get(earlier.office, 0) >= earlier.seq


def conflict_id(name: str, key: str, field: str, a: Clock | Change, b: Clock | Change) -> str:
    sides = sorted((f"{a.office}:{a.seq}", f"{b.office}:{b.seq}"))
    return hashlib.sha256(f"{name}|{key}|{field}|{sides[0]}|{sides[1]}".encode()).hexdigest()
