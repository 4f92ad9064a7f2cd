"""The quality gate: committed floors per suite figure, checked on every CI run.

``eval/baseline.json`` holds, per suite, the ``--limit`` the floors were measured
with (so CI always scores the same fixed subset) and a floor per headline figure.
A figure below its floor fails the gate; so does a suite that could not run (no
data, or it crashed): a gate that passes because nothing was measured vouches
for nothing.

How floors move (also written in the file): raised when figures improve (run
``contention eval all --write-baseline eval/baseline.json``, which reuses the
file's limits, and commit), lowered only by an explicit commit whose message says
which figure fell and why.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contention.eval.suite import SuiteResult

POLICY = (
    "Floors sit `margin` below the figures measured on the subsets in `limits` (null = "
    "the whole set); CI runs `contention eval all --gate eval/baseline.json`, which uses "
    "these limits and fails when a figure is below its floor. Raise floors when figures "
    "improve: `contention eval all --write-baseline eval/baseline.json` (reuses these "
    "limits) and commit. Lower a floor only in an explicit commit whose message names "
    "the figure and says why it fell."
)


class BaselineError(ValueError):
    """The baseline file is malformed (the message names the key)."""


@dataclass(frozen=True, slots=True)
class Baseline:
    limits: dict[str, int | None]
    floors: dict[str, dict[str, float]]


@dataclass(frozen=True, slots=True)
class Breach:
    suite: str
    metric: str
    value: float | None  # None: the figure was not measured
    floor: float

    def describe(self) -> str:
        got = "not measured" if self.value is None else f"{self.value:.4f}"
        return f"{self.suite} {self.metric}: {got} < floor {self.floor:.4f}"


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise BaselineError(f"{path}: expected an object with 'floors'")
    limits_raw = data.get("limits") or {}
    if not isinstance(limits_raw, dict):
        raise BaselineError(f"{path}: 'limits' must be an object")
    limits: dict[str, int | None] = {}
    for k, v in limits_raw.items():
        if v is not None and (not isinstance(v, int) or v < 1):
            raise BaselineError(f"{path}: limits.{k} must be a positive integer or null")
        limits[str(k)] = v
    floors: dict[str, dict[str, float]] = {}
    for suite, per in data["floors"].items():
        if not isinstance(per, dict):
            raise BaselineError(f"{path}: floors.{suite} must be an object")
        for metric, v in per.items():
            if not isinstance(v, int | float) or isinstance(v, bool):
                raise BaselineError(f"{path}: floors.{suite}.{metric} must be a number")
        floors[str(suite)] = {str(m): float(v) for m, v in per.items()}
    return Baseline(limits, floors)


def check(results: Mapping[str, SuiteResult | None], baseline: Baseline) -> list[Breach]:
    """Every floor the results fall below (a suite missing from ``results`` breaches all)."""
    out: list[Breach] = []
    for suite, per in sorted(baseline.floors.items()):
        res = results.get(suite)
        for metric, floor in sorted(per.items()):
            value = res.metrics.get(metric) if res is not None else None
            if value is None or math.isnan(value) or value < floor:
                out.append(Breach(suite, metric, value, floor))
    return out


def floor_for(value: float, margin: float) -> float:
    """A floor ``margin`` below the measured value, rounded down to 0.01, never negative."""
    return max(0.0, math.floor((value - margin) * 100 + 1e-9) / 100)


def make_baseline(
    results: Mapping[str, SuiteResult],
    headline: Mapping[str, tuple[str, ...]],
    limits: Mapping[str, int | None],
    margin: float,
    commit: str,
) -> dict[str, Any]:
    """A baseline document: floors for each suite's headline figures from ``results``."""
    floors: dict[str, dict[str, float]] = {}
    measured: dict[str, dict[str, float]] = {}
    for suite, res in results.items():
        keys = [k for k in headline.get(suite, ()) if k in res.metrics]
        floors[suite] = {k: floor_for(res.metrics[k], margin) for k in keys}
        measured[suite] = {k: round(res.metrics[k], 4) for k in keys}
    return {
        "policy": POLICY,
        "margin": margin,
        "measured_on": dt.date.today().isoformat(),
        "measured_at_commit": commit,
        "limits": dict(limits),
        "measured": measured,
        "floors": floors,
    }
