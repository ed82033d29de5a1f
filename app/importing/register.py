"""Registers: one sheet of many events, one row per person per event, the event's title, dates,
place, type and format in columns of every row (or of the first row of each event).

The sheet is understood once, as a list (``understanding``), with its event columns set aside;
the rows are then grouped into events by title and dates. Importing it is one transaction: each
event in turn is matched to one already in the database (the same title, in either language,
and overlapping dates) or created, and its rows are planned (``planning.make_plan``) and written
(``committing.commit_plan``) as a list into that event — each plan made against the database as
the earlier events left it, so a person of several events is created once and matched after.
A dry run does the same and rolls it back: its plan is the plan an import would carry out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.country_reading import find_country
from app.errors import ConveneError
from app.importing import mapping as m
from app.importing import values as v
from app.importing.committing import commit_plan
from app.importing.event_dates import read_dates
from app.importing.importer import (
    ImportRefused,
    cycle_collection_paused,
    refuse_if_problems,
    remembered_layouts,
)
from app.importing.planning import MATCHED, NEW, SKIPPED, ImportPlan, PlannedRow, make_plan
from app.importing.reading import Sheet, Workbook, read_workbook
from app.importing.understanding import ListedRow, UnderstoodList, understand
from app.importing.vocabulary import (
    event_column_headers,
    header_key,
    normalise,
    register_words,
)
from app.progress import Progress, no_progress
from app.services.events import create_event
from db.engine import Database
from db.enums import EventFormat, EventType
from db.models import Event

EVENT_FIELDS: dict[str, str] = {
    "event_title": "Event title",
    "event_dates": "Event dates",
    "event_start": "Event start",
    "event_end": "Event end",
    "event_city": "Event city",
    "event_country": "Event country",
    "event_type": "Event type",
    "event_format": "Event format",
}
# the event's title in every language the database keeps it in
_TITLES = tuple(getattr(Event, name) for name in ("title", "title_ru") if hasattr(Event, name))


@dataclasses.dataclass
class RegisterEvent:
    """One event of a register: what its rows say of it, and its rows."""

    title: str
    start_date: dt.date
    end_date: dt.date
    city: str | None = None
    country: str | None = None
    type: EventType = EventType.OTHER
    format: EventFormat = EventFormat.IN_PERSON
    rows: list[ListedRow] = dataclasses.field(default_factory=list)

    @property
    def key(self) -> tuple[str, dt.date, dt.date]:
        return normalise(self.title), self.start_date, self.end_date

    def describe(self) -> str:
        when = reference.show_date(self.start_date)
        if self.end_date != self.start_date:
            when += f"–{reference.show_date(self.end_date)}"
        return f"“{self.title}” ({when})"


@dataclasses.dataclass
class UnderstoodRegister:
    """A register read: its people as a list, its event columns and its events."""

    understood: UnderstoodList
    event_columns: dict[str, m.Column]
    events: list[RegisterEvent]
    unplaced: list[ListedRow]  # people's rows whose event cannot be read (skipped, with why)

    @property
    def mapping(self) -> dict[str, str]:
        """Column → field, the event columns among them (``--json`` "mapping")."""
        mapped = dict(self.understood.mapping)
        mapped.update({c.key: field for field, c in self.event_columns.items()})
        return mapped


@dataclasses.dataclass
class PlannedEvent:
    """An event of the register, matched (``created`` False) or to be created, and its plan."""

    event: RegisterEvent
    event_id: uuid.UUID
    reference: str
    created: bool
    plan: ImportPlan


@dataclasses.dataclass
class RegisterOutcome:
    """What importing a register did (or, for a dry run, would do)."""

    register: UnderstoodRegister
    events: list[PlannedEvent]
    dry_run: bool

    def plans(self) -> list[ImportPlan]:
        return [e.plan for e in self.events]

    def summary(self) -> dict[str, Any]:
        """The ``import --register --json`` document: the list import's, with the events."""
        understood = self.register.understood
        created = 0
        matched: set[uuid.UUID] = set()
        counts = dict.fromkeys(("added_to_event", "already_in_event", "ignored"), 0)
        for planned in self.events:
            for name in counts:
                counts[name] += planned.plan.counts()[name]
            for row in planned.plan.rows:
                if row.outcome == NEW:
                    created += 1
                elif row.outcome == MATCHED and row.person_id is not None:
                    matched.add(row.person_id)
        made_here = {r.person_id for p in self.plans() for r in p.rows if r.outcome == NEW}
        counts["ignored"] = sum(1 for r in understood.rows if r.kind not in ("person", "unusable"))
        return {
            "file": str(understood.workbook.path),
            "sheet": understood.sheet.name,
            "header_row": understood.header_row,
            "mapping": self.register.mapping,
            "rows_read": len(understood.rows),
            "events_created": sum(1 for e in self.events if e.created),
            "events_matched": sum(1 for e in self.events if not e.created),
            "people_created": created,
            "people_matched": len(matched - made_here),
            **counts,
            "skipped": self.skipped(),
            "problems": [p for plan in self.plans() for p in plan.problems()],
            "events": [
                {
                    "reference": e.reference,
                    "title": e.event.title,
                    "start_date": e.event.start_date.isoformat(),
                    "end_date": e.event.end_date.isoformat(),
                    "created": e.created,
                    "added_to_event": e.plan.counts()["added_to_event"],
                }
                for e in self.events
            ],
            "dry_run": self.dry_run,
        }

    def problem_plan(self) -> ImportPlan:
        """Every row of the register in one plan, for the workbook of rows to fix
        (``error_workbook``): the events' rows as planned, and those naming no event
        readable, skipped with why."""
        rows = [r for plan in self.plans() for r in plan.rows]
        rows += [PlannedRow(r, SKIPPED, r.reason) for r in self.register.unplaced]
        rows.sort(key=lambda r: r.row)
        return ImportPlan(self.register.understood, uuid.UUID(int=0), "", rows, {}, {})

    def skipped(self) -> list[dict[str, Any]]:
        rows = [{"row": r.row, "reason": r.reason} for r in self.register.unplaced]
        rows += [s for plan in self.plans() for s in plan.skipped()]
        return sorted(rows, key=lambda s: s["row"])


