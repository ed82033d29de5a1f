"""The package file: a manifest and changes, compressed, encrypted and authenticated.

Layout: ``CONVENE-SYNC`` and a format byte, a 16-byte salt, a 12-byte nonce, then the AES-256-GCM
ciphertext of the zlib-compressed JSON document. The key is derived from the passphrase the
offices share with scrypt (n=2^14, r=8, p=1) and the salt; the header is authenticated with the
contents, so a changed byte anywhere, or another passphrase, is refused before anything is read.
All of it comes from the ``cryptography`` library; nothing here is a cipher of our own.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import ConveneError
from app.i18n import N_, tr

MAGIC = b"CONVENE-SYNC"
FORMAT = 1
PASSPHRASE_VARIABLE = "CONVENE_SYNC_PASSPHRASE"

MESSAGES = {
    "no_passphrase": N_(
        "No sync passphrase: set CONVENE_SYNC_PASSPHRASE to the passphrase the offices share."
    ),
    "short_passphrase": N_("The sync passphrase must be at least 8 characters long."),
    "unreadable": N_("The package {path} cannot be read: {reason}."),
    "not_package": N_("{path} is not a Convene sync package."),
    "newer_format": N_("The package {path} was written by a newer Convene (format {found})."),
    "refused": N_(
        "The package {path} was refused: the passphrase is wrong or the file was changed after"
        " it was written."
    ),
}


class PackageError(ConveneError):
    """A package that cannot be used (unreadable, changed, wrong passphrase, other schema)."""


def passphrase_from_environment() -> str:
    value = os.environ.get(PASSPHRASE_VARIABLE, "")
    if not value:
        raise PackageError(tr(MESSAGES["no_passphrase"]))
    return value


def _key(passphrase: str, salt: bytes) -> bytes:
    if len(passphrase) < 8:
        raise PackageError(tr(MESSAGES["short_passphrase"]))
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(passphrase.encode("utf-8"))


def seal(document: dict[str, Any], passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    header = MAGIC + bytes([FORMAT]) + salt + nonce
    plain = zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), 6)
    return header + AESGCM(_key(passphrase, salt)).encrypt(nonce, plain, header)


def open_sealed(blob: bytes, passphrase: str, path: Path) -> dict[str, Any]:
    head = len(MAGIC)
    if len(blob) < head + 1 + 16 + 12 + 16 or not blob.startswith(MAGIC):
        raise PackageError(tr(MESSAGES["not_package"]).format(path=path))
    if blob[head] != FORMAT:
        if blob[head] > FORMAT:
            raise PackageError(tr(MESSAGES["newer_format"]).format(path=path, found=blob[head]))
        raise PackageError(tr(MESSAGES["not_package"]).format(path=path))
    salt = blob[head + 1 : head + 17]
    nonce = blob[head + 17 : head + 29]
    header = blob[: head + 29]
    try:
        plain = AESGCM(_key(passphrase, salt)).decrypt(nonce, blob[head + 29 :], header)
    except InvalidTag:
        raise PackageError(tr(MESSAGES["refused"]).format(path=path)) from None
    try:
        document = json.loads(zlib.decompress(plain).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):  # authentic yet unreadable: not ours
        raise PackageError(tr(MESSAGES["not_package"]).format(path=path)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PackageError(tr(MESSAGES["not_package"]).format(path=path))
    return document


def write_package(path: Path, document: dict[str, Any], passphrase: str) -> None:
    """Write the sealed package to ``path`` through a temporary name (never half a file)."""
    blob = seal(document, passphrase)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(temporary, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise PackageError(
            tr(MESSAGES["unreadable"]).format(path=path, reason=exc.strerror or exc)
        ) from exc


def read_package(path: Path, passphrase: str) -> dict[str, Any]:
    try:
        blob = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(
            tr(MESSAGES["unreadable"]).format(path=path, reason=exc.strerror or exc)
        ) from exc
    return open_sealed(blob, passphrase, path)
