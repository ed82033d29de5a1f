"""Before Qt opens a window on Linux: are the system libraries its X11 (xcb) platform plugin needs
there? Without them Qt prints a paragraph and aborts the process (Debian 12 lacks
libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1 on a fresh install); Convene says instead, in
one sentence, which packages to install.

The plugin's linked libraries are read with ``ldd`` (what the dynamic loader itself would find);
``libxcb-cursor``, which Qt loads by name at start rather than links, is looked up on its own.
Only Linux with the xcb platform is checked: Windows, macOS, Wayland and ``offscreen`` need
nothing of this."""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from app.i18n import tr

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_SONAME = re.compile(r"^lib(?P<name>.+?)\.so\.(?P<major>\d+)")


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname``, by Debian's library naming policy:
    ``libxcb-cursor.so.0`` → ``libxcb-cursor0``, ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``, ``libEGL.so.1`` → ``libegl1``."""
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, major = match["name"].lower(), match["major"]
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{major}"


def missing_libraries(binaries: list[Path]) -> list[str]:
    """The shared libraries that ``binaries`` need and the loader cannot find (sonames, in the
    order first met); empty when ``ldd`` is not there to ask."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    missing: dict[str, None] = {}
    for binary in binaries:
        try:
            result = subprocess.run(
                [ldd, str(binary)], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        missing.update(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))
    return list(missing)


def _xcb_binaries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    return [path for path in (plugin, *qt.glob("lib/libQt6XcbQpa.so*")) if path.exists()][:2]


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will open its windows through X11 here."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        return chosen.split(";")[0].startswith("xcb")
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def missing_for_window() -> list[str]:
    """Sonames the X11 window needs and this system lacks (empty where nothing is missing or
    nothing is checked)."""
    if not uses_xcb():
        return []
    missing = missing_libraries(_xcb_binaries())
    if ctypes.util.find_library("xcb-cursor") is None:
        missing.append("libxcb-cursor.so.0")
    return missing


NO_DISPLAY = (
    "Convene cannot open its window: there is no display (DISPLAY is not set); start it from"
    " a desktop session, or use the command line (uv run main.py --help)."
)


def no_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether an X11 window is wanted but there is no X server to show it on."""
    return uses_xcb(environ) and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def explain(missing: list[str]) -> str:
    """One sentence for the user: what is missing, and the command that installs it."""
    packages = " ".join(dict.fromkeys(debian_package(soname) for soname in missing))
    return tr(
        "Convene cannot open its window: this system lacks libraries Qt needs ({join}); on Debian or Ubuntu install them with 'sudo apt-get install {packages}' (other systems: the packages that provide them)."
    ).format(join=", ".join(missing), packages=packages)
