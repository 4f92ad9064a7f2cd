"""Time expressions: recognition, resolution against the publication date, TIMEX values."""

from __future__ import annotations

import datetime as dt

import pytest

from contention.annotate.dates import find_dates, parse_dateline, timex_value
from contention.model import DateMention, Precision, Relation, Sentence

P = dt.date(2022, 1, 10)  # a Monday
D = dt.date


def _find(text: str, lang: str = "en", published: dt.date | None = P) -> list[DateMention]:
    found = find_dates(text, [Sentence(0, 0, len(text), 0, lang)], published)
    for m in found:
        assert m.span.quote == text[m.span.start : m.span.end]
        if published is not None and m.start > published:
            assert m.relation is Relation.FUTURE, m
    return found


def _one(text: str, quote: str, lang: str = "en", published: dt.date | None = P) -> DateMention:
    hits = [m for m in _find(text, lang, published) if m.span.quote == quote]
    assert len(hits) == 1, [m.span.quote for m in _find(text, lang, published)]
    return hits[0]


def _interval(m: DateMention) -> tuple[dt.date, dt.date]:
    return m.start, m.end


# ---------------------------------------------------------------- day + month


def test_day_month_takes_the_year_before_publication() -> None:
    m = _one("Biden congratulated Tokayev on 5 December on the anniversary.", "5 December")
    assert _interval(m) == (D(2021, 12, 5), D(2021, 12, 5))
    assert (m.precision, m.method, m.relation) == (Precision.DAY, "explicit", Relation.PAST)


def test_day_month_in_january_stays_in_january() -> None:
    m = _one("Oil workers in Zhanaozen downed tools on 2 January.", "2 January")
    assert m.start == D(2022, 1, 2)


@pytest.mark.parametrize(
    ("text", "quote", "lang"),
    [
        ("Lo stesso Biden il 5 dicembre si era congratulato con Tokayev.", "5 dicembre", "it"),
        ("Lo stesso Biden il 5 dicembre scorso si era congratulato.", "5 dicembre scorso", "it"),
        ("Lo scorso 5 dicembre il presidente aveva parlato in tv.", "scorso 5 dicembre", "it"),
    ],
)
def test_italian_day_month_before_publication(text: str, quote: str, lang: str) -> None:
    assert _one(text, quote, lang).start == D(2021, 12, 5)


def test_il_2_gennaio() -> None:
    m = _one("La rivolta è iniziata il 2 gennaio nella città di Zhanaozen.", "2 gennaio", "it")
    assert m.start == D(2022, 1, 2)


@pytest.mark.parametrize(
    ("text", "quote", "lang"),
    [
        ("The rally took place on January 2, 2022 outside parliament.", "January 2, 2022", "en"),
        ("Nurses marched through Lyon on 2 January 2022.", "2 January 2022", "en"),
        ("The strike notice is dated 2022-01-02 by the union.", "2022-01-02", "en"),
        ("Dockers met on Sunday, January 2, 2022 in Antwerp.", "Sunday, January 2, 2022", "en"),
        ("It happened on the 2nd of January 2022 in Aktau.", "the 2nd of January 2022", "en"),
        ("Il corteo di domenica 2 gennaio 2022 è stato pacifico.", "domenica 2 gennaio 2022", "it"),
        ("Lo sciopero del 02/01/2022 ha fermato i porti.", "02/01/2022", "it"),
    ],
)
def test_written_dates_with_year(text: str, quote: str, lang: str) -> None:
    m = _one(text, quote, lang)
    assert _interval(m) == (D(2022, 1, 2), D(2022, 1, 2))
    assert m.method == "explicit"


@pytest.mark.parametrize(
    ("text", "quote", "lang"),
    [
        ("The union will strike on 5 December.", "5 December", "en"),
        ("Unions have called a national strike for 5 December.", "5 December", "en"),
        ("The march is scheduled for 5 December in Milan.", "5 December", "en"),
        ("Il sindacato sciopererà il 5 dicembre.", "5 dicembre", "it"),
        ("I sindacati hanno proclamato uno sciopero per il 5 dicembre.", "5 dicembre", "it"),
        ("Il prossimo 5 dicembre ci sarà un corteo a Roma.", "prossimo 5 dicembre", "it"),
    ],
)
def test_future_day_month_is_the_next_occurrence(text: str, quote: str, lang: str) -> None:
    m = _one(text, quote, lang)
    assert m.start == D(2022, 12, 5)
    assert m.relation is Relation.FUTURE


