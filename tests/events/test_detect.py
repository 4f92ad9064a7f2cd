"""Detection and coding on short hand-written reports, through the real annotators."""

import datetime as dt

import pytest
from event_helpers import P, events, kinds

from contention.model import Context


def test_labour_strike_is_a_protest() -> None:
    evs = events("Dockers in Genoa began a strike on Monday over unpaid overtime.")
    assert ("PROTEST", "strike") in kinds(evs)
    strike = next(e for e in evs if e.mode == "strike")
    assert strike.place is not None and strike.place.country == "IT"
    assert strike.date is not None and strike.date.start == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    "text",
    [
        "An air strike hit a fuel depot near the border overnight.",
        "The striker scored twice and the players protested to the referee after the penalty.",
        "The company hopes to strike a deal with its suppliers before the summer.",
    ],
)
def test_strike_words_that_are_not_protests(text: str) -> None:
    assert not [e for e in events(text) if e.type == "PROTEST"]


def test_negated_arrests() -> None:
    evs = events("Thousands marched through Lyon on Saturday. No arrests were made.")
    arrests = [e for e in evs if e.mode == "arrest"]
    assert arrests and all("negated" in e.context for e in arrests)
    march = next(e for e in evs if e.type == "PROTEST")
    assert "negated" not in march.context


def test_call_to_strike_next_week_is_future() -> None:
    evs = events("The metalworkers' union said its members will strike in Turin next week.")
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in strike.context
    assert strike.date is not None and strike.date.start > P


def test_negation_does_not_cross_a_clause() -> None:
    evs = events(
        "Riots broke out in Almaty on 5 January. No protest came from abroad, "
        "nor against the sending of Russian troops to Almaty.",
        published=dt.date(2022, 1, 10),
    )
    troops = [e for e in evs if e.type == "MOBILIZE"]
    assert troops and "negated" not in troops[0].context


def test_old_events_are_historical() -> None:
    evs = events(
        "In December 2011 police fired on striking oil workers in Zhanaozen.",
        published=dt.date(2022, 1, 10),
    )
    shooting = next(e for e in evs if e.type == "ASSAULT")
    assert "historical" in shooting.context
    assert shooting.date is not None and shooting.date.precision.value == "month"


def test_a_generic_noun_alone_is_no_event() -> None:
    assert events("The uprising is a sign of a deep anger.") == []


def test_same_story_in_two_languages_is_one_event() -> None:
    text = (
        "Workers at the Taranto steel plant went on strike on 4 March.\n\n"
        "I lavoratori dello stabilimento siderurgico di Taranto hanno scioperato il 4 marzo."
    )
    strikes = [e for e in events(text) if e.mode == "strike"]
    assert len(strikes) == 1
    langs = {ev.quote for ev in strikes[0].evidence if ev.field == "type"}
    assert len(langs) == 2


def test_reported_intent_is_future_not_conditional() -> None:
    evs = events("The drivers' union said on Tuesday that its members would strike in Milan.")
    strike = next(e for e in evs if e.mode == "strike")
    assert "future" in strike.context and "hypothetical" not in strike.context


def test_announced_concession_is_a_concession() -> None:
    evs = events("The president said on Wednesday that he would withdraw the fuel price increase.")
    concede = next(e for e in evs if e.type == "CONCEDE")
    assert concede.context == ("asserted",)


def test_a_demand_is_not_a_concession() -> None:
    evs = events("Protesters in Nairobi called for the president to resign on Thursday.")
    assert not [e for e in evs if e.type == "CONCEDE"]


def test_an_accident_toll_is_not_a_protest_toll() -> None:
    evs = events(
        "Students marched in Novi Sad on Friday, months after the collapse of the station "
        "roof in which 15 people died."
    )
    march = next(e for e in evs if e.type == "PROTEST")
    assert march.counts["fatalities"] is None


def test_a_date_in_a_clause_about_another_noun_is_not_the_events() -> None:
    evs = events(
        "The protests in Warsaw on Tuesday were led by Rural Solidarity, a union that was "
        "founded in 1981."
    )
    protest = next(e for e in evs if e.type == "PROTEST")
    assert protest.date is not None and protest.date.start == dt.date(2024, 3, 12)
    assert "historical" not in protest.context


