"""One start of the desktop application (or of a bare Qt window), timed from the process's
start to the first page of events painted; then, for the memory scenario, every list opened and
scrolled. Run as a separate process by ``bench_gui``; prints one JSON line.

    python -m tests.perf.gui_start --bare
    python -m tests.perf.gui_start --db FILE [--browse]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time

STARTED = time.perf_counter()


def rss_mb() -> float:
    """Resident memory now, in MB (from /proc; the peak on systems without it)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--db")
    parser.add_argument("--browse", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convene-bench-settings-")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    if args.bare:
        from PySide6.QtWidgets import QMainWindow, QTableView

        window = QMainWindow()
        window.setCentralWidget(QTableView())
        window.resize(1280, 760)
        window.show()
        window.grab()  # painted
        painted = usable = time.perf_counter() - STARTED
        rows = 0
    else:
        from ui.application import _quick_first_page, finish_opening
        from ui.main_window import MainWindow
        from ui.settings import Settings

        app.setApplicationName("Convene")
        app.setOrganizationName("Convene")
        # What run_gui does: the quick first page painted, then the database opened.
        window = MainWindow(None, Settings(), first_page=_quick_first_page(args.db))
        window.resize(1280, 760)
        window.show()
        window.grab()  # painted
        painted = time.perf_counter() - STARTED
        if not finish_opening(window, args.db, True):
            return 2
        window.grab()
        rows = window.page.model.rowCount()
        usable = time.perf_counter() - STARTED
        if args.browse:
            for section in range(5):
                window.navigation.setCurrentRow(section)
                table = window.page.table
                model = window.page.model
                for row in (model.rowCount() // 2, model.rowCount() - 1, 0):
                    if row > 0:
                        table.scrollTo(model.index(row, 0))
                        window.grab()
    app.processEvents()
    print(
        json.dumps({"painted": painted, "usable": usable, "rss_mb": rss_mb(), "rows": rows}),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
