"""No duplicates at entry (issue 20, point 1): a person typed in by hand — in an event's
Participants tab or in the person form — is checked against the people recorded as an import
checks a row, and the person recorded is offered first; the quick form takes the organisation
(found or made by the import's rule: one agency per country) and the position."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.people_at_entry import organisation_for, people_alike
from app.sample_data import sample_id
from db.models import Organization, Participation, Person
from ui.forms import participants_tab, person_form
from ui.forms.event_form import EventForm
from ui.forms.person_form import PersonForm

RAHIMOV = sample_id("tj-1")  # Rahimov Farrukh / Рахимов Фаррух Саидович, Tajikistan


@pytest.fixture(autouse=True)
def _never_wait_on_a_question(monkeypatch):  # type: ignore[no-untyped-def]
    """A window left with changes by a failing test closes without a modal question."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


@pytest.mark.parametrize(
    "typed",
    [
        {"family_name": "Rahimov", "given_name": "Farrukh", "nationality": "TJ"},
        {"family_name_local": "Рахимов", "given_name_local": "Фаррух", "nationality": "TJ"},
        {"family_name": "Rakhimov", "given_name": "Farrukh"},  # another transliteration
        {
            "family_name": "RAHIMOV",
            "given_name": "FARRUKH",
            "family_name_local": "Рахимов",
            "given_name_local": "Фаррух",
        },
    ],
)
def test_a_typed_person_already_recorded_is_found(demo_db, typed) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        alike = people_alike(session, {"sex": "male", **typed})
    assert [a.person_id for a in alike][:1] == [RAHIMOV]
    assert "Рахимов Фаррух Саидович" in alike[0].shown or "Rahimov" in alike[0].shown


@pytest.mark.parametrize(
    "typed",
    [
        {"family_name": "Rahimov", "given_name": "Bakhtiyor"},  # another given name
        {"family_name": "Osmonova", "given_name": "Gulnara"},
        {
            "family_name_local": "Рахимов",
            "given_name_local": "Фаррух",
            "patronymic_local": "Алиевич",
        },  # father and son are two people
    ],
)
def test_someone_else_is_not_offered(demo_db, typed) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        assert people_alike(session, {"sex": "male", **typed}) == []


def _event_form(qtbot, database):  # type: ignore[no-untyped-def]
    form = EventForm(database, sample_id("needs-assessment-2006"))
    qtbot.addWidget(form)
    form.show()
    form.participants.new_person_button.setChecked(True)
    return form


def _type(quick, **values) -> None:  # type: ignore[no-untyped-def]
    for name, value in values.items():
        quick.fields[name].set_value(value)


def _people(database) -> int:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Person))


def test_new_person_in_the_participants_tab_offers_the_recorded_one(qtbot, demo_db, monkeypatch):  # type: ignore[no-untyped-def]
    asked: list[list] = []

    def choose_recorded(_parent, typed, alike):  # type: ignore[no-untyped-def]
        asked.append([typed, [a.person_id for a in alike]])
        return alike[0].person_id

    monkeypatch.setattr(participants_tab, "ask_alike", choose_recorded)
    form = _event_form(qtbot, demo_db)
    before = _people(demo_db)
    tab = form.participants
    listed = len(tab.model.rows)
    _type(tab.quick, family_name="Rahimov", given_name="Farrukh", family_name_local="Рахимов",
          given_name_local="Фаррух", sex="male", nationality="TJ")  # fmt: skip
    tab.quick.submit()
    assert asked == [["Rahimov Farrukh Рахимов Фаррух", [RAHIMOV]]]
    assert len(tab.model.rows) == listed + 1 and tab.model.rows[-1].person_id == RAHIMOV
    assert tab.quick.fields["family_name"].value() is None  # taken: the fields are cleared
    assert form.save()
    assert _people(demo_db) == before
    with demo_db.session_scope(readonly=True) as session:
        assert session.scalar(
            sa.select(sa.func.count()).select_from(Participation).where(
                Participation.person_id == RAHIMOV, Participation.event_id == form.record_id
            )
        ) == 1  # fmt: skip


