"""Reading a spreadsheet's cells with python-calamine in a separate process with limits.

python-calamine holds every sheet as a dense grid from its first to its last cell, sized by
the cell positions the file gives. A 5 KB file naming one cell at XFD1048576 (or an .xls record
claiming row and column 65535, or thousands of cells without positions) makes it ask for
hundreds of gigabytes, and a failed allocation in its Rust code ends the whole process — no
Python exception to catch. So the file is read in a child Python process
(``calamine_child``) that may use at most ``MEMORY_LIMIT_BYTES`` of address space and
``TIME_LIMIT_SECONDS`` of time (on Windows, which has no such limits, a failed allocation still
ends only the child), and whose sheets are refused when larger than ``MAX_CELLS``. The child
sends the cells back pickled, a few thousand rows at a time, and they are unpickled as they come
(only plain values and dates are accepted), a text that repeats becoming one shared string: the
memory a sheet takes is its cells, once. Starting the child costs a few hundredths of a second.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

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
    with tempfile.TemporaryFile() as said:  # (what the child says on stderr, if anything)
        try:
            child = subprocess.Popen(
                child_command(path, kind),
                cwd=_ROOT,
                env=_child_environment(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=said,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:  # the interpreter cannot be started (should not happen)
            log.error("cannot start %s to read %s: %s", sys.executable, path.name, exc)
            raise SpreadsheetRefused("damaged") from None
        overran = threading.Event()
        deadline = threading.Timer(TIME_LIMIT_SECONDS, lambda: (overran.set(), child.kill()))
        deadline.start()
        try:
            with child:
                assert child.stdout is not None
                sheets, outcome = _receive(child.stdout)
                child.stdout.read()  # (anything after the answer: not expected)
        finally:
            deadline.cancel()
        if overran.is_set() and child.returncode != 0:
            raise SpreadsheetRefused("time")
        cpu_limit = getattr(signal, "SIGXCPU", None)  # none on Windows
        if cpu_limit is not None and child.returncode == -cpu_limit:
            raise SpreadsheetRefused("time")
        if outcome is None or child.returncode != 0:
            # Past the memory limit: Rust aborts on a failed allocation, Python may be killed.
            said.seek(0)
            text = said.read().decode(errors="replace").strip()
            text = text if len(text) < 800 else f"{text[:400]} … {text[-400:]}"
            log.warning("reading %s ended with status %s: %s", path.name, child.returncode, text)
            raise SpreadsheetRefused("memory")
    if outcome[0] != "end":
        raise SpreadsheetRefused(outcome[0], tuple(outcome[1:]))
    return sheets


def child_command(path: Path, kind: str) -> list[str]:
    """The command that starts the reading child."""
    return [sys.executable, "-m", calamine_child.__name__, str(path.resolve()), kind]


def _receive(stream: IO[bytes]) -> tuple[list[SheetCells], tuple[Any, ...] | None]:
    """The sheets the child sends and its last message (``("end",)`` or a refusal; None when
    it stopped without one), each repeated text kept once. SpreadsheetRefused("damaged") for
    anything that is not the child's answer."""
    sheets: list[SheetCells] = []
    rows: list[list[Any]] = []
    shared: dict[str, str] = {}
    try:
        while True:
            try:
                message = _ValuesOnly(stream).load()
            except EOFError:
                return sheets, None
            if not isinstance(message, tuple) or not message:
                raise ValueError(message)
            if message[0] == "rows":
                rows.extend(share_repeated(message[1], shared))
            elif message[0] == "sheet":
                _, name, merged, hidden = message
                rows = []
                sheets.append((name, rows, merged, hidden))
            else:
                return sheets, message
    except (pickle.UnpicklingError, ValueError, TypeError, IndexError):
        raise SpreadsheetRefused("damaged") from None


SHARED_TEXTS = 65_536  # distinct texts remembered at a time (a list repeats few of its texts)


def share_repeated(rows: Iterable[Iterable[Any]], shared: dict[str, str]) -> Iterator[list[Any]]:
    """``rows`` as lists, every text equal to one met before (in ``shared``) replaced by that
    one: a country, a sex or an agency written on thousands of rows is one string, not
    thousands. ``shared`` is emptied when it grows past ``SHARED_TEXTS``, so a column of texts
    that never repeat (names, addresses) does not fill it."""
    keep = shared.setdefault
    for row in rows:
        yield [keep(cell, cell) if type(cell) is str else cell for cell in row]
        if len(shared) > SHARED_TEXTS:
            shared.clear()


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
