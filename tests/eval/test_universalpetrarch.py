"""UniversalPetrarch: gold PLOVER types from PLOVER or CAMEO codes, and the real sets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contention.eval import universalpetrarch as up


def test_gold_types_prefer_plover_then_cameo_root() -> None:
    rec = {
        "events": [
            {"plover": "PROTEST", "root": "14", "code": "141"},
            {"plover": None, "root": "19", "code": "190"},
            {"plover": None, "root": None, "code": "173"},
            {"plover": None, "root": None, "code": None},
        ]
    }
    assert up.gold_types(rec) == {"PROTEST", "ASSAULT", "COERCE"}
    assert up.gold_types({"events": []}) == set()


def test_records_not_for_evaluation_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(
        '{"id": "a", "evaluate": "true", "text": "t", "events": []}\n'
        '{"id": "b", "evaluate": "false", "text": "t", "events": []}\n',
        encoding="utf-8",
    )
    assert [r["id"] for r in up.load(p)] == ["a"]


def test_real_sets(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("universalpetrarch")
    res = up.run(data, limit=3)
    assert res.n == 12  # 3 from each of the four files
    for key in up.FILES:
        assert 0.0 <= res.metrics[f"{key}.micro_f1"] <= 1.0


def test_false_positive_cause_names_the_gold_label_on_our_words() -> None:
    record = {
        "text": 'Los mineros marcharon hasta la plaza y exigieron "justicia" al gobierno.',
        "events": [
            {"plover": "MOBILIZE", "event_text": "marcharon"},
            {"plover": "DEMAND", "event_text": "exigieron &quot;justicia&quot;"},
            {"code": "141", "event_text": "not in the text"},
        ],
    }
    spans = up.gold_spans(record)
    assert [(record["text"][s:e], label) for s, e, label in spans] == [
        ("marcharon", "MOBILIZE"),
        ('exigieron "justicia"', "DEMAND"),
    ]
    at = record["text"].index("marcharon")
    assert up.false_positive_cause(record, [(at, at + 9)]) == "gold MOBILIZE on the same words"
    assert up.false_positive_cause(record, [(0, 3)]) == "no gold event on these words"
    assert up.gold_label({"root": "14"}) == "PROTEST"
    assert up.gold_label({"code": "99"}) is None
