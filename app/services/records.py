"""What every service write shares: field rules, version checks, soft delete and the audit trail.

A service call validates its input against a ``RecordSpec`` (one ``FieldRule`` per editable
field of the record's catalogue in ``app.fields``, then whole-record checks), writes, and records exactly one ``AuditEntry`` with the old and
new value of each changed field — all inside the caller's transaction, so the write and its audit
entry are committed together or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import reference
from app.cleaning import BIDI_CONTROLS, C1_CONTROLS
from app.errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from app.fields import Field, RecordFields
from app.i18n import tr
from db.base import Base, utcnow
from db.enums import AuditAction
from db.models import AuditEntry

M = TypeVar("M", bound=Base)
Coercer = Callable[[Any], Any]


# --- Turning input into stored values -----------------------------------------------------------


_SPACES = re.compile(r"\s+")


# keeps tab, line feed, return
_CONTROL = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{C1_CONTROLS}{BIDI_CONTROLS}]")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date outside is a typing slip (0001-01-01, 20255-…)


def text(max_length: int) -> Coercer:
    """Trimmed text, empty meaning none, at most ``max_length`` characters."""

    def coerce(value: Any) -> str | None:
        if value is None:
            return None
        cleaned = _SPACES.sub(" ", _CONTROL.sub("", str(value))).strip()
        if not cleaned:
            return None
        if len(cleaned) > max_length:
            raise ValueError(
                tr("is too long ({n_cleaned} characters; at most {max_length})").format(
                    n_cleaned=len(cleaned), max_length=max_length
                )
            )
        return cleaned

    return coerce


def long_text(value: Any) -> str | None:
    """Free text that keeps its line breaks; empty meaning none."""
    if value is None:
        return None
    cleaned = _CONTROL.sub("", str(value)).strip()
    return cleaned or None


def choice(enum_cls: type[enum.Enum]) -> Coercer:
    def coerce(value: Any) -> enum.Enum | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return reference.parse_enum(enum_cls, value)

    return coerce


def date_value(value: Any) -> dt.date | None:
    """A date, from a date or text (YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY), within the years
    1900–2100."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        value = _parse_date(str(value).strip())
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            tr("'{value}' is outside the years {FIRST_YEAR}–{LAST_YEAR}").format(
                value=reference.show_date(value), FIRST_YEAR=FIRST_YEAR, LAST_YEAR=LAST_YEAR
            )
        )
    return value


def _parse_date(text_value: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text_value, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        tr("'{text_value}' is not a date (use YYYY-MM-DD)").format(text_value=text_value)
    )


def country_code(value: Any) -> str | None:
    if value is None or not str(value).strip():
        return None
    code = reference.find_country(str(value))
    if code is None:
        former = reference.former_country(str(value))
        if former is not None:
            raise ValueError(
                tr(
                    "'{value}' is a former country ({former}), now several; give today's country"
                ).format(value=value, former=former)
            )
        raise ValueError(
            tr("'{value}' is not a known country (use an ISO code such as KZ)").format(value=value)
        )
    return code


