"""Russian event detection through the real pipeline, on short hand-written reports."""

from __future__ import annotations

import datetime as dt

import pytest

from contention.model import Event
from contention.pipeline.core import process_text

P = dt.date(2022, 1, 11)


def events(text: str, published: dt.date | None = P) -> list[Event]:
    result = process_text(text, published=published)
    for e in result.events:
        for ev in e.evidence:
            assert result.document.text[ev.start : ev.end] == ev.quote
    return result.events


def kinds(evs: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.type, e.mode) for e in evs}


def test_a_strike_in_an_oblique_case_is_placed_and_dated() -> None:
    evs = events("2 января нефтяники в Жанаозене начали забастовку против подорожания газа.")
    strike = next(e for e in evs if e.mode == "strike")
    assert strike.place is not None and strike.place.name == "Zhanaozen"
    assert strike.date is not None and strike.date.start == dt.date(2022, 1, 2)
    assert strike.issue is not None and strike.issue.startswith("подорожания")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "В Алма-Ате начались массовые беспорядки, толпа штурмовала здание акимата.",
            ("PROTEST", "riot"),
        ),
        (
            "Полиция применила слезоточивый газ против демонстрантов в Алма-Ате.",
            ("COERCE", "disperse"),
        ),
        ("В Алматы и Мангистауской области ввели комендантский час.", ("COERCE", "curfew")),
        ("Президент отправил правительство в отставку.", ("CONCEDE", "resign")),
        ("Власти объявили о снижении цены на газ до 50 тенге.", ("CONCEDE", "policy")),
        ("В страну прибыли миротворческие силы ОДКБ.", ("MOBILIZE", "troops")),
        ("В Москве прошёл митинг против пенсионной реформы.", ("PROTEST", "demonstrate")),
        ("Шахтёры в Прокопьевске объявили голодовку.", ("PROTEST", "hunger_strike")),
    ],
)
def test_russian_triggers(text: str, kind: tuple[str, str]) -> None:
    assert kind in kinds(events(text))


def test_no_arrests_is_negated() -> None:
    evs = events("В субботу в Екатеринбурге прошёл митинг. Задержаний не было.")
    arrests = [e for e in evs if e.mode == "arrest"]
    assert arrests and all("negated" in e.context for e in arrests)
    rally = next(e for e in evs if e.type == "PROTEST")
    assert "negated" not in rally.context


def test_an_action_that_did_not_take_place_is_negated() -> None:
    evs = events("В Новосибирске акция протеста так и не состоялась.")
    assert evs and all("negated" in e.context for e in evs if e.type == "PROTEST")


def test_at_least_fourteen_dead_is_not_a_negation() -> None:
    evs = events("В Алма-Ате не менее 14 человек погибли в ходе беспорядков.")
    assert evs and not any("negated" in e.context for e in evs)


def test_a_called_strike_is_future() -> None:
    evs = events(
        "Профсоюз водителей Екатеринбурга заявил, что водители начнут забастовку "
        "в следующий понедельник."
    )
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in strike.context
    assert strike.date is not None and strike.date.start == dt.date(2022, 1, 17)


def test_delayed_pay_is_no_arrest() -> None:
    assert ("COERCE", "arrest") not in kinds(events("Работодатель задержал зарплату шахтёрам."))


def test_company_shares_are_no_protest_action() -> None:
    assert events("Акции компании подешевели на бирже на 5%, сообщили организаторы торгов.") == []


def test_a_demanded_resignation_is_no_resignation() -> None:
    evs = events("В Актау протестующие вышли на площадь и требовали отставки акима области.")
    assert ("CONCEDE", "resign") not in kinds(evs)
    assert ("PROTEST", "demonstrate") in kinds(evs)


def test_football_report_has_no_events() -> None:
    text = (
        "«Спартак» обыграл «Зенит» на своём стадионе. Нападающий мощным ударом расстрелял "
        "ворота, а после гола игроки устроили протест арбитру и получили жёлтую карточку. "
        "Тренер признал, что команда «бастовала» первый тайм, а болельщики на трибунах пели."
    )
    assert events(text) == []


def test_an_anniversary_remembers_an_event_without_repeating_it() -> None:
    evs = events(
        "В четверг, в годовщину расстрела бастовавших нефтяников, сотни жителей Жанаозена "
        "пришли на центральную площадь."
    )
    assert not [e for e in evs if e.type == "ASSAULT"]
    assert not [e for e in evs if e.mode == "strike"]
    gathering = next(e for e in evs if e.type == "PROTEST")
    assert gathering.date is not None and gathering.date.start == dt.date(2022, 1, 6)


def test_an_intended_picket_is_not_reported_as_held() -> None:
    evs = events("В Алма-Ате активисты хотели провести одиночные пикеты, но их задержали.")
    pickets = [e for e in evs if e.type == "PROTEST"]
    assert pickets and all("future" in e.context for e in pickets)
    assert any(e.mode == "arrest" and "future" not in e.context for e in evs)