def test_future_cue_in_another_clause_does_not_move_a_past_date() -> None:
    text = "Workers, who struck on 5 December, will return to work tomorrow."
    assert _one(text, "5 December").start == D(2021, 12, 5)
    assert _one(text, "tomorrow").relation is Relation.FUTURE


def test_fronted_date_takes_the_tense_of_its_sentence() -> None:
    m = _one("On 20 January, the teachers' union will stage a walkout.", "20 January")
    assert (m.start, m.relation) == (D(2022, 1, 20), Relation.FUTURE)


def test_written_weekday_fixes_the_year() -> None:
    text = "I sindacati proclamano lo sciopero per giovedì 25 gennaio a Taranto."
    m = _one(text, "giovedì 25 gennaio", "it", D(2024, 1, 16))
    assert (m.start, m.relation) == (D(2024, 1, 25), Relation.FUTURE)


def test_year_is_taken_from_an_earlier_date_in_the_sentence() -> None:
    text = "In December 2011 police fired on oil workers who had been dismissed in May."
    assert _interval(_one(text, "May")) == (D(2011, 5, 1), D(2011, 5, 31))
    it = "Nel 2011 la polizia sparò sui lavoratori licenziati a maggio."
    assert _one(it, "maggio", "it").start == D(2011, 5, 1)


# ---------------------------------------------------------------- weekdays


def test_past_weekday_is_the_latest_one() -> None:
    m = _one("Police dispersed the crowd in Almaty on Sunday.", "Sunday")
    assert (m.start, m.method, m.relation) == (D(2022, 1, 9), "relative", Relation.PAST)


def test_weekday_of_publication_is_that_day_unless_last() -> None:
    sunday = D(2022, 1, 9)
    assert _one("Police said on Sunday that 40 were held.", "Sunday", published=sunday).start == (
        sunday
    )
    assert _one("Crowds gathered last Sunday.", "last Sunday", published=sunday).start == D(
        2022, 1, 2
    )


def test_future_weekday_is_the_next_one() -> None:
    m = _one("Protesters will gather in Aktau on Sunday.", "Sunday")
    assert (m.start, m.relation) == (D(2022, 1, 16), Relation.FUTURE)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Gli studenti hanno occupato l'ateneo domenica.", "domenica", D(2022, 1, 9)),
        ("Domenica prossima ci sarà un corteo a Napoli.", "Domenica prossima", D(2022, 1, 16)),
        ("Sabato scorso i portuali hanno bloccato Genova.", "Sabato scorso", D(2022, 1, 8)),
    ],
)
def test_italian_weekdays(text: str, quote: str, expected: dt.date) -> None:
    assert _one(text, quote, "it").start == expected


# ---------------------------------------------------------------- seasons


def test_last_summer_is_the_previous_meteorological_summer() -> None:
    m = _one("Last summer, the oil workers won a wave of strikes.", "Last summer")
    assert _interval(m) == (D(2021, 6, 1), D(2021, 8, 31))
    assert (m.precision, m.method) == (Precision.SEASON, "relative")
    assert timex_value(m) == "2021-SU"


def test_nella_scorsa_estate() -> None:
    text = "Questi lavoratori nella scorsa estate avevano vinto una serie di scioperi."
    m = _one(text, "scorsa estate", "it")
    assert _interval(m) == (D(2021, 6, 1), D(2021, 8, 31))


def test_this_summer_follows_the_tense() -> None:
    future = _one("Farmers will block the motorways this summer.", "this summer")
    assert (future.start, future.relation) == (D(2022, 6, 1), Relation.FUTURE)
    past = _one(
        "Farmers blocked the motorways this summer.", "this summer", published=D(2022, 9, 9)
    )
    assert past.start == D(2022, 6, 1)


