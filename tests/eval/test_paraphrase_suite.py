"""The held-out sentence suite for the encoder's classifier (data in the repository)."""

from __future__ import annotations

import os

from contention.eval import paraphrase_suite as ps
from contention.events import paraphrase


def test_held_out_set_is_balanced_over_languages_and_labels() -> None:
    cases = ps.load(ps.default_dir() / ps.FILE)
    langs = {c["lang"] for c in cases}
    assert langs == {"en", "it", "es", "fr", "de", "ru", "pt"}
    for code in langs:
        labels = [c["label"] for c in cases if c["lang"] == code]
        assert set(labels) == {*ps.TYPES, "NONE"}, code


def test_held_out_sentences_are_not_training_sentences() -> None:
    train = {e.text for e in paraphrase.examples()}
    assert not train & {c["text"] for c in ps.load(ps.default_dir() / ps.FILE)}


def test_run_scores_three_readings_and_restores_the_switch() -> None:
    before = os.environ.get(paraphrase.ENV)
    res = ps.run(ps.default_dir(), limit=14)
    assert res.n == 14
    for reading in ("classifier", "lexicon", "pipeline"):
        assert 0.0 <= res.metrics[f"{reading}.micro_f1"] <= 1.0
    assert os.environ.get(paraphrase.ENV) == before
