"""Reading a spreadsheet's cells with python-calamine in a separate process with limits.

python-calamine holds every sheet as a dense grid from its first to its last cell, sized by
the cell positions the file gives. A 5 KB file naming one cell at XFD1048576 (or an .xls record
claiming row and column 65535, or thousands of cells without positions) makes it ask for
hundreds of gigabytes, and a failed allocation in its Rust code ends the whole process — no
Python exception to catch. So the file is read in a child Python process that may use at most
``MEMORY_LIMIT_BYTES`` of address space and ``TIME_LIMIT_SECONDS`` of time (on Windows, which
has no such limits, a failed allocation still ends only the child), and whose sheets are
refused when larger than ``MAX_CELLS``. The child sends the cells back pickled; only plain
values and dates are accepted when unpickling them.

The child imports nothing from Convene (stdlib, python-calamine and defusedxml only), so it
starts in a few hundredths of a second.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import pickle
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
TIME_LIMIT_SECONDS = 120
MAX_CELLS = 5_000_000  # a 50,000-row list of 30 columns is 1.5 million
_ROOT = Path(__file__).resolve().parent.parent.parent

Merge = tuple[tuple[int, int], tuple[int, int]]
SheetCells = tuple[str, list[list[Any]], list[Merge]]


class SpreadsheetRefused(Exception):
    """The child could not read the file. ``reason`` is one of ``password``, ``damaged``,
    ``too_large`` (``detail``: sheet name, rows, columns), ``memory`` or ``time``."""

    def __init__(self, reason: str, detail: tuple[Any, ...] = ()) -> None:
        super().__init__(reason, *detail)
        self.reason = reason
        self.detail = detail


def read_sheets(path: Path, kind: str) -> list[SheetCells]:
    """Every work sheet of the file (name, rows of cells, merged ranges), read in a child
    process; raises SpreadsheetRefused."""
    try:
        finished = subprocess.run(
            [sys.executable, "-m", __name__, str(path.resolve()), kind],
            cwd=_ROOT,
            env=_child_environment(),
            capture_output=True,
            timeout=TIME_LIMIT_SECONDS,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SpreadsheetRefused("time") from None
    except OSError as exc:  # the interpreter cannot be started (should not happen)
        log.error("cannot start %s to read %s: %s", sys.executable, path.name, exc)
        raise SpreadsheetRefused("damaged") from None
    cpu_limit = getattr(signal, "SIGXCPU", None)  # none on Windows
    if cpu_limit is not None and finished.returncode == -cpu_limit:
        raise SpreadsheetRefused("time")
    if finished.returncode != 0 or not finished.stdout:
        # Past the memory limit: Rust aborts on a failed allocation, Python may be killed.
        said = finished.stderr.decode(errors="replace").strip()
        said = said if len(said) < 800 else f"{said[:400]} … {said[-400:]}"
        log.warning("reading %s ended with status %s: %s", path.name, finished.returncode, said)
        raise SpreadsheetRefused("memory")
    try:
        outcome = _ValuesOnly(io.BytesIO(finished.stdout)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
        raise SpreadsheetRefused("damaged") from None
    if outcome[0] != "sheets":
        raise SpreadsheetRefused(outcome[0], tuple(outcome[1:]))
    return outcome[1]


_CELL_CLASSES = {
    ("datetime", "date"): dt.date,
    ("datetime", "datetime"): dt.datetime,
    ("datetime", "time"): dt.time,
    ("datetime", "timedelta"): dt.timedelta,
}


def _child_environment() -> dict[str, str]:
    """This environment, with Convene's folder first on the module path (``-m`` alone would
    not find it when Python runs with PYTHONSAFEPATH)."""
    paths = [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


class _ValuesOnly(pickle.Unpickler):
    """Unpickles lists, tuples, numbers, strings and dates only: never code."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _CELL_CLASSES[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not a cell value") from None


# --- In the child process -----------------------------------------------------------------------


def _limit_this_process() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT_SECONDS, TIME_LIMIT_SECONDS + 5))


def load_sheets(path: Path, kind: str) -> tuple[Any, ...]:
    """What the child sends back: ``("sheets", [...])`` or a refusal reason with its detail."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets: list[SheetCells] = []
        for meta in book.sheets_metadata:
            if str(meta.typ).endswith("ChartSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.height * sheet.width > MAX_CELLS:
                return ("too_large", meta.name, sheet.height, sheet.width)
            rows = [[cell_value(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            merged = sheet.merged_cell_ranges
            if merged is None and kind == "ods":
                merged = ods_merges(path, meta.name)
            sheets.append((meta.name, rows, list(merged or [])))
    except PasswordError:
        return ("password",)
    except (CalamineError, ValueError, OSError, zipfile.BadZipFile) as exc:
        detail = str(exc).lower()
        return ("password",) if "password" in detail or "encrypt" in detail else ("damaged",)
    except MemoryError:
        return ("memory",)
    except BaseException:  # a panic in the Rust code surfaces as pyo3's PanicException
        return ("damaged",)
    return ("sheets", sheets)


def cell_value(value: Any) -> Any:
    """A cell as the importer wants it: blank text is None, whole numbers are ints."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # calamine gives every xlsx number as a float
    return value


def ods_merges(path: Path, sheet_name: str) -> list[Merge]:
    """Merged ranges of one sheet of an .ods file (calamine does not report them for ods)."""
    from defusedxml.ElementTree import iterparse

    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    merges = []
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
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


def _child_main(arguments: list[str]) -> None:
    _limit_this_process()
    outcome = load_sheets(Path(arguments[0]), arguments[1])
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory",))
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    os._exit(0)  # skip freeing a large heap object by object


if __name__ == "__main__":
    _child_main(sys.argv[1:])
