"""German triggers (compounds, separable verbs) and contexts through the real pipeline."""

import pytest
from event_helpers import events, kinds


@pytest.mark.parametrize(
    "word", ["Generalstreik", "Warnstreik", "Spielerstreik", "Bahnstreik", "Klima-Streik"]
)
def test_strike_compounds(word: str) -> None:
    evs = events(f"Am Donnerstag begann in Hamburg ein {word} gegen die Sparpläne.")
    assert ("PROTEST", "strike") in kinds(evs)


def test_separable_verbs_concede() -> None:
    evs = events(
        "Am Mittwoch trat die Regierung in Bischkek zurück. "
        "Zuvor nahm sie die Preiserhöhung für Benzin zurück."
    )
    assert {("CONCEDE", "resign"), ("CONCEDE", "policy")} <= kinds(evs)


def test_no_arrests_is_negated() -> None:
    evs = events("Rund 500 Menschen demonstrierten am Dienstag in Bremen. Festnahmen gab es keine.")
    arrest = [e for e in evs if e.mode == "arrest"]
    assert arrest and all("negated" in {c.value for c in e.context} for e in arrest)


def test_cancelled_demo_is_negated() -> None:
    evs = events("Die für Samstag geplante Demonstration in Kiel wurde kurzfristig abgesagt.")
    demo = [e for e in evs if e.mode == "demonstrate"]
    assert demo and all("negated" in {c.value for c in e.context} for e in demo)


@pytest.mark.parametrize(
    "text",
    [
        "Bei einem Luftangriff auf Charkiw wurde ein Wohnhaus beschädigt.",
        "Das Streikrecht ist im Grundgesetz geschützt.",
        "Der Stürmer protestierte beim Schiedsrichter gegen die Gelbe Karte.",
    ],
)
def test_no_protest(text: str) -> None:
    assert not {t for t, _ in kinds(events(text))} & {"PROTEST", "COERCE"}
