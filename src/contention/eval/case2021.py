"""CASE 2021 Task 2: ACLED sub-event type of a short event description.

Data: ``test_set_final_release_with_labels.tsv`` (columns id, EventSnippet, SubType).
Each snippet goes through the engine alone (no publication date); the events that
count (see :mod:`contention.eval.engine`) are mapped to one label by the first rule
that fires, in this order:

1. ``FORCE_AGAINST_PROTEST`` — an ASSAULT whose source is a state force (police,
   security forces, military) and whose target is a protesting group, or any
   state-force ASSAULT in a snippet that also reports a PROTEST;
2. ``VIOL_DEMONSTR`` — a PROTEST with mode ``riot``;
3. ``PROTEST_WITH_INTER`` — a PROTEST together with a COERCE ``disperse`` or
   ``arrest`` (ACLED: a protest that forces try to disperse or suppress);
4. ``PEACE_PROTEST`` — any other PROTEST;
5. ``MOB_VIOL`` — an ASSAULT whose source is a crowd or civilians;
6. ``ARREST`` — a COERCE ``arrest``;
7. ``OTHER`` — anything else, including no event at all.

Gold labels outside the six protest/repression labels become ``OTHER``.  Reported:
per-label P/R/F1 for the six and OTHER; macro and weighted F1 over the six
(``macro_f1``, ``weighted_f1``: the protest/repression figures) and over all seven;
micro F1 over the six (a protest snippet labelled OTHER is a miss, an OTHER snippet
labelled PEACE_PROTEST a false alarm) and accuracy over all seven.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

from contention.eval import metrics
from contention.eval.engine import (
    CROWDS,
    PROTESTERS,
    Engine,
    by_state_forces,
    counted,
    source_classes,
    target_classes,
)
from contention.eval.suite import SuiteResult, Table, require, take
from contention.model import Event

NAME = "case2021-task2"
FILE = "test_set_final_release_with_labels.tsv"
SIX = (
    "PEACE_PROTEST",
    "VIOL_DEMONSTR",
    "PROTEST_WITH_INTER",
    "FORCE_AGAINST_PROTEST",
    "MOB_VIOL",
    "ARREST",
)
OTHER = "OTHER"
LABELS = (*SIX, OTHER)


def label_events(events: Sequence[Event]) -> str:
    """The ACLED sub-event label of a snippet from its coded events (rules in the module doc)."""
    evs = counted(events)
    protests = [e for e in evs if e.type == "PROTEST"]
    assaults = [e for e in evs if e.type == "ASSAULT"]
    coerce_modes = {e.mode for e in evs if e.type == "COERCE"}
    for a in assaults:
        if by_state_forces(a) and (protests or target_classes(a) & PROTESTERS):
            return "FORCE_AGAINST_PROTEST"
    if any(p.mode == "riot" for p in protests):
        return "VIOL_DEMONSTR"
    if protests and coerce_modes & {"disperse", "arrest"}:
        return "PROTEST_WITH_INTER"
    if protests:
        return "PEACE_PROTEST"
    if any(source_classes(a) & CROWDS for a in assaults):
        return "MOB_VIOL"
    if "arrest" in coerce_modes:
        return "ARREST"
    return OTHER


def gold_label(raw: str) -> str:
    label = raw.strip()
    return label if label in SIX else OTHER


def load(data: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, raw gold label) rows in file order."""
    path = require(data / FILE)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError(f"{path}: unexpected header {header}")
        return [(r[0], r[1], r[2]) for r in reader if len(r) >= 3]


def run(data: Path, limit: int | None = None) -> SuiteResult:
    t0 = time.perf_counter()
    rows = load(data)
    subset = take(rows, limit)
    engine = Engine()
    gold: list[str] = []
    pred: list[str] = []
    for rid, snippet, raw in subset:
        gold.append(gold_label(raw))
        pred.append(label_events(engine.events(snippet, url=f"case2021:{rid}")))
    scores = metrics.per_label(gold, pred, LABELS)
    six = {k: v for k, v in scores.items() if k in SIX}
    res = SuiteResult(NAME, n=len(subset), available=len(rows), limit=limit, unit="snippets")
    res.metrics = {
        "macro_f1": metrics.macro_f1(six),
        "weighted_f1": metrics.weighted_f1(six),
        "micro_f1": metrics.micro(six).f1,
        "micro_p": metrics.micro(six).precision,
        "micro_r": metrics.micro(six).recall,
        "macro_f1_all7": metrics.macro_f1(scores),
        "weighted_f1_all7": metrics.weighted_f1(scores),
        "accuracy_all7": metrics.accuracy(gold, pred),
    }
    for label, s in scores.items():
        res.metrics[f"{label}.f1"] = s.f1
    table = Table("Per label", ("label", "P", "R", "F1", "gold", "predicted"))
    for label, s in scores.items():
        table.rows.append((label, s.precision, s.recall, s.f1, s.support, s.tp + s.fp))
    confusion = Table("Confusion (rows gold, columns predicted)", ("gold \\ pred", *LABELS))
    for g in LABELS:
        confusion.rows.append(
            (
                g,
                *(
                    sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == p)
                    for p in LABELS
                ),
            )
        )
    res.tables = [table, confusion]
    res.errors = engine.errors
    res.notes = engine.note()
    res.seconds = time.perf_counter() - t0
    return res
