"""Running ``main.py`` as a user would: a separate process, its exit code, stdout and stderr."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclasses.dataclass
class Outcome:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def convene(
    *args: str,
    db: str | Path | None = None,
    timeout: float = 120,
    env: dict[str, str | None] | None = None,
) -> Outcome:
    """Run ``main.py args`` on ``db``; ``env``: variables set for the process (None: unset)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    environment.pop("CONVENE_DB", None)
    if db is not None:
        environment["CONVENE_DB"] = str(db)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, env=environment, cwd=ROOT, timeout=timeout, check=False,
    )  # fmt: skip
    return Outcome(result.returncode, result.stdout, result.stderr)


def assert_one_clean_line(outcome: Outcome) -> None:
    """A refusal: exactly one line on stderr, no traceback."""
    assert "Traceback" not in outcome.err and "Traceback" not in outcome.out
    lines = [line for line in outcome.err.splitlines() if line.strip()]
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith("error: ")
