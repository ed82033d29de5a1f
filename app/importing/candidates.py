"""Finding the people of a list who are already in the database, in a few set-based queries.

Each listed person is looked up by e-mail first, then by match key (``app.matching``: Атаев
Сергей, Ataev Sergey and Atayev Sergei share one) and the keys of its other readings
(Sulajmanov Ajbek: Сулайманов Айбек), then among the people whose names are only alike
(``name_score``: to be asked about, never matched by themselves), with nationality and
organisation to break ties. The stored key is never changed; a row also tries its names in the
other order ("Sergey Ataev") and its Latin and local spellings separately, to find more.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from app import matching as m
from app.matching import fold_name, read_as_russian, readings
from db.enums import OrganizationKind
from db.models import Organization, Person

CHUNK = 500
BLOCK = 3  # first letters of the folded family name by which people are looked up
STRONG, CONSIDERED = 92, 85
MAX_VARIANTS = 24  # readings of a listed name looked up (a name has two or three, rarely more)
FATHERS_ALIKE = 75  # (fathers' names are short: Рашид and Рашит are 83 % alike)
INTERNATIONAL_FILE = (
    Path(__file__).resolve().parents[2] / "resources" / "international_organizations.json"
)


class Known(NamedTuple):
    """A person already in the database, as far as matching needs to know them. The ids are
    kept as the driver gave them (hex text on SQLite) and made UUIDs only when used: a long
    list is compared with every stored person, and converting them all was a third of it."""

    raw_id: Any
    key: str
    nationality: str | None
    raw_organization_id: Any
    email: str | None
    patronymic: str | None
    patronymic_local: str | None

    @property
    def id(self) -> uuid.UUID:
        return _as_uuid(self.raw_id)

    @property
    def patronymic_key(self) -> str:
        return father_name(self.patronymic) or father_name(self.patronymic_local)

    @property
    def organization_id(self) -> uuid.UUID | None:
        return None if self.raw_organization_id is None else _as_uuid(self.raw_organization_id)


def _as_uuid(raw: Any) -> uuid.UUID:
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


def _key(family: str, given: str) -> str:
    # The form of app.matching.match_key, from parts already folded.
    return f"{family}|{given}" if family or given else ""


def row_keys(person: dict[str, Any]) -> list[str]:
    """The keys a listed person may be stored under: their own first (``match_key``), then
    with the names the other way round, and the Latin and local spellings on their own."""
    family, given = fold_name(person.get("family_name")), fold_name(person.get("given_name"))
    family_local = fold_name(person.get("family_name_local"))
    given_local = fold_name(person.get("given_name_local"))
    own = _key(family or family_local, given or given_local)
    keys = [own] if own else []
    for f, g in ((family, given), (family_local, given_local)):
        if f or g:
            for key in (_key(f, g), _key(g, f)):
                if key and key not in keys:
                    keys.append(key)
    return keys


def spelling_variants(person: dict[str, Any], keys: list[str]) -> list[str]:
    """More keys for the names read in the other schemes Central Asian names are published in
    (``app.matching.readings``), not among ``keys``: looked up as they are, not compared
    fuzzily."""
    variants: list[str] = []
    for names in (("family_name", "given_name"), ("family_name_local", "given_name_local")):
        families, givens = (readings(person.get(name)) for name in names)
        if len(families) < 2 and len(givens) < 2:  # (most names)
            continue
        pairs = [(f, g) for f in families or ("",) for g in givens or ("",)][:MAX_VARIANTS]
        # the names in the other order ("Ajbek Sulajmanov") for the first few readings only
        for key in [_key(f, g) for f, g in pairs] + [_key(g, f) for f, g in pairs[:4]]:
            if key and key not in keys and key not in variants:
                variants.append(key)
    return variants


def patronymic_key(person: dict[str, Any]) -> str:
    """A listed person's patronymic as ``father_name`` gives it (empty when the list has none)."""
    return father_name(person.get("patronymic")) or father_name(person.get("patronymic_local"))


# How patronymics end in Russian, Uzbek, Kazakh, Kyrgyz, Turkmen and Azerbaijani, once folded.
_FATHERS = re.compile(r"(ovich|evich|ovna|evna|ichna|ich|kizi|kiz|gizi|ugli|ogli|oglu|uli|ulu)$")


@functools.lru_cache(maxsize=65_536)
def father_name(patronymic: str | None) -> str:
    """The father's name a patronymic is made from, folded (Бахтиёрович, Бахтиёровна, Бахтиёр
    кизи and Baxtiyor qizi all give ``bahter``), or its initial; "" when there is none."""
    folded = fold_name(read_as_russian(patronymic) or patronymic)
    return _FATHERS.sub("", folded) or folded


