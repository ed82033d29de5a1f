"""Convene: with no command, open the desktop application; with a command, run the CLI.

uv run main.py                     the application (SQLite database in the user data folder)
uv run main.py events list         the command line; see `uv run main.py --help`
"""

from __future__ import annotations

import signal
import sys

# Some environments set PYTHONDONTWRITEBYTECODE; without cached bytecode every start compiles
# SQLAlchemy and Qt bindings afresh (2.5 s instead of 1 s here), so let Python cache it.
sys.dont_write_bytecode = False


def _run_module_when_bundled() -> None:
    """In the bundle (``tools.bundle``) this program is also the Python that runs a module of
    its own in a child process (the isolated spreadsheet reader: ``Convene -m MODULE ARGS``)."""
    if getattr(sys, "frozen", False) and sys.argv[1:2] == ["-m"] and len(sys.argv) > 2:
        import runpy

        sys.argv = sys.argv[2:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
        sys.exit(0)


def _interrupt_again_outside_finalizers(unraisable) -> None:  # type: ignore[no-untyped-def]
    """A signal that lands while Python runs a finalizer (a weakref callback, ``__del__``)
    cannot stop the command there: Python would print "Exception ignored" and go on. Raise it
    again at the next ordinary step instead, so the command still ends cleanly."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        import _thread
        import threading

        # from another thread a moment later: raised in the main thread here, it would land in
        # this very hook again
        again = threading.Timer(0.01, _thread.interrupt_main)
        again.daemon = True
        again.start()
        return
    sys.__unraisablehook__(unraisable)


def _set_language(argv: list[str]) -> None:
    """The command line's messages and help in the language of the global ``--lang`` (before
    the command; English without it), set before the arguments are parsed so that the usage
    errors follow it too. A command's own ``--lang`` (a report's language) leaves them as they
    are."""
    from app import i18n

    lang, number = "en", 0
    while number < len(argv) and argv[number].startswith("-"):  # up to the command
        arg = argv[number]
        if arg in ("--lang", "--db") and number + 1 < len(argv):
            lang = argv[number + 1] if arg == "--lang" else lang
            number += 1
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        number += 1
    i18n.set_language(lang if lang in i18n.LANGUAGES else "en")


def main(argv: list[str] | None = None) -> int:
    import os

    # Everything Convene writes (settings, logs, backups, exports, temporary files) holds
    # personal data or says where it lives: owner-only, whatever the user's umask says.
    os.umask(0o077)
    from app.cli import EXIT_UNUSABLE, UsageError, parse_args, run
    from app.logs import setup_logging
    from db import tempfiles

    setup_logging()
    _set_language(sys.argv[1:] if argv is None else argv)
    tempfiles.install()  # temporary files in a private folder, removed at exit (or next start)
    try:
        args = parse_args(argv)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if args.command is None:
        from ui.application import run_gui

        return run_gui(args.db, args.lang)
    # SIGTERM and SIGHUP end a command as Ctrl+C does: its transaction rolls back, its
    # temporary files are removed, and one line says so.
    numbers = [n for n in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if n is not None]
    for number in numbers:
        signal.signal(number, signal.default_int_handler)
    sys.unraisablehook = _interrupt_again_outside_finalizers
    try:
        return run(args)
    except KeyboardInterrupt:  # a signal before the command's own handling began
        print("error: interrupted; nothing was written", file=sys.stderr)
        return EXIT_UNUSABLE
    finally:  # once the command is over, a signal just ends the process (the next start tidies)
        for number in numbers:
            signal.signal(number, signal.SIG_DFL)


if __name__ == "__main__":
    _run_module_when_bundled()
    sys.exit(main())