def test_reporting_officials_are_not_actors() -> None:
    evs = events("A shell killed six people in Kharkiv on Friday, regional officials said.")
    killing = next(e for e in evs if e.type == "ASSAULT")
    assert all(a.cls != "government" for a in killing.actors)


def test_the_day_of_saying_is_not_the_day_of_the_event() -> None:
    evs = events(
        "Officials said on Thursday that 40 people were killed in Aleppo on 2 March.",
        published=dt.date(2024, 3, 15),
    )
    killing = next(e for e in evs if e.type == "ASSAULT")
    assert killing.date is not None and killing.date.start == dt.date(2024, 3, 2)


def test_police_breaking_up_a_protest_is_an_intervention() -> None:
    evs = events(
        "Police suppressed a peaceful student march in Izmir on Tuesday and used pepper "
        "spray to disperse the crowd."
    )
    assert ("COERCE", "disperse") in kinds(evs)
    assert ("PROTEST", "demonstrate") in kinds(evs)


def test_a_protest_over_detentions_is_no_arrest() -> None:
    evs = events("Hundreds rallied in Minsk on Sunday over the detention of a student leader.")
    assert ("COERCE", "arrest") not in kinds(evs)


def test_deaths_belong_to_the_shooting_not_the_strike() -> None:
    evs = events(
        "On Tuesday police fired on striking miners in Karaganda and 14 miners died.",
    )
    strike = next(e for e in evs if e.type == "PROTEST")
    shooting = next(e for e in evs if e.type == "ASSAULT")
    assert strike.counts["fatalities"] is None
    deaths = shooting.counts["fatalities"]
    assert deaths is not None and deaths.low == 14


@pytest.mark.parametrize(
    "text",
    [
        "La polizia ha sgomberato il presidio degli studenti davanti al rettorato di Padova.",
        "Martedì la polizia ha represso la manifestazione pacifica degli studenti a Padova.",
    ],
)
def test_italian_police_clearing_a_protest_is_a_dispersal(text: str) -> None:
    evs = events(text)
    assert ("COERCE", "disperse") in kinds(evs)
    assert ("PROTEST", "demonstrate") in kinds(evs)


@pytest.mark.parametrize(
    "text",
    [
        "Il governo italiano ha protestato formalmente con Parigi per le dichiarazioni.",
        "La Farnesina ha protestato con Berlino dopo l'incidente.",
        "L'ambasciatore ha consegnato una nota di protesta al ministero degli Esteri.",
        "El gobierno de Lima protestó enérgicamente por las declaraciones del ministro chileno.",
        "La Cancillería presentó una enérgica protesta ante el embajador británico.",
        "The foreign ministry protested to the ambassador over the arms sale.",
    ],
)
def test_a_governments_protest_is_a_statement_not_an_event(text: str) -> None:
    assert not [e for e in events(text) if e.type == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Gli operai hanno protestato con cartelli davanti ai cancelli dello stabilimento.",
        "Trabajadores del Ministerio de Salud protestaron frente a la sede central.",
        "Los vecinos protestaron por la falta de agua en el barrio.",
    ],
)
def test_crowds_protesting_are_still_protests(text: str) -> None:
    assert [e for e in events(text) if e.type == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Gunmen killed five villagers in Zamfara state on Sunday.", "source"),
        ("Soldiers killed three rebels near Goma on Tuesday.", "target"),
        ("Des hommes armés ont tué deux gendarmes près de Tillabéri.", "source"),
        ("Paramilitares ejecutaron a un campesino en Tame.", "source"),
        ("Боевики обстреляли полицейский пост в Дагестане.", "source"),
    ],
)
def test_armed_groups_are_actors_of_violence_not_crowds(text: str, role: str) -> None:
    (event,) = events(text)
    assert event.type == "ASSAULT"
    assert ("armed_group", role) in {(a.cls, a.role) for a in event.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Riot police were deployed to the capital's main square on Friday.",
        "Hundreds of officers were bussed in to Belfast overnight.",
        "Migliaia di agenti sono stati schierati a Roma per il vertice.",
        "Quelque 45 000 policiers et gendarmes ont été déployés samedi soir à Paris.",
        "Die Polizei zog mehr als 2.000 Beamte in Dresden zusammen.",
        "В центр Еревана стянуты подразделения полиции особого назначения.",
        "В Алматы направили армейские подразделения для охраны аэропорта.",
    ],
)
def test_police_and_troops_sent_in_are_a_mobilisation(text: str) -> None:
    assert "MOBILIZE" in {e.type for e in events(text)}


