"""Counts: which number counts the dead, the injured, the arrested or the crowd — and which not."""

from __future__ import annotations

import itertools

import pytest

from contention.annotate.counts import find_counts
from contention.model import CountMention, Sentence


def _counts(text: str, lang: str) -> list[CountMention]:
    found = find_counts(text, [Sentence(0, 0, len(text), 0, lang)])
    for m in found:
        assert m.span.quote == text[m.span.start : m.span.end]
        if m.noun is not None:
            assert m.noun.quote == text[m.noun.start : m.noun.end]
    return found


def _one(text: str, lang: str, quote: str) -> CountMention:
    hits = [m for m in _counts(text, lang) if m.span.quote == quote]
    assert len(hits) == 1, [m.span.quote for m in _counts(text, lang)]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "lang", "quote", "category", "triple", "noun"),
    [
        # number before noun
        (
            "The prosecutor's office reported 162 deaths and 8,000 arrests after a week of "
            "unrest in Almaty.",
            "en",
            "162",
            "fatalities",
            (162, 162, 162),
            "deaths",
        ),
        (
            "The prosecutor's office reported 162 deaths and 8,000 arrests after a week of "
            "unrest in Almaty.",
            "en",
            "8,000",
            "arrested",
            (8000, 8000, 8000),
            "arrests",
        ),
        (
            "Secondo la procura di Almaty, negli scontri ci sono stati 162 morti e 8 mila arresti.",
            "it",
            "162",
            "fatalities",
            (162, 162, 162),
            "morti",
        ),
        (
            "Secondo la procura di Almaty, negli scontri ci sono stati 162 morti e 8 mila arresti.",
            "it",
            "8 mila",
            "arrested",
            (8000, 8000, 8000),
            "arresti",
        ),
        (
            "Doctors in Aktau treated 45 wounded after the clashes near the regional akimat.",
            "en",
            "45",
            "injured",
            (45, 45, 45),
            "wounded",
        ),
        (
            "A Tunisi i feriti sono stati 37, di cui 12 agenti, secondo il ministero.",
            "it",
            "37",
            "injured",
            (37, 37, 37),
            "feriti",
        ),
        # noun before number: tolls
        (
            "By Saturday the death toll had risen to 164, the health ministry in Astana said.",
            "en",
            "164",
            "fatalities",
            (164, 164, 164),
            "death toll",
        ),
        (
            "Il bilancio delle vittime è salito a 164, ha comunicato il ministero della salute.",
            "it",
            "164",
            "fatalities",
            (164, 164, 164),
            "bilancio delle vittime",
        ),
        # passives and predicates
        (
            "Police opened fire on the square in Zhanaozen and at least 14 were killed.",
            "en",
            "at least 14",
            "fatalities",
            (14, None, 14),
            None,
        ),
        (
            "La polizia sparò sulla piazza di Zhanaozen: almeno 14 furono i morti.",
            "it",
            "almeno 14",
            "fatalities",
            (14, None, 14),
            None,
        ),
        (
            "In Nukus 18 people were killed when troops dispersed the rally.",
            "en",
            "18",
            "fatalities",
            (18, 18, 18),
            "people",
        ),
        (
            "Nei disordini di Nukus sono morte 18 persone, tra cui quattro agenti.",
            "it",
            "18",
            "fatalities",
            (18, 18, 18),
            "persone",
        ),
        (
            "More than 300 people were injured in the clashes outside parliament in Yerevan.",
            "en",
            "More than 300",
            "injured",
            (300, None, 300),
            "people",
        ),
        (
            "Police arrested 200 protesters outside the parliament building in Tbilisi.",
            "en",
            "200",
            "arrested",
            (200, 200, 200),
            "protesters",
        ),
        (
            "A Minsk sono stati arrestati oltre mille manifestanti durante la marcia di domenica.",
            "it",
            "oltre mille",
            "arrested",
            (1000, None, 1000),
            "manifestanti",
        ),
        # participants
        (
            "Tens of thousands of people took part in the protests in Tbilisi on Sunday.",
            "en",
            "Tens of thousands",
            "participants",
            (20000, 99999, 20000),
            "people",
        ),
        (
            "Domenica decine di migliaia di persone hanno partecipato alle proteste a Tbilisi.",
            "it",
            "decine di migliaia",
            "participants",
            (20000, 99999, 20000),
            "persone",
        ),
        (
            "Crowds of thousands marched through central Minsk demanding new elections.",
            "en",
            "thousands",
            "participants",
            (2000, 9999, 2000),
            None,
        ),
        (
            "A Genova folle di migliaia di giovani hanno sfilato fino al porto.",
            "it",
            "migliaia",
            "participants",
            (2000, 9999, 2000),
            "giovani",
        ),
        (
            "Between 200 and 300 demonstrators gathered outside the regional akimat in Aktobe.",
            "en",
            "Between 200 and 300",
            "participants",
            (200, 300, 200),
            "demonstrators",
        ),
        (
            "About 2,000 striking oil workers walked out at the Tengiz field on Monday.",
            "en",
            "About 2,000",
            "participants",
            (1800, 2200, 2000),
            "workers",
        ),
        (
            "A Taranto circa 3 mila lavoratori dell'acciaieria hanno scioperato per otto ore.",
            "it",
            "circa 3 mila",
            "participants",
            (2700, 3300, 3000),
            "lavoratori",
        ),
        (
            "A strike by 2000 bus drivers halted public transport in Rome on Friday.",
            "en",
            "2000",
            "participants",
            (2000, 2000, 2000),
            "drivers",
        ),
    ],
)
def test_category(
    text: str,
    lang: str,
    quote: str,
    category: str,
    triple: tuple[int | None, int | None, int | None],
    noun: str | None,
) -> None:
    m = _one(text, lang, quote)
    assert m.category == category
    assert (m.low, m.high, m.best) == triple
    if noun is not None:
        assert m.noun is not None and m.noun.quote == noun


