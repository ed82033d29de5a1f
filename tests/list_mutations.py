"""Hypothesis strategies for broken attendee lists, made from the real fixtures.

Four kinds of damage: bytes of any fixture flipped, cut, inserted or deleted; one member of an
xlsx or ods archive changed inside (its XML bytes mutated, cut, duplicated, a number in it made
huge) or dropped, with the members shuffled; the text of a CSV fixture scrambled with separators,
quotes, line breaks, control characters and other scripts, saved in one of the encodings lists
come in; and plain random bytes under a spreadsheet's or CSV's name. Each example is a file name
and its bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import strategies as st

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SPREADSHEETS = sorted(
    p.name for p in FIXTURES.iterdir() if p.suffix in (".xlsx", ".ods", ".xls") and p.stat().st_size
)
ARCHIVES = [
    n for n in SPREADSHEETS
    if zipfile.is_zipfile(FIXTURES / n) and n not in ("zip_bomb.xlsx", "password_protected.xlsx")
]  # fmt: skip
TEXTS = sorted(
    p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".txt") and p.stat().st_size
)
_NUMBER = re.compile(rb"\d+")

positions = st.floats(min_value=0, max_value=1, allow_nan=False)


def _at(data: bytes | str, fraction: float) -> int:
    """The position ``fraction`` of the way through ``data``."""
    return min(int(len(data) * fraction), len(data))


def _apply(data: bytes, edits: list[tuple[str, float, bytes, int]]) -> bytes:
    for kind, where, chunk, length in edits:
        at = _at(data, where)
        if kind == "flip":
            data = data[:at] + chunk[:1] + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + length :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + length] * 50 + data[at:]
        elif kind == "cut":
            data = data[:at]
        elif kind == "huge number":
            found = list(_NUMBER.finditer(data))
            if found:
                hit = found[min(int(len(found) * where), len(found) - 1)]
                data = data[: hit.start()] + str(10**length).encode() + data[hit.end() :]
    return data


edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete", "repeat", "cut", "huge number"]),
        positions,
        st.binary(min_size=1, max_size=64),
        st.integers(min_value=1, max_value=400),
    ),
    min_size=1,
    max_size=6,
)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """Any fixture with its raw bytes damaged."""
    name = draw(st.sampled_from(SPREADSHEETS + TEXTS))
    return name, _apply((FIXTURES / name).read_bytes(), draw(edits))


@st.composite
def damaged_archive_member(draw: st.DrawFn) -> tuple[str, bytes]:
    """An xlsx or ods fixture with one member changed inside (or dropped) and the members in a
    shuffled order, so the zip itself stays sound and the damage reaches the XML readers."""
    name = draw(st.sampled_from(ARCHIVES))
    source = zipfile.ZipFile(FIXTURES / name)
    members = source.namelist()
    target = draw(st.sampled_from(members))
    order = draw(st.permutations(members))
    drop = draw(st.booleans()) and draw(st.integers(0, 9)) == 0
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in order:
            content = source.read(member)
            if member == target:
                if drop:
                    continue
                content = _apply(content, draw(edits))
            archive.writestr(member, content)
    return name, out.getvalue()


_SCRAMBLE = st.text(
    alphabet=st.sampled_from([*";,\t\"'\n\r\x00\x07\ufeffАтаевЁё@.=+-0123456789 ", "\U0001f600"]),
    min_size=1,
    max_size=40,
)


@st.composite
def scrambled_text(draw: st.DrawFn) -> tuple[str, bytes]:
    """A CSV fixture's text scrambled and saved in one of the encodings lists come in."""
    name = draw(st.sampled_from(TEXTS))
    raw = (FIXTURES / name).read_bytes()
    text = raw.decode("utf-16") if raw.startswith(b"\xff\xfe") else raw.decode("utf-8", "replace")
    if name.startswith("ru_cp1251"):
        text = raw.decode("cp1251")
    for where, chunk, delete in draw(
        st.lists(st.tuples(positions, _SCRAMBLE, st.integers(0, 30)), min_size=1, max_size=8)
    ):
        at = _at(text, where)
        text = text[:at] + chunk + text[at + delete :]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]))
    return name, text.encode(encoding, errors="replace")


@st.composite
def random_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """Noise, sometimes behind a zip's, an OLE file's or a BOM's first bytes."""
    head = draw(
        st.sampled_from(
            [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe"]
        )
    )
    name = draw(st.sampled_from(["list.xlsx", "list.xls", "list.ods", "list.csv", "list.txt"]))
    return name, head + draw(st.binary(min_size=0, max_size=3000))


broken_lists = st.one_of(damaged_bytes(), damaged_archive_member(), scrambled_text(), random_file())