class _DryRun(Exception):
    """Raised to roll a dry run's transaction back."""


def split_event_overrides(texts: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """``--map`` options for the people's columns, and those naming event fields (column →
    event field)."""
    people, events = [], {}
    for text in texts:
        column, sep, field = text.rpartition("=")
        if sep and field.strip() in EVENT_FIELDS and column.strip():
            events[column.strip()] = field.strip()
        else:
            people.append(text)
    return people, events


def event_columns(
    sheet: Sheet, header_row: int, chosen: Mapping[str, str] | None = None, *, detect: bool = True
) -> dict[str, m.Column]:
    """The event columns of a sheet's header row (event field → column), by their headers
    (unless not ``detect``) and the user's choices (``chosen``: header or letter → field)."""
    if header_row < 1 or header_row > len(sheet.rows):
        return {}
    cells = sheet.rows[header_row - 1]
    known = event_column_headers() if detect else {}
    found: dict[str, m.Column] = {}
    for index, cell in enumerate(cells):
        text = v.cell_text(cell)
        field = known.get(header_key(text)) if text else None
        if field and field not in found:
            found[field] = m.Column(index, text or "", field)
    for name, field in (chosen or {}).items():
        wanted = normalise(name)
        index = next(
            (i for i, cell in enumerate(cells) if cell is not None and normalise(cell) == wanted),
            None,
        )
        if index is None:
            index = next((i for i in range(len(cells)) if m.column_letter(i) == name.upper()), None)
        if index is None:
            raise m.MappingError(f"The register has no column '{name}' for {field}.")
        found = {f: c for f, c in found.items() if c.index != index}
        found[field] = m.Column(index, v.cell_text(cells[index]) or "", field, source="chosen")
    return found


def is_register(columns: Mapping[str, m.Column]) -> bool:
    """Do these event columns make a register: an event title and when it was held?"""
    return "event_title" in columns and bool({"event_dates", "event_start"} & set(columns))


def looks_like_register(sheet: Sheet, header_row: int | None) -> dict[str, m.Column]:
    """The event columns when the sheet reads as a register (the wizard says so), else {}."""
    if not header_row:
        return {}
    columns = event_columns(sheet, header_row)
    return columns if is_register(columns) else {}


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


def understand_register(
    workbook: Workbook,
    sheet_name: str | None = None,
    *,
    header_row: int | None = None,
    overrides: Mapping[str, str | None] | None = None,
    event_overrides: Mapping[str, str] | None = None,
    remembered: Mapping[str, Mapping[str, str | None]] | None = None,
    detect_events: bool = True,
) -> UnderstoodRegister:
    """The register in ``workbook``'s sheet: its people understood as a list's, grouped by
    event (the event columns found by their headers, unless not ``detect_events``, and as
    ``event_overrides`` name them)."""
    chosen_sheet = workbook.sheet(sheet_name)
    found_row = header_row or m.find_header_row(chosen_sheet, remembered or {}) or 0
    columns = event_columns(chosen_sheet, found_row, event_overrides, detect=detect_events)
    if not is_register(columns):
        raise m.MappingError(
            f"Sheet '{chosen_sheet.name}' has no event columns, so it is not a register: it"
            " needs a column of event titles (such as 'Мероприятие' or 'Event') and one of"
            " dates (such as 'Даты' or 'Dates'), or --map \"Column=event_title\" and"
            ' "Column=event_dates".'
        )
    set_aside: dict[str, str | None] = {c.letter: None for c in columns.values()}
    understood = understand(
        workbook,
        chosen_sheet.name,
        header_row=found_row,
        overrides={**set_aside, **(overrides or {})},
        remembered=remembered,
    )
    events, unplaced = _group(understood.rows, columns)
    if not events and not unplaced:
        raise m.MappingError(
            f"Nobody is listed below the headers in row {understood.header_row} of sheet"
            f" '{chosen_sheet.name}'; there is nothing to import."
        )
    return UnderstoodRegister(understood, columns, events, unplaced)


def _cell(row: ListedRow, column: m.Column | None) -> Any:
    if column is None or column.index >= len(row.cells):
        return None
    return row.cells[column.index]


def _group(
    rows: list[ListedRow], columns: dict[str, m.Column]
) -> tuple[list[RegisterEvent], list[ListedRow]]:
    """The register's events in the order they first appear, each with its rows; a row that
    names no event of its own belongs to the event of the row above (a register often writes
    an event once, on its first row)."""
    events: dict[tuple[str, dt.date, dt.date], RegisterEvent] = {}
    unplaced: list[ListedRow] = []
    current: RegisterEvent | None = None
    for row in rows:
        if row.kind not in ("person", "unusable"):
            continue
        said = {f: _cell(row, c) for f, c in columns.items()}
        title = v.cell_text(said.get("event_title"))
        dated = any(said.get(f) is not None for f in ("event_dates", "event_start", "event_end"))
        if not title and not dated:
            if current is None:
                row.kind, row.reason = "unusable", "no event is named on this row or above it"
                unplaced.append(row)
            else:
                current.rows.append(row)
            continue
        read = _read_event(title, said)
        if isinstance(read, str):
            row.kind, row.reason = "unusable", read
            unplaced.append(row)
            current = None
            continue
        current = events.setdefault(read.key, read)
        _complete(current, read)
        current.rows.append(row)
    return list(events.values()), unplaced


def _read_event(title: str | None, said: dict[str, Any]) -> RegisterEvent | str:
    """The event a row names, or why it cannot be read."""
    if not title:
        return "the event's title is empty"
    dates = read_dates(said.get("event_dates"))
    start, end = read_dates(said.get("event_start")), read_dates(said.get("event_end"))
    if start is not None:
        dates = (start[0], end[1] if end is not None else start[1])
    if dates is None:
        given = said.get("event_dates") or said.get("event_start")
        shown = f"'{v.cell_text(given)}'" if given is not None else "empty"
        return f"the event's dates cannot be read ({shown})"
    if dates[1] < dates[0]:
        return "the event ends before it starts"
    city = v.cell_text(said.get("event_city"))
    return RegisterEvent(
        title=" ".join(title.split()),
        start_date=dates[0],
        end_date=dates[1],
        city=city[:100] if city else None,
        country=find_country(v.cell_text(said.get("event_country"))),
        type=_event_type(said.get("event_type"), title),
        format=_event_format(said.get("event_format")),
    )


def _complete(event: RegisterEvent, other: RegisterEvent) -> None:
    """What a later row of an event says that its first row left empty."""
    event.city = event.city or other.city
    event.country = event.country or other.country
    if event.type == EventType.OTHER:
        event.type = other.type


def _words(section: str) -> list[tuple[str, str]]:
    """(normalised word, value) of a section of the register's words, the longest first."""
    pairs = [(normalise(w), key) for key, ws in register_words()[section].items() for w in ws]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _event_type(cell: Any, title: str) -> EventType:
    """The type a type column says, else the one the title's words give, else "other"."""
    text = v.cell_text(cell)
    if text:
        try:
            return reference.parse_enum(EventType, text)
        except ValueError:
            pass
    for source in (text, title):
        if not source:
            continue
        words = f" {normalise(source)} "
        for word, value in _words("types"):
            if f" {word} " in words:
                return EventType(value)
    return EventType.OTHER


def _event_format(cell: Any) -> EventFormat:
    text = v.cell_text(cell)
    if not text:
        return EventFormat.IN_PERSON
    try:
        return reference.parse_enum(EventFormat, text)
    except ValueError:
        folded = normalise(text)
        return next(
            (EventFormat(value) for word, value in _words("formats") if word == folded),
            EventFormat.IN_PERSON,
        )


def _find_event(session: Session, event: RegisterEvent) -> Event | None:
    """The event in the database this one is: the same title (in either language) and dates
    that overlap; of several, the one whose dates are nearest."""
    overlapping = session.scalars(
        sa.select(Event).where(
            Event.deleted_at.is_(None),
            Event.start_date <= event.end_date,
            Event.end_date >= event.start_date,
        )
    )
    wanted = normalise(event.title)
    same = [
        e
        for e in overlapping
        if any(normalise(getattr(e, column.key) or "") == wanted for column in _TITLES)
    ]
    same.sort(key=lambda e: abs((e.start_date - event.start_date).days))
    return same[0] if same else None


def _plan_event(
    session: Session, register: UnderstoodRegister, event: RegisterEvent
) -> PlannedEvent:
    found = _find_event(session, event)
    created = found is None
    if found is None:
        found = create_event(
            session,
            title=event.title,
            type=event.type,
            start_date=event.start_date,
            end_date=event.end_date,
            city=event.city,
            country=event.country,
            format=event.format,
        )
    rows = dataclasses.replace(register.understood, rows=event.rows)
    plan = make_plan(session, rows, found)
    return PlannedEvent(event, found.id, found.reference, created, plan)


def import_register(
    database: Database,
    register: UnderstoodRegister,
    *,
    strict: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> RegisterOutcome:
    """Match or create every event of the register and import its rows into it, all in one
    transaction (rolled back for a dry run, or when ``strict`` finds a problem)."""
    planned: list[PlannedEvent] = []
    total = max(len(register.events), 1)
    try:
        with cycle_collection_paused(), database.session_scope() as session:
            for number, event in enumerate(register.events):
                progress(number, total, f"Importing {event.describe()}…")
                one = _plan_event(session, register, event)
                planned.append(one)
                if strict:
                    _refuse_if_problems(register, planned)
                # (a dry run writes too: the next events' plans see this one as the import
                # would leave it; its transaction is rolled back at the end)
                commit_plan(session, one.plan)
            if strict:
                _refuse_if_problems(register, planned)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    progress(total, total, "Saved.")
    return RegisterOutcome(register, planned, dry_run)


def _refuse_if_problems(register: UnderstoodRegister, planned: list[PlannedEvent]) -> None:
    if register.unplaced:
        first = "; ".join(f"row {r.row}: {r.reason}" for r in register.unplaced[:3])
        more = len(register.unplaced) - 3
        raise RegisterRefused(
            f"{len(register.unplaced)} rows name no event that can be read ({first}"
            f"{f' and {more} more' if more > 0 else ''}); nothing was imported because of"
            " --strict."
        )
    for one in planned:
        try:
            refuse_if_problems(one.plan)
        except ImportRefused as refused:
            raise RegisterRefused(f"{one.event.describe()}: {refused}") from None


class RegisterRefused(ConveneError):
    """A strict register import found problems; nothing was written."""
