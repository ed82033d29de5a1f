"""Persistence: models, engines and sessions, migrations and backups. Imports nothing from app/ or ui/.

This package module itself stays free of SQLAlchemy: start-up reads the locations from here."""

from pathlib import Path
from urllib.parse import unquote

import platformdirs

APP_NAME = "Convene"  # names the per-user data, log and settings folders
DEFAULT_FILE_NAME = "convene.sqlite"


def default_data_dir() -> Path:
    """The per-user folder holding the default database and its backups."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_sqlite_path() -> Path:
    return default_data_dir() / DEFAULT_FILE_NAME


def sqlite_path_of(location: str) -> Path | None:
    """The file a ``--db`` value names when it is a plain SQLite path (or ``sqlite:///`` URL);
    None for other URLs. Needs no SQLAlchemy (see ``db.engine.resolve_url`` for the rest)."""
    value = location.strip()
    if value.startswith("sqlite:///"):
        value = unquote(value[len("sqlite:///") :])  # as SQLAlchemy reads the URL: %20 is a space
    elif "://" in value or value.startswith("sqlite:"):
        return None
    return Path(value).expanduser().resolve() if value else None
