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
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from app import matching as m
from app.i18n import N_
from app.matching import fold_name, read_as_russian, readings
from db.enums import OrganizationKind
from db.models import Organization, Person

CHUNK = 500
BLOCK = 7  # first letters of the keys by which people are looked up (``lookup_blocks``)
BLOCKED_KEYS = 10_000  # keys of a list (about four a row) looked up by block; more: everyone
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
    if not (family_local or given_local) or not (family or given):  # one script, as most
        f, g = (family, given) if family or given else (family_local, given_local)
        if not (f or g):
            return []
        own, other = f"{f}|{g}", f"{g}|{f}"
        return [own] if other == own else [own, other]
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
    seen = set(keys)
    for family_name, given_name in _NAME_PAIRS:
        families, givens = readings(person.get(family_name)), readings(person.get(given_name))
        if len(families) < 2 and len(givens) < 2:  # (most names)
            continue
        pairs = [(f, g) for f in families or ("",) for g in givens or ("",)][:MAX_VARIANTS]
        # the names in the other order ("Ajbek Sulajmanov") for the first few readings only
        # (_key's form, written out: a long list makes hundreds of thousands)
        keys_of = [f"{f}|{g}" for f, g in pairs] + [f"{g}|{f}" for f, g in pairs[:4]]
        for key in keys_of:
            if key != "|" and key not in seen:
                seen.add(key)
                variants.append(key)
    return variants


_NAME_PAIRS = (("family_name", "given_name"), ("family_name_local", "given_name_local"))


def patronymic_key(person: dict[str, Any]) -> str:
    """A listed person's patronymic as ``father_name`` gives it (empty when the list has none)."""
    return father_name(person.get("patronymic")) or father_name(person.get("patronymic_local"))


# How patronymics end in Russian, Uzbek, Kazakh, Kyrgyz, Turkmen and Azerbaijani, once folded.
_FATHERS = re.compile(r"(ovich|evich|ovna|evna|ichna|ich|kizi|kiz|gizi|ugli|ogli|oglu|uli|ulu)$")


@functools.lru_cache(maxsize=8192)
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
    """The people of ``result`` (of ``_COLUMNS``), from the driver's rows in one fetch: no
    SQLAlchemy row objects for a list compared with 100,000 people (their columns need no
    processing: ids are made UUIDs only when used)."""
    try:
        return list(map(Known._make, result.cursor.fetchall()))
    finally:
        result.close()


_COLUMNS = (
    sa.type_coerce(Person.id, sa.String),
    Person.match_key,
    Person.nationality,
    sa.type_coerce(Person.organization_id, sa.String),
    Person.email,
    Person.patronymic,
    Person.patronymic_local,
)
_LIVE = Person.deleted_at.is_(None)
_AFTER_EVERY_KEY = "~"  # sorts after the letters and "|" that keys are made of


def lookup_blocks(keys: Iterable[str]) -> list[str]:
    """The beginnings (at most ``BLOCK`` letters) of the stored keys that ``exact`` and
    ``similar`` may want for ``keys``: each key's own, and those of every family name spelled
    alike (``loose_name``) to its family name. None begins with another of them."""
    blocks: set[str] = set()
    for key in keys:
        if key:
            blocks.add(key[:BLOCK])
            family = key.partition("|")[0]
            if family:
                blocks |= _alike_blocks(family)
    kept: list[str] = []
    for block in sorted(blocks):  # (a block that begins with the one before is within it)
        if not kept or not block.startswith(kept[-1]):
            kept.append(block)
    return kept


@functools.lru_cache(maxsize=8192)
def _alike_blocks(family: str) -> frozenset[str]:
    """The first BLOCK letters of the keys of every family name whose ``loose_name`` is that
    of ``family`` (a family name shorter than that: the whole of it, with the "|")."""
    return m.stored_prefixes(m.loose_name(family) + "|", BLOCK)


