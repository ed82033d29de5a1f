"""Copies of SQLite files that are whole or absent: the backups, the copy kept before an upgrade,
the copy kept by a restore.

A copy is read through SQLite's online backup API (so changes still in the source's ``-wal`` are
included, and a database in use is copied consistently), written to a temporary name in the
destination's folder, flushed to disk, and only then given its final name, which it never
overwrites. A copy killed half-way leaves no file under a final name; the temporary one is
removed by the next start (``db.tempfiles``).

Paths are opened as properly quoted ``file:`` URIs (``Path.as_uri``), so any name a user can type
— ``#``, ``?``, ``%20``, spaces, non-ASCII — names the file it says.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from db import tempfiles

PARTIAL_SUFFIX = ".partial"  # "<folder>/.<final name>.<pid>.partial" while being written


class BackupError(Exception):
    """A backup could not be written or a file cannot be restored; the message says why."""


def readonly_uri(path: Path) -> str:
    """The ``file:`` URI opening ``path`` read-only, every special character quoted."""
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to the SQLite file at ``path`` (never creates a file)."""
    return sqlite3.connect(readonly_uri(path), uri=True)


def partial_path(destination: Path) -> Path:
    return destination.with_name(f".{destination.name}.{os.getpid()}{PARTIAL_SUFFIX}")


def remove_partials(folder: Path) -> None:
    """Remove the files of copies into ``folder`` whose process has ended (their tracking is
    done by ``db.tempfiles``; this also catches those of a process killed before that ran)."""
    if not folder.is_dir():
        return
    for path in folder.glob(f".*{PARTIAL_SUFFIX}*"):
        pid = path.name.rsplit(PARTIAL_SUFFIX, 1)[0].rsplit(".", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not tempfiles.process_alive(int(pid)):
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def written_in_place(destination: Path) -> Iterator[Path]:
    """Yield a temporary owner-only path beside ``destination`` to write a SQLite file to; when
    the block ends normally the file is synced and renamed to ``destination`` (which must not
    exist), otherwise it is removed."""
    folder = destination.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another file name")
    temporary = partial_path(destination)
    with tempfiles.tracked(temporary):
        try:
            tempfiles.remove_sqlite_file(temporary)
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            yield temporary
            _sync(temporary)
            _publish(temporary, destination)
            _sync(folder)
        finally:
            tempfiles.remove_sqlite_file(temporary)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(temporary: Path, destination: Path) -> None:
    """Give ``temporary`` its final name without ever replacing a file already there."""
    try:
        os.link(temporary, destination)
    except FileExistsError as exc:
        raise BackupError(f"{destination} already exists; choose another file name") from exc
    except OSError:  # a file system without hard links (some USB sticks): check, then rename
        if destination.exists():
            raise BackupError(f"{destination} already exists; choose another file name") from None
        os.replace(temporary, destination)
        return
    temporary.unlink()


def sqlite_online_copy(source: Path, destination: Path) -> None:
    """Copy the SQLite file ``source`` (through its WAL) into the new owner-only ``destination``."""
    try:
        connection = connect_readonly(source)
    except sqlite3.Error as exc:
        raise BackupError(f"could not open {source}: {exc}") from exc
    try:
        _write_with(lambda target: connection.backup(target), destination, source)
    finally:
        connection.close()


def _write_with(
    copy: Callable[[sqlite3.Connection], None], destination: Path, source: Path | None = None
) -> None:
    try:
        with written_in_place(destination) as temporary:
            target = sqlite3.connect(temporary)
            try:
                copy(target)
                # A backup is one self-contained file: no -wal beside it.
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
    except sqlite3.Error as exc:
        raise BackupError(f"could not copy {source or 'the database'}: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"could not write {destination}: {exc.strerror or exc}") from exc
