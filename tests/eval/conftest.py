"""Shared helpers for the evaluation tests.

The evaluation sets are read from ``../shared/eval`` beside the repository root
(never copied into the repository); tests that need one skip, naming the missing
folder, when it is absent.  Hand-made events for the label-mapping rules are
built with :func:`make_event`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contention.model import Actor, Context, Count, Event, Evidence, Labour

REPO = Path(__file__).resolve().parents[2]
EVAL_ROOT = REPO.parent / "shared" / "eval"


def _eval_dir(suite: str) -> Path:
    """The suite's data folder, or skip the test with the reason."""
    path = EVAL_ROOT / suite
    if not path.is_dir():
        pytest.skip(f"evaluation data not found: {path} (../shared/eval beside the repo)")
    return path


def _make_event(
    type_: str,
    mode: str | None = None,
    *,
    context: tuple[Context, ...] = (Context.ASSERTED,),
    source: str | None = None,
    target: str | None = None,
    fatalities: int | None = None,
    trigger: tuple[int, int] = (0, 1),
    place_span: tuple[int, int] | None = None,
) -> Event:
    actors = tuple(
        Actor(role, cls, None, cls) for role, cls in (("source", source), ("target", target)) if cls
    )
    counts: dict[str, Count | None] = {"fatalities": None}
    if fatalities is not None:
        counts["fatalities"] = Count(fatalities, fatalities, fatalities, str(fatalities))
    evidence = [Evidence("d", "type", trigger[0], trigger[1], "x" * (trigger[1] - trigger[0]))]
    if place_span is not None:
        evidence.append(Evidence("d", "place", place_span[0], place_span[1], "p"))
    return Event(
        id="e",
        doc_id="d",
        type=type_,
        mode=mode,
        context=context,
        language="en",
        date=None,
        place=None,
        actors=actors,
        counts=counts,
        issue=None,
        labour=Labour(),
        confidence=1.0,
        evidence=tuple(evidence),
    )


@pytest.fixture
def eval_dir() -> Callable[[str], Path]:
    """``eval_dir("geowebnews")`` → the data folder, or skip with the reason."""
    return _eval_dir


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """``make_event("PROTEST", "riot", source="police", ...)`` → a hand-made Event."""
    return _make_event
