"""Police violence, gunfire and who did it: hand-written reports through the real annotators.

Each test pins one general mechanism of the lexicon or the coder (gunfire told
as a noun, attribution of the source and the target, modifiers that are no
actor); the sentences are written for these tests.
"""

import datetime as dt

import pytest

from contention.model import Event
from contention.pipeline.core import process_text

P = dt.date(2024, 3, 15)


def events(text: str, published: dt.date | None = P) -> list[Event]:
    result = process_text(text, published=published)
    for e in result.events:
        for ev in e.evidence:
            assert result.document.text[ev.start : ev.end] == ev.quote
    return result.events


def sources(e: Event) -> set[str]:
    return {a.cls for a in e.actors if a.role == "source"}


def targets(e: Event) -> set[str]:
    return {a.cls for a in e.actors if a.role == "target"}


@pytest.mark.parametrize(
    "text",
    [
        "Two men died in police firing in Patna on Tuesday night.",
        "police opened fire on the crowd outside the collectorate in Madurai.",
        "Police fired twelve rounds in the air near the bus stand in Meerut.",
        "Riot police used live bullets against the marchers in Khartoum on Monday.",
    ],
)
def test_gunfire_told_as_a_noun_or_with_its_rounds(text: str) -> None:
    shots = [e for e in events(text) if e.type == "ASSAULT" and e.mode == "firearms"]
    assert shots and "police" in sources(shots[0])


@pytest.mark.parametrize(
    "text",
    [
        "The board announced the firing of the chief executive in Boston on Monday.",
        "The old firing range near Aldershot will become a nature reserve.",
        "Protesters in Santiago were hit by rubber bullets on Friday.",
    ],
)
def test_firing_that_is_no_gunfire(text: str) -> None:
    assert not [e for e in events(text) if e.type == "ASSAULT" and e.mode == "firearms"]


@pytest.mark.parametrize(
    "text",
    [
        "Police fired rubber bullets at students in Bogota on Friday.",
        "Officers fired several rounds of tear gas at the marchers in Nairobi.",
    ],
)
def test_less_lethal_rounds_are_no_gunfire(text: str) -> None:
    assert not [e for e in events(text) if e.type == "ASSAULT" and e.mode == "firearms"]
    assert [e for e in events(text) if e.type == "COERCE" and e.mode == "disperse"]


def test_a_police_station_is_a_place_not_an_actor() -> None:
    evs = events("A trader was shot dead near the Kotwali police station in Varanasi on Monday.")
    shot = next(e for e in evs if e.type == "ASSAULT")
    assert "police" not in sources(shot)


def test_an_actor_after_an_active_verb_is_its_object() -> None:
    evs = events("Youths hurled stones and attacked police in Srinagar on Friday.")
    attack = next(e for e in evs if e.type == "ASSAULT")
    assert "police" not in sources(attack)
    assert "police" in targets(attack)


def test_a_participial_clause_keeps_the_agent_of_its_sentence() -> None:
    evs = events("A march in Mandalay was broken up by soldiers on Sunday, killing one protester.")
    killing = [e for e in evs if e.type == "ASSAULT"]
    assert killing and all("military" in sources(e) for e in killing)
    assert not any("protesters" in sources(e) for e in killing)


def test_an_object_of_a_preposition_did_not_act() -> None:
    evs = events("Police fired on protesters in Lagos and killed two of them on Tuesday.")
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert assaults and all(sources(e) == {"police"} for e in assaults)


def test_violence_by_opposite_sides_stays_two_events() -> None:
    evs = events(
        "A mob attacked two constables near the market in Bhagalpur on Sunday. "
        "Police then opened fire on the mob near the market."
    )
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert {frozenset(sources(e)) for e in assaults} == {
        frozenset({"protesters"}),
        frozenset({"police"}),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Army units clashed with rebels near Goma on Thursday, officials said.",
        "Fresh clashes between insurgents and border guards were reported near Zahedan.",
    ],
)
def test_fighting_with_armed_groups_is_no_riot(text: str) -> None:
    assert not [e for e in events(text) if e.type == "PROTEST" and e.mode == "riot"]


def test_a_crowd_clash_is_still_a_riot() -> None:
    evs = events("Protesters clashed with police outside the parliament in Tbilisi on Monday.")
    assert [e for e in evs if e.type == "PROTEST" and e.mode == "riot"]