def patronymics_differ(a: str, b: str) -> bool:
    """Two fathers' names (``father_name``) that cannot be one person's: both known, not alike,
    and not an initial of the other (Атаев Сергей Петрович and Атаев Сергей Сергеевич are father
    and son)."""
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return a[0] != b[0]
    return fuzz.ratio(a, b) < FATHERS_ALIKE


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _known(result: sa.CursorResult[Any]) -> list[Known]:
    return [Known._make(row) for row in result.all()]  # (all(): one fetch, not one per row)


_COLUMNS = (
    sa.type_coerce(Person.id, sa.String),
    Person.match_key,
    Person.nationality,
    sa.type_coerce(Person.organization_id, sa.String),
    Person.email,
    Person.patronymic,
    Person.patronymic_local,
)


class KnownPeople:
    """The people of the database that a list could mean, loaded once for the whole list."""

    def __init__(self, session: Session, emails: set[str], keys: set[str]) -> None:
        live = Person.deleted_at.is_(None)
        connection = session.connection()
        prefixes = sorted({k[:BLOCK] for k in keys if k})
        found: list[Known] = []
        by_email: list[Known] = []
        if len(prefixes) <= 4 * CHUNK:  # (and the blocks of names spelled alike: see similar)
            starts = {k.partition("|")[0][: BLOCK + 3] for k in keys if k}
            prefixes = sorted(set(prefixes).union(*map(_alike_prefixes, starts)))
        if max(len(prefixes), len(emails)) > 4 * CHUNK:  # a very long list: one pass over
            # everyone is cheaper than many lookups (measured on PostgreSQL, 45,000 addresses:
            # 90 queries of 500 addresses took 1.7 s)
            found = _known(connection.execute(sa.select(*_COLUMNS).where(live)))
            by_email = [k for k in found if k.email in emails]  # as email IN (…) would
        else:
            prefix = sa.func.substr(Person.match_key, 1, BLOCK)
            for part in chunks(prefixes):
                found.extend(
                    _known(connection.execute(sa.select(*_COLUMNS).where(live, prefix.in_(part))))
                )
            for part in chunks(sorted(emails)):
                by_email.extend(
                    _known(
                        connection.execute(sa.select(*_COLUMNS).where(live, Person.email.in_(part)))
                    )
                )
        self.by_email: dict[str, list[Known]] = defaultdict(list)
        for known in sorted(by_email, key=lambda k: str(k.raw_id)):  # (one order either way)
            self.by_email[(known.email or "").lower()].append(known)
        self.by_key: dict[str, list[Known]] = defaultdict(list)
        for known in found:
            self.by_key[known.key].append(known)
        self._by_loose_family: dict[str, list[Known]] | None = None

    def exact(self, keys: list[str]) -> list[Known]:
        seen: dict[Any, Known] = {}
        for key in keys:
            for known in self.by_key.get(key, ()):
                seen.setdefault(known.raw_id, known)
        return list(seen.values())

    def similar(self, keys: list[str]) -> list[tuple[Known, float]]:
        """People whose names ``name_score`` finds alike (at least CONSIDERED) to any of
        ``keys``, best first: of the same family name or one spelled alike (``loose_name``),
        looked up by it rather than compared one by one."""
        if self._by_loose_family is None:  # (once, when a row first needs it)
            self._by_loose_family = defaultdict(list)
            for key, known in self.by_key.items():
                self._by_loose_family[m.loose_name(key.partition("|")[0])].extend(known)
        best: dict[Any, tuple[Known, float]] = {}
        for key in keys:
            for known in self._by_loose_family.get(m.loose_name(key.partition("|")[0]), ()):
                score = name_score(key, known.key)
                if score >= CONSIDERED and (
                    known.raw_id not in best or best[known.raw_id][1] < score
                ):
                    best[known.raw_id] = (known, score)
        return sorted(best.values(), key=lambda pair: -pair[1])


def _alike_prefixes(family_start: str) -> frozenset[str]:
    """The first letters (BLOCK) of the keys of the people whose family name may be spelled
    alike to one beginning with ``family_start`` (its first BLOCK + 3 letters decide)."""
    return m.stored_prefixes((m.loose_name(family_start) + "|")[:BLOCK], BLOCK)


