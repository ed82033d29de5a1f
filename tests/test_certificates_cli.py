"""`certificates` on the command line, as a user runs it (separate processes, a real SQLite file
with the sample data): issue and print, list, verify a current, a superseded and an unknown
code, the certificate's text in English, Russian and both (pdftotext), the logo kept in the
database, and refusals that write nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import sqlalchemy as sa

from app.services import people
from db.engine import open_database
from db.models import Certificate, OfficeSetting, Participation
from tests.cli_runner import assert_one_clean_line, convene

CABMI = "2022-001"  # 13–15 December 2022, Tashkent; co-organisers, no donor
CUSTOMS = "2019-003"  # 27–29 March 2019, Tashkent; organised by BOMCA, funded by the EU
KARIMOVA = "3784adea-722d-506b-b7d2-d599e0f35229"  # Каримова Дилноза Ильхомовна, female
HARTMANN = "f721bd08-370c-5c7a-b167-aefee70f3929"  # Katrin Hartmann: no name in Cyrillic
ALIMOV = "1dc9de6c-59c6-5a73-b112-47c6f114fc03"  # Алимов Рустам Шухратович, male


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        ["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )


def _attended(db: Path, reference: str) -> int:
    shown = convene("events", "show", reference, "--json", db=db).json()
    return sum(1 for p in shown["participants"] if p["status"] == "attended")


def _register_size(db: Path) -> int:
    database = open_database(db)
    try:
        with database.session_scope(readonly=True) as s:
            return s.scalar(sa.select(sa.func.count()).select_from(Certificate))
    finally:
        database.dispose()


def test_issue_list_and_verify_current_superseded_and_unknown_codes(
    demo_db, sqlite_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    pdf = tmp_path / "cabmi.pdf"
    issued = convene("certificates", CABMI, "-o", str(pdf), db=sqlite_path)
    assert issued.code == 0, issued.err
    attended = _attended(sqlite_path, CABMI)
    assert _pages(pdf) == attended == 20
    assert pdf.stat().st_mode & 0o077 == 0  # personal data: owner-only
    listed = convene("certificates", "list", CABMI, "--json", db=sqlite_path).json()
    assert [set(e) for e in listed] == [{"number", "code", "person", "issued_at", "current"}] * 20
    assert [e["number"] for e in listed] == [f"2022-{n:04d}" for n in range(1, 21)]
    assert len({e["code"] for e in listed}) == 20 and all(e["current"] for e in listed)
    alimov = next(e for e in listed if e["person"].startswith("Alimov Rustam"))

    verified = convene("certificates", "verify", alimov["code"], "--json", db=sqlite_path).json()
    assert verified["number"] == alimov["number"] and verified["current"] is True
    assert verified["event"]["reference"] == CABMI
    assert "CABMI" in verified["event"]["title"]
    assert verified["person"].startswith("Alimov Rustam")

    # A misspelt name corrected: printing again reissues that one certificate only.
    database = open_database(sqlite_path)
    with database.session_scope() as s:
        people.update_person(s, ALIMOV, None, family_name="Alimow")
    database.dispose()
    again = convene("certificates", CABMI, "-o", str(pdf), db=sqlite_path)
    assert again.code == 0 and "1 issued (2022-0021), 19 reprinted" in again.out, again.out
    old = convene("certificates", "verify", alimov["code"], db=sqlite_path)
    assert old.code == 0 and "superseded by 2022-0021" in old.out
    old_json = convene("certificates", "verify", alimov["code"], "--json", db=sqlite_path).json()
    assert old_json["current"] is False and old_json["superseded_by"] == "2022-0021"
    listed = convene("certificates", "list", CABMI, "--json", db=sqlite_path).json()
    assert len(listed) == 21 and sum(e["current"] for e in listed) == 20
    newest = listed[-1]
    assert newest["number"] == "2022-0021" and newest["person"].startswith("Alimow Rustam")
    typed = newest["code"].lower().replace("-", " ")
    current = convene("certificates", "verify", typed, db=sqlite_path)
    assert current.code == 0 and "2022-0021" in current.out and ": current" in current.out

    unknown = convene("certificates", "verify", "ZZZZZ-ZZZZZ", db=sqlite_path)
    assert unknown.code == 2 and unknown.out == ""
    assert_one_clean_line(unknown)
    assert "ZZZZZ-ZZZZZ" in unknown.err


def test_certificate_text_in_english_russian_and_both(demo_db, sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    pdf = tmp_path / "one.pdf"
    for lang in ("en", "ru", "both"):
        done = convene(
            "certificates", CUSTOMS, "--person", KARIMOVA, "--lang", lang, "-o", str(pdf),
            db=sqlite_path,
        )  # fmt: skip
        assert done.code == 0, done.err
        assert _pages(pdf) == (2 if lang == "both" else 1)
        pages = [_text(pdf, 1), _text(pdf, 2)] if lang == "both" else [_text(pdf)]
        for text, page_lang in zip(pages, ("ru",) if lang == "ru" else ("en", "ru"), strict=False):
            assert "Certificate No. 2019-0001" in text or "Сертификат № 2019-0001" in text
            if page_lang == "en":
                assert "CERTIFICATE OF ATTENDANCE" in text
                assert "Dilnoza Karimova" in text and "Каримова" not in text
                assert "took part in the seminar" in text
                assert "“Seminar on improving the efficiency of the customs control system”" in text
                assert "Tashkent, Uzbekistan · 27–29 March 2019" in text
                assert "Organised by the Border Management Programme in Central Asia" in text
                assert "With the support of the European Union" in text
                assert "Verification code: " in text
            else:
                assert "СЕРТИФИКАТ ОБ УЧАСТИИ" in text
                assert "Каримова Дилноза Ильхомовна" in text and "Karimova" not in text
                assert "приняла участие в семинаре" in text  # she: the verb agrees
                assert "«Семинар по повышению эффективности системы таможенного" in text
                assert "Ташкент, Узбекистан · 27–29 марта 2019 г." in text
                assert "Организатор: Программа содействия управлению границами" in text
                assert "При поддержке: Европейский союз" in text
                assert "Код проверки: " in text
    # One certificate, printed three times: issued once.
    listed = convene("certificates", "list", CUSTOMS, "--json", db=sqlite_path).json()
    assert [e["number"] for e in listed] == ["2019-0001"]
    code = listed[0]["code"]
    assert code in _text(pdf, 1) and code in _text(pdf, 2)

    # --person by part of the name, in either script; one that fits several is refused.
    by_name = tmp_path / "by-name.pdf"
    done = convene(
        "certificates", CUSTOMS, "--person", "каримова", "-o", str(by_name), db=sqlite_path
    )
    assert done.code == 0 and _pages(by_name) == 1 and "Dilnoza Karimova" in _text(by_name)
    several = convene("certificates", CABMI, "--person", "ov", "-o", str(by_name), db=sqlite_path)
    assert several.code == 2 and "give more of the name" in several.err
    assert_one_clean_line(several)

    # No name in Cyrillic: the Russian page gives the Latin one; a man "принял".
    ru = tmp_path / "ru.pdf"
    assert convene("certificates", CABMI, "--lang", "ru", "-o", str(ru), db=sqlite_path).code == 0
    whole = _text(ru)
    assert "Katrin Hartmann" in whole and "Алимов Рустам Шухратович" in whole
    assert "принял участие в конференции" in whole
    assert "13–15 декабря 2022 г." in whole


def test_refusals_write_nothing_and_say_one_line(demo_db, sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    demo_db.dispose()
    database = open_database(sqlite_path)
    with database.session_scope(readonly=True) as s:
        listing = s.scalars(
            sa.select(Participation).where(Participation.status == "no_show")
        ).first()
        assert listing is not None
        no_show, event_ref = listing.person_id, listing.event.reference
    database.dispose()
    refusals = {
        1: [("certificates", event_ref, "--person", str(no_show), "-o", str(tmp_path / "x.pdf"))],
        2: [
            ("certificates", CABMI, "-o", str(tmp_path / "missing" / "x.pdf")),
            ("certificates", CABMI, "-o", str(tmp_path / "x.txt")),
            ("certificates", CABMI),
            ("certificates", "2099-999", "-o", str(tmp_path / "x.pdf")),
            ("certificates", CABMI, "--person", "nobody", "-o", str(tmp_path / "x.pdf")),
            ("certificates", "list", "2099-999"),
            ("certificates", "verify"),
            ("certificates", "logo", str(tmp_path / "no-such.png")),
        ],
    }
    for code, commands in refusals.items():
        for command in commands:
            outcome = convene(*command, db=sqlite_path)
            assert outcome.code == code, (command, outcome.err)
            assert_one_clean_line(outcome)
    assert _register_size(sqlite_path) == 0
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*part"))


def test_logo_is_kept_in_the_database_and_printed(qapp, demo_db, sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    demo_db.dispose()  # (qapp: the one Qt application of the test run)
    image = QImage(1600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#17365d"))
    logo = tmp_path / "logo.jpg"
    assert image.save(str(logo), "JPEG")
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("not an image", encoding="utf-8")
    refused = convene("certificates", "logo", str(not_an_image), db=sqlite_path)
    assert refused.code == 1
    assert_one_clean_line(refused)
    assert convene("certificates", "logo", str(logo), db=sqlite_path).code == 0
    logo.unlink()  # kept in the database, not as a path
    database = open_database(sqlite_path)
    with database.session_scope(readonly=True) as s:
        stored = s.scalar(sa.select(OfficeSetting.binary_value))
    database.dispose()
    assert stored is not None and stored.startswith(b"\x89PNG")
    stored_image = QImage.fromData(stored)
    assert (stored_image.width(), stored_image.height()) == (800, 200)  # scaled down

    pdf = tmp_path / "with-logo.pdf"
    assert convene("certificates", CUSTOMS, "-o", str(pdf), db=sqlite_path).code == 0
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) >= _pages(pdf) >= 1  # the logo on every page
    assert convene("certificates", "logo", "--remove", db=sqlite_path).code == 0
    assert convene("certificates", CUSTOMS, "-o", str(pdf), db=sqlite_path).code == 0
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert listed.stdout.splitlines()[2:] == []
