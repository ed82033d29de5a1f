"""Reading each row of an attendee list into a person and a participation, with every problem
named by row and column.

Blank rows, rows holding only numbers (numbering, a ``=COUNTA()`` total), totals rows
("Итого: 9 участников", "Total") and the lines below a list that are no person ("Подпись", "М.П.",
"Из них женщин: 1") are ignored, and so is a row whose name cell is wholly in parentheses (a
second header row: "(на русском)", "(латиницей)"); heading rows ("Делегация Республики Казахстан",
a text merged across the row) are ignored too, and a heading that names a country gives that
nationality to the rows below it that have none. Values go through the same field rules as the
forms (``app.services.people.PERSON`` and ``participations.PARTICIPATION``), so an import accepts
and refuses exactly what a form would. A bad value is left out and reported; a row without a
usable name is skipped with the reason. A placeholder cell ("-", "н/д", "n/a") is read as empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from app import reference
from app.i18n import N_
from app.importing import mapping as m
from app.importing import values as v
from app.importing.reading import Sheet, Workbook
from app.importing.vocabulary import (
    FIELDS,
    NAME_FIELDS,
    absent_marks,
    heading_phrases,
    is_not_a_person_text,
    is_totals_text,
    normalise,
    present_marks,
)
from app.services.participations import PARTICIPATION
from app.services.people import PERSON
from db.enums import ParticipationStatus, Sex

# What one name cell gives: (field, value, problem, why it is no name) for each part, the sex
# an honorific tells, the rank written with the name, what else the cell holds (an address, an
# organisation in parentheses), and the organisation it names when it names no person.
_NameCell = tuple[
    tuple[tuple[str, Any, str | None, str | None], ...],
    Sex | None,
    str | None,
    v.NameCell | None,
    str | None,
]
NOT_A_PERSON = "not a person"  # the start of the reason given for such a row
_EMPTY, _EACH_TIME = object(), object()  # what a value cell gives (see _RowReader._cell_read)
# Distinct values of a column remembered with what they give: a column of texts that never
# repeat (notes) would otherwise keep one entry per row.
REMEMBERED_VALUES = 10_000
PERSON_RULES = {rule.name: rule for rule in PERSON.rules}
PARTICIPATION_RULES = {rule.name: rule for rule in PARTICIPATION.rules}
_PERSON_FIELDS = ("nationality", "position", "rank", "email", "phone")
_PARTICIPATION_FIELDS = ("role", "status", "mode", "days_attended", "notes")
_DEFAULTED = ("role", "status", "mode")  # an unreadable cell gives the event's default
_NAME_PARTS = tuple(f"{part}{script}" for part in NAME_FIELDS[1:] for script in ("", "_local"))


@dataclasses.dataclass(frozen=True, slots=True)  # (a list may have one on every row)
class Problem:
    """What is wrong with one cell, in words a coordinator can act on."""

    column: str  # letter
    header: str
    message: str
    value: str | None = None  # the cell as written (as text)

    def describe(self) -> str:
        where = f"column {self.column} ({self.header})" if self.header else f"column {self.column}"
        if self.value and self.message.startswith("not read: the"):  # it names no value
            return f"{where}: '{self.value}' {self.message}"
        return f"{where}: {self.message}"

    def as_json(self, row: int) -> dict[str, Any]:
        """The problem in ``import --json``: the row as the sheet numbers it, the column as its
        header is written (its letter when it has none), the cell's value and what is wrong."""
        return {
            "row": row,
            "column": self.header or self.column,
            "value": self.value,
            "message": self.message,
        }


@dataclasses.dataclass(slots=True)  # (a list may hold hundreds of thousands)
class ListedRow:
    """One row below the header. ``kind`` is person, blank, total, note (a signature, stamp or
    note line), heading or unusable."""

    row: int
    kind: str
    cells: list[Any]
    reason: str = ""
    person: dict[str, Any] = dataclasses.field(default_factory=dict)
    participation: dict[str, Any] = dataclasses.field(default_factory=dict)
    organization: str | None = None
    status_from_days: bool = False  # the status was worked out from day columns, not written
    not_a_person: bool = False  # the name cell names an organisation, or holds digits
    problems: list[Problem] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    @property
    def name(self) -> str:
        p = self.person
        latin = " ".join(
            x for x in (p.get("family_name"), p.get("given_name"), p.get("patronymic")) if x
        )
        local = " ".join(
            x
            for x in (
                p.get("family_name_local"),
                p.get("given_name_local"),
                p.get("patronymic_local"),
            )
            if x
        )
        if latin and local:
            return f"{local} / {latin}"
        return latin or local or ""


