"""``sync export``, ``sync apply``, ``sync status`` and ``sync conflicts``: offices that work
apart exchange packages (see ``app.sync``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_database, print_json


def add_parsers(commands: Any) -> None:
    sync = commands.add_parser("sync", help="exchange packages of changes with other offices")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a package of changes for another office")
    export.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    export.add_argument("--to", metavar="CODE", help="the office it is for (default: everything)")
    export.add_argument("--json", action="store_true", help="print JSON")
    apply = actions.add_parser("apply", help="apply a package from another office")
    apply.add_argument("file", metavar="FILE", type=Path)
    apply.add_argument("--json", action="store_true", help="print JSON")
    status = actions.add_parser("status", help="this office and what has travelled where")
    status.add_argument("--json", action="store_true", help="print JSON")
    conflicts = actions.add_parser("conflicts", help="the open conflicts to settle")
    conflicts.add_argument("--json", action="store_true", help="print JSON")


def cmd_export(args: argparse.Namespace) -> int:
    from app.sync.exporting import export_package
    from app.sync.package import passphrase_from_environment

    passphrase = passphrase_from_environment()
    database, _ = open_database(args)
    try:
        with database.session_scope() as session:
            result = export_package(session, args.output, passphrase, args.to)
    finally:
        database.dispose()
    if args.json:
        print_json(result.as_json())
    else:
        offices = ", ".join(f"{n} of {o}" for o, n in sorted(result.by_office.items())) or "none"
        print(f"Package written to {result.path}: {result.changes} changes ({offices}).")
    return EXIT_OK


def cmd_apply(args: argparse.Namespace) -> int:
    from app.sync.applying import apply_package
    from app.sync.package import passphrase_from_environment, read_package

    document = read_package(args.file, passphrase_from_environment())
    database, _ = open_database(args)
    try:
        with database.session_scope() as session:
            result = apply_package(session, document, str(args.file))
    finally:
        database.dispose()
    if args.json:
        print_json(result.as_json())
    else:
        print(
            f"Applied the package from {result.source}: {result.applied} changes applied,"
            f" {result.already_seen} already here, {result.conflicts} conflicts,"
            f" {result.possible_duplicates} possible duplicates."
        )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from app.sync.status import sync_status

    database, _ = open_database(args)
    try:
        with database.session_scope() as session:
            status = sync_status(session)
    finally:
        database.dispose()
    if args.json:
        print_json(status)
        return EXIT_OK
    me = status["office"]
    print(f"This office: {me['name'] or '(no name)'} ({me['code']}), {me['changes']} changes made")
    for other in status["offices"]:
        received = other["received_at"] or "never"
        print(
            f"  {other['code']:<8} {other['name'] or '':<20} received {other['received']}"
            f" changes (last {received}); not yet sent to it: {other['not_yet_received']}"
        )
    print(f"Open conflicts: {status['open_conflicts']};"
          f" possible duplicates: {status['possible_duplicates']}")  # fmt: skip
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from app.sync.status import open_conflicts

    database, _ = open_database(args)
    try:
        with database.session_scope(readonly=True) as session:
            conflicts = open_conflicts(session)
    finally:
        database.dispose()
    if args.json:
        print_json(conflicts)
        return EXIT_OK
    if not conflicts:
        print("No open conflicts.")
    for c in conflicts:
        print(
            f"{c['record']} — {c['field']}: kept {c['kept']['value']!r} ({c['kept']['office']},"
            f" {c['kept']['when']}), not {c['lost']['value']!r} ({c['lost']['office']},"
            f" {c['lost']['when']})"
        )
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("sync", "export"): cmd_export,
    ("sync", "apply"): cmd_apply,
    ("sync", "status"): cmd_status,
    ("sync", "conflicts"): cmd_conflicts,
}
