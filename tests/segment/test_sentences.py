"""Paragraphs and sentences: abbreviations, numbers, quotes, ellipses, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.segment.sentences import paragraphs, segment, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Tokayev spoke on Jan. 5 in Astana. Dr. Smith of St. Petersburg disagreed.",
            ["Mr. Tokayev spoke on Jan. 5 in Astana.", "Dr. Smith of St. Petersburg disagreed."],
        ),
        (
            "The U.S. State Department urged restraint. It did not name the officers.",
            ["The U.S. State Department urged restraint.", "It did not name the officers."],
        ),
        (
            "Troops arrived from the U.S. The embassy was closed.",
            ["Troops arrived from the U.S.", "The embassy was closed."],
        ),
        (
            "Fuel rose from 0.12 to 0.24 euros. Il prezzo è salito a 2,7 euro. Poi è sceso.",
            [
                "Fuel rose from 0.12 to 0.24 euros.",
                "Il prezzo è salito a 2,7 euro.",
                "Poi è sceso.",
            ],
        ),
        (
            "Il sig. Rossi e il dott. Bianchi erano presenti. Hanno parlato di salari, turni ecc. "
            "e pensioni. Lo sciopero ecc. Il corteo è partito.",
            [
                "Il sig. Rossi e il dott. Bianchi erano presenti.",
                "Hanno parlato di salari, turni ecc. e pensioni.",
                "Lo sciopero ecc.",
                "Il corteo è partito.",
            ],
        ),
        (
            "Unions cited several grievances, e.g. Sunday shifts. Talks failed.",
            ["Unions cited several grievances, e.g. Sunday shifts.", "Talks failed."],
        ),
        (
            "The crowd shouted “Enough!” and marched on. “We will not leave,” said one. "
            "Then police arrived.",
            [
                "The crowd shouted “Enough!” and marched on.",
                "“We will not leave,” said one.",
                "Then police arrived.",
            ],
        ),
        (
            "He said: “The strike is over.” Workers disagreed.",
            ["He said: “The strike is over.”", "Workers disagreed."],
        ),
        (
            "Le rivoluzioni non sono sfilate di gala… Ma la polizia ha sparato. "
            "Nel “rispetto dei diritti umani”… del resto nessuno protestò.",
            [
                "Le rivoluzioni non sono sfilate di gala…",
                "Ma la polizia ha sparato.",
                "Nel “rispetto dei diritti umani”… del resto nessuno protestò.",
            ],
        ),
        (
            "They waited... Nobody came. The text [...] Was cut.",
            ["They waited...", "Nobody came.", "The text [...] Was cut."],
        ),
        (
            "Why was he dismissed? Nobody knows! Really?! Yes.",
            ["Why was he dismissed?", "Nobody knows!", "Really?!", "Yes."],
        ),
        (
            "The fire was reported by J. K. Reynolds at No. 10 Downing Street. Art. 18 applies.",
            [
                "The fire was reported by J. K. Reynolds at No. 10 Downing Street.",
                "Art. 18 applies.",
            ],
        ),
        (
            "Secondo l'art. 18 dello Statuto il licenziamento è nullo. Lo dice la sentenza n. 4.",
            [
                "Secondo l'art. 18 dello Statuto il licenziamento è nullo.",
                "Lo dice la sentenza n. 4.",
            ],
        ),
        (
            "They fired (over a thousand of them!) following a strike. È la prima volta.",
            ["They fired (over a thousand of them!) following a strike.", "È la prima volta."],
        ),
        ("the strike ended. workers went home.", ["the strike ended. workers went home."]),
        ("The talks went on. Nobody left.", ["The talks went on.", "Nobody left."]),
        (
            "Strikes began two years ago. The union grew.",
            ["Strikes began two years ago.", "The union grew."],
        ),
        ("162 died. 8,000 were arrested.", ["162 died.", "8,000 were arrested."]),
        (
            "The stage is set. Ministers agreed a price cap. Unions were not consulted.",
            ["The stage is set.", "Ministers agreed a price cap.", "Unions were not consulted."],
        ),
        (
            "The march began at 5 p.m. Police then closed the bridge. "
            "It ended at 9 p.m. on Friday.",
            [
                "The march began at 5 p.m.",
                "Police then closed the bridge.",
                "It ended at 9 p.m. on Friday.",
            ],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_paragraphs_blank_lines_headings_and_hard_wraps() -> None:
    text = (
        "Strike in Mangystau\n"
        "Oil workers in Zhanaozen stopped work on Sunday, and the protest spread across the\n"
        "region by Tuesday.\n"
        "Police said the square was cleared.\n\n\n"
        "  Photo: a crowd in Aktau  \n\n"
        "- first demand\n- second demand\n"
    )
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert paras == [
        "Strike in Mangystau",
        "Oil workers in Zhanaozen stopped work on Sunday, and the protest spread across the\n"
        "region by Tuesday.",
        "Police said the square was cleared.",
        "Photo: a crowd in Aktau",
        "- first demand",
        "- second demand",
    ]


def test_segment_offsets_are_exact_and_indexed() -> None:
    text = (
        "  Strike in Mangystau\n\n"
        "Oil workers in Zhanaozen stopped work on Sunday.   Police said the square was cleared.\n\n"
        "Gli operai di Zhanaozen hanno scioperato domenica. La polizia ha sgomberato la piazza.\n"
    )
    sentences = segment(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2, 2]
    for s in sentences:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        assert s.text(text) == piece
    assert text[sentences[2].start : sentences[2].end] == "Police said the square was cleared."


def test_segment_empty_text() -> None:
    assert segment("") == []
    assert segment(" \n\n \n") == []


SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_cbb38d7a0376df9d.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_offsets_and_decimal_numbers_intact() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = segment(text)
    pieces = [text[s.start : s.end] for s in sentences]
    assert all(p == p.strip() and p for p in pieces)
    assert any("from about 0.12 to 0.24 euros per litre" in p for p in pieces)
    assert any("(2,7 milioni di kmq" in p for p in pieces)
    assert "Uno scontro di quale natura?" in pieces
    assert "January 10, 2022" in pieces


def test_lower_cased_text_still_splits_into_sentences() -> None:
    from contention.segment.sentences import is_caseless

    body = (
        "police fired tear gas at the protesters in the old city on monday. "
        "sixty people were detained, officials said. "
        "the curfew was lifted on tuesday evening after talks with the traders. "
    ) * 3
    assert is_caseless(body)
    sents = segment(body)
    assert len(sents) == 9
    assert body[sents[1].start : sents[1].end] == "sixty people were detained, officials said."
    assert not is_caseless("Police fired tear gas. " * 20)


def test_a_german_ordinal_day_does_not_end_the_sentence() -> None:
    text = "Die Arbeiter streikten am 5. Dezember 2011 in Schangaösen. Die Polizei schoss."
    sents = segment(text)
    assert [text[s.start : s.end] for s in sents] == [
        "Die Arbeiter streikten am 5. Dezember 2011 in Schangaösen.",
        "Die Polizei schoss.",
    ]