def test_winter_runs_into_the_next_year() -> None:
    m = _one("Heating prices doubled last winter.", "last winter")
    assert _interval(m) == (D(2020, 12, 1), D(2021, 2, 28))
    assert timex_value(m) == "2020-WI"


def test_season_with_year_is_explicit() -> None:
    m = _one("The riots of the summer of 2011 shook London.", "the summer of 2011")
    assert (m.start, m.method) == (D(2011, 6, 1), "explicit")


# ---------------------------------------------------------------- months and years


def test_month_alone_is_the_latest_one() -> None:
    m = _one("Teachers struck in December over pay.", "December")
    assert _interval(m) == (D(2021, 12, 1), D(2021, 12, 31))
    assert m.precision is Precision.MONTH


def test_month_with_year() -> None:
    m = _one("Ever since December 2011 the workers have distrusted the state.", "December 2011")
    assert _interval(m) == (D(2011, 12, 1), D(2011, 12, 31))
    assert timex_value(m) == "2011-12"


@pytest.mark.parametrize(
    ("text", "quote", "start"),
    [
        ("I portuali hanno scioperato lo scorso dicembre.", "scorso dicembre", D(2021, 12, 1)),
        ("Gli operai erano stati licenziati a maggio.", "maggio", D(2021, 5, 1)),
        ("Il governo cadrà a maggio, dicono i sindacati.", "maggio", D(2022, 5, 1)),
    ],
)
def test_italian_months(text: str, quote: str, start: dt.date) -> None:
    assert _one(text, quote, "it").start == start


def test_next_month_name_is_future() -> None:
    m = _one("Elections are due next May.", "next May")
    assert (m.start, m.relation) == (D(2022, 5, 1), Relation.FUTURE)


def test_year_after_preposition() -> None:
    m = _one("In 2011 the police fired on striking oil workers.", "2011")
    assert (_interval(m), m.precision) == ((D(2011, 1, 1), D(2011, 12, 31)), Precision.YEAR)
    assert timex_value(m) == "2011"


@pytest.mark.parametrize(
    ("text", "quote", "lang"),
    [
        ("Since 2005, Chinese firms have joined the consortium.", "Since 2005", "en"),
        ("Dal 2005 si sono aggiunte le compagnie cinesi.", "Dal 2005", "it"),
    ],
)
def test_since_year_is_a_range_to_publication(text: str, quote: str, lang: str) -> None:
    m = _one(text, quote, lang)
    assert (_interval(m), m.precision) == ((D(2005, 1, 1), P), Precision.RANGE)
    assert timex_value(m) == "2005"
    inner = _one(text, "2005", lang)  # the year itself is reported too
    assert inner.precision is Precision.YEAR


def test_year_range() -> None:
    m = _one("Strikes recurred from 2005 to 2007 in the oil fields.", "from 2005 to 2007")
    assert _interval(m) == (D(2005, 1, 1), D(2007, 12, 31))


# ---------------------------------------------------------------- durations and relative words


def test_present_perfect_duration_is_a_range_ending_at_publication() -> None:
    m = _one("Algerian protesters have been demanding change for two years.", "for two years")
    assert (_interval(m), m.precision) == ((D(2020, 1, 10), P), Precision.RANGE)
    assert timex_value(m) == "P2Y"


def test_past_duration_is_not_a_date() -> None:
    found = _find("The miners struck for three weeks in 2019.")
    assert [m.span.quote for m in found] == ["2019"]


def test_italian_da_duration() -> None:
    m = _one("I manifestanti protestano da due anni.", "da due anni", "it")
    assert m.start == D(2020, 1, 10)


