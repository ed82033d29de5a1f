"""The command-line contract of DESIGN.md, run as separate processes."""

from __future__ import annotations

import stat

import pytest

from tests.cli_runner import assert_one_clean_line, convene
from tests.test_sample_sources import DATES_2019


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    first = convene("demo", db=path)
    assert first.code == 0, first.err
    assert "Loaded the sample data: 12 events" in first.out
    return path


def test_demo_is_idempotent_and_lists_the_sample_events(demo_file) -> None:  # type: ignore[no-untyped-def]
    again = convene("demo", db=demo_file)
    assert again.code == 0 and "already loaded" in again.out
    listing = convene("events", "list", "--json", db=demo_file)
    assert listing.code == 0, listing.err
    events = listing.json()
    assert len(events) == 12
    titles = {e["title"] for e in events}
    assert "Regional workshop on border checks" in titles
    # The 2019 workshops on their sources' dates, each an event of its own (issue 16).
    in_2019 = sorted((e["start_date"], e["end_date"], e["city"]) for e in events
                     if e["start_date"].startswith("2019"))  # fmt: skip
    assert in_2019 == list(DATES_2019)
    assert all(e["title_ru"] for e in events)
    assert any(t.startswith("17th Central Asia Border Management Initiative") for t in titles)
    refs = [e["reference"] for e in events]
    assert refs[0] == "2025-002" and refs[-1] == "2006-001"  # newest first


def test_show_cabmi_conference(demo_file) -> None:  # type: ignore[no-untyped-def]
    listing = convene("events", "list", "--json", db=demo_file).json()
    ref = next(e["reference"] for e in listing if "17th Central Asia" in e["title"])
    shown = convene("events", "show", ref, "--json", db=demo_file)
    assert shown.code == 0, shown.err
    event = shown.json()
    assert event["format"] == "hybrid"
    assert (event["start_date"], event["end_date"], event["city"]) == (
        "2022-12-13",
        "2022-12-15",
        "Tashkent",
    )
    co_organisers = {p["organization"] for p in event["partners"] if p["role"] == "co_organizer"}
    assert co_organisers == {
        "OSCE Secretariat",
        "OSCE Project Co-ordinator in Uzbekistan",
        "United Nations Office on Drugs and Crime",
    }
    participant = event["participants"][0]
    assert set(participant) == {
        "family_name", "given_name", "family_name_local", "given_name_local", "patronymic",
        "sex", "nationality", "organization", "role", "status", "mode",
    }  # fmt: skip
    counts = event["counts"]
    assert counts["total"] == counts["female"] + counts["male"] + counts["unspecified"]
    attended = [
        p for p in event["participants"] if p["status"] in ("attended", "partially_attended")
    ]
    assert counts["total"] == len(attended)
    assert counts["female"] == sum(p["sex"] == "female" for p in attended)
    by_uuid = convene("events", "show", event["id"], "--json", db=demo_file)
    assert by_uuid.json()["reference"] == ref


def test_border_checks_workshop_is_known_by_its_head_count(demo_file) -> None:  # type: ignore[no-untyped-def]
    shown = convene("events", "show", "2019-001", "--json", db=demo_file).json()
    assert shown["title"] == "Regional workshop on border checks"
    assert shown["participants"] == []
    assert shown["counts"]["total"] == 15 and shown["counts"]["source"] == "reported"
    human = convene("events", "show", "2019-001", db=demo_file)
    assert "15 took part (reported head-count); sex not stated" in human.out


def test_events_add_then_show(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "a.sqlite"
    added = convene(
        "events", "add", "--title", "Round table on trade facilitation", "--type", "round_table",
        "--start", "2026-03-03", "--end", "2026-03-04", "--city", "Almaty", "--country", "KZ",
        "--format", "hybrid", "--json", db=db,
    )  # fmt: skip
    assert added.code == 0, added.err
    event = added.json()
    assert event["reference"] == "2026-001" and event["format"] == "hybrid"
    plain = convene(
        "events", "add", "--title", "Second", "--type", "meeting", "--start", "2026-05-01",
        "--end", "2026-05-01", db=db,
    )  # fmt: skip
    assert plain.code == 0 and plain.out.strip() == "Added event 2026-002: Second"


@pytest.mark.parametrize(
    ("start", "end", "country", "kind", "expected"),
    [
        ("2026-03-05", "2026-03-04", "KZ", "seminar", "before the start date"),
        ("2026-03-03", "2026-03-04", "XX", "seminar", "not a known country"),
        ("2026-03-03", "2026-03-04", "KZ", "party", "is not one of"),
    ],
)
def test_events_add_refuses_bad_input_and_writes_nothing(
    tmp_path, start, end, country, kind, expected
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "a.sqlite"
    refused = convene(
        "events", "add", "--title", "T", "--type", kind, "--start", start, "--end", end,
        "--country", country, db=db,
    )  # fmt: skip
    assert refused.code == 1
    assert_one_clean_line(refused)
    assert expected in refused.err
    assert convene("events", "list", "--json", db=db).json() == []


def test_unknown_event_and_bad_usage_exit_2(demo_file) -> None:  # type: ignore[no-untyped-def]
    unknown = convene("events", "show", "1999-999", db=demo_file)
    assert unknown.code == 2
    assert_one_clean_line(unknown)
    assert "1999-999" in unknown.err
    usage = convene("events", "frobnicate", db=demo_file)
    assert usage.code == 2
    assert_one_clean_line(usage)
    unreachable = convene("events", "list", db="postgresql://nobody@127.0.0.1:9/none")
    assert unreachable.code == 2
    assert_one_clean_line(unreachable)
    assert "cannot reach the database server" in unreachable.err


def test_foreign_file_is_refused_in_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are not the droids")
    outcome = convene("events", "list", db=bogus)
    assert outcome.code == 2
    assert_one_clean_line(outcome)


def test_backup_and_restore(tmp_path, demo_file) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "office.sqlite"
    assert convene("demo", db=db).code == 0
    target = tmp_path / "copy.sqlite"
    made = convene("backup", "-o", str(target), db=db)
    assert made.code == 0, made.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    default = convene("backup", db=db)
    assert default.code == 0
    written = tmp_path / "backups"
    assert [stat.S_IMODE(p.stat().st_mode) for p in written.iterdir()] == [0o600]
    # Lose an event, then restore the backup: it is back, and the replaced state is kept.
    assert convene("events", "add", "--title", "Extra", "--type", "other", "--start",
                   "2026-01-01", "--end", "2026-01-01", db=db).code == 0  # fmt: skip
    restored = convene("restore", str(target), db=db)
    assert restored.code == 0, restored.err
    assert len(convene("events", "list", "--json", db=db).json()) == 12
    assert "kept as" in restored.out
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    refused = convene("restore", str(bad), db=db)
    assert refused.code == 2
    assert_one_clean_line(refused)
    assert len(convene("events", "list", "--json", db=db).json()) == 12
