"""Every main window and dialog fits a field office's laptop (1366×768) without a scroll area
that has to scroll sideways (issue 20, point 4): ``tools.screenshots --laptop`` opens them all on
the sample data, saves each, and fails naming any that would scroll."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_window_fits_1366_by_768(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.screenshots", "--laptop", str(tmp_path)],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "scrolls sideways" not in result.stdout
    shots = {p.stem for p in tmp_path.glob("*.png")}
    assert {"main-events", "event-participants", "person-history", "merge-organizations",
            "import-2-columns", "import-3-plan", "certificates", "already-recorded"} <= shots  # fmt: skip
