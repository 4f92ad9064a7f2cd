"""The deterministic subset rule and the data-folder helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from contention.eval.suite import (
    DATA_ENV,
    SuiteDataMissing,
    SuiteResult,
    default_data_root,
    require,
    take,
)


def test_take_spreads_evenly_and_is_deterministic() -> None:
    items = list(range(10))
    assert take(items, 5) == [0, 2, 4, 6, 8]
    assert take(items, 3) == [0, 3, 6]
    assert take(items, 3) == take(items, 3)


def test_take_everything_without_limit_or_when_limit_is_large() -> None:
    assert take([1, 2, 3], None) == [1, 2, 3]
    assert take([1, 2, 3], 7) == [1, 2, 3]


def test_take_rejects_zero() -> None:
    with pytest.raises(ValueError):
        take([1, 2, 3], 0)


def test_default_data_root_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert default_data_root() == tmp_path
    monkeypatch.delenv(DATA_ENV)
    assert default_data_root().parts[-2:] == ("shared", "eval")


def test_require_names_the_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SuiteDataMissing, match="nowhere"):
        require(tmp_path / "nowhere")


def test_result_json_rounds_figures() -> None:
    res = SuiteResult("x", metrics={"f1": 0.123456}, n=2, available=3)
    out = res.as_json()
    assert out["metrics"] == {"f1": 0.1235}
    assert out["n"] == 2
