"""Erasing people: every copy the database holds of them, and the register that keeps it so.

Anonymising a person blanks what identifies them — names in both scripts, post, rank, contacts,
notes and the match key derived from the names — and the post and notes of their
participations, and keeps sex, nationality, organisation and the participations themselves, so
figures stay as they were. The same values are blanked in the past audit entries of the person
and of their participations (the trail keeps who changed what and when, not the values), and the
search index is purged of them.

A person is erased together with every copy of them: the duplicates merged into them and the
record they were merged into, however many merges away (all of them the same person, some in
the recycle bin). Merges are known from the ``merged_into``/``merged_from`` links of the
``merge`` audit entries, which hold ids only and so survive erasure.

Every person erased is listed in the register ``erasure`` (ids only). A restore calls
``reapply_erasures`` on the restored records before they replace the current ones: the current
register is merged into the restored one and everyone in it whose restored record predates
their erasure is erased again, so an old backup never brings an erased person back.

On SQLite every connection runs with ``secure_delete`` (``db.engine``), so erased values are
overwritten, not left in free space; ``mark_erased`` asks for the write-ahead log to be
checkpointed and truncated once the transaction ends (``db.engine`` does it, or retries it later
while another connection still reads an older snapshot).

Lives in ``db/`` because a restore needs it and ``db/`` imports nothing from ``app/``;
``app.services.privacy`` is the service in front of it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

import sqlalchemy as sa

from db.base import utcnow
from db.engine import ERASED_FLAG, current_actor
from db.enums import AuditAction
from db.models import AuditEntry, Participation, Person, erasure
from db.search_schema import PERSON_SEARCH_TABLE
from db.sync_schema import scrub_change_log

ANONYMISED_NAME = "Anonymised"
ERASED = "[erased]"
PERSON_FIELDS = (
    "family_name", "given_name", "patronymic", "family_name_local", "given_name_local",
    "patronymic_local", "position", "rank", "email", "phone", "notes",
)  # fmt: skip
PARTICIPATION_FIELDS = ("position", "notes")
MERGE_LINKS = ("merged_into", "merged_from")

_CHUNK = 500
_person = Person.__table__
_participation = Participation.__table__
_audit = AuditEntry.__table__


def erased_value(value: Any) -> Any:
    """A value as the scrubbed history keeps it: nothing personal, placeholders as they are."""
    return value if value in (None, ANONYMISED_NAME, ERASED) else ERASED


def _chunks(ids: Iterable[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    items = sorted(set(ids))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def merge_links(connection: sa.Connection) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Pairs of people merged one into the other (in either order), from the audit trail."""
    rows = connection.execute(
        sa.select(_audit.c.entity_id, _audit.c.changes).where(
            _audit.c.entity == "person", _audit.c.action == AuditAction.MERGE
        )
    )
    links = []
    for entity_id, changes in rows:
        for name in MERGE_LINKS:
            value = (changes or {}).get(name)
            if isinstance(value, list) and len(value) == 2 and value[1]:
                try:
                    links.append((entity_id, uuid.UUID(str(value[1]))))
                except ValueError:
                    continue
    return links


def merge_families(
    links: Iterable[tuple[uuid.UUID, uuid.UUID]],
) -> dict[uuid.UUID, set[uuid.UUID]]:
    """Each person named in ``links`` → everyone linked to them by merges (themselves included)."""
    neighbours: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    families: dict[uuid.UUID, set[uuid.UUID]] = {}
    for start in neighbours:
        if start in families:
            continue
        family, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()]:
                if other not in family:
                    family.add(other)
                    todo.append(other)
        for member in family:
            families[member] = family
    return families


