"""The ``import`` command: read a list, show the plan, write it (unless ``--dry-run``).

Ambiguous rows are not guessed at here: they are left out with the candidates named, so the
coordinator can settle them in the import wizard (or add an e-mail column and import again).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, EXIT_REFUSED, open_database, print_json
from app.cli.registers import add_register_arguments, import_many, wants_many
from app.i18n import tr, tr_n
from app.importing.vocabulary import FIELDS


def add_parsers(commands: Any) -> None:
    """Register ``import`` on the CLI's sub-command parsers."""
    fields = ", ".join(f for f in FIELDS if f != "day")
    parser = commands.add_parser("import", help=tr("import an attendee list into an event"))
    parser.add_argument(
        "file", metavar="FILE", type=Path, help=tr(".xlsx, .xls, .xlsb, .ods, .csv, .mdb or .accdb")
    )
    parser.add_argument("--event", metavar="REF", help=tr("the event reference or id"))
    parser.add_argument("--sheet", metavar="NAME", help=tr("the sheet (default: the list)"))
    parser.add_argument(
        "--header-row", type=int, metavar="N", help=tr("the row holding the headers")
    )
    parser.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD",
        help=tr('read a column (header text or letter) into a field: {fields}').format(fields=fields),
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help=tr("show the plan, write nothing"))
    parser.add_argument(
        "--strict", action="store_true", help=tr("refuse the whole file if any row has a problem")
    )
    parser.add_argument(
        "--errors", metavar="FILE.xlsx", type=Path,
        help=tr("write the skipped and problem rows, with what is wrong, to this workbook"),
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help=tr("print the result as JSON"))
    add_register_arguments(parser)


def cmd_import(args: argparse.Namespace) -> int:
    from app.importing.importer import ImportRefused, import_list, open_list
    from app.importing.mapping import MappingError, parse_overrides

    if args.errors is not None:  # before anything is read or written, not after the import
        args.errors = errors_path(args.errors, args.file)
    if wants_many(args):
        return import_many(args)
    overrides = parse_overrides(args.map)
    if args.header_row is not None and args.header_row < 1:
        raise MappingError("--header-row must be 1 or more.")
    database, _ = open_database(args)
    try:
        understood = open_list(
            database, args.file, sheet=args.sheet, header_row=args.header_row, overrides=overrides
        )
        try:
            outcome = import_list(
                database, understood, args.event, strict=args.strict, dry_run=args.dry_run
            )
        except ImportRefused as exc:
            if args.errors is not None:  # the rows to fix are wanted most when refused
                _write_errors(exc.plan, args.errors)
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_REFUSED
    finally:
        database.dispose()
    if args.json:
        print_json(outcome.summary(streamed=True))
    else:
        _print_plan(outcome)
    if args.errors is not None:
        written = _write_errors(outcome.plan, args.errors)
        if not args.json:
            print(
                tr("{n} to fix written to {errors}").format(
                    n=tr_n("%n row(s)", written), errors=args.errors
                )
            )
    return EXIT_OK


def _write_errors(plan: Any, path: Path) -> int:
    """The ``--errors`` workbook (openpyxl is imported only then: it takes a fifth of a second
    of every import's start otherwise)."""
    from app.importing.error_workbook import write_error_workbook

    return write_error_workbook(plan, path)


def errors_path(errors: Path, listed: Path) -> Path:
    """The ``--errors`` workbook's path once it is known to be writable and not the list being
    imported (writing it would replace the coordinator's list); OutputError otherwise."""
    from app.output_files import OutputError, check_output_path

    target = check_output_path(errors, (".xlsx",))
    if target.exists() and listed.exists():
        same = os.path.samefile(target, listed)
    else:
        same = target.resolve() == listed.expanduser().resolve()
    if same:
        raise OutputError(
            tr(
                "cannot write {target}: it is the list being imported; give --errors another name"
            ).format(target=target)
        )
    return target


_OUTCOME_WORDS = {
    "new": "new",
    "matched": "matched",
    "ambiguous": "unsure",
    "duplicate": "repeat",
    "skipped": "skipped",
    "ignored": "ignored",
}


def _print_plan(outcome: Any) -> None:
    plan = outcome.plan
    understood = plan.understood
    print(
        tr("{name}, sheet '{name2}': headers in row {header_row}").format(
            name=understood.workbook.path.name,
            name2=understood.sheet.name,
            header_row=understood.header_row,
        )
        + (tr(" (layout remembered from an earlier import)") if understood.remembered else "")
    )
    for column in understood.columns:
        field = tr(FIELDS[column.field]) if column.field else tr("not imported")
        print(f"  {column.letter:>3} {column.header[:40]:<40} → {field}")
    for row in plan.rows:
        word = _OUTCOME_WORDS[row.outcome]
        who = row.listed.name
        detail = row.why
        if row.outcome == "matched" and row.candidates:
            detail = f"{row.candidates[0].describe()}: {row.why}"
        print(f"  row {row.row:<5} {word:<8} {who[:40]:<40} {detail}")
        for problem in row.listed.problems:
            print(f"  {'':<9} {'':<8} ! {problem.describe()}")
        for note in row.listed.notes:
            print(f"  {'':<9} {'':<8} · {note}")
    for note in plan.notes:
        print(f"  note: {note}")
    s = outcome.summary()
    verb = tr("Would import") if s["dry_run"] else tr("Imported")
    repeats = plan.counts()["repeats"]
    print(
        tr(
            "{verb} into {event_label}: {n}, {value} matched, {value2} added to the event, {value3} already listed, {n2} ignored, {n3} of an earlier row, {n4} skipped."
        ).format(
            verb=verb,
            event_label=plan.event_label,
            n=tr_n("%n new [person|people]", s["people_created"]),
            value=s["people_matched"],
            value2=s["added_to_event"],
            value3=s["already_in_event"],
            n2=tr_n("%n row(s)", s["ignored"]),
            n3=tr_n("%n repeat(s)", repeats),
            n4=len(s["skipped"]) - repeats,
        )
    )
    if outcome.result is not None and outcome.result.people_updated:
        print(
            tr(
                "{n} got details the database did not have yet (other spelling of the name, e-mail, phone…)."
            ).format(n=tr_n("%n matched [person|people]", outcome.result.people_updated))
        )
    if s["dry_run"]:
        print(tr("Dry run: the database was not changed."))


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("import", None): cmd_import,
}
