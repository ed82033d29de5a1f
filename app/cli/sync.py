"""``sync export``, ``sync apply``, ``sync status`` and ``sync conflicts``: offices that work
apart exchange packages (see ``app.sync``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_database, print_json
from app.i18n import tr, tr_n


def add_parsers(commands: Any) -> None:
    sync = commands.add_parser("sync", help=tr("exchange packages of changes with other offices"))
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help=tr("write a package of changes for another office"))
    export.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    export.add_argument(
        "--to", metavar="CODE", help=tr("the office it is for (default: everything)")
    )
    export.add_argument("--json", action="store_true", help=tr("print JSON"))
    apply = actions.add_parser("apply", help=tr("apply a package from another office"))
    apply.add_argument("file", metavar="FILE", type=Path)
    apply.add_argument("--json", action="store_true", help=tr("print JSON"))
    status = actions.add_parser("status", help=tr("this office and what has travelled where"))
    status.add_argument("--json", action="store_true", help=tr("print JSON"))
    conflicts = actions.add_parser("conflicts", help=tr("the open conflicts to settle"))
    conflicts.add_argument("--json", action="store_true", help=tr("print JSON"))


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
        offices = ", ".join(
            tr("{count} of {office}").format(count=n, office=o)
            for o, n in sorted(result.by_office.items())
        ) or tr("none", "changes")
        print(
            tr_n("Package written to {path}: %n change(s) ({offices}).", result.changes).format(
                path=result.path, offices=offices
            )
        )
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
            tr(
                "Applied the package from {source}: changes applied: {applied}, already here:"
                " {already}, conflicts: {conflicts}, possible duplicates: {duplicates}."
            ).format(
                source=result.source, applied=result.applied, already=result.already_seen,
                conflicts=result.conflicts, duplicates=result.possible_duplicates,
            )
        )  # fmt: skip
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
    print(
        tr_n("This office: {name} ({code}), %n change(s) made", me["changes"]).format(
            name=me["name"] or tr("(no name)"), code=me["code"]
        )
    )
    for other in status["offices"]:
        received = other["received_at"] or tr("never", "received")
        said = tr_n(
            "received %n change(s) (last {when}); not yet sent to it: {waiting}", other["received"]
        ).format(when=received, waiting=other["not_yet_received"])
        print(f"  {other['code']:<8} {other['name'] or '':<20} {said}")
    print(
        tr("Open conflicts: {conflicts}; possible duplicates: {duplicates}").format(
            conflicts=status["open_conflicts"], duplicates=status["possible_duplicates"]
        )
    )
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
        print(tr("No open conflicts."))
    for c in conflicts:
        kept, lost = c["kept"], c["lost"]
        print(
            tr(
                "{record} — {field}: kept {kept} ({kept_office}, {kept_when}), not {lost}"
                " ({lost_office}, {lost_when})"
            ).format(
                record=c["record"], field=c["field"], kept=repr(kept["value"]),
                kept_office=kept["office"], kept_when=kept["when"], lost=repr(lost["value"]),
                lost_office=lost["office"], lost_when=lost["when"],
            )
        )  # fmt: skip
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("sync", "export"): cmd_export,
    ("sync", "apply"): cmd_apply,
    ("sync", "status"): cmd_status,
    ("sync", "conflicts"): cmd_conflicts,
}
