"""The gate: baseline parsing, floor checks, and how floors are derived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contention.eval import gate
from contention.eval.suite import SuiteResult


def _write(tmp_path: Path, data: object) -> Path:
    p = tmp_path / "baseline.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


def test_load_and_check(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"limits": {"a": 10, "b": None}, "floors": {"a": {"f1": 0.5, "acc": 0.2}, "b": {"x": 0.1}}},
    )
    base = gate.load_baseline(path)
    assert base.limits == {"a": 10, "b": None}
    results = {"a": SuiteResult("a", metrics={"f1": 0.49, "acc": 0.2})}
    breaches = gate.check(results, base)
    # a.f1 is below its floor, a.acc equals it (passes), suite b never ran (fails)
    assert [(b.suite, b.metric) for b in breaches] == [("a", "f1"), ("b", "x")]
    assert breaches[1].value is None
    assert "not measured" in breaches[1].describe()


def test_missing_metric_breaches(tmp_path: Path) -> None:
    base = gate.load_baseline(_write(tmp_path, {"floors": {"a": {"f1": 0.0}}}))
    assert gate.check({"a": SuiteResult("a")}, base)


@pytest.mark.parametrize(
    "data",
    [[], {"limits": {}}, {"floors": {"a": {"f1": "high"}}}, {"floors": {}, "limits": {"a": 0}}],
)
def test_malformed_baseline(tmp_path: Path, data: object) -> None:
    with pytest.raises(gate.BaselineError):
        gate.load_baseline(_write(tmp_path, data))


def test_floor_for_rounds_down() -> None:
    assert gate.floor_for(0.6789, 0.02) == 0.65
    assert gate.floor_for(0.01, 0.02) == 0.0
    assert gate.floor_for(0.52, 0.02) == 0.5


def test_make_baseline_uses_headline_metrics_only() -> None:
    res = {"a": SuiteResult("a", metrics={"f1": 0.8, "other": 0.3})}
    doc = gate.make_baseline(res, {"a": ("f1", "absent")}, {"a": 50}, 0.02, "abc123")
    assert doc["floors"] == {"a": {"f1": 0.78}}
    assert doc["limits"] == {"a": 50}
    assert doc["measured_at_commit"] == "abc123"
    assert "lowered only" in doc["policy"].lower() or "lower a floor only" in doc["policy"].lower()
