"""The import plan: what importing a list into an event would do, row by row, before anything
is written.

Every row ends up *new* (a person to create), *matched* (with the person it matched and why),
*ambiguous* (with the candidates; the wizard lets the user choose, the command line leaves it
out), *duplicate* (the same person as an earlier row: one participation), *skipped* (with the
reason) or *ignored* (blank, totals and heading rows). Problems with single values are listed by
row and column; those values are left out and the row is still imported.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import reference
from app.i18n import N_
from app.importing import candidates as c
from app.importing.understanding import ListedRow, Problem, UnderstoodList, day_range_note
from app.services.participations import PARTICIPATION, event_defaults
from db.enums import ParticipationStatus, Sex
from db.models import Event, Participation, Person

NEW, MATCHED, AMBIGUOUS, DUPLICATE, SKIPPED, IGNORED = (
    "new", "matched", "ambiguous", "duplicate", "skipped", "ignored",
)  # fmt: skip
CHOOSE_NEW = "new"  # a resolution meaning "a new person", where an id would name someone
SCANNED_BY_ADDRESS = 20  # earlier rows of one address compared with a row (see make_plan)


@dataclasses.dataclass(slots=True)  # (a list may hold hundreds of thousands)
class Candidate:
    """Someone in the database a row may mean, with how alike they are and why."""

    person_id: uuid.UUID
    score: float
    why: str
    name: str = ""
    nationality: str | None = None
    organization: str | None = None
    detail: str | None = None  # e-mail address or position, to tell namesakes apart

    def describe(self) -> str:
        extra = ", ".join(
            x
            for x in (reference.country_name(self.nationality), self.organization, self.detail)
            if x
        )
        return f"{self.name} ({extra})" if extra else self.name


@dataclasses.dataclass(slots=True)  # (a list may hold hundreds of thousands)
class PlannedRow:
    """One row of the list and what importing it does."""

    listed: ListedRow
    outcome: str
    why: str = ""
    person_id: uuid.UUID | None = None
    candidates: list[Candidate] = dataclasses.field(default_factory=list)
    in_event: bool = False  # the matched person is already listed for the event
    participation_id: uuid.UUID | None = None  # (that listing)
    restore_id: uuid.UUID | None = None  # their participation is in the recycle bin
    duplicate_of: int | None = None
    # ambiguous between people who all fit the row: the one already listed for the event wins
    event_decides: bool = False
    event_id: uuid.UUID | None = None  # the row's own event (a register's), else the plan's

    @property
    def same_as_earlier(self) -> bool:
        """A register's row whose person is an earlier row's, at another event: written as that
        row's person once that person has an id (``committing``)."""
        return self.outcome == MATCHED and self.person_id is None and self.duplicate_of is not None

    @property
    def row(self) -> int:
        return self.listed.row

    @property
    def has_problem(self) -> bool:
        return bool(self.listed.problems) or self.outcome in (SKIPPED, AMBIGUOUS)

    def problem_text(self) -> str:
        """Everything wrong with the row, in one line for the error workbook and the plan."""
        parts = []
        if self.outcome in (SKIPPED, AMBIGUOUS):
            parts.append(self.why)
        parts.extend(p.describe() for p in self.listed.problems)
        return "; ".join(parts)


# the organisations to create: by row number, and (name, country) → (text, country, international)
_NewOrganizations = tuple[
    dict[int, tuple[str, str | None]], dict[tuple[str, str | None], tuple[str, str | None, bool]]
]


