from __future__ import annotations

import pytest

from fogofwar.gazetteer.normalize import is_latin_key, is_latin_or_cyrillic, normalize, transliterate_ru


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kup’yansk", "kupyansk"),
        ("Sivers'k", "siversk"),
        ("Mar'yinka", "maryinka"),
        ("Chasiv-Yar", "chasiv yar"),
        ("Tëtkino", "tetkino"),
        ("Łódź", "lodz"),
        ("  Kharkiv   Oblast ", "kharkiv oblast"),
        ("KYIV", "kyiv"),
    ],
)
def test_normalize(name: str, key: str) -> None:
    assert normalize(name) == key


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Суджа", "Sudzha"), ("Теткино", "Tetkino"), ("Шебекино", "Shebekino"), ("Грайворон", "Grayvoron"),
     ("Ельск", "Yelsk"), ("Большое Солдатское", "Bolshoye Soldatskoye"), ("Мозырь", "Mozyr")],
)
def test_transliterate_ru(cyrillic: str, latin: str) -> None:
    assert transliterate_ru(cyrillic) == latin


@pytest.mark.parametrize(
    ("name", "latin_key", "kept"),
    [("Siversk", True, True), ("Сіверськ", False, True), ("セヴェルスク", False, False),
     ("Kupiańsk", True, True)],
)
def test_scripts(name: str, latin_key: bool, kept: bool) -> None:
    assert is_latin_key(normalize(name)) is latin_key
    assert is_latin_or_cyrillic(name) is kept
