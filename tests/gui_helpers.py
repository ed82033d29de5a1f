"""Helpers for driving real dialogs in pytest-qt tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


def answer_next_dialog(button_text: str, seen: list[str] | None = None, tries: int = 50) -> None:
    """When the next modal message box opens, record its text and click ``button_text``."""
    seen = seen if seen is not None else []

    def poll(remaining: int = tries) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.text()} {box.informativeText()}".strip())
            for button in box.buttons():
                if button.text().replace("&", "") == button_text:
                    button.click()
                    return
            raise AssertionError(
                f"no button {button_text!r} in {[b.text() for b in box.buttons()]}"
            )
        if remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)


def click(button: QAbstractButton) -> None:
    button.click()
    QApplication.processEvents()


def cell(table: Any, row: int, column: int) -> str:
    return table.model().index(row, column).data()


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, any script (QTest only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