@pytest.mark.parametrize(
    ("text", "lang", "quote"),
    [
        # people owning wealth are not casualties nor a crowd
        (
            "According to one estimate 162 people, enriched through privatisation, own 55 "
            "percent of the wealth of Kazakhstan.",
            "en",
            "162",
        ),
        (
            "Secondo una stima 162 persone, arricchitesi con le privatizzazioni, possiedono il "
            "55% della ricchezza del Kazakistan.",
            "it",
            "162",
        ),
        # measures and money
        (
            "According to one estimate 162 people, enriched through privatisation, own 55 "
            "percent of the wealth of Kazakhstan.",
            "en",
            "55",
        ),
        (
            "Fuel went from about 0.12 to 0.24 euros per litre in Aktau.",
            "en",
            "from about 0.12 to 0.24",
        ),
        ("Foreign firms have invested $20 billion in the Kashagan field.", "en", "20 billion"),
        (
            "Le imprese cinesi hanno investito 20 miliardi di dollari nel Paese.",
            "it",
            "20 miliardi",
        ),
        ("Kazakhstan covers 2.7 million square kilometres of steppe.", "en", "2.7 million"),
        ("Il Kazakistan misura 2,7 milioni di kmq.", "it", "2,7 milioni"),
        ("The strike pushed the price of uranium up by 8% in a week.", "en", "8"),
        ("Algerians have marched every Friday for two years.", "en", "two"),
        # workforce that is employed or dismissed, not mobilised
        ("The Ilva steelworks in Taranto employs 8,200 workers.", "en", "8,200"),
        (
            "The oil company dismissed over a thousand of them after the strike in Zhanaozen.",
            "en",
            "over a thousand",
        ),
        ("I lavoratori furono licenziati a maggio (in mille!) dopo lo sciopero.", "it", "mille"),
        # ratios
        ("The union said nine in ten workers joined the walkout in Genoa.", "en", "ten"),
        ("Secondo la CGIL nove lavoratori su dieci hanno aderito allo sciopero.", "it", "nove"),
    ],
)
def test_not_a_count(text: str, lang: str, quote: str) -> None:
    assert _one(text, lang, quote).category is None


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("The strike began on 2 January in Zhanaozen.", "en", "2"),
        ("Lo sciopero è iniziato il 2 gennaio a Zhanaozen.", "it", "2"),
        ("In December 2011 police fired on striking oil workers.", "en", "2011"),
        ("Nel dicembre 2011 la polizia sparò sui lavoratori.", "it", "2011"),
        ("In 2011 protesters occupied the square in Zhanaozen.", "en", "2011"),
        ("Since 2005, Chinese firms have bought into the sector.", "en", "2005"),
        ("Biden congratulated Tokayev on the 30th anniversary of the republic.", "en", "30"),
        ("Biden si era congratulato per il 30° anniversario della repubblica.", "it", "30"),
        ("Protests were held between 14 and 20 January across Mangystau.", "en", "14"),
    ],
)
def test_dates_years_and_ordinals_are_not_counts(text: str, lang: str, absent: str) -> None:
    quotes = [m.span.quote for m in _counts(text, lang)]
    assert not any(absent in q for q in quotes), quotes


