"""The encoder cost meter: paired off/on passes, and it leaves the process as it found it."""

from __future__ import annotations

import os

from contention.encode import cost
from contention.events import typing_signal
from contention.pipeline.core import process_text

TEXT = (
    "Dock workers in Genoa went on strike on Monday over pay.\n\n"
    "The striker scored twice as Genoa beat Sampdoria in the derby."
)


def test_measure_pairs_passes_and_restores_state() -> None:
    before = typing_signal.filter_with_encoder
    result = cost.measure([lambda: len(process_text(TEXT).events)], reps=2)
    assert result["articles"] == 2
    assert result["ms_on"] > 0 and result["ms_off"] > 0
    assert 0 < result["ms_encoder"] <= result["ms_on"]
    assert typing_signal.filter_with_encoder is before
    assert typing_signal.ENV not in os.environ
