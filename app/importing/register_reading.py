"""Reading a register: a sheet of many events, one row per person per event, its event columns
(title; dates, or start and end; city, country, type, format) found by their English or Russian
headers (the ``register`` section of ``resources/column_synonyms.json``) or named by the user.

Its people are understood as a list's (``understanding``), the event columns set aside; the
rows are grouped into events by title and dates, a row naming no event of its own belonging to
the event of the row above. Importing what is read here is ``register``'s work.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from app import reference
from app.country_reading import find_country
from app.i18n import N_, tr
from app.importing import mapping as m
from app.importing import values as v
from app.importing.event_dates import read_dates
from app.importing.reading import Sheet, Workbook
from app.importing.understanding import ListedRow, UnderstoodList, understand
from app.importing.vocabulary import (
    event_column_headers,
    header_key,
    normalise,
    register_words,
)
from db.enums import EventFormat, EventType

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


# Why a row names no event that can be read: English in the summary (``--json``), shown in the
# language of the messages by :func:`reason_shown`.
NO_EVENT_NAMED = N_("no event is named on this row or above it")
TITLE_EMPTY = N_("the event's title is empty")
ENDS_BEFORE_START = N_("the event ends before it starts")
DATES_UNREADABLE = N_("the event's dates cannot be read ({shown})")
_DATES_UNREADABLE = re.compile(r"the event's dates cannot be read \((?P<shown>.*)\)", re.DOTALL)


def reason_shown(reason: str) -> str:
    """A skipped row's reason (as the summary gives it) in the language of the messages."""
    found = _DATES_UNREADABLE.fullmatch(reason)
    if found is None:
        return tr(reason)
    shown = found["shown"]
    return tr(DATES_UNREADABLE).format(shown=tr("empty", "cell") if shown == "empty" else shown)


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
            raise m.MappingError(
                tr("The register has no column '{name}' for {field}.").format(
                    name=name, field=field
                )
            )
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


def events_named(
    sheet: Sheet, header_row: int, columns: Mapping[str, m.Column]
) -> list[RegisterEvent]:
    """The distinct events the rows below the header name (each row's own, or the one above
    it), for saying what a register holds before it is read as one."""
    found: dict[tuple[str, dt.date, dt.date], RegisterEvent] = {}
    seen: set[tuple[Any, ...]] = set()  # (an event's rows say it alike: each read once)
    for row in sheet.rows[header_row:]:
        cells = tuple(row[c.index] if c.index < len(row) else None for c in columns.values())
        if cells in seen:
            continue
        seen.add(cells)
        said = dict(zip(columns, cells, strict=True))
        event = _read_event(v.cell_text(said.get("event_title")), said)
        if not isinstance(event, str):
            found.setdefault(event.key, event)
    return list(found.values())


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
            tr(
                "Sheet '{sheet}' has no event columns, so it is not a register: it"
                " needs a column of event titles (such as 'Мероприятие' or 'Event') and one of"
                " dates (such as 'Даты' or 'Dates'), or --map \"Column=event_title\" and"
                ' "Column=event_dates".'
            ).format(sheet=chosen_sheet.name)
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
            tr(
                "Nobody is listed below the headers in row {row} of sheet '{sheet}'; there is"
                " nothing to import."
            ).format(row=understood.header_row, sheet=chosen_sheet.name)
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
    names no event of its own, or only the title of the row above's, belongs to the event of the
    row above (a register often writes an event, or its dates, once, on its first row)."""
    events: dict[tuple[str, dt.date, dt.date], RegisterEvent] = {}
    unplaced: list[ListedRow] = []
    current: RegisterEvent | None = None
    read_before: dict[tuple[Any, ...], RegisterEvent | str] = {}  # an event's rows say it alike
    fields = list(columns)
    for row in rows:
        if row.kind not in ("person", "unusable"):
            continue
        cells = tuple(_cell(row, columns[f]) for f in fields)
        said = dict(zip(fields, cells, strict=True))
        title = v.cell_text(said.get("event_title"))
        dated = any(said.get(f) is not None for f in ("event_dates", "event_start", "event_end"))
        same_as_above = current is not None and normalise(title or "") == normalise(current.title)
        if not dated and (not title or same_as_above):  # the event of the row above
            if current is None:
                row.kind, row.reason = "unusable", NO_EVENT_NAMED
                unplaced.append(row)
            else:
                current.rows.append(row)
            continue
        read = read_before.get(cells)
        if read is None:
            read = read_before[cells] = _read_event(title, said)
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
        return TITLE_EMPTY
    dates = read_dates(said.get("event_dates"))
    start, end = read_dates(said.get("event_start")), read_dates(said.get("event_end"))
    if start is not None:
        dates = (start[0], end[1] if end is not None else start[1])
    if dates is None:
        given = said.get("event_dates") or said.get("event_start")
        shown = f"'{v.cell_text(given)}'" if given is not None else "empty"
        return DATES_UNREADABLE.format(shown=shown)
    if dates[1] < dates[0]:
        return ENDS_BEFORE_START
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


@functools.cache
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