def test_year_shaped_number_with_a_crowd_noun_is_a_count() -> None:
    m = _one("Some 1900 dockers blocked the port of Genoa.", "en", "Some 1900")
    assert m.category == "participants"
    assert m.best == 1900


def test_people_with_protest_predicate_after_a_few_words() -> None:
    text = "Thousands of people in Almaty reportedly took to the streets on Wednesday."
    m = _one(text, "en", "Thousands")
    assert m.category == "participants"


def test_aside_between_noun_and_predicate_is_skipped() -> None:
    m = _one("Four people, including a child, were killed in the crush in Aktau.", "en", "Four")
    assert m.category == "fatalities"
    m = _one("Tre persone, tra cui un agente, sono morte a Nukus.", "it", "Tre")
    assert m.category == "fatalities"


def test_active_arrest_verb_in_italian() -> None:
    m = _one("La questura ha fermato 23 attivisti davanti alla Regione.", "it", "23")
    assert m.category == "arrested"
    assert m.noun is not None and m.noun.quote == "attivisti"


def test_offsets_are_absolute_across_sentences_and_languages() -> None:
    first = "Official figures report 162 deaths and 8,000 arrests."
    second = "I dati ufficiali danno 162 morti e 8 mila arresti."
    text = first + "\n\n" + second
    start2 = len(first) + 2
    sentences = [
        Sentence(0, 0, len(first), 0, "en"),
        Sentence(1, start2, len(text), 1, "it"),
    ]
    found = find_counts(text, sentences)
    assert [(m.span.quote, m.category) for m in found] == [
        ("162", "fatalities"),
        ("8,000", "arrested"),
        ("162", "fatalities"),
        ("8 mila", "arrested"),
    ]
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.quote
        assert m.noun is not None and text[m.noun.start : m.noun.end] == m.noun.quote
    assert found[2].span.start > start2


def test_undetermined_language_uses_every_vocabulary() -> None:
    text = "Sono stati fermati 300 manifestanti davanti alla prefettura di Napoli."
    found = find_counts(text, [Sentence(0, 0, len(text), 0, "und")])
    assert [(m.span.quote, m.category) for m in found] == [("300", "arrested")]


def test_no_overlapping_mentions() -> None:
    text = (
        "Official figures report 162 deaths and 8,000 arrests, a figure that shows that tens of "
        "thousands of people took part in the protests."
    )
    found = _counts(text, "en")
    assert [m.category for m in found] == ["fatalities", "arrested", "participants"]
    for a, b in itertools.pairwise(found):
        assert a.span.end <= b.span.start


# --- who takes part: subjects, objects and things that are not people -------------------


@pytest.mark.parametrize(
    ("text", "lang", "quote"),
    [
        # an unknown noun between a number and a predicate is the predicate's subject
        ("Three artillery shells struck a school in Kherson overnight.", "en", "Three"),
        ("Two drones hit a fuel depot near Belgorod and three more fell in fields.", "en", "Two"),
        # active verbs: the number after the verb is its object, not its subject
        ("Two soldiers killed three protesters at the checkpoint in Khorog.", "en", "Two"),
        # workforce nouns as objects of owe / pay / affect / represent
        (
            "The textile firm in Prato still owes back pay to nearly 300 workers.",
            "en",
            "nearly 300",
        ),
        (
            "The closure of the smelter affects some 1,200 employees in Portovesme.",
            "en",
            "some 1,200",
        ),
        ("The union represents 40,000 dockers in Rotterdam and Antwerp.", "en", "40,000"),
        (
            "La chiusura dello stabilimento di Termini Imerese riguarda tutti i 700 dipendenti.",
            "it",
            "700",
        ),
        ("L'azienda deve ancora pagare 450 operai della fonderia di Brescia.", "it", "450"),
        # a subset named elsewhere, with no predicate of its own
        (
            '"We will stay until we are paid," one of the strikers told reporters in Izmir.',
            "en",
            "one",
        ),
        ("«Resteremo qui», hanno detto due degli scioperanti ai giornalisti.", "it", "due"),
        # a toll word joined to the number by words that are not links
        ("The defeat arrests a sequence of five home wins for Lecce.", "en", "five"),
    ],
)
def test_not_a_participant(text: str, lang: str, quote: str) -> None:
    assert _one(text, lang, quote).category is None


