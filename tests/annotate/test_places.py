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
from contention.annotate.places import find_places
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
