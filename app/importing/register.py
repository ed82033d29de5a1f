"""Importing a register (read by ``register_reading``): one plan and one transaction.

Each event is matched to one already in the database (the same title, in either language, and
overlapping dates — one query for the register's whole span) or created (all in one bulk insert,
each audited); the people of all the rows are matched as a list's are, in one plan
(``planning.make_plan`` with no event), so a person of several events is one person; each row
is then placed in its event — a later row of the same person at another event is that person's
participation there, a person already listed for a matched event is left as listed — and the
plan is written as a list's is (``committing.commit_plan``, each row with its event). A dry run
makes the same plan (the events it would create included) and rolls it back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ConveneError
from app.i18n import N_, tr, tr_n
from app.importing.committing import RecordWriter, commit_plan
from app.importing.importer import (
    ImportRefused,
    cycle_collection_paused,
    refuse_if_problems,
    remembered_layouts,
)
from app.importing.planning import (
    DUPLICATE,
    MATCHED,
    NEW,
    SKIPPED,
    ImportPlan,
    PlannedRow,
    make_plan,
)
from app.importing.reading import Workbook, read_workbook
from app.importing.register_reading import (
    RegisterEvent,
    UnderstoodRegister,
    reason_shown,
    understand_register,
)
from app.importing.vocabulary import normalise
from app.progress import Progress, no_progress
from app.services.events import EVENT, next_reference
from app.services.participations import listing_defaults
from db.engine import Database
from db.enums import EventFormat, EventStatus
from db.models import Event, Participation

# the event's title in every language the database keeps it in
_TITLES = tuple(getattr(Event, name) for name in ("title", "title_ru") if hasattr(Event, name))


@dataclasses.dataclass
class PlacedEvent:
    """An event of the register and the event in the database it is: matched, or created."""

    event: RegisterEvent
    event_id: uuid.UUID
    reference: str
    created: bool
    listing: dict[str, Any] = dataclasses.field(default_factory=dict)  # a new listing's defaults


@dataclasses.dataclass
class RegisterOutcome:
    """What importing a register did (or, for a dry run, would do): its events, and the one
    plan of its rows (each row with its event)."""

    register: UnderstoodRegister
    events: list[PlacedEvent]
    plan: ImportPlan
    dry_run: bool

    def summary(self, *, streamed: bool = False) -> dict[str, Any]:
        """The ``import --register --json`` document: the list import's, with the events
        (``streamed``: its problems one after the other, for ``print_json``)."""
        understood = self.register.understood
        counts = self.plan.counts()
        rows = self.plan.rows
        added = Counter(
            r.event_id
            for r in rows
            if r.outcome == NEW or (r.outcome == MATCHED and not r.in_event)
        )
        matched = {r.person_id for r in rows if r.outcome == MATCHED and r.duplicate_of is None}
        return {
            "file": str(understood.workbook.path),
            "sheet": understood.sheet.name,
            "header_row": understood.header_row,
            "mapping": self.register.mapping,
            "rows_read": len(understood.rows),
            "events_created": sum(1 for e in self.events if e.created),
            "events_matched": sum(1 for e in self.events if not e.created),
            "people_created": counts["people_created"],
            "people_matched": len(matched),
            "added_to_event": counts["added_to_event"],
            "already_in_event": counts["already_in_event"],
            "ignored": sum(1 for r in understood.rows if r.kind not in ("person", "unusable")),
            "skipped": self.skipped(),
            "problems": self.plan.problems(streamed=streamed),
            "events": [
                {
                    "reference": e.reference,
                    "title": e.event.title,
                    "start_date": e.event.start_date.isoformat(),
                    "end_date": e.event.end_date.isoformat(),
                    "created": e.created,
                    "added_to_event": added[e.event_id],
                }
                for e in self.events
            ],
            "dry_run": self.dry_run,
        }

    def problem_plan(self) -> ImportPlan:
        """Every row of the register in one plan, for the workbook of rows to fix
        (``error_workbook``): the events' rows as planned, and those naming no event
        readable, skipped with why."""
        rows = [
            *self.plan.rows,
            *(PlannedRow(r, SKIPPED, r.reason) for r in self.register.unplaced),
        ]
        return dataclasses.replace(self.plan, rows=sorted(rows, key=lambda r: r.row))

    def skipped(self) -> list[dict[str, Any]]:
        rows = [{"row": r.row, "reason": r.reason} for r in self.register.unplaced]
        rows += self.plan.skipped()
        return sorted(rows, key=lambda s: s["row"])


class _DryRun(Exception):
    """Raised to roll a dry run's transaction back."""


