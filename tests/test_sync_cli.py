"""``init --office`` and ``sync`` on the command line: a package that was changed, a wrong
passphrase, a package of another schema revision are refused with exit 2 and one line, and
nothing is written; a package that needs an earlier one says which, and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.sync import package
from tests.cli_runner import assert_one_clean_line, convene
from tests.database_state import content

PASSPHRASE = "offices share this one"


@pytest.fixture
def offices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("CONVENE_SYNC_PASSPHRASE", PASSPHRASE)
    tm, kz = tmp_path / "tm.sqlite", tmp_path / "kz.sqlite"
    assert convene("--db", str(tm), "init", "--office", "tm", "--office-name", "Ashgabat").code == 0
    assert convene("--db", str(kz), "init", "--office", "KZ").code == 0
    added = convene("--db", str(tm), "events", "add", "--title", "Border checks", "--type",
                    "workshop", "--start", "2026-02-19", "--end", "2026-02-21", "--json")  # fmt: skip
    assert added.json()["reference"] == "TM-2026-001"
    out = convene("--db", str(tm), "sync", "export", "--to", "KZ", "-o", str(tmp_path / "1.pkg"),
                  "--json")  # fmt: skip
    assert out.code == 0, out.err
    assert out.json()["changes"] > 0
    return {"tm": tm, "kz": kz, "package": tmp_path / "1.pkg", "folder": tmp_path}


def _refused(offices: dict[str, Path], path: Path, code: int = 2, env: str | None = None) -> str:
    before = content(offices["kz"])
    if env is not None:
        import os

        os.environ["CONVENE_SYNC_PASSPHRASE"] = env
    outcome = convene("--db", str(offices["kz"]), "sync", "apply", str(path))
    assert outcome.code == code, outcome.err
    assert_one_clean_line(outcome)
    assert len(outcome.err.strip().splitlines()) == 1
    assert content(offices["kz"]) == before
    return outcome.err


@pytest.mark.parametrize("where", ["header", "salt", "middle", "tag"])
def test_a_changed_byte_is_refused(offices: dict[str, Path], where: str) -> None:
    blob = bytearray(offices["package"].read_bytes())
    at = {"header": 3, "salt": 15, "middle": len(blob) // 2, "tag": len(blob) - 1}[where]
    blob[at] ^= 0x01
    changed = offices["folder"] / "changed.pkg"
    changed.write_bytes(bytes(blob))
    assert "package" in _refused(offices, changed)


def test_a_wrong_passphrase_is_refused(offices: dict[str, Path]) -> None:
    message = _refused(offices, offices["package"], env="not the passphrase")
    assert "passphrase is wrong" in message


def test_a_package_of_another_schema_is_refused(offices: dict[str, Path]) -> None:
    document = package.read_package(offices["package"], PASSPHRASE)
    document["schema"] = "0008_figures"
    other = offices["folder"] / "other.pkg"
    other.write_bytes(package.seal(document, PASSPHRASE))
    assert "schema revision 0008_figures" in _refused(offices, other)


def test_the_package_hides_what_it_carries(offices: dict[str, Path]) -> None:
    blob = offices["package"].read_bytes()
    assert b"Border checks" not in blob and b"TM-2026" not in blob


def test_a_package_needing_an_earlier_one_says_which(offices: dict[str, Path]) -> None:
    tm, folder = offices["tm"], offices["folder"]
    convene("--db", str(tm), "events", "edit", "TM-2026-001", "--city", "Ashgabat")
    # TM now believes KZ has everything up to the first package (KZ told it so)...
    assert convene("--db", str(offices["kz"]), "sync", "apply", str(offices["package"])).code == 0
    assert (
        convene("--db", str(offices["kz"]), "sync", "export", "-o", str(folder / "k.pkg")).code == 0
    )
    assert convene("--db", str(tm), "sync", "apply", str(folder / "k.pkg")).code == 0
    convene("--db", str(tm), "events", "edit", "TM-2026-001", "--city", "Mary")
    second = convene("--db", str(tm), "sync", "export", "--to", "KZ", "-o", str(folder / "2.pkg"))
    assert second.code == 0
    # ...so a fresh office given only the second package is missing the first.
    fresh = folder / "uz.sqlite"
    assert convene("--db", str(fresh), "init", "--office", "UZ").code == 0
    before = content(fresh)
    outcome = convene("--db", str(fresh), "sync", "apply", str(folder / "2.pkg"))
    assert outcome.code == 2
    assert "changes 1–" in outcome.err and "office TM" in outcome.err
    assert content(fresh) == before


def test_the_same_package_twice_changes_nothing(offices: dict[str, Path]) -> None:
    kz = str(offices["kz"])
    first = convene("--db", kz, "sync", "apply", str(offices["package"]), "--json").json()
    assert first["applied"] > 0 and first["source"] == "TM"
    before = content(offices["kz"])
    again = convene("--db", kz, "sync", "apply", str(offices["package"]), "--json").json()
    assert again == {**first, "applied": 0, "already_seen": first["applied"], "conflicts": 0,
                     "possible_duplicates": 0}  # fmt: skip
    assert content(offices["kz"]) == before
    status = convene("--db", kz, "sync", "status", "--json").json()
    assert status["office"]["code"] == "KZ"
    assert [o["code"] for o in status["offices"]] == ["TM"]
    assert status["offices"][0]["name"] == "Ashgabat"
    assert json.loads(convene("--db", kz, "sync", "conflicts", "--json").out) == []


def test_an_office_code_is_checked(tmp_path: Path) -> None:
    outcome = convene("--db", str(tmp_path / "x.sqlite"), "init", "--office", "7-up")
    assert outcome.code == 1 and "office code" in outcome.err


def test_sync_speaks_russian_under_lang_ru_and_keeps_json_english(
    offices: dict[str, Path],
) -> None:
    status = convene("--lang", "ru", "--db", str(offices["tm"]), "sync", "status")
    assert status.code == 0, status.err
    assert status.out.splitlines()[0].startswith("Этот офис: Ashgabat (TM), внесено ")
    assert "Нерешённые конфликты: 0; возможные дубликаты: 0" in status.out
    as_json = convene("--lang", "ru", "--db", str(offices["tm"]), "sync", "status", "--json")
    assert as_json.json()["office"]["code"] == "TM" and "Этот" not in as_json.out
    own = convene("--lang", "ru", "--db", str(offices["tm"]), "sync", "apply",
                  str(offices["package"]))  # fmt: skip
    assert own.code == 2
    assert_one_clean_line(own)
    assert "записан этим офисом (TM); примените его в другом офисе" in own.err
    helped = convene("--lang", "ru", "sync", "--help")
    assert "применить пакет другого офиса" in helped.out


def test_a_sqlite_database_refuses_the_server_commands_in_one_russian_sentence(
    offices: dict[str, Path],
) -> None:
    refused = convene("--lang", "ru", "--db", str(offices["kz"]), "server", "users")
    assert refused.code == 2
    assert_one_clean_line(refused)
    assert "команды server работают только с сервером PostgreSQL" in refused.err
