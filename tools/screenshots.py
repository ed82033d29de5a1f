"""Save screenshots of the main screens, on the sample data, for the README and for review.

    QT_QPA_PLATFORM=offscreen uv run python -m tools.screenshots [OUTPUT_FOLDER]
    QT_QPA_PLATFORM=offscreen uv run python -m tools.screenshots --laptop [OUTPUT_FOLDER]
    QT_QPA_PLATFORM=offscreen uv run python -m tools.screenshots --lang ru [OUTPUT_FOLDER]

``--lang ru``: every main window, dialog and wizard page in that language, in
``docs/screenshots/ru/``. ``--laptop``: every main window and dialog at most 1366×768 (a field office's laptop), in
``docs/screenshots/1366/``, each checked for a scroll area that would need to scroll sideways.

Uses a fresh SQLite database in a temporary folder (the sample data loaded), never yours.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _sample_application():  # type: ignore[no-untyped-def]
    """The Qt application (settings in a temporary folder, never the user's) and a fresh
    database holding the sample data."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.database import prepare_database
    from app.sample_data import load_demo

    work = Path(tempfile.mkdtemp(prefix="convene-shots-"))
    atexit.register(shutil.rmtree, work, True)  # the sample database goes with the run
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    from ui.application import use_shipped_font

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Convene")
    app.setOrganizationName("Convene")
    use_shipped_font(app)  # as the application does
    database, _ = prepare_database(work / "sample.sqlite")
    with database.session_scope() as session:
        load_demo(session)
    return app, database


def main() -> int:

    arguments = [a for a in sys.argv[1:] if a != "--laptop"]
    if arguments[:1] == ["--lang"] or any(a.startswith("--lang=") for a in arguments):
        lang = arguments[1] if arguments[:1] == ["--lang"] else arguments[0].split("=", 1)[1]
        arguments = arguments[2:] if arguments[:1] == ["--lang"] else arguments[1:]
        return language(
            lang, Path(arguments[0]) if arguments else ROOT / "docs" / "screenshots" / lang
        )
    if "--laptop" in sys.argv[1:]:
        return laptop(Path(arguments[0]) if arguments else ROOT / "docs" / "screenshots" / "1366")
    out = Path(arguments[0]) if arguments else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app, database = _sample_application()

    from app.sample_data import sample_id
    from ui.main_window import MainWindow
    from ui.merge_dialog import MergeDialog
    from ui.settings import Settings

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
    synchronise(database, window, save)
    window.close()
    database.dispose()
    return 0


def tour(app, database, settings, save) -> None:  # type: ignore[no-untyped-def]
    """Open every main window, dialog and wizard page on the sample data, calling
    ``save(widget, name)`` for each as it is shown (the screenshots, and the test that every
    visible word is translated, walk the same way)."""
    from app.people_at_entry import people_alike
    from app.sample_data import sample_id
    from ui.alike_dialog import AlikeDialog
    from ui.certificate_dialog import CertificatesDialog
    from ui.database_dialogs import ConnectionDialog, PasswordDialog
    from ui.import_wizard import ImportWizard
    from ui.main_window import MainWindow
    from ui.merge_dialog import MergeDialog
    from ui.privacy_actions import RetentionDialog
    from ui.report_dialogs import EventReportOptionsDialog, PeriodReportDialog

    window = MainWindow(database, settings)
    window.resize(1366, 768)
    window.show()
    for row, name in enumerate(("events", "people", "organisations", "projects", "bin")):
        window.navigation.setCurrentRow(row)
        save(window, f"main-{name}")
    names = ("details", "description", "participants", "partners", "summary", "changes")
    event = window.show_record("events", sample_id("bcp-transit-corridors-2025"))
    event.resize(1366, 768)
    for index in range(event.tabs.count()):
        event.tabs.setCurrentIndex(index)
        save(event, f"event-{names[index] if index < len(names) else index}")
    person = window.show_record("people", sample_id("tm-1"))
    for index in range(person.tabs.count()):
        person.tabs.setCurrentIndex(index)
        save(person, f"person-{('details', 'history', 'changes')[min(index, 2)]}")
    for section, record in (("organizations", "tm-border"), ("projects", None)):
        if record is None:
            window.navigation.setCurrentRow(3)
            form = window.show_record(section, None)
        else:
            form = window.show_record(section, sample_id(record))
        for index in range(form.tabs.count()):
            form.tabs.setCurrentIndex(index)
            save(form, f"{section[:-1]}-{index}")
        form.close()
    for section, first, second in (
        ("people", sample_id("tm-1"), sample_id("tm-7")),
        ("organizations", sample_id("tm-border"), sample_id("tm-customs")),
    ):
        merge = MergeDialog(database, section, first, second, window)
        merge.show()
        save(merge, f"merge-{section}")
        merge.close()
    for name, dialog in (
        ("period-report", PeriodReportDialog(database, window)),
        ("event-report-options", EventReportOptionsDialog(window)),
        ("retention-review", RetentionDialog(database, settings, window)),
        ("open-shared", ConnectionDialog(settings, window)),
        ("password", PasswordDialog("convene@server/convene", False, window)),
        (
            "certificates",
            CertificatesDialog(database, sample_id("bcp-transit-corridors-2025"), window),
        ),
    ):
        dialog.show()
        save(dialog, name)
        dialog.close()
    with database.session_scope(readonly=True) as session:
        alike = people_alike(session, {"family_name": "Rahimov", "given_name": "Farrukh"})
    dialog = AlikeDialog("Rahimov Farrukh", alike, window)
    dialog.show()
    save(dialog, "already-recorded")
    dialog.close()
    wizard = ImportWizard(database, sample_id("bcp-transit-corridors-2025"), window)
    wizard.resize(1366, 768)
    wizard.show()
    save(wizard, "import-0-empty")
    wizard.file_page.open_file(str(ROOT / "tests" / "fixtures" / "import" / "ru_conference.xlsx"))
    while wizard.file_page.reading is not None:
        app.processEvents()
    save(wizard, "import-1-file")
    wizard.next()
    save(wizard, "import-2-columns")
    wizard.next()
    while wizard.plan is None:
        app.processEvents()
    save(wizard, "import-3-plan")
    wizard.next()
    while wizard.currentPage() is not wizard.summary_page:
        app.processEvents()
    save(wizard, "import-4-summary")
    wizard.close()
    for widget in (person, event):
        widget.close()
    synchronise(database, window, save)
    window.close()


def synchronise(database, window, save) -> None:  # type: ignore[no-untyped-def]
    """File → Synchronise after a package from a second office: both offices changed the same
    event's city before either saw the other's change (a conflict), and each entered the same
    person in its own script (a possible duplicate). The sample database is the first office."""
    from app.database import prepare_database
    from app.sample_data import sample_id
    from app.services import events, people
    from app.sync.applying import apply_package
    from app.sync.exporting import build_package
    from app.sync.offices import set_this_office
    from ui.sync_dialog import SyncDialog

    folder = Path(tempfile.mkdtemp(prefix="convene-shots-sync-"))
    other, _ = prepare_database(folder / "kz.sqlite")
    try:
        with database.session_scope() as session:
            set_this_office(session.connection(), "TM", "Ashgabat")
        with other.session_scope() as session:
            set_this_office(session.connection(), "KZ", "Almaty")
        for source, target, code in ((database, other, "KZ"), (other, database, "TM")):
            with source.session_scope() as session:
                document = build_package(session, code)
            with target.session_scope() as session:
                apply_package(session, document)
        event_id = sample_id("bcp-transit-corridors-2025")
        for office, city in ((database, "Turkmenbashi"), (other, "Aktau")):
            with office.session_scope() as session:
                events.update_event(session, event_id, None, city=city)
        with database.session_scope() as session:
            people.create_person(session, family_name="Ataev", given_name="Batyr", sex="male")
        with other.session_scope() as session:
            people.create_person(
                session, family_name_local="Атаев", given_name_local="Батыр", sex="male"
            )
        with other.session_scope() as session:
            document = build_package(session, "TM")
        with database.session_scope() as session:
            apply_package(session, document)
    finally:
        other.dispose()
        shutil.rmtree(folder, True)
    dialog = SyncDialog(database, window)
    dialog.show()
    save(dialog, "sync-dialog")
    dialog.tabs.setCurrentIndex(1)
    save(dialog, "sync-conflicts")
    dialog.tabs.setCurrentIndex(2)
    save(dialog, "sync-duplicates")
    dialog.close()


def laptop(out: Path) -> int:
    """Every main window and dialog fitted into 1366×768; returns 1 if one scrolls sideways."""
    from PySide6.QtWidgets import QAbstractScrollArea

    from ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    app, database = _sample_application()
    wide: list[str] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        size = widget.size()
        widget.resize(min(size.width(), 1366), min(size.height(), 768))
        for _ in range(3):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        for area in widget.findChildren(QAbstractScrollArea):
            bar = area.horizontalScrollBar()
            if area.isVisible() and bar.maximum() > 0 and area.objectName() != "preview":
                wide.append(f"{name}: {type(area).__name__} {area.objectName()}")
        print(out / f"{name}.png")

    tour(app, database, Settings(), save)
    database.dispose()
    for line in wide:
        print("scrolls sideways:", line)
    return 1 if wide else 0


def language(lang: str, out: Path) -> int:
    """Every main window, dialog and wizard page in ``lang``, at 1366×768 at most."""
    from ui.settings import Settings
    from ui.translation import install_language

    out.mkdir(parents=True, exist_ok=True)
    app, database = _sample_application()
    install_language(lang)

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        size = widget.size()
        widget.resize(min(size.width(), 1366), min(size.height(), 768))
        for _ in range(3):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    tour(app, database, Settings(), save)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
