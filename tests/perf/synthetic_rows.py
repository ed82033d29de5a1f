"""Row builders for the synthetic-data generator: organisations, projects, people, events,
partners and fields of work, as plain dictionaries of column values (participations are in
``synthetic_attendance``).

Everything is drawn from one ``random.Random``, so a seed gives the same database every time
(ids included). See ``tests.perf.generate`` for how the rows are written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import uuid
from typing import Any

from app.matching import match_key
from db.enums import (
    AgencySector,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    OrganizationKind,
    PartnerRole,
    Sex,
)
from tests.perf import synthetic_names as names
from tests.perf import synthetic_world as world

Row = dict[str, Any]
FIRST_DAY = dt.date(2006, 1, 9)
LAST_DAY = dt.date(2025, 12, 19)
AS_OF = dt.date(2025, 10, 1)  # events after this day are still planned
_LIKELY_FIELDS = ["border_management"] * 6 + [
    "migration", "combating_trafficking", "countering_terrorism", "policing", "gender_equality",
    "economic_activities", "security_sector_reform",
]  # fmt: skip


@dataclasses.dataclass
class Stamp:
    """Row ids and record timestamps drawn from the generator's random source."""

    rng: random.Random

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    @staticmethod
    def at(day: dt.date) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=dt.UTC)

    def record(self, day: dt.date, **values: Any) -> Row:
        when = self.at(day)
        return {"id": self.new_id(), "created_at": when, "updated_at": when, "version": 1,
                "deleted_at": None, **values}  # fmt: skip


@dataclasses.dataclass
class Organizations:
    rows: list[Row]
    units: list[Row]  # regional offices (their parent is in ``rows``)
    by_country_sector: dict[tuple[str, AgencySector], list[uuid.UUID]]
    international: list[Row]
    donors: list[Row]


def organizations(stamp: Stamp) -> Organizations:
    rows: list[Row] = []
    units: list[Row] = []
    by_key: dict[tuple[str, AgencySector], list[uuid.UUID]] = {}
    base = dict(notes=None)
    for country, (_, _, cities) in world.COUNTRIES.items():
        for sector in world.SECTOR_WEIGHTS:
            name, local, acronym = world.agency(country, sector)
            row = stamp.record(FIRST_DAY, name=name, name_local=local, acronym=acronym,
                               kind=OrganizationKind.NATIONAL_AGENCY, sector=sector,
                               country=country, parent_id=None, **base)  # fmt: skip
            rows.append(row)
            by_key[(country, sector)] = [row["id"]]
            if sector in (AgencySector.BORDER, AgencySector.CUSTOMS):
                for city, city_local in cities[1:]:
                    unit = stamp.record(FIRST_DAY, name=f"{name}, {city} office",
                                        name_local=f"{local}, {city_local}", acronym=None,
                                        kind=OrganizationKind.NATIONAL_AGENCY, sector=sector,
                                        country=country, parent_id=row["id"], **base)  # fmt: skip
                    units.append(unit)
                    by_key[(country, sector)].append(unit["id"])
    international = []
    for name, acronym, kind, country in world.INTERNATIONAL:
        international.append(stamp.record(FIRST_DAY, name=name, name_local=None, acronym=acronym,
                                          kind=kind, sector=None, country=country, parent_id=None,
                                          **base))  # fmt: skip
    donors = []
    for name, acronym, country in world.DONORS:
        kind = (
            OrganizationKind.EMBASSY
            if name.startswith("Embassy")
            else OrganizationKind.DONOR_GOVERNMENT
        )
        donors.append(stamp.record(FIRST_DAY, name=name, name_local=None, acronym=acronym,
                                   kind=kind, sector=None, country=country, parent_id=None,
                                   **base))  # fmt: skip
    return Organizations(rows + international + donors, units, by_key, international, donors)


