"""Actor phrases: class, named entity and country, longest match, exact offsets."""

from __future__ import annotations

import itertools

import pytest

from contention.annotate.actors import find_actors
from contention.model import ActorMention, Sentence


def _actors(text: str, lang: str) -> list[ActorMention]:
    found = find_actors(text, [Sentence(0, 0, len(text), 0, lang)])
    for m in found:
        assert m.span.quote == text[m.span.start : m.span.end]
    for a, b in itertools.pairwise(found):
        assert a.span.end <= b.span.start, (a, b)
    return found


def _rows(text: str, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.span.quote, m.cls, m.name, m.country) for m in _actors(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Russian troops landed at Almaty airport on Thursday.",
            "en",
            [("Russian troops", "military", None, "RU")],
        ),
        (
            "Le truppe russe sono atterrate all'aeroporto di Almaty giovedì.",
            "it",
            [("truppe russe", "military", None, "RU")],
        ),
        (
            "President Kassym-Jomart Tokayev asked the CSTO for help.",
            "en",
            [
                ("President Kassym-Jomart Tokayev", "head_of_state", "Tokayev", "KZ"),
                ("CSTO", "international_org", "CSTO", None),
            ],
        ),
        (
            "Il presidente Tokayev ha chiesto l'intervento dell'OTSC.",
            "it",
            [
                ("presidente Tokayev", "head_of_state", "Tokayev", "KZ"),
                ("OTSC", "international_org", "CSTO", None),
            ],
        ),
        (
            "Putin promptly dispatched paratroopers to Almaty.",
            "en",
            [
                ("Putin", "head_of_state", "Putin", "RU"),
                ("paratroopers", "military", None, None),
            ],
        ),
        (
            "Riot police dispersed the crowd outside the akimat in Aktobe.",
            "en",
            [
                ("Riot police", "police", None, None),
                ("crowd", "protesters", None, None),
                ("akimat", "government", None, None),
            ],
        ),
        (
            "Some of the security forces joined the insurgents in Zhanaozen.",
            "en",
            # "insurgents" and "rebels" are armed groups in war reports far more
            # often than protesters: armed_group, never a crowd class.
            [
                ("security forces", "security_forces", None, None),
                ("insurgents", "armed_group", None, None),
            ],
        ),
        (
            "Le forze dell’ordine si sono in parte unite ai rivoltosi.",
            "it",
            [
                ("forze dell’ordine", "security_forces", None, None),
                ("rivoltosi", "protesters", None, None),
            ],
        ),
        (
            "Unemployed young people joined the oil workers in the square.",
            "en",
            [
                ("Unemployed young people", "unemployed", None, None),
                ("oil workers", "workers", None, None),
            ],
        ),
        (
            "I giovani disoccupati si sono uniti agli operai petroliferi in piazza.",
            "it",
            [
                ("giovani disoccupati", "unemployed", None, None),
                ("operai petroliferi", "workers", None, None),
            ],
        ),
        (
            "The Italian government defended the interests of Italy’s ENI in Kashagan.",
            "en",
            [
                ("Italian government", "government", None, "IT"),
                ("Italy’s ENI", "company", "ENI", "IT"),
            ],
        ),
        (
            "Il governo italiano difende gli interessi dell'ENI a Kashagan.",
            "it",
            [
                ("governo italiano", "government", None, "IT"),
                ("ENI", "company", "ENI", "IT"),
            ],
        ),
        (
            "The American ExxonMobil and the French Total hold stakes in the field.",
            "en",
            [
                ("American ExxonMobil", "company", "ExxonMobil", "US"),
                ("French Total", "company", "Total", "FR"),
            ],
        ),
        (
            "Students and teachers marched with the CGIL in Turin.",
            "en",
            [
                ("Students", "students", None, None),
                ("teachers", "workers", None, None),
                ("CGIL", "union", "CGIL", "IT"),
            ],
        ),
        (
            "I sindacati hanno proclamato lo sciopero contro le multinazionali.",
            "it",
            [("sindacati", "union", None, None), ("multinazionali", "company", None, None)],
        ),
        (
            "China for its part has given its support to Tokayev.",
            "en",
            [
                ("China", "foreign_state", "China", "CN"),
                ("Tokayev", "head_of_state", "Tokayev", "KZ"),
            ],
        ),
        (
            "US troops stayed at the base while officials told us nothing.",
            "en",
            [("US troops", "military", None, "US"), ("officials", "government", None, None)],
        ),
        (
            "Beijing may act through the Shanghai Cooperation Organisation.",
            "en",
            [("Shanghai Cooperation Organisation", "international_org", "SCO", None)],
        ),
        (
            "Gli insorti kazaki chiedono di cambiare il sistema, come i manifestanti algerini.",
            "it",
            [
                ("insorti kazaki", "protesters", None, "KZ"),
                ("manifestanti algerini", "protesters", None, "DZ"),
            ],
        ),
    ],
)
def test_actor_phrases(
    text: str, lang: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _rows(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Total losses from the blockade reached a record in March.", "en"),  # not the company
        ("He had appointed himself president for life.", "en"),  # a title with no name
        ("Si era fatto nominare presidente a vita.", "it"),
        ("Kazakh exports to China rose in the last two decades.", "en"),  # a place, not a state
        ("Le esportazioni verso la Cina sono cresciute.", "it"),
        ("Russian influence might prevail in the region.", "en"),
    ],
)
def test_no_actor(text: str, lang: str) -> None:
    assert _rows(text, lang) == []