@pytest.mark.parametrize(
    ("text", "lang", "quote", "category", "best", "noun"),
    [
        # the number and its noun are the subject of a predicate further on in the clause
        (
            "Nine sacked dockworkers from the port of Piraeus have been on hunger strike "
            "outside the labour ministry since Monday.",
            "en",
            "Nine",
            "participants",
            9,
            "dockworkers",
        ),
        (
            "Twelve tram drivers dismissed by the Milan transport company in March were "
            "detained outside its offices.",
            "en",
            "Twelve",
            "arrested",
            12,
            "drivers",
        ),
        (
            "Venti operai licenziati dalla cartiera di Lucca sono in sciopero della fame "
            "davanti al municipio.",
            "it",
            "Venti",
            "participants",
            20,
            "operai",
        ),
        # Italian approximate collectives
        (
            "Stamattina una ventina di attivisti si sono incatenati ai cancelli del porto di "
            "Livorno.",
            "it",
            "una ventina",
            "participants",
            20,
            "attivisti",
        ),
        (
            "Una quarantina di persone si sono radunate davanti al tribunale di Cagliari.",
            "it",
            "Una quarantina",
            "participants",
            40,
            "persone",
        ),
        (
            "Later about sixty supporters gathered outside the court in Thessaloniki.",
            "en",
            "about sixty",
            "participants",
            60,
            "supporters",
        ),
        # person nouns that are neither protesters nor workers
        (
            "Riot police detained 31 people in Belgrade, and nine officers were hurt.",
            "en",
            "nine",
            "injured",
            9,
            "officers",
        ),
        (
            "Riot police detained 31 people in Belgrade, and nine officers were hurt.",
            "en",
            "31",
            "arrested",
            31,
            "people",
        ),
        (
            "Police in Katowice detained sixteen nurses and supporters who tried to enter "
            "the hospital.",
            "en",
            "sixteen",
            "arrested",
            16,
            "nurses",
        ),
        (
            "Five students were treated in hospital for the effects of tear gas in Tbilisi.",
            "en",
            "Five",
            "injured",
            5,
            "students",
        ),
        (
            "Tre lavoratori sono stati medicati al pronto soccorso di Piacenza.",
            "it",
            "Tre",
            "injured",
            3,
            "lavoratori",
        ),
        (
            "Decine di migliaia di persone sono scese in strada a Caracas.",
            "it",
            "Decine di migliaia",
            "participants",
            20000,
            "persone",
        ),
        # a subset with a predicate of its own keeps it
        (
            "The coach said that three of his defenders had been injured in Sunday's clash.",
            "en",
            "three",
            "injured",
            3,
            None,
        ),
        # a toll joined by link words and a place name
        (
            "The death toll in Karachi has risen to 41, officials said.",
            "en",
            "41",
            "fatalities",
            41,
            "death toll",
        ),
    ],
)
def test_who_takes_part(
    text: str, lang: str, quote: str, category: str, best: int, noun: str | None
) -> None:
    m = _one(text, lang, quote)
    assert m.category == category
    assert m.best == best
    if noun is not None:
        assert m.noun is not None and m.noun.quote == noun


def test_number_inside_a_unit_is_not_a_second_number() -> None:
    found = _counts("L'inflazione è salita al 12 per cento in un anno.", "it")
    assert [(m.span.quote, m.category) for m in found] == [("12", None)]
    assert found[0].noun is not None and found[0].noun.quote == "per cento"
