"""Runs the importer on one file after another, each in its own forked process with a memory
limit and a deadline, and reports for each what a user would get and what it cost.

Started once per test module (``ImportProbe``), it imports Convene and then forks for every
file, so a case costs a fork instead of a Python start-up. Each case runs ``open_list`` and then
``plan_import`` (or, asked to ``commit``, ``import_list``) against the database and event given
in the request and ends in one JSON line: ``outcome`` is ``plan``, ``imported``, ``refused``
(with the message and error type), ``crash`` (an exception that is not a user message, with its
traceback), ``killed`` (by the memory limit or a signal) or ``timeout``; with ``seconds``, the
peak resident memory of the importing process ``importer_peak_mb`` (which counts the pages it
shares with this process after the fork) and ``reader_peak_mb``, the peak of the
spreadsheet-reading child process (python-calamine), if there was one.

Usage: ``python -m tests.import_probe`` and one JSON request a line on stdin:
``{"path": FILE, "database": DB, "event": REF, "commit": false}``.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from app.errors import ConveneError
from app.importing.importer import import_list, open_list, plan_import
from db.engine import open_database

CASE_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024  # on top of what this process already uses
CASE_DEADLINE_SECONDS = 60


def run_case(database_path: str, event_ref: str, path: str, commit: bool) -> dict[str, Any]:
    """What the importer gives for ``path``: a plan (or import) or a user message."""
    database = open_database(database_path)
    try:
        understood = open_list(database, path)
        if commit:
            summary = import_list(database, understood, event_ref).summary()
            return {"outcome": "imported", "added": summary["added_to_event"]}
        counts = plan_import(database, understood, event_ref).counts()
        return {"outcome": "plan", "rows": counts["rows_read"], "people": counts["people_created"]}
    except ConveneError as exc:
        return {"outcome": "refused", "type": type(exc).__name__, "message": str(exc)}
    except BaseException as exc:
        return {"outcome": "crash", "type": type(exc).__name__, "traceback": traceback.format_exc()}
    finally:
        database.dispose()


def _virtual_memory_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _in_child(request: dict[str, Any], stderr_path: str, out: int) -> None:
    os.setpgid(0, 0)  # its own process group: a deadline kills the reading child too
    limit = _virtual_memory_bytes() + CASE_MEMORY_LIMIT_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    errors = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(errors, 2)
    try:
        result = run_case(
            request["database"], request["event"], request["path"], bool(request.get("commit"))
        )
        for key, who in (("importer_peak_mb", resource.RUSAGE_SELF),
                         ("reader_peak_mb", resource.RUSAGE_CHILDREN)):  # fmt: skip
            result[key] = round(resource.getrusage(who).ru_maxrss / 1024, 1)
        data = json.dumps(result).encode()
    except BaseException:
        data = json.dumps({"outcome": "crash", "traceback": traceback.format_exc()}).encode()
    while data:
        data = data[os.write(out, data) :]
    os._exit(0)


def probe(request: dict[str, Any]) -> dict[str, Any]:
    """Run one case in a forked child and describe what happened."""
    read_end, write_end = os.pipe()
    with tempfile.NamedTemporaryFile(prefix="probe-stderr-", delete=False) as stderr_file:
        stderr_path = stderr_file.name
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _in_child(request, stderr_path, write_end)
    os.close(write_end)
    chunks, timed_out = [], False
    while True:
        left = started + CASE_DEADLINE_SECONDS - time.monotonic()
        ready, _, _ = select.select([read_end], [], [], max(left, 0))
        if not ready:
            timed_out = True
            os.killpg(pid, signal.SIGKILL)
            break
        chunk = os.read(read_end, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    seconds = time.monotonic() - started
    stderr_text = Path(stderr_path).read_text(errors="replace")
    os.unlink(stderr_path)
    if timed_out:
        result: dict[str, Any] = {"outcome": "timeout"}
    elif chunks:
        result = json.loads(b"".join(chunks))
    else:
        result = {"outcome": "killed", "status": status}
    result.update(seconds=round(seconds, 3), stderr=stderr_text)
    return result


class ImportProbe:
    """The test's side: a running probe process."""

    def __init__(self) -> None:
        root = Path(__file__).resolve().parent.parent
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.import_probe"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        assert json.loads(self._process.stdout.readline()) == {"ready": True}

    def run(
        self, path: Path, database: Path, event: str, *, commit: bool = False
    ) -> dict[str, Any]:
        """What importing ``path`` into ``event`` of ``database`` gives (see the module doc)."""
        assert self._process.stdin is not None and self._process.stdout is not None
        request = {"path": str(path), "database": str(database), "event": event, "commit": commit}
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        return json.loads(self._process.stdout.readline())

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=30)


def main() -> None:
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(probe(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
