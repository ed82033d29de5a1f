"""What report prose says about an event, in either language: the facts of the event, the
organisations as prose names them, and who took part seen the way OSCE reporting sees them —
officials of national agencies (by sector and country) and representatives of other bodies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections import Counter

from app.reports import labels
from app.reports.figures import EventFigures, Group
from db.enums import (
    AgencySector,
    AttendanceMode,
    EventFormat,
    EventStatus,
    EventType,
    OrganizationKind,
    Sex,
)

LATIN_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&\-]*$")
LISTED_SECTORS = 5  # more sectors than this become "… and other agencies"
NAMED_BODIES = 4  # more organisations than this become "… and other organisations"
NAMED_COUNTRIES = 2  # up to this many countries are named; more are counted


@dataclasses.dataclass(frozen=True)
class Body:
    """An organisation as report prose names it."""

    name: str
    name_local: str | None
    short: str  # "OSCE", "UNODC", "Government of Germany"

    def named(self, lang: str) -> str:
        """The short name in running text: "the OSCE", "UNODC"; "ОБСЕ", "УНП ООН"."""
        if lang == "ru":
            if self.short in labels.ACRONYMS_RU:
                return labels.ACRONYMS_RU[self.short]
            if self.short != self.name and LATIN_ACRONYM.match(self.short):
                return self.short
            return labels.organisation_name(self.name, self.name_local, "ru")
        if self.short in ("OSCE", "EU", "UN") or (self.short == self.name):
            return self.short if self.short.startswith("the ") else f"the {self.short}"
        return self.short

    def full(self, lang: str) -> str:
        """The full name, with "the" in English where it needs one."""
        if lang == "ru":
            return labels.organisation_name(self.name, self.name_local, "ru")
        return self.name if self.name[:4].lower() == "the " else f"the {self.name}"


def short_name(
    name: str, acronym: str | None, root_name: str | None, root_acronym: str | None
) -> str:
    """A sub-unit is named by its parent body where its name says so ("OSCE Project
    Co-ordinator in Uzbekistan" → "OSCE"); else by its own Latin acronym, else its name."""
    if root_acronym and root_name and root_name != name and root_acronym in name.split():
        return root_acronym
    if acronym and LATIN_ACRONYM.match(acronym.replace(" ", "")):
        return acronym
    return name


@dataclasses.dataclass(frozen=True)
class EventFacts:
    """What the opening sentences say about an event."""

    title: str
    type: EventType
    status: EventStatus
    start_date: dt.date
    end_date: dt.date
    format: EventFormat
    venue: str | None
    city: str | None
    country: str | None
    figures: EventFigures
    bodies: dict[uuid.UUID, Body]  # the organisations of the participants
    organisers: tuple[Body, ...] = ()
    co_organisers: tuple[Body, ...] = ()
    hosts: tuple[Body, ...] = ()
    donors: tuple[Body, ...] = ()
    registered: int = 0  # for planned events: invited or registered people

    @property
    def officials(self) -> list[Group]:
        """The attended participants from national agencies."""
        return [g for g in self.figures.groups if _is_official(g)]

    @property
    def others(self) -> list[Group]:
        """Everyone else who took part (international bodies, donors, embassies, no agency)."""
        return [g for g in self.figures.groups if not _is_official(g)]

    @property
    def representatives(self) -> list[Group]:
        """Others who came from an organisation (international bodies, donors, embassies…)."""
        return [g for g in self.others if g.organization_id is not None]

    @property
    def unaffiliated(self) -> list[Group]:
        """Others with no organisation recorded: nobody's representatives."""
        return [g for g in self.others if g.organization_id is None]

    @property
    def online(self) -> int:
        return sum(g.count for g in self.figures.groups if g.mode == AttendanceMode.ONLINE)


def _is_official(group: Group) -> bool:
    return group.organization_id is not None and group.kind == OrganizationKind.NATIONAL_AGENCY


def people(groups: list[Group]) -> int:
    return sum(g.count for g in groups)


def women(groups: list[Group]) -> int:
    return sum(g.count for g in groups if g.sex == Sex.FEMALE)


def sectors(officials: list[Group]) -> tuple[list[AgencySector], bool]:
    """The sectors of the officials' agencies, largest first (at most ``LISTED_SECTORS``), and
    whether some were left out or had no sector."""
    counts: Counter[AgencySector] = Counter()
    for g in officials:
        counts[g.sector or AgencySector.OTHER] += g.count
    named = [s for s, _ in counts.most_common() if s != AgencySector.OTHER]
    more = len(named) > LISTED_SECTORS or AgencySector.OTHER in counts
    return named[:LISTED_SECTORS], more


def one_agency(officials: list[Group]) -> bool:
    return len({g.organization_id for g in officials}) == 1


def countries(groups: list[Group]) -> list[str]:
    """The nationalities among ``groups``, most frequent first."""
    counts: Counter[str] = Counter()
    for g in groups:
        if g.nationality:
            counts[g.nationality] += g.count
    return [code for code, _ in counts.most_common()]


def body_names(groups: list[Group], bodies: dict[uuid.UUID, Body], lang: str) -> list[str]:
    """The organisations of ``groups`` by their short names, most people first; beyond
    ``NAMED_BODIES`` the rest are summed up as "other organisations"."""
    counts: Counter[str] = Counter()
    for g in groups:
        body = bodies.get(g.organization_id) if g.organization_id else None
        if body is not None:
            counts[body.named(lang)] += g.count
    names = [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if len(names) > NAMED_BODIES:
        names = [*names[:NAMED_BODIES], "other organisations" if lang == "en" else "другие"]
    return names