def with_merged_copies(
    connection: sa.Connection, person_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """``person_ids`` and every record merged into or out of them, however many merges away."""
    families = merge_families(merge_links(connection))
    found: set[uuid.UUID] = set()
    for person_id in person_ids:
        found |= families.get(person_id, {person_id})
    return found


def registered_erasures(connection: sa.Connection) -> set[uuid.UUID]:
    """The ids in the register of erasures."""
    return set(connection.scalars(sa.select(erasure.c.person_id)))


def _scrub_history(
    connection: sa.Connection, entity: str, ids: list[uuid.UUID], fields: tuple[str, ...]
) -> None:
    """Blank ``fields`` (and the match key) in every audit entry of the records ``ids``. On a
    server set up for shared use no one may update the audit trail: the one function that may
    (``db.server_roles``, the same blanking in SQL) does it, for erased people only."""
    if _redacted_by_server(connection, entity, ids):
        return
    for chunk in _chunks(ids):
        entries = connection.execute(
            sa.select(_audit.c.id, _audit.c.changes, _audit.c.summary).where(
                _audit.c.entity == entity, _audit.c.entity_id.in_(chunk)
            )
        ).all()
        for entry_id, changes, summary in entries:
            scrubbed = dict(changes or {})
            for name in fields:
                if name in scrubbed:
                    scrubbed[name] = [erased_value(value) for value in scrubbed[name]]
            if "match_key" in scrubbed:  # derived from the names; an empty key stays empty
                scrubbed["match_key"] = [value and ERASED for value in scrubbed["match_key"]]
            # A person's summaries name them ("merged X into Y"); other records' do not.
            new_summary = None if entity == "person" else summary
            if scrubbed != (changes or {}) or new_summary != summary:
                connection.execute(
                    _audit.update()
                    .where(_audit.c.id == entry_id)
                    .values(changes=scrubbed, summary=new_summary)
                )


def _redacted_by_server(connection: sa.Connection, entity: str, ids: list[uuid.UUID]) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    function = connection.scalar(sa.text("SELECT to_regproc('convene_redact_history')"))
    if function is None:
        return False
    for chunk in _chunks(ids):
        connection.execute(
            sa.text("SELECT convene_redact_history(:entity, CAST(:ids AS uuid[]))"),
            {"entity": entity, "ids": chunk},
        )
    return True


def _audit_entry(
    connection: sa.Connection, actor: str, entity: str, record_id: uuid.UUID, changes: dict
) -> None:
    connection.execute(
        _audit.insert().values(
            id=uuid.uuid4(),
            actor=actor,
            action=AuditAction.ANONYMISE,
            entity=entity,
            entity_id=record_id,
            changes={name: list(pair) for name, pair in changes.items()},
        )
    )


def erase_people(
    connection: sa.Connection,
    person_ids: Collection[uuid.UUID],
    actor: str,
    *,
    always_audit: bool = True,
) -> int:
    """Erase the people ``person_ids`` exactly as given (callers add the merged copies: see
    ``with_merged_copies``), register them and purge the search index; returns how many people
    had anything left to erase. One ``anonymise`` audit entry per record changed (per person
    even when nothing changed, with ``always_audit``). Runs in the caller's transaction."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    now = utcnow()
    # The register keeps each person's latest erasure: a restore re-erases what predates it.
    # (Registered first: on a shared server only registered people's history may be blanked.)
    registered = registered_erasures(connection)
    fresh = [{"person_id": i, "erased_at": now} for i in ids if i not in registered]
    if fresh:
        connection.execute(erasure.insert(), fresh)
    for chunk in _chunks(registered.intersection(ids)):
        connection.execute(
            erasure.update().where(erasure.c.person_id.in_(chunk)).values(erased_at=now)
        )
    _scrub_history(connection, "person", ids, PERSON_FIELDS)
    wanted = {name: ANONYMISED_NAME if name == "family_name" else None for name in PERSON_FIELDS}
    changed_people = 0
    for chunk in _chunks(ids):
        rows = connection.execute(
            sa.select(_person.c.id, _person.c.match_key, *(_person.c[n] for n in PERSON_FIELDS))
            .where(_person.c.id.in_(chunk))
        ).mappings()  # fmt: skip
        for row in rows.all():
            changes = {
                name: (erased_value(row[name]), new)
                for name, new in wanted.items()
                if row[name] != new
            }
            if row["match_key"]:
                # Recorded (as erased) so the trail still replays from the empty key.
                changes["match_key"] = (ERASED, "")
            if changes:
                changed_people += 1
                connection.execute(
                    _person.update()
                    .where(_person.c.id == row["id"])
                    .values(**wanted, match_key="", updated_at=now, version=_person.c.version + 1)
                )
            if changes or always_audit:
                _audit_entry(connection, actor, "person", row["id"], changes)
    _erase_participations(connection, ids, actor, now)
    # after the updates: their own change-log rows hold the values before too
    scrub_change_log(connection, "person", ids, {**wanted, "match_key": ""}, ERASED)
    purge_search_index(connection)
    mark_erased(connection)
    return changed_people


def _erase_participations(
    connection: sa.Connection, person_ids: list[uuid.UUID], actor: str, now: Any
) -> None:
    columns = [_participation.c[n] for n in PARTICIPATION_FIELDS]
    rows = []
    for chunk in _chunks(person_ids):
        rows += connection.execute(
            sa.select(_participation.c.id, *columns).where(_participation.c.person_id.in_(chunk))
        ).mappings().all()  # fmt: skip
    _scrub_history(connection, "participation", [r["id"] for r in rows], PARTICIPATION_FIELDS)
    for row in rows:
        changes = {n: (ERASED, None) for n in PARTICIPATION_FIELDS if row[n] is not None}
        if changes:
            connection.execute(
                _participation.update()
                .where(_participation.c.id == row["id"])
                .values(
                    **dict.fromkeys(PARTICIPATION_FIELDS),
                    updated_at=now,
                    version=_participation.c.version + 1,
                )
            )
            _audit_entry(connection, actor, "participation", row["id"], changes)
    scrub_change_log(
        connection, "participation", [r["id"] for r in rows], dict.fromkeys(PARTICIPATION_FIELDS),
        ERASED,
    )  # fmt: skip


def purge_search_index(connection: sa.Connection) -> None:
    """Drop erased words from the search index for good. SQLite's FTS5 keeps a deleted row's
    words in its older index segments until they are merged; ``optimize`` merges them all now
    (2–7 s at 200,000 people: it rewrites the whole index). PostgreSQL's search words are a generated column of
    ``person``, already blank."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            f"INSERT INTO {PERSON_SEARCH_TABLE}({PERSON_SEARCH_TABLE}) VALUES ('optimize')"
        )


