"""Settings of the office kept in the database (shared by everyone using it, carried by backups),
not on one computer: the office's code, and the logo printed on certificates of attendance.
Every change is audited; the audit trail names binary content by its size and hash."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import N_, tr
from app.services import records as r
from app.sync.offices import code_in_use, set_this_office
from db.base import utcnow
from db.enums import AuditAction
from db.models import OfficeSetting

LOGO_KEY = "certificate_logo"
OFFICE_CODE_KEY = "office_code"
LOGO_MAX_BYTES = 2_000_000
LOGO_MAX_PIXELS = 800  # a longer side is scaled down to this before it is stored

MESSAGES = {
    "logo_unreadable": N_("The file is not an image that can be read (use PNG or JPEG)."),
    "logo_too_big": N_("The logo file is larger than 2 MB; use a smaller image."),
}


# --- The office's code: the hook of the offices-and-sync work ----------------------------------


def office_code(session: Session) -> str | None:
    """The short code of the office this database belongs to, or None while it has none in use
    (a generated code not yet chosen nor sent in a package: see ``app.sync.offices``)."""
    return code_in_use(session.connection())


def set_office_code(session: Session, code: str | None) -> None:
    """Name this database's office by ``code`` (refused once packages have travelled)."""
    set_this_office(session.connection(), code)
    cleaned = r.text(20)(code)
    _write_setting(session, OFFICE_CODE_KEY, text_value=cleaned.upper() if cleaned else None)


# --- Settings, and the logo ------------------------------------------------------------------


def _setting(session: Session, key: str) -> OfficeSetting | None:
    return session.scalar(
        sa.select(OfficeSetting).where(OfficeSetting.key == key, OfficeSetting.deleted_at.is_(None))
    )


def _write_setting(
    session: Session,
    key: str,
    *,
    text_value: str | None = None,
    binary_value: bytes | None = None,
) -> OfficeSetting:
    setting = _setting(session, key)
    summary = {"text_value": text_value, "binary_value": _bytes_note(binary_value)}
    if setting is None:
        setting = OfficeSetting(key=key, text_value=text_value, binary_value=binary_value)
        session.add(setting)
        r.flush(session, "setting")
        changes = {k: (None, v) for k, v in summary.items() if v is not None}
        r.record_audit(session, AuditAction.CREATE, setting, changes, f"Setting {key}")
        return setting
    old = {"text_value": setting.text_value, "binary_value": _bytes_note(setting.binary_value)}
    setting.text_value, setting.binary_value = text_value, binary_value
    setting.updated_at = utcnow()
    r.flush(session, "setting")
    changes = {k: (old[k], summary[k]) for k in summary if old[k] != summary[k]}
    r.record_audit(session, AuditAction.UPDATE, setting, changes, f"Setting {key}")
    return setting


def _bytes_note(value: bytes | None) -> str | None:
    """How the audit trail names binary content: its size and hash, not the bytes."""
    if value is None:
        return None
    return f"{len(value)} bytes, sha256 {hashlib.sha256(value).hexdigest()[:16]}"


def set_logo(session: Session, image_bytes: bytes | None) -> None:
    """Keep ``image_bytes`` (PNG, JPEG… any image Qt reads) as the logo printed on
    certificates, stored as PNG no larger than ``LOGO_MAX_PIXELS``; None removes it."""
    if image_bytes is None:
        _write_setting(session, LOGO_KEY)
        return
    if len(image_bytes) > LOGO_MAX_BYTES:
        raise ValidationError.single("logo", tr(MESSAGES["logo_too_big"]))
    _write_setting(session, LOGO_KEY, binary_value=_as_png(image_bytes))


def _as_png(image_bytes: bytes) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    image = QImage.fromData(QByteArray(image_bytes))
    if image.isNull() or image.width() < 1:
        raise ValidationError.single("logo", tr(MESSAGES["logo_unreadable"]))
    if max(image.width(), image.height()) > LOGO_MAX_PIXELS:
        image = image.scaled(
            LOGO_MAX_PIXELS,
            LOGO_MAX_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def logo_png(session: Session) -> bytes | None:
    setting = _setting(session, LOGO_KEY)
    return setting.binary_value if setting is not None else None