@dataclasses.dataclass
class ImportPlan:
    """What importing ``understood`` into ``event`` would do."""

    understood: UnderstoodList
    event_id: uuid.UUID | None  # None: a register's plan, each row with its own event
    event_label: str
    rows: list[PlannedRow]
    defaults: dict[str, Any]
    organizations: dict[str, list[c.KnownOrganization]]  # by normalised name (organization_index)
    notes: list[str] = dataclasses.field(default_factory=list)
    # row → the person's match key, as ``app.matching.match_key`` makes it from the row's names
    # (``candidates.row_keys``' first): the key a new person is stored with
    match_keys: dict[int, str] = dataclasses.field(default_factory=dict)
    # the rows' words still to be put in (``make_plan``'s ``describe_later``)
    undescribed: Callable[[], None] | None = dataclasses.field(default=None, repr=False)
    _new: _NewOrganizations | None = dataclasses.field(default=None, init=False, repr=False)
    _organization_of: dict[tuple[str, str | None], uuid.UUID | None] = dataclasses.field(
        default_factory=dict, init=False, repr=False
    )

    def describe(self) -> None:
        """Put in the rows' words what ``make_plan`` read for them, if it has not been yet."""
        finish, self.undescribed = self.undescribed, None
        if finish is not None:
            finish()

    def counts(self) -> dict[str, int]:
        by = {o: 0 for o in (NEW, MATCHED, AMBIGUOUS, DUPLICATE, SKIPPED, IGNORED)}
        for row in self.rows:
            by[row.outcome] += 1
        matched = [r for r in self.rows if r.outcome == MATCHED]
        return {
            "rows_read": len(self.rows),
            "people_created": by[NEW],
            "people_matched": len(matched),
            "added_to_event": by[NEW] + sum(1 for r in matched if not r.in_event),
            "already_in_event": sum(1 for r in matched if r.in_event),
            "ignored": by[IGNORED],
            "skipped": by[SKIPPED] + by[AMBIGUOUS] + by[DUPLICATE],
            "ambiguous": by[AMBIGUOUS],
            "repeats": by[DUPLICATE],
            "with_problems": sum(1 for r in self.rows if r.listed.problems),
        }

    def skipped(self) -> list[dict[str, Any]]:
        """Rows not imported (``--json`` "skipped"): row number and reason each."""
        return [
            {"row": r.row, "reason": r.why}
            for r in self.rows
            if r.outcome in (SKIPPED, AMBIGUOUS, DUPLICATE)
        ]

    def problems(self, *, streamed: bool = False) -> Iterable[dict[str, Any]]:
        """Every value left unread (``--json`` "problems"): row, column, value and message;
        ``streamed``: one after the other, never all at once (a list may have one on every row).
        """
        each = (p.as_json(r.row) for r in self.rows for p in r.listed.problems)
        return each if streamed else list(each)

    def problem_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.has_problem]

    def organization_of(self, listed: ListedRow) -> uuid.UUID | None:
        """The existing organisation a row names. For a row of a country: of that name, the one
        of its country, else an international one; None when the others are other countries'
        agencies or of no country (this country's is then new: an agency is never shared by
        countries). For a row of no country: the one of no country, else the only one of that
        name; None when several countries have one."""
        text = listed.organization
        if not text:
            return None
        asked = (text, listed.person.get("nationality"))
        if asked not in self._organization_of:  # (rows repeat their agency and country)
            options = self.organizations.get(c.organization_key(text))
            self._organization_of[asked] = organization_among(options or [], asked[1])
        return self._organization_of[asked]

    def new_organization(self, listed: ListedRow) -> tuple[str, str | None] | None:
        """The organisation to create for a row (normalised name, country), or None."""
        return self._new_organizations()[0].get(listed.row)

    def new_organizations(self) -> dict[tuple[str, str | None], tuple[str, str | None, bool]]:
        """The organisations to create: (normalised name, country) → (the name as first
        written, the country, international?). An agency name is one new agency per country
        of the rows naming it, with the country; an international organisation is one, with
        none; rows of no nationality join their name's one country, if it has only one."""
        return self._new_organizations()[1]

    def _new_organizations(self) -> _NewOrganizations:
        if self._new is None:  # (worked out once: the plan's rows are settled when asked)
            self._new = self._work_out_new_organizations()
        return self._new

    def _work_out_new_organizations(self) -> _NewOrganizations:
        wanting = [
            r.listed for r in self.rows
            if r.outcome in (NEW, MATCHED) and r.listed.organization
            and self.organization_of(r.listed) is None
        ]  # fmt: skip
        countries: dict[str, set[str]] = defaultdict(set)
        for listed in wanting:
            if listed.person.get("nationality"):
                countries[c.organization_key(listed.organization)].add(listed.person["nationality"])  # type: ignore[arg-type]
        by_row: dict[int, tuple[str, str | None]] = {}
        made: dict[tuple[str, str | None], tuple[str, str | None, bool]] = {}
        for listed in wanting:
            text: str = listed.organization  # type: ignore[assignment]
            key, international = c.organization_key(text), c.is_international(text)
            country = listed.person.get("nationality")
            if international:
                country = None
            elif country is None and len(countries[key]) == 1:
                country = next(iter(countries[key]))
            by_row[listed.row] = (key, country)
            made.setdefault((key, country), (text, country, international))
        return by_row, made


