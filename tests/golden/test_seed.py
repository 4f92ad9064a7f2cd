"""The seed article, end to end: each event the project exists for, exactly once, and no trap.

The seed (``shared/seeds/000_cbb38d7a0376df9d.txt``, a bilingual English + Italian
page on the January 2022 Kazakh uprising) is read from the shared folder beside
the project and never copied into it; its expectations live in
``tests/golden/seed/000_cbb38d7a0376df9d.json`` and are scored by the same code as
the bundled samples.  The page is processed once per test session, with the
publication date fixed to 10 January 2022 (the date printed at the end of the
English half).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contention.eval.golden import (
    CaseResult,
    ExpectedEvent,
    ForbiddenEvent,
    GoldenCase,
    ProcessedSample,
    forbidden_hit,
    load_case,
    matches,
    run_case,
)

HERE = Path(__file__).parent
CASE: GoldenCase = load_case(HERE / "seed" / "000_cbb38d7a0376df9d.json")
PUBLISHED = dt.date(2022, 1, 10)


def seed_path() -> Path | None:
    """The seed in ``../shared/seeds`` beside the checkout (CI), else ``/work/shared/seeds``."""
    for root in (HERE.parents[2] / "shared", Path("/work/shared")):
        path = root / "seeds" / CASE.file
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="module")
def seed_run() -> tuple[CaseResult, ProcessedSample]:
    path = seed_path()
    if path is None:
        pytest.skip(f"seed article {CASE.file} not found in ../shared/seeds or /work/shared/seeds")
    return run_case(CASE, samples=path.parent, published=PUBLISHED)


def test_seed_is_processed_without_pipeline_errors(
    seed_run: tuple[CaseResult, ProcessedSample],
) -> None:
    result, processed = seed_run
    assert len(processed.documents) == 1
    assert processed.documents[0].published == PUBLISHED
    assert not result.pipeline_errors, result.pipeline_errors
    assert not result.evidence_errors, result.evidence_errors


@pytest.mark.parametrize("expected", CASE.events, ids=[e.label() for e in CASE.events])
def test_seed_event_reported_exactly_once(
    seed_run: tuple[CaseResult, ProcessedSample], expected: ExpectedEvent
) -> None:
    result, processed = seed_run
    texts = {d.id: d.text for d in processed.documents}
    found = [r for r in processed.records if matches(expected, r, texts)]
    matched = next((m for m in result.matched if m.expected is expected), None)
    miss = next((m for m in result.missed if m.expected is expected), None)
    assert matched is not None, miss.describe() if miss else expected.label()
    # Exactly once: the English and the Italian half tell the same events.  Records
    # claimed by another expectation do not count against this one.
    others = {m.index for m in result.matched if m.expected is not expected}
    extra = [
        r for r in found if r is not matched.record and processed.records.index(r) not in others
    ]
    assert not extra, f"{expected.label()} reported {len(extra) + 1} times ({expected.note})"


@pytest.mark.parametrize("rule", CASE.forbidden, ids=[f.why[:40] for f in CASE.forbidden])
def test_seed_trap_avoided(
    seed_run: tuple[CaseResult, ProcessedSample], rule: ForbiddenEvent
) -> None:
    _, processed = seed_run
    texts = {d.id: d.text for d in processed.documents}
    hits = [r for r in processed.records if forbidden_hit(rule, r, texts)]
    assert not hits, f"{rule.why}: {[(r['type'], r['mode'], r['place']) for r in hits]}"


def test_seed_case_passes(seed_run: tuple[CaseResult, ProcessedSample]) -> None:
    result, _ = seed_run
    assert result.passed, result.summary()