@pytest.mark.parametrize(
    ("text", "quote", "lang", "start", "end"),
    [
        ("Protests spread yesterday.", "yesterday", "en", D(2022, 1, 9), D(2022, 1, 9)),
        ("Ieri i lavoratori hanno bloccato la strada.", "Ieri", "it", D(2022, 1, 9), D(2022, 1, 9)),
        ("Two days ago, riot police raided the camp.", "Two days ago", "en", D(2022, 1, 8), None),
        ("Due giorni fa la polizia ha sparato.", "Due giorni fa", "it", D(2022, 1, 8), None),
        ("Miners walked out last week.", "last week", "en", D(2022, 1, 3), D(2022, 1, 9)),
        ("La polizia ha sgomberato la piazza la settimana scorsa.", "settimana scorsa", "it",
         D(2022, 1, 3), D(2022, 1, 9)),
    ],
)  # fmt: skip
def test_relative_expressions(
    text: str, quote: str, lang: str, start: dt.date, end: dt.date | None
) -> None:
    m = _one(text, quote, lang)
    assert m.start == start
    assert m.end == (end or start)
    assert m.method == "relative"


def test_la_prossima_settimana_is_future() -> None:
    m = _one(
        "La manifestazione nazionale si terrà la prossima settimana.", "prossima settimana", "it"
    )
    assert (_interval(m), m.relation) == ((D(2022, 1, 17), D(2022, 1, 23)), Relation.FUTURE)
    assert timex_value(m) == "2022-W03"


@pytest.mark.parametrize(
    ("text", "quote", "lang"),
    [
        ("These days the uranium shipments have been interrupted.", "These days", "en"),
        ("In questi giorni le forniture sono state interrotte.", "In questi giorni", "it"),
    ],
)
def test_these_days_is_the_present(text: str, quote: str, lang: str) -> None:
    m = _one(text, quote, lang)
    assert (m.end, m.relation) == (P, Relation.PRESENT)
    assert timex_value(m) == "PRESENT_REF"


# ---------------------------------------------------------------- what is not a date


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Official figures report 162 deaths and 8,000 arrests.", "en"),
        ("Some 162 people own 55 percent of the wealth.", "en"),
        ("Investments total $20 billion over 2.7 million square kilometres.", "en"),
        ("Biden marked the 30th anniversary of the republic.", "en"),
        ("In 2000 people marched to the square.", "en"),
        ("She may march to the square if the police allow it.", "en"),
        ("The fall of the government came suddenly.", "en"),
        ("I dati ufficiali danno 162 morti e 8 mila arresti.", "it"),
        ("Hanno il 55% della ricchezza, 2,7 milioni di kmq.", "it"),
        ("Con 20 miliardi di dollari di investimenti e il 30° anniversario.", "it"),
    ],
)
def test_numbers_are_not_dates(text: str, lang: str) -> None:
    assert _find(text, lang) == []


def test_round_year_before_a_noun_is_still_a_year_when_not_round() -> None:
    assert [m.span.quote for m in _find("In 2011 workers went on strike.")] == ["2011"]


# ---------------------------------------------------------------- no publication date


def test_without_publication_date_only_self_contained_dates_resolve() -> None:
    text = "On 5 December police fired; last summer strikes spread; in 2011 and on 2 January 2022."
    quotes = [m.span.quote for m in _find(text, published=None)]
    assert quotes == ["2011", "2 January 2022"]


# ---------------------------------------------------------------- documents


def test_offsets_are_absolute_and_languages_per_sentence() -> None:
    text = "Workers struck on 2 January. Gli operai hanno scioperato il 2 gennaio."
    cut = text.index("Gli")
    sentences = [Sentence(0, 0, cut - 1, 0, "en"), Sentence(1, cut, len(text), 0, "it")]
    found = find_dates(text, sentences, P)
    assert [(m.span.quote, m.start) for m in found] == [
        ("2 January", D(2022, 1, 2)),
        ("2 gennaio", D(2022, 1, 2)),
    ]
    assert all(text[m.span.start : m.span.end] == m.span.quote for m in found)
    assert found[1].span.start > cut


def test_undetermined_language_tries_every_language() -> None:
    text = "La polizia ha arrestato i leader il 7 gennaio."
    found = find_dates(text, [Sentence(0, 0, len(text), 0, "und")], P)
    assert [m.span.quote for m in found] == ["7 gennaio"]


def test_no_sentences_reads_the_whole_text() -> None:
    assert [m.span.quote for m in find_dates("Riots began on 4 January.", [], P)] == ["4 January"]


# ---------------------------------------------------------------- dateline


