"""The `eval` command: limits, JSON on the last line, the gate's exit code, missing data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from contention.cli.eval_cmd import eval_cmd, parse_limits

SUITES = ["case2021-task2", "geowebnews"]


def test_parse_limits() -> None:
    assert parse_limits((), SUITES) == {"case2021-task2": None, "geowebnews": None}
    assert parse_limits(("5",), SUITES) == {"case2021-task2": 5, "geowebnews": 5}
    assert parse_limits(("5", "geowebnews=2"), SUITES) == {"case2021-task2": 5, "geowebnews": 2}
    assert parse_limits(("geowebnews=2", "5"), SUITES) == {"case2021-task2": 5, "geowebnews": 2}
    for bad in ("x", "0", "nosuch=3"):
        with pytest.raises(click.BadParameter):
            parse_limits((bad,), SUITES)


def test_json_is_the_last_line(eval_dir: Callable[[str], Path]) -> None:
    data = eval_dir("tempeval3-platinum")
    result = CliRunner().invoke(
        eval_cmd, ["tempeval3-platinum", "--data", str(data), "--limit", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert last["suite"] == "tempeval3-platinum"
    assert last["n"] == 2
    assert "relaxed.f1" in last["metrics"]


def test_gate_fails_below_floor(eval_dir: Callable[[str], Path], tmp_path: Path) -> None:
    data = eval_dir("tempeval3-platinum")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(
        json.dumps(
            {
                "limits": {"tempeval3-platinum": 2},
                "floors": {"tempeval3-platinum": {"relaxed.f1": 1.01}},
            }
        ),
        encoding="utf-8",
    )
    args = ["tempeval3-platinum", "--data", str(data), "--gate", str(baseline), "--json"]
    result = CliRunner().invoke(eval_cmd, args)
    assert result.exit_code == 1
    assert "GATE FAIL tempeval3-platinum relaxed.f1" in result.stderr
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert last["n"] == 2  # the baseline's limit applies when --limit is not given
    assert last["gate"]["passed"] is False

    baseline.write_text(
        json.dumps(
            {
                "limits": {"tempeval3-platinum": 2},
                "floors": {"tempeval3-platinum": {"relaxed.f1": 0.0}},
            }
        ),
        encoding="utf-8",
    )
    assert CliRunner().invoke(eval_cmd, args).exit_code == 0


def test_missing_data_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_cmd, ["geowebnews", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert "evaluation data not found" in result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["failed"]


def test_unknown_suite_is_a_usage_error() -> None:
    assert CliRunner().invoke(eval_cmd, ["nosuch"]).exit_code == 2


def test_write_baseline(eval_dir: Callable[[str], Path], tmp_path: Path) -> None:
    data = eval_dir("tempeval3-platinum")
    out = tmp_path / "b.json"
    args = ["tempeval3-platinum", "--data", str(data), "--limit", "2", "--write-baseline", str(out)]
    result = CliRunner().invoke(eval_cmd, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["limits"] == {"tempeval3-platinum": 2}
    assert set(doc["floors"]["tempeval3-platinum"]) == {
        "strict.f1",
        "relaxed.f1",
        "value.f1",
        "value_accuracy",
    }


def test_rewriting_a_baseline_keeps_its_limits(
    eval_dir: Callable[[str], Path], tmp_path: Path
) -> None:
    data = eval_dir("tempeval3-platinum")
    out = tmp_path / "b.json"
    out.write_text(
        json.dumps({"limits": {"tempeval3-platinum": 3}, "floors": {}}), encoding="utf-8"
    )
    args = ["tempeval3-platinum", "--data", str(data), "--write-baseline", str(out), "--json"]
    result = CliRunner().invoke(eval_cmd, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["n"] == 3
    assert json.loads(out.read_text(encoding="utf-8"))["limits"] == {"tempeval3-platinum": 3}


def test_a_suite_where_every_case_crashes_fails(
    eval_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import contention.pipeline.core as core

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("broken resource file")

    monkeypatch.setattr(core, "process_text", broken)
    data = eval_dir("case2021-task2")
    result = CliRunner().invoke(eval_cmd, ["case2021-task2", "--data", str(data), "--limit", "3"])
    assert result.exit_code == 1
    assert "engine failed on every case" in result.stderr
    assert "broken resource file" in result.stderr
