"""Which row holds the headers and which column holds which field.

The header row is the row among the first thirty whose cells name the most known fields (and at
least one name field), so title and date rows above it are passed over; a row with an e-mail
address in it is data, never the header. With ``--map`` and no header row found, the row holding
the mapped header text is the header, or, for a column named by its letter, the first row when
its cell there reads as a header, else there is none (``header_row`` 0: the list starts in row 1).

Each header is looked up in the synonyms resource (``vocabulary.header_match``); a header that is
a date makes a day-attendance column; a "Title" column full of Mr/Ms is read as sex. The header
decides before the values do, and the values then correct it: a name column of yes/no marks
("Show name on badge": Yes or blank) is no name, a "Role" column of job titles is the position,
and two columns never give one name field unless one holds Cyrillic names and the other Latin
ones (the plainer header is kept). A header layout seen in an earlier import brings back the
mapping used then (``remembered``), and the user's own choices (``overrides``) come last.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from app.errors import ConveneError
from app.importing import values as v
from app.importing.headers import HEADER_SEARCH_ROWS, row_score
from app.importing.reading import Sheet, column_letter
from app.importing.vocabulary import (
    FIELDS,
    LONGEST_HEADER,
    NAME_FIELDS,
    full_name_when_alone,
    header_key,
    header_match,
    heading_phrases,
    is_yes_no,
    normalise,
    value_table,
)

# What the plan says about a column whose values changed what its header named.
NOTE_POSITIONS_IN_ROLE = (
    "{column} holds job titles, not participation roles: read as the position"
    " ({share} of its values are roles)"
)
NOTE_YES_NO = "{column} holds yes/no marks, not names: not imported"
NOTE_SECOND_NAME_COLUMN = (
    "{column} would give the {field} a second time (as {other} does): not imported"
)
ROLE_SHARE = 0.5  # a Role column is read as roles when at least this share of values are roles


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
    strength: int = 0  # how plainly the header named the field (vocabulary.WHOLE, PART, PHRASE)
    note: str = ""  # what the plan says about how the column is read, if anything

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


def find_header_row(sheet: Sheet, remembered: Mapping[str, Any]) -> int | None:
    """The 1-based sheet row holding the headers, or None when no row names a name column."""
    best, best_score = None, 0
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if layout_signature(header_texts(row)) in remembered:
            return i + 1
        score, has_name = row_score(row)
        if has_name and score > best_score:
            best, best_score = i + 1, score
    return best


def row_of_header_texts(
    sheet: Sheet, chosen: Mapping[str, str | None], found: int | None = None
) -> int | None:
    """The row among the first thirty holding the most of the header texts ``--map`` names
    (``found``, the row detected, when it holds any of them); None when no row holds one."""
    wanted = {header_key(name) for name in chosen} - {""}
    best, best_count = None, 0
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        count = sum(
            1
            for cell in row
            if cell is not None and len(str(cell)) <= LONGEST_HEADER and header_key(cell) in wanted
        )
        if count and i + 1 == found:
            return found
        if count > best_count:
            best, best_count = i + 1, count
    return best


def header_row_of_letters(sheet: Sheet, chosen: Mapping[str, str | None]) -> int | None:
    """The header row that ``--map`` options naming columns by letter imply when no header row
    was found: the first row with a value in those columns when that value reads as a header
    (a known header word, a title, one word above names of several words), else 0 — no header
    row, the list starts in row 1. None when no option names a letter."""
    indexes = sorted({i for i in map(_letter_index, chosen) if i is not None})
    if not indexes:
        return None
    for number, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        filled = [i for i in indexes if i < len(row) and row[i] is not None]
        if filled:
            first = filled[0]
            below = [r[first] for r in sheet.rows[number + 1 : number + 51] if first < len(r)]
            return number + 1 if _reads_as_header(row[first], below) else 0
    return 0


def _letter_index(name: str) -> int | None:
    letters = name.strip().upper()
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
        return None
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _reads_as_header(cell: Any, below: list[Any]) -> bool:
    """Does the first cell of a column read as its header rather than its first value?"""
    text = v.cell_text(cell)
    if not isinstance(cell, str) or not text:
        return False
    if text.endswith(":") or header_match(text)[0] is not None:
        return True
    key = header_key(text)
    if any(key.startswith(phrase) for phrase in heading_phrases()):
        return True
    if any(header_match(word)[0] is not None for word in key.split(" ") if len(word) > 3):
        return True  # "Слушатели курса": a header word in it
    values = [t for t in (v.cell_text(x) for x in below) if t]
    if not values:
        return False
    several = sum(len(t.split()) >= 2 for t in values)
    if len(text.split()) == 1 and several * 2 > len(values):
        return True  # "Слушатели" above "Атаев Сергей"
    capitalised = sum(map(_capitalised, values))
    return not _capitalised(text) and capitalised * 2 > len(values)  # "Кто прибыл"


def _capitalised(text: str) -> bool:
    """Does every word of the text open with a capital, as names do ("Атаев Сергей")?"""
    return all(word[:1].isupper() for word in text.split() if word[:1].isalpha())


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
    """Columns of the sheet with the field each header names (or the values show). Header row
    0: the sheet has none; every column is named by its letter and read from row 1."""
    rows = sheet.rows
    headers = rows[header_row - 1] if 0 < header_row <= len(rows) else []
    body = rows[header_row:]
    columns = []
    for index in range(sheet.width):
        cell = headers[index] if index < len(headers) else None
        header = v.cell_text(cell) or ""
        column = Column(index, header)
        day = _day_of(cell)
        if day is not None:
            column.field, column.day = "day", day
            column.header = header if isinstance(cell, str) else f"{day:%d.%m.%Y}"
        elif header:
            column.field, column.strength = header_match(header)
        if column.field in (None, "position"):
            sample = [row[index] for row in body if index < len(row)]
            sniffed = _sniffed_field(sample)
            if sniffed and (column.field is None or sniffed == "sex"):
                column.field = sniffed  # "Title" holding Mr / Ms is the sex
        if column.field == "ignore":
            column.field = None
        columns.append(column)
    _correct_by_values(columns, body)
    return columns


def _correct_by_values(columns: list[Column], body: list[list[Any]]) -> None:
    """What the values say against the headers: yes/no marks are no names, job titles in a
    Role column are positions, one name field comes from one column (per script)."""
    samples = {
        c.index: [t for t in (v.cell_text(r[c.index]) for r in body[:500] if c.index < len(r)) if t]
        for c in columns
        if c.field in (*NAME_FIELDS, "role")
    }
    for column in columns:
        texts = samples.get(column.index)
        if not texts:
            continue
        if column.field in NAME_FIELDS:
            if sum(map(is_yes_no, texts)) * 2 > len(texts):
                column.field, column.note = None, NOTE_YES_NO.format(column=column.describe())
        elif column.field == "role":
            roles = sum(_is_role(t) for t in texts)
            if roles < ROLE_SHARE * len(texts):
                column.field = "position"
                column.note = NOTE_POSITIONS_IN_ROLE.format(
                    column=column.describe(), share=f"{roles} of {len(texts)}"
                )
    name_columns = [c for c in columns if c.field in NAME_FIELDS]
    if len(name_columns) == 1 and full_name_when_alone(name_columns[0].header):
        name_columns[0].field = "full_name"  # "Nombre" or "Nom" alone: the whole name
    has_family = any(c.field == "family_name" for c in columns)
    for column in columns:
        # "Name" beside "Surname" is the given name, as "Имя" beside "Фамилия".
        if has_family and column.field == "full_name" and normalise(column.header) == "name":
            column.field = "given_name"
    kept: list[tuple[Column, str]] = []
    plainest_first = sorted(
        (c for c in columns if c.field in NAME_FIELDS), key=lambda c: (-c.strength, c.index)
    )
    for column in plainest_first:
        if not samples.get(column.index):
            continue  # an empty column gives nothing, and takes the field from no other
        script = _script(samples[column.index])
        other = next(
            (k for k, k_script in kept if k.field == column.field and not (
                script and k_script and script != k_script
            )),
            None,
        )  # fmt: skip
        if other is None:
            kept.append((column, script))
            continue
        label = FIELDS[column.field or ""].split(" (")[0].lower()
        column.field = None
        column.note = NOTE_SECOND_NAME_COLUMN.format(
            column=column.describe(), field=label, other=other.describe()
        )


def _is_role(text: str) -> bool:
    try:
        return v.choice_value("role", text) is not None
    except ValueError:
        return False


def _script(texts: list[str]) -> str:
    """ "local" when most of a column's texts are Cyrillic, "latin" when most are not, "" when
    it has none."""
    if not texts:
        return ""
    cyrillic = sum(map(v.has_cyrillic, texts))
    return "local" if cyrillic * 2 > len(texts) else "latin"


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