def test_cancel_keeps_what_was_typed_and_new_anyway_makes_a_second_record(  # type: ignore[no-untyped-def]
    qtbot, demo_db, monkeypatch
):
    answers = iter([None, participants_tab.NEW])
    monkeypatch.setattr(participants_tab, "ask_alike", lambda *_a: next(answers))
    form = _event_form(qtbot, demo_db)
    tab = form.participants
    listed = len(tab.model.rows)
    _type(tab.quick, family_name="Rahimov", given_name="Farrukh", sex="male", nationality="TJ")
    tab.quick.submit()
    assert len(tab.model.rows) == listed and tab.quick.fields["family_name"].value() == "Rahimov"
    tab.quick.submit()
    assert len(tab.model.rows) == listed + 1 and tab.model.rows[-1].person_id is None
    before = _people(demo_db)
    assert form.save(), form.banner.text()
    assert _people(demo_db) == before + 1


def test_the_quick_form_takes_organisation_and_position_by_the_agency_rule(  # type: ignore[no-untyped-def]
    qtbot, demo_db, monkeypatch
):
    monkeypatch.setattr(participants_tab, "ask_alike", lambda *_a: pytest.fail("nobody alike"))
    form = _event_form(qtbot, demo_db)
    tab = form.participants
    for family, given, country in (("Annaev", "Merdan", "TM"), ("Usupov", "Aibek", "KG"),
                                   ("Tokonov", "Nurlan", "KG")):  # fmt: skip
        _type(tab.quick, family_name=family, given_name=given, sex="male", nationality=country,
              organization="State Border Service of Turkmenistan", position="Inspector")  # fmt: skip
        tab.quick.submit()
    assert [r.organization for r in tab.model.rows[-3:]] == [
        "State Border Service of Turkmenistan"
    ] * 3
    assert form.save()
    with demo_db.session_scope(readonly=True) as session:
        people = {
            p.family_name: p
            for p in session.scalars(
                sa.select(Person).where(Person.family_name.in_(["Annaev", "Usupov", "Tokonov"]))
            )
        }
        assert people["Annaev"].organization_id == sample_id("tm-border")  # the recorded one
        kyrgyz = session.get(Organization, people["Usupov"].organization_id)
        assert kyrgyz.id != sample_id("tm-border") and kyrgyz.country == "KG"  # never shared
        assert people["Tokonov"].organization_id == kyrgyz.id  # one new agency for both
        assert {p.position for p in people.values()} == {"Inspector"}
        listing = session.scalars(
            sa.select(Participation).where(Participation.person_id == people["Usupov"].id)
        ).one()
        assert listing.organization_id == kyrgyz.id and listing.position == "Inspector"


def test_an_international_organisation_stays_one(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        osce = session.scalar(
            sa.select(Organization).where(Organization.name == "OSCE Centre in Ashgabat")
        )
        found, new = organisation_for(session, "OSCE Centre in Ashgabat", "KZ")
        made_id, made = organisation_for(session, "UNODC Programme Office", "KZ")
    assert (found, new) == (osce.id, None)
    assert made_id is None and made["country"] is None


def test_the_person_form_opens_the_recorded_person_instead(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(person_form, "ask_alike", lambda _p, _t, alike: alike[0].person_id)
    window.navigation.setCurrentRow(1)
    form = window.new_record()
    assert isinstance(form, PersonForm)
    before = _people(window.database)
    form.field("family_name_local").set_value("Рахимов")
    form.field("given_name_local").set_value("Фаррух")
    form.field("nationality").set_value("TJ")
    assert not form.save()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert _people(window.database) == before
    assert any(getattr(f, "record_id", None) == RAHIMOV for f in window.forms)
