"""Reference data: every enumeration value has both labels; countries resolve from any spelling."""

from __future__ import annotations

import pytest

from app import reference
from db import enums


def test_every_enumeration_value_has_english_and_russian_labels() -> None:
    for enum_cls in (
        enums.OrganizationKind, enums.AgencySector, enums.Sex, enums.EventType, enums.EventFormat,
        enums.EventScope, enums.EventStatus, enums.PartnerRole, enums.ParticipationRole,
        enums.ParticipationStatus, enums.AttendanceMode, enums.AuditAction,
    ):  # fmt: skip
        for member in enum_cls:
            english, russian = reference.label(member), reference.label(member, "ru")
            assert (english and russian and english != russian) or member.value in ("ngo",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan", "KZ"), ("Республика Казахстан", "KZ"), ("KAZ", "KZ"), ("kz", "KZ"),
        ("Kyrgyz Republic", "KG"), ("Кыргызская Республика", "KG"), ("Киргизия", "KG"),
        ("Tajikistan", "TJ"), ("Таджикистан", "TJ"), ("Turkmenistan", "TM"),
        ("Туркменистан", "TM"), ("Uzbekistan", "UZ"), ("Республика Узбекистан", "UZ"),
        ("Afghanistan", "AF"), ("Россия", "RU"), ("Türkiye", "TR"), ("  germany ", "DE"),
    ],
)  # fmt: skip
def test_find_country(text: str, code: str) -> None:
    assert reference.find_country(text) == code


def test_unknown_country_is_none() -> None:
    assert reference.find_country("Atlantis") is None
    assert reference.find_country("") is None


def test_country_names_in_both_languages() -> None:
    assert reference.country_name("KG") == "Kyrgyzstan"
    assert reference.country_name("KG", "ru") == "Кыргызстан"
    assert reference.country_name("TM", "ru") == "Туркменистан"
    assert len(reference.OSCE_PARTICIPATING_STATES) == 57
    assert set(reference.CENTRAL_ASIA) <= reference.OSCE_PARTICIPATING_STATES


def test_fields_of_work_are_unique_and_bilingual() -> None:
    codes = [f.code for f in reference.FIELDS_OF_WORK]
    assert len(codes) == len(set(codes)) == 23
    assert all(f.name_en and f.name_ru for f in reference.FIELDS_OF_WORK)


def test_parse_enum_accepts_value_and_labels() -> None:
    assert (
        reference.parse_enum(enums.EventType, "training_course") is enums.EventType.TRAINING_COURSE
    )
    assert (
        reference.parse_enum(enums.EventType, "Training course") is enums.EventType.TRAINING_COURSE
    )
    assert reference.parse_enum(enums.EventType, "Круглый стол") is enums.EventType.ROUND_TABLE
    with pytest.raises(ValueError, match="is not one of"):
        reference.parse_enum(enums.EventType, "party")
