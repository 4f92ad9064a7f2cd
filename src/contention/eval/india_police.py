"""IndiaPoliceEvents: does a sentence / document report police ARREST, FORCE, KILL?

Data: ``docs.jsonl`` (doc_id, doc_text, doc_labels), ``sents.jsonl`` (doc_id,
sent_id, sent_text, sent_labels) and ``metadata.jsonl`` (doc_id or docid, date).  Each
document is processed once, as a whole, with its metadata date as publication
date; each gold sentence is located in the document text in order (its offsets
bound the sentence), and an event is credited to every gold sentence holding one
of its trigger words.  A document's labels are the union of its sentences'.

Labels from the events that count (asserted or historical):

* ``ARREST`` — COERCE with mode ``arrest`` (whoever the source: arrests are made by
  police by definition);
* ``FORCE`` — an ASSAULT, or a COERCE ``disperse``, whose source is a state force
  (police, security forces, military);
* ``KILL`` — a state-force ASSAULT with mode ``kill`` or a fatality count above
  zero.  A shooting without a reported death is FORCE only.  KILL implies FORCE,
  as it does in the gold questions ("did police use force" covers killing).

``--limit N`` takes N documents (with all their sentences).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from contention.eval import metrics
from contention.eval.engine import Engine, by_state_forces, counted, fatalities, trigger_spans
from contention.eval.suite import SuiteResult, Table, require, take
from contention.model import Event

NAME = "india-police-events"
LABELS = ("ARREST", "FORCE", "KILL")


def event_labels(event: Event) -> set[str]:
    """The IndiaPoliceEvents labels one counted event supports (rules in the module doc)."""
    out: set[str] = set()
    if event.type == "COERCE" and event.mode == "arrest":
        out.add("ARREST")
    state = by_state_forces(event)
    if state and (event.type == "ASSAULT" or (event.type == "COERCE" and event.mode == "disperse")):
        out.add("FORCE")
    if state and event.type == "ASSAULT" and (event.mode == "kill" or fatalities(event) > 0):
        out.update({"KILL", "FORCE"})
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with require(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sentence_bounds(doc_text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each gold sentence in the document, searched in order.

    The gold sentences were cut from the document text, so each is found at or
    after the end of the previous one (whitespace-stripped); a sentence that cannot
    be found gets None and simply receives no events.
    """
    out: list[tuple[int, int] | None] = []
    pos = 0
    for s in sentences:
        needle = s.strip()
        if not needle:
            out.append(None)
            continue
        i = doc_text.find(needle, pos)
        if i < 0:
            out.append(None)
            continue
        out.append((i, i + len(needle)))
        pos = i + len(needle)
    return out


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def run(data: Path, limit: int | None = None) -> SuiteResult:
    t0 = time.perf_counter()
    docs = _jsonl(data / "docs.jsonl")
    sents = _jsonl(data / "sents.jsonl")
    dates = {
        m.get("doc_id", m.get("docid")): _date(m.get("date"))
        for m in _jsonl(data / "metadata.jsonl")
    }
    by_doc: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for s in sents:
        by_doc[s["doc_id"]].append(s)
    subset = take(docs, limit)
    engine = Engine()
    s_gold: list[set[str]] = []
    s_pred: list[set[str]] = []
    d_gold: list[set[str]] = []
    d_pred: list[set[str]] = []
    unplaced = 0
    for d in subset:
        text: str = d["doc_text"]
        doc_sents = sorted(by_doc.get(d["doc_id"], []), key=lambda s: s["sent_id"])
        bounds = sentence_bounds(text, [s["sent_text"] for s in doc_sents])
        unplaced += sum(1 for b in bounds if b is None)
        events = counted(
            engine.events(text, url=f"ipe:{d['doc_id']}", published=dates.get(d["doc_id"]))
        )
        preds: list[set[str]] = [set() for _ in doc_sents]
        for ev in events:
            labels = event_labels(ev)
            if not labels:
                continue
            for start, _end in trigger_spans(ev):
                for k, b in enumerate(bounds):
                    if b is not None and b[0] <= start < b[1]:
                        preds[k] |= labels
        for s, p in zip(doc_sents, preds, strict=True):
            s_gold.append(set(s["sent_labels"]) & set(LABELS))
            s_pred.append(p)
        d_gold.append(set(d["doc_labels"]) & set(LABELS))
        d_pred.append(set().union(*preds) if preds else set())
    sent_scores = metrics.per_label_sets(s_gold, s_pred, LABELS)
    doc_scores = metrics.per_label_sets(d_gold, d_pred, LABELS)
    res = SuiteResult(NAME, n=len(subset), available=len(docs), limit=limit, unit="documents")
    table = Table("Per label", ("level", "label", "P", "R", "F1", "gold", "predicted"))
    for level, scores in (("sentence", sent_scores), ("document", doc_scores)):
        for label, sc in scores.items():
            res.metrics[f"{level}.{label}.p"] = sc.precision
            res.metrics[f"{level}.{label}.r"] = sc.recall
            res.metrics[f"{level}.{label}.f1"] = sc.f1
            table.rows.append(
                (level, label, sc.precision, sc.recall, sc.f1, sc.support, sc.tp + sc.fp)
            )
        res.metrics[f"{level}.macro_f1"] = metrics.macro_f1(scores)
    res.tables = [table]
    res.notes = [f"{len(s_gold)} sentences in {len(subset)} documents"]
    if unplaced:
        res.notes.append(f"{unplaced} gold sentences not found in their document text")
    res.notes += engine.note()
    res.errors = engine.errors
    res.seconds = time.perf_counter() - t0
    return res