def count(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValueError(tr("'{value}' is not a whole number").format(value=value)) from None
    if isinstance(number, bool) or number < 0:
        raise ValueError("cannot be negative")
    return number


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    folded = str(value).strip().casefold()
    if folded in ("1", "true", "yes", "y", "да", "x", "✓"):
        return True
    if folded in ("", "0", "false", "no", "n", "нет"):
        return False
    raise ValueError(tr("'{value}' is not yes or no").format(value=value))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(value: Any) -> str | None:
    cleaned = text(320)(value)
    if cleaned is None:
        return None
    written, cleaned = cleaned, cleaned.replace(" ", "").lower()
    if not _EMAIL.match(cleaned):
        raise ValueError(
            tr("'{written}' is not an e-mail address").format(written=written)
        )  # as written, spaces and all
    return cleaned


def reference_to(model: type[Base], noun: str) -> Coercer:
    """A UUID (or the record itself) that must name a live record; checked in ``validate``."""

    def coerce(value: Any) -> uuid.UUID | None:
        if value is None or value == "":
            return None
        if isinstance(value, model):
            return value.id  # type: ignore[attr-defined,no-any-return]
        try:
            return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        except ValueError:
            raise ValueError(
                tr("'{value}' does not name a {noun}").format(value=value, noun=noun)
            ) from None

    coerce.model = model  # type: ignore[attr-defined]
    coerce.noun = noun  # type: ignore[attr-defined]
    return coerce


# --- Record specifications ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FieldRule:
    """How one field's input is checked: the catalogue's field and the coercer of its kind."""

    field: Field
    coerce: Coercer

    @property
    def name(self) -> str:
        return self.field.key

    @property
    def label(self) -> str:
        """The field's English label (translate with ``tr``)."""
        return self.field.label

    @property
    def required(self) -> bool:
        return self.field.required

    def title(self) -> str:
        """The field's label in the current language."""
        return self.field.title()


def coercer_for(field: Field) -> Coercer:
    """The coercer of a catalogued field's kind."""
    if field.kind == "text":
        return text(field.size)
    if field.kind == "choice":
        assert field.choices is not None, field.key
        return choice(field.choices)
    if field.kind == "record":
        assert field.target is not None, field.key
        return reference_to(*field.target)
    simple: dict[str, Coercer] = {
        "long_text": long_text,
        "date": date_value,
        "count": count,
        "flag": flag,
        "country": country_code,
        "email": email,
    }
    return simple[field.kind]


@dataclasses.dataclass(frozen=True)
class RecordSpec:
    """How one kind of record is validated: its catalogued fields (``app.fields``), then checks
    on the record as a whole. Fields of kind "many" (fields of work, donors) are the service's
    own business and have no rule here.

    ``check`` receives the merged values (current record plus the changes) and returns problems.
    """

    model: type[Base]
    noun: str
    catalogue: RecordFields
    check: Callable[[Session, dict[str, Any], Any], list[FieldProblem]] | None = None

    @functools.cached_property
    def rules(self) -> tuple[FieldRule, ...]:
        return tuple(FieldRule(f, coercer_for(f)) for f in self.catalogue if f.kind != "many")

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(rule.name for rule in self.rules)

    def new_values(self) -> dict[str, Any]:
        """The values a new record starts with (the catalogue's defaults)."""
        return self.catalogue.defaults()

    def validate(
        self, session: Session, values: Mapping[str, Any], current: Any = None
    ) -> dict[str, Any]:
        """Clean ``values``; raise ValidationError listing every problem found."""
        by_name = {rule.name: rule for rule in self.rules}
        unknown = sorted(set(values) - set(by_name))
        if unknown:
            raise ValidationError(
                [
                    FieldProblem(
                        name,
                        tr("{capitalize} has no field '{name}'.").format(
                            capitalize=self.noun.capitalize(), name=name
                        ),
                    )
                    for name in unknown
                ]
            )
        clean: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, raw in values.items():
            rule = by_name[name]
            try:
                clean[name] = rule.coerce(raw)
            except ValueError as exc:
                problems.append(FieldProblem(name, f"{rule.title()}: {exc}."))
                continue
            target = getattr(rule.coerce, "model", None)
            if target is not None and clean[name] is not None:
                record = session.get(target, clean[name])
                if record is None or record.deleted_at is not None:
                    problems.append(
                        FieldProblem(
                            name,
                            tr("{label}: no such {noun}.").format(
                                label=rule.title(), noun=rule.coerce.noun
                            ),
                        )
                    )
        merged = {name: getattr(current, name) for name in self.fields} if current else {}
        merged.update(clean)
        flagged = {p.field for p in problems}
        for rule in self.rules:
            missing = merged.get(rule.name) in (None, "", [])
            if rule.required and missing and rule.name not in flagged:
                problems.append(
                    FieldProblem(rule.name, tr("{label} is required.").format(label=rule.title()))
                )
        if self.check is not None:
            flagged = {p.field for p in problems}
            problems.extend(
                p for p in self.check(session, merged, current) if p.field not in flagged
            )
        if problems:
            raise ValidationError(problems)
        return clean


# --- Audit trail --------------------------------------------------------------------------------


def json_ready(value: Any) -> Any:
    """A value as it is written into an audit entry (and into ``--json`` output)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [json_ready(v) for v in value]
    return value


def record_audit(
    session: Session,
    action: AuditAction,
    record: Base,
    changes: Mapping[str, tuple[Any, Any] | list[Any]],
    summary: str | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        actor=session.info.get("actor") or "unknown",
        action=action,
        entity=record.__tablename__,
        entity_id=record.id,  # type: ignore[attr-defined]
        changes={name: [json_ready(old), json_ready(new)] for name, (old, new) in changes.items()},
        summary=(summary or "")[:500] or None,
    )
    session.add(entry)
    return entry


def audit_history(session: Session, entity: str, entity_id: uuid.UUID) -> list[AuditEntry]:
    """The audit entries of one record, oldest first."""
    return list(
        session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
    )


# --- Writes -------------------------------------------------------------------------------------


def get_record(session: Session, model: type[M], record_id: Any, *, deleted: bool = False) -> M:
    """The record with ``record_id``; NotFoundError if missing, or (unless ``deleted``) binned."""
    noun = model.__tablename__.replace("_", " ")
    try:
        key = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
    except ValueError:
        raise NotFoundError(
            tr("There is no {noun} with the id '{record_id}'.").format(
                noun=noun, record_id=record_id
            )
        ) from None
    record = session.get(model, key)
    if record is None:
        raise NotFoundError(
            tr("There is no {noun} with the id '{record_id}'.").format(
                noun=noun, record_id=record_id
            )
        )
    if record.deleted_at is not None and not deleted:  # type: ignore[attr-defined]
        raise NotFoundError(tr("The {noun} is in the recycle bin.").format(noun=noun))
    return record


def check_version(record: Base, expected_version: int | None, noun: str) -> None:
    """Refuse to change ``record`` if it moved on since the caller loaded ``expected_version``."""
    if expected_version is not None and record.version != expected_version:  # type: ignore[attr-defined]
        raise ConflictError(
            tr(
                "This {noun} was changed by someone else (version {version}, you loaded version {expected_version}). Reload it and make your change again."
            ).format(noun=noun, version=record.version, expected_version=expected_version)
        )


def flush(session: Session, noun: str) -> None:
    """Flush, turning a lost optimistic-lock race into a ConflictError."""
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError(
            tr(
                "This {noun} was changed or deleted by someone else while you were editing it. Reload it and make your change again."
            ).format(noun=noun)
        ) from None


def create_record(
    session: Session,
    spec: RecordSpec,
    values: Mapping[str, Any],
    *,
    summary: str | None = None,
    prepare: Callable[[Any], dict[str, tuple[Any, Any]] | None] | None = None,
) -> Any:
    """Validate ``values``, insert a new record and audit it with every field that has a value.

    ``prepare`` may fill derived fields before the insert and returns extra audited changes.
    An ``id`` in ``values`` is used as the new record's key (sample data uses fixed keys).
    """
    values = dict(values)
    record_id = values.pop("id", None)
    clean = spec.validate(session, values)
    record = spec.model(**clean)
    if record_id is not None:
        record.id = record_id
    with session.no_autoflush:
        extra = prepare(record) if prepare is not None else None
    session.add(record)
    flush(session, spec.noun)
    changes = {
        name: (None, getattr(record, name))
        for name in spec.fields
        if getattr(record, name) not in (None, "", [])
    }
    changes.update(extra or {})
    record_audit(session, AuditAction.CREATE, record, changes, summary)
    return record


def update_record(
    session: Session,
    spec: RecordSpec,
    record_id: Any,
    expected_version: int | None,
    values: Mapping[str, Any],
    *,
    prepare: Callable[[Any, dict[str, Any]], dict[str, tuple[Any, Any]]] | None = None,
) -> Any:
    """Apply ``values`` to a record loaded at ``expected_version``; audit the fields that changed.

    ``prepare`` may adjust derived fields and returns their changes for the audit entry.
    Nothing is written (and nothing audited) when no value differs.
    """
    record = get_record(session, spec.model, record_id)
    check_version(record, expected_version, spec.noun)
    clean = spec.validate(session, values, current=record)
    changes = {
        name: (getattr(record, name), new)
        for name, new in clean.items()
        if getattr(record, name) != new
    }
    with session.no_autoflush:  # one UPDATE (one version step) for the whole change
        for name, (_old, new) in changes.items():
            setattr(record, name, new)
        if prepare is not None:
            changes.update(prepare(record, changes))
    if changes:
        record.updated_at = utcnow()  # also bumps the version when only a collection changed
        flush(session, spec.noun)
        record_audit(session, AuditAction.UPDATE, record, changes)
    return record


def replace_collection(
    record: Base, attribute: str, items: list[Any] | None, key: Callable[[Any], Any], *, new: bool
) -> dict[str, tuple[Any, Any]]:
    """Set a many-to-many collection (fields of work, donors) and return its audited change.

    ``items`` None means "not given": nothing changes. Order does not count as a change.
    """
    if items is None:
        return {}
    old = [] if new else [key(x) for x in getattr(record, attribute)]
    wanted = [key(x) for x in items]
    if sorted(map(str, old)) == sorted(map(str, wanted)):
        return {}
    setattr(record, attribute, items)
    return {attribute: (None if new else old, wanted)}


def soft_delete(
    session: Session, model: type[M], record_id: Any, expected_version: int | None = None
) -> M:
    """Move a record to the recycle bin."""
    noun = model.__tablename__.replace("_", " ")
    record = get_record(session, model, record_id)
    check_version(record, expected_version, noun)
    now = utcnow()
    record.deleted_at = now  # type: ignore[attr-defined]
    flush(session, noun)
    record_audit(session, AuditAction.DELETE, record, {"deleted_at": (None, now)})
    return record


def restore(session: Session, model: type[M], record_id: Any) -> M:
    """Bring a record back from the recycle bin."""
    noun = model.__tablename__.replace("_", " ")
    record = get_record(session, model, record_id, deleted=True)
    if record.deleted_at is None:  # type: ignore[attr-defined]
        raise ValidationError.single(
            "deleted_at", tr("This {noun} is not in the recycle bin.").format(noun=noun)
        )
    old = record.deleted_at  # type: ignore[attr-defined]
    record.deleted_at = None  # type: ignore[attr-defined]
    flush(session, noun)
    record_audit(session, AuditAction.RESTORE, record, {"deleted_at": (old, None)})
    return record


def live(model: type[M]) -> sa.Select[tuple[M]]:
    """SELECT of the records of ``model`` that are not in the recycle bin."""
    return sa.select(model).where(model.deleted_at.is_(None))  # type: ignore[attr-defined]


def ids_of(records: Iterable[Base]) -> list[uuid.UUID]:
    return [r.id for r in records]  # type: ignore[attr-defined]
