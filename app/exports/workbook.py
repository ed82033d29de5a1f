"""Writing sheets of an xlsx workbook the way people expect to find them, fast.

openpyxl's write-only mode streams rows straight to the file. Each sheet gets a bold, shaded,
frozen header row, an autofilter over its data, column widths measured from the first rows, and
real dates (date cells with a date format, so they sort and filter as dates).

Formula injection: a text cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) could be taken for a formula by a spreadsheet program — on opening, or when someone edits
the cell. Such text is written as an explicit string cell with Excel's "quote prefix" style (the
stored form of typing a leading apostrophe), so it is shown and kept as the literal text and is
never evaluated, while the value itself stays exactly as it was (a phone number "+7 701 …" still
reads back as "+7 701 …"). Text that openpyxl would turn into an error value ("#N/A") is kept as
text too, and characters that XML cannot hold are dropped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from app.fields import Field
from app.i18n import tr
from app.output_files import atomic_output
from app.progress import Progress, no_progress

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_HEADER_ALIGNMENT = Alignment(vertical="top", wrap_text=True)
_MEASURED_ROWS = 300
_PROGRESS_EVERY = 2000


@dataclasses.dataclass(frozen=True)
class Column:
    """A column of an exported sheet: its header, what it holds, and width limits (characters)."""

    header: str
    kind: str = "text"  # text, date, number
    min_width: float = 6
    max_width: float = 50
    note: str = ""  # the header's disambiguation in the catalogue


def field_column(field: Field, **more: Any) -> Column:
    """The column of a catalogued field (``app.fields``), headed as lists head it."""
    kind = "date" if field.kind == "date" else "text"
    return Column(field.heading_source, kind, note=field.heading_note, **more)


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def discard_workbook(workbook: Workbook) -> None:
    """Close a write-only workbook that will not be saved (a cancelled or failed export) and
    remove the temporary files openpyxl streams its sheets into."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if sheet._rows is not None:
                sheet._rows.close()
        writer = sheet._writer
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save under a temporary name and move into place (see ``app.output_files``)."""
    with atomic_output(path) as temporary:
        workbook.save(temporary)


def clean_text(value: str) -> str:
    """The text without the control characters an xlsx file cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if ILLEGAL_CHARACTERS_RE.search(value) else value


def _could_be_evaluated(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS) or value in ERROR_CODES


def _keep_as_text(cell: Any) -> Any:
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def safe_value(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """The value to append to a write-only sheet: text that a spreadsheet could evaluate becomes
    an explicit, quote-prefixed string cell (see the module docstring)."""
    if type(value) is not str:
        return value
    value = clean_text(value)
    if _could_be_evaluated(value):
        return _keep_as_text(WriteOnlyCell(sheet, value=value))
    return value


def put_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Set a cell of an ordinary (not write-only) sheet and return it; text that a spreadsheet
    could evaluate stays text, as in ``safe_value``."""
    if isinstance(value, str):
        value = clean_text(value)
    cell = sheet.cell(row, column, value)
    if isinstance(value, str) and _could_be_evaluated(value):
        _keep_as_text(cell)
    return cell


def _width(values: Iterable[Any], column: Column) -> float:
    header = tr(column.header, column.note)
    longest = len(header) if len(header) <= 14 else 14  # headers may wrap
    for value in values:
        if value is None:
            continue
        if isinstance(value, dt.date):
            length = 10
        else:
            text = str(value)
            length = max((len(line) for line in text.split("\n")), default=0)
        longest = max(longest, length)
    return float(min(max(longest + 2, column.min_width), column.max_width))


def write_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    total: int | None = None,
    progress: Progress = no_progress,
    message: str = "",
) -> int:
    """Write one sheet (header + ``rows``) to a write-only ``workbook``; the number of data rows.

    ``progress(done, total, message)`` is called every few thousand rows and may raise
    ``Cancelled``; the caller then discards the workbook.
    """
    sheet = workbook.create_sheet(title=title[:31])
    iterator: Iterator[Sequence[Any]] = iter(rows)
    first = list(islice(iterator, _MEASURED_ROWS))
    for index, column in enumerate(columns):
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = _width((r[index] for r in first), column)
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=tr(column.header, column.note))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGNMENT
        header.append(cell)
    sheet.append(header)
    written = 0
    expected = total if total is not None else len(first)
    for row in chain(first, iterator):
        sheet.append([safe_value(sheet, value) for value in row])
        written += 1
        if written % _PROGRESS_EVERY == 0:
            progress(written, max(expected, written), message)
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{written + 1}"
    progress(written, max(expected, written), message)
    return written