def organization_among(options: list[c.KnownOrganization], country: str | None) -> uuid.UUID | None:
    """Of the organisations bearing one name, the one a person of ``country`` works for (see
    ``ImportPlan.organization_of``; also the rule for a person typed in by hand)."""
    if not options:
        return None
    if country is None:
        found = next((o.id for o in options if o.country is None or o.international), None)
        return found or (options[0].id if len(options) == 1 else None)
    for wanted in (lambda o: o.country == country, lambda o: o.international):
        found = next((o.id for o in options if wanted(o)), None)
        if found is not None:
            return found
    return None


def make_plan(
    session: Session,
    understood: UnderstoodList,
    event: Event | None,
    resolutions: dict[int, uuid.UUID | str] | None = None,
    *,
    describe_later: bool = False,
) -> ImportPlan:
    """Plan the import of ``understood`` into ``event``; ``resolutions`` settle ambiguous rows
    (row number → the chosen person's id, or CHOOSE_NEW). With no ``event`` (a register's rows,
    of many events), the people only: the caller places the rows in their events.

    ``describe_later``: the rows' words for people to read (the people matched or offered, as
    stored; a namesake in the recycle bin) are read now but put in the rows by
    ``ImportPlan.describe()``, which committing calls while the database writes."""
    resolutions = resolutions or {}
    people = [r for r in understood.rows if r.kind == "person"]
    keys_by_row: dict[int, list[str]] = {}
    variants: dict[int, list[str]] = {}  # (only of the rows that have any: a list may hold
    for r in people:  # 100,000; a row's keys and variants together: its names folded once)
        keys_by_row[r.row] = c.row_keys(r.person)
        found = c.spelling_variants(r.person, keys_by_row[r.row])
        if found:
            variants[r.row] = found
    compared = _Compared(keys_by_row, variants)
    known = c.KnownPeople(
        session,
        {r.person["email"] for r in people if r.person.get("email")},
        {k for keys in (*keys_by_row.values(), *variants.values()) for k in keys},
    )
    organizations = c.organization_index(session)
    days = day_range_note(understood.columns, event.start_date, event.end_date) if event else []
    plan = ImportPlan(
        understood, event.id if event else None,
        f"{event.reference} {reference.event_title(event.title, event.title_ru)}" if event else "", [],
        event_defaults(event) if event else {}, organizations, [*understood.notes, *days],
    )  # fmt: skip
    seen_email: dict[str, Any] = {}  # (a row, or a list of the rows: see _seen, _add)
    seen_key: dict[str, Any] = {}
    seen_person: dict[uuid.UUID, PlannedRow] = {}
    plan.match_keys = {row: keys[0] for row, keys in keys_by_row.items() if keys}
    for listed in understood.rows:
        if listed.kind != "person":
            outcome = SKIPPED if listed.kind == "unusable" else IGNORED
            plan.rows.append(PlannedRow(listed, outcome, listed.reason))
            continue
        keys = keys_by_row[listed.row]
        email = listed.person.get("email")
        # earlier rows sharing the name, or the address (its first few only: an office's address
        # may stand on hundreds of rows)
        by_name = [r for k in compared[listed.row] for r in _seen(seen_key, k)]
        by_address = _seen(seen_email, email)[:SCANNED_BY_ADDRESS] if email else []
        earlier, unlike = _first_alike(listed, [*by_address, *by_name], compared)
        if earlier is not None and not unlike:
            plan.rows.append(
                PlannedRow(listed, DUPLICATE, f"the same person as row {earlier.row}",
                           duplicate_of=earlier.row)
            )  # fmt: skip
            continue
        if event is not None:
            _check_days(session, listed, event, understood)
        org_id = plan.organization_of(listed)
        planned = _decide(listed, keys, known, org_id, variants.get(listed.row, []))
        if earlier is not None and planned.outcome == NEW:
            planned.why += f"; not the person of row {earlier.row} ({unlike})"
        if listed.row in resolutions:
            _resolve(planned, resolutions[listed.row])
        planned = _once_each(planned, seen_person, compared, listed.row in resolutions)
        plan.rows.append(planned)
        if planned.outcome in (NEW, MATCHED, AMBIGUOUS):
            if email:
                _add(seen_email, email, planned)
            for key in compared[listed.row]:  # (with the variants: Xasanov repeats Хасанов)
                _add(seen_key, key, planned)
    if event is not None:
        _fill_in_event(session, plan)
    plan.undescribed = _description(session, plan, keys_by_row)
    if not describe_later:
        plan.describe()
    return plan


