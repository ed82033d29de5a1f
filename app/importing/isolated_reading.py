"""Reading a spreadsheet's cells with python-calamine in a separate process with limits.

python-calamine holds every sheet as a dense grid from its first to its last cell, sized by
the cell positions the file gives. A 5 KB file naming one cell at XFD1048576 (or an .xls record
claiming row and column 65535, or thousands of cells without positions) makes it ask for
hundreds of gigabytes, and a failed allocation in its Rust code ends the whole process — no
Python exception to catch. So the file is read in a child Python process
(``calamine_child``) that may use at most ``MEMORY_LIMIT_BYTES`` of address space and
``TIME_LIMIT_SECONDS`` of time (on Windows, which has no such limits, a failed allocation still
ends only the child), and whose sheets are refused when larger than ``MAX_CELLS``. The child
sends the cells back pickled; only plain values and dates are accepted when unpickling them.
Starting it costs a few hundredths of a second.
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
from pathlib import Path
from typing import Any

from app.importing import calamine_child
from app.importing.calamine_child import TIME_LIMIT_SECONDS, SheetCells

log = logging.getLogger(__name__)
_ROOT = Path(__file__).resolve().parent.parent.parent


class SpreadsheetRefused(Exception):
    """The child could not read the file. ``reason`` is one of ``password``, ``damaged``,
    ``too_large`` (``detail``: sheet name, rows, columns), ``memory`` or ``time``."""

    def __init__(self, reason: str, detail: tuple[Any, ...] = ()) -> None:
        super().__init__(reason, *detail)
        self.reason = reason
        self.detail = detail


def read_sheets(path: Path, kind: str) -> list[SheetCells]:
    """Every work sheet of the file (name, rows of cells, merged ranges, hidden), read in a
    child process; raises SpreadsheetRefused."""
    try:
        finished = subprocess.run(
            [sys.executable, "-m", calamine_child.__name__, str(path.resolve()), kind],
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
