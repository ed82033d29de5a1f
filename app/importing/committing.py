"""Writing an import plan in one transaction: new organisations and people, participations (new,
or brought back from the recycle bin), the ImportBatch row and the audit trail.

A list can hold tens of thousands of rows, so rows are written in bulk (``bulk.insert_rows``)
rather than one ORM object each; the values were already cleaned by the same field rules the
forms use (``understanding``), and each created record still gets its own ``create`` audit entry,
written in bulk too, plus one ``import`` entry for the batch. Progress is reported between
batches; cancelling raises ``Cancelled`` and the caller's transaction rolls everything back.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.importing.bulk import (
    Alongside,
    PreparedRows,
    alongside,
    bulk_write_settings,
    created_changes,
    new_ids,
    prepare_rows,
    render_changes,
    write_rows,
)
from app.importing.enriching import (
    Filling,
    complete_listings,
    fill_blanks,
    listings_to_complete,
    people_to_fill,
)
from app.importing.planning import MATCHED, NEW, ImportPlan, PlannedRow
from app.importing.values import has_cyrillic
from app.matching import match_key
from app.progress import Progress, no_progress
from app.reports import tallies
from app.services.organizations import ORGANIZATION
from app.services.participations import PARTICIPATION
from app.services.people import PERSON
from app.services.records import json_ready
from db.base import utcnow
from db.enums import AuditAction, OrganizationKind
from db.models import (
    AuditEntry,
    ImportBatch,
    Organization,
    Participation,
    Person,
    participation_id,
)

PERSON_FIELDS = PERSON.fields  # (a property that builds the tuple on each use)
PARTICIPATION_FIELDS = PARTICIPATION.fields
_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[^()]{2,15})\)$")
Columns = dict[str, list[Any]]


@dataclasses.dataclass
class ImportResult:
    """What a committed import wrote."""

    batch_id: uuid.UUID
    people_created: int
    organizations_created: int
    participations_added: int
    participations_restored: int
    people_updated: int = 0  # matched people whose empty fields the list filled


def split_acronym(text: str) -> tuple[str, str | None]:
    """ "State Customs Committee (SCC)" → ("State Customs Committee", "SCC")."""
    match = _ACRONYM.match(text)
    if match and match["acronym"].replace("-", "").replace(" ", "").isupper():
        return match["name"], match["acronym"]
    return text, None


class _Writer:
    """Bulk inserts with the columns every record carries, and their audit entries.

    ``alongside``: a table's staged rows are moved into it on a second thread
    (``bulk.Alongside``) while this one goes on, and the audit entries are written last, in
    the order they were made (``write_audit``). The connection and the session are taken
    through ``connection`` and ``session``, which wait for that move first."""

    def __init__(
        self,
        session: Session,
        progress: Progress,
        total: int,
        alongside: Alongside | None = None,
    ) -> None:
        self._session = session
        self._alongside = alongside or Alongside(session.connection())
        self._moving = alongside  # (a writer used alone moves its staged rows itself)
        self._held: list[PreparedRows] = []  # audit entries kept to write (with ``alongside``)
        self.dialect = session.connection().dialect
        self.now = utcnow()
        self.stamps = {"created_at": self.now, "updated_at": self.now, "version": 1}
        self.stamps["deleted_at"] = None
        self.actor = session.info.get("actor") or "unknown"
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0

    @property
    def connection(self) -> sa.Connection:
        return self._alongside.settled()

    @property
    def session(self) -> Session:
        self._alongside.settled()
        return self._session

    def settle(self) -> None:
        """Wait for the statement running alongside (and raise its error)."""
        self._alongside.settled()

    def counter(self, what: str) -> Callable[[int], None]:
        def done(count: int) -> None:
            self.done += count
            self.progress(min(self.done, self.total), self.total, what)

        return done

    def create(
        self,
        table: sa.Table,
        ids: Sequence[uuid.UUID],
        columns: Columns,
        audited: Sequence[str],
        what: str,
        shared: dict[str, Any] | None = None,
    ) -> None:
        """Insert new records, with ``columns`` (name → one value per record) and ``shared``
        (name → one value for all of them), and one ``create`` audit entry each, with every
        audited field that has a value."""
        shared = shared or {}
        constants = {**self.stamps, **shared}
        prepared = prepare_rows(self.dialect, table, {"id": ids, **columns}, constants)
        write_rows(self.connection, prepared, self.counter(what), self._moving)
        values = {**columns, **{name: [value] * len(ids) for name, value in shared.items()}}
        changes = created_changes({f: values[f] for f in audited})
        # (str(): the table's name is SQLAlchemy's own str subclass, which sqlite3 adapts
        # value by value through a slow path.)
        self.audit(AuditAction.CREATE, str(table.name), ids, changes)

    def audit(
        self,
        action: AuditAction,
        entity: str,
        entity_ids: Sequence[uuid.UUID],
        changes: list[str],
        summary: str | None = None,
    ) -> None:
        """One audit entry per id, with its ``changes`` rendered as JSON text."""
        constants = {"actor": self.actor, "action": action, "entity": entity}
        constants["summary"] = (summary or "")[:500] or None
        prepared = prepare_rows(
            self.dialect, AuditEntry.__table__,  # type: ignore[arg-type]
            {"id": new_ids(len(entity_ids)), "entity_id": entity_ids, "changes": changes},
            {**constants, **self.stamps}, prerendered=("changes",),
        )  # fmt: skip
        self._held.append(prepared)
        if self._moving is None:
            self.write_audit()

    def write_audit(self) -> None:
        """Write the audit entries made so far (with ``alongside``), in their order."""
        for prepared in self._held:
            write_rows(self.connection, prepared, self.counter("Recording the audit trail…"))
        self._held.clear()


RecordWriter = _Writer  # (a register's events are written with it too)


def commit_plan(
    session: Session, plan: ImportPlan, progress: Progress = no_progress
) -> ImportResult:
    """Write ``plan`` in the caller's transaction (nothing is committed here).

    The Python work is arranged around the longest statement, moving the new people into
    ``person`` (``bulk.Alongside``): what is read is read before it starts, and the
    participations and the filled-in fields are worked out while it runs."""
    new_rows = [r for r in plan.rows if r.outcome == NEW]
    linked = [r for r in plan.rows if r.outcome == MATCHED and not r.in_event]
    total = 2 * (len(new_rows) * 2 + len(linked)) + 10
    progress(0, max(total, 1), "Preparing…")
    connection = session.connection()
    with bulk_write_settings(connection), alongside(connection) as second:
        writer = _Writer(session, progress, total, second)
        batch = _batch_row(writer.session, plan)
        batch_id = batch.id  # (read now: no ORM object is touched while a move runs)
        org_ids = _create_organizations(writer, plan)

        def organization_of(row: PlannedRow) -> uuid.UUID | None:
            new = plan.new_organization(row.listed)
            return org_ids[new] if new is not None else plan.organization_of(row.listed)

        person_ids = new_ids(len(new_rows))
        for row, person_id in zip(new_rows, person_ids, strict=True):
            row.person_id = person_id
        _same_people(plan)
        # What filling in matched records needs, read before the people move in (SQLite); on
        # PostgreSQL nothing moves alongside, so it is read as late as it can be (less time for
        # someone else's edit to refuse the import)
        early = writer.dialect.name == "sqlite"
        fillings = _fillings(writer, plan) if early else ()
        writer.create(
            Person.__table__, person_ids,  # type: ignore[arg-type]
            _people_columns(plan, new_rows, organization_of), (*PERSON_FIELDS, "match_key"),
            "Adding people…",
        )  # fmt: skip
        # (from here until the next use of the connection, the people are being moved in)
        plan.describe()  # (the plan's words for people to read, if left to now)
        restoring = [r for r in linked if r.restore_id is not None]
        adding = [r for r in new_rows + linked if r.restore_id is None]
        adding.sort(key=lambda r: r.row)
        columns = _participation_columns(plan, adding, organization_of)
        shared = {"certificate_issued": False, "import_batch_id": batch_id}
        events = {r.event_id or plan.event_id for r in adding}
        if plan.event_id is not None and events <= {plan.event_id}:
            shared["event_id"] = plan.event_id  # (a list: one event, processed once)
        else:  # a register's rows, each in its own event
            columns["event_id"] = [r.event_id or plan.event_id for r in adding]
        ids = [participation_id(r.event_id or plan.event_id, r.person_id) for r in adding]
        for filling, work_out in fillings:
            work_out(filling, organization_of)
        writer.write_audit()  # (the people's entries written now, not all kept to the end)
        with tallies.participations_listed_at_end(
            writer.connection, lambda: sorted(events) if adding else []
        ):
            try:
                writer.create(
                    Participation.__table__, ids,  # type: ignore[arg-type]
                    columns, PARTICIPATION_FIELDS, "Adding participations…", shared,
                )  # fmt: skip
            finally:
                writer.settle()  # (the participations moved in before the trigger is back)
        _restore(writer, plan, restoring, organization_of, batch_id)
        if not early:
            fillings = _fillings(writer, plan)
            for filling, work_out in fillings:
                work_out(filling, organization_of)
        updated = 0
        for filling, _ in fillings:
            changed = filling.write(writer.connection, writer.now)
            updated += changed if filling.entity == "person" else 0
            writer.audit(
                AuditAction.UPDATE, filling.entity, [record_id for record_id, _ in filling.changed],
                [render_changes(changes) for _, changes in filling.changed], "from an imported list",
            )  # fmt: skip
        changes = {"file_name": [None, batch.file_name], "sha256": [None, batch.sha256]}
        changes["counts"] = [None, plan.counts()]
        writer.audit(
            AuditAction.IMPORT, "import_batch", [batch_id], [render_changes(changes)],
            f"{batch.file_name} into {plan.event_label}",
        )  # fmt: skip
        writer.write_audit()
    progress(writer.total, writer.total, "Saving…")
    created_orgs = len(org_ids)
    return ImportResult(batch_id, len(new_rows), created_orgs, len(adding), len(restoring), updated)


def _fillings(writer: _Writer, plan: ImportPlan) -> tuple[tuple[Filling, Any], ...]:
    """The matched people and listings to fill in, as they are now, each with what works out
    its changes."""
    return (
        (people_to_fill(writer.session, plan), fill_blanks),
        (listings_to_complete(writer.session, plan), complete_listings),
    )


def _same_people(plan: ImportPlan) -> None:
    """Rows found as the person of an earlier row at another event (a register's) take that
    row's person, now that the people are created."""
    by_row = {r.row: r for r in plan.rows}
    for row in plan.rows:
        if row.same_as_earlier:
            row.person_id = by_row[row.duplicate_of].person_id  # type: ignore[index]


def _batch_row(session: Session, plan: ImportPlan) -> ImportBatch:
    understood = plan.understood
    book = understood.workbook
    batch = ImportBatch(
        file_name=book.path.name[:500],
        sha256=book.sha256,
        sheet=understood.sheet.name[:200],
        header_row=understood.header_row,
        mapping={
            "signature": understood.signature,
            "columns": understood.mapping,
            "fields_by_letter": {c.letter: c.field for c in understood.columns},
        },
        counts={k: v for k, v in plan.counts().items()},
        event_id=plan.event_id,
        actor=session.info.get("actor") or "unknown",
    )
    session.add(batch)
    session.flush()
    return batch


def new_organization_values(text: str, country: str | None, international: bool) -> dict[str, Any]:
    """A new organisation named ``text`` as an import (or a person typed in) makes it: "Name
    (ACR)" split, a Cyrillic name also kept as the local name, of ``country``, an international
    organisation or of kind "other" (to be told apart later)."""
    name, acronym = split_acronym(text)
    return {
        "name": name,
        "name_local": name if has_cyrillic(name) else None,
        "acronym": acronym,
        "kind": OrganizationKind.INTERNATIONAL_ORGANIZATION
        if international
        else OrganizationKind.OTHER,
        "country": country,
    }


def _create_organizations(
    writer: _Writer, plan: ImportPlan
) -> dict[tuple[str, str | None], uuid.UUID]:
    """Create the organisations the list names that are not in the database yet
    (``ImportPlan.new_organizations``); returns their ids by (normalised name, country)."""
    columns: Columns = {field: [] for field in ORGANIZATION.fields}
    name_rule = next(rule for rule in ORGANIZATION.rules if rule.name == "name")
    wanted = plan.new_organizations()
    ids = new_ids(len(wanted))
    for text, country, international in wanted.values():
        values = dict.fromkeys(ORGANIZATION.fields)
        values.update(new_organization_values(text, country, international))
        values["name"] = name_rule.coerce(values["name"])
        for field, value in values.items():
            columns[field].append(value)
    table = Organization.__table__
    writer.create(table, ids, columns, ORGANIZATION.fields, "Adding organisations…")  # type: ignore[arg-type]
    return dict(zip(wanted, ids, strict=True))


def _people_columns(
    plan: ImportPlan,
    rows: list[PlannedRow],
    organization_of: Callable[[PlannedRow], uuid.UUID | None],
) -> Columns:
    people = [r.listed.person for r in rows]
    columns = {name: [p.get(name) for p in people] for name in PERSON_FIELDS}
    columns["organization_id"] = [organization_of(r) for r in rows]
    keys = plan.match_keys  # (made by the plan; a row without one has no name to key)
    columns["match_key"] = [
        keys.get(r.row) or match_key(*(r.listed.person.get(f) for f in _KEYED)) for r in rows
    ]
    return columns


_KEYED = ("family_name", "given_name", "family_name_local", "given_name_local")  # (match_key's)


def _participation_columns(
    plan: ImportPlan,
    rows: list[PlannedRow],
    organization_of: Callable[[PlannedRow], uuid.UUID | None],
) -> Columns:
    """The values of the participations that differ from row to row (not the event, the
    batch or the certificate flag)."""
    columns: Columns = {}
    for name in PARTICIPATION_FIELDS:
        if name in ("event_id", "certificate_issued", "import_batch_id"):
            continue
        if name == "person_id":
            columns[name] = [r.person_id for r in rows]
        elif name == "organization_id":
            columns[name] = [organization_of(r) for r in rows]
        else:
            default = plan.defaults.get(name)
            columns[name] = [r.listed.participation.get(name, default) for r in rows]
    return columns


def _restore(
    writer: _Writer,
    plan: ImportPlan,
    rows: list[PlannedRow],
    organization_of: Callable[[PlannedRow], uuid.UUID | None],
    batch_id: uuid.UUID,
) -> None:
    """Bring binned participations back with the list's values, each audited as a restore."""
    if not rows:
        return
    table = Participation.__table__
    found = {
        p.id: p
        for p in writer.session.scalars(
            sa.select(Participation).where(Participation.id.in_([r.restore_id for r in rows]))
        )
    }
    restored, audited = [], []
    for row in rows:
        current = found[row.restore_id]  # type: ignore[index]
        new = {**plan.defaults, **row.listed.participation}
        new.update(organization_id=organization_of(row), import_batch_id=batch_id)
        changes = {"deleted_at": [json_ready(current.deleted_at), None]}
        for name, value in new.items():
            if getattr(current, name) != value:
                changes[name] = [json_ready(getattr(current, name)), json_ready(value)]
        writer.session.execute(
            sa.update(table)  # type: ignore[arg-type]
            .where(table.c.id == current.id, table.c.version == current.version)
            .values(**new, deleted_at=None, updated_at=writer.now, version=current.version + 1)
        )
        restored.append(current.id)
        audited.append(render_changes(changes))
        writer.session.expire(current)
    writer.audit(AuditAction.RESTORE, "participation", restored, audited)