@dataclasses.dataclass
class UnderstoodList:
    """A sheet read through its header: the columns, and every row as a person or ignored."""

    workbook: Workbook
    sheet: Sheet
    header_row: int  # 0: the list has no header row, its first row is a person's
    columns: list[m.Column]
    rows: list[ListedRow]
    signature: str
    remembered: bool = False

    @property
    def notes(self) -> list[str]:
        """What the plan says about how columns are read where their values changed what their
        headers named (a "Role" column of job titles read as the position)."""
        return [c.note for c in self.columns if c.note]

    @property
    def mapping(self) -> dict[str, str]:
        """Column → field for the columns that are read (``--json`` "mapping")."""
        result: dict[str, str] = {}
        for column in self.columns:
            if column.field is not None:
                key = column.key if column.key not in result else f"{column.key} ({column.letter})"
                result[key] = column.field
        return result


def understand(
    workbook: Workbook,
    sheet_name: str | None = None,
    *,
    header_row: int | None = None,
    overrides: Mapping[str, str | None] | None = None,
    remembered: Mapping[str, Mapping[str, str | None]] | None = None,
) -> UnderstoodList:
    """Find the header (unless given), map the columns and read every row below it."""
    sheet = workbook.sheet(sheet_name)
    if not any(any(cell is not None for cell in row) for row in sheet.rows):
        raise m.MappingError(f"Sheet '{sheet.name}' of {workbook.path.name} is empty.")
    remembered = remembered or {}
    if header_row is None:
        header_row = m.find_header_row(sheet, remembered)
        if overrides:  # the row holding the mapped header text, or a mapped letter's
            named = m.row_of_header_texts(sheet, overrides, header_row)
            if named is not None:
                header_row = named
            elif header_row is None:
                header_row = m.header_row_of_letters(sheet, overrides)
        if header_row is None:
            raise m.MappingError(
                f"No header row with a name column (such as 'ФИО', 'Full name', 'Фамилия' or"
                f" 'Surname') was found in the first {m.HEADER_SEARCH_ROWS} rows of sheet"
                f" '{sheet.name}'."
            )
    elif not 0 <= header_row <= max(len(sheet.rows), 1):
        raise m.MappingError(
            f"Row {header_row} is outside sheet '{sheet.name}', which has {len(sheet.rows)} rows."
        )
    columns = m.detect_columns(sheet, header_row)
    # A list without headers has no layout to remember (every such list would share it).
    headers = sheet.rows[header_row - 1] if header_row else []
    signature = m.layout_signature(m.header_texts(headers)) if header_row else ""
    was_remembered = signature in remembered
    if was_remembered:
        m.apply_remembered(columns, remembered[signature])
    if overrides:
        m.apply_overrides(columns, overrides)
    m.check_columns(columns)
    reader = _RowReader(columns)
    reader.decide_orders(sheet.rows[header_row:])
    rows = [reader.read(i + 1, cells) for i, cells in enumerate(sheet.rows) if i >= header_row]
    _refuse_a_list_of_organisations(sheet, reader.name_cells, rows)
    return UnderstoodList(workbook, sheet, header_row, columns, rows, signature, was_remembered)


def _refuse_a_list_of_organisations(
    sheet: Sheet, name_columns: list[m.Column], rows: list[ListedRow]
) -> None:
    """A list whose "names" are mostly organisations or numbers (a sheet of hospitals, companies
    or ministries under a "Name" header) is no list of people: MappingError. When only some
    rows are, each of them is skipped with its reason (see ``_RowReader._names``)."""
    named = [r for r in rows if r.kind in ("person", "unusable")]
    not_people = [r for r in named if r.not_a_person]
    if len(not_people) < 2 or len(not_people) * 2 <= len(named):
        return
    column = name_columns[0] if name_columns else None
    where = f"column '{column.header or column.letter}'" if column else "the name column"
    cells = not_people[0].cells
    example = v.cell_text(cells[column.index]) if column and column.index < len(cells) else None
    such_as = f", such as '{example}'" if example else ""
    raise m.MappingError(
        f"The {where} of sheet '{sheet.name}' lists organisations or numbers, not people"
        f" ({len(not_people)} of {len(named)} rows{such_as}); there is nothing to import."
    )