def mark_erased(connection: sa.Connection) -> None:
    """Ask ``db.engine`` to checkpoint and truncate the WAL once this connection's transaction
    is over (erased values must not stay in the log)."""
    connection.info[ERASED_FLAG] = True


def _register(connection: sa.Connection) -> dict[uuid.UUID, dt.datetime]:
    return dict(connection.execute(sa.select(erasure.c.person_id, erasure.c.erased_at)).all())


def reapply_erasures(restored: sa.Connection, current: sa.Connection) -> int:
    """Before a restore swaps ``restored`` in for ``current``: merge the current register of
    erasures into the restored one and erase again everyone it lists, with their merged copies,
    whose restored record was last changed before that erasure. (A record changed after it
    was erased — typed in again, and backed up later — is not the erased data and stays.)
    Commits on ``restored``; returns how many people had to be erased again."""
    register = _register(restored)
    for person_id, when in _register(current).items():
        if person_id not in register:
            restored.execute(erasure.insert().values(person_id=person_id, erased_at=when))
        elif when > register[person_id]:
            restored.execute(
                erasure.update().where(erasure.c.person_id == person_id).values(erased_at=when)
            )
        register[person_id] = max(when, register.get(person_id, when))
    families = merge_families(merge_links(restored))
    erased_at: dict[uuid.UUID, dt.datetime] = {}
    for person_id, when in register.items():
        for member in families.get(person_id, {person_id}):
            erased_at[member] = max(when, erased_at.get(member, when))
    stale = []
    for chunk in _chunks(erased_at):
        rows = restored.execute(
            sa.select(_person.c.id, _person.c.updated_at).where(_person.c.id.in_(chunk))
        )
        stale += [person_id for person_id, updated in rows if updated <= erased_at[person_id]]
    again = erase_people(restored, stale, current_actor(), always_audit=False) if stale else 0
    restored.commit()
    return again
