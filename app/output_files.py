"""Writing a report or export file safely: the name is checked first, the file is written under
a temporary name next to it and renamed into place only when complete, so a failed or cancelled
export never leaves half a file behind and never destroys the previous one."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from app.errors import ConveneError
from app.i18n import tr
from db import tempfiles


class OutputError(ConveneError):
    """The output file cannot be written (wrong extension, missing folder, no permission)."""


def check_output_path(path: str | os.PathLike[str], suffixes: tuple[str, ...]) -> Path:
    """The output path if its extension is one of ``suffixes`` (".pdf", ".xlsx") and its folder
    exists and is writable; OutputError naming the problem otherwise."""
    target = Path(path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in suffixes:
        wanted = " or ".join(suffixes)
        shown = f"'{suffix}'" if suffix else "no extension"
        raise OutputError(
            tr("cannot write {target}: the file name has {shown}; use {wanted}").format(
                target=target, shown=shown, wanted=wanted
            )
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            tr("cannot write {target}: the folder {folder} does not exist").format(
                target=target, folder=folder
            )
        )
    if target.is_dir():
        raise OutputError(tr("cannot write {target}: it is a folder").format(target=target))
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputError(tr("cannot write {target}: permission denied").format(target=target))
    return target


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``path`` (readable by its
    owner only), on failure it is removed and ``path`` is left as it was."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with tempfiles.tracked(temporary):  # removed by the next start if this one is killed
            yield temporary
            if not temporary.exists() or temporary.stat().st_size == 0:
                raise OutputError(tr("cannot write {path}: nothing was written").format(path=path))
            temporary.chmod(0o600)  # reports and exports hold personal data: owner-only
            os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(
            tr("cannot write {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