class _RowReader:
    """Reads rows one after the other (a heading row's country carries to the rows below)."""

    def __init__(self, columns: list[m.Column]) -> None:
        self.columns = columns
        self.read_columns = [c for c in columns if c.field is not None]
        self.name_parts = [c for c in self.read_columns if c.field in NAME_FIELDS]
        self.value_columns = [
            c for c in self.read_columns if c.field not in (*NAME_FIELDS, "number", "day")
        ]
        self.name_cells = [c for c in self.name_parts if c.field in ("full_name", "family_name")]
        self.name_columns = {c.index for c in self.name_cells}
        self._footer_kinds: dict[str, str | None] = {}
        self.day_columns = [c for c in columns if c.field == "day"]
        self.heading_country: str | None = None
        self.given_first = {c.index: False for c in columns if c.field == "full_name"}
        # Keyed by the value's type as well: True == 1 and False == 0 in Python, but a cell
        # holding True reads "yes" and one holding 1 reads "1".
        self._cache: dict[tuple[str, type, Any], tuple[Any, str | None]] = {}
        self._name_reads: dict[tuple[int, type, Any], _NameCell] = {}
        self._value_reads: list[tuple[m.Column, dict[tuple[type, Any], Any] | None]] = [
            (c, None if c.field in ("email", "phone") else {}) for c in self.value_columns
        ]  # (see _cell_read)
        self._holds_a_name: dict[str, bool] = {}
        # Several notes columns ("Comments", "Dietary needs") are all kept, each with its header.
        self.several_notes = sum(c.field == "notes" for c in self.value_columns) > 1

    def decide_orders(self, rows: list[list[Any]]) -> None:
        """Latin full names read "Family Given" unless most names of the column say otherwise."""
        for index in self.given_first:
            votes = [
                v.looks_given_first(cell)
                for row in rows
                if index < len(row) and isinstance(cell := row[index], str)
            ]
            first, family_first = votes.count(True), votes.count(False)
            self.given_first[index] = first > family_first

    def read(self, number: int, cells: list[Any]) -> ListedRow:
        filled = [(i, c) for i, c in enumerate(cells) if c is not None]
        if not filled:
            return ListedRow(number, "blank", cells, N_("blank row"))
        texts = [c for _i, c in filled if isinstance(c, str)]
        footer = self._footer(number, cells, texts)
        if footer is not None:
            return footer
        if not any(map(v.has_letters, texts)):
            return ListedRow(number, "total", cells, N_("numbers only (numbering or a total)"))
        heading = self._heading(filled)
        if heading is not None:
            country = reference.find_country(_without_heading_words(heading))
            self.heading_country = country or self.heading_country
            return ListedRow(number, "heading", cells, f"heading row ('{heading}')")
        return self._person(number, cells)

    def _footer(self, number: int, cells: list[Any], texts: list[str]) -> ListedRow | None:
        """A totals row or a line below the list (a signature, the stamp's place, a count, a
        note), told by the row's name cell; in a row with no name, by any of its cells. A name
        cell that opens with such a word is still a person's name when it could be one and a
        given name stands beside it ("Stamp | Terence", "Count | Maria", "Sum Olga" with the
        person's other cells filled): a footer line holds one text, often with a colon or digits.
        """
        name = self._name_cell(cells)
        if name is None:
            if any(map(is_totals_text, texts)):
                return ListedRow(number, "total", cells, N_("totals row"))
            if texts and is_not_a_person_text(texts[0]):
                return self._note(number, cells, texts[0])
            return None
        column, text = name
        if text.startswith("(") and text.endswith(")"):  # "(на русском)": a second header row
            return ListedRow(number, "note", cells, f"a note in parentheses ('{text}'), no name")
        kind = self._footer_kinds.get(text, "")
        if kind == "":
            kind = self._footer_kinds[text] = _footer_kind(text)
        if kind is None or self._reads_as_person(column, text, cells, texts):
            return None
        if kind == "total":
            return ListedRow(number, "total", cells, N_("totals row"))
        return self._note(number, cells, text)

    def _note(self, number: int, cells: list[Any], text: str) -> ListedRow:
        return ListedRow(number, "note", cells, f"signature, stamp or note ('{text}')")

    def _name_cell(self, cells: list[Any]) -> tuple[m.Column, str] | None:
        """The first full-name or family-name cell of the row that holds a name's letters."""
        width = len(cells)
        for column in self.name_cells:
            text = cells[column.index] if column.index < width else None
            if type(text) is not str:
                continue
            holds = self._holds_a_name.get(text)
            if holds is None:
                holds = v.has_letters(text) and not v.is_placeholder(text, in_name=True)
                self._holds_a_name[text] = holds
            if holds:
                return column, text
        return None

    def _reads_as_person(
        self, column: m.Column, text: str, cells: list[Any], texts: list[str]
    ) -> bool:
        """Is a name cell that opens with a footer word a person's name all the same?"""
        if v.name_problem(text):  # digits, a colon, a line to sign on
            return False
        for other in self.name_parts:
            beside = self._cell(cells, other) if other is not column else None
            if type(beside) is str and beside != text and _could_be_a_name(beside):
                return True  # "Stamp | Terence": a given name in its own column
        words = text.split()
        return (
            column.field == "full_name"
            and len(words) >= 2
            and words[-1][:1].isupper()  # "Sum Olga", where a footer reads "Всего участников"
            and any(other != text for other in texts)  # and the row says more than its name
        )

    def _heading(self, filled: list[tuple[int, Any]]) -> str | None:
        first = filled[0][1]
        if any(cell != first for _i, cell in filled[1:]):
            return None  # a heading is one text (merged across the row, or alone)
        text = v.cell_text(first) or ""
        if len(filled) >= 3 or filled[0][0] not in self.name_columns:
            return text
        folded = normalise(text)
        if any(folded.startswith(p) for p in heading_phrases()):
            return text
        # A country's name alone ("Узбекистан"); not two Latin letters, which are also surnames
        # (Li, Ng, Ma) as well as country codes.
        is_code = len(folded) == 2 and folded.isascii()
        return text if not is_code and reference.find_country(text) else None

    def _cell(self, cells: list[Any], column: m.Column) -> Any:
        return cells[column.index] if column.index < len(cells) else None

    def _person(self, number: int, cells: list[Any]) -> ListedRow:
        row = ListedRow(number, "person", cells)
        rank_in_name, not_names, more = self._names(row, cells)
        if row.not_a_person:
            return row
        if not (row.person.get("family_name") or row.person.get("family_name_local")):
            row.kind = "unusable"
            given = row.person.get("given_name") or row.person.get("given_name_local")
            row.reason = f"no family name (only '{given}')" if given else N_("no name")
            return row
        for field in _NAME_PARTS if not_names else ():
            if field in not_names:
                row.kind, row.reason = "unusable", not_names[field]
                row.not_a_person = any(c.isdigit() for c in not_names[field])
                return row
        given: dict[str, m.Column] = {}
        notes: list[tuple[m.Column, str]] = []
        width = len(cells)
        for column, reads in self._value_reads:  # the first column with a readable value
            field: str = column.field  # type: ignore[assignment]  # gives each field
            value = cells[column.index] if column.index < width else None
            if value is None:
                continue
            if field in given and not (field == "notes" and self.several_notes):
                # a second column of the field: said when it says otherwise (its values are
                # not remembered: a list of 100,000 rows may have a different one on each)
                if not self._is_empty(field, value):
                    self._second_value(row, column, field, value, given[field])
                continue
            if reads is None:  # (contacts: each its own, not worth remembering)
                read = self._cell_read(column, field, value)
            else:
                try:  # (most cells repeat: each value of a column is read once)
                    key = (type(value), value)
                    read = reads.get(key)
                    if read is None:
                        read = self._cell_read(column, field, value)
                        if len(reads) < REMEMBERED_VALUES:
                            reads[key] = read
                except TypeError:  # not hashable
                    read = self._cell_read(column, field, value)
            if read is _EMPTY:
                continue
            if field == "notes" and self.several_notes:
                if read[0] is not None:  # (notes are any text: never a problem)
                    notes.append((column, read[0]))
                continue
            if read is _EACH_TIME:
                if self._value(row, column, field, value):
                    given[field] = column
            elif read[1] is not None:  # a problem
                row.problems.append(read[1])
            elif read[0] is not None:
                self._store(row, field, read[0])
                given[field] = column
        if notes:
            row.participation["notes"] = _joined_notes(notes)
        for column, value, cell in more:
            self._more_in_name(row, column, value, cell, given)
        self._days(row, cells)
        if rank_in_name:  # "полковник Атаев Сергей"
            rank = PERSON_RULES["rank"].coerce(rank_in_name)
            if "rank" not in row.person:
                row.person["rank"] = rank
            elif rank != row.person["rank"] and self.name_cells:  # a rank column says otherwise
                row.problems.append(_not_read(self.name_cells[0], rank, given["rank"], "rank"))
        if row.person.get("nationality") is None and self.heading_country:
            row.person["nationality"] = self.heading_country
        if row.person.get("sex") is None:
            latin = (row.person.get("family_name"), row.person.get("patronymic"))
            local = (row.person.get("family_name_local"), row.person.get("patronymic_local"))
            guess = v.infer_sex(*local) or v.infer_sex(*latin)
            if guess is not None:
                row.notes.append(f"sex taken from the name ({reference.label(guess).lower()})")
            row.person["sex"] = guess or Sex.UNSPECIFIED
        return row

    def _names(
        self, row: ListedRow, cells: list[Any]
    ) -> tuple[str | None, dict[str, str], list[tuple[m.Column, Any, v.NameCell]]]:
        """Read the name columns into ``row.person``: the rank written with the name, if any,
        why a part is no name ("'01.01.1980' does not look like a person's name") and what
        else the name cells hold. A name cell naming an organisation makes the row no person's."""
        honorific: Sex | None = None
        more: list[tuple[m.Column, Any, v.NameCell]] = []
        not_names: dict[str, str] = {}
        rank: str | None = None
        taken: dict[str, m.Column] = {}
        width = len(cells)
        for column in self.name_parts:
            value = cells[column.index] if column.index < width else None
            if value is None:
                continue
            key = (column.index, type(value), value)
            read = self._name_reads.get(key)
            if read is None:  # lists repeat given names (and the same person): read each once
                read = self._name_reads[key] = self._read_name_cell(column, value)
            parts, sex, rank_in_cell, in_cell, organisation = read
            if organisation is not None:
                row.kind, row.not_a_person = "unusable", True
                row.reason = f"{NOT_A_PERSON}: '{organisation}' names an organisation"
                return None, {}, []
            if in_cell is not None:
                more.append((column, value, in_cell))
            for field, clean, problem, not_a_name in parts:
                if field in taken:  # the first column with a part gives it
                    if clean != row.person.get(field):
                        row.problems.append(_not_read(column, value, taken[field], field))
                    continue
                taken[field] = column
                if problem is None:
                    row.person[field] = clean
                else:
                    row.problems.append(
                        Problem(column.letter, column.header, problem, v.cell_text(value))
                    )
                if not_a_name:
                    not_names[field] = not_a_name
            honorific = honorific or sex
            rank = rank or rank_in_cell
        if honorific is not None:
            row.person["sex"] = honorific
        return rank, not_names, more

    def _more_in_name(
        self,
        row: ListedRow,
        column: m.Column,
        value: Any,
        cell: v.NameCell,
        given: dict[str, m.Column],
    ) -> None:
        """The address or organisation written with a name, read when no column of the row
        gives one; anything else written with it reported."""
        text = v.cell_text(value)
        if cell.email is not None:
            if "email" in given:
                if row.person.get("email") != cell.email:
                    row.problems.append(_not_read(column, cell.email, given["email"], "email"))
            elif self._value(row, column, "email", cell.email):
                given["email"] = column
        if cell.organization is not None:
            if "organization" in given:
                if row.organization != cell.organization:
                    row.problems.append(
                        _not_read(column, cell.organization, given["organization"], "organization")
                    )
            elif self._value(row, column, "organization", cell.organization):
                given["organization"] = column
        if cell.unread is not None:
            message = f"not read: '{cell.unread}', written with the name"
            row.problems.append(Problem(column.letter, column.header, message, text))

    def _read_name_cell(self, column: m.Column, value: Any) -> _NameCell:
        """What one name cell gives: for each name part its field, its value through the forms'
        rules (or the problem), why it is no name if it is none; the sex an honorific tells and
        the rank written with the name."""
        text = v.cell_text(value)
        if not text or v.is_placeholder(text, in_name=True):
            return (), None, None, None, None
        in_cell: v.NameCell | None = None
        if column.field in ("full_name", "family_name"):
            in_cell = v.name_and_more(text)
            if v.is_organisation_name(in_cell.name):
                return (), None, None, None, text
            if in_cell.name != text:
                text = in_cell.name
            else:
                in_cell = None
        found: list[tuple[str, str | None]] = []
        sex: Sex | None = None
        rank: str | None = None
        if column.field == "full_name":
            # "Dana Miles <dana@…>": a name written before an address reads "Given Family"
            display = in_cell is not None and in_cell.email is not None and "," not in text
            given_first = display or self.given_first.get(column.index, False)
            split = v.split_full_name(text, given_first)
            sex, rank = split.sex, split.rank
            found = [
                ("family_name", split.family),
                ("given_name", split.given),
                ("patronymic", split.patronymic),
            ]
        elif column.field == "family_name":
            family = v.family_name_cell(text)  # "полковник Атаев"
            sex, rank = family.sex, family.rank
            found = [("family_name", family.family)]
        elif column.field == "given_name":
            given, _, rest = text.partition(" ")
            if rest and v.infer_sex(None, rest):  # "Сергей Иванович" in the given-name column
                found = [("given_name", v.tidy_name(given)), ("patronymic", v.tidy_name(rest))]
            else:
                found = [("given_name", v.tidy_name(text))]
        elif column.field == "patronymic":
            found = [("patronymic", v.tidy_name(text))]
        parts = []
        for field, part in found:
            if not part:
                continue
            target = f"{field}_local" if v.has_cyrillic(part) else field
            rule = PERSON_RULES[target]
            try:
                clean = rule.coerce(part)
                clean = value if type(clean) is str and clean == value else clean  # (kept once)
            except ValueError as exc:
                parts.append((target, None, f"{rule.title()} {exc}", None))
            else:
                parts.append((target, clean, None, v.name_problem(clean) if clean else None))
        return tuple(parts), sex, rank, in_cell, None

    def _coerce(self, field: str, value: Any) -> tuple[Any, str | None]:
        key = (field, type(value), value if not isinstance(value, list) else tuple(value))
        if key in self._cache:
            return self._cache[key]
        try:
            result: tuple[Any, str | None] = (_clean(field, value), None)
        except ValueError as exc:
            result = (None, str(exc))
        if field not in ("email", "phone") and len(self._cache) < 4 * REMEMBERED_VALUES:
            self._cache[key] = result  # (few distinct values: worth remembering; notes are not)
        return result

    def _other_contact(self, row: ListedRow, field: str, value: Any) -> Any:
        """An e-mail column's phone number goes to the phone, a phone column's address to the
        e-mail (a column "E-mail / Телефон" holds either, or both); what is left is this
        field's, None when nothing is."""
        text = v.cell_text(value)
        if not text:
            return value
        addresses, phone = _split_contacts(text)
        if field == "email":
            if phone is not None:
                self._take("phone", phone, row)
            return addresses or None
        found = v.email_addresses(text)
        if found:
            self._take("email", found[0], row)
        return phone if found else value

    def _take(self, field: str, value: str, row: ListedRow) -> None:
        """``value`` for ``field`` from another field's column, cleaned by its rule, unless the
        row has that field already (its own column comes first)."""
        clean, problem = self._read(field, value)
        if problem is None and clean is not None and field not in row.person:
            row.person[field] = clean

    def _read(self, field: str, value: Any) -> tuple[Any, str | None]:
        try:
            known = self._cache.get((field, type(value), value))  # (cells repeat: see _coerce)
        except TypeError:  # not hashable
            known = None
        return known if known is not None else self._coerce(field, value)

    @staticmethod
    def _is_empty(field: str, value: Any) -> bool:
        """A placeholder ("-", "н/д") is read as empty, except a status word ("-" for absent)."""
        placeholder = type(value) is str and v.is_placeholder(value)
        return placeholder and not (field == "status" and v.is_status_word(value))

    def _cell_read(self, column: m.Column, field: str, value: Any) -> Any:
        """What a cell of a value column gives, the same on every row: _EMPTY for a placeholder
        ("-", "н/д"), _EACH_TIME for a contact (read row by row: a phone may go to the
        e-mail's field), else (the value, None) or (None, the problem)."""
        if self._is_empty(field, value):
            return _EMPTY
        if field in ("email", "phone"):
            return _EACH_TIME
        try:
            clean = _clean(field, value)
        except ValueError as exc:
            outcome = "the event's default is used" if field in _DEFAULTED else "left empty"
            message = f"{exc}; {outcome}"
            return None, Problem(column.letter, column.header, message, v.cell_text(value))
        if type(clean) is str and type(value) is str and clean == value:
            clean = value  # (the cell's own string, kept once: a list may hold 100,000 rows)
        return clean, None

    def _store(self, row: ListedRow, field: str, clean: Any) -> None:
        if field == "organization":
            row.organization = clean
        elif field in _PARTICIPATION_FIELDS:
            row.participation[field] = clean
        else:
            row.person[field] = clean
            if field == "position":
                row.participation["position"] = clean

    def _value(self, row: ListedRow, column: m.Column, field: str, value: Any) -> bool:
        """Read one cell into its field; False when it gave nothing (empty, or a problem)."""
        written = value
        if field == "email" and type(value) is str and v.is_plain_address(value):
            # (the cell is the address and nothing else: no phone, no second address)
            try:
                clean, problem = _clean(field, value), None
            except ValueError as exc:
                clean, problem = None, str(exc)
        else:
            if field in ("email", "phone"):  # one column may hold both ("E-mail / Телефон")
                value = self._other_contact(row, field, value)
                if value is None:
                    return False
                if field == "email":
                    value = _first_address(row, column, value)
            clean, problem = self._read(field, value)
        if problem is not None:
            outcome = N_("the event's default is used") if field in _DEFAULTED else N_("left empty")
            row.problems.append(
                Problem(column.letter, column.header, f"{problem}; {outcome}", v.cell_text(written))
            )
            return False
        if clean is None:
            return False
        if type(clean) is str and type(written) is str and clean == written:
            clean = written  # (the cell's own string, kept once: a list may hold 100,000 rows)
        self._store(row, field, clean)
        return True

    def _second_value(
        self, row: ListedRow, column: m.Column, field: str, value: Any, first: m.Column
    ) -> None:
        """A cell of a field an earlier column of the row gave: a problem, unless it reads the
        same ("KZ" beside "Kazakhstan")."""
        read = (
            _first_address(ListedRow(row.row, "", []), column, value) if field == "email" else value
        )
        clean, problem = self._read(field, read)
        if problem is None:
            if field == "organization":
                same = clean == row.organization
            elif field in _PARTICIPATION_FIELDS:
                same = clean == row.participation.get(field)
            else:
                same = clean == row.person.get(field)
            if same or clean is None:
                return
        row.problems.append(_not_read(column, value, first, field))

    def _days(self, row: ListedRow, cells: list[Any]) -> None:
        if not self.day_columns:
            return
        marked = 0
        for column in self.day_columns:
            mark = v.cell_text(self._cell(cells, column))
            if mark and mark.casefold() not in absent_marks():
                marked += 1
                if not _is_present_mark(mark):  # "болен", "late": counted, and said
                    message = f"'{mark}' is not an attendance mark; counted as present"
                    row.problems.append(Problem(column.letter, column.header, message, mark))
        row.participation.setdefault("days_attended", marked)
        if "status" not in row.participation:
            row.status_from_days = True
            row.participation["status"] = (
                ParticipationStatus.NO_SHOW
                if marked == 0
                else ParticipationStatus.ATTENDED
                if marked == len(self.day_columns)
                else ParticipationStatus.PARTIALLY_ATTENDED
            )