def open_register(
    database: Database,
    path: str | Path | Workbook,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    overrides: Mapping[str, str | None] | None = None,
    event_overrides: Mapping[str, str] | None = None,
) -> UnderstoodRegister:
    """Read a register and group its rows into events; MappingError or UnreadableFile with one
    sentence when it cannot be."""
    with database.session_scope(readonly=True) as session:
        remembered = remembered_layouts(session)
    with cycle_collection_paused():
        workbook = path if isinstance(path, Workbook) else read_workbook(path)
        return understand_register(
            workbook,
            sheet,
            header_row=header_row,
            overrides=overrides,
            event_overrides=event_overrides,
            remembered=remembered,
        )


def _known_events(session: Session, events: list[RegisterEvent]) -> dict[str, list[Event]]:
    """The events in the database over the register's whole span, by normalised title (in each
    language the database keeps titles in): one query, not one per event."""
    if not events:
        return {}
    first = min(e.start_date for e in events)
    last = max(e.end_date for e in events)
    known: dict[str, list[Event]] = defaultdict(list)
    query = sa.select(Event).where(
        Event.deleted_at.is_(None), Event.start_date <= last, Event.end_date >= first
    )
    for event in session.scalars(query):
        for title in {normalise(getattr(event, c.key) or "") for c in _TITLES} - {""}:
            known[title].append(event)
    return known


def _same_event(known: dict[str, list[Any]], event: RegisterEvent) -> Any | None:
    """Of the known events of the same title, one whose dates overlap (the nearest start)."""
    overlapping = [
        e
        for e in known.get(normalise(event.title), ())
        if e.start_date <= event.end_date and e.end_date >= event.start_date
    ]
    overlapping.sort(key=lambda e: abs((e.start_date - event.start_date).days))
    return overlapping[0] if overlapping else None


@dataclasses.dataclass
class _NewEvent:
    id: uuid.UUID
    reference: str
    start_date: dt.date
    end_date: dt.date
    status: EventStatus
    format: EventFormat


def _place_events(session: Session, events: list[RegisterEvent]) -> list[PlacedEvent]:
    """Match each event of the register to one in the database, or create it: all those to
    create in one bulk insert, each with its audit entry, references given year by year (two
    rows of one new event with dates written differently are one event too)."""
    known = _known_events(session, events)
    placed: list[PlacedEvent] = []
    creating: list[tuple[RegisterEvent, dict[str, Any], _NewEvent]] = []
    numbers: dict[int, int] = {}
    today = dt.date.today()
    for event in events:
        found = _same_event(known, event)
        if found is not None:
            listing = listing_defaults(found.status, found.end_date, found.format)
            placed.append(PlacedEvent(event, found.id, found.reference, False, listing))
            continue
        year = event.start_date.year
        if year not in numbers:
            numbers[year] = int(next_reference(session, year).split("-")[1])
        reference = f"{year}-{numbers[year]:03d}"
        numbers[year] += 1
        values = EVENT.validate(
            session,
            {
                "title": event.title,
                "type": event.type,
                "start_date": event.start_date,
                "end_date": event.end_date,
                "city": event.city,
                "country": event.country,
                "format": event.format,
                "status": EventStatus.HELD if event.end_date < today else EventStatus.PLANNED,
            },
        )
        new = _NewEvent(
            uuid.uuid4(), reference, event.start_date, event.end_date,
            values["status"], values["format"],
        )  # fmt: skip
        known[normalise(event.title)].append(new)
        creating.append((event, {**values, "reference": reference}, new))
        listing = listing_defaults(new.status, new.end_date, new.format)
        placed.append(PlacedEvent(event, new.id, reference, True, listing))
    if creating:
        writer = RecordWriter(session, no_progress, len(creating))
        columns = {f: [values.get(f) for _, values, _ in creating] for f in EVENT.fields}
        ids = [new.id for _, _, new in creating]
        writer.create(Event.__table__, ids, columns, EVENT.fields, "Adding events…")  # type: ignore[arg-type]
        session.flush()
    return placed