def _description(
    session: Session, plan: ImportPlan, keys_by_row: dict[int, list[str]]
) -> Callable[[], None]:
    """Read what the rows' words need (the people matched or offered; the keys of the people in
    the recycle bin); the function that then puts it in the rows' words."""
    ids = {cand.person_id for row in plan.rows for cand in row.candidates}
    ids |= {row.person_id for row in plan.rows if row.person_id is not None}
    people = c.people_rows(session, ids)
    new = [r for r in plan.rows if r.outcome == NEW and keys_by_row[r.row]]
    # the recycle bin is small: its keys in one read, rather than looking each new name up
    binned = sa.select(Person.match_key).where(Person.deleted_at.is_not(None))
    binned_keys = set(session.scalars(binned)) if new else set()

    def describe() -> None:
        _describe_candidates(plan, c.people_shown(people))
        _note_binned_namesakes(new, keys_by_row, binned_keys)

    return describe


class _Compared:
    """Row number → the keys its name is compared by: its own key and its spelling variants
    (made when asked for, not kept for every row of a long list)."""

    def __init__(self, keys: dict[int, list[str]], variants: dict[int, list[str]]) -> None:
        self.keys, self.variants = keys, variants

    def __getitem__(self, row: int) -> list[str]:
        return [*self.keys[row][:1], *self.variants.get(row, ())]


def _seen(seen: dict[str, Any], key: str) -> list[PlannedRow]:
    """The earlier rows ``_add`` put under ``key``."""
    found = seen.get(key)
    return [] if found is None else found if type(found) is list else [found]


def _add(seen: dict[str, Any], key: str, planned: PlannedRow) -> None:
    """``planned`` under ``key``: the row itself while it is the only one (most keys), a list of
    the rows from the second on."""
    found = seen.get(key)
    if found is None:
        seen[key] = planned
    elif type(found) is list:
        found.append(planned)
    else:
        seen[key] = [found, planned]


def _first_alike(
    listed: ListedRow, alike: list[PlannedRow], compared: _Compared
) -> tuple[PlannedRow | None, str]:
    """Of the earlier rows ``alike`` (sharing a name or an address), the first that is this
    row's person, with ""; else the first of them, with why it is someone else; else None."""
    first: tuple[PlannedRow | None, str] = (None, "")
    if not alike:  # (most rows)
        return first
    for candidate in sorted({r.row: r for r in alike}.values(), key=lambda r: r.row):
        why_not = _unlike(candidate.listed, listed, compared)
        if not why_not:
            return candidate, ""
        if first[0] is None:
            first = (candidate, why_not)
    return first


def _note_binned_namesakes(
    new: list[PlannedRow], keys_by_row: dict[int, list[str]], binned: set[str]
) -> None:
    """A new person whose name is also a person's in the recycle bin (``binned``: their keys):
    say so, as the record may be the one wanted back (restoring it first and importing again
    would use it)."""
    for row in new:
        if keys_by_row[row.row][0] in binned:
            row.why += "; someone of this name is in the recycle bin (restore them first to use that record)"


