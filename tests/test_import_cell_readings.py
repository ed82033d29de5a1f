"""Cells the import once misread: e-mail addresses with an apostrophe."""

from __future__ import annotations

import pytest

from app.importing import values as v
from tests.test_import_values_messy import _rows, _xlsx

# --- E-mail addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "addresses"),
    [
        ("sean.o'brien@osce.org", ["sean.o'brien@osce.org"]),
        ("g'ulomov@mail.uz", ["g'ulomov@mail.uz"]),
        ("o’rozov@mail.uz", ["o’rozov@mail.uz"]),
        ("'ataev@mail.kg'", ["ataev@mail.kg"]),
        ("«ataev@mail.kg»", ["ataev@mail.kg"]),
        ("E-mail: 'g'ulomov@mail.uz', личный", ["g'ulomov@mail.uz"]),
        ("a@b.kg; sean.o'brien@osce.org.", ["a@b.kg", "sean.o'brien@osce.org"]),
    ],
)
def test_an_apostrophe_in_an_address_is_kept_and_quotes_around_it_are_not(
    cell: str, addresses: list[str]
) -> None:
    assert v.email_addresses(cell) == addresses


def test_an_address_with_an_apostrophe_is_stored_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Family name", "Given name", "E-mail"],
        ["O'Brien", "Sean", "sean.o'brien@osce.org"],
        ["Gulomov", "Aziz", "g'ulomov@mail.uz"],
    ]))  # fmt: skip
    assert rows[2].person["email"] == "sean.o'brien@osce.org"
    assert rows[3].person["email"] == "g'ulomov@mail.uz"
    assert rows[2].problems == rows[3].problems == []