def test_longest_match_wins_over_shorter_class_phrases() -> None:
    rows = _rows("Army officers and riot police surrounded the square.", "en")
    assert rows == [
        ("Army officers", "military", None, None),
        ("riot police", "police", None, None),
    ]


def test_seat_of_government_names_carry_their_country() -> None:
    rows = _rows("The Kremlin said Russian peacekeepers would leave Kazakhstan.", "en")
    assert rows[:2] == [
        ("Kremlin", "government", "Kremlin", "RU"),
        ("Russian peacekeepers", "military", None, "RU"),
    ]


def test_names_are_shared_across_languages() -> None:
    # "Chevron" is listed in the English file only; an Italian sentence still finds it
    rows = _rows("La Chevron e la cinese CNPC investono nel Kazakistan.", "it")
    assert ("Chevron", "company", "Chevron", "US") in rows
    assert ("cinese CNPC", "company", "CNPC", "CN") in rows


def test_offsets_are_absolute_across_sentences() -> None:
    first = "Russian troops go home!"
    second = "Fuori le truppe russe!"
    text = first + "\n\n" + second
    sentences = [
        Sentence(0, 0, len(first), 0, "en"),
        Sentence(1, len(first) + 2, len(text), 1, "it"),
    ]
    found = find_actors(text, sentences)
    assert [(m.span.quote, m.cls, m.country) for m in found] == [
        ("Russian troops", "military", "RU"),
        ("truppe russe", "military", "RU"),
    ]
    assert all(text[m.span.start : m.span.end] == m.span.quote for m in found)
    assert found[1].span.start > len(first)


def test_undetermined_language_reads_both_vocabularies() -> None:
    text = "Workers and polizia clashed."
    found = find_actors(text, [Sentence(0, 0, len(text), 0, "und")])
    assert [(m.span.quote, m.cls) for m in found] == [("Workers", "workers"), ("polizia", "police")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an international organisation fielding an armed body is the actor of that phrase
        (
            "Moscow said CSTO (the alliance led by Russia) troops would leave Almaty soon.",
            "en",
            [("CSTO (the alliance led by Russia) troops", "international_org", "CSTO", None)],
        ),
        (
            "UN peacekeepers patrolled the buffer zone south of Nicosia.",
            "en",
            [("UN peacekeepers", "international_org", "UN", None)],
        ),
        (
            "Troops of the CSTO began to withdraw from Almaty on Thursday.",
            "en",
            [("Troops of the CSTO", "international_org", "CSTO", None)],
        ),
        (
            "Le truppe dell'ONU hanno lasciato Bamako.",
            "it",
            [("truppe dell'ONU", "international_org", "UN", None)],
        ),
        # no link between them: two actors
        (
            "The CSTO said it would send troops.",
            "en",
            [("CSTO", "international_org", "CSTO", None), ("troops", "military", None, None)],
        ),
        # "the president" without a name; a union's president is the union's
        (
            "Organisers of the march in Tbilisi called on the president to step down.",
            "en",
            [("Organisers", "protesters", None, None), ("president", "head_of_state", None, None)],
        ),
        (
            "The Russian president met the union president in Minsk.",
            "en",
            [
                ("Russian president", "head_of_state", None, "RU"),
                ("union president", "union", None, None),
            ],
        ),
        (
            "Gli organizzatori chiedono le dimissioni del presidente.",
            "it",
            [
                ("organizzatori", "protesters", None, None),
                ("presidente", "head_of_state", None, None),
            ],
        ),
        (
            "Il presidente della Regione ha incontrato i sindacati a Bari.",
            "it",
            [
                ("presidente della Regione", "government", None, None),
                ("sindacati", "union", None, None),
            ],
        ),
    ],
)
def test_organisations_and_office_holders(
    text: str, lang: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _rows(text, lang) == expected