def _once_each(
    planned: PlannedRow,
    seen: dict[uuid.UUID, PlannedRow],
    compared: _Compared,
    chosen: bool,
) -> PlannedRow:
    """A row found as the person of an earlier row: the same participation (a duplicate), or, if
    the two rows differ in what tells people apart, a question for the user."""
    if planned.person_id is None:
        return planned
    first = seen.get(planned.person_id)
    if first is None:
        seen[planned.person_id] = planned
        return planned
    listed = planned.listed
    unlike = "" if chosen else _unlike(first.listed, listed, compared)
    if unlike:
        return PlannedRow(
            listed, AMBIGUOUS, f"found as the same person as row {first.row}, but the rows "
            f"differ ({unlike}): it may be someone else",
            candidates=[Candidate(planned.person_id, 0, f"the person of row {first.row}")],
        )  # fmt: skip
    return PlannedRow(listed, DUPLICATE, f"the same person as row {first.row}",
                      duplicate_of=first.row)  # fmt: skip


def _check_days(
    session: Session, listed: ListedRow, event: Event, understood: UnderstoodList
) -> None:
    """Days attended must fit the event, by the same rule as the participation form."""
    days = listed.participation.get("days_attended")
    if days is None:
        return
    check = PARTICIPATION.check
    problems = check(session, {"event_id": event.id, "days_attended": days}, None) if check else []
    if problems:
        del listed.participation["days_attended"]
        source = next(
            (col for col in understood.columns if col.field in ("days_attended", "day")), None
        )
        letter, header = (source.letter, source.header) if source else ("", "")
        listed.problems.extend(
            Problem(letter, header, f"{p.message} Left empty.", str(days)) for p in problems
        )


def _unlike(a: ListedRow, b: ListedRow, compared: _Compared) -> str:
    """Why two rows of one list cannot be one person (sharing a name or an address), or ""."""
    x, y = a.person.get("nationality"), b.person.get("nationality")
    if x is not None and y is not None and x != y:
        return N_("another nationality")
    if c.patronymics_differ(c.patronymic_key(a.person), c.patronymic_key(b.person)):
        return N_("another patronymic")
    keys_a, keys_b = compared[a.row], compared[b.row]  # (own key, then spelling variants)
    if (
        keys_a
        and keys_b
        and keys_a[0] != keys_b[0]  # (the same name: alike, without scoring its spellings)
        and max(c.name_score(x, y) for x in keys_a for y in keys_b) < c.CONSIDERED
    ):
        return N_("another name, the same e-mail address")
    mail_a, mail_b = a.person.get("email"), b.person.get("email")
    agency_a, agency_b = (c.organization_key(r.organization or "") for r in (a, b))
    # one person with two addresses is likelier than two namesakes, unless the agencies differ
    if mail_a and mail_b and mail_a != mail_b and agency_a and agency_b and agency_a != agency_b:
        return N_("another e-mail address and agency")
    return ""


def _tie_breaks(
    listed: ListedRow, known: c.Known, org_id: uuid.UUID | None
) -> tuple[int, list[str]]:
    """+1 for each of nationality and organisation that agree, -1 for each that differs."""
    score, said = 0, []
    nationality = listed.person.get("nationality")
    if nationality and known.nationality:
        agree = nationality == known.nationality
        score += 1 if agree else -1
        said.append(N_("same nationality") if agree else N_("different nationality"))
    if org_id is not None and known.organization_id is not None:
        agree = org_id == known.organization_id
        score += 1 if agree else 0
        if agree:
            said.append(N_("same organisation"))
    return score, said


