"""The work the crash-safety test kills: a large import, or a bulk edit of participations, run
through the services in a child process of its own.

``python -m tests.crash_child`` imports Convene once, prints ``ready`` and then takes one JSON
request a line on stdin; for each it forks a worker (so a trial costs a fork, not a Python
start-up) and reports the worker's life on stdout:

- ``{"mode": "import", "database": DB, "list": FILE, "event": REF}``: the worker reads and
  understands the list, prints ``go PID``, then imports it (``import_list``: plan and write in
  one transaction);
- ``{"mode": "edit", "database": DB, "event": REF, "count": N}``: the worker loads N of the
  event's participations, prints ``go PID``, then marks every one a no-show in one transaction
  (``set_participation_status``: one UPDATE and one audit entry each);
- ``{"mode": "sync", "database": DB, "package": FILE, "passphrase": P}``: the worker opens the
  sync package, prints ``go PID``, then applies it (``apply_package``, one transaction);

then ``done PID SECONDS`` (the time since ``go``) once the transaction has committed, and,
from this process, ``exit PID STATUS`` when the worker has ended, however it ended.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.importing.importer import import_list, open_list
from app.services import events, participations
from db.engine import open_database
from db.models import Participation


def work(request: dict[str, Any]) -> None:
    """One trial's work, in the forked worker."""
    database = open_database(request["database"])
    if request["mode"] == "sync":
        from app.sync.applying import apply_package
        from app.sync.package import read_package

        document = read_package(Path(request["package"]), request["passphrase"])
        print(f"go {os.getpid()}", flush=True)
        started = time.perf_counter()
        with database.session_scope() as session:
            apply_package(session, document)
    elif request["mode"] == "import":
        understood = open_list(database, request["list"])
        print(f"go {os.getpid()}", flush=True)
        started = time.perf_counter()
        import_list(database, understood, request["event"])
    else:
        with database.session_scope(readonly=True) as session:
            event = events.find_event(session, request["event"])
            ids = list(session.scalars(
                sa.select(Participation.id).where(Participation.event_id == event.id)
                .order_by(Participation.id).limit(request["count"])))  # fmt: skip
        print(f"go {os.getpid()}", flush=True)
        started = time.perf_counter()
        with database.session_scope() as session:
            participations.set_participation_status(session, ids, "no_show")
    print(f"done {os.getpid()} {time.perf_counter() - started:.3f}", flush=True)
    database.dispose()


class CrashServer:
    """The test's side: starts this module as a process and runs trials in it."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_child"],
            cwd=Path(__file__).resolve().parent.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        assert line, "the crash server ended"
        return line.strip()

    def trial(self, request: dict[str, Any], kill_after: float | None) -> tuple[float | None, int]:
        """Run one piece of work; unless ``kill_after`` is None, SIGKILL its worker that many
        seconds after it said ``go``. Returns the seconds its transaction took if it committed
        (None if it was killed first) and its wait status."""
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        word, pid = self._line().split()[:2]
        assert word == "go", f"the work failed before it started ({word})"
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):  # it finished and was reaped
                os.kill(int(pid), signal.SIGKILL)
        seconds = None
        while True:
            word, _pid, value = self._line().split()
            if word == "done":
                seconds = float(value)
            elif word == "exit":
                return seconds, int(value)

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=30)


def main() -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        pid = os.fork()
        if pid == 0:
            try:
                work(json.loads(line))
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)


if __name__ == "__main__":
    main()
