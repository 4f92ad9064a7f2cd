"""The encoder as a second typing signal: it overrules non-event readings of triggers.

Sentences are our own.  The filter is exercised directly on hand-built
mentions (the lexicon would already reject several of these words, and the
point here is the encoder's own judgement).  Needs the ``[encoder]`` extra.
"""

from __future__ import annotations

import pytest

from contention.events import typing_signal as ts
from contention.events.mention import EventMention
from contention.model import Document, Sentence, make_span

# (type, sentence, trigger word) the encoder must reject: sports, war, figures of speech.
NOT_EVENTS = [
    (
        "PROTEST",
        "The striker scored twice before half-time as Arsenal beat Everton 3-0.",
        "striker",
    ),
    ("PROTEST", "Haaland's first strike of the evening flew past the goalkeeper.", "strike"),
    (
        "PROTEST",
        "A Russian air strike on a village near Zaporizhzhia killed three people.",
        "strike",
    ),
    ("PROTEST", "Drone strikes hit an oil depot in Bryansk region, the governor said.", "strikes"),
    (
        "CONCEDE",
        "Ukrainian forces conceded ground near Avdiivka after weeks of fighting.",
        "conceded",
    ),
    ("CONCEDE", "Juventus conceded a late equaliser and dropped two points in Genoa.", "conceded"),
    ("PROTEST", "Il colpo dell'attaccante al novantesimo ha deciso il derby di Milano.", "colpo"),
    ("PROTEST", "Le buteur lyonnais a frappé deux fois en première période contre Lens.", "frappé"),
    ("PROTEST", "Bayern players protested angrily to the referee after the penalty.", "protested"),
]

# Real events the encoder must keep, in several languages (one hard case: footballers striking).
EVENTS = [
    ("PROTEST", "Dock workers in Rotterdam went on strike on Tuesday, halting the port.", "strike"),
    ("PROTEST", "Striking nurses picketed outside St Thomas' Hospital in London.", "Striking"),
    (
        "PROTEST",
        "Los mineros de Asturias iniciaron una huelga indefinida contra el cierre.",
        "huelga",
    ),
    ("PROTEST", "Les cheminots de la SNCF poursuivent la grève pour le troisième jour.", "grève"),
    ("PROTEST", "In Hamburg streikten am Montag die Hafenarbeiter für höhere Löhne.", "streikten"),
    ("PROTEST", "Шахтёры в Кузбассе объявили забастовку, требуя выплатить долги.", "забастовку"),
    (
        "PROTEST",
        "Football players in the Spanish women's league went on strike over pay.",
        "strike",
    ),
    ("COERCE", "Police in Tbilisi detained more than forty people at a rally.", "detained"),
    ("ASSAULT", "A missile strike killed four civilians in Odesa overnight.", "killed"),
    ("CONCEDE", "The Kenyan president withdrew the finance bill after the protests.", "withdrew"),
]


def _document(
    rows: list[tuple[str, str, str]],
) -> tuple[Document, list[Sentence], list[EventMention]]:
    """One sentence per row, one paragraph each, a mention on the row's trigger word."""
    text = "\n\n".join(sentence for _, sentence, _ in rows)
    doc = Document(id="test", url="memory:", text=text)
    sentences: list[Sentence] = []
    mentions: list[EventMention] = []
    at = 0
    for i, (type_, sentence, trigger) in enumerate(rows):
        sentences.append(Sentence(i, at, at + len(sentence), i, "und"))
        start = at + sentence.index(trigger)
        span = make_span(text, start, start + len(trigger))
        mentions.append(
            EventMention(
                type=type_, mode=None, trigger=span, sentence=i, language="en", ambiguous=True
            )
        )
        at += len(sentence) + 2
    return doc, sentences, mentions


def test_rejects_sports_war_and_figurative_readings() -> None:
    verdicts = ts.judge_texts([s for _, s, _ in NOT_EVENTS], [t for t, _, _ in NOT_EVENTS])
    kept = [(row[1], v) for row, v in zip(NOT_EVENTS, verdicts, strict=True) if not v.reject]
    assert not kept, kept
    labels = {v.label for v in verdicts}
    assert {"sports", "war"} <= labels


def test_keeps_real_events_in_every_language() -> None:
    verdicts = ts.judge_texts([s for _, s, _ in EVENTS], [t for t, _, _ in EVENTS])
    rejected = [(row[1], v) for row, v in zip(EVENTS, verdicts, strict=True) if v.reject]
    assert not rejected, rejected
    # Kept with room to spare: no real event comes near the margin.
    assert max(v.margin for v in verdicts) < ts.MARGIN - 0.02


def test_filter_drops_only_the_non_events_and_keeps_order() -> None:
    rows = [EVENTS[0], NOT_EVENTS[0], EVENTS[2], NOT_EVENTS[2], EVENTS[7]]
    doc, sentences, mentions = _document(rows)
    kept = ts.filter_with_encoder(doc, sentences, mentions)
    assert [m.trigger.quote for m in kept] == ["strike", "huelga", "detained"]
    assert [m.sentence for m in kept] == [0, 2, 4]


def test_mixed_sentence_is_kept() -> None:
    """A match report that also tells a strike: both readings high, no clear win."""
    sentence = "The derby was postponed because stadium stewards went on strike over unpaid wages."
    (v,) = ts.judge_texts([sentence], ["PROTEST"])
    assert not v.reject, v


def test_verdicts_are_deterministic() -> None:
    texts = [s for _, s, _ in NOT_EVENTS + EVENTS]
    types = [t for t, _, _ in NOT_EVENTS + EVENTS]
    assert ts.judge_texts(texts, types) == ts.judge_texts(texts, types)
    # A sentence judged alone gets the same verdict as inside the batch.
    assert ts.judge_texts(texts[:1], types[:1])[0] == ts.judge_texts(texts, types)[0]


def test_assault_is_not_overruled_by_war_prototypes() -> None:
    (v,) = ts.judge_texts(["An air strike hit the town."], ["ASSAULT"])
    assert v.label != "war" and not v.reject


def test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ts.ENV, raising=False)
    assert ts.enabled()  # on by default when the package is installed
    monkeypatch.setattr(ts.enc, "available", lambda: False)
    assert not ts.enabled()  # and silently off without it, unless asked for
    for value in ("filter", "on", "1", "FILTER "):
        monkeypatch.setenv(ts.ENV, value)
        assert ts.enabled()
    monkeypatch.setenv(ts.ENV, "off")
    monkeypatch.setattr(ts.enc, "available", lambda: True)
    assert not ts.enabled()


def test_without_the_package_mentions_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, sentences, mentions = _document([NOT_EVENTS[0]])
    monkeypatch.setattr(ts.enc, "available", lambda: False)
    assert ts.filter_with_encoder(doc, sentences, mentions) == mentions


def test_propose_reports_a_paraphrase_and_skips_covered_sentences() -> None:
    """No strike word, yet a strike: a proposal (reported only, never an event)."""
    rows = [
        EVENTS[0],
        (
            "PROTEST",
            "Bus drivers in Lyon stayed home on Monday and no buses ran, their union said.",
            "Bus",
        ),
        ("PROTEST", "The central bank raised interest rates by a quarter of a point.", "The"),
    ]
    doc, sentences, mentions = _document(rows)
    proposals = ts.propose(doc, sentences, mentions[:1])
    assert [(p.sentence, p.type) for p in proposals] == [(1, "PROTEST")]
    assert proposals[0].score >= ts.PROPOSE_FLOOR
