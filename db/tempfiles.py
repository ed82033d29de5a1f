"""Convene's own folder for temporary files, so that no copy of personal data is left behind.

Temporary files (a restore's staged copy, the XML parts openpyxl writes while exporting, any
``tempfile`` use once ``install`` ran) go in a folder of this process's own under the per-user
cache folder (``~/.cache/Convene/tmp/<pid>-…``, owner-only). The folder is removed when the
process ends normally or on SIGTERM (the CLI and the GUI install handlers that end through the
normal path); a folder left by a process killed outright (SIGKILL, power loss) is removed by the
next Convene process that starts, as are the files it was writing under a temporary name beside
their final place (``tracked``), which it listed in its folder.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from db import APP_NAME

_PENDING = "pending"  # inside a process's folder: one file per path being written elsewhere
_SIDE_FILES = ("", "-journal", "-wal", "-shm")  # a SQLite file under a temporary name, and its own

_own: Path | None = None


def root() -> Path:
    """The folder holding every Convene process's temporary folder."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "tmp"


def own_folder() -> Path:
    """This process's private temporary folder (mode 0700), made on first use."""
    global _own
    if _own is None or not _own.is_dir():
        base = root()
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        base.chmod(0o700)
        _own = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=base))  # mkdtemp: 0700
        atexit.register(remove_own_folder)
    return _own


def remove_own_folder() -> None:
    """Remove this process's folder and any file it was still writing elsewhere."""
    global _own
    if _own is not None and _own.is_dir():
        _remove_folder(_own)
    _own = None


def _remove_folder(folder: Path) -> None:
    pending = folder / _PENDING
    if pending.is_dir():
        for marker in pending.iterdir():
            with contextlib.suppress(OSError, UnicodeDecodeError):
                remove_sqlite_file(Path(marker.read_text("utf-8")))
    shutil.rmtree(folder, ignore_errors=True)


def remove_sqlite_file(path: Path) -> None:
    for side in _SIDE_FILES:
        with contextlib.suppress(OSError):
            Path(f"{path}{side}").unlink()


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: not ours to judge
        return True
    return True


def remove_stale() -> list[Path]:
    """Remove the folders (and tracked partial files) of Convene processes that no longer run;
    returns the folders removed."""
    base = root()
    if not base.is_dir():
        return []
    removed = []
    for folder in base.iterdir():
        pid_text = folder.name.split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or process_alive(int(pid_text)):
            continue
        if folder.is_dir():
            _remove_folder(folder)
        else:
            folder.unlink(missing_ok=True)
        removed.append(folder)
    return removed


@contextlib.contextmanager
def tracked(path: Path) -> Iterator[Path]:
    """Note ``path`` (a file written under a temporary name outside the private folder) for the
    time of the block, so that if this process is killed meanwhile, the next start removes it
    (with its SQLite side files). The caller removes or renames it itself in the normal case."""
    pending = own_folder() / _PENDING
    pending.mkdir(mode=0o700, exist_ok=True)
    marker = pending / hashlib.sha256(os.fsencode(path)).hexdigest()[:32]
    marker.write_text(str(path), "utf-8")
    try:
        yield path
    finally:
        marker.unlink(missing_ok=True)


def install() -> Path:
    """For the CLI and the GUI at start: remove stale folders, then make ``tempfile`` (and so
    openpyxl, and child processes through ``TMPDIR``) write into this process's own folder."""
    remove_stale()
    folder = own_folder()
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    return folder
