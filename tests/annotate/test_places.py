"""Place mentions: toponym finding, document-context resolution, exact evidence.

Sentences are written for these tests (news prose about real places).  The
gazetteer index is built once per session in a temporary cache folder.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest

from contention.annotate.gazetteer import Gazetteer, get_gazetteer
from contention.annotate.places import DEMONYM, find_places
from contention.model import PlaceMention, PlacePrecision, Sentence


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    cache = tmp_path_factory.getbasetemp() / "contention-cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONTENTION_CACHE", str(cache))
        yield get_gazetteer()


def sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split after . ! ? followed by white space (enough for hand-written test prose)."""
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+|\n\n+|$", text):
        if m.start() > start:
            out.append(Sentence(len(out), start, m.start(), 0, language))
        start = m.end()
    return out


def places(gaz: Gazetteer, text: str, language: str = "en") -> list[PlaceMention]:
    found = find_places(text, sentences(text, language), gaz)
    for p in found:
        assert p.span.quote == text[p.span.start : p.span.end]
    return found


def by_quote(found: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {p.span.quote: p for p in found}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("text", "language", "quote"),
    [
        ("Oil workers walked out in Zhanaozen on Sunday over fuel prices.", "en", "Zhanaozen"),
        ("Hundreds gathered in the main square of Janaozen after dark.", "en", "Janaozen"),
        ("Gli operai hanno scioperato a Zhanaozen il 2 gennaio.", "it", "Zhanaozen"),
        ("The strike began in the city of Жанаозен and spread west.", "en", "Жанаозен"),
    ],
)
def test_zhanaozen_resolves_to_kazakhstan(
    gazetteer: Gazetteer, text: str, language: str, quote: str
) -> None:
    found = places(gazetteer, text, language)
    p = next(p for p in found if quote in p.span.quote)
    assert p.country == "KZ" and p.precision is PlacePrecision.CITY
    assert km(p.lat, p.lon, 43.34, 52.86) < 50
    assert p.geonames_id == 607610 and p.admin1 == "Mangghystau"


def test_city_of_x_span_includes_the_city_word(gazetteer: Gazetteer) -> None:
    text = "Police sealed off the city of Zhanaozen overnight."
    [p] = places(gazetteer, text)
    assert p.span.quote == "city of Zhanaozen"


@pytest.mark.parametrize("name", ["Almaty", "Alma Ata", "Alma-Ata"])
def test_almaty(gazetteer: Gazetteer, name: str) -> None:
    text = f"Protesters set fire to the mayor's office in {name} on Wednesday."
    [p] = places(gazetteer, text)
    assert (p.name, p.country, p.feature) == ("Almaty", "KZ", "city")
    assert p.span.quote == name


def test_italian_country_name(gazetteer: Gazetteer) -> None:
    text = "La rivolta in Kazakistan è iniziata tra i lavoratori del petrolio."
    [p] = places(gazetteer, text, "it")
    assert (p.span.quote, p.country, p.precision) == ("Kazakistan", "KZ", PlacePrecision.COUNTRY)
    assert p.admin1 is None


@pytest.mark.parametrize(
    ("text", "language", "quote"),
    [
        ("Unrest spread to the rest of Mangystau within two days.", "en", "Mangystau"),
        ("Roads into the Mangistau region were closed by troops.", "en", "Mangistau region"),
        ("Le proteste si sono estese alla regione di Mangystau.", "it", "regione di Mangystau"),
    ],
)
def test_mangystau_is_admin1(gazetteer: Gazetteer, text: str, language: str, quote: str) -> None:
    [p] = places(gazetteer, text, language)
    assert p.span.quote == quote
    assert (p.country, p.precision, p.feature) == ("KZ", PlacePrecision.ADMIN1, "admin1")
    assert p.admin1 == "Mangghystau" and p.geonames_id == 0


@pytest.mark.parametrize("name", ["Astana", "Nur-Sultan"])
def test_capital(gazetteer: Gazetteer, name: str) -> None:
    text = f"Ministers met in {name} to discuss the fuel subsidy."
    [p] = places(gazetteer, text)
    assert (p.name, p.country, p.precision) == ("Astana", "KZ", PlacePrecision.CITY)


