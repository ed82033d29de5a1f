"""Applying a sync package: every change not yet seen, in one transaction, in causal order.

Order: by clock, then office, then sequence — a change made after another was seen has the
larger clock, so parents come before the rows that point at them (foreign-key order) and an edit
after the edit it knew of. A package whose changes of some office do not follow on from what is
held here needs an earlier package first: it is refused, naming the office and the changes
missing. Changes already held are counted and skipped, so applying a package twice changes
nothing.

Each field of a record takes the value of the change with the largest ``(clock, office)`` that
set it — the same in every office whatever order packages arrive in. Where the two changes were
made apart (neither office had seen the other's when it made its own; ``sync_epoch`` says what
an office had seen), that is a conflict: recorded with both values, offices, who and when, for a
person to settle. An edit of a record another office deleted meanwhile is a conflict too, and
does not bring it back. A merge (``record_merge``) arriving points this office's own links to the
merged record at the survivor; links arriving later for a merged record follow it as well; once
the package is in, the participations of merged people are put in their places by one rule
(``app.sync.placement``), the same in every office whatever the order of arrival. New
people are compared with those already here by the import's match key; a likely pair is listed
as a possible duplicate, never merged.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ConveneError
from app.i18n import N_, tr
from app.importing.bulk import insert_rows
from app.sync import log, offices, values
from app.sync.arrival import CHUNK, Arrivals
from app.sync.clocks import Change, Clock, Contexts, conflict_id
from app.sync.package import PackageError
from db import erasure
from db.base import utcnow
from db.migrate import current_revision
from db.sync_schema import (
    capture_paused,
    scrub_change_log,
    sync_change,
    sync_conflict,
    sync_office,
)

BATCH = 2000
# Fields that follow others or say when a row was made: the later value stands, no conflict.
_NO_CONFLICT = frozenset({"created_at", "match_key"})
_HARD_DELETED = frozenset({"project_donor", "event_field_of_work", "erasure"})

MESSAGES = {
    "own": N_(
        "The package {file} was written by this office ({code}); apply it in another office."
    ),
    "schema": N_(
        "The package {file} was written at schema revision {theirs}, this database is at {ours}:"
        " both offices need the same version of Convene."
    ),
    "missing": N_(
        "The package {file} needs changes {first}–{last} of office {office}, which this office"
        " has not received: apply an earlier package from {source} first. Nothing was written."
    ),
}


class MissingChanges(ConveneError):
    """The package depends on changes not applied here; nothing was written."""


class Cancelled(ConveneError):
    """The person cancelled; nothing was written."""


@dataclasses.dataclass
class ApplyResult:
    source: str
    applied: int = 0
    already_seen: int = 0
    conflicts: int = 0
    possible_duplicates: int = 0

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def check_package(connection: sa.Connection, document: dict[str, Any], file: str) -> None:
    """Refuse a package of this office or of another schema (PackageError)."""
    me = offices.this_office(connection)
    if document.get("source") == me.code:
        raise PackageError(tr(MESSAGES["own"]).format(file=file, code=me.code))
    ours = current_revision(connection)
    if document.get("schema") != ours:
        raise PackageError(
            tr(MESSAGES["schema"]).format(file=file, theirs=document.get("schema"), ours=ours)
        )


def apply_package(
    session: Session,
    document: dict[str, Any],
    file: str = "the package",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ApplyResult:
    """Apply ``document`` (a package read by ``package.read_package``) in the session's
    transaction; the caller commits (or rolls back on any error, Cancelled included)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    check_package(connection, document, file)
    log.stamp(connection)
    me = offices.this_office(connection)
    result = ApplyResult(source=str(document["source"]))
    incoming = [Change(*row) for row in document.get("changes", [])]
    fresh = apply_changes(
        connection, incoming, document.get("epochs", []), result, file, progress, cancelled
    )
    _remember(connection, document, me.code, fresh)
    if progress is not None:
        progress(len(fresh), len(fresh))
    return result


def apply_changes(
    connection: sa.Connection,
    incoming: list[Change],
    epochs: list[list[Any]],
    result: ApplyResult,
    file: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Change]:
    """Apply the changes not yet held here (counted into ``result``); returns them."""
    held = log.seen_vector(connection)
    fresh = [c for c in incoming if c.seq > held.get(c.office, 0)]
    result.already_seen = len(incoming) - len(fresh)
    _check_follows_on(fresh, held, file, result.source)
    fresh.sort(key=lambda c: (c.hlc, c.office, c.seq))
    with capture_paused(connection):
        contexts = Contexts(connection, epochs)
        applier = _Applier(connection, contexts)
        applier.preload(fresh)
        for done, change in enumerate(fresh, 1):
            applier.apply(change)
            if done % BATCH == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled(tr("Cancelled: nothing was written."))
                if progress is not None:
                    progress(done, len(fresh))
        applier.flush()
        _keep_changes(connection, fresh)
        applier.place_survivors()
        applier.place_participations()
        _erase_here_too(connection, [c.key for c in fresh if c.tbl == "erasure"])
        result.applied = len(fresh)
        result.conflicts = applier.conflicts
        result.possible_duplicates = applier.find_duplicates()
    return fresh


