"""Screenshots of every page of the import wizard with the messy Russian list, into
``docs/screenshots/import-*.png``: ``QT_QPA_PLATFORM=offscreen uv run python -m tools.import_wizard_screenshots``.

The database holds the sample data, the English list of the same conference already imported
into the CABMI conference, and a namesake, so the plan shows matches across scripts, an unsure
match, a bad e-mail address and the ignored title, blank, heading and totals rows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.database import prepare_database
from app.importing.importer import import_list, open_list
from app.sample_data import load_demo
from app.services import events, people

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
OUT = ROOT / "docs" / "screenshots"


def prepared_database(folder: Path):  # type: ignore[no-untyped-def]
    database, _ = prepare_database(folder / "convene.sqlite")
    with database.session_scope() as session:
        load_demo(session)
    import_list(database, open_list(database, FIXTURES / "en_conference.xlsx"), "2022-001")
    with database.session_scope() as session:
        people.create_person(session, family_name="Osmonov", given_name="Nurlan",
                             nationality="KG", position="Customs officer")  # fmt: skip
    return database


def wizard_state() -> str:
    """The texts the wizard shows, to say where it got stuck."""
    return " | ".join(
        w.text()
        for w in QApplication.allWidgets()
        if w.metaObject().className() == "QLabel" and w.isVisible() and w.text()
    )


def wait(app: QApplication, condition, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError(f"the wizard did not get there: {wizard_state()}")
        time.sleep(0.02)


def main() -> None:
    from ui.application import use_shipped_font
    from ui.import_wizard import ImportWizard

    app = QApplication.instance() or QApplication(sys.argv)
    use_shipped_font(app)  # as the application does
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = prepared_database(Path(folder))
        with database.session_scope(readonly=True) as session:
            event_id = events.find_event(session, "2025-001").id
        wizard = ImportWizard(database)
        wizard.show()
        page = wizard.file_page
        page.event_box.setCurrentIndex(page.event_box.findData(str(event_id)))
        page.open_file(str(FIXTURES / "ru_conference.xlsx"))
        wait(app, lambda: page.reading is None)
        app.processEvents()
        wizard.grab().save(str(OUT / "import-1-file.png"))
        wizard.next()
        app.processEvents()
        wizard.grab().save(str(OUT / "import-2-columns.png"))
        wizard.next()
        wait(app, lambda: wizard.plan is not None)
        app.processEvents()
        plan_page = wizard.plan_page
        outcomes = [plan_page.model.planned(i).outcome for i in range(plan_page.model.rowCount())]
        unsure = outcomes.index("ambiguous")
        plan_page.table.selectRow(unsure)
        app.processEvents()
        wizard.grab().save(str(OUT / "import-3-plan.png"))
        plan_page.choice.setCurrentIndex(0)
        plan_page._apply_choice()
        wizard.next()
        wizard.import_page.bar.setRange(0, 100)
        wizard.import_page.bar.setValue(40)
        wizard.import_page.status.setText("Adding participations…")
        wizard.grab().save(str(OUT / "import-4-progress.png"))
        wait(app, lambda: wizard.currentPage() is wizard.summary_page)
        app.processEvents()
        wizard.grab().save(str(OUT / "import-5-summary.png"))
        wizard.close()
        database.dispose()
    for path in sorted(OUT.glob("import-*.png")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