def test_aktau_is_the_caspian_port(gazetteer: Gazetteer) -> None:
    text = "Crowds also filled the seafront in Aktau, the regional capital."
    [p] = places(gazetteer, text)
    assert p.geonames_id == 610612 and p.admin1 == "Mangghystau"


def test_paris_in_a_french_document(gazetteer: Gazetteer) -> None:
    text = (
        "Unions in France called a national strike against the pension reform. "
        "Rail traffic stopped in Lyon and Marseille. "
        "In Paris, marchers crossed the city from Bastille to Nation."
    )
    found = by_quote(places(gazetteer, text))
    assert found["Paris"].country == "FR"
    assert found["France"].precision is PlacePrecision.COUNTRY
    assert found["Lyon"].country == "FR" and found["Marseille"].country == "FR"


KAZAKH_REPORT = (
    "Workers in Kazakhstan's west have been on strike since Sunday. "
    "Kazakhstan's government resigned after protests reached Almaty. "
    "In Aksu, steel workers joined the stoppage on Tuesday. "
    "Commentators compared the movement with the protests in Algeria, "
    "while Moscow, busy with Ukraine, sent troops to Kazakhstan."
)


def test_passing_mentions_do_not_move_kazakh_places(gazetteer: Gazetteer) -> None:
    found = places(gazetteer, KAZAKH_REPORT)
    quotes = by_quote(found)
    assert quotes["Aksu"].country == "KZ"  # China's Aksu is bigger: context decides
    assert quotes["Almaty"].country == "KZ"
    assert quotes["Algeria"].country == "DZ" and quotes["Ukraine"].country == "UA"
    assert quotes["Algeria"].precision is PlacePrecision.COUNTRY
    assert all(p.country == "KZ" for p in found if p.feature != "country" and p.name != "Moscow")


def test_without_context_aksu_goes_to_the_bigger_place(gazetteer: Gazetteer) -> None:
    # the counterpart of the test above: it is the document context that keeps Aksu in KZ
    [p] = places(gazetteer, "Steel workers in Aksu joined the stoppage on Tuesday.")
    assert p.country == "CN"


def test_people_firms_months_and_demonyms_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "In May, President Biden spoke with Putin about Kazakhstan. "
        "Total and Chevron said their Kazakh fields kept producing. "
        "Nursultan Nazarbayev has not been seen since the Independence Day parade. "
        "The Security Council met on Friday."
    )
    found = places(gazetteer, text)
    assert [p.span.quote for p in found] == ["Kazakhstan"]


def test_italian_demonyms_and_elision(gazetteer: Gazetteer) -> None:
    text = (
        "I lavoratori kazaki hanno ricevuto la solidarietà dei sindacati algerini. "
        "Le truppe russe sono arrivate dall'Ucraina ad Almaty."
    )
    found = places(gazetteer, text, "it")
    assert [(p.span.quote, p.country) for p in found] == [("Ucraina", "UA"), ("Almaty", "KZ")]


def test_multi_word_run_is_split_into_places(gazetteer: Gazetteer) -> None:
    text = "Delegations from Algeria and Ukraine arrived in Rio de Janeiro."
    found = places(gazetteer, text)
    assert [(p.span.quote, p.country) for p in found] == [
        ("Algeria", "DZ"),
        ("Ukraine", "UA"),
        ("Rio de Janeiro", "BR"),
    ]


def test_offsets_are_absolute_and_quotes_exact(gazetteer: Gazetteer) -> None:
    text = "Strike news.\n\nThousands marched in Almaty. Police fired in Zhanaozen."
    found = places(gazetteer, text)
    assert [p.span.quote for p in found] == ["Almaty", "Zhanaozen"]
    assert found[0].span.start == text.index("Almaty")
    assert all(0.0 <= p.score <= 1.0 for p in found)


def test_small_village_with_a_common_name_is_not_taken(gazetteer: Gazetteer) -> None:
    # "Home" and "Chevron" are hamlets somewhere: too small to be read without context
    text = "The miners went Home after Chevron raised wages."
    assert places(gazetteer, text) == []


