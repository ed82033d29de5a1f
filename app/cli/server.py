"""``server setup``, ``server grant``, ``server revoke`` and ``server users``: who may do what on a
shared PostgreSQL server (the rights themselves are the server's: ``db.server_roles``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli.common import EXIT_OK, open_database, print_json
from app.errors import ConveneError, ValidationError
from app.i18n import tr


def add_parsers(commands: Any) -> None:
    """Add ``server`` and its sub-commands to the CLI's sub-command parsers."""
    server = commands.add_parser(
        "server", help=tr("roles and rights on a shared PostgreSQL server")
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    actions.add_parser(
        "setup",
        help=tr("upgrade the schema and make the roles viewer, editor and admin (repeatable)"),
    )
    grant = actions.add_parser("grant", help=tr("give a login the rights of one role"))
    grant.add_argument("login", metavar="LOGIN")
    grant.add_argument("role", choices=("viewer", "editor", "admin"))
    revoke = actions.add_parser("revoke", help=tr("take every Convene role from a login"))
    revoke.add_argument("login", metavar="LOGIN")
    users = actions.add_parser("users", help=tr("list the logins and their roles"))
    users.add_argument("--json", action="store_true", help=tr("print JSON"))


def _on_server(args: argparse.Namespace, work: Callable[[Any], Any]) -> Any:
    """Run ``work(connection)`` in one transaction on the PostgreSQL server of ``--db``."""
    from app.database_messages import database_message
    from db.errors import is_permission_denied
    from db.server_roles import ServerRoleError

    database, _ = open_database(args)
    try:
        if not database.is_postgresql:
            raise ConveneError(
                tr("the server commands work on a PostgreSQL server (--db postgresql://…)")
            )
        with database.engine.begin() as connection:
            return work(connection)
    except ServerRoleError as exc:
        raise ConveneError(database_message(str(exc))) from exc
    except Exception as exc:
        if not is_permission_denied(exc):
            raise
        raise ValidationError.single(
            "server", tr("Your login may not manage Convene's roles on this server")
        ) from exc
    finally:
        database.dispose()


def cmd_setup(args: argparse.Namespace) -> int:
    from db.server_roles import set_up_server

    _on_server(args, set_up_server)
    print(tr("The server is set up: roles convene_viewer, convene_editor and convene_admin."))
    return EXIT_OK


def cmd_grant(args: argparse.Namespace) -> int:
    from db.server_roles import grant_role

    _on_server(args, lambda connection: grant_role(connection, args.login, args.role))
    said = {
        "viewer": tr("{login} is now a viewer."),
        "editor": tr("{login} is now an editor."),
        "admin": tr("{login} is now an admin."),
    }
    print(said[args.role].format(login=args.login))
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from db.server_roles import revoke_roles

    _on_server(args, lambda connection: revoke_roles(connection, args.login))
    print(tr("{login} no longer has a Convene role.").format(login=args.login))
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    from db.server_roles import list_users

    users = _on_server(args, list_users)
    if args.json:
        print_json({"users": users})
    elif not users:
        print(tr("No login has a Convene role yet."))
    else:
        width = max(len(u["login"]) for u in users)
        for user in users:
            print(f"{user['login']:<{width}}  {user['role']}")
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("server", "setup"): cmd_setup,
    ("server", "grant"): cmd_grant,
    ("server", "revoke"): cmd_revoke,
    ("server", "users"): cmd_users,
}