def test_dateline_between_two_halves() -> None:
    text = (
        "Workers rose up in Zhanaozen on 2 January.\n\nProletarians, unite!\n\n"
        "January 10, 2022\n\nTendenza Internazionalista\n\n\n"
        "I lavoratori sono insorti il 2 gennaio.\n\nProletari, uniamoci!\n"
    )
    assert parse_dateline(text) == D(2022, 1, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sciopero a Taranto\n10 gennaio 2022\nI lavoratori dell'acciaieria...", D(2022, 1, 10)),
        ("Published: 10 January 2022\nDockers struck on 5 January.", D(2022, 1, 10)),
        ("ALMATY, Jan. 5 (Reuters) - Protesters stormed the mayor's office.", None),
        ("The strike began on 2 January 2022 and spread quickly.", None),
    ],
)
def test_dateline_lines(text: str, expected: dt.date | None) -> None:
    assert parse_dateline(text) == expected


def test_dateline_prefers_the_edges() -> None:
    text = "3 January 2022\nbody\nbody\n5 January 2022\nbody\nbody\nbody\n"
    assert parse_dateline(text) == D(2022, 1, 3)


# ---------------------------------------------------------------- TIMEX


def test_timex_values() -> None:
    text = "On 2 January 2022, in December 2021, in 2011, in the 1990s, last week."
    values = [timex_value(m) for m in _find(text)]
    assert values == ["2022-01-02", "2021-12", "2011", "199", "2022-W01"]


def test_timex_of_a_point_in_the_past_is_not_a_duration() -> None:
    assert timex_value(_one("A week ago the army was deployed.", "A week ago")) == "2022-W01"


@pytest.mark.parametrize(
    ("text", "quote", "lang", "start", "end"),
    [
        ("Riots raged on 16-17 December 2011 in Zhanaozen.", "16-17 December 2011", "en",
         D(2011, 12, 16), D(2011, 12, 17)),
        ("Clashes on Jan. 4-6 left many dead.", "Jan. 4-6", "en", D(2022, 1, 4), D(2022, 1, 6)),
        ("Gli scontri dal 4 al 6 gennaio hanno fatto molti morti.", "dal 4 al 6 gennaio", "it",
         D(2022, 1, 4), D(2022, 1, 6)),
    ],
)  # fmt: skip
def test_day_ranges(text: str, quote: str, lang: str, start: dt.date, end: dt.date) -> None:
    m = _one(text, quote, lang)
    assert (_interval(m), m.precision) == ((start, end), Precision.RANGE)


@pytest.mark.parametrize(
    "line",
    ["January 10, 2022 at 9:40 am", "10 gennaio 2022, 15:30", "Monday 10 January 2022 | 14:32"],
)
def test_dateline_with_a_time(line: str) -> None:
    assert parse_dateline(f"{line}\nDockers struck in Antwerp.") == D(2022, 1, 10)


@pytest.mark.parametrize(
    "line",
    [
        "Published on January 10, 2022 at 2:05 pm",
        "Pubblicato il 10 gennaio 2022 alle 14:05",
        "Publicado el 10 de enero de 2022 a las 14:05",
        "Publicado em 10 de janeiro de 2022 às 14:05",
        "Publié le 10 janvier 2022 à 14h05",
        "Mis à jour le 10 janvier 2022",
        "Veröffentlicht am 10. Januar 2022, 14:05 Uhr",
        "Stand: 10.01.2022",
        "Опубликовано: 10 января 2022",
        "Опубликовано 10 января 2022 в 14:05",
    ],
)
def test_labelled_datelines_in_every_language(line: str) -> None:
    assert parse_dateline(f"Title\n{line}\n\nBody text.") == dt.date(2022, 1, 10)


@pytest.mark.parametrize(
    "line",
    [
        "Veröffentlicht am 10. Januar 2022 wurde ein Streik angekündigt",
        "Publié le 10 janvier, le préavis de grève court toujours",
        "Publicado el 10 de enero",
    ],
)
def test_label_without_a_bare_full_date_is_no_dateline(line: str) -> None:
    assert parse_dateline(f"Title\n{line}\n\nBody text.") is None
