"""Reading an attendee list from a file: every sheet's cells as typed Python values.

Spreadsheets (.xlsx, .xlsm, .xls, .xlsb, .ods) are read with python-calamine in a child process
with memory and time limits (``isolated_reading``); text files (.csv, .txt, .tsv) with the csv
module after working out the encoding (UTF-8 with or without a byte-order mark, UTF-16 as Excel's
"Unicode text" writes it, or Windows-1251 as Russian-locale Excel writes it) and the separator
(comma, semicolon or tab); Access databases (.mdb, .accdb) in the same child (``access_reading``),
each table a sheet. The kind of file is told by its content, not its name, and whether a
zip is a spreadsheet by whether the reader can read it (a valid package whose parts are not under
``xl/``, as some tools write it, is read). Merged cells
give their value to every cell they cover, so a delegation's organisation merged down several
rows reaches every row. When no sheet is named, the one read is a visible sheet that holds the
list (``Workbook.default_sheet``), not a hidden or lookup sheet before it. A file that cannot be
read (empty, truncated, password-protected, not a spreadsheet at all, a zip bomb, or far larger
than any attendee list) raises ``UnreadableFile`` with one plain sentence.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from app.errors import ConveneError
from app.importing.access_reading import is_access_file
from app.importing.calamine_child import (
    MAX_CELLS,
    MAX_ROWS,
    MEMORY_LIMIT_BYTES,
    TIME_LIMIT_SECONDS,
)
from app.importing.headers import header_strength
from app.importing.isolated_reading import SHARED_TEXTS, SpreadsheetRefused, read_sheets

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024  # a real attendee list is far smaller
MAX_COMPRESSION_RATIO = 200  # checked once a file unpacks to more than BOMB_FLOOR_BYTES
BOMB_FLOOR_BYTES = 32 * 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a CSV of 50,000 people is about 5 MB
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
_ANY_PACKAGE = "package"  # an Office package with its parts elsewhere: read as xlsx if it can be


class UnreadableFile(ConveneError):
    """The file cannot be read as an attendee list; the message says why in one sentence."""


@dataclasses.dataclass
class Sheet:
    """One sheet: ``rows[i][j]`` is the cell at sheet row ``i + 1``, column ``j + 1``."""

    name: str
    rows: list[list[CellValue]]
    hidden: bool = False  # hidden in the spreadsheet program (a lookup list, say)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclasses.dataclass
class Workbook:
    """The sheets of one file, in order, with what kind of file it was."""

    path: Path
    kind: str  # "xlsx", "xls", "xlsb", "ods", "csv" or "access"
    sheet_names: list[str]
    _sheets: dict[str, Sheet]
    sha256: str = ""
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def sheets(self) -> list[Sheet]:
        """Every sheet, in the file's order."""
        return [self._sheets[n] for n in self.sheet_names]

    def sheet(self, name: str | None = None) -> Sheet:
        """The sheet called exactly ``name``, else the one whose name matches it ignoring case
        and the spaces around it ("Участники " typed as "участники"); or ``default_sheet``."""
        if name is None:
            return self.default_sheet
        if name in self._sheets:
            return self._sheets[name]
        wanted = name.strip().casefold()
        for sheet_name in self.sheet_names:
            if sheet_name.strip().casefold() == wanted:
                return self._sheets[sheet_name]
        listed = ", ".join(f"'{n}'" for n in self.sheet_names)
        raise UnreadableFile(f"The file has no sheet called '{name}' (it has {listed}).")

    @functools.cached_property
    def default_sheet(self) -> Sheet:
        """The sheet read when none is named: of the visible sheets with content (hidden ones
        only when no visible sheet has any), the one whose heading row names the most known
        fields, a name column among them; the first of them when none has such a row."""
        sheets = self.sheets
        filled = [s for s in sheets if any(any(v is not None for v in r) for r in s.rows)]
        candidates = [s for s in filled if not s.hidden] or filled or sheets[:1]
        if len(candidates) == 1:
            return candidates[0]
        strengths = [header_strength(s.rows) for s in candidates]
        return candidates[strengths.index(max(strengths))]


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_workbook(path: str | Path) -> Workbook:
    """Read every sheet of the file at ``path``; raises UnreadableFile with the reason."""
    path = Path(path)
    workbook = _read_any(path)
    with path.open("rb") as handle:
        workbook.sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    return workbook


