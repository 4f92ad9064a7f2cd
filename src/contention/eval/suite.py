"""What every evaluation suite returns, the deterministic subset rule, and the data folder.

A suite adapter is a function ``run(data: Path, limit: int | None) -> SuiteResult``.
It reads one folder of ``../shared/eval/``, runs the real engine on it and returns
flat, named figures (``metrics``: what the gate and ``--json`` see) plus readable
tables for ``docs/evaluation.md``.  Adapters never raise for one bad case: a case
the engine fails on is scored as "nothing found" and counted in ``errors``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

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
