"""No temporary copy of personal data is left behind: restores and exports killed (SIGKILL) or
stopped (SIGTERM) at random moments leave nothing in the system's temporary folder, nor in
Convene's own once the next start has run, nor half a file beside the output."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.engine import open_database
from tests.cli_runner import ROOT


def _environment(tmp_path: Path) -> dict[str, str]:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(system_tmp),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    env.pop("CONVENE_DB", None)
    return env


def _start(env: dict[str, str], database: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(database), *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _duration(env: dict[str, str], database: Path, args: list[str], after=None) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    child = _start(env, database, *args)
    _out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    if after is not None:
        after()
    return time.monotonic() - started


def test_killed_restores_and_exports_leave_no_temporary_file(
    tmp_path: Path, sqlite_path: Path
) -> None:
    from tests.perf import generate as generator

    database = open_database(sqlite_path)
    generator.fill_database(database, people=5_000, participations=15_000, events=200)
    database.dispose()
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(sqlite_path, backup)
    target = tmp_path / "target" / "convene.sqlite"
    target.parent.mkdir()
    shutil.copyfile(sqlite_path, target)
    out = tmp_path / "out"
    out.mkdir()
    env = _environment(tmp_path)
    restore = ["restore", str(backup)]
    export = ["export", "people", "-o", str(out / "people.xlsx")]
    durations = {
        "restore": _duration(env, target, restore),
        "export": _duration(env, target, export, lambda: (out / "people.xlsx").unlink()),
    }
    rng = random.Random(9)
    outcomes = []
    for number in range(20):
        kind = "restore" if number % 2 == 0 else "export"
        how = signal.SIGKILL if number % 4 < 2 else signal.SIGTERM
        child = _start(env, target, *(restore if kind == "restore" else export))
        time.sleep(rng.uniform(0.3, 1.0) * durations[kind])
        child.send_signal(how)
        _out, err = child.communicate(timeout=300)
        outcomes.append((kind, how.name, child.returncode))
        if how == signal.SIGTERM:
            assert "Traceback" not in err, err
        (out / "people.xlsx").unlink(missing_ok=True)

    listed = _start(env, target, "events", "list")  # the next start
    _out, err = listed.communicate(timeout=300)
    assert listed.returncode == 0, err

    leftovers = [str(p) for p in (tmp_path / "system-tmp").rglob("*")]
    private = tmp_path / "cache" / "Convene" / "tmp"
    leftovers += [str(p) for p in private.rglob("*")] if private.is_dir() else []
    leftovers += [str(p) for p in out.iterdir()]
    leftovers += [str(p) for p in target.parent.rglob(".*")]  # partial files beside the data
    assert leftovers == [], (leftovers, outcomes)
    if private.is_dir():
        assert private.stat().st_mode & 0o077 == 0
    print(f"\nrestore {durations['restore']:.1f} s, export {durations['export']:.1f} s;",
          "exit codes:", [code for _k, _h, code in outcomes])  # fmt: skip


@pytest.mark.parametrize("showing", ["the list", "an error dialog"])
def test_the_window_stopped_by_sigterm_closes_and_removes_its_temporary_files(
    showing: str, tmp_path: Path, sqlite_path: Path
) -> None:
    env = _environment(tmp_path)
    private = tmp_path / "cache" / "Convene" / "tmp"
    # A folder given as the database: the window says it cannot be opened, and waits.
    location = str(sqlite_path) if showing == "the list" else str(tmp_path)
    window = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", location],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (private.is_dir() and any(private.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.2)
    own = next(private.iterdir())
    (own / "openpyxl.part.xml").write_text("a name")  # as an export would leave it
    time.sleep(3)  # the window is up and idle in Qt's event loop
    window.send_signal(signal.SIGTERM)
    _out, err = window.communicate(timeout=30)
    assert window.returncode == (0 if showing == "the list" else 2), err
    assert "Traceback" not in err
    assert list(private.iterdir()) == []
    assert list((tmp_path / "system-tmp").iterdir()) == []


def test_the_private_folder_is_owner_only_and_stale_ones_are_removed(tmp_path: Path) -> None:
    from db import tempfiles

    dead = 2**22 + 4321  # a process number that is not running
    stale = tempfiles.root() / f"{dead}-abc"
    (stale / "pending").mkdir(parents=True)
    partial = tmp_path / ".people.xlsx.4321.part"
    partial.write_bytes(b"names")
    (stale / "pending" / "x").write_text(str(partial), "utf-8")
    (stale / "staged.sqlite").write_bytes(b"a copy of the data")

    removed = tempfiles.remove_stale()

    assert stale in removed and not stale.exists() and not partial.exists()
    own = tempfiles.own_folder()
    assert own.parent == tempfiles.root() and own.stat().st_mode & 0o777 == 0o700
    assert tempfiles.root().stat().st_mode & 0o777 == 0o700
    assert own not in tempfiles.remove_stale()  # a running process's folder stays