def _read_any(path: Path) -> Workbook:
    try:
        head = path.open("rb").read(32)
    except FileNotFoundError:
        raise UnreadableFile(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise UnreadableFile(f"The file {path.name} cannot be opened: {exc.strerror}.") from None
    if path.stat().st_size == 0:
        raise UnreadableFile(f"The file {path.name} is empty.")
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
    elif head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED_OOXML in data:
            raise UnreadableFile(
                f"The file {path.name} is protected with a password; open it in Excel,"
                " remove the password (File → Info → Protect Workbook) and save it again."
            )
        kind = "xls"
    elif is_access_file(head):
        kind = "access"
    elif head.startswith(b"PK"):
        raise UnreadableFile(f"The file {path.name} is damaged or incomplete (cut short).")
    else:
        return _read_text(path)
    return _read_spreadsheet(path, kind)


# --- Spreadsheets ---------------------------------------------------------------------------------


def _zip_kind(path: Path) -> str:
    """xlsx, xlsb or ods, after checking that unpacking it cannot flood the memory; for an Office
    package whose parts are not named as Excel names them, ``_ANY_PACKAGE``: the reader decides."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            total = sum(e.file_size for e in entries)
            packed = sum(e.compress_size for e in entries) or 1
            bomb = total > BOMB_FLOOR_BYTES and total / packed > MAX_COMPRESSION_RATIO
            if total > MAX_UNCOMPRESSED_BYTES or bomb:
                raise UnreadableFile(
                    f"The file {path.name} would unpack to {total / 2**20:.0f} MB from"
                    f" {packed / 2**20:.1f} MB, which no real attendee list does; it was not"
                    " opened."
                )
            if "content.xml" in names:
                return "ods"
            if "xl/workbook.bin" in names:
                return "xlsb"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "word/document.xml" in names:
                raise UnreadableFile(f"{path.name} is a Word document, not a spreadsheet.")
            if "[Content_Types].xml" not in names:
                raise UnreadableFile(f"{path.name} is a zip archive, not a spreadsheet.")
            # An Office package whose parts are not where Excel puts them (other tools name
            # them as they like): whether it is a spreadsheet is for the reader to say.
            return "xlsb" if any(n.endswith(".bin") for n in names) else _ANY_PACKAGE
    except zipfile.BadZipFile:
        raise UnreadableFile(
            f"The file {path.name} is damaged or incomplete (cut short); save it again and retry."
        ) from None


def _read_spreadsheet(path: Path, kind: str) -> Workbook:
    try:
        cells = read_sheets(path, "xlsx" if kind == _ANY_PACKAGE else kind)
    except SpreadsheetRefused as refused:
        if kind == _ANY_PACKAGE and refused.reason == "damaged":
            if _declares_a_workbook(path):
                raise UnreadableFile(
                    f"The spreadsheet {path.name} is laid out in a way that cannot be read here;"
                    " open it in Excel or LibreOffice, save it again as .xlsx and import that."
                ) from None
            raise UnreadableFile(f"{path.name} is a zip archive, not a spreadsheet.") from None
        raise UnreadableFile(_refusal_message(path, refused, kind)) from None
    kind = "xlsx" if kind == _ANY_PACKAGE else kind
    sheets: dict[str, Sheet] = {}
    for name, rows, merged, hidden in cells:
        _spread_merged(rows, merged)
        sheets[name] = Sheet(name, rows, hidden)
    if not sheets:
        raise UnreadableFile(f"The file {path.name} has no sheets with cells.")
    return Workbook(path, kind, list(sheets), sheets)


def _declares_a_workbook(path: Path) -> bool:
    """Does the package's list of parts name a spreadsheet's workbook?"""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("[Content_Types].xml") as listing:
            head = listing.read(256 * 1024)
    except (KeyError, OSError, zipfile.BadZipFile):
        return False
    return b"spreadsheetml.sheet.main" in head or b"ms-excel.sheet" in head


def _refusal_message(path: Path, refused: SpreadsheetRefused, kind: str = "") -> str:
    if kind == "access" and refused.reason in ("damaged", "password"):
        return (
            f"The Access database {path.name} cannot be read: it is damaged, cut short, or"
            " encrypted with a password (open it in Access, remove the password and compact"
            " it, or export its tables to Excel)."
        )
    if refused.reason == "password":
        return (
            f"The file {path.name} is protected with a password; remove the password and save"
            " it again."
        )
    if refused.reason == "too_large":
        sheet, height, width = refused.detail
        return (
            f"Sheet '{sheet}' of {path.name} spans {height:,} rows and {width:,} columns, far"
            " more than any attendee list; copy the list to a new file and import that."
        )
    if refused.reason == "memory":
        return (
            f"The file {path.name} would need more than {MEMORY_LIMIT_BYTES // 2**20:,} MB of"
            " memory to read, which no real attendee list does; it may be damaged."
        )
    if refused.reason == "time":
        return (
            f"The file {path.name} took longer than {TIME_LIMIT_SECONDS} seconds to read, which"
            " no real attendee list does; it may be damaged."
        )
    return f"The file {path.name} cannot be read as a spreadsheet; it may be damaged or cut short."


def _spread_merged(rows: list[list[CellValue]], merged: list[Any]) -> None:
    """Give every cell of a merged range the value of its top-left cell (within the cells the
    sheet has: a range may claim to reach far beyond them)."""
    width = max((len(r) for r in rows), default=0)
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= width:
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        if value is None:
            continue
        right = min(right, width - 1)
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if row[c] is None:
                    row[c] = value


# --- Text files -----------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(_UTF16_MARKS):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    return text, "cp1251"


def _looks_binary(data: bytes) -> bool:
    """Too many control characters for text (UTF-16 is judged by its characters, not bytes:
    its Latin letters are half NUL bytes)."""
    if data.startswith(_UTF16_MARKS):
        sample = data[:4096].decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        return True
    else:
        sample = data[:4096].decode("latin-1")
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r")
    return controls > len(sample) // 20


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent number of columns."""
    lines = [line for line in _first_lines(text, 50) if line.strip()]
    best, best_score = ",", -1
    for candidate in (";", ",", "\t"):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=candidate)]
        except csv.Error:  # a cell longer than the csv module's limit: reported when read
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = wide.count(modal) * 1000 + modal
        if score > best_score:
            best, best_score = candidate, score
    return best


