"""The child process that reads a spreadsheet with python-calamine for ``isolated_reading``.

It limits its own address space and CPU time first, reads every work sheet (refusing one larger
than ``MAX_CELLS`` or longer than ``MAX_ROWS``), and writes its answer to stdout as a stream of
pickled messages, so that neither it nor the parent ever holds a whole sheet as Python objects
next to its pickled copy:
``("sheet", name, merged ranges, hidden)`` opens a sheet, ``("rows", [row, ...])`` carries up to
``CHUNK_ROWS`` of its rows, ``("end",)`` closes the answer; a refusal (``password``, ``damaged``,
``memory``, or ``too_large`` with the sheet's name, rows and columns) may come instead at any
point and ends it. Access databases (kind ``access``) are read the same way, by
``access_reading``. It imports as little as it can, to start quickly:
``python -m app.importing.calamine_child FILE KIND``.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any

MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
TIME_LIMIT_SECONDS = 120
MAX_CELLS = 1_600_000  # a 50,000-row list of 30 columns is 1.5 million
MAX_ROWS = 100_000  # twice the largest list of the benchmarks; keeps the import's memory bounded
CHUNK_ROWS = 2_000  # rows a message: small enough to keep the pickled copy small

_SUFFIXES = {  # the names calamine reads as each kind
    "xls": (".xls", ".xla"),
    "xlsx": (".xlsx", ".xlsm", ".xlam"),
    "xlsb": (".xlsb",),
    "ods": (".ods",),
}

Merge = tuple[tuple[int, int], tuple[int, int]]
SheetCells = tuple[str, list[list[Any]], list[Merge], bool]  # bool: hidden in Excel


def _limit_this_process() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT_SECONDS, TIME_LIMIT_SECONDS + 5))


def send_sheets(path: str, kind: str, send: Callable[[tuple[Any, ...]], None]) -> None:
    """Send every work sheet as messages (see the module's doc), or a refusal."""
    from python_calamine import CalamineError, PasswordError

    try:
        book = open_book(path, kind)
        for meta in book.sheets_metadata:
            if str(meta.typ).endswith("ChartSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.height * sheet.width > MAX_CELLS or sheet.height > MAX_ROWS:
                send(("too_large", meta.name, sheet.height, sheet.width))
                return
            merged = sheet.merged_cell_ranges
            if merged is None and kind == "ods":
                merged = ods_merges(path, meta.name)
            hidden = not str(meta.visible).endswith("Visible")  # Hidden or VeryHidden
            send(("sheet", meta.name, list(merged or []), hidden))
            # iter_rows gives the rows from the sheet's first, but its columns from the
            # first used one: the columns left of it are put back, as to_python would.
            left = [None] * (sheet.start[1] if sheet.start else 0)
            chunk: list[list[Any]] = []
            for row in sheet.iter_rows():
                chunk.append([*left, *map(cell_value, row)])
                if len(chunk) == CHUNK_ROWS:
                    send(("rows", chunk))
                    chunk = []
            if chunk:
                send(("rows", chunk))
    except PasswordError:
        send(("password",))
        return
    except (CalamineError, ValueError, OSError) as exc:
        detail = str(exc).lower()
        send(("password",) if "password" in detail or "encrypt" in detail else ("damaged",))
        return
    except MemoryError:
        send(("memory",))
        return
    except BaseException:  # a panic in the Rust code surfaces as pyo3's PanicException
        send(("damaged",))
        return
    send(("end",))


def open_book(path: str, kind: str) -> Any:
    """The workbook, read as ``kind`` (told by the parent from the file's content). calamine's
    ``from_path`` picks its reader by the name's extension, so a file whose name says another
    kind (an .xlsx saved as .xls, an .ods named .xlsx) is given to ``from_filelike``, which
    picks by content; a file named right keeps ``from_path`` and its precise errors (an .xls
    with a password says so)."""
    from python_calamine import CalamineWorkbook

    if path.lower().endswith(_SUFFIXES[kind]):
        return CalamineWorkbook.from_path(path)
    with open(path, "rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


def cell_value(value: Any) -> Any:
    """A cell as the importer wants it: blank text is None, whole numbers are ints."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # calamine gives every xlsx number as a float
    return value


def ods_merges(path: str, sheet_name: str) -> list[Merge]:
    """Merged ranges of one sheet of an .ods file (calamine does not report them for ods)."""
    import zipfile

    from defusedxml.ElementTree import iterparse

    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    merges: list[Merge] = []
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ValueError(str(exc)) from None
    with archive, archive.open("content.xml") as content:
        inside, row, next_row, column = False, 0, 0, 0
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if tag == t + "table":
                if event == "start":
                    inside, next_row = element.get(t + "name") == sheet_name, 0
                elif inside:
                    break
            elif not inside:
                continue
            elif event == "end":
                if tag == t + "table-row":
                    element.clear()  # keep memory flat on long sheets
            elif tag == t + "table-row":
                row, column = next_row, 0
                next_row += int(element.get(t + "number-rows-repeated", "1"))
            elif tag in (t + "table-cell", t + "covered-table-cell"):
                across = int(element.get(t + "number-columns-spanned", "1"))
                down = int(element.get(t + "number-rows-spanned", "1"))
                if across > 1 or down > 1:
                    merges.append(((row, column), (row + down - 1, column + across - 1)))
                column += int(element.get(t + "number-columns-repeated", "1"))
    return merges


def main(arguments: list[str]) -> None:
    _limit_this_process()
    out = sys.stdout.buffer

    def send(message: tuple[Any, ...]) -> None:
        try:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory",))
        out.write(data)

    sys.stdout = sys.stderr  # (stdout carries the answer: nothing else may be printed on it)
    if arguments[1] == "access":
        from app.importing.access_reading import send_tables

        send_tables(arguments[0], send, MAX_CELLS, MAX_ROWS, CHUNK_ROWS)
    else:
        send_sheets(arguments[0], arguments[1], send)
    out.flush()
    os._exit(0)  # skip freeing a large heap object by object


if __name__ == "__main__":
    main(sys.argv[1:])