def _check_follows_on(fresh: list[Change], held: dict[str, int], file: str, source: str) -> None:
    by_office: dict[str, list[int]] = defaultdict(list)
    for change in fresh:
        by_office[change.office].append(change.seq)
    for office, seqs in sorted(by_office.items()):
        seqs.sort()
        expected = held.get(office, 0) + 1
        if seqs[0] != expected:
            raise MissingChanges(
                tr(MESSAGES["missing"]).format(
                    file=file, first=expected, last=seqs[0] - 1, office=office, source=source
                )
            )
        for before, after in itertools.pairwise(seqs):
            if after != before + 1:
                raise MissingChanges(
                    tr(MESSAGES["missing"]).format(
                        file=file, first=before + 1, last=after - 1, office=office, source=source
                    )
                )


def _keep_changes(connection: sa.Connection, fresh: list[Change]) -> None:
    """Hold the applied changes, stamped by their offices, to pass them on to others (rows
    given to the driver as they are: every value is already text or a number)."""
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (
        "INSERT INTO sync_change (office, seq, hlc, tbl, row_key, op, data, actor) VALUES"
        f" ({', '.join([marker] * 8)})"
    )
    rows = [tuple(change) for change in fresh]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, len(rows), 5000):
            cursor.executemany(statement, rows[start : start + 5000])
    finally:
        cursor.close()


def _erase_here_too(connection: sa.Connection, person_ids: list[str]) -> None:
    """People anonymised in another office: what this office's change log (and the search
    index, and the write-ahead log) still held of them goes too."""
    if not person_ids:
        return
    ids = [uuid.UUID(i) for i in person_ids]
    blank = {
        n: erasure.ANONYMISED_NAME if n == "family_name" else None for n in erasure.PERSON_FIELDS
    }
    scrub_change_log(connection, "person", ids, {**blank, "match_key": ""}, erasure.ERASED)
    participation = values.table("participation")
    links = list(connection.scalars(
        sa.select(participation.c.id).where(participation.c.person_id.in_(ids))
    ))  # fmt: skip
    scrub_change_log(
        connection, "participation", links, dict.fromkeys(erasure.PARTICIPATION_FIELDS),
        erasure.ERASED,
    )  # fmt: skip
    erasure.purge_search_index(connection)
    erasure.mark_erased(connection)


def _remember(
    connection: sa.Connection, document: dict[str, Any], me: str, fresh: list[Change]
) -> None:
    """The clock moves past every clock received; the source's view and the offices named."""
    now = utcnow()
    top = max((c.hlc for c in fresh), default=0)
    connection.execute(
        sa.update(sync_office)
        .where(sync_office.c.code == me)
        .values(hlc=sa.func.max(sync_office.c.hlc, top) if connection.dialect.name == "sqlite"
                else sa.func.greatest(sync_office.c.hlc, top), received_at=now)
    )  # fmt: skip
    known = offices.known_offices(connection)
    names = {str(k): str(v or "") for k, v in (document.get("offices") or {}).items()}
    names.setdefault(document["source"], document.get("source_name") or "")
    for code, name in names.items():
        if code not in known:
            connection.execute(sync_office.insert().values(code=code, name=name, is_self=False))
        elif name and not known[code] and code != me:
            connection.execute(
                sa.update(sync_office).where(sync_office.c.code == code).values(name=name)
            )
    seen = {str(k): int(v) for k, v in (document.get("seen") or {}).items()}
    connection.execute(
        sa.update(sync_office)
        .where(sync_office.c.code == document["source"])
        .values(seen=seen, heard_at=now)
    )


