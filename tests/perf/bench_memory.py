"""The import's memory at the reader's limits: ``import --dry-run`` of the largest list the reader
accepts, as csv and as xlsx, through the command line, in its own process.

The lists are the worst case the limits allow: ``MAX_ROWS`` people (``--quick``: a tenth), every
one of them a new person with a name and an e-mail address of their own (texts that never
repeat cannot be shared), in the seven columns of a real list; and, as wide as ``MAX_CELLS``
allows at that many rows, the same people with further columns of texts that never repeat
(a list with many notes columns), as csv and xlsx; and the same csv with every further value one
the import cannot read (each a problem to report, with its row, column and value). The peak is that of the whole process tree — the command and
its spreadsheet-reading child — sampled from ``/proc`` every few milliseconds and never less
than what the kernel reports as either process's own peak (``getrusage``). Target: 400 MB.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from openpyxl import Workbook

from app.database import prepare_database
from app.importing.calamine_child import MAX_CELLS
from app.importing.reading import MAX_ROWS
from app.services import events
from tests.perf.common import Measurement

TARGET_MB = 400
ROOT = Path(__file__).resolve().parent.parent.parent
HEADER = ["Surname", "Given name", "Sex", "Country", "Organisation", "Position", "E-mail"]
_SYLLABLES = ["ka", "ma", "na", "ta", "sa", "ra", "la", "ba", "da", "ga", "zhu", "vo", "fe", "pi"]
_GIVEN = ["Sergey", "Aigul", "Timur", "Dilnoza", "Nurlan", "Farrukh", "Gulnara", "Bakhtiyor"]


def people(count: int, extra_columns: int = 0, seed: int = 17) -> list[list[str]]:
    """``count`` rows of people no two of whom share a name or an address, each with
    ``extra_columns`` more texts that repeat nowhere."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        family = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        family += _suffix(number) + "ov"  # (the number, in letters: a name, yet unique)
        rows.append([
            family, rng.choice(_GIVEN), rng.choice("MF"), rng.choice(["KZ", "KG", "TJ", "UZ"]),
            f"Border Agency {number % 40}", "Inspector", f"{family.lower()}.{number}@mail.kz",
            *(f"note {number}-{column}" for column in range(extra_columns)),
        ])  # fmt: skip
    return rows


def _suffix(number: int) -> str:
    letters = ""
    while True:
        number, rest = divmod(number, 20)
        letters += "bdfgklmnprstvzhjyucw"[rest]
        if not number:
            return letters


def unread(rows: list[list[str]]) -> list[list[str]]:
    """The rows with each further column a second country column whose every value cannot be
    read: the most problems a list of that size can give, each with its row, column and value."""
    return [[*row[: len(HEADER)], *(f"Atlantis {t}" for t in row[len(HEADER) :])] for row in rows]


def write_csv(path: Path, rows: list[list[str]], extra_header: str = "Notes {n}") -> Path:
    extra = [extra_header.format(n=n) for n in range(len(rows[0]) - len(HEADER))]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER + extra)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(HEADER + [f"Notes {n}" for n in range(len(rows[0]) - len(HEADER))])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found, index = [pid], 0
    while index < len(found):
        try:
            with open(f"/proc/{found[index]}/task/{found[index]}/children") as handle:
                found.extend(int(p) for p in handle.read().split())
        except OSError:
            pass
        index += 1
    return found


def _resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0  # (ended meanwhile)


# Started by the benchmark, it starts the command and tells its peak as the kernel counts it.
# (Were the command started by the benchmark itself, its peak would start from the benchmark's
# own: a forked process keeps its parent's high-water mark through exec.)
_LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_of(command: list[str]) -> tuple[float, float]:
    """Peak resident MB of ``command``'s process tree, and its seconds: the largest sum of
    the processes' resident memory sampled every 5 ms, and never less than the largest peak
    of a single one of them (``wait4``: the command or a child it waited for)."""
    started = time.perf_counter()
    launcher = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, *command], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    sampled = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            below = _tree(launcher.pid)[1:]  # (not the launcher)
            sampled[0] = max(sampled[0], sum(_resident_mb(p) for p in below))
            done.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    told, said = launcher.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    peak_kib, status = (int(x) for x in told.split())
    if status != 0:
        raise RuntimeError(f"{command[3:]} ended with {status}: {said.decode()[-2000:]}")
    return max(sampled[0], peak_kib / 1024), seconds


def prepared_database(folder: Path) -> tuple[Path, str]:
    path = folder / "convene.sqlite"
    database, _ = prepare_database(path)
    with database.session_scope() as session:
        event = events.create_event(
            session, title="Regional training course", type="training_course",
            start_date=dt.date(2025, 3, 4), end_date=dt.date(2025, 3, 6),
        )  # fmt: skip
        reference = event.reference
    database.dispose()
    return path, reference


def dry_run(database: Path, event: str, listing: Path) -> list[str]:
    return [sys.executable, "main.py", "--db", str(database), "import", str(listing),
            "--event", event, "--dry-run", "--json"]  # fmt: skip


def run(quick: bool) -> list[Measurement]:
    count = (MAX_ROWS // 10 if quick else MAX_ROWS) - 1  # (and the header row)
    wide = min(MAX_CELLS // (count + 1), 50) - len(HEADER)  # (at most 50 columns in all)
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    results = []
    try:
        database, event = prepared_database(folder)
        cases = [
            (f"{count:,} rows × {len(HEADER)} columns", "csv", people(count)),
            (f"{count:,} rows × {len(HEADER)} columns", "xlsx", None),
            (f"{count:,} rows × {len(HEADER) + wide} columns", "csv", people(count, wide)),
            (f"{count:,} rows × {len(HEADER) + wide} columns", "xlsx", None),
            (f"{count:,} rows × {len(HEADER) + wide} columns, every further value unread",
             "csv", unread(people(count, wide))),
        ]  # fmt: skip
        for index, (label, kind, listed) in enumerate(cases):
            listed = listed or cases[index - 1][2]
            if "unread" in label:
                listing = write_csv(folder / "list.csv", listed, "Country {n}")
            elif kind == "csv":
                listing = write_csv(folder / f"list.{kind}", listed)
            else:
                listing = write_xlsx(folder / f"list.{kind}", listed)
            size = listing.stat().st_size / 2**20
            peak, seconds = peak_of(dry_run(database, event, listing))
            print(f"  import --dry-run, {label} {kind} ({size:.1f} MB): peak {peak:.0f} MB"
                  f" in {seconds:.1f} s", file=sys.stderr)  # fmt: skip
            results.append(
                Measurement(
                    scenario=f"import --dry-run, {label} {kind}: peak memory",
                    seconds=peak,
                    max_seconds=TARGET_MB,
                    unit="MB",
                )
            )
            listing.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results
