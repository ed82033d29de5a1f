"""Which office this database belongs to, and the offices it has heard of.

An office has a short code (2–8 letters or digits, starting with a letter: ``TM``, ``KZ``,
``BOMCA``) and a name. A database made before offices existed got a generated code (not
``chosen``); any code may change until the office's first package, never after (other offices
know its changes by it).
"""

from __future__ import annotations

import dataclasses
import re

import sqlalchemy as sa

from app.errors import ValidationError
from app.i18n import N_, tr
from db.sync_schema import sync_change, sync_epoch, sync_office

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")

MESSAGES = {
    "bad_code": N_("An office code is 2 to 8 letters or digits, starting with a letter (e.g. TM)."),
    "code_fixed": N_(
        "The office code {code} can no longer change: packages have already travelled with it."
    ),
    "code_taken": N_("The code {code} belongs to another office this database has heard from."),
}


@dataclasses.dataclass(frozen=True)
class Office:
    code: str
    name: str
    chosen: bool
    exchanged: bool  # has written or applied a package

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.name else self.code


def clean_code(code: str | None) -> str:
    cleaned = (code or "").strip().upper()
    if not _CODE.match(cleaned):
        raise ValidationError.single("office", tr(MESSAGES["bad_code"]))
    return cleaned


def this_office(connection: sa.Connection) -> Office:
    row = connection.execute(sa.select(sync_office).where(sync_office.c.is_self.is_(True))).one()
    exchanged = row.exported_at is not None or row.received_at is not None
    return Office(row.code, row.name or "", bool(row.chosen), exchanged)


def code_in_use(connection: sa.Connection) -> str | None:
    """The code that event references and certificate numbers carry: the office's code once a
    person chose it or once it has exchanged a package; None before (references stay plain)."""
    office = this_office(connection)
    return office.code if office.chosen or office.exchanged else None


def set_this_office(connection: sa.Connection, code: str | None, name: str | None = None) -> Office:
    """Give this office its code (and name); refused once packages have travelled."""
    office = this_office(connection)
    new_code = clean_code(code) if code is not None else office.code
    if new_code != office.code:
        if office.exchanged:
            raise ValidationError.single(
                "office", tr(MESSAGES["code_fixed"]).format(code=office.code)
            )
        taken = connection.execute(
            sa.select(sync_office.c.code).where(sync_office.c.code == new_code)
        ).first()
        if taken is not None:
            raise ValidationError.single("office", tr(MESSAGES["code_taken"]).format(code=new_code))
        connection.execute(
            sa.update(sync_office).where(sync_office.c.code == office.code).values(code=new_code)
        )
        for table in (sync_change, sync_epoch):
            connection.execute(
                sa.update(table).where(table.c.office == office.code).values(office=new_code)
            )
    values: dict[str, object] = {"chosen": True}
    if name is not None:
        values["name"] = name.strip()[:200]
    connection.execute(sa.update(sync_office).where(sync_office.c.code == new_code).values(values))
    return this_office(connection)


def known_offices(connection: sa.Connection) -> dict[str, str]:
    """Code → name of every office heard of (this one included)."""
    rows = connection.execute(sa.select(sync_office.c.code, sync_office.c.name))
    return {code: name or "" for code, name in rows}
