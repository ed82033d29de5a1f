"""Passwords of shared servers: never written to settings, logs or messages.

A password comes from libpq's own places (``~/.pgpass``, a service file, ``PGPASSWORD``), from
the system keyring (``keyring``: the desktop's secret store, or Windows' credential manager)
where the user chose to keep it, or from the user when the server asks for one. Every text that
could hold a connection string — a log line, an error sentence, a remembered location — goes
through :func:`redact` or :func:`without_password` first.
"""

from __future__ import annotations

import logging
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported only when a URL is parsed (the first window is
    from sqlalchemy.engine import URL  # shown before SQLAlchemy loads: ui.first_page)

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Convene"
HIDDEN = "***"

# user:password@ inside any URL (postgresql://, postgresql+psycopg://, …)
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^\s/@:]*):([^\s@]*)@")
# password=… in a URL's query or a libpq keyword string ("host=x password='a b'")
_KEYWORD_PASSWORD = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'\"]+)")


def redact(text: str) -> str:
    """``text`` with every password of a connection string in it replaced by ``***``."""
    if "@" not in text and "password" not in text.lower():
        return text
    text = _URL_PASSWORD.sub(rf"\1:{HIDDEN}@", text)
    return _KEYWORD_PASSWORD.sub(rf"\1{HIDDEN}", text)


def _parsed(location: str) -> URL | None:
    if "://" not in location:
        return None
    from sqlalchemy.engine import make_url

    try:
        return make_url(location)
    except Exception:
        return None


def without_password(location: str) -> str:
    """A database location fit to be remembered: a URL without its password (in the user part
    or the query); a file path as it is."""
    url = _parsed(location)
    if url is None:
        return redact(location)
    query = {k: v for k, v in url.query.items() if k.lower() != "password"}
    # URL.set() takes None as "unchanged": replace the field itself
    return url._replace(password=None).set(query=query).render_as_string(hide_password=False)


def keyring_key(url: URL) -> str:
    """The name a server's password is kept under in the keyring: login, host, port, database
    (``?service=`` and ``?host=`` for socket folders included, so two servers never share it)."""
    host = url.host or url.query.get("host") or url.query.get("service") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{host}{port}/{url.database or ''}"


def stored_password(url: URL) -> str | None:
    """The password kept in the system keyring for this server, if any (None also when the
    machine has no usable keyring)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception as exc:  # no keyring backend, locked store, D-Bus missing…
        log.info("no password from the keyring: %s", type(exc).__name__)
        return None


def store_password(url: URL, password: str) -> bool:
    """Keep ``password`` for this server in the system keyring; False if there is none."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)
        return True
    except Exception as exc:
        log.warning("the password could not be kept in the keyring: %s", type(exc).__name__)
        return False


def forget_password(url: URL) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, keyring_key(url))
    except Exception:
        pass


def with_stored_password(url: URL) -> URL:
    """``url`` with the keyring's password for it, when it names none itself and libpq has
    none from the environment (``PGPASSWORD``); else ``url`` unchanged (libpq still reads
    ``~/.pgpass`` and service files by itself)."""
    if url.get_backend_name() != "postgresql" or url.password or "password" in url.query:
        return url
    if os.environ.get("PGPASSWORD"):
        return url
    password = stored_password(url)
    return url.set(password=password) if password else url


def asks_for_password(exc: BaseException) -> bool:
    """Whether connecting failed because the server wants a password (none or a wrong one)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return (
        "no password supplied" in text
        or "password authentication failed" in text
        or "password is required" in text
    )
