"""IndiaPoliceEvents: event → ARREST/FORCE/KILL rule, sentence location, the real set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contention.eval import india_police
from contention.model import Event

Make = Callable[..., Event]


def test_event_labels(make_event: Make) -> None:
    labels = india_police.event_labels
    assert labels(make_event("COERCE", "arrest", source="police")) == {"ARREST"}
    assert labels(make_event("COERCE", "arrest")) == {"ARREST"}
    assert labels(make_event("COERCE", "disperse", source="police")) == {"FORCE"}
    assert labels(make_event("ASSAULT", "beat", source="police")) == {"FORCE"}
    assert labels(make_event("ASSAULT", "firearms", source="security_forces")) == {"FORCE"}
    assert labels(make_event("ASSAULT", "kill", source="military")) == {"FORCE", "KILL"}
    assert labels(make_event("ASSAULT", "firearms", source="police", fatalities=3)) == {
        "FORCE",
        "KILL",
    }
    # a mob's violence is not police force
    assert labels(make_event("ASSAULT", "kill", source="protesters")) == set()
    assert labels(make_event("PROTEST", "demonstrate")) == set()


def test_sentence_bounds_in_order() -> None:
    doc = "Police arrested two men in Surat. Curfew stayed. Police arrested two men in Surat."
    bounds = india_police.sentence_bounds(
        doc, ["Police arrested two men in Surat.", "  Curfew stayed.", "", "missing", doc[49:]]
    )
    assert bounds[0] == (0, 33)
    assert bounds[1] == (34, 48)
    assert bounds[2] is None and bounds[3] is None
    assert bounds[4] == (49, len(doc))


def test_real_set(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("india-police-events")
    res = india_police.run(data, limit=4)
    assert res.n == 4 and res.available == 1257
    for level in ("sentence", "document"):
        for label in india_police.LABELS:
            assert 0.0 <= res.metrics[f"{level}.{label}.f1"] <= 1.0
