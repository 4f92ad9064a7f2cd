"""golden-dedup: the metrics, the gold file, and one end-to-end run against the targets."""

from __future__ import annotations

import json

import pytest

from contention.dedup.evaluate import bcubed, default_dir, evaluate, load_gold, pairwise


def test_pairwise_counts_pairs() -> None:
    gold = {"a": "X", "b": "X", "c": "Y"}
    assert pairwise({"a": "1", "b": "1", "c": "2"}, gold) == (1.0, 1.0, 1.0)
    p, r, _ = pairwise({"a": "1", "b": "1", "c": "1"}, gold)  # all lumped: 1 of 3 pairs right
    assert (round(p, 3), r) == (0.333, 1.0)
    p, r, _ = pairwise({"a": "1", "b": "2", "c": "3"}, gold)  # all split
    assert (p, r) == (1.0, 0.0)


def test_bcubed_known_values() -> None:
    gold = {"a": "X", "b": "X", "c": "Y"}
    p, r, _ = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert round(p, 4) == round((2 / 3 + 2 / 3 + 1 / 3) / 3, 4) and r == 1.0
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold) == (1.0, 1.0, 1.0)


def test_gold_set_is_big_and_varied_enough() -> None:
    gold = load_gold(default_dir())
    files = {p.name for p in (default_dir() / "articles").iterdir()}
    assert set(gold.documents) == files and len(files) >= 30
    stories = {name.split("_", 2)[0] + name.split("_", 2)[1] for name in files}
    assert len(stories) >= 8
    assert gold.near_duplicates and all(a in files and b in files for a, b in gold.near_duplicates)
    raw = json.loads((default_dir() / "gold.json").read_text(encoding="utf-8"))
    assert all(spec.get("note") for spec in raw["clusters"].values())


@pytest.mark.slow
def test_golden_dedup_meets_the_targets() -> None:
    res, details = evaluate(default_dir(), encoder=False)
    m = res.metrics
    assert m["pairwise.precision"] >= 0.90, res.tables[0].rows
    assert m["pairwise.recall"] >= 0.80, res.tables[0].rows
    assert m["order_independent"] == 1.0
    assert m["near_duplicates.recall"] == 1.0 and m["near_duplicates.precision"] == 1.0
    assert m["n_labelled"] >= 60
    labels, pred = details["labels"], details["pred"]
    # different events on the same day in the same city stay apart
    for a, b in (
        ("it-rome-taxi-protest", "it-rome-climate-blockade"),
        ("fr-pension-strike", "fr-pension-march"),
        ("kz-almaty-riot", "kz-zhanaozen-protest"),
    ):
        ours_a = {pred[e] for e, g in labels.items() if g == a}
        ours_b = {pred[e] for e, g in labels.items() if g == b}
        assert ours_a and ours_b and not ours_a & ours_b, (a, b)