def test_police_deploying_tear_gas_is_no_mobilisation() -> None:
    assert "MOBILIZE" not in {e.type for e in events("Police deployed tear gas in Nairobi.")}


@pytest.mark.parametrize(
    "text",
    [
        "The authorities freed twelve political prisoners on Thursday after weeks of protests.",
        "Le autorità hanno graziato e liberato quattordici prigionieri politici.",
        "El gobierno puso en libertad a 30 manifestantes detenidos desde marzo.",
        "O tribunal libertou os 12 ativistas que estavam em prisão preventiva há 40 dias.",
        "Les autorités ont libéré jeudi une dizaine de militants et de syndicalistes.",
        "Die Behörden haben die Klimaaktivisten nach einer Woche Haft wieder freigelassen.",
        "Президент помиловал ещё восемнадцать политзаключённых.",
    ],
)
def test_prisoners_set_free_are_a_concession(text: str) -> None:
    assert ("CONCEDE", "release") in kinds(events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Two union delegates were detained and were released in the evening.",
        "Police detained 40 people in Minsk; most were released later that night.",
        "Вечером всех задержанных отпустили после составления протоколов.",
        "Due attivisti sono stati fermati e rilasciati in serata.",
    ],
)
def test_a_release_the_same_day_ends_the_arrest_and_concedes_nothing(text: str) -> None:
    assert "CONCEDE" not in {e.type for e in events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "After a week-long strike the company agreed to raise drivers' pay by 8 percent.",
        "Nach drei Tagen Streik hat die Post den Zustellern eine Lohnerhöhung zugesagt.",
        "La direction a accordé une prime de 400 euros aux conducteurs après la grève.",
        "Dopo otto giorni di sciopero, mercoledì l'azienda ha accettato di assumere i facchini.",
        "O Governo aceitou aumentar em 25% os salários dos professores.",
        "Руководство предприятия согласилось поднять зарплату водителям автобусов.",
        "Der Berliner Polizeipräsident hat am Freitag seinen Rücktritt erklärt.",
    ],
)
def test_pay_granted_and_resignations_are_concessions(text: str) -> None:
    assert "CONCEDE" in {e.type for e in events(text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Die Polizei durchsuchte sieben Wohnungen von Klimaaktivisten in München.", "seize"),
        ("Des policiers ont perquisitionné les locaux d'une association à Alger.", "seize"),
        ("Les autorités ont suspendu l'internet mobile dans plusieurs régions.", "censor"),
        ("La police a démantelé jeudi le campement de migrants du canal Saint-Martin.", "disperse"),
        ("Le Conseil des ministres a prononcé la dissolution d'un collectif écologiste.", "ban"),
    ],
)
def test_raids_cuts_clearances_and_dissolutions_are_coercion(text: str, kind: str) -> None:
    assert ("COERCE", kind) in kinds(events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Unbekannte haben einen Brandsatz auf eine Flüchtlingsunterkunft in Halle geworfen.",
        "Am Stuttgarter Schlossplatz wurden fünf junge Männer durch Messerstiche verletzt.",
        "Bei der Demonstration in Zürich feuerte die Polizei Gummischrot in die Menge.",
        "Un individu armé d'un couteau a blessé trois passants à Mulhouse.",
        "Le chef d'une milice a été abattu par des hommes armés près de Mopti.",
        "Une kamikaze s'est fait exploser près d'une patrouille à Tunis, blessant huit agents.",
    ],
)
def test_stabbings_bombings_and_shootings_are_assaults(text: str) -> None:
    assert "ASSAULT" in {e.type for e in events(text)}


