"""What every command module of the command line shares: exit codes, the usage error, JSON
output, and opening the database. The modules import this, never ``app.cli`` itself (no import
cycle)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

from app.i18n import tr

EXIT_OK, EXIT_REFUSED, EXIT_UNUSABLE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage; exit code 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a usage problem in one line, and never exits itself."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_lang(parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("en", "ru")) -> None:
    """A command's own ``--lang``. Left unset when not given (``SUPPRESS``), so that the global
    ``convene --lang ru COMMAND`` still holds; the command reads it with ``language``."""
    parser.add_argument("--lang", choices=choices, default=argparse.SUPPRESS)


def language(args: argparse.Namespace, default: str = "en") -> str:
    """The language a command writes in: its own ``--lang``, else the global one, else
    ``default``."""
    return getattr(args, "lang", None) or default


def date(text: str) -> dt.date:
    """An argument type: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("'{text}' is not a date (use YYYY-MM-DD)").format(text=text)
        ) from None


def print_json(document: Any) -> None:
    """``document`` as ``json.dump(…, indent=2)`` writes it; a value that is an iterator (the
    problems of a list that has one on every row) is written item by item, never held whole."""
    streamed = isinstance(document, dict) and any(
        isinstance(v, Iterator) for v in document.values()
    )
    if not streamed:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    write = sys.stdout.write
    for index, (key, value) in enumerate(document.items()):
        write(("{" if index == 0 else ",") + "\n  " + json.dumps(key, ensure_ascii=False) + ": ")
        if not isinstance(value, Iterator):
            write(_nested(value, 1))
            continue
        empty = True
        for item in value:
            write(("[" if empty else ",") + "\n    " + _nested(item, 2))
            empty = False
        write("[]" if empty else "\n  ]")
    write("\n}\n")


def _nested(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it ``depth`` levels down (a JSON text holds
    no line break of its own: its strings' are escaped)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def open_database(args: argparse.Namespace, *, create: bool = False) -> tuple[Any, Any]:
    """The database of ``--db`` (or the default), upgraded, and how it was upgraded. Only the
    commands that add records (``create=True``: init, demo, events add, restore) make a SQLite
    file that is not there; the others, which read or need records already there, refuse a
    missing one in one line."""
    from app.database import prepare_database
    from db.secrets import asks_for_password

    try:
        database, upgrade = prepare_database(args.db, create=create)
    except Exception as exc:
        if not (asks_for_password(exc) and sys.stdin.isatty()):
            raise
        database, upgrade = prepare_database(_with_typed_password(args.db), create=create)
    if upgrade.backup_path is not None:
        print(
            tr("Copied the database to {backup_path} before upgrading it.").format(
                backup_path=upgrade.backup_path
            ),
            file=sys.stderr,
        )
    return database, upgrade


def _with_typed_password(location: str | None) -> str:
    """``location`` with a password typed at the terminal (the server asked for one that
    neither the address, libpq's files nor the keyring gave); it is never written anywhere."""
    import getpass

    from db.engine import resolve_url
    from db.secrets import without_password

    url = resolve_url(location)
    password = getpass.getpass(
        tr("Password for {value}: ").format(value=without_password(str(location or "")))
    )
    return url.set(password=password).render_as_string(hide_password=False)
