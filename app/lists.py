"""The record lists of the main window, as SQL: columns, search, filters, sorting and paging.

A list is described by a ``ListSpec``; ``count_rows`` and ``fetch_rows`` run it for one
``ListQuery`` (search text, filters, sort). Everything is done by the database — only the rows
of the page being shown are ever loaded — so a list of 200,000 people costs what one page costs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.fields import EVENT as EV
from app.fields import ORGANIZATION as OR
from app.fields import PERSON as PE
from app.fields import PERSON_NAME_LOCAL, Field
from app.fields import PROJECT as PR
from app.i18n import N_, language, tr
from app.reference import REPORTED_SUFFIX
from app.search import person_sort_key
from db.enums import (
    ATTENDED_STATUSES,
    AuditAction,
)
from db.models import (
    AuditEntry,
    Event,
    EventPartner,
    Organization,
    Participation,
    Person,
    Project,
    project_donor,
)


@dataclasses.dataclass(frozen=True)
class Column:
    """One column of a list: its label, its SQL expression and how to show its values."""

    key: str
    label: str
    expr: Any
    kind: str = "text"  # text, date, int, country, enum, datetime
    enum: type[enum.Enum] | None = None
    width: int = 120
    sortable: bool = True
    stretch: bool = False  # takes the room left over in the window
    drop: int = 0  # in a narrow window, columns with the highest number are hidden first (0: never)
    sort: tuple[Any, ...] = ()  # what to order by (default: the column); indexed, see 0003
    label_note: str = ""  # the label's disambiguation in the catalogue (a shorter Russian word)
    in_russian: Any = None  # what the column shows when the program speaks Russian (default: expr)

    def title(self) -> str:
        """The column's label in the current language."""
        return tr(self.label, self.label_note)

    def shown(self, lang: str | None = None) -> Any:
        """The SQL expression of the column in ``lang`` (default: the current language)."""
        russian = (lang or language()) == "ru" and self.in_russian is not None
        return self.in_russian if russian else self.expr


_LIST_KINDS = {"date": "date", "count": "int", "country": "country", "choice": "enum"}


def field_column(field: Field, expr: Any, *, key: str | None = None, **more: Any) -> Column:
    """The column of a catalogued field (``app.fields``): its heading, and how to show its
    values by the field's kind (a record field shows a name: text). ``key``: the column's key
    when it is not the field's own."""
    kind = _LIST_KINDS.get(field.kind, "text")
    return Column(
        key or field.key, field.heading_source, expr, kind, field.choices if kind == "enum" else None,
        label_note=field.heading_note, **more,
    )  # fmt: skip


@dataclasses.dataclass(frozen=True)
class ListQuery:
    """What the user asked the list to show."""

    search: str = ""
    filters: tuple[tuple[str, Any], ...] = ()
    sort: str | None = None
    descending: bool = False

    def with_filter(self, name: str, value: Any) -> ListQuery:
        kept = tuple((k, v) for k, v in self.filters if k != name)
        if value not in (None, "", ()):
            kept += ((name, value),)
        return dataclasses.replace(self, filters=kept)


@dataclasses.dataclass(frozen=True)
class Row:
    """One row of a page: the record's id and version, and the column values in order."""

    id: uuid.UUID
    version: int
    values: tuple[Any, ...]


# (text, the session it runs in, whether a page in sort order is wanted rather than all the
# matches, as for a count) -> WHERE clause
SearchClause = Callable[[str, Session, bool], Any]


@dataclasses.dataclass(frozen=True)
class ListSpec:
    """A list: the main table, its columns, its search and its filters."""

    name: str
    model: Any
    columns: tuple[Column, ...]
    default_sort: str
    search: SearchClause
    filters: dict[str, Callable[[Any], Any]]
    id_column: Any = None
    version_column: Any = None
    base_where: Any = None
    source: Callable[[], Any] | None = None  # a selectable to list from instead of the model

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def default_descending(self) -> bool:
        """Dates are listed newest first; everything else A to Z."""
        return self.column(self.default_sort).kind in ("date", "datetime")


