"""Match keys find one person across scripts and transliterations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importing.candidates import row_keys
from app.matching import (
    DIFFERENT,
    INITIAL,
    SAME,
    SHORT_FORM,
    SPELLED_ALIKE,
    compare_family_names,
    compare_given_names,
    every_reading,
    fold_name,
    match_key,
    readings,
)


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


@pytest.mark.parametrize(
    ("listed", "stored"),
    [
        ("Sulajmanov", "Сулайманов"),  # Й written j
        ("Ajbek", "Айбек"),
        ("KAJYRBEKOVA", "Кайырбекова"),
        ("Oʻktam", "Уктам"),  # Uzbek oʻ, gʻ, x, q
        ("G'ulomov", "Гуломов"),
        ("Xolmatov", "Холматов"),
        ("Qurbonov", "Курбонов"),
        ("Ghafurov", "Гафуров"),  # Tajik gh
        ("Jangybekov", "Жаңыбеков"),  # Ң written ng
        ("Tschingis", "Чингис"),  # German
        ("Chudayberganov", "Худайберганов"),
        ("Rasoulzoda", "Расулзода"),  # French
        ("Sattoriýon", "Сатториён"),  # Turkmen ý
        ("Baxtiyor", "Бахтиёр"),  # and the other way: Ё read yo, Uzbek Latin (iuliia.UZ)
        ("Xasanov", "Хасанов"),
    ],
)
def test_published_spellings_share_a_reading(listed: str, stored: str) -> None:
    assert set(readings(listed)) & set(readings(stored)), (readings(listed), readings(stored))


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Серик", "Berik", DIFFERENT),
        ("Нурлан", "Nurzhan", DIFFERENT),
        ("Алия", "Alina", DIFFERENT),
        ("Сергей", "Sergei", SAME),
        ("Серик", "S", INITIAL),
        ("Серик", "B", DIFFERENT),
        ("Сергей", "Серёжа", SHORT_FORM),
        ("Сергей", "Серж", SHORT_FORM),
        ("Александр", "Sasha", SHORT_FORM),
        ("Aleksandr", "Alexander", SHORT_FORM),
        ("Бакытбек", "Bakyt", SHORT_FORM),
        ("Нурланбек", "Nurlan", SHORT_FORM),
        ("Мырат", "Murat", SPELLED_ALIKE),
        ("Джамшид", "Jamshed", SHORT_FORM),
    ],
)
def test_given_names_agree_only_as_one_name(a: str, b: str, agree: str) -> None:
    assert compare_given_names(fold_name(a), fold_name(b)) == agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("Иванов", "Ivanova", DIFFERENT),
        ("Ахметов", "Akhmedov", DIFFERENT),
        ("Шукуров", "Sukurov", DIFFERENT),
        ("Тлеубаев", "Tileubayev", SPELLED_ALIKE),  # the Kazakh form
        ("Нормурадов", "Normurodov", SPELLED_ALIKE),  # Uzbek o for а
        ("Абылгазиев", "Abulgaziev", SPELLED_ALIKE),
        ("Атаев", "Atayev", SAME),
    ],
)
def test_family_names_one_letter_apart_are_other_families(a: str, b: str, agree: str) -> None:
    assert compare_family_names(fold_name(a), fold_name(b)) == agree


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abcdeghijklmnoqrstuxyzCGHJKOQXY'`- ", min_size=1, max_size=14))
def test_a_latin_name_read_one_way_only_is_read_so_by_every_scheme(text: str) -> None:
    """``readings`` skips the schemes for a name none of them reads otherwise: the letters that
    let it skip them must be every letter one of them reads (a scheme added later included)."""
    own = fold_name(text)
    assert readings.__wrapped__(text) == (every_reading(text, own) if own else ())


_NAME_PART = st.one_of(
    st.none(), st.just(""), st.just("  "),
    st.text(alphabet="abdegiklmnorstuvyzABKMNST'- ", max_size=10),
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБДКМНСТ- ", max_size=10),
    st.sampled_from(["Атаев", "Ataev", "Ёлдошев", "Oʻktam", "Xasanov", "Сергей", "Sergey", "-"]),
)  # fmt: skip


@settings(max_examples=400)
@given(st.tuples(_NAME_PART, _NAME_PART, _NAME_PART, _NAME_PART))
def test_a_rows_first_key_is_the_match_key_a_new_person_is_stored_with(names) -> None:  # type: ignore[no-untyped-def]
    """The plan keeps each row's first key (``row_keys``) and a new person is stored with it as
    their match key: it must be what ``match_key`` makes of the same names, in every mix of
    scripts and empty parts."""
    fields = ("family_name", "given_name", "family_name_local", "given_name_local")
    person = dict(zip(fields, names, strict=True))
    assert (row_keys(person) or [""])[0] == match_key(*names)