def test_a_bombing_without_a_toll_claims_no_deaths() -> None:
    (event,) = events("Unbekannte haben einen Brandsatz auf ein Wohnhaus in Halle geworfen.")
    assert event.counts.get("fatalities") is None


@pytest.mark.parametrize(
    "text",
    [
        "Students announced a national march in London against tuition fees.",
        "Le associazioni studentesche hanno annunciato una manifestazione nazionale a Roma.",
        "Il sindacato ha indetto per martedì prossimo uno sciopero dei dipendenti cantonali.",
        "I sindacati hanno proclamato uno sciopero nazionale di ventiquattro ore.",
    ],
)
def test_an_announced_protest_is_future_without_a_publication_date(text: str) -> None:
    evs = [e for e in events(text, published=None) if e.type == "PROTEST"]
    assert evs and all(Context.FUTURE in e.context for e in evs)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Migliaia di studenti hanno sfilato venerdì per le vie di Torino contro i tagli.",
            "PROTEST",
        ),
        ("Gli studenti occupano la facoltà di Lettere della Sapienza da tre giorni.", "PROTEST"),
        ("A Buenos Aires migliaia di persone sono uscite battendo pentole e coperchi.", "PROTEST"),
        ("I commercianti del Gran Bazar hanno abbassato le saracinesche per protesta.", "PROTEST"),
        (
            "I carabinieri hanno sgomberato la baraccopoli dei braccianti di San Ferdinando.",
            "COERCE",
        ),
        ("Perquisizioni all'alba della Digos nelle case di dieci militanti a Padova.", "COERCE"),
        ("La presidente ha decretato lo stato d'emergenza a Lima e Callao.", "COERCE"),
    ],
)
def test_italian_marches_occupations_clearances_and_raids(text: str, kind: str) -> None:
    assert kind in {e.type for e in events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Le modelle hanno sfilato a Milano per la settimana della moda.",
        "Migliaia di tifosi si sono radunati in piazza per festeggiare lo scudetto.",
    ],
)
def test_italian_parades_and_celebrations_are_no_protests(text: str) -> None:
    assert "PROTEST" not in {e.type for e in events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Police banned the march in Lagos on Friday.",
        "Il questore di Bologna ha vietato il corteo antagonista.",
        "Власти Ингушетии запретили проведение любых митингов до конца месяца.",
    ],
)
def test_a_banned_protest_is_a_ban_not_a_protest(text: str) -> None:
    evs = events(text)
    assert ("COERCE", "ban") in kinds(evs)
    assert all(Context.NEGATED in e.context for e in evs if e.type == "PROTEST")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Несколько тысяч человек вышли в субботу вечером на проспект Руставели.", "PROTEST"),
        ("Десятки тысяч белорусов прошли маршем по проспекту Победителей в Минске.", "PROTEST"),
        ("Жители Алматы вечером вышли на балконы и долго стучали в кастрюли.", "PROTEST"),
        ("Тысячи жителей Батуми выстроились в живую цепь вдоль бульвара.", "PROTEST"),
        ("Сотрудники ФСБ провели обыски в квартирах журналистов в Москве.", "COERCE"),
        ("Мобильный интернет в Махачкале был отключён почти на сутки.", "COERCE"),
        ("Власти Молдовы приостановили лицензии шести телеканалов.", "COERCE"),
        ("Um fotógrafo ficou ferido por uma bala de borracha disparada pela polícia.", "ASSAULT"),
        ("Uma bomba caseira explodiu em frente à sede de um sindicato em Goiânia.", "ASSAULT"),
    ],
)
def test_russian_and_portuguese_marches_searches_cuts_and_injuries(text: str, kind: str) -> None:
    assert kind in {e.type for e in events(text)}


def test_leaving_home_for_work_is_no_march() -> None:
    assert not events("Он вышел из дома в семь утра на работу.")


def test_a_refused_march_is_a_ban() -> None:
    evs = events("Власти Минска отказали оппозиции в проведении шествия.")
    assert ("COERCE", "ban") in kinds(evs)
    assert all(Context.NEGATED in e.context for e in evs if e.type == "PROTEST")