def test_qualifier_after_a_comma_narrows_the_city(gazetteer: Gazetteer) -> None:
    text = "Nurses in Florence, Alabama, held a vigil. Others marched in Washington, D.C."
    found = by_quote(places(gazetteer, text))
    assert (found["Florence"].country, found["Florence"].admin1) == ("US", "Alabama")
    assert found["Washington"].country == "US"
    assert found["Washington"].admin1 == "Washington, D.C."
    # without a qualifier the bigger, Italian Florence wins
    [p] = places(gazetteer, "Nurses in Florence held a vigil.")
    assert p.country == "IT"


def test_town_names_inside_names_of_people_and_institutions(gazetteer: Gazetteer) -> None:
    text = (
        "The Royal College of Nursing said Jordan Henderson and Sharon Graham would speak. "
        "Il segretario Michele De Palma ha parlato ai delegati."
    )
    assert places(gazetteer, text) == []


def test_region_named_after_its_city_reads_as_the_city(gazetteer: Gazetteer) -> None:
    found = by_quote(places(gazetteer, "Students marched in Moscow and Mogilev on Saturday."))
    assert found["Moscow"].feature == "city" and found["Moscow"].country == "RU"
    assert found["Mogilev"].feature == "city" and found["Mogilev"].country == "BY"
    [p] = places(gazetteer, "Roadblocks went up across the Mogilev region.")
    assert (p.span.quote, p.feature) == ("Mogilev region", "admin1")


def test_party_and_newspaper_names_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "Forza Italia e Fratelli d'Italia hanno criticato lo sciopero. "
        "The Washington Post and the New York Times covered the march."
    )
    assert places(gazetteer, text, "it") == []


def test_world_city_beats_a_namesake_in_a_context_country(gazetteer: Gazetteer) -> None:
    text = (
        "Teachers struck across Ohio on Monday. "
        "Governments in Washington and London condemned the crackdown. "
        "Fans in Dublin watched the match in pubs."
    )
    found = by_quote(places(gazetteer, text))
    assert found["London"].country == "GB"
    assert found["Dublin"].country == "IE"
    # a qualifier still wins over fame
    [p, _] = places(gazetteer, "A rally was held in London, Ohio.")
    assert (p.country, p.admin1) == ("US", "Ohio")


def test_sentence_initial_common_words_are_not_places(gazetteer: Gazetteer) -> None:
    text = "Police in Alabama arrested four. Mobile phones were banned. Troy was quiet."
    assert [p.span.quote for p in places(gazetteer, text)] == ["Alabama"]


# --- US states, continents, regions, acronyms (the readings news means) ------------------


def test_a_us_state_is_the_state_not_a_homonymous_city(gazetteer: Gazetteer) -> None:
    # "Florida" is also an alternate name of Floridablanca, Colombia (250,000 people)
    [p] = places(gazetteer, "Thousands of nurses protested in Florida on Saturday.")
    assert (p.name, p.feature, p.country) == ("Florida", "admin1", "US")
    assert km(p.lat, p.lon, 28.5, -82.5) < 161  # the middle of the state, not Miami


def test_continents_and_world_regions_are_not_towns(gazetteer: Gazetteer) -> None:
    text = (
        "Farmers blocked roads across Europe this week, and unions in Africa promised "
        "support. The strike wave in the Middle East spread to ports on the Mediterranean."
    )
    found = by_quote(places(gazetteer, text))
    assert found["Europe"].feature == "continent" and found["Europe"].country == ""
    assert found["Africa"].feature == "continent"  # not Mahdia, Tunisia (once "Africa")
    assert found["Middle East"].feature == "region"  # not a Baltimore neighbourhood
    assert found["Mediterranean"].feature == "region"
    assert all(p.precision is PlacePrecision.COUNTRY for p in found.values())


def test_italian_region_names_meet_the_english_ones(gazetteer: Gazetteer) -> None:
    it = places(gazetteer, "Gli scioperi si sono estesi al Medio Oriente.", "it")
    en = places(gazetteer, "The strikes spread to the Middle East.")
    assert [(p.span.quote, p.name) for p in it] == [("Medio Oriente", "Middle East")]
    assert (it[0].lat, it[0].lon) == (en[0].lat, en[0].lon)