def _clean(field: str, value: Any) -> Any:
    """One cell's value for ``field``, through the same rules as the forms; ValueError if bad."""
    if field == "sex":
        return v.sex_value(value)
    if field in ("mode", "role", "status"):
        return v.choice_value(field, value)
    text = v.cell_text(value)
    if field == "organization":
        return PERSON_RULES["position"].coerce(text)  # the same length limit as a name line
    rule = PERSON_RULES.get(field) or PARTICIPATION_RULES[field]
    return rule.coerce(text)


_PHONE = re.compile(r"\+?\d[\d\s()./\-–]{4,}\d")


def _split_contacts(text: str) -> tuple[str, str | None]:
    """A contacts cell as (its e-mail part, a phone number in it): "a@b.kz; +996 555 12 34 56"
    gives both, "+996 (312) 66-01-02" only the phone. A number of fewer than six digits is no
    phone (a room, an extension)."""
    addresses = v.email_addresses(text)
    rest = text
    for address in addresses:
        rest = rest.replace(address, " ")
    found = _PHONE.search(rest)
    phone = found.group(0).strip() if found else None
    if phone is not None and sum(ch.isdigit() for ch in phone) < 6:
        phone = None
    return (" ".join(addresses) if addresses else "" if phone else text), phone


def _first_address(row: ListedRow, column: m.Column, value: Any) -> Any:
    """The first e-mail address of a cell that lists several (the others are reported); the
    whole text when it holds none (the e-mail rule then says why it is not one)."""
    text = v.cell_text(value) or ""
    addresses = v.email_addresses(text)
    if len(addresses) > 1:
        others = ", ".join(addresses[1:])
        row.problems.append(
            Problem(
                column.letter,
                column.header,
                "; ".join((N_("several addresses"), f"kept the first, not {others}")),
            )
        )
    return addresses[0] if addresses else text or None


