"""PLOVER event types on our own sentences, labelled by the codebook (``tests/eval_data/plover``).

Why it exists: the UniversalPetrarch Spanish protest set labels many
demonstrations and strikes MOBILIZE and diplomatic "protestó" PROTEST, against
the PLOVER codebook (MOBILIZE is for military and police moves; PROTEST for
civilians' collective dissent).  To read our Spanish PROTEST figure under the
codebook itself, these sentences were written for this project, by a writer who
did not see the lexicons, in the words journalists use: demonstrations,
strikes, blockades, occupations, riots, their repression and concessions, and
hard negatives (a government's formal protest, football, "el paro" meaning
unemployment, calls for a strike next week, cancelled marches).

Every language has its set (es 160 sentences; pt, fr, de, ru, it 100 each), each
written by a different writer.  Their first measurement (docs/evaluation.md at
commit daff02d) is the independent one.  The pt, fr, de, ru and it sets were
then used to find and fix general gaps (police deployments, releases, raids,
marches told with other verbs, cancelled-flight clauses): they are development
sets now.  The Spanish set was never looked at after its first measurement.
A second set per language, ``<code>_b.toml`` (80 sentences, en included),
was written afterwards by other writers and is scored as a blind test.

One file per language, ``<code>.toml``: ``[[case]]`` with ``text`` and ``types``
(the PLOVER types of the events the sentence tells as having happened).  Scored
per sentence and type (precision, recall, F1; pooled micro F1 over our five
contention types) on the events that count (:func:`contention.eval.engine.counted`).
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from typing import Any

from contention.eval.engine import Engine, counted
from contention.eval.suite import (
    SuiteDataMissing,
    SuiteResult,
    Table,
    repo_root,
    score_label_sets,
    take,
)

NAME = "own-plover"
TYPES = ("PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE")


def default_dir() -> Path:
    return repo_root() / "tests" / "eval_data" / "plover"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        cases: list[dict[str, Any]] = tomllib.load(fh).get("case", [])
    for c in cases:
        unknown = set(c.get("types", [])) - set(TYPES)
        if unknown:
            raise ValueError(f"{path}: unknown types {sorted(unknown)} in {c['text'][:60]!r}")
    return cases


def run(data: Path, limit: int | None = None) -> SuiteResult:
    t0 = time.perf_counter()
    files = sorted(data.glob("*.toml"))
    if not files:
        raise SuiteDataMissing(f"no <language>.toml files in {data}")
    res = SuiteResult(NAME, limit=limit, unit="sentences")
    engine = Engine()
    table = Table(
        "Per language and type", ("language", "type", "P", "R", "F1", "gold", "predicted")
    )
    for path in files:
        code = path.stem
        cases = load(path)
        subset = take(cases, limit)
        res.available += len(cases)
        res.n += len(subset)
        gold = [set(c.get("types", [])) for c in subset]
        pred = [{e.type for e in counted(engine.events(c["text"]))} & set(TYPES) for c in subset]
        score_label_sets(res, table, code, gold, pred, TYPES)
    res.tables = [table]
    res.errors = engine.errors
    res.notes = engine.note()
    res.seconds = time.perf_counter() - t0
    return res
