"""Russian place names: case endings reduced to the nominative GeoNames knows.

Sentences are written for these tests (news prose about real places).  The
gazetteer index is built once per session in the same temporary cache folder
as tests/annotate/test_places.py uses.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contention.annotate.gazetteer import Gazetteer, get_gazetteer
from contention.annotate.places import find_places, russian_nominatives
from contention.model import PlaceMention, PlacePrecision, Sentence


@pytest.fixture(scope="session")
def ru_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    cache = tmp_path_factory.getbasetemp() / "contention-cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONTENTION_CACHE", str(cache))
        yield get_gazetteer()


def _places(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    found = find_places(text, [Sentence(0, 0, len(text), 0, "ru")], gaz)
    for p in found:
        assert p.span.quote == text[p.span.start : p.span.end]
    return found


@pytest.mark.parametrize(
    ("oblique", "nominative"),
    [
        ("Жанаозене", "Жанаозен"),
        ("Жанаозена", "Жанаозен"),
        ("Москве", "Москва"),
        ("Москвы", "Москва"),
        ("Москвой", "Москва"),
        ("России", "Россия"),
        ("Алма-Ате", "Алма-Ата"),
        ("Алма-Аты", "Алма-Ата"),
        ("Мангистауской", "Мангистауская"),
        ("Мангистаускую", "Мангистауская"),
        ("Казани", "Казань"),
        ("Кемерове", "Кемерово"),
    ],
)
def test_oblique_case_yields_its_nominative(oblique: str, nominative: str) -> None:
    assert nominative in russian_nominatives(oblique)


def test_every_word_of_a_two_word_name_declines() -> None:
    assert "Нижний Новгород" in russian_nominatives("Нижнем Новгороде")


def test_latin_names_and_short_stems_are_left_alone() -> None:
    assert russian_nominatives("Zhanaozene") == []
    assert russian_nominatives("Уфе") == []  # stem "Уф" is too short to guess from
    assert "Жанаозене" not in russian_nominatives("Жанаозене")


def test_case_forms_resolve_to_kazakh_places(ru_gazetteer: Gazetteer) -> None:
    text = (
        "Забастовка началась в Жанаозене, затем протесты охватили Мангистаускую область "
        "и дошли до Алма-Аты. В Казахстане введён режим чрезвычайного положения."
    )
    found = {p.span.quote: p for p in _places(ru_gazetteer, text)}
    assert found["Жанаозене"].name == "Zhanaozen"
    assert found["Жанаозене"].country == "KZ"
    assert found["Мангистаускую область"].precision is PlacePrecision.ADMIN1
    assert found["Алма-Аты"].name == "Almaty"
    assert found["Казахстане"].precision is PlacePrecision.COUNTRY


def test_case_forms_resolve_to_russian_places(ru_gazetteer: Gazetteer) -> None:
    text = (
        "Шахтёры в Кузбассе бастуют, а в Москве, Санкт-Петербурге и Нижнем Новгороде "
        "прошли пикеты в их поддержку."
    )
    found = {p.span.quote: p for p in _places(ru_gazetteer, text)}
    assert found["Кузбассе"].precision is PlacePrecision.ADMIN1
    assert found["Кузбассе"].country == "RU"
    assert found["Москве"].name == "Moscow"
    assert found["Санкт-Петербурге"].name == "Saint Petersburg"
    assert found["Нижнем Новгороде"].name == "Nizhniy Novgorod"


def test_a_name_in_an_oblique_case_is_no_place(ru_gazetteer: Gazetteer) -> None:
    text = "Протестующие требовали отставки Назарбаева, а в Алма-Ате жгли машины."
    quotes = [p.span.quote for p in _places(ru_gazetteer, text)]
    assert quotes == ["Алма-Ате"]
