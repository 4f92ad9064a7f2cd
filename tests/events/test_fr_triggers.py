"""French triggers and contexts through the real pipeline."""

import pytest
from event_helpers import events, kinds


def test_strike_and_arrests() -> None:
    evs = events(
        "Jeudi, des milliers de cheminots en grève ont manifesté à Lyon. "
        "La police a procédé à 12 interpellations."
    )
    assert ("PROTEST", "strike") in kinds(evs)
    arrest = next(e for e in evs if e.mode == "arrest")
    assert arrest.counts["arrested"] is not None and arrest.counts["arrested"].best == 12


def test_cancelled_rally_is_negated() -> None:
    evs = events("Le rassemblement prévu samedi à Nantes n'a pas eu lieu.")
    demo = [e for e in evs if e.mode == "demonstrate"]
    assert demo and all("negated" in {c.value for c in e.context} for e in demo)


def test_call_to_strike_is_future() -> None:
    evs = events("L'intersyndicale a appelé à une nouvelle grève le 28 mars à Paris.")
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in {c.value for c in strike.context}


@pytest.mark.parametrize(
    "text",
    [
        "Des frappes aériennes ont visé un dépôt de carburant près de Kharkiv.",
        "Une frappe du gauche de l'attaquant a trompé le gardien avant la mi-temps.",
        "Les syndicats ont interpellé le gouvernement sur les salaires.",
        "Le défilé de mode a attiré des milliers de visiteurs à Paris.",
    ],
)
def test_no_protest_or_arrest(text: str) -> None:
    assert not {t for t, _ in kinds(events(text))} & {"PROTEST", "COERCE"}