def projects(stamp: Stamp, orgs: Organizations) -> tuple[list[Row], list[Row]]:
    """About two projects a year, each two to five years long, with one or two donors."""
    rng = stamp.rng
    rows, donor_rows = [], []
    for n in range(40):
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(0, 19 * 365))
        end = min(start + dt.timedelta(days=rng.randrange(2 * 365, 5 * 365)), LAST_DAY)
        title = rng.choice(world.PROJECT_TITLES).format(n=n // 8 + 1)
        row = stamp.record(start, code=f"{start.year}-PR-{n + 1:03d}", title=title,
                           start_date=start, end_date=end, notes=None)  # fmt: skip
        rows.append(row)
        for donor in rng.sample(orgs.donors, rng.choice((1, 1, 2))):
            donor_rows.append({"project_id": row["id"], "organization_id": donor["id"]})
    return rows, donor_rows


class People:
    """The people, and for each nationality the indexes of its people (for drawing attendees)."""

    def __init__(self, stamp: Stamp, count: int, orgs: Organizations) -> None:
        self.rows: list[Row] = []
        self.by_country: dict[str, list[int]] = {}
        self._stamp, self._rng, self._orgs = stamp, stamp.rng, orgs
        self._keys: dict[tuple[str, ...], str] = {}
        codes = [code for code, _, _ in names.NATIONALITIES]
        shares = [share for _, _, share in names.NATIONALITIES]
        stocks = {code: stock for code, stock, _ in names.NATIONALITIES}
        sectors, weights = list(world.SECTOR_WEIGHTS), list(world.SECTOR_WEIGHTS.values())
        drawn = self._rng.choices(codes, weights=shares, k=count)
        for index, country in enumerate(drawn):
            self.by_country.setdefault(country, []).append(index)
            sector = self._rng.choices(sectors, weights=weights)[0]
            self.rows.append(self._person(country, stocks[country], sector))

    def _person(self, country: str, stock: names.NameStock, sector: AgencySector) -> Row:
        rng = self._rng
        central = country in world.CENTRAL_ASIA or country == "RU"
        roll = rng.random()
        sex = Sex.FEMALE if roll < (0.29 if central else 0.4) else Sex.MALE
        if roll > 0.985:
            sex = Sex.UNSPECIFIED  # lists that did not say
        female = sex is Sex.FEMALE
        family = rng.choice(stock.family)
        if female:
            family = names.feminine(*family)
        given = rng.choice(stock.female if female else stock.male)
        father = names.patronymic(rng.choice(stock.fathers), female, stock.turkmen_latin)
        if not central or rng.random() < 0.1:
            father = ("", "")
        latin = [family[0], given[0], father[0]]
        local = [family[1], given[1], father[1]]
        if stock.turkmen_latin and rng.random() < 0.25:  # passport spelling: Ataýew → Atayev
            latin = [part.translate(names.PASSPORT_SPELLING) for part in latin]
        script = rng.random()
        if central and script < 0.08:
            latin = ["", "", ""]  # known only from a Cyrillic list
        elif script > 0.95:
            local = ["", "", ""]
        latin_or_none = [p or None for p in latin]
        local_or_none = [p or None for p in local]
        key_parts = (latin[0], latin[1], local[0], local[1])
        key = self._keys.get(key_parts)
        if key is None:
            key = self._keys[key_parts] = match_key(*key_parts)
        row = self._stamp.record(
            FIRST_DAY + dt.timedelta(days=rng.randrange(0, 7000)),
            family_name=latin_or_none[0], given_name=latin_or_none[1],
            patronymic=latin_or_none[2], family_name_local=local_or_none[0],
            given_name_local=local_or_none[1], patronymic_local=local_or_none[2],
            sex=sex, nationality=country, organization_id=self._organization(country, sector),
            position=rng.choice(world.POSITIONS),
            rank=rng.choice(world.RANKS) if sector is AgencySector.BORDER else None,
            email=self._email(key, country, sector) if rng.random() < 0.55 else None,
            phone=(f"{world.PHONE_PREFIX[country]} {rng.randrange(10, 99)} "
                   f"{rng.randrange(100000, 999999)}") if rng.random() < 0.5 else None,
            notes=None, match_key=key,
        )  # fmt: skip
        if rng.random() < 0.005:  # in the recycle bin
            row["deleted_at"] = row["updated_at"] = self._stamp.at(AS_OF)
            row["version"] = 2
        return row

    def _organization(self, country: str, sector: AgencySector) -> uuid.UUID | None:
        choices = self._orgs.by_country_sector.get((country, sector))
        if choices:
            return choices[0] if self._rng.random() < 0.7 else self._rng.choice(choices)
        if self._rng.random() < 0.8:
            return self._rng.choice(self._orgs.international)["id"]
        return None

    def _email(self, key: str, country: str, sector: AgencySector) -> str:
        family, _, given = key.partition("|")
        local = f"{given[:1]}.{family}" if given else family or "office"
        if self._rng.random() < 0.4:
            local += str(self._rng.randrange(1, 99))
        if country in world.CENTRAL_ASIA and self._rng.random() < 0.3:
            domain = f"{sector.value.split('_')[0]}.gov.{country.lower()}"
        else:
            domain = self._rng.choice(world.MAIL_DOMAINS)
        return f"{local}@{domain}"


def _weekday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 3 else 0)


