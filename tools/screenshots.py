"""Save screenshots of the main screens, on the sample data, for the README and for review.

    QT_QPA_PLATFORM=offscreen uv run python -m tools.screenshots [OUTPUT_FOLDER]

Uses a fresh SQLite database in a temporary folder (the sample data loaded), never yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="convene-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Convene")
    app.setOrganizationName("Convene")

    from app.database import prepare_database
    from app.sample_data import load_demo, sample_id
    from ui.main_window import MainWindow
    from ui.merge_dialog import MergeDialog
    from ui.settings import Settings

    database, _ = prepare_database(work / "sample.sqlite")
    with database.session_scope() as session:
        load_demo(session)

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    window = MainWindow(database, Settings())
    window.resize(1400, 800)
    window.show()
    save(window, "main-window-events")
    window.navigation.setCurrentRow(1)
    save(window, "main-window-people")

    event = window.show_record("events", sample_id("bcp-transit-corridors-2025"))
    event.resize(1200, 760)
    for tab in ("Details", "Participants", "Partners", "Summary"):
        for index in range(event.tabs.count()):
            if event.tabs.tabText(index).startswith(tab):
                event.tabs.setCurrentIndex(index)
                save(event, f"event-form-{tab.lower()}")
    person = window.show_record("people", sample_id("tm-1"))
    save(person, "person-form")
    person.tabs.setCurrentIndex(1)
    save(person, "person-form-history")
    merge = MergeDialog(database, "people", sample_id("tm-1"), sample_id("tm-7"), window)
    merge.show()
    save(merge, "merge-dialog")
    for widget in (merge, person, event):
        widget.close()
    window.close()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