def _decide(
    listed: ListedRow,
    keys: list[str],
    known: c.KnownPeople,
    org_id: uuid.UUID | None,
    variants: list[str],
) -> PlannedRow:
    email = listed.person.get("email")
    patronymic = c.patronymic_key(listed.person)
    people = known.by_email.get(email) if email else None
    if not people:
        return _by_name(listed, keys, variants, known, org_id, patronymic)
    fits = [
        k
        for k in people
        if (
            not keys
            or not k.key
            or max(c.name_score(x, k.key) for x in [keys[0], *variants]) >= c.CONSIDERED
        )
        and not c.patronymics_differ(patronymic, k.patronymic_key)
    ]
    if len(fits) == 1:
        return PlannedRow(listed, MATCHED, N_("same e-mail address"), fits[0].id)
    if fits:
        return PlannedRow(
            listed, AMBIGUOUS, N_("several people share this e-mail address"),
            candidates=[Candidate(k.id, 0, N_("same e-mail address")) for k in fits],
            event_decides=True,
        )  # fmt: skip
    # The address is someone else's (an office's, say): the name decides if it finds anyone;
    # if not, the owner may be this very person under a new name, so the user is asked.
    by_name = _by_name(listed, keys, variants, known, org_id, patronymic)
    if by_name.outcome != NEW:
        by_name.why += "; the e-mail address is also on someone else's record"
        return by_name
    return PlannedRow(
        listed, AMBIGUOUS, N_("the e-mail address belongs to someone with another name"),
        candidates=[Candidate(k.id, 0, N_("same e-mail address")) for k in people],
    )  # fmt: skip


def _by_name(
    listed: ListedRow,
    keys: list[str],
    variants: list[str],
    known: c.KnownPeople,
    org_id: uuid.UUID | None,
    patronymic: str,
) -> PlannedRow:
    """The row matched by its name, with nationality and organisation to break ties."""
    exact = known.exact(keys + variants)
    scored = [(k, 100.0, N_("same name")) for k in exact]
    if not exact:
        scored = [(k, s, c.SCORE_WHY[s]) for k, s in known.similar(keys + variants)]
    namesakes = bool(scored)
    scored = [x for x in scored if not c.patronymics_differ(patronymic, x[0].patronymic_key)]
    if not scored:
        why = N_("a namesake with another patronymic is in the database") if namesakes else ""
        return PlannedRow(listed, NEW, why or N_("not in the database yet"))
    ranked = []
    for k, score, why in scored:
        tie, said = _tie_breaks(listed, k, org_id)
        ranked.append((k, score, tie, ", ".join([why, *said])))
    ranked.sort(key=lambda x: (-x[2], -x[1]))
    strong = [r for r in ranked if r[1] >= c.STRONG and r[2] >= 0]
    best = strong[0] if strong else None
    unique = best is not None and (len(strong) == 1 or strong[1][2] < best[2])
    if best is not None and unique and (best[1] == 100 or best[2] > 0):
        return PlannedRow(listed, MATCHED, best[3], best[0].id)
    options = [r for r in ranked if r[2] >= 0] if any(r[2] >= 0 for r in ranked) else []
    if not options:
        return PlannedRow(
            listed, NEW, N_("a namesake is in the database, but of another nationality")
        )
    several = N_("one of several people") if len(options) > 1 else "someone"
    return PlannedRow(
        listed, AMBIGUOUS, f"could be {several} already in the database",
        candidates=[Candidate(k.id, s, why) for k, s, _t, why in options[:5]],
        # namesakes, of whom the one listed for the event is meant; never a name only alike
        event_decides=all(s >= c.STRONG for _k, s, _t, _w in options),
    )  # fmt: skip


def _resolve(planned: PlannedRow, choice: uuid.UUID | str) -> None:
    if choice == CHOOSE_NEW:
        planned.outcome, planned.why, planned.person_id = NEW, "chosen: a new person", None
    else:
        person_id = choice if isinstance(choice, uuid.UUID) else uuid.UUID(str(choice))
        planned.outcome, planned.why, planned.person_id = MATCHED, "chosen by you", person_id


