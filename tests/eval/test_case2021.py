"""CASE 2021 Task 2: the event → ACLED sub-event label rule, and the adapter on the real set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contention.eval import case2021
from contention.model import Context, Event

Make = Callable[..., Event]


def test_rule_order(make_event: Make) -> None:
    label = case2021.label_events
    assert label([]) == "OTHER"
    assert label([make_event("PROTEST", "demonstrate")]) == "PEACE_PROTEST"
    assert label([make_event("PROTEST", "strike")]) == "PEACE_PROTEST"
    assert label([make_event("PROTEST", "riot")]) == "VIOL_DEMONSTR"
    assert (
        label([make_event("PROTEST", "demonstrate"), make_event("COERCE", "disperse")])
        == "PROTEST_WITH_INTER"
    )
    assert (
        label([make_event("PROTEST", "demonstrate"), make_event("COERCE", "arrest")])
        == "PROTEST_WITH_INTER"
    )
    # state force assault on a protest beats every other protest label
    assert (
        label(
            [
                make_event("PROTEST", "riot"),
                make_event("ASSAULT", "firearms", source="police"),
            ]
        )
        == "FORCE_AGAINST_PROTEST"
    )
    assert (
        label([make_event("ASSAULT", "beat", source="security_forces", target="students")])
        == "FORCE_AGAINST_PROTEST"
    )
    assert label([make_event("ASSAULT", "beat", source="civilians")]) == "MOB_VIOL"
    assert label([make_event("COERCE", "arrest", source="police")]) == "ARREST"
    # police shooting at someone with no protest involved is not a protest label
    assert (
        label([make_event("ASSAULT", "firearms", source="police", target="civilians")]) == "OTHER"
    )


def test_only_events_that_happened_count(make_event: Make) -> None:
    called_off = make_event("PROTEST", "demonstrate", context=(Context.NEGATED,))
    planned = make_event("PROTEST", "strike", context=(Context.FUTURE,))
    assert case2021.label_events([called_off, planned]) == "OTHER"
    past = make_event("PROTEST", "riot", context=(Context.HISTORICAL,))
    assert case2021.label_events([past]) == "VIOL_DEMONSTR"


def test_gold_labels_outside_the_six_are_other() -> None:
    assert case2021.gold_label("AIR_STRIKE") == "OTHER"
    assert case2021.gold_label("ARREST ") == "ARREST"


def test_real_set(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("case2021-task2")
    rows = case2021.load(data)
    assert len(rows) == 1019
    res = case2021.run(data, limit=20)
    assert res.n == 20 and res.available == 1019
    assert {"macro_f1", "weighted_f1", "micro_f1", "accuracy_all7"} <= set(res.metrics)
    assert all(0.0 <= v <= 1.0 for v in res.metrics.values())
    confusion = res.tables[1]
    assert sum(sum(row[1:]) for row in confusion.rows) == 20  # type: ignore[misc]