class _Applier(Arrivals):
    def __init__(self, connection: sa.Connection, contexts: Contexts) -> None:
        self.connection = connection
        self.contexts = contexts
        self.pending: list[tuple[str, dict[str, Any]]] = []
        self.existing: dict[str, set[str]] = defaultdict(set)
        self.history: dict[tuple[str, str], list[Clock]] = {}
        self.new_people: list[str] = []
        self.conflicts = 0
        self.pairs: dict[str, dict[tuple[str, str], str]] = {}
        self.now = utcnow()
        table = values.table("record_merge")
        self.merges: dict[str, str] = {}
        for f, i in connection.execute(sa.select(table.c.from_id, table.c.into_id)):
            # merged into two records by two offices: the smaller key, in every office
            self.merges[str(f)] = min(str(i), self.merges.get(str(f), str(i)))

    # --- Reading what is here ----------------------------------------------------------------

    def preload(self, fresh: list[Change]) -> None:
        """Which rows the package names exist here already (one query per 500)."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for change in fresh:
            if change.tbl not in _HARD_DELETED and change.tbl != "project_donor":
                wanted[change.tbl].add(change.key)
        for name, keys in wanted.items():
            column = values.table(name).c.id
            ordered = sorted(keys)
            for start in range(0, len(ordered), CHUNK):
                part = [
                    values.native(name, {"id": k})["id"] for k in ordered[start : start + CHUNK]
                ]
                found = self.connection.execute(sa.select(column).where(column.in_(part)))
                self.existing[name].update(str(row[0]) for row in found)

    def _exists(self, name: str, key: str) -> bool:
        if name in _HARD_DELETED or name == "project_donor":
            return self._row(name, key) is not None
        return key in self.existing[name]

    def _row(self, name: str, key: str) -> dict[str, Any] | None:
        row = (
            self.connection.execute(
                sa.select(values.table(name)).where(values.key_condition(name, key))
            )
            .mappings()
            .first()
        )
        return None if row is None else values.portable(name, row)

    def _history(self, name: str, key: str) -> list[Clock]:
        found = self.history.get((name, key))
        if found is not None:
            return found
        c = sync_change.c
        rows = self.connection.execute(
            sa.select(c.office, c.seq, c.hlc, c.op, c.data, c.actor).where(
                c.tbl == name, c.row_key == key, c.office.is_not(None)
            )
        )
        clocks = [
            Clock(o, s, h, op, None if op != "u" else frozenset(json.loads(d)), a)
            for o, s, h, op, d, a in rows
        ]
        self.history[(name, key)] = clocks
        return clocks

    # --- Writing -----------------------------------------------------------------------------

    def flush(self) -> None:
        """Insert the new rows waiting, in their order: each run of one table's rows at once,
        the way an import writes them (``app.importing.bulk.insert_rows``)."""
        for name, run in itertools.groupby(self.pending, key=lambda pending: pending[0]):
            rows = [row for _name, row in run]
            columns = {column: [row[column] for row in rows] for column in rows[0]}
            insert_rows(self.connection, values.table(name), columns, {}, lambda _n: None)
        self.pending.clear()

    def _insertable(self, name: str, data: dict[str, Any]) -> dict[str, Any]:
        row = values.native(name, data)
        columns = values.table(name).c
        if "version" in columns:
            row["version"] = 1
        if "updated_at" in columns:
            row["updated_at"] = row.get("created_at") or self.now
        return row

    def apply(self, change: Change) -> None:
        name, key = change.tbl, change.key
        if name not in values.SYNCED_TABLES:
            return
        data = json.loads(change.data)
        original = dict(data)
        followed = self._follow_merges(name, data)
        if name == "participation" and change.op != "d":
            data = self._one_per_pair(key, data, original)
            if data is None:
                return
        if change.op == "i" and not followed and not self._exists(name, key):
            if name in _HARD_DELETED and self._history(name, key):
                self._slow(change, data)
                return
            self.pending.append((name, self._insertable(name, data)))
            self.existing[name].add(key)
            if name == "participation":
                self._pairs(data["event_id"])[(data["event_id"], data["person_id"])] = key
            self.history[(name, key)] = [Clock(*change[:3], "i", None, change.actor)]
            if name == "person":
                self.new_people.append(key)
            elif name == "record_merge":
                self.flush()
                self._merge(data)
            return
        self.flush()
        self._slow(change, data)

    def _slow(self, change: Change, data: dict[str, Any]) -> None:
        name, key = change.tbl, change.key
        history = self._history(name, key)
        row = self._row(name, key)
        mine = Clock(change.office, change.seq, change.hlc, change.op,
                     frozenset(data) if change.op == "u" else None, change.actor)  # fmt: skip
        if change.op == "d" or row is None:
            self._presence(change, data, row, history)
            history.append(mine)
            return
        keys = set(values.key_columns(name))
        fields = {f: v for f, v in data.items() if f not in keys}
        changed: dict[str, Any] = {}
        for field, value in fields.items():
            last = self._last(history, field)
            if last is None or not last.beats(change):
                if row.get(field) != value:
                    changed[field] = value
                self._settle(name, key, field, change)
            if (
                last is not None
                and field not in _NO_CONFLICT
                and row.get(field) != value
                and not self.contexts.saw(change, last)
            ):
                self._conflict(name, key, field, (last, row.get(field)), (change, value))
        self._edit_against_delete(name, key, row, fields, history, change)
        if changed:
            if name == "participation" and "person_id" in changed:
                self._moved(key, row["event_id"], row["person_id"], changed["person_id"])
            t = values.table(name)
            extra: dict[str, Any] = {}
            if "version" in t.c:
                extra["version"] = t.c.version + 1
            if "updated_at" in t.c:
                extra["updated_at"] = self.now
            self.connection.execute(
                sa.update(t)
                .where(values.key_condition(name, key))
                .values(**values.native(name, changed), **extra)
            )
        history.append(mine)

    def _last(self, history: list[Clock], field: str) -> Clock | None:
        best = None
        for clock in history:
            if clock.touches(field) and clock.op != "d" and (best is None or clock.beats(best)):
                best = clock
        return best

    def _presence(
        self, change: Change, data: dict[str, Any], row: dict[str, Any] | None, history: list[Clock]
    ) -> None:
        """A link (or erasure) made or removed: the later of the last change and this one."""
        name, key = change.tbl, change.key
        latest = None
        for clock in history:
            if latest is None or clock.beats(latest):
                latest = clock
        wins = latest is None or not latest.beats(change)
        if change.op == "d":
            if wins and row is not None:
                self.connection.execute(
                    sa.delete(values.table(name)).where(values.key_condition(name, key))
                )
            return
        if change.op == "i" and wins and row is None:
            self.connection.execute(values.table(name).insert(), [self._insertable(name, data)])
            self.existing[name].add(key)
            if name == "participation":
                self._pairs(data["event_id"])[(data["event_id"], data["person_id"])] = key
            if latest is not None and not self.contexts.saw(change, latest):
                self._conflict(name, key, "(present)", (latest, "removed"), (change, "added"))

    def _edit_against_delete(
        self, name: str, key: str, row: dict[str, Any], fields: dict[str, Any],
        history: list[Clock], change: Change,
    ) -> None:  # fmt: skip
        if "deleted_at" not in values.table(name).c:
            return
        if "deleted_at" not in fields and row.get("deleted_at") is not None:
            deleting = self._last(history, "deleted_at")
            if deleting is not None and not self.contexts.saw(change, deleting):
                edited = "edited: " + ", ".join(sorted(fields))
                self._conflict(name, key, "deleted_at", (deleting, row["deleted_at"]),
                               (change, edited), kept_first=True)  # fmt: skip
        elif fields.get("deleted_at") is not None and row.get("deleted_at") is None:
            for clock in history:
                if (clock.op == "u" and clock.fields and clock.fields - {"deleted_at"}
                        and not self.contexts.saw(change, clock)):  # fmt: skip
                    edited = "edited: " + ", ".join(sorted(clock.fields))
                    self._conflict(name, key, "deleted_at", (change, fields["deleted_at"]),
                                   (clock, edited), kept_first=True)  # fmt: skip
                    break

    def _conflict(
        self, name: str, key: str, field: str,
        a: tuple[Clock | Change, Any], b: tuple[Clock | Change, Any], kept_first: bool = False,
    ) -> None:  # fmt: skip
        (first, first_value), (second, second_value) = a, b
        if not kept_first and (second.hlc, second.office) > (first.hlc, first.office):
            (first, first_value), (second, second_value) = b, a
        ident = conflict_id(name, key, field, first, second)
        exists = self.connection.execute(
            sa.select(sync_conflict.c.id).where(sync_conflict.c.id == ident)
        ).first()
        if exists is not None:
            return
        self.connection.execute(
            sync_conflict.insert().values(
                id=ident, tbl=name, row_key=key, field=field,
                kept_value=values.shown(first_value), kept_office=first.office,
                kept_seq=first.seq, kept_hlc=first.hlc, kept_actor=first.actor,
                lost_value=values.shown(second_value), lost_office=second.office,
                lost_seq=second.seq, lost_hlc=second.hlc, lost_actor=second.actor,
                recorded_at=self.now,
            )
        )  # fmt: skip
        self.conflicts += 1

    def _settle(self, name: str, key: str, field: str, change: Change) -> None:
        """An open conflict of this field is settled by a change made knowing both sides."""
        c = sync_conflict.c
        open_ones = self.connection.execute(
            sa.select(c.id, c.kept_office, c.kept_seq, c.lost_office, c.lost_seq).where(
                c.tbl == name, c.row_key == key, c.field == field, c.settled_at.is_(None)
            )
        ).all()
        for ident, ko, ks, lo, ls in open_ones:
            sides = (Clock(ko, ks, 0, "u", None, None), Clock(lo, ls, 0, "u", None, None))
            if all(self.contexts.saw(change, side) for side in sides):
                self.connection.execute(
                    sa.update(sync_conflict).where(c.id == ident).values(settled_at=self.now)
                )