# name_score for how the family and the given names agree (app.matching.compare_*): the same
# family name with the same given name, its initial or none is a match; anything less is at
# most asked about (below STRONG); a different given name, or a family name one letter apart,
# is someone else (0).
_SCORES = {
    (m.SAME, m.SAME): 100.0,
    (m.SAME, m.INITIAL): 95.0,
    (m.SAME, m.NOT_GIVEN): 92.0,
    (m.SPELLED_ALIKE, m.SAME): 90.0,
    (m.SAME, m.SPELLED_ALIKE): 89.0,
    (m.SAME, m.SHORT_FORM): 88.0,
    (m.SPELLED_ALIKE, m.SPELLED_ALIKE): 87.0,
    (m.SPELLED_ALIKE, m.INITIAL): 86.0,
    (m.SPELLED_ALIKE, m.SHORT_FORM): 85.0,
    (m.SPELLED_ALIKE, m.NOT_GIVEN): 85.0,
}
SCORE_WHY = {
    100.0: "same name",
    95.0: "same family name and initial",
    92.0: "same family name, no given name",
    90.0: "family name spelled alike",
    89.0: "given name spelled alike",
    88.0: "a short form or variant of the given name",
    87.0: "names spelled alike",
    86.0: "family name spelled alike, same initial",
    85.0: "family name spelled alike, given name a short form or missing",
}


def name_score(a: str, b: str) -> float:
    """0–100 for two ``family|given`` keys (``_SCORES``)."""
    family_a, _, given_a = a.partition("|")
    family_b, _, given_b = b.partition("|")
    family = m.compare_family_names(family_a, family_b)
    if family not in (m.SAME, m.SPELLED_ALIKE):
        return 0.0
    return _SCORES.get((family, m.compare_given_names(given_a, given_b)), 0.0)


class KnownOrganization(NamedTuple):
    """An organisation of the database, as choosing one for a row needs to know it."""

    id: uuid.UUID
    country: str | None
    international: bool


def organization_index(session: Session) -> dict[str, list[KnownOrganization]]:
    """Every live organisation by its name, local name and (when unique) acronym, normalised;
    oldest first. One name may be several countries' agencies ("Border Service")."""
    index: dict[str, list[KnownOrganization]] = defaultdict(list)
    rows = session.execute(
        sa.select(
            Organization.id, Organization.name, Organization.name_local, Organization.acronym,
            Organization.country, Organization.kind,
        )
        .where(Organization.deleted_at.is_(None))
        .order_by(Organization.created_at, Organization.id)
    )  # fmt: skip
    for org_id, name, name_local, acronym, country, kind in rows:
        international = kind == OrganizationKind.INTERNATIONAL_ORGANIZATION or any(
            is_international(text) for text in (name, name_local, acronym) if text
        )
        known = KnownOrganization(org_id, country, international)
        texts = [name, name_local, acronym]  # and as a list writes them: "Name (ACRONYM)"
        texts += [f"{text} ({acronym})" for text in (name, name_local) if text and acronym]
        for key in {organization_key(text) for text in texts if text}:
            index[key].append(known)
    return dict(index)


@functools.lru_cache(maxsize=4096)  # a list names a few organisations, row after row
def is_international(text: str) -> bool:
    """Does ``text`` name an international organisation (``resources/
    international_organizations.json``), alone or within a longer name ("OSCE Programme Office
    in Bishkek")?"""
    words = f" {_words(text)} "
    return any(f" {name} " in words for name in _international_names())


def _words(text: str) -> str:
    """``text`` as its words only, lower case: "OSCE/ODIHR", "(OSCE)" and "ОБСЕ," hold "osce"."""
    return " ".join(re.findall(r"\w+", text.casefold().replace("ё", "е")))


@functools.cache
def _international_names() -> tuple[str, ...]:
    data = json.loads(INTERNATIONAL_FILE.read_text(encoding="utf-8"))
    return tuple(_words(name) for name in data["names"])


@functools.lru_cache(maxsize=4096)
def organization_key(text: str) -> str:
    """An organisation name as compared: case, quotes and spacing do not matter."""
    return " ".join(text.casefold().replace("ё", "е").translate(_QUOTES).split())


_QUOTES = str.maketrans({c: " " for c in "«»\"'“”„’`"})


class PersonShown(NamedTuple):
    """A person as the plan shows them, to tell namesakes apart."""

    name: str  # with the patronymic
    nationality: str | None
    organization: str | None
    sex: str
    detail: str | None  # their e-mail address, else their position


def describe_people(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, PersonShown]:
    """The given people as the plan shows them."""
    found = {}
    for part in chunks(sorted(set(ids))):
        rows = session.execute(
            sa.select(
                Person.id, Person.family_name, Person.given_name, Person.family_name_local,
                Person.given_name_local, Person.patronymic, Person.patronymic_local,
                Person.nationality, Organization.name, Person.sex, Person.email, Person.position,
            )
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Person.id.in_(part))
        )  # fmt: skip
        for row in rows:
            latin = " ".join(p for p in (row.family_name, row.given_name, row.patronymic) if p)
            local = " ".join(
                p for p in (row.family_name_local, row.given_name_local, row.patronymic_local) if p
            )
            name = f"{latin} ({local})" if latin and local else latin or local or "—"
            detail = row.email or row.position
            found[row.id] = PersonShown(name, row.nationality, row.name, row.sex, detail)
    return found
