"""Spanish event triggers and cues, through the real pipeline on short reports."""

import datetime as dt

import pytest
from event_helpers import events, kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Los docentes de Mendoza realizaron este jueves un paro de 48 horas.",
            ("PROTEST", "strike"),
        ),
        (
            "Miles de personas se manifestaron en Madrid contra la reforma.",
            ("PROTEST", "demonstrate"),
        ),
        (
            "Vecinos de Santiago hicieron un cacerolazo en la Plaza Italia.",
            ("PROTEST", "demonstrate"),
        ),
        (
            "Campesinos cortaron la ruta 14 en Entre Ríos durante seis horas.",
            ("PROTEST", "obstruct"),
        ),
        ("Pescadores artesanales cortan la carretera de Chiloé.", ("PROTEST", "obstruct")),
        ("VECINOS CORTAN LA AUTOPISTA EN PROTESTA POR LOS APAGONES", ("PROTEST", "obstruct")),
        ("Los estudiantes tomaron la universidad en Bogotá el lunes.", ("PROTEST", "occupy")),
        ("Hubo disturbios y saqueos en el centro de Quito.", ("PROTEST", "riot")),
        ("La policía detuvo a 30 personas en Lima.", ("COERCE", "arrest")),
        ("El Gobierno decretó el toque de queda en Cali.", ("COERCE", "curfew")),
        (
            "Los agentes lanzaron gases lacrimógenos contra la marcha en Asunción.",
            ("COERCE", "disperse"),
        ),
        ("El Gobierno desplegó tropas en las calles de Guayaquil.", ("MOBILIZE", "troops")),
        ("El ministro del Interior presentó su dimisión el martes.", ("CONCEDE", "resign")),
        (
            "El Gobierno derogó el aumento de la tarifa del transporte en Santiago.",
            ("CONCEDE", "policy"),
        ),
        (
            "Hombres armados asesinaron a tres dirigentes campesinos en el Cauca.",
            ("ASSAULT", "kill"),
        ),
        ("Guerrilleros dieron muerte a un comerciante en Saravena.", ("ASSAULT", "kill")),
        ("Un hombre fue ejecutado por soldados en zona rural de Yopal.", ("ASSAULT", "kill")),
        ("Paramilitares ejecutaron en una vereda de Tame a un indígena.", ("ASSAULT", "kill")),
        (
            "Una mujer fue muerta de varios impactos de arma de fuego en Ibagué.",
            ("ASSAULT", "firearms"),
        ),
        ("Hombres armados desaparecieron a un líder comunal en Tumaco.", ("ASSAULT", None)),
        ("Guerrilleros dinamitaron un puente en la vía a Cúcuta.", ("ASSAULT", None)),
        ("Dos campesinos resultaron heridos al pisar una mina antipersonal.", ("ASSAULT", None)),
    ],
)
def test_spanish_triggers(text: str, kind: tuple[str, str]) -> None:
    assert kind in kinds(events(text))


@pytest.mark.parametrize(
    "text",
    [
        "La tasa de paro bajó al 11 por ciento en Andalucía.",
        "El Gobierno puso en marcha un plan de vivienda en Valencia.",
        "El delantero protestó al árbitro tras el penalti en el estadio de Sevilla.",
        "La concentración de dióxido de carbono alcanzó un récord en Mauna Loa.",
        "El paciente sufrió un paro cardíaco en el hospital de Córdoba.",
        "El Congreso de Oaxaca tomó la protesta al nuevo concejo municipal.",
        "La gobernadora rindió protesta ante el pleno del Congreso local.",
        "La nevada cortó la carretera entre Mendoza y Santiago durante dos días.",
        "La policía cortó el tránsito en la avenida por el desfile del sábado.",
    ],
)
def test_spanish_words_that_are_not_protests(text: str) -> None:
    assert not [e for e in events(text) if e.type == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "La alcaldía ejecutó el presupuesto de obras en Tame.",
        "La empresa ejecutó con éxito la obra del puente.",
        "Padre e hijo desaparecieron cuando viajaban hacia Arauca.",
        "Los militares ejecutaron el plan de evacuación en Mocoa.",
    ],
)
def test_spanish_words_that_are_not_violence(text: str) -> None:
    assert not [e for e in events(text) if e.type == "ASSAULT"]


def test_cancelled_march_is_negated() -> None:
    evs = events("La marcha convocada en Rosario fue suspendida por la lluvia.")
    march = [e for e in evs if e.type == "PROTEST"]
    assert march and all("negated" in e.context for e in march)


def test_no_incidents_does_not_cancel_the_march() -> None:
    evs = events("No hubo incidentes en la marcha de Valparaíso, y no hubo detenidos.")
    march = next(e for e in evs if e.type == "PROTEST")
    assert "negated" not in march.context
    arrests = [e for e in evs if e.mode == "arrest"]
    assert arrests and all("negated" in e.context for e in arrests)


def test_desconvocada_reaches_its_object() -> None:
    evs = events(
        "Los sindicatos desconvocaron en la madrugada de este jueves la huelga de Metro de Madrid."
    )
    strike = next(e for e in evs if e.mode == "strike")
    assert "negated" in strike.context


def test_a_called_strike_is_future() -> None:
    evs = events("La CGT convocó un paro general para el próximo miércoles en Buenos Aires.")
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in strike.context
    assert strike.date is not None and strike.date.start == dt.date(2024, 3, 20)


def test_not_ruling_out_a_strike_is_no_negation() -> None:
    evs = events("El gremio no descartó un paro si el Gobierno de Chile no responde.")
    strikes = [e for e in evs if e.mode == "strike"]
    assert strikes and all("negated" not in e.context for e in strikes)
    assert all(set(e.context) & {"hypothetical", "future"} for e in strikes)


def test_accentless_spanish() -> None:
    assert ("PROTEST", "demonstrate") in kinds(
        events("Cientos de estudiantes realizaron una manifestacion en Lima.")
    )


def test_a_demand_for_resignation_is_no_resignation() -> None:
    text = "Manifestantes bloquearon carreteras en Puno para exigir la renuncia de la presidenta."
    assert ("CONCEDE", "resign") not in kinds(events(text))


def test_students_clashing_with_police_is_a_riot() -> None:
    assert ("PROTEST", "riot") in kinds(
        events("Estudiantes y policías se enfrentaron en Tegucigalpa.")
    )