def _first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]``, without splitting the whole of a long text."""
    size = 65_536
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def _read_text(path: Path) -> Workbook:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise UnreadableFile(
            f"The file {path.name} holds {path.stat().st_size / 2**20:.0f} MB of text, far more"
            " than any attendee list; it was not opened."
        )
    data = path.read_bytes()
    if _looks_binary(data):
        raise UnreadableFile(
            f"{path.name} is not a spreadsheet or a CSV file (Excel, LibreOffice and CSV files"
            " can be imported)."
        )
    text, encoding = _decode(data)
    if not text or text.isspace():
        raise UnreadableFile(f"The file {path.name} is empty.")
    delimiter = _delimiter(text)
    del text  # (the lines are decoded again as they are read: one copy of the text at a time)
    lines = io.TextIOWrapper(io.BytesIO(data), encoding, errors="replace", newline="")
    rows: list[list[CellValue]] = []
    cells = 0
    shared: dict[str, str] = {}  # a text repeated down the list is kept once (share_repeated)
    keep = shared.setdefault
    try:
        for row in csv.reader(lines, delimiter=delimiter):
            rows.append([keep(c, c) if c.strip() else None for c in row])
            if len(shared) > SHARED_TEXTS:
                shared.clear()
            cells += len(row)
            if cells > MAX_CELLS or len(rows) > MAX_ROWS:
                held = f"{MAX_CELLS:,} cells" if cells > MAX_CELLS else f"{MAX_ROWS:,} rows"
                raise UnreadableFile(
                    f"The file {path.name} holds more than {held}, far more than any attendee"
                    " list; it was not read."
                )
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise UnreadableFile(
                f"The file {path.name} has a cell of more than {csv.field_size_limit():,}"
                " characters, which no attendee list has; it was not read."
            ) from None
        raise UnreadableFile(f"The file {path.name} is not a readable CSV file.") from None
    name = re.sub(r"\.[^.]*$", "", path.name) or path.name
    return Workbook(path, "csv", [name], {name: Sheet(name, rows)}, "", encoding, delimiter)
