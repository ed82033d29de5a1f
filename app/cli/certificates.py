"""The command line of certificates of attendance (DESIGN.md, "Command line"):

    certificates REF -o FILE.pdf [--lang en|ru|both] [--person ID|NAME]
    certificates verify CODE [--json]
    certificates list REF [--json]
    certificates logo FILE | certificates logo --remove

``app.cli`` registers these with ``add_parsers`` and ``COMMANDS`` and turns failures into one
line on stderr (an unknown event or code: exit 2; a person who may not have one: exit 1).
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, add_lang, language, open_database, print_json
from app.errors import ConveneError, NotFoundError

USAGE = (
    "%(prog)s REF -o FILE.pdf [--lang en|ru|both] [--person ID|NAME]\n"
    "       %(prog)s verify CODE [--json]\n"
    "       %(prog)s list REF [--json]\n"
    "       %(prog)s logo FILE | logo --remove"
)

MESSAGES = {
    "output_needed": "give the file to write with -o FILE.pdf",
    "one_argument": "'certificates {action}' takes one argument: {what}",
    "too_many": "'certificates REF' takes one event reference; to verify a code use"
    " 'certificates verify CODE'",
    "logo_file": "cannot read {path}: {reason}",
    "no_person": "no one listed in {event} is '{person}'",
    "several_people": "'{person}' could be any of: {names}; give more of the name, or the id",
}


def add_parsers(commands: Any) -> None:
    """Add ``certificates`` to the CLI's sub-command parsers."""
    parser = commands.add_parser(
        "certificates",
        help="issue, print, verify and list certificates of attendance",
        usage=USAGE,
        description="Certificates of attendance: 'certificates REF -o FILE.pdf' issues (or"
        " reprints the current) certificates of an event's attendees; 'verify CODE' says whose"
        " certificate a verification code is; 'list REF' lists an event's register; 'logo FILE'"
        " sets the logo printed on certificates (kept in the database).",
    )
    parser.add_argument("target", metavar="REF|verify|list|logo")
    parser.add_argument("value", nargs="?", metavar="CODE|REF|FILE", help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", metavar="FILE.pdf")
    add_lang(parser, ("en", "ru", "both"))
    parser.add_argument(
        "--person",
        metavar="ID|NAME",
        help="only this person's certificate (id or part of the name)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (verify, list)")
    parser.add_argument("--remove", action="store_true", help="logo: remove the logo")


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return open_database(args)[0]


def cmd_certificates(args: argparse.Namespace) -> int:
    """Dispatch ``certificates verify|list|logo …`` and ``certificates REF …``."""
    handlers = {"verify": _verify, "list": _list, "logo": _logo}
    handler = handlers.get(args.target)
    if handler is not None:
        if args.value is None and not (args.target == "logo" and args.remove):
            what = {"verify": "the verification code", "list": "the event reference"}
            raise ConveneError(
                MESSAGES["one_argument"].format(
                    action=args.target, what=what.get(args.target, "the image file")
                )
            )
        return handler(args)
    if args.value is not None:
        raise ConveneError(MESSAGES["too_many"])
    return _issue_and_print(args)


def _as_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def _person_id(session: Any, event: Any, text: str) -> uuid.UUID:
    """The person ``--person`` names: their id, or part of their name (either script) matching
    exactly one person listed in the event."""
    from app.services.certificates import candidates
    from db.models import Person

    person_id = _as_uuid(text)
    if person_id is None:
        wanted = " ".join(text.split()).casefold()
        found = [c for c in candidates(session, event) if wanted and wanted in c.name.casefold()]
        if len(found) == 1:
            return found[0].person_id
        if found:
            names = "; ".join(c.name for c in found[:3]) + ("; …" if len(found) > 3 else "")
            raise ConveneError(MESSAGES["several_people"].format(person=text, names=names))
        raise NotFoundError(MESSAGES["no_person"].format(person=text, event=event.reference))
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(MESSAGES["no_person"].format(person=text, event=event.reference))
    return person_id


def _issue_and_print(args: argparse.Namespace) -> int:
    from app.output_files import check_output_path
    from app.reports.certificate_content import certificate_contents
    from app.reports.certificates import write_certificates_pdf
    from app.services import certificates, office_settings
    from app.services.events import find_event

    if not args.output:
        raise ConveneError(MESSAGES["output_needed"])
    path = check_output_path(args.output, (".pdf",))
    database = _open(args)
    try:
        with database.session_scope() as session:  # issuing and reading in one transaction
            event = find_event(session, args.target)
            person_id = _person_id(session, event, args.person) if args.person else None
            before = {c.id for c in certificates.event_register(session, event.id)}
            issued = certificates.issue_certificates(session, event, person_id)
            by_participation = {c.participation_id: c for c in issued}
            participations = [c.participation for c in issued]
            contents = certificate_contents(session, event, participations, by_participation)
            logo = office_settings.logo_png(session)
            new = [c.number for c in issued if c.id not in before]
            reference = event.reference
            # Written before the transaction commits: a file that cannot be written leaves the
            # register as it was.
            pages = write_certificates_pdf(contents, language(args), path, logo)
    finally:
        database.dispose()
    reprinted = len(issued) - len(new)
    done = f"{len(new)} issued"
    if new:
        done += f" ({new[0]})" if len(new) == 1 else f" ({new[0]} … {new[-1]})"
    if reprinted:
        done += f", {reprinted} reprinted"
    print(
        f"Wrote {len(issued)} certificate{'s' if len(issued) != 1 else ''} of {reference}"
        f" ({done}; {pages} page{'s' if pages != 1 else ''}) to {path}"
    )
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from app.services import certificates

    database = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            found = certificates.find_by_code(session, args.value)
            described = certificates.describe(session, found)
    finally:
        database.dispose()
    if args.json:
        print_json(described)
        return EXIT_OK
    event = described["event"]
    assert isinstance(event, dict)
    state = (
        "current"
        if described["current"]
        else f"superseded by {described['superseded_by'] or 'a later certificate'}"
    )
    print(f"Certificate {described['number']} ({described['code']}): {state}")
    print(f"  issued to {described['person']} on {str(described['issued_at'])[:10]}")
    print(
        f"  for {event['reference']} {event['title']} ({event['start_date']} – {event['end_date']})"
    )
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from app.services import certificates
    from app.services.events import find_event

    database = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            event = find_event(session, args.value)
            entries = [
                certificates.list_entry(c) for c in certificates.event_register(session, event.id)
            ]
            reference = event.reference
    finally:
        database.dispose()
    if args.json:
        print_json(entries)
        return EXIT_OK
    if not entries:
        print(f"No certificates issued for {reference} yet.")
        return EXIT_OK
    for e in entries:
        state = "" if e["current"] else "  (superseded)"
        print(f"{e['number']:<18} {e['code']}  {str(e['issued_at'])[:10]}  {e['person']}{state}")
    current = sum(1 for e in entries if e["current"])
    print(f"{len(entries)} certificates of {reference}, {current} current")
    return EXIT_OK


def _logo(args: argparse.Namespace) -> int:
    from app.services import office_settings

    data = None
    if not args.remove:
        path = Path(args.value).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConveneError(
                MESSAGES["logo_file"].format(path=path, reason=exc.strerror or exc)
            ) from None
    database = _open(args)
    try:
        with database.session_scope() as session:
            office_settings.set_logo(session, data)
    finally:
        database.dispose()
    print(
        "Removed the certificate logo."
        if data is None
        else f"Set the certificate logo from {args.value}."
    )
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("certificates", None): cmd_certificates,
}
