"""Portuguese event triggers and cues, through the real pipeline on short reports."""

import datetime as dt

import pytest
from event_helpers import events, kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Os motoristas de ônibus de Porto Alegre entraram em greve nesta quinta-feira.",
            ("PROTEST", "strike"),
        ),
        (
            "Milhares de pessoas fizeram uma passeata em Belo Horizonte contra o aumento.",
            ("PROTEST", "demonstrate"),
        ),
        ("Caminhoneiros bloquearam a rodovia BR-116 perto de Curitiba.", ("PROTEST", "obstruct")),
        ("Estudantes ocuparam a reitoria da universidade em Salvador.", ("PROTEST", "occupy")),
        ("Houve tumultos e saques no centro do Recife.", ("PROTEST", "riot")),
        ("A polícia prendeu 20 manifestantes em Fortaleza.", ("COERCE", "arrest")),
        (
            "A PSP usou gás lacrimogéneo para dispersar os adeptos em Lisboa.",
            ("COERCE", "disperse"),
        ),
        ("O governo decretou toque de recolher em Luanda.", ("COERCE", "curfew")),
        ("O governo enviou tropas do Exército para Manaus.", ("MOBILIZE", "troops")),
        ("O ministro pediu demissão na segunda-feira.", ("CONCEDE", "resign")),
        ("A prefeitura revogou o aumento da tarifa de ônibus em São Paulo.", ("CONCEDE", "policy")),
        ("Pistoleiros assassinaram dois líderes sem-terra no Pará.", ("ASSAULT", "kill")),
    ],
)
def test_portuguese_triggers(text: str, kind: tuple[str, str]) -> None:
    assert kind in kinds(events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Os jogadores protestaram com o árbitro depois do gol no estádio do Morumbi.",
        "A concentração de poluentes subiu em São Paulo.",
        "O prefeito ocupa o cargo desde 2021 em Campinas.",
        "O motorista ficou preso no trânsito da Marginal em São Paulo.",
    ],
)
def test_portuguese_words_that_are_not_events(text: str) -> None:
    assert not [e for e in events(text) if e.type in ("PROTEST", "COERCE")]


def test_cancelled_strike_is_negated() -> None:
    evs = events("A greve dos metroviários de Lisboa foi cancelada.")
    strikes = [e for e in evs if e.mode == "strike"]
    assert strikes and all("negated" in e.context for e in strikes)


def test_no_incidents_keeps_the_rally() -> None:
    evs = events("Não houve incidentes na manifestação de Coimbra e ninguém foi detido.")
    rally = next(e for e in evs if e.type == "PROTEST")
    assert "negated" not in rally.context


def test_reflexive_se_is_no_condition() -> None:
    evs = events("Os professores se manifestaram em Natal nesta quarta-feira.")
    rally = next(e for e in evs if e.type == "PROTEST")
    assert "hypothetical" not in rally.context


def test_a_called_strike_is_future() -> None:
    evs = events("A CUT convocou uma greve geral para a próxima terça-feira em São Paulo.")
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in strike.context
    assert strike.date is not None and strike.date.start == dt.date(2024, 3, 19)


def test_past_massacre_reference_is_no_killing() -> None:
    evs = events(
        "Dez anos depois do massacre de Eldorado dos Carajás, camponeses marcharam no Pará."
    )
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_a_demand_for_resignation_is_no_resignation() -> None:
    text = "Manifestantes pediram a renúncia do governador em Porto Alegre."
    assert ("CONCEDE", "resign") not in kinds(events(text))
