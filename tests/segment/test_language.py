"""Language per sentence: restricted identifier plus paragraph/neighbour smoothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.segment.language import CANDIDATES, assign_languages, detect_language
from contention.segment.sentences import segment

BILINGUAL = "\n\n".join(
    [
        "Dockers strike in Genoa",
        "Port workers in Genoa walked out at dawn on Monday, blocking the container terminals at "
        "Sampierdarena and Voltri. The union said nine in ten workers joined. Why now? Because "
        "the new shift rota cuts rest days.",
        "Talks at the prefecture broke down after four hours. Police kept the marchers away from "
        "the ferry terminal.",
        "March 6, 2023",
        "Sciopero dei portuali a Genova",
        "I lavoratori del porto di Genova hanno incrociato le braccia all'alba di lunedì, "
        "bloccando i terminal container di Sampierdarena e Voltri. Il sindacato parla di "
        "un'adesione del novanta per cento. Perché adesso? Perché i nuovi turni tagliano i "
        "giorni di riposo.",
        "Il tavolo in prefettura è saltato dopo quattro ore. La polizia ha tenuto il corteo "
        "lontano dal terminal dei traghetti.",
        "6 marzo 2023",
    ]
)

ENGLISH = [
    "Dockers strike in Genoa",
    "Port workers in Genoa walked out at dawn on Monday, blocking the container terminals at "
    "Sampierdarena and Voltri.",
    "The union said nine in ten workers joined.",
    "Why now?",
    "Because the new shift rota cuts rest days.",
    "Talks at the prefecture broke down after four hours.",
    "Police kept the marchers away from the ferry terminal.",
    "March 6, 2023",
]


def test_bilingual_page_every_sentence_gets_its_language() -> None:
    sentences = segment(BILINGUAL)
    pieces = [(BILINGUAL[s.start : s.end], s.language) for s in sentences]
    english = pieces[: len(ENGLISH)]
    italian = pieces[len(ENGLISH) :]
    assert [p for p, _ in english] == ENGLISH
    assert {lang for _, lang in english} == {"en"}, english
    assert len(italian) == 8
    assert {lang for _, lang in italian} == {"it"}, italian
    assert italian[3][0] == "Perché adesso?"


def test_detect_language_basic_and_unsupported() -> None:
    assert detect_language("The strikers gathered outside the steel plant in Taranto.") == "en"
    assert detect_language("Gli scioperanti si sono radunati davanti all'acciaieria.") == "it"
    assert detect_language("Los mineros de Asturias se declararon en huelga indefinida.") == "es"
    assert detect_language("工人们在港口罢工。") == "und"
    assert detect_language("2023 — 12:30") == "und"
    assert detect_language("") == "und"


def test_candidates_cover_planned_languages() -> None:
    assert set(CANDIDATES) >= {"en", "it", "es", "fr", "de", "ru", "pt"}


def test_short_sentences_follow_paragraph_then_neighbours() -> None:
    texts = [
        "The miners of Karaganda refused to go underground for a third day running.",
        "Tokayev, Nazarbayev and Putin.",
        "12:30",
        "I minatori di Karaganda si sono rifiutati di scendere in miniera per il terzo giorno.",
        "Ok.",
    ]
    langs = assign_languages(texts, [0, 0, 1, 2, 2])
    assert langs == ["en", "en", "en", "it", "it"]


def test_neighbours_disagree_own_verdict_breaks_the_tie() -> None:
    texts = [
        "The miners of Karaganda refused to go underground for a third day running.",
        "Uno scontro di quale natura?",
        "I minatori di Karaganda si sono rifiutati di scendere in miniera per il terzo giorno.",
    ]
    assert assign_languages(texts, [0, 1, 2]) == ["en", "it", "it"]


def test_assign_languages_length_mismatch() -> None:
    with pytest.raises(ValueError):
        assign_languages(["a"], [0, 1])


SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_cbb38d7a0376df9d.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_english_then_italian() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = segment(text)
    split = text.index("abbasso il regime capitalista")
    caption = "Veicoli militari russi"  # an Italian photo caption inside the English half
    for s in sentences:
        piece = text[s.start : s.end]
        if s.start < split and not piece.startswith(("Approfondimenti", caption, "Tendenza")):
            assert s.language == "en", piece
        elif s.start >= split:
            assert s.language == "it", piece
    assert next(s for s in sentences if text[s.start : s.end].startswith(caption)).language == "it"
