"""Refresh the Russian catalogue from the code: ``uv run python -m tools.translations``.

Reads every ``self.tr("…")``, ``tr("…")``, ``tr_n("…", n)`` and ``N_("…")`` in ``app/``, ``ui/``
and ``main.py`` (their first argument must be a literal string), adds the new ones to
``resources/translations/convene_ru.ts`` with an empty translation, keeps every translation
already written and drops strings the code no longer has. Then write the Russian into the
``<translation>`` elements (by hand or in Qt Linguist); ``--missing`` lists what still lacks it
(``tests/test_translations.py`` fails while anything does).

A message is identified by its English text and its disambiguation (the second argument); the
context (the module it was first found in) only tells the translator where it is used.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("app", "ui", "main.py")


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_message(call: ast.Call) -> tuple[str, str, bool] | None:
    """(source, disambiguation, numerus) of a translation call, or None for other calls."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    args = call.args
    keywords = {k.arg: k.value for k in call.keywords}
    if name == "translate" and isinstance(func, ast.Attribute) and len(args) >= 2:
        args = args[1:]  # QCoreApplication.translate(context, source, disambiguation, n)
        name = "tr"
    if name not in ("tr", "tr_n", "N_") or not args:
        return None
    source = _string(args[0])
    if source is None:
        return None
    if name == "tr_n":
        comment = _string(args[2]) if len(args) > 2 else _string(keywords.get("disambiguation"))
        return source, comment or "", True
    comment = _string(args[1]) if len(args) > 1 else _string(keywords.get("disambiguation"))
    numerus = len(args) > 2 or "n" in keywords or "%n" in source
    return source, comment or "", numerus


def unreadable_calls() -> list[str]:
    """Where a translation call's text is not a literal string (an f-string, a variable built
    on the spot): the catalogue cannot hold it. A variable holding an ``N_()``-marked string is
    fine; an f-string never is (write ``tr("… {name} …").format(name=…)``)."""
    found = []
    for name in SOURCES:
        path = ROOT / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in ("tr", "tr_n", "N_") and isinstance(node.args[0], ast.JoinedStr):
                    found.append(f"{file.relative_to(ROOT)}:{node.lineno}")
    return found


def messages_in_code() -> dict[tuple[str, str], tuple[str, bool]]:
    """(source, disambiguation) -> (context, numerus) of every message the code has."""
    found: dict[tuple[str, str], tuple[str, bool]] = {}
    paths: list[Path] = []
    for name in SOURCES:
        path = ROOT / name
        paths.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    for path in paths:
        context = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                message = _call_message(node)
                if message is not None:
                    source, comment, numerus = message
                    found.setdefault((source, comment), (context, numerus))
    return found


def existing_translations() -> dict[tuple[str, str], list[str]]:
    """(source, disambiguation) -> the Russian written so far (one form, or three for counts)."""
    if not i18n.CATALOGUE.exists():
        return {}
    result = {}
    for message in ET.parse(i18n.CATALOGUE).getroot().iter("message"):
        key = (message.findtext("source") or "", message.findtext("comment") or "")
        translation = message.find("translation")
        forms = (
            [f.text or "" for f in translation.findall("numerusform")]
            if translation is not None
            else []
        )
        if translation is not None and not forms:
            forms = [translation.text or ""]
        result[key] = forms
    return result


def write_catalogue(
    code: dict[tuple[str, str], tuple[str, bool]], known: dict[tuple[str, str], list[str]]
) -> None:
    root = ET.Element("TS", version="2.1", language="ru_RU", sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for (source, comment), (context, numerus) in sorted(code.items(), key=lambda i: i[1][0]):
        if context not in contexts:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        message = ET.SubElement(contexts[context], "message")
        if numerus:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        if comment:
            ET.SubElement(message, "comment").text = comment
        forms = [f for f in known.get((source, comment), []) if f is not None]
        translation = ET.SubElement(message, "translation")
        if not any(forms):
            translation.set("type", "unfinished")
        if numerus:
            forms = forms[:3] if len(forms) >= 3 else (forms * 3 or [""] * 3)[:3]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[0] if forms else ""
    ET.indent(root)
    i18n.CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    i18n.CATALOGUE.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    i18n.reload()


def missing() -> list[str]:
    """The English of every message in the code without a Russian translation."""
    return [
        source
        for (source, comment) in messages_in_code()
        if i18n.translation(source, comment, 1 if "%n" in source else None) is None
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools.translations", description=__doc__.split("\n")[0])
    parser.add_argument("--missing", action="store_true", help="only list untranslated strings")
    args = parser.parse_args(argv)
    if not args.missing:
        write_catalogue(messages_in_code(), existing_translations())
    for place in unreadable_calls():
        print(f"{place}: an f-string in a translation call cannot be translated", file=sys.stderr)
    untranslated = missing()
    for source in untranslated:
        print(source)
    print(f"{len(untranslated)} message(s) without a Russian translation", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
