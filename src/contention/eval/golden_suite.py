"""The project's own golden cases (``tests/golden/*.json``), per language and per field.

The cases and their scorer belong to :mod:`contention.eval.golden`; this adapter
runs every case through the real pipeline (``run_case``) and summarises:

* pass rate per language group — the file-name prefix (``en``, ``it``,
  ``bilingual``, ``feed``) and ``seed`` for ``tests/golden/seed/*.json``, whose
  article is read from ``../shared/seeds`` with the case's own publication date
  (skipped, with a note, when that folder is absent);
* expected events matched, per group;
* per-field accuracy over every expected event: for each field the expectation
  specifies (type, mode, context, place, date, counts.*, …), whether the matched
  record — or, for a missed expectation, the nearest record of its type — passes
  that field's check.  A missed expectation with no record of its type fails all
  its fields.

``--data`` names the golden folder (default ``tests/golden`` of the checkout);
``--limit N`` takes N cases.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from contention.eval.suite import SuiteDataMissing, SuiteResult, Table, repo_root, take

NAME = "golden"


def default_dir() -> Path:
    return repo_root() / "tests" / "golden"


def group_of(name: str, seed: bool = False) -> str:
    """Language group of a case: ``seed``, or its file-name prefix before the first ``_``."""
    return "seed" if seed else name.split("_", 1)[0]


def _fields(golden: Any, exp: Any) -> list[str]:
    """Field names an expectation specifies: the checks it makes against an empty record."""
    return [c.field for c in golden.check_expected(exp, {})]


def _field_results(golden: Any, result: Any) -> list[tuple[str, bool]]:
    """(field, passed) for every field of every expected event of one case result."""
    out: list[tuple[str, bool]] = []
    for m in result.matched:
        out += [(c.field, bool(c.ok)) for c in golden.check_expected(m.expected, m.record)]
    for miss in result.missed:
        checks = list(getattr(miss, "checks", ()) or ())
        if checks:
            out += [(c.field, bool(c.ok)) for c in checks]
        else:  # no record of that type at all: every specified field is wrong
            out += [(f, False) for f in _fields(golden, miss.expected)]
    return out


def run(data: Path | None = None, limit: int | None = None) -> SuiteResult:
    t0 = time.perf_counter()
    try:
        from contention.eval import golden
    except ImportError as exc:  # pragma: no cover - the module ships with the package
        raise SuiteDataMissing(f"contention.eval.golden is not available: {exc}") from exc
    folder = data or default_dir()
    if not folder.is_dir():
        raise SuiteDataMissing(f"golden folder not found: {folder}")
    cases: list[tuple[Any, bool]] = [(c, False) for c in golden.load_cases(folder)]
    notes: list[str] = []
    seed_dir = folder / "seed"
    seeds_root = repo_root().parent / "shared" / "seeds"
    if seed_dir.is_dir():
        seed_cases = golden.load_cases(seed_dir)
        if seeds_root.is_dir():
            cases += [(c, True) for c in seed_cases]
        elif seed_cases:
            notes.append(f"{len(seed_cases)} seed case(s) skipped: {seeds_root} not found")
    subset = take(cases, limit)
    per_group: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # cases, passed, exp, matched
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failed: list[str] = []
    errors = 0
    for case, is_seed in subset:
        g = per_group[group_of(case.name, is_seed)]
        g[0] += 1
        try:
            if is_seed:
                result, _ = golden.run_case(case, samples=seeds_root, published=case.published)
            else:
                result, _ = golden.run_case(case)
        except Exception as exc:  # a crashing case fails; the suite goes on
            errors += 1
            failed.append(f"{case.name}: crashed ({type(exc).__name__}: {exc})")
            g[2] += len(case.events)
            for exp in case.events:
                for f in _fields(golden, exp):
                    per_field[f][0] += 1
            continue
        g[1] += bool(result.passed)
        g[2] += len(case.events)
        g[3] += len(result.matched)
        if not result.passed:
            failed.append(result.summary().splitlines()[0])
        for f, ok in _field_results(golden, result):
            per_field[f][0] += 1
            per_field[f][1] += ok
    res = SuiteResult(NAME, n=len(subset), available=len(cases), limit=limit, unit="cases")
    total = [sum(v[i] for v in per_group.values()) for i in range(4)]
    res.metrics["pass_rate"] = total[1] / total[0] if total[0] else 0.0
    res.metrics["events_matched"] = total[3] / total[2] if total[2] else 0.0
    groups = Table(
        "Per language group", ("group", "cases", "passed", "pass rate", "events", "matched")
    )
    for name, v in sorted(per_group.items()):
        res.metrics[f"{name}.pass_rate"] = v[1] / v[0] if v[0] else 0.0
        res.metrics[f"{name}.events_matched"] = v[3] / v[2] if v[2] else 0.0
        groups.rows.append((name, v[0], v[1], res.metrics[f"{name}.pass_rate"], v[2], v[3]))
    fields = Table("Per field (expected events)", ("field", "specified", "right", "accuracy"))
    for f, v in sorted(per_field.items()):
        res.metrics[f"field.{f}"] = v[1] / v[0] if v[0] else 0.0
        fields.rows.append((f, v[0], v[1], res.metrics[f"field.{f}"]))
    res.tables = [groups, fields]
    res.notes = notes + [f"failed: {f}" for f in failed]
    res.errors = errors
    res.seconds = time.perf_counter() - t0
    return res