def _place_rows(plan: ImportPlan, placed: list[PlacedEvent]) -> None:
    """Give each planned row its event; a row found as the person of an earlier row at another
    event becomes a participation of that person there (matched "the same person as row N"),
    a second row of one person at one event stays a repeat."""
    event_of = {row.row: p.event_id for p in placed for row in p.event.rows}
    by_row = {r.row: r for r in plan.rows}
    seen: set[tuple[Any, uuid.UUID]] = set()
    for row in plan.rows:
        row.event_id = event_of.get(row.row)
        if row.outcome == DUPLICATE and row.duplicate_of is not None:
            first = by_row[row.duplicate_of]
            if first.outcome in (NEW, MATCHED) and first.event_id != row.event_id:
                row.outcome, row.person_id = MATCHED, first.person_id
                row.why = f"the same person as row {first.row}"
        if row.outcome not in (NEW, MATCHED):
            continue
        who = _identity(row, by_row)
        if (who, row.event_id) in seen:
            row.outcome, row.person_id = DUPLICATE, None
            row.why = "the same person as an earlier row of this event"
            continue
        seen.add((who, row.event_id))  # type: ignore[arg-type]


def _identity(row: PlannedRow, by_row: dict[int, PlannedRow]) -> Any:
    """Who a row is: a person in the database, or the earlier row whose new person it is."""
    while row.person_id is None and row.duplicate_of is not None:
        row = by_row[row.duplicate_of]
    return row.person_id if row.person_id is not None else ("row", row.row)


LISTED_BATCH = 500  # events a query asks about at once


def _mark_listed(session: Session, plan: ImportPlan, placed: list[PlacedEvent]) -> None:
    """Rows of people already listed for a matched event: already in it (or, listed there in
    the recycle bin, brought back) — one query per few hundred events."""
    matched = [p.event_id for p in placed if not p.created]
    listed: dict[tuple[uuid.UUID, uuid.UUID], tuple[uuid.UUID, Any]] = {}
    for start in range(0, len(matched), LISTED_BATCH):
        query = sa.select(
            Participation.person_id, Participation.event_id, Participation.id,
            Participation.deleted_at,
        ).where(Participation.event_id.in_(matched[start : start + LISTED_BATCH]))  # fmt: skip
        for person_id, event_id, participation_id, deleted_at in session.execute(query):
            listed[(person_id, event_id)] = (participation_id, deleted_at)
    for row in plan.rows:
        if row.outcome != MATCHED or row.person_id is None:
            continue
        found = listed.get((row.person_id, row.event_id))  # type: ignore[arg-type]
        if found is None:
            continue
        if found[1] is None:
            row.in_event, row.participation_id = True, found[0]
            row.why += "; " + N_("already listed for this event")
        else:
            row.restore_id = found[0]
            row.why += "; brought back from the recycle bin"


def _listing_defaults(plan: ImportPlan, placed: list[PlacedEvent]) -> None:
    """The role, status and mode of each new listing, by its event, where its row says none."""
    defaults = {p.event_id: p.listing for p in placed}
    for row in plan.rows:
        if row.outcome in (NEW, MATCHED) and not row.in_event and row.event_id is not None:
            for name, value in defaults[row.event_id].items():
                row.listed.participation.setdefault(name, value)


def import_register(
    database: Database,
    register: UnderstoodRegister,
    *,
    strict: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> RegisterOutcome:
    """Match or create every event of the register and import its rows into them: one plan,
    one transaction (rolled back for a dry run, or when ``strict`` finds a problem)."""
    outcome: RegisterOutcome | None = None
    try:
        with cycle_collection_paused(), database.session_scope() as session:
            progress(0, 1, "Finding the register's events…")
            placed = _place_events(session, register.events)
            rows = sorted((r for p in placed for r in p.event.rows), key=lambda r: r.row)
            people = dataclasses.replace(register.understood, rows=rows)
            plan = make_plan(session, people, None)
            plan.event_label = f"a register of {len(placed)} events"
            _place_rows(plan, placed)
            _mark_listed(session, plan, placed)
            _listing_defaults(plan, placed)
            outcome = RegisterOutcome(register, placed, plan, dry_run)
            if strict:
                _refuse_if_problems(register, plan)
            if dry_run:
                raise _DryRun
            commit_plan(session, plan, progress)
    except _DryRun:
        pass
    assert outcome is not None
    return outcome


def _refuse_if_problems(register: UnderstoodRegister, plan: ImportPlan) -> None:
    if register.unplaced:
        first = "; ".join(
            tr("row {row}: {reason}").format(row=r.row, reason=reason_shown(r.reason))
            for r in register.unplaced[:3]
        )
        more = len(register.unplaced) - 3
        if more > 0:
            first += tr_n(" and %n more", more)
        raise RegisterRefused(
            tr_n(
                "%n row(s) name no event that can be read ({first}); nothing was imported"
                " because of --strict.",
                len(register.unplaced),
            ).format(first=first)
        )
    try:
        refuse_if_problems(plan)
    except ImportRefused as refused:
        raise RegisterRefused(str(refused)) from None


class RegisterRefused(ConveneError):
    """A strict register import found problems; nothing was written."""