def _people_in_blocks(connection: sa.Connection, blocks: list[str]) -> list[Known]:
    """The live people whose keys begin with one of ``blocks``. SQLite: each block is a range
    of the match key's index (the blocks as one JSON parameter); PostgreSQL, whose collation
    may not sort keys letter by letter: the keys' first letters compared, in one pass."""
    if not blocks:
        return []
    if connection.dialect.name == "sqlite":
        block = sa.func.json_each(sa.literal(json.dumps(blocks))).table_valued("value")
        value = sa.type_coerce(block.c.value, sa.String)
        within = sa.and_(Person.match_key >= value, Person.match_key < value + _AFTER_EVERY_KEY)
        query = sa.select(*_COLUMNS).select_from(block).join(Person, within).where(_LIVE)
        return _known(connection.execute(query))
    by_length: dict[int, list[str]] = defaultdict(list)
    for text in blocks:
        by_length[len(text)].append(text)
    begins = [
        sa.func.substr(Person.match_key, 1, length)
        == sa.any_(sa.bindparam(f"blocks_{length}", texts, type_=postgresql.ARRAY(sa.String)))
        for length, texts in by_length.items()
    ]
    return _known(connection.execute(sa.select(*_COLUMNS).where(_LIVE, sa.or_(*begins))))


def _people_by_email(connection: sa.Connection, emails: set[str]) -> list[Known]:
    """The live people with one of ``emails``, in one query through the index of addresses."""
    if not emails:
        return []
    if connection.dialect.name == "sqlite":
        listed = sa.select(
            sa.func.json_each(sa.literal(json.dumps(sorted(emails)))).table_valued("value").c.value
        )
        return _known(
            connection.execute(sa.select(*_COLUMNS).where(_LIVE, Person.email.in_(listed)))
        )
    wanted = sa.bindparam("emails", sorted(emails), type_=postgresql.ARRAY(sa.String))
    return _known(
        connection.execute(sa.select(*_COLUMNS).where(_LIVE, Person.email == sa.any_(wanted)))
    )


class KnownPeople:
    """The people of the database that a list could mean, loaded once for the whole list.

    A list of a few thousand names loads only the people whose keys begin as one of the
    list's keys does, or as a family name spelled alike could (``lookup_blocks``: the first
    ``BLOCK`` letters), through the index of the match key; a longer list loads everyone in one
    pass, which is then cheaper than working out and looking up all its blocks."""

    def __init__(self, session: Session, emails: set[str], keys: set[str]) -> None:
        connection = session.connection()
        if len(keys) <= BLOCKED_KEYS:
            found = _people_in_blocks(connection, lookup_blocks(keys))
            by_email = _people_by_email(connection, emails)
        else:
            found = _known(connection.execute(sa.select(*_COLUMNS).where(_LIVE)))
            by_email = [k for k in found if k.email in emails]  # as email IN (…) would
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
        by_family, loose = self._by_loose_family, m.loose_name
        for key in keys:
            for known in by_family.get(loose(key.partition("|")[0]), ()):
                score = name_score(key, known.key)
                if score >= CONSIDERED and (
                    known.raw_id not in best or best[known.raw_id][1] < score
                ):
                    best[known.raw_id] = (known, score)
        return sorted(best.values(), key=lambda pair: -pair[1])


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
    100.0: N_("same name"),
    95.0: N_("same family name and initial"),
    92.0: N_("same family name, no given name"),
    90.0: N_("family name spelled alike"),
    89.0: N_("given name spelled alike"),
    88.0: N_("a short form or variant of the given name"),
    87.0: N_("names spelled alike"),
    86.0: N_("family name spelled alike, same initial"),
    85.0: N_("family name spelled alike, given name a short form or missing"),
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
    return people_shown(people_rows(session, ids))


def people_rows(session: Session, ids: Iterable[uuid.UUID]) -> list[Any]:
    """What ``people_shown`` needs of the given people, as read."""
    found: list[Any] = []
    connection = session.connection()  # (Core rows, a chunk in one fetch: a list may match
    for part in chunks(sorted(set(ids))):  # tens of thousands)
        found += connection.execute(
            sa.select(
                Person.id, Person.family_name, Person.given_name, Person.patronymic,
                Person.family_name_local, Person.given_name_local, Person.patronymic_local,
                Person.nationality, Organization.name, Person.sex, Person.email, Person.position,
            )
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Person.id.in_(part))
        ).all()  # fmt: skip
    return found


def people_shown(rows: Iterable[Any]) -> dict[uuid.UUID, PersonShown]:
    """The people of ``rows`` (``people_rows``) as the plan shows them."""
    found = {}
    for person_id, *names, nationality, organization, sex, email, position in rows:
        latin = " ".join(filter(None, names[:3]))
        local = " ".join(filter(None, names[3:]))
        name = f"{latin} ({local})" if latin and local else latin or local or "—"
        found[person_id] = PersonShown(name, nationality, organization, sex, email or position)
    return found