def _like_any(columns: list[Any], text: str) -> Any:
    """Case-insensitive substring match on any of ``columns``, the text taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(*(sa.func.lower(c).like(pattern.lower(), escape="\\") for c in columns))


def _words_match(columns: list[Any], text: str) -> Any:
    """Every word of ``text`` appears in one of ``columns``."""
    words = [w for w in text.split() if w]
    return sa.and_(*(_like_any(columns, w) for w in words)) if words else sa.true()


def people_search(text: str, session: Session, page: bool) -> Any:
    """People whose name (either script) or e-mail contains every word of ``text``; for a page,
    written for a broad or a narrow search (``app.search.is_broad``)."""
    from app.search import people_search_clause, people_search_for

    if page:
        return people_search_for(session, text)
    return people_search_clause(session.get_bind().dialect.name, text)


def events_search(text: str, session: Session, page: bool) -> Any:
    from app.search import event_search_clause, event_search_for

    if page:
        return event_search_for(session, text)
    return event_search_clause(session.get_bind().dialect.name, text)


def _organizations_search(text: str, session: Session, page: bool) -> Any:
    return _words_match([Organization.name, Organization.name_local, Organization.acronym], text)


def _projects_search(text: str, session: Session, page: bool) -> Any:
    return _words_match([Project.code, Project.title], text)


def _attended_count(event_key: Any) -> Any:
    return (
        sa.select(sa.func.count())
        .select_from(Participation)
        .where(
            Participation.event_id == event_key,
            Participation.deleted_at.is_(None),
            Participation.status.in_(ATTENDED_STATUSES),
        )
        .scalar_subquery()
    )


def _took_part(event_key: Any) -> Any:
    """How many took part, as text: attended participations, or — for an event with no
    participant list — its reported head-count marked "(reported)" (as ``head_count`` counts),
    so an event known only by head-counts does not show 0."""
    listed = sa.exists().where(
        Participation.event_id == event_key,
        Participation.deleted_at.is_(None),
        Person.id == Participation.person_id,
        Person.deleted_at.is_(None),
    )
    return sa.case(
        (
            sa.and_(~listed, Event.reported_total.is_not(None)),
            sa.cast(Event.reported_total, sa.String) + REPORTED_SUFFIX,
        ),
        else_=sa.cast(_attended_count(event_key), sa.String),
    )


def _event_count(person_key: Any) -> Any:
    return (
        sa.select(sa.func.count())
        .select_from(Participation)
        .where(Participation.person_id == person_key, Participation.deleted_at.is_(None))
        .scalar_subquery()
    )


def _people_count(organization_key: Any) -> Any:
    return (
        sa.select(sa.func.count())
        .select_from(Person)
        .where(Person.organization_id == organization_key, Person.deleted_at.is_(None))
        .scalar_subquery()
    )


def _project_event_count(project_key: Any) -> Any:
    return (
        sa.select(sa.func.count())
        .select_from(Event)
        .where(Event.project_id == project_key, Event.deleted_at.is_(None))
        .scalar_subquery()
    )


_project_title = (
    sa.select(sa.func.coalesce(Project.code, Project.title))
    .where(Project.id == Event.project_id)
    .scalar_subquery()
)
_local_name = (
    sa.func.coalesce(Person.family_name_local, "")
    + " "
    + sa.func.coalesce(Person.given_name_local, "")
)
_person_organization = (
    sa.select(Organization.name).where(Organization.id == Person.organization_id).scalar_subquery()
)

EVENTS = ListSpec(
    name="events",
    model=Event,
    columns=(
        field_column(EV["reference"], Event.reference, width=75),
        field_column(EV["start_date"], Event.start_date, width=88),
        field_column(EV["end_date"], Event.end_date, width=88, drop=4),
        field_column(
            EV["title"],
            Event.title,
            width=300,
            stretch=True,
            in_russian=sa.func.coalesce(sa.func.nullif(Event.title_ru, ""), Event.title),
        ),
        field_column(EV["title_ru"], Event.title_ru, width=260, drop=7),
        field_column(EV["type"], Event.type, width=135),
        field_column(EV["format"], Event.format, width=128, drop=3),
        field_column(EV["city"], Event.city, width=90, drop=1),
        field_column(EV["country"], Event.country, width=100),
        field_column(EV["status"], Event.status, width=80, drop=5),
        Column("attended", N_("Took part"), _took_part(Event.id), "int", width=90, sortable=False),
        field_column(
            EV["project_id"], _project_title, key="project", width=80, sortable=False, drop=6
        ),
    ),
    default_sort="start_date",
    search=events_search,
    filters={
        "year": lambda y: sa.and_(
            Event.start_date <= dt.date(int(y), 12, 31), Event.end_date >= dt.date(int(y), 1, 1)
        ),
        "from": lambda d: Event.end_date >= d,
        "to": lambda d: Event.start_date <= d,
        "country": lambda c: Event.country == c,
        "type": lambda t: Event.type == t,
        "format": lambda f: Event.format == f,
        "project": lambda p: Event.project_id == p,
        "partner": lambda o: Event.id.in_(
            sa.select(EventPartner.event_id).where(
                EventPartner.organization_id == o, EventPartner.deleted_at.is_(None)
            )
        ),
    },
)

PEOPLE = ListSpec(
    name="people",
    model=Person,
    columns=(
        field_column(
            PE["family_name"],
            Person.family_name,
            width=140,
            # as search results are ordered: people known only by their local-script name sort
            # by it (after the Latin names), not as a block of blanks at the top
            sort=person_sort_key()[:2],
        ),
        field_column(
            PE["given_name"],
            Person.given_name,
            width=110,
            sort=(Person.given_name, Person.family_name),
        ),
        field_column(
            PERSON_NAME_LOCAL,
            _local_name,
            width=190,
            sort=(Person.family_name_local, Person.given_name_local),
        ),
        field_column(PE["sex"], Person.sex, width=70, sortable=False, drop=2),
        field_column(
            PE["nationality"],
            Person.nationality,
            width=100,
            sort=(Person.nationality, Person.family_name, Person.given_name),
        ),
        field_column(
            PE["organization_id"],
            _person_organization,
            key="organization",
            width=220,
            stretch=True,
            sortable=False,
        ),
        field_column(PE["position"], Person.position, width=180, sortable=False, drop=4),
        field_column(PE["email"], Person.email, width=170, drop=3),
        Column(
            "events",
            N_("Events", "count column"),
            _event_count(Person.id),
            "int",
            width=55,
            sortable=False,
            label_note="count column",
        ),
    ),
    default_sort="family_name",
    search=people_search,
    filters={
        "country": lambda c: Person.nationality == c,
        "organization": lambda o: Person.organization_id == o,
        "sex": lambda s: Person.sex == s,
    },
)

ORGANIZATIONS = ListSpec(
    name="organizations",
    model=Organization,
    columns=(
        field_column(OR["name"], Organization.name, width=360, stretch=True),
        field_column(OR["acronym"], Organization.acronym, width=105),
        field_column(OR["kind"], Organization.kind, width=210, drop=3),
        field_column(OR["sector"], Organization.sector, width=175, drop=2),
        field_column(OR["country"], Organization.country, width=110),
        Column(
            "people", N_("People"), _people_count(Organization.id), "int", width=60, sortable=False
        ),
    ),
    default_sort="name",
    search=_organizations_search,
    filters={
        "country": lambda c: Organization.country == c,
        "kind": lambda k: Organization.kind == k,
        "sector": lambda s: Organization.sector == s,
    },
)

PROJECTS = ListSpec(
    name="projects",
    model=Project,
    columns=(
        field_column(PR["code"], Project.code, width=100),
        field_column(PR["title"], Project.title, width=420, stretch=True),
        field_column(PR["start_date"], Project.start_date, width=95),
        field_column(PR["end_date"], Project.end_date, width=95),
        Column("events", N_("Events"), _project_event_count(Project.id), "int", width=95, sortable=False),
    ),
    default_sort="title",
    search=_projects_search,
    filters={"donor": lambda o: Project.id.in_(
        sa.select(project_donor.c.project_id).where(project_donor.c.organization_id == o)
    )},
)  # fmt: skip


# --- The recycle bin: every kind of record in one list ------------------------------------------

_BIN_KINDS: tuple[tuple[str, Any, Any], ...] = (
    ("event", Event, Event.reference + " " + Event.title),
    ("person", Person, sa.func.coalesce(Person.family_name, Person.family_name_local, "")
     + " " + sa.func.coalesce(Person.given_name, Person.given_name_local, "")),
    ("organization", Organization, Organization.name),
    ("project", Project, Project.title),
)  # fmt: skip


def _recycle_bin() -> Any:
    parts = [
        sa.select(
            model.id.label("id"),
            model.version.label("version"),
            sa.literal(kind).label("kind"),
            label.label("label"),
            model.deleted_at.label("deleted_at"),
        ).where(model.deleted_at.is_not(None))
        for kind, model, label in _BIN_KINDS
    ]
    return sa.union_all(*parts).subquery("recycle_bin")


_bin = _recycle_bin()
_deleted_by = (
    sa.select(AuditEntry.actor)
    .where(
        AuditEntry.entity == _bin.c.kind,
        AuditEntry.entity_id == _bin.c.id,
        AuditEntry.action == AuditAction.DELETE,
    )
    .order_by(AuditEntry.created_at.desc())
    .limit(1)
    .scalar_subquery()
)

RECYCLE_BIN = ListSpec(
    name="recycle_bin",
    model=None,
    columns=(
        Column("kind", N_("Kind"), _bin.c.kind, "kind", width=110),
        Column("label", N_("Record"), _bin.c.label, width=460, stretch=True),
        Column("deleted_at", N_("Deleted"), _bin.c.deleted_at, "datetime", width=150),
        Column("deleted_by", N_("Deleted by"), _deleted_by, width=120, sortable=False),
    ),
    default_sort="deleted_at",
    search=lambda text, session, page: _words_match([_bin.c.label], text),
    filters={"kind": lambda k: _bin.c.kind == k},
    id_column=_bin.c.id,
    version_column=_bin.c.version,
    source=lambda: _bin,
)

LISTS = {spec.name: spec for spec in (EVENTS, PEOPLE, ORGANIZATIONS, PROJECTS, RECYCLE_BIN)}


# --- Running a list -----------------------------------------------------------------------------


def _where(session: Session, spec: ListSpec, query: ListQuery, page: bool = False) -> list[Any]:
    """The conditions of a list; ``page``: for one page in sort order (else for all rows)."""
    clauses = []
    if spec.model is not None:
        clauses.append(spec.model.deleted_at.is_(None))
    if query.search.strip():
        clauses.append(spec.search(query.search.strip(), session, page))
    for name, value in query.filters:
        clauses.append(spec.filters[name](value))
    return clauses


def _from(spec: ListSpec) -> Any:
    return spec.source() if spec.source is not None else spec.model


def count_statement(session: Session, spec: ListSpec, query: ListQuery) -> Any:
    """The SELECT counting the records a list shows for ``query``."""
    return sa.select(sa.func.count()).select_from(_from(spec)).where(*_where(session, spec, query))


def count_rows(session: Session, spec: ListSpec, query: ListQuery) -> int:
    """How many records the list shows for ``query``."""
    return int(session.scalar(count_statement(session, spec, query)) or 0)


def _order(spec: ListSpec, query: ListQuery, lang: str | None = None) -> list[Any]:
    """The ORDER BY of a list: the column's sort keys, then the id so that paging is stable —
    the order of the list indexes (migration 0003), which the database walks instead of sorting.
    Empty values come first ascending on SQLite and last on PostgreSQL, as each database sorts."""
    key = query.sort or spec.default_sort
    column = spec.column(key)
    id_column = spec.id_column if spec.id_column is not None else spec.model.id
    descending = query.descending if query.sort else spec.default_descending()
    keys = [*(column.sort or (column.shown(lang),)), id_column]
    return [k.desc() if descending else k.asc() for k in keys]


def page_statement(
    session: Session,
    spec: ListSpec,
    query: ListQuery,
    offset: int,
    limit: int,
    lang: str | None = None,
) -> Any:
    """The SELECT of rows ``offset`` … ``offset + limit`` of a list (in ``lang``, default: the
    current language)."""
    id_column = spec.id_column if spec.id_column is not None else spec.model.id
    version_column = spec.version_column if spec.version_column is not None else spec.model.version
    shown = sa.select(id_column, version_column, *(c.shown(lang) for c in spec.columns))
    order = _order(spec, query, lang)
    where = _where(session, spec, query, page=True)
    if spec.source is None and session.get_bind().dialect.name == "postgresql":
        # PostgreSQL works out every column of the rows an OFFSET skips (each person's count of
        # events, organisation…): the page's ids first, then the columns of those rows alone
        # (200 rows instead of 150,200 deep in the people list).
        ids = sa.select(id_column).where(*where).order_by(*order).offset(offset).limit(limit)
        return shown.where(id_column.in_(ids.scalar_subquery())).order_by(*order)
    return shown.select_from(_from(spec)).where(*where).order_by(*order).offset(offset).limit(limit)


def fetch_rows(
    session: Session, spec: ListSpec, query: ListQuery, offset: int, limit: int
) -> list[Row]:
    """Rows ``offset`` … ``offset + limit`` of the list, sorted and filtered by the database."""
    statement = page_statement(session, spec, query, offset, limit)
    return [Row(r[0], r[1], tuple(r[2:])) for r in session.execute(statement)]


def row_position(
    session: Session, spec: ListSpec, query: ListQuery, record_id: uuid.UUID
) -> int | None:
    """Where ``record_id`` sits in the list (to keep it selected after a refresh), or None."""
    id_column = spec.id_column if spec.id_column is not None else spec.model.id
    numbered = (
        sa.select(
            id_column.label("rid"),
            sa.func.row_number().over(order_by=_order(spec, query)).label("n"),
        )
        .select_from(_from(spec))
        .where(*_where(session, spec, query))
        .subquery()
    )
    found = session.scalar(sa.select(numbered.c.n).where(numbered.c.rid == record_id))
    return None if found is None else int(found) - 1


# --- Choices for the filter boxes ---------------------------------------------------------------


def _distinct(session: Session, column: Any, model: Any) -> list[Any]:
    rows = session.scalars(
        sa.select(column).where(model.deleted_at.is_(None), column.is_not(None)).distinct()
    )
    return sorted(rows, key=str)


def event_years(session: Session) -> list[int]:
    """The years in which events started or ended, newest first."""
    dates = session.execute(
        sa.select(sa.func.min(Event.start_date), sa.func.max(Event.end_date)).where(
            Event.deleted_at.is_(None)
        )
    ).one()
    if dates[0] is None:
        return []
    return list(range(dates[1].year, dates[0].year - 1, -1))


def event_countries(session: Session) -> list[str]:
    return _distinct(session, Event.country, Event)


def person_countries(session: Session) -> list[str]:
    return _distinct(session, Person.nationality, Person)


def organization_countries(session: Session) -> list[str]:
    return _distinct(session, Organization.country, Organization)


def organization_choices(
    session: Session, *, partners_only: bool = False
) -> list[tuple[uuid.UUID, str]]:
    """Live organisations as (id, display name), by name; only event partners if asked."""
    statement = sa.select(Organization.id, Organization.name, Organization.acronym).where(
        Organization.deleted_at.is_(None)
    )
    if partners_only:
        statement = statement.where(
            Organization.id.in_(
                sa.select(EventPartner.organization_id).where(EventPartner.deleted_at.is_(None))
            )
        )
    rows = session.execute(statement.order_by(Organization.name)).all()
    return [(oid, f"{name} ({acronym})" if acronym else name) for oid, name, acronym in rows]


def project_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    rows = session.execute(
        sa.select(Project.id, Project.code, Project.title)
        .where(Project.deleted_at.is_(None))
        .order_by(Project.title)
    ).all()
    return [(pid, f"{code} — {title}" if code else title) for pid, code, title in rows]