_TIME_OR_NUMBER = re.compile(r"^\d{1,2}[:.]\d{2}$|^\d+(?:[.,]\d+)?$")  # "9:05", "1", "0.5"


@functools.cache
def _is_present_mark(mark: str) -> bool:
    """Is this a mark that says the person was there: a known mark ("+", "✓", "подпись"), a
    time they signed in, a number of hours or days, a date?"""
    return (
        mark.casefold() in present_marks()
        or bool(_TIME_OR_NUMBER.match(mark))
        or v.as_date(mark) is not None
    )


def _joined_notes(notes: list[tuple[m.Column, str]]) -> str:
    """The notes of a list with several notes columns: each value after its column's header
    ("Comments: vegetarian; Hotel: Hyatt")."""
    return "; ".join(f"{c.header or c.letter}: {text}" for c, text in notes)


def _not_read(column: m.Column, value: Any, first: m.Column, field: str) -> Problem:
    message = _not_read_message(field, first.letter)
    return Problem(column.letter, column.header, message, v.cell_text(value))


@functools.lru_cache(maxsize=1024)  # (one text for a column's many rows: a list of notes)
def _not_read_message(field: str, letter: str) -> str:
    label = FIELDS[field.removesuffix("_local")].split(" (")[0].lower()
    return f"not read: the {label} is taken from column {letter}"


def _could_be_a_name(text: str) -> bool:
    return (
        v.has_letters(text)
        and not v.name_problem(text)
        and not v.is_placeholder(text, in_name=True)
    )


def _footer_kind(text: str) -> str | None:
    """ "total" when a cell opens a totals row, "note" when it opens a line that is no person."""
    if is_totals_text(text):
        return "total"
    return "note" if is_not_a_person_text(text) else None


def _without_heading_words(text: str) -> str:
    folded = normalise(text)
    for phrase in sorted(heading_phrases(), key=len, reverse=True):
        if folded.startswith(phrase):
            return folded[len(phrase) :].strip()
    return folded


def day_range_note(columns: list[m.Column], start: dt.date, end: dt.date) -> list[str]:
    """Day columns whose date falls outside the event, in words for the plan."""
    return [
        f"{c.describe()} is dated {c.day:%d.%m.%Y}, outside the event"
        f" ({start:%d.%m.%Y}–{end:%d.%m.%Y})"
        for c in columns
        if c.field == "day" and c.day is not None and not start <= c.day <= end
    ]
