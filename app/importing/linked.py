"""Linked tables: a workbook or an Access database that keeps its events, its people and who
attended what in three tables joined by keys.

The three tables are named by the user; their keys are found from the values (``suggest_keys``:
a column of the links table whose values are the keys of the events table, another whose values
are the people's), helped by the headers when two columns would fit. Each row of the links table
becomes one row of a register — the event's columns, the person's columns and the link's own
(a role, say) side by side — and that register is imported as any other (``register``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from app.i18n import tr
from app.importing import mapping as m
from app.importing import values as v
from app.importing.reading import Sheet, Workbook
from app.importing.register_reading import UnderstoodRegister, understand_register
from app.importing.vocabulary import event_column_headers, field_for_header, header_key

# a list field an events table's header may name, and the event field it is there
_EVENT_TABLE_FIELDS = {
    "full_name": "event_title",
    "position": "event_title",
    "nationality": "event_country",
    "mode": "event_format",
}


@dataclasses.dataclass
class LinkKeys:
    """The key columns (0-based) joining the three tables."""

    event_key: int  # in the events table
    link_event: int  # in the links table
    person_key: int  # in the people table
    link_person: int  # in the links table


@dataclasses.dataclass
class _Table:
    sheet: Sheet
    header_row: int  # 1-based

    @property
    def headers(self) -> list[str]:
        return [v.cell_text(c) or "" for c in self.sheet.rows[self.header_row - 1]]

    @property
    def body(self) -> list[list[Any]]:
        return [r for r in self.sheet.rows[self.header_row :] if any(c is not None for c in r)]

    def column(self, index: int) -> list[Any]:
        return [_key(r[index]) if index < len(r) else None for r in self.body]


def _key(value: Any) -> Any:
    """A key as compared: text stripped and folded; 12.0 as 12; "12" as 12."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        return int(text) if text.isdigit() else text.casefold() or None
    return value


def _table(workbook: Workbook, name: str, *, people: bool = False) -> _Table:
    sheet = workbook.sheet(name)
    row = m.find_header_row(sheet, {}) if people else None
    if row is None:  # the first row with two or more texts
        row = next(
            (
                i + 1
                for i, r in enumerate(sheet.rows[:30])
                if sum(isinstance(c, str) for c in r) > 1
            ),
            None,
        )
    if row is None:
        raise m.MappingError(
            tr("Table '{table}' has no row of column names.").format(table=sheet.name)
        )
    return _Table(sheet, row)


def _fits(keys: list[Any], links: list[Any]) -> float:
    """The share of the links' values found among ``keys``, when ``keys`` are unique."""
    present = [k for k in keys if k is not None]
    wanted = [x for x in links if x is not None]
    if not present or not wanted or len(set(present)) != len(present):
        return 0.0
    known = set(present)
    return sum(1 for x in wanted if x in known) / len(wanted)


def _best_pair(table: _Table, links: _Table, taken: set[int], hint: str) -> tuple[int, int, float]:
    """The (table column, links column) pair whose values join best; the header names break
    ties ("EventID" in both, or a links header naming the table: "event", "мероприятие")."""
    best = (0, 0, -1.0)
    link_headers = [header_key(h) for h in links.headers]
    for i, header in enumerate(table.headers):
        keys = table.column(i)
        for j, link_header in enumerate(link_headers):
            if j in taken:
                continue
            share = _fits(keys, links.column(j))
            if share < 0.9:
                continue
            named = link_header == header_key(header) or any(
                word in link_header for word in (hint, header_key(table.sheet.name))
            )
            score = share + (0.5 if named else 0.0)
            if score > best[2]:
                best = (i, j, score)
    return best


def suggest_keys(events: _Table, people: _Table, links: _Table) -> LinkKeys | None:
    """The keys joining the tables, or None when no columns join them."""
    candidates = []
    for first in ("event", "person"):
        taken: set[int] = set()
        found = {}
        for kind in (first, "person" if first == "event" else "event"):
            table = events if kind == "event" else people
            hint = "event" if kind == "event" else "person"
            i, j, score = _best_pair(table, links, taken, hint)
            if score < 0:
                break
            taken.add(j)
            found[kind] = (i, j, score)
        if len(found) == 2:
            candidates.append(found)
    if not candidates:
        return None
    best = max(candidates, key=lambda f: f["event"][2] + f["person"][2])
    return LinkKeys(best["event"][0], best["event"][1], best["person"][0], best["person"][1])


