"""What every evaluation suite returns, the deterministic subset rule, and the data folder.

A suite adapter is a function ``run(data: Path, limit: int | None) -> SuiteResult``.
It reads one folder of ``../shared/eval/``, runs the real engine on it and returns
flat, named figures (``metrics``: what the gate and ``--json`` see) plus readable
tables for ``docs/evaluation.md``.  Adapters never raise for one bad case: a case
the engine fails on is scored as "nothing found" and counted in ``errors``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from contention.eval import metrics

T = TypeVar("T")

# Where the evaluation sets live unless --data says otherwise.
DATA_ENV = "CONTENTION_EVAL_DATA"


class SuiteDataMissing(FileNotFoundError):
    """The suite's data folder (or a file in it) is absent; the message names the path."""


@dataclass(slots=True)
class Table:
    """A small table for the report: a title, a header row and rows of cells."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[object, ...]] = field(default_factory=list)


@dataclass(slots=True)
class SuiteResult:
    """Figures of one suite run.

    ``metrics`` holds flat ``name → number`` figures, all in [0, 1] unless the name
    ends in ``_km``, ``_s`` or is a count (``n_*``); higher is better except for
    ``*_km`` and ``*_auc``.  ``n`` is the number of cases scored, ``available`` the
    number in the data, ``limit`` the ``--limit`` applied (None = all).
    """

    suite: str
    metrics: dict[str, float] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n: int = 0
    available: int = 0
    limit: int | None = None
    errors: int = 0
    seconds: float = 0.0
    unit: str = "cases"

    def as_json(self) -> dict[str, object]:
        return {
            "suite": self.suite,
            "n": self.n,
            "available": self.available,
            "unit": self.unit,
            "limit": self.limit,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "metrics": {k: _round(v) for k, v in self.metrics.items()},
        }


def _round(v: float) -> float:
    return round(v, 4) if isinstance(v, float) else v


def prf_row(key: str, label: str, s: metrics.PRF) -> tuple[object, ...]:
    """One table row: key, label, precision, recall, F1, gold count, predicted count."""
    return (key, label, s.precision, s.recall, s.f1, s.support, s.tp + s.fp)


def score_label_sets(
    res: SuiteResult,
    table: Table,
    key: str,
    gold: Sequence[Iterable[str]],
    pred: Sequence[Iterable[str]],
    labels: Sequence[str],
    *,
    only_seen: bool = False,
) -> metrics.PRF:
    """Per-label and pooled (micro) scores of one set, as ``<key>.*`` figures and table rows.

    Records ``<key>.micro_f1/_p/_r`` and ``<key>.<label>.f1``, adds a row per label
    and a "micro (N types)" row to ``table``.  ``only_seen`` leaves out labels
    neither in the gold nor predicted.
    """
    scores = metrics.per_label_sets(gold, pred, labels)
    pooled = metrics.micro(scores)
    res.metrics[f"{key}.micro_f1"] = pooled.f1
    res.metrics[f"{key}.micro_p"] = pooled.precision
    res.metrics[f"{key}.micro_r"] = pooled.recall
    for label, s in scores.items():
        if only_seen and not (s.support or s.fp):
            continue
        res.metrics[f"{key}.{label}.f1"] = s.f1
        table.rows.append(prf_row(key, label, s))
    table.rows.append(prf_row(key, f"micro ({len(labels)} types)", pooled))
    return pooled


def take(items: Sequence[T], limit: int | None) -> list[T]:
    """A fixed, deterministic subset of ``limit`` items spread evenly over the data.

    Item ``i`` of the subset is ``items[i * len(items) // limit]``: every k-th item
    when ``len(items)`` is a multiple of ``limit``, and always the first item.  Files
    are usually sorted by source or label, so spreading the sample keeps its mix
    close to the full set's, unlike taking the first N.  ``None`` or a limit at
    least ``len(items)`` returns everything; a limit below 1 is an error.
    """
    if limit is None or limit >= len(items):
        return list(items)
    if limit < 1:
        raise ValueError(f"--limit must be at least 1, got {limit}")
    return [items[i * len(items) // limit] for i in range(limit)]


def repo_root() -> Path:
    """The checkout this package was imported from (``src/contention/eval`` → root)."""
    return Path(__file__).resolve().parents[3]


def default_data_root() -> Path:
    """``$CONTENTION_EVAL_DATA``, else ``../shared/eval`` beside the repository root."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return (repo_root().parent / "shared" / "eval").resolve()


def require(path: Path) -> Path:
    """Return ``path`` if it exists, else raise :class:`SuiteDataMissing` naming it."""
    if not path.exists():
        raise SuiteDataMissing(f"evaluation data not found: {path}")
    return path
