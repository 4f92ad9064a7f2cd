"""Per-document assembly: one event per real-world event told in the document."""

import datetime as dt

from contention.model import Event
from contention.pipeline.core import process_text

P = dt.date(2024, 3, 15)


def events(text: str, title: str | None = None) -> list[Event]:
    return process_text(text, published=P, title=title).events


def test_a_headline_joins_the_event_the_body_tells() -> None:
    text = (
        "Genoa dockers strike over pay\n\n"
        "Dockers in Genoa went on strike on Wednesday over unpaid overtime, the union said."
    )
    strikes = [e for e in events(text, title="Genoa dockers strike over pay") if e.mode == "strike"]
    assert len(strikes) == 1
    assert len([ev for ev in strikes[0].evidence if ev.field == "type"]) == 2


def test_those_strikes_point_back_and_make_no_new_event() -> None:
    text = (
        "In August 1980 tens of thousands of workers went on strike in Gdańsk. "
        "On Tuesday speakers in Warsaw recalled those strikes."
    )
    strikes = [e for e in events(text) if e.mode == "strike"]
    assert len(strikes) == 1 and "historical" in strikes[0].context


def test_a_return_to_the_present_stops_an_old_date() -> None:
    text = (
        "In December 2011 police fired on striking oil workers in Zhanaozen. "
        "This time the workers occupied the town square."
    )
    evs = process_text(text, published=dt.date(2022, 1, 10)).events
    occupy = next(e for e in evs if e.mode == "occupy")
    assert "historical" not in occupy.context


def test_different_cities_stay_apart() -> None:
    text = (
        "On Monday workers went on strike in Turin. "
        "On the same day workers went on strike in Naples."
    )
    strikes = [e for e in events(text) if e.mode == "strike"]
    assert {e.place.name for e in strikes if e.place} == {"Turin", "Naples"}


def test_a_killing_without_a_number_is_at_least_one_death() -> None:
    evs = events("A protester was killed by police in Dhaka on Tuesday.")
    killing = next(e for e in evs if e.type == "ASSAULT")
    deaths = killing.counts["fatalities"]
    assert deaths is not None and (deaths.low, deaths.best) == (1, None)
    assert any(ev.field == "count.fatalities" and ev.quote == "killed" for ev in killing.evidence)


def test_villagers_who_lynch_are_a_mob() -> None:
    from contention.events.ontology import acled_for

    evs = events("Angry villagers lynched a man accused of cattle theft near Patna on Monday.")
    attack = next(e for e in evs if e.type == "ASSAULT")
    source = next(a for a in attack.actors if a.role == "source")
    assert source.cls == "civilians"
    assert acled_for(attack.type, attack.mode, attack.context, source.cls) == (
        "Riots",
        "Mob violence",
    )
