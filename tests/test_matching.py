"""Match keys find one person across scripts and transliterations."""

from __future__ import annotations

import pytest

from app.matching import fold_name, match_key


@pytest.mark.parametrize(
    "spellings",
    [
        ("Атаев", "Ataev", "Atayev", "Ataýew"),
        ("Сергей", "Sergey", "Sergei"),
        ("Юлия", "Yulia", "Iuliia", "Yuliya"),
        ("Жумабеков", "Zhumabekov", "Dzhumabekov", "Jumabekov"),
        ("Хайдаров", "Khaidarov", "Haydarov"),
        ("Наталья", "Natalya", "Natalia"),
        ("Алексей", "Aleksey", "Alexei", "Aleksei"),
        ("Чарыев", "Charyev", "Charyyev", "Çaryýew"),
        ("Ақжол", "Akzhol"),
        ("Ёрматов", "Yormatov", "Ermatov"),
    ],
)
def test_spellings_fold_to_one_form(spellings: tuple[str, ...]) -> None:
    assert len({fold_name(s) for s in spellings}) == 1, [fold_name(s) for s in spellings]


@pytest.mark.parametrize(
    ("a", "b"), [("Иванов", "Ivanova"), ("Ахмедов", "Мамедов"), ("Шукуров", "Сукуров")]
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)


def test_match_key_prefers_latin_and_falls_back_to_local_script() -> None:
    assert match_key("Ataev", "Sergey") == match_key(None, None, "Атаев", "Сергей") == "ataev|serge"
    assert match_key(None, None) == ""