def test_us_acronym_is_a_place_but_not_as_a_modifier(gazetteer: Gazetteer) -> None:
    text = (
        "Talks in the U.S. ended without a deal. U.S. troops left the base on Monday, "
        "and US officials declined to comment on the U.S.-led mission."
    )
    found = places(gazetteer, text)
    assert [(p.span.quote, p.country, p.feature) for p in found] == [("U.S.", "US", "country")]
    # "us" the pronoun is no country, capitalised or not
    assert places(gazetteer, "Us and them: the union told us to wait.") == []


def test_written_state_abbreviation_qualifies_and_is_a_mention(gazetteer: Gazetteer) -> None:
    text = "Students walked out in Parkland, Fla., and drivers struck in Tacoma, WA, on Friday."
    found = places(gazetteer, text)
    assert [(p.span.quote, p.feature, p.admin1) for p in found] == [
        ("Parkland", "city", "Florida"),
        ("Fla.", "admin1", "Florida"),
        ("Tacoma", "city", "Washington"),
        ("WA", "admin1", "Washington"),
    ]


def test_a_state_named_in_the_story_chooses_among_us_homonyms(gazetteer: Gazetteer) -> None:
    text = (
        "Teachers in New Jersey went on strike on Monday. In Allendale, parents joined "
        "the picket line outside the school."
    )
    found = by_quote(places(gazetteer, text))
    # Allendale, Michigan is three times bigger; the story is in New Jersey
    assert (found["Allendale"].country, found["Allendale"].admin1) == ("US", "New Jersey")
    [p] = places(gazetteer, "In Allendale, parents joined the picket line.")
    assert p.admin1 == "Michigan"


def test_one_reading_per_name_and_document(gazetteer: Gazetteer) -> None:
    text = (
        "Parkland students spoke at the rally in Tallahassee. "
        "The crowd cheered. The weather was cold. The speeches ran late. "
        "Later, Parkland parents met lawmakers."
    )
    found = [p for p in places(gazetteer, text) if p.span.quote == "Parkland"]
    assert len(found) == 2 and found[0].geonames_id == found[1].geonames_id
    assert found[0].admin1 == "Florida"


def test_streets_buildings_and_features_named_after_places(gazetteer: Gazetteer) -> None:
    text = (
        "Workers rallied on Atlantic Avenue before marching to Carnegie Library. "
        "Boats were stranded on the Mississippi River. Guests left Hotel Ukraina."
    )
    assert places(gazetteer, text) == []
    it = "Il corteo è partito da piazza Tahrir e ha raggiunto viale Lenin."
    assert places(gazetteer, it, "it") == []


def test_town_names_used_as_peoples_names(gazetteer: Gazetteer) -> None:
    text = (
        "Protesters gathered in Boston. Megyn Kelly asked about the walkout. Kelly said "
        "the union had not called back. Mr Allen declined to comment. "
        "Keith, a retired teacher, said he came from Texas."
    )
    found = places(gazetteer, text)
    assert [p.span.quote for p in found] == ["Boston", "Texas"]


def test_acronyms_inside_a_sentence_are_not_towns(gazetteer: Gazetteer) -> None:
    found = places(gazetteer, "Members of the SOL party met in Madrid on Tuesday.")
    assert [p.span.quote for p in found] == ["Madrid"]


def test_saint_and_mount_abbreviations(gazetteer: Gazetteer) -> None:
    text = "Dockers in St. Louis and St. Petersburg stopped work on Monday"
    found = find_places(text, [Sentence(0, 0, len(text), 0, "en")], gazetteer)
    assert [(p.span.quote, p.country) for p in found] == [
        ("St. Louis", "US"),
        ("St. Petersburg", "RU"),
    ]


def test_other_names_of_cities(gazetteer: Gazetteer) -> None:
    # spellings of the main name count as it: "Gaza City" (Gaza), "Kut" (Al-Kut)
    found = by_quote(places(gazetteer, "Fighting resumed in Gaza City and in Kut, Iraq."))
    assert found["Gaza City"].country == "PS"
    assert found["Kut"].name == "Al-Kut"
    # a former name needs a big city or context: "Salisbury" in England is not Harare
    text = "Police in Salisbury, England, said the march passed peacefully."
    assert by_quote(places(gazetteer, text))["Salisbury"].country == "GB"


