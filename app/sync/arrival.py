"""What arrives with a package besides field values: merges (links to a merged record follow
it), the one participation per event and person, and people who look like people already here.
A mixin of the applier in ``app.sync.applying``: it uses its connection, ``merges``, ``pairs``,
``new_people``, ``now`` and ``_row``."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from app.sync import placement, values
from db.models import participation_id
from db.sync_schema import sync_duplicate

CHUNK = 500
# Columns that follow a merge: table → {column: merged entity}.
_FOLLOWS = {
    "participation": {"person_id": "person", "organization_id": "organization"},
    "person": {"organization_id": "organization"},
    "event_partner": {"organization_id": "organization"},
    "organization": {"parent_id": "organization"},
    "certificate": {"person_id": "person"},
}


class Arrivals:
    connection: sa.Connection
    merges: dict[str, str]
    pairs: dict[str, dict[tuple[str, str], str]]
    new_people: list[str]
    now: Any

    def _row(self, name: str, key: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def _follow_merges(self, name: str, data: dict[str, Any]) -> bool:
        followed = False
        for column in _FOLLOWS.get(name, {}):
            ident = data.get(column)
            if ident in self.merges:
                data[column] = self._survivor(ident)  # type: ignore[arg-type]
                followed = True
        return followed

    def _survivor(self, ident: str) -> str:
        return placement.survivor(self.merges, ident)

    def _pairs(self, event_id: str) -> dict[tuple[str, str], str]:
        """(event, person) → participation id, of one event (read once)."""
        found = self.pairs.get(event_id)
        if found is None:
            t = values.table("participation")
            rows = self.connection.execute(
                sa.select(t.c.person_id, t.c.id).where(
                    t.c.event_id
                    == values.native("participation", {"event_id": event_id})["event_id"]
                )
            )
            found = {(event_id, str(person)): str(ident) for person, ident in rows}
            self.pairs[event_id] = found
        return found

    def _one_per_pair(
        self, key: str, data: dict[str, Any], original: dict[str, Any]
    ) -> dict[str, Any] | None:
        """A participation may not list a person twice in one event. When two rows claim one
        event and person, the same one stands in every office: the row made for that person
        (its key follows from the pair, ``participation_id``) rather than one a merge pointed
        at them, and of two rows merges pointed at them, the one with the smaller key; the other
        goes to the recycle bin with the person it was made for (as the merge itself does with
        the duplicate's participation); a live row stands before one in the recycle bin. None:
        the change has no row here."""
        event_id = data.get("event_id") or self._event_of(key)
        person_id = data.get("person_id")
        if event_id is None or person_id is None:
            return data
        pairs = self._pairs(event_id)
        holder = pairs.get((event_id, person_id))
        if holder is None or holder == key:
            return data
        natural = str(participation_id(uuid.UUID(event_id), uuid.UUID(person_id)))
        made_for = self._made_for(event_id, holder, person_id)
        free = made_for is not None and pairs.get((event_id, made_for)) in (None, holder)
        if free and self._stands_before(key, data, holder, natural):
            t = values.table("participation")
            self.connection.execute(
                sa.update(t).where(values.key_condition("participation", holder))
                .values(person_id=uuid.UUID(made_for), deleted_at=self.now)
            )  # fmt: skip
            pairs[(event_id, made_for)] = holder
            pairs[(event_id, person_id)] = key
            return data
        if original.get("person_id") not in (None, person_id):
            home = self._made_for(event_id, key, person_id) or original["person_id"]
            if pairs.get((event_id, home)) not in (None, key):
                home = original["person_id"]
            kept = {**data, "person_id": home}
            kept["deleted_at"] = data.get("deleted_at") or self.now.isoformat()
            other = pairs.get((event_id, kept["person_id"]))
            if other is None or other == key:
                return kept
        return None

    def _stands_before(self, key: str, data: dict[str, Any], holder: str, natural: str) -> bool:
        """Of two rows claiming one event and person, the one that stands: a live row before
        one in the recycle bin, then the row made for that person, then the smaller key."""
        binned = [self._binned(key, data), self._binned(holder, {})]
        if binned[0] != binned[1]:
            return not binned[0]
        return key == natural or key < holder

    def _binned(self, key: str, data: dict[str, Any]) -> bool:
        if "deleted_at" in data:
            return data["deleted_at"] is not None
        self.flush()
        row = self._row("participation", key)
        return row is not None and row["deleted_at"] is not None

    def _moved(self, key: str, event_id: str, before: str, after: str) -> None:
        """Participation ``key`` of one event now lists ``after`` instead of ``before``."""
        pairs = self._pairs(event_id)
        if pairs.get((event_id, before)) == key:
            del pairs[(event_id, before)]
        pairs[(event_id, after)] = key

    def _made_for(self, event_id: str, participation: str, person_id: str) -> str | None:
        """The person a participation now listing ``person_id`` was made for, when a merge
        pointed it here (None: it was made for this person, or cannot be told)."""
        for gone in self.merges:
            if (
                gone != person_id
                and self._survivor(gone) == person_id
                and participation == str(participation_id(uuid.UUID(event_id), uuid.UUID(gone)))
            ):
                return gone
        return None

    def _event_of(self, key: str) -> str | None:
        self.flush()  # the row may be one of this package's, not yet written
        row = self._row("participation", key)
        return None if row is None else row["event_id"]

    # --- Merges and duplicates ---------------------------------------------------------------

    def _merge(self, data: dict[str, Any]) -> None:
        """A merge arrived: this office's own links to the merged record follow it."""
        entity, gone = data["entity"], data["from_id"]
        self.merges[gone] = min(data["into_id"], self.merges.get(gone, data["into_id"]))
        into = self._survivor(gone)
        if into != gone:
            self._point_links(entity, gone, into)

    def place_survivors(self) -> None:
        """Every survivor of records two offices merged into each other (each office binned the
        record it dropped; one must stay, the same everywhere) in or out of the recycle bin by
        ``placement.survivor_binned_at``: out, unless someone binned it by hand. Done once the
        whole package is in and logged, whatever order its changes came in, for every such
        survivor: an older delete arriving after the circle closed counts as well."""
        for entity in ("person", "organization"):
            t = values.table(entity)
            for ident in placement.circle_survivors(self.connection, entity):
                binned_at = placement.survivor_binned_at(self.connection, entity, ident)
                wanted = (
                    None
                    if binned_at is None
                    else values.native(entity, {"deleted_at": binned_at})["deleted_at"]
                )
                condition = values.key_condition(entity, ident)
                current = self.connection.execute(
                    sa.select(t.c.deleted_at).where(condition)
                ).first()
                if current is None or (current[0] is None) == (wanted is None):
                    continue
                self.connection.execute(sa.update(t).where(condition).values(deleted_at=wanted))

    def place_participations(self) -> None:
        """Every participation of merged people in its place (``app.sync.placement``), once
        the whole package is in and logged."""
        placement.place_participations(self.connection, self.now)

    def _point_links(self, entity: str, gone: str, into: str) -> None:
        """This office's links to ``gone`` point at ``into`` instead."""
        for name, columns in _FOLLOWS.items():
            for column, target in columns.items():
                if target != entity:
                    continue
                t = values.table(name)
                native = values.native(name, {column: gone})[column]
                rows = self.connection.execute(sa.select(t).where(t.c[column] == native)).mappings()
                for row in [values.portable(name, r) for r in rows]:
                    update: dict[str, Any] = {column: into}
                    if name == "participation" and column == "person_id":
                        moved = self._one_per_pair(row["id"], {**row, column: into}, row)
                        if moved is None:
                            continue
                        update = {column: moved[column], "deleted_at": moved["deleted_at"]}
                        self._moved(row["id"], row["event_id"], row[column], moved[column])
                    self.connection.execute(
                        sa.update(t)
                        .where(values.key_condition(name, row["id"]))
                        .values(**values.native(name, update))
                    )

    def find_duplicates(self) -> int:
        """List new people who look like people already here (by the import's match key)."""
        if not self.new_people:
            return 0
        person = values.table("person")
        new = set(self.new_people)
        pairs = set()
        for start in range(0, len(self.new_people), CHUNK):
            part = [
                values.native("person", {"id": k})["id"]
                for k in self.new_people[start : start + CHUNK]
            ]
            other = person.alias("other")
            rows = self.connection.execute(
                sa.select(person.c.id, other.c.id)
                .join(other, sa.and_(other.c.match_key == person.c.match_key, other.c.id != person.c.id))
                .where(person.c.id.in_(part), person.c.match_key != "",
                       person.c.deleted_at.is_(None), other.c.deleted_at.is_(None))
            )  # fmt: skip
            for a, b in rows:
                if str(b) not in new:
                    pairs.add(tuple(sorted((a, b), key=str)))
        added = 0
        for a, b in sorted(pairs, key=str):
            exists = self.connection.execute(
                sa.select(sync_duplicate.c.person_id).where(
                    sync_duplicate.c.person_id == a, sync_duplicate.c.other_id == b
                )
            ).first()
            if exists is None:
                self.connection.execute(
                    sync_duplicate.insert().values(person_id=a, other_id=b, found_at=self.now)
                )
                added += 1
        return added