def _fill_in_event(session: Session, plan: ImportPlan) -> None:
    """Mark matched people already listed for the event (or binned there: to be restored)."""
    columns = (Participation.person_id, Participation.id, Participation.deleted_at)
    kept = (Participation.role, Participation.status, Participation.mode)
    listed = {
        person_id: (participation_id, deleted_at, _Listing(*values))
        for person_id, participation_id, deleted_at, *values in session.execute(
            sa.select(*columns, *kept).where(Participation.event_id == plan.event_id)
        )
    }
    taken = {row.person_id for row in plan.rows if row.outcome == MATCHED}
    for row in plan.rows:
        if row.outcome == AMBIGUOUS and row.event_decides:
            here = [x for x in row.candidates if listed.get(x.person_id, (0, 1))[1] is None]
            # of the namesakes, only one is listed for this very event (and no other row is him)
            if len(here) == 1 and here[0].person_id not in taken:
                row.outcome, row.person_id = MATCHED, here[0].person_id
                row.why, row.candidates = here[0].why, []
                taken.add(row.person_id)
        if row.outcome == MATCHED and row.person_id in listed:
            participation_id, deleted_at, current = listed[row.person_id]
            if deleted_at is None:
                row.in_event, row.participation_id = True, participation_id
                row.why += (
                    "; " + N_("already listed for this event") + _listing_differs(row, current)
                )
            else:
                row.restore_id = participation_id
                row.why += "; brought back from the recycle bin"


LISTING_STATED = ("role", "status", "mode")  # what a list may change of a listing


class _Listing(NamedTuple):
    role: str
    status: str
    mode: str


def listing_changes(listed: ListedRow, current: Any) -> dict[str, Any]:
    """The role, status and mode a row states otherwise than the person's listing (``current``:
    anything with those attributes) says: the list is the newer word. A status worked out from
    day columns changes only a status from before the event (invited, registered)."""
    changes = {}
    for name in LISTING_STATED:
        given, now = listed.participation.get(name), getattr(current, name)
        if given is None or given == now:
            continue
        if name == "status" and listed.status_from_days and now not in _BEFORE_THE_EVENT:
            continue
        changes[name] = given
    return changes


_BEFORE_THE_EVENT = (ParticipationStatus.INVITED, ParticipationStatus.REGISTERED)


def _listing_differs(row: PlannedRow, current: Any) -> str:
    """The row's ``listing_changes``, in words for the plan."""
    said = [
        f"{reference.label(type(new)(getattr(current, name))).lower()} → {reference.label(new).lower()}"
        for name, new in listing_changes(row.listed, current).items()
    ]
    return f" (the list changes {', '.join(said)})" if said else ""


def sex_written(listed: ListedRow) -> bool:
    """Was the row's sex written in the list (rather than guessed from the name)?"""
    return not any(note.startswith(N_("sex taken from the name")) for note in listed.notes)


def _disagreement(listed: ListedRow, nationality: str | None, sex: str) -> str:
    """What the row says otherwise than the matched person's record (which is kept)."""
    said = []
    given = listed.person.get("nationality")
    if given and nationality and given != nationality:
        said.append(f"the list says {reference.country_name(given)}, "
                    f"the record {reference.country_name(nationality)}")  # fmt: skip
    written = listed.person.get("sex")
    if (
        written
        and sex
        and sex_written(listed)
        and Sex.UNSPECIFIED not in (written, sex)
        and written != sex
    ):
        said.append(f"the list says {reference.label(Sex(written)).lower()}, "
                    f"the record {reference.label(Sex(sex)).lower()}")  # fmt: skip
    return f"; {' and '.join(said)} (the record is kept)" if said else ""


def _describe_candidates(plan: ImportPlan, people: dict[uuid.UUID, c.PersonShown]) -> None:
    for row in plan.rows:
        if row.outcome == MATCHED and row.person_id in people and not row.candidates:
            row.candidates = [Candidate(row.person_id, 100, row.why)]
        for cand in row.candidates:
            shown = people.get(cand.person_id)
            if shown is not None:
                cand.name, cand.nationality, cand.organization = shown[:3]
                cand.detail = shown.detail
        if row.outcome == MATCHED and row.person_id in people:
            shown = people[row.person_id]
            row.why += _disagreement(row.listed, shown.nationality, shown.sex)
        if row.outcome == AMBIGUOUS:
            row.why = f"{row.why}: " + "; ".join(_offered(x) for x in row.candidates)


def _offered(candidate: Candidate) -> str:
    """A candidate as an ambiguous row names them: with why, when their name is only alike."""
    alike = 0 < candidate.score < c.STRONG
    return f"{candidate.describe()} — {candidate.why}" if alike else candidate.describe()