@pytest.mark.parametrize(
    "text",
    [
        "Airport staff went on strike on Monday and hundreds of flights were cancelled.",
        "Das Bodenpersonal streikt seit dem frühen Morgen, tausend Flüge wurden gestrichen.",
        "Die Ärzte traten am Dienstag in einen Warnstreik, planbare Operationen wurden verschoben.",
    ],
)
def test_what_a_strike_cancels_does_not_negate_the_strike(text: str) -> None:
    evs = [e for e in events(text) if e.type == "PROTEST"]
    assert evs and all(Context.NEGATED not in e.context for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "The march, planned for weeks by three unions, did not take place.",
        "The strike planned for Monday and Tuesday was called off.",
        "La huelga, que habría afectado a más de dos millones de viajeros, no se llegó a celebrar.",
    ],
)
def test_a_cancelled_protest_is_negated_across_an_aside(text: str) -> None:
    evs = [e for e in events(text) if e.type == "PROTEST"]
    assert evs and all(Context.NEGATED in e.context for e in evs)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Zehntausende Beschäftigte legten am Donnerstag die Arbeit nieder.", "PROTEST"),
        (
            "Hundert Taxifahrer blockierten am Dienstag mit ihren Autos die Hamburger Innenstadt.",
            "PROTEST",
        ),
        ("Klimaaktivisten haben sich am Morgen auf dem Mittleren Ring festgeklebt.", "PROTEST"),
        ("In der Justizanstalt Stein kam es am Wochenende zu einer Gefängnisrevolte.", "PROTEST"),
        ("Dezenas de reclusos da Cadeia Central de Maputo amotinaram-se no domingo.", "PROTEST"),
        ("Estudantes saem às ruas em mais de 100 cidades contra cortes na educação.", "PROTEST"),
        ("As operadoras restringiram o acesso à internet em todo Moçambique.", "COERCE"),
        ("Está em vigor o recolher obrigatório decretado pelo governo em Bissau.", "COERCE"),
    ],
)
def test_german_and_portuguese_walkouts_blockades_revolts_and_cuts(text: str, kind: str) -> None:
    assert kind in {e.type for e in events(text)}


def test_fans_walking_to_the_stadium_are_no_march() -> None:
    assert not events("Die Fans zogen singend durch die Innenstadt zum Stadion.")


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned in protest at the cuts to the health budget.",
        "Aus Protest gegen die Parteiführung ist ein Abgeordneter aus seiner Fraktion ausgetreten.",
    ],
)
def test_one_persons_act_in_protest_is_no_protest_event(text: str) -> None:
    assert "PROTEST" not in {e.type for e in events(text)}


def test_a_crowd_gathered_in_protest_is_a_protest() -> None:
    assert "PROTEST" in {
        e.type for e in events("Thousands gathered in protest outside parliament.")
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Die Verkehrsbetriebe haben die angekündigte Tariferhöhung wieder zurückgezogen.",
            "CONCEDE",
        ),
        (
            "Die Landesregierung hat die geplante Schließung der Geburtenstation gestoppt.",
            "CONCEDE",
        ),
        ("Im Gefängnis verweigern seit Montag rund 60 Insassen die Nahrungsaufnahme.", "PROTEST"),
    ],
)
def test_german_attributive_participles_are_not_future(text: str, kind: str) -> None:
    evs = [e for e in events(text) if e.type == kind]
    assert evs and all(Context.FUTURE not in e.context for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "The number of strikes in Britain fell by 12 percent last year.",
        "O Parlamento aprovou a proposta de alteração à lei da greve.",
        "Il diritto di sciopero è garantito dalla Costituzione.",
        "La ley de huelga fue aprobada por el Senado.",
        "Le droit de grève est inscrit dans la Constitution.",
        "Der Bundestag debattiert über das Streikrecht in der kritischen Infrastruktur.",
        "Закон о митингах вступил в силу в понедельник.",
    ],
)
def test_laws_rights_and_statistics_about_strikes_are_no_events(text: str) -> None:
    assert "PROTEST" not in {e.type for e in events(text)}
