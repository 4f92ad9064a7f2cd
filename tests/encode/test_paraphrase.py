"""The encoder's event-type classifier: training, the quoted predicate, and the pipeline.

Sentences are our own.  The held-out set (tests/encode/data) is scored by
``contention eval paraphrase``; here a few sentences check behaviour that must
hold whatever the exact figures are.
"""

from __future__ import annotations

import numpy as np
import pytest

from contention.events import paraphrase as pp
from contention.model import Sentence
from contention.pipeline.core import process_text

# A strike told without a word the English lexicon lists.
PARAPHRASE = "Nurses walked off the wards at noon and gathered at the hospital gates in Leeds."


def test_training_separates_separable_classes_and_is_deterministic() -> None:
    rng = np.random.default_rng(3)
    centres = np.eye(len(pp.LABELS), 16, dtype=np.float32) * 3
    labels = [pp.LABELS[i % len(pp.LABELS)] for i in range(120)]
    x = np.stack([centres[pp.LABELS.index(lab)] for lab in labels])
    x = (x + rng.normal(0, 0.3, x.shape)).astype(np.float32)
    a, b = pp.train(x, labels), pp.train(x, labels)
    assert np.array_equal(a.weights, b.weights)
    predicted = [pp.LABELS[i] for i in a.proba(x).argmax(1)]
    assert predicted == labels
    assert np.allclose(a.proba(x).sum(1), 1.0)


def test_every_language_has_labelled_examples_of_every_label() -> None:
    exs = pp.examples()
    for code in ("en", "it", "es", "fr", "de", "ru", "pt"):
        assert {e.label for e in exs if e.lang == code} == set(pp.LABELS), code


def test_the_predicate_after_the_first_actor_is_quoted() -> None:
    from contention.model import ActorMention, make_span

    text = "Hundreds of dockers downed tools at the port of Santos, halting exports."
    sent = Sentence(0, 0, len(text), 0, "en")
    actor = ActorMention(make_span(text, 12, 19), "workers")
    start, end = pp._predicate(text, sent, [actor])
    assert text[start:end] == "downed tools at the port of"  # PREDICATE_WORDS words


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (PARAPHRASE, "PROTEST"),
        (
            "Gunmen sprayed a minibus with bullets near Kaduna, leaving seven passengers dead.",
            "ASSAULT",
        ),
    ],
)
def test_classifier_reads_paraphrases(text: str, label: str) -> None:
    (reading,) = pp.classify([text])
    assert reading.label == label
    assert reading.probability >= pp.P_FLOOR


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice as the visitors won 3-1 in Manchester.",
        "The foreign ministry summoned the ambassador to voice its displeasure.",
    ],
)
def test_classifier_leaves_hard_negatives(text: str) -> None:
    (reading,) = pp.classify([text])
    assert reading.label == pp.NONE or reading.probability < pp.P_FLOOR


def test_a_paraphrase_with_a_place_becomes_an_event_with_encoder_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(pp.ENV, "on")
    text = PARAPHRASE
    result = process_text(text)
    (event,) = [e for e in result.events if e.type == "PROTEST"]
    typed = [ev for ev in event.evidence if ev.field == "type"]
    assert typed and all(ev.stage == "paraphrase.v1" for ev in typed)
    assert all(0.0 < ev.score <= 1.0 for ev in typed)
    assert all(text[ev.start : ev.end] == ev.quote for ev in event.evidence)


def test_by_default_the_classifier_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pp.ENV, raising=False)
    assert not pp.enabled()
    assert not [e for e in process_text(PARAPHRASE).events if e.type == "PROTEST"]
