"""“Already recorded?”: before a person typed in by hand is added as new, the people the import
would take them for are offered first."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people_at_entry import Alike
from ui.import_models import said

NEW = "new"  # the user's answer: a new person after all


class AlikeDialog(QDialog):
    """The recorded people a typed person may be; ``choice`` is the chosen person's id, NEW, or
    None when cancelled (the typed values stay in their fields)."""

    def __init__(self, typed: str, alike: list[Alike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Already recorded?"))
        self.choice: uuid.UUID | str | None = None
        sure = any(a.sure for a in alike)
        question = QLabel(
            (
                self.tr("“{typed}” is already recorded.").format(typed=typed)
                if sure
                else self.tr("“{typed}” may already be recorded.").format(typed=typed)
            )
            + self.tr(" Add the person recorded instead of making a second record of them?")
        )
        question.setWordWrap(True)
        self.people = QListWidget()
        self.people.setObjectName("alike_people")
        self.people.setWordWrap(True)  # long names and organisations wrap, never scroll sideways
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setResizeMode(QListWidget.ResizeMode.Adjust)
        for found in alike:
            item = QListWidgetItem(f"{found.shown}\n    {said(found.why)}")
            item.setData(256, found.person_id)
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.people.itemDoubleClicked.connect(lambda _item: self._use())
        buttons = QDialogButtonBox()
        use = buttons.addButton(
            self.tr("Use the selected person"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        use.setObjectName("use_existing")
        use.setDefault(True)
        new = buttons.addButton(
            self.tr("Add as a new person"), QDialogButtonBox.ButtonRole.ActionRole
        )
        new.setObjectName("add_new_anyway")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        use.clicked.connect(self._use)
        new.clicked.connect(self._new)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.people, 1)
        layout.addWidget(buttons)
        self.resize(620, 300)

    def _use(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.choice = item.data(256)
            self.accept()

    def _new(self) -> None:
        self.choice = NEW
        self.accept()


def ask_alike(parent: QWidget, typed: str, alike: list[Alike]) -> uuid.UUID | str | None:
    dialog = AlikeDialog(typed, alike, parent)
    dialog.exec()
    return dialog.choice
