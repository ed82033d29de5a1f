"""The command line (a stable contract; see DESIGN.md, "Command line").

Exit codes: 0 done; 1 refused (validation, conflict; nothing written); 2 unusable input or usage
(unknown event, unreadable file, bad option): one clear line on stderr, never a traceback.
``--json`` prints one JSON document on stdout.

One module per command group, each with ``add_parsers(commands)`` and ``COMMANDS`` (what runs
each command); what they share is in ``app.cli.common``, which they import instead of this
package. ``--lang en|ru`` before the command sets ``args.lang`` for every command (a command's
own ``--lang`` after it overrides it; None when neither is given).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from app.cli import certificates, database, events, importing, reports, server, sync
from app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_UNUSABLE, Parser, UsageError
from app.errors import ConflictError, ConveneError, NotFoundError, ValidationError
from app.i18n import tr

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_UNUSABLE", "UsageError", "parse_args", "run"]

log = logging.getLogger(__name__)

# in the order the help lists them
_GROUPS = (database, events, importing, reports, certificates, sync, server)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="convene",
        description=tr("Records of capacity-building events, their participants and partners."),
        epilog=tr("With no command, the desktop application opens."),
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=tr("SQLite file or SQLAlchemy URL (default: CONVENE_DB, else the per-user database)"),
    )
    parser.add_argument(
        "--lang", choices=("en", "ru"), default=None,
        help=tr("the language of the application and of what commands write"),
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in _GROUPS:
        group.add_parsers(commands)
    database.add_copy_parsers(commands)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse ``argv``; raises UsageError (not SystemExit) for bad usage, except --help."""
    return build_parser().parse_args(argv)


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    key: command for group in _GROUPS for key, command in group.COMMANDS.items()
}


def run(args: argparse.Namespace) -> int:
    """Run the command in ``args``; turn every failure into one line on stderr and an exit code."""
    from db.backup import BackupError
    from db.engine import DatabaseLocationError
    from db.migrate import SchemaError

    command = COMMANDS[(args.command, getattr(args, f"{args.command}_command", None))]
    try:
        return command(args)
    except (ValidationError, ConflictError) as exc:
        _fail(str(exc))
        return EXIT_REFUSED
    except (
        NotFoundError,
        BackupError,
        SchemaError,
        DatabaseLocationError,
        ConveneError,
        UsageError,
    ) as exc:
        _fail(str(exc))
        return EXIT_UNUSABLE
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early; the output was fine
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        _fail(tr("interrupted; nothing was written"))
        return EXIT_UNUSABLE
    except Exception as exc:
        from app.database_messages import database_message
        from app.logs import log_path
        from db.errors import describe_database_error, is_permission_denied

        described = database_message(describe_database_error(exc))
        if is_permission_denied(exc):  # a shared server's roles: a refusal, not a failure
            _fail(described)
            return EXIT_REFUSED
        log.exception("command %s failed", args.command)
        _fail(
            tr("{describe_database_error} (details in {log_path})").format(
                describe_database_error=described, log_path=log_path()
            )
        )
        return EXIT_UNUSABLE


def _fail(message: str) -> None:
    from app.database_messages import database_message
    from db.secrets import redact

    print(f"error: {redact(database_message(message))}", file=sys.stderr)
