"""Every window, dialog and wizard page in Russian: no visible word is left in English.

Walks the same tour as the screenshots (``tools.screenshots.tour``) with the language set to
Russian and reads what a person would see: labels, buttons, menus, tabs, group titles, column
headers, tooltips, placeholders and window titles. A text fails when it is an English message
of the code, or when it is Latin-only words that are not record data.
"""

from __future__ import annotations

import re

# Words that stay as they are in Russian text: names of the program, formats and systems.
KEPT = re.compile(
    r"Convene|PDF|Excel|CSV|SQLite|PostgreSQL|LibreOffice|OSCE|ОБСЕ|CABMI|BOMCA|xlsx?|xlsb|ods"
    r"|sqlite|convene|https?://\S+|[\w.-]+@[\w.-]+|\S+\.(?:xlsx|xls|csv|ods|pdf|sqlite)\b"
    r"|postgresql://\S+|\bID\b|\bUUID\b|Ctrl\+\S+|Shift|Del|Esc|Enter|F5|e-mail|E-mail",
)


def visible_texts(widget):  # type: ignore[no-untyped-def]
    """(where, text) of every word of the interface shown by ``widget`` and its children."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMainWindow,
        QTableView,
        QTabWidget,
        QTreeView,
        QWidget,
        QWizard,
    )

    found = [("window title", widget.windowTitle())]
    if isinstance(widget, QMainWindow):
        for menu_action in widget.menuBar().actions():
            found.append(("menu", menu_action.text()))
            for action in menu_action.menu().actions() if menu_action.menu() else []:
                if not action.objectName().startswith("language_"):  # each in its own language
                    found.append(("menu item", action.text()))
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        found += [("wizard title", page.title()), ("wizard subtitle", page.subTitle())]
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton):  # fmt: skip
            button = widget.button(which)
            if button.isVisible():
                found.append(("wizard button", button.text()))
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        found.append(("tooltip", child.toolTip()))
        if isinstance(child, QLabel):
            found.append(("label", child.text()))
        elif isinstance(child, QAbstractButton):
            found.append(("button", child.text()))
        elif isinstance(child, QLineEdit):
            found.append(("placeholder", child.placeholderText()))
        elif isinstance(child, QGroupBox):
            found.append(("group", child.title()))
        elif isinstance(child, QTabWidget):
            found += [("tab", child.tabText(i)) for i in range(child.count())]
        elif isinstance(child, QComboBox) and child.count() and not child.isEditable():
            found.append(("choice", child.itemText(0)))
        if isinstance(child, (QTableView, QTreeView)) and child.model() is not None:
            model = child.model()
            found += [
                ("column header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())
            ]
        for action in child.actions():
            found += [("action", action.text()), ("tooltip", action.toolTip())]
    return found


def _record_words(database) -> set[str]:  # type: ignore[no-untyped-def]
    """Every text held in the sample's records (titles, names, places…): data, not interface."""
    import sqlalchemy as sa

    words: set[str] = set()
    with database.engine.connect() as connection:
        for table in sa.inspect(connection).get_table_names():
            for row in connection.execute(sa.text(f'SELECT * FROM "{table}"')):
                words.update(v for v in row if isinstance(v, str) and len(v) > 1)
    return words


def english_left(texts, sources: set[str], data: set[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts that are still English: a message of the code, or Latin words not data."""
    left = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>", " ", text or "").replace("&", "").strip()
        if not plain:
            continue
        if plain in sources:
            left.append(f"{where}: {plain}")
            continue
        rest = KEPT.sub(" ", plain)
        for value in sorted(data, key=len, reverse=True):
            if value in rest:
                rest = rest.replace(value, " ")
        if re.search(r"[A-Za-z]{3,}", rest) and not re.search("[А-Яа-яЁё]", rest):
            left.append(f"{where}: {plain}")
    return sorted(set(left))


def test_every_window_dialog_and_wizard_page_shows_russian(qapp, demo_db, settings) -> None:
    from app import i18n
    from tools.screenshots import tour
    from tools.translations import messages_in_code
    from ui.translation import install_language

    sources = {source.replace("&", "") for source, _ in messages_in_code()}
    sources -= {s for s in sources if i18n.translation(s, "") == s}  # the same in both
    data = _record_words(demo_db)
    seen: dict[str, list[str]] = {}

    def check(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):
            qapp.processEvents()
        left = english_left(visible_texts(widget), sources, data)
        if left:
            seen[name] = left

    install_language("ru")
    try:
        tour(qapp, demo_db, settings, check)
    finally:
        install_language("en")
    assert seen == {}, "\n".join(
        f"{name}: {text}" for name, texts in seen.items() for text in texts
    )


def test_empty_lists_and_the_first_page_show_russian(qapp, sqlite_db, settings) -> None:  # type: ignore[no-untyped-def]
    from tools.translations import messages_in_code
    from ui.main_window import MainWindow
    from ui.translation import install_language

    sources = {source.replace("&", "") for source, _ in messages_in_code()}
    install_language("ru")
    try:
        window = MainWindow(sqlite_db, settings)
        window.show()
        left = []
        for row in range(window.navigation.count()):
            window.navigation.setCurrentRow(row)
            qapp.processEvents()
            # the office's code in the window title is data (made up when the file is created)
            left += english_left(visible_texts(window), sources, _record_words(sqlite_db))
        assert "Мероприятия пока не внесены" in window.pages["events"].hint.text()
        window.close()
    finally:
        install_language("en")
    assert sorted(set(left)) == []


def test_the_check_finds_english_left_in_a_dialog(qapp) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from ui.translation import install_language

    install_language("ru")
    try:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(QLabel("Not translated at all"))
        layout.addWidget(QPushButton(widget.tr("Save")))
        texts = visible_texts(widget)
    finally:
        install_language("en")
    assert english_left(texts, {"Save"}, set()) == ["label: Not translated at all"]
