"""Which row holds the headers and which column holds which field.

The header row is the row among the first thirty whose cells name the most known fields (and at
least one name field), so title and date rows above it are passed over. Each header is looked up
in the synonyms resource; a header that is a date makes a day-attendance column; a "Title" column
full of Mr/Ms is read as sex. A header layout seen in an earlier import brings back the mapping
used then (``remembered``), and the user's own choices (``overrides``) come last.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from app.errors import ConveneError
from app.importing import values as v
from app.importing.reading import Sheet, column_letter
from app.importing.vocabulary import FIELDS, NAME_FIELDS, field_for_header, normalise, value_table

HEADER_SEARCH_ROWS = 30


class MappingError(ConveneError):
    """The user's header row or column choices cannot be used; the message says why."""


@dataclasses.dataclass
class Column:
    """One column of the list: where it is, what its header says, and what it is read into."""

    index: int
    header: str
    field: str | None = None  # None: not imported
    day: dt.date | None = None  # for "day" columns: the date in the header
    source: str = "detected"  # detected, remembered or chosen

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def key(self) -> str:
        """How the column is named in ``--json`` mapping and ``--map``: its header, else letter."""
        return self.header or self.letter

    def describe(self) -> str:
        return f"column {self.letter} ({self.header})" if self.header else f"column {self.letter}"


def header_texts(row: list[Any]) -> list[str]:
    return [v.cell_text(cell) or "" for cell in row]


def layout_signature(headers: list[str]) -> str:
    """The same for two lists whose header rows say the same things in the same columns."""
    parts = [f"{i}:{normalise(h)}" for i, h in enumerate(headers) if normalise(h)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def _row_score(row: list[Any]) -> tuple[int, bool]:
    fields = set()
    for cell in row:
        if isinstance(cell, str):
            field = field_for_header(cell)
            if field and field not in ("ignore",):
                fields.add(field)
        elif v.as_date(cell) is not None and not isinstance(cell, int | float):
            fields.add("day")
    return len(fields), bool(fields & set(NAME_FIELDS))


def find_header_row(sheet: Sheet, remembered: Mapping[str, Any]) -> int | None:
    """The 1-based sheet row holding the headers, or None when no row names a name column."""
    best, best_score = None, 0
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if layout_signature(header_texts(row)) in remembered:
            return i + 1
        score, has_name = _row_score(row)
        if has_name and score > best_score:
            best, best_score = i + 1, score
    return best


def header_strength(sheet: Sheet) -> int:
    """How plainly ``sheet`` holds a list: how many known fields its best heading row names
    (0 when no row among the first ``HEADER_SEARCH_ROWS`` names a name column)."""
    scores = (_row_score(row) for row in sheet.rows[:HEADER_SEARCH_ROWS])
    return max((score for score, has_name in scores if has_name), default=0)


def _day_of(header_cell: Any) -> dt.date | None:
    if isinstance(header_cell, int | float) and not isinstance(header_cell, bool):
        return v.as_date(header_cell) if header_cell >= 30_000 else None
    return v.as_date(header_cell)


def _sniffed_field(values: list[Any]) -> str | None:
    """For a column whose header says nothing known: what its values show it holds."""
    texts = [t for t in (v.cell_text(x) for x in values[:200]) if t]
    if len(texts) < 2:
        return None
    share = len(texts) * 0.6
    if sum("@" in t and "." in t for t in texts) >= share:
        return "email"
    if sum(normalise(t) in value_table("honorifics") for t in texts) >= share:
        return "sex"
    return None


def detect_columns(sheet: Sheet, header_row: int) -> list[Column]:
    """Columns of the sheet with the field each header names (or the values show)."""
    headers = sheet.rows[header_row - 1] if header_row - 1 < len(sheet.rows) else []
    body = sheet.rows[header_row:]
    columns = []
    for index in range(sheet.width):
        cell = headers[index] if index < len(headers) else None
        header = v.cell_text(cell) or ""
        column = Column(index, header)
        day = _day_of(cell)
        if day is not None:
            column.field, column.day = "day", day
            column.header = header if isinstance(cell, str) else f"{day:%d.%m.%Y}"
        else:
            column.field = field_for_header(header) if header else None
        if column.field in (None, "position"):
            sample = [row[index] for row in body if index < len(row)]
            sniffed = _sniffed_field(sample)
            if sniffed and (column.field is None or sniffed == "sex"):
                column.field = sniffed  # "Title" holding Mr / Ms is the sex
        if column.field == "ignore":
            column.field = None
        columns.append(column)
    has_family = any(c.field == "family_name" for c in columns)
    for column in columns:
        # "Name" beside "Surname" is the given name, as "Имя" beside "Фамилия".
        if has_family and column.field == "full_name" and normalise(column.header) == "name":
            column.field = "given_name"
    return columns


def apply_remembered(columns: list[Column], fields_by_letter: Mapping[str, str | None]) -> None:
    for column in columns:
        if column.letter in fields_by_letter:
            field = fields_by_letter[column.letter]
            if field != column.field:
                column.field, column.source = field, "remembered"
            if field == "day" and column.day is None:
                column.field = None


def parse_overrides(texts: list[str]) -> dict[str, str | None]:
    """``--map "Column=field"`` options as {column: field}; field "ignore" leaves a column out."""
    chosen: dict[str, str | None] = {}
    for text in texts:
        column, sep, field = text.rpartition("=")
        column, field = column.strip(), field.strip()
        if not sep or not column or not field:
            raise MappingError(f"'{text}' is not of the form \"Column=field\".")
        if field not in FIELDS or field == "day":
            known = ", ".join(f for f in FIELDS if f != "day")
            raise MappingError(
                f"'{field}' is not a field one can import into (use one of: {known})."
            )
        chosen[column] = None if field == "ignore" else field
    return chosen


def apply_overrides(columns: list[Column], chosen: Mapping[str, str | None]) -> None:
    """Set the fields the user chose; a column is named by its header text or its letter."""
    for name, field in chosen.items():
        wanted = normalise(name)
        matches = [c for c in columns if c.header and normalise(c.header) == wanted]
        if not matches:
            matches = [c for c in columns if c.letter == name.strip().upper()]
        if not matches:
            known = ", ".join(f"'{c.key}'" for c in columns if c.header)
            raise MappingError(f"The list has no column '{name}' (its columns are {known}).")
        for column in matches:
            column.field, column.source = field, "chosen"


def check_columns(columns: list[Column]) -> None:
    """Refuse a mapping that names no person. (Two columns read into one field are allowed:
    the first that has a value in a row wins, and names go by script into Latin or local.)"""
    if not any(c.field in ("full_name", "family_name") for c in columns):
        raise MappingError(
            "No column holds the people's names (a column such as 'ФИО', 'Full name',"
            " 'Фамилия' or 'Surname'); choose the header row or map a column to a name field."
        )