def events(stamp: Stamp, count: int, orgs: Organizations, project_rows: list[Row]) -> list[Row]:
    """``count`` events over twenty years, referenced ``YYYY-NNN`` in date order."""
    rng = stamp.rng
    types, type_weights = list(world.TYPE_WEIGHTS), list(world.TYPE_WEIGHTS.values())
    span = (LAST_DAY - FIRST_DAY).days
    offices = {o["country"]: o for o in orgs.international if o["name"].startswith("OSCE ")
               and o["country"] and o["acronym"] == "OSCE"}  # fmt: skip
    regional = [o for o in orgs.international if o["acronym"] in ("OSCE", "BOMCA", "UNODC", "IOM")
                and o["country"] is None]  # fmt: skip
    rows = []
    for _ in range(count):
        start = _weekday(FIRST_DAY + dt.timedelta(days=rng.randrange(span)))
        kind = rng.choices(types, weights=type_weights)[0]
        scope = rng.choices(list(EventScope), weights=(60, 32, 8))[0]
        country = rng.choice(world.CENTRAL_ASIA)
        russian = rng.random() < 0.15
        city, city_local = rng.choice(world.COUNTRIES[country][2][:3])
        if scope is EventScope.INTERNATIONAL and rng.random() < 0.5:
            city, country = rng.choice(world.PARTNER_CITIES)
            russian = False
        topic = rng.choice(world.TOPICS)
        pattern = world.TITLES[kind][1 if russian else 0]
        scope_en, scope_ru = world.SCOPE_WORDS[scope.value]
        title = pattern.format(scope=scope_en, scope_ru=scope_ru, topic=topic[1 if russian else 0])
        recent = start.year >= 2020
        fmt = rng.choices(list(EventFormat), weights=(70, 15, 15) if recent else (95, 3, 2))[0]
        days = rng.choice((1, 2, 3, 3, 4, 5)) if kind is not EventType.STUDY_VISIT else 5
        if start > AS_OF:
            status = EventStatus.PLANNED
        else:
            status = rng.choices(
                (EventStatus.HELD, EventStatus.CANCELLED, EventStatus.POSTPONED), (93, 4, 3)
            )[0]
        active = [p for p in project_rows if p["start_date"] <= start <= p["end_date"]]
        organiser = offices.get(country) if rng.random() < 0.7 else None
        organiser = organiser or rng.choice(regional)
        rows.append(stamp.record(
            start - dt.timedelta(days=rng.randrange(10, 60)), reference="", title=title,
            type=kind, series=None, series_number=None, start_date=start,
            end_date=start + dt.timedelta(days=days - 1), format=fmt, scope=scope,
            venue=rng.choice(world.VENUES), city=city_local if russian else city, country=country,
            organising_unit=organiser["name"],
            project_id=rng.choice(active)["id"] if active and rng.random() < 0.6 else None,
            status=status, summary=None, outcomes=None, notes=None, reported_total=None,
            reported_female=None, reported_male=None,
        ))  # fmt: skip
    rows.sort(key=lambda r: (r["start_date"], r["id"]))
    numbers: dict[int, int] = {}
    series_years: set[int] = set()
    for row in rows:
        year = row["start_date"].year
        numbers[year] = numbers.get(year, 0) + 1
        row["reference"] = f"{year}-{numbers[year]:03d}"
        if row["type"] is EventType.CONFERENCE and year not in series_years:
            # The yearly Central Asia Border Management Initiative conference (the 1st in 2006).
            series_years.add(year)
            row["series"] = "Central Asia Border Management Initiative"
            row["series_number"] = year - 2005
            row["title"] = f"{_ordinal(year - 2005)} {row['series']} Conference"
    return rows


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_links(
    stamp: Stamp, event_rows: list[Row], orgs: Organizations
) -> tuple[list[Row], list[Row]]:
    """Partners (organiser, host agency, donor) and fields of work of each event."""
    rng = stamp.rng
    partners, fields = [], []
    by_name = {o["name"]: o["id"] for o in orgs.international}
    for event in event_rows:
        day = event["created_at"].date()
        organiser = by_name[event["organising_unit"]]
        partners.append(stamp.record(day, event_id=event["id"], organization_id=organiser,
                                     role=PartnerRole.ORGANIZER, notes=None))  # fmt: skip
        host = orgs.by_country_sector.get((event["country"], AgencySector.BORDER))
        if host and rng.random() < 0.6:
            partners.append(stamp.record(day, event_id=event["id"], organization_id=host[0],
                                         role=PartnerRole.HOST, notes=None))  # fmt: skip
        if rng.random() < 0.4:
            partners.append(stamp.record(day, event_id=event["id"],
                                         organization_id=rng.choice(orgs.donors)["id"],
                                         role=PartnerRole.DONOR, notes=None))  # fmt: skip
        for code in {rng.choice(_LIKELY_FIELDS) for _ in range(rng.choice((1, 2)))}:
            fields.append({"event_id": event["id"], "field_of_work_code": code})
    return partners, fields