def test_compounds_of_place_names_are_split_unless_known(gazetteer: Gazetteer) -> None:
    text = "Rail workers on the Amsterdam-London line struck; Nur-Sultan stayed calm."
    found = places(gazetteer, text)
    assert [(p.span.quote, p.country) for p in found] == [
        ("Amsterdam", "NL"),
        ("London", "GB"),
        ("Nur-Sultan", "KZ"),
    ]
    # a lower-case part makes a modifier, like "U.S.-led"
    assert places(gazetteer, "A London-based charity paid the fines.") == []


def test_road_numbers_are_not_first_names(gazetteer: Gazetteer) -> None:
    text = (
        "Hauliers blocked the A429 Cirencester junction in England. "
        "Traffic to Cirencester was diverted through Gloucester."
    )
    found = places(gazetteer, text)
    assert [p.span.quote for p in found].count("Cirencester") == 2


def test_holy_see_is_the_vatican(gazetteer: Gazetteer) -> None:
    [p] = places(gazetteer, "The ambassador to the Holy See presented her credentials.")
    assert (p.country, p.feature) == ("VA", "country")


def test_demonym_modifiers_are_country_mentions_only_on_request(gazetteer: Gazetteer) -> None:
    text = (
        "Russian troops shelled the port while Turkish mediators met in Geneva. "
        "Ukrainians queued for bread; the talks were held in Russian."
    )
    assert "Russian" not in by_quote(places(gazetteer, text))
    found = find_places(text, sentences(text), gazetteer, modifiers=True)
    got = {p.span.quote: (p.country, p.feature, p.precision) for p in found}
    assert got["Russian"] == ("RU", DEMONYM, PlacePrecision.COUNTRY)
    assert got["Turkish"] == ("TR", DEMONYM, PlacePrecision.COUNTRY)
    assert got["Geneva"][1] == "city"
    # a plural is people and a final demonym a language: neither names the country
    assert "Ukrainians" not in got
    assert sum(p.span.quote == "Russian" for p in found) == 1


def test_demonym_inside_a_place_name_is_not_a_second_mention(gazetteer: Gazetteer) -> None:
    text = "Wildfires forced evacuations across British Columbia this week."
    found = find_places(text, sentences(text), gazetteer, modifiers=True)
    assert [(p.span.quote, p.feature) for p in found] == [("British Columbia", "admin1")]


def test_a_speaker_named_like_a_small_town_is_a_person(gazetteer: Gazetteer) -> None:
    # Tyler is a city in Texas (about 100,000 people); Barry a town in Wales
    text = (
        "Barry, who grew up in Cardiff, said the picket would continue. "
        "Barry said the strike fund would last until March. "
        "Later that week Barry joined the march."
    )
    found = by_quote(places(gazetteer, text))
    assert "Barry" not in found
    assert found["Cardiff"].country == "GB"


def test_a_speaker_after_a_locative_is_still_a_place(gazetteer: Gazetteer) -> None:
    text = "Nurses from Dewsbury said the ward had been short-staffed for months."
    assert by_quote(places(gazetteer, text))["Dewsbury"].country == "GB"


def test_a_possessive_before_a_building_word_names_the_building(gazetteer: Gazetteer) -> None:
    text = "Pickets gathered outside Wilson's Farm near Fredericton on Monday."
    found = by_quote(places(gazetteer, text))
    assert "Wilson" not in found
    assert found["Fredericton"].country == "CA"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Trabajadores del Ministerio de Salud protestaron frente a la sede.", "es", set()),
        (
            "Funcionários do Ministério da Saúde protestaram em Brasília.",
            "pt",
            {"Brasília"},
        ),
    ],
)
def test_a_ministry_named_after_its_field_is_not_a_town(
    gazetteer: Gazetteer, text: str, language: str, expected: set[str]
) -> None:
    assert set(by_quote(places(gazetteer, text, language))) == expected
