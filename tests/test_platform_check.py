"""A system without the libraries Qt's X11 plugin needs gets one sentence naming the packages
to install, not Qt's abort. The missing library is made real: a shared object built here that
links a library which is then taken away, so the dynamic loader itself reports it missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui.platform_check import debian_package, explain, missing_libraries, no_display, uses_xcb

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plugin_missing_a_library(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """``libplugin.so`` linked against ``libconvene-gone.so.7``, which no longer exists."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    assert compiler, "a C compiler is part of this project's machines"
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "gone.c").write_text("int gone(void) { return 7; }\n")
    (folder / "plugin.c").write_text("int gone(void); int plugin(void) { return gone(); }\n")
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-Wl,-soname,libconvene-gone.so.7",
         "-o", folder / "libconvene-gone.so", folder / "gone.c"],
        check=True,
    )  # fmt: skip
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", folder / "libplugin.so", folder / "plugin.c",
         f"-L{folder}", "-lconvene-gone"],
        check=True,
    )  # fmt: skip
    (folder / "libconvene-gone.so").unlink()
    return folder / "libplugin.so"


def test_the_loader_reports_the_library_taken_away(plugin_missing_a_library: Path) -> None:
    assert missing_libraries([plugin_missing_a_library]) == ["libconvene-gone.so.7"]
    assert missing_libraries([Path(sys.executable)]) == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ],
)
def test_debian_packages_follow_the_library_naming_policy(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_only_x11_is_checked() -> None:
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}) == sys.platform.startswith("linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})


def test_the_application_says_which_packages_instead_of_aborting(
    plugin_missing_a_library: Path, tmp_path: Path
) -> None:
    code = (
        "import sys; from pathlib import Path; import ui.platform_check as check;"
        "from app.logs import setup_logging; setup_logging();"
        f"check._xcb_binaries = lambda: [Path({str(plugin_missing_a_library)!r})];"
        "from ui.application import run_gui; sys.exit(run_gui())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97",
           "XDG_STATE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "libconvene-gone.so.7" in lines[0]
    assert "sudo apt-get install libconvene-gone7" in lines[0]
    assert explain(["libxcb-cursor.so.0"]).endswith("the packages that provide them).")


def test_no_display_is_said_in_one_sentence(tmp_path: Path) -> None:
    assert no_display({"QT_QPA_PLATFORM": "xcb"}) == sys.platform.startswith("linux")
    assert not no_display({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"})
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", XDG_STATE_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "x.sqlite")], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: Convene cannot open its window: there is no display (DISPLAY is not set); start"
        " it from a desktop session, or use the command line (uv run main.py --help)."
    ]
