"""Every setting the desktop app remembers, declared once with its type and default (over
QSettings): window layout, column widths, the last and recent databases, saved connections,
the language."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from db.secrets import without_password


@dataclasses.dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


OPTIONS = {
    option.key: option
    for option in (
        Option("database/last", "", str),
        Option("database/recent", [], list),
        Option("database/connections", {}, dict),  # name -> URL without password
        Option("window/geometry", QByteArray(), QByteArray),
        Option("window/state", QByteArray(), QByteArray),
        Option("window/splitter", QByteArray(), QByteArray),
        Option("window/list", "events", str),
        Option("language", "", str),  # "en" or "ru"; empty: the system locale decides
        Option("backup/keep", 14, int),  # automatic daily backups kept
        Option("privacy/retention_years", 10, int),  # retention review: no participation since
    )
}
RECENT_LIMIT = 8


class Settings:
    """Typed access to the declared options (and per-list header layouts)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()
        _owner_only(self._store.fileName())

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._store.value(key)
        if raw is None:
            return option.default
        if option.kind in (list, dict):
            try:
                value = json.loads(raw) if isinstance(raw, str) else raw
            except ValueError:
                return option.default
            return value if isinstance(value, option.kind) else option.default
        if option.kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else option.default
        return option.kind(raw)

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        self._store.setValue(key, json.dumps(value) if option.kind in (list, dict) else value)

    def header_state(self, list_name: str) -> QByteArray | None:
        raw = self._store.value(f"lists/{list_name}/header")
        return raw if isinstance(raw, QByteArray) else None

    def set_header_state(self, list_name: str, state: QByteArray) -> None:
        self._store.setValue(f"lists/{list_name}/header", state)

    def remember_database(self, location: str) -> None:
        """Put ``location`` first among the recent databases (never with a password)."""
        location = without_password(location)
        recent = [location, *(r for r in self.get("database/recent") if r != location)]
        self.set("database/recent", recent[:RECENT_LIMIT])
        self.set("database/last", location)

    def sync(self) -> None:
        self._store.sync()
        _owner_only(self._store.fileName())


def _owner_only(file_name: str) -> None:
    """Settings name the databases used: readable by their owner only (new files are, through
    the process's umask; this also mends a file written by an older version)."""
    with contextlib.suppress(OSError):
        path = Path(file_name)
        if path.is_file() and path.stat().st_mode & 0o077:
            path.chmod(0o600)