def linked_register(
    workbook: Workbook,
    events_table: str,
    people_table: str,
    links_table: str,
    *,
    overrides: Mapping[str, str | None] | None = None,
    remembered: Mapping[str, Mapping[str, str | None]] | None = None,
) -> UnderstoodRegister:
    """The three tables joined into a register and understood as one."""
    events = _table(workbook, events_table)
    people = _table(workbook, people_table, people=True)
    links = _table(workbook, links_table)
    keys = suggest_keys(events, people, links)
    if keys is None:
        raise m.MappingError(
            tr(
                "No column of table '{links}' holds the keys of both '{events}' and"
                " '{people}', so they cannot be joined."
            ).format(links=links.sheet.name, events=events.sheet.name, people=people.sheet.name)
        )
    joined = _join(events, people, links, keys)
    name = links.sheet.name
    book = Workbook(workbook.path, workbook.kind, [name], {name: joined}, workbook.sha256)
    width_events, width_people = len(events.headers), len(people.headers)
    event_fields = _event_fields(events.headers)
    keys_aside: dict[str, str | None] = {
        m.column_letter(i): None
        for i in range(width_events)
        if m.column_letter(i) not in event_fields
    }
    keys_aside[m.column_letter(width_events + keys.person_key)] = None
    for j in (keys.link_event, keys.link_person):
        keys_aside[m.column_letter(width_events + width_people + j)] = None
    return understand_register(
        book,
        name,
        header_row=links.header_row,
        overrides={**keys_aside, **(overrides or {})},
        event_overrides=event_fields,
        remembered=remembered,
        detect_events=False,
    )


def _event_fields(headers: list[str]) -> dict[str, str]:
    """An events table's columns (letter → event field), by their headers: a register's event
    headers, or a list's that mean the event there ("Title", "Name", "Country", "Format")."""
    fields: dict[str, str] = {}
    for index, header in enumerate(headers):
        field = event_column_headers().get(header_key(header))
        field = field or _EVENT_TABLE_FIELDS.get(field_for_header(header) or "")
        if field and field not in fields.values():
            fields[m.column_letter(index)] = field
    return fields


@dataclasses.dataclass(frozen=True)
class LinkedTables:
    """Three tables of a workbook that read as events, people and attendance, with the key
    columns that join them (what the wizard suggests)."""

    events: str
    people: str
    links: str
    event_key: str  # the events table's key column, by its header
    person_key: str

    def describe(self) -> str:
        return (
            f"'{self.events}' (events), '{self.people}' (people) and '{self.links}' (who"
            f" attended what), joined by {self.event_key} and {self.person_key}"
        )


SUGGESTED_ROWS = 2_000  # rows of each table compared when suggesting how tables join


def find_linked_tables(workbook: Workbook) -> LinkedTables | None:
    """Three of the workbook's tables that join as events, people and attendance: an events
    table (a title and dates), a people table (a name column), and a third whose columns hold
    the keys of both; None when there are none. Up to ``SUGGESTED_ROWS`` of each are compared."""
    if len(workbook.sheet_names) < 3:
        return None
    tables: dict[str, _Table] = {}
    for name in workbook.sheet_names:
        try:
            table = _table(workbook, name)
        except m.MappingError:
            continue
        tables[name] = _Table(
            Sheet(name, table.sheet.rows[: table.header_row + SUGGESTED_ROWS]), table.header_row
        )
    dated = {"event_start", "event_dates"}
    events = [
        n for n, t in tables.items()
        if "event_title" in (f := set(_event_fields(t.headers).values())) and f & dated
    ]  # fmt: skip
    people = [n for n, t in tables.items() if m.find_header_row(t.sheet, {}) is not None]
    for event_name in events:
        for person_name in (p for p in people if p != event_name):
            for link_name in (n for n in tables if n not in (event_name, person_name)):
                e, p, links = tables[event_name], tables[person_name], tables[link_name]
                keys = suggest_keys(e, p, links)
                if keys is not None:
                    return LinkedTables(
                        event_name, person_name, link_name,
                        e.headers[keys.event_key], p.headers[keys.person_key],
                    )  # fmt: skip
    return None


def _join(events: _Table, people: _Table, links: _Table, keys: LinkKeys) -> Sheet:
    """One row per link: the event's cells, the person's, then the link's (its row number kept
    as the joined row's, so problems name the links table's rows)."""

    def index(table: _Table, column: int) -> dict[Any, list[Any]]:
        return {k: row for k, row in zip(table.column(column), table.body, strict=True)}

    by_event, by_person = index(events, keys.event_key), index(people, keys.person_key)
    widths = (len(events.headers), len(people.headers), len(links.headers))
    header = [*events.headers, *people.headers, *links.headers]
    rows: list[list[Any]] = [[] for _ in range(links.header_row - 1)] + [header]
    blank_event, blank_person = [None] * widths[0], [None] * widths[1]
    for row in links.sheet.rows[links.header_row :]:
        padded = [*row, *[None] * (widths[2] - len(row))][: widths[2]]
        event_row = by_event.get(_key(padded[keys.link_event]), blank_event)
        person_row = by_person.get(_key(padded[keys.link_person]), blank_person)
        rows.append([*_fit(event_row, widths[0]), *_fit(person_row, widths[1]), *padded])
    return Sheet(links.sheet.name, rows)


def _fit(row: list[Any], width: int) -> list[Any]:
    return [*row, *[None] * (width - len(row))][:width]
