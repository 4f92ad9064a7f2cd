"""UniversalPetrarch validation sets: PLOVER event type per sentence (Spanish and English).

Data: ``*.normalized.jsonl`` (id, date YYYYMMDD, lang, text, evaluate, events[{code,
root, plover, ...}]).  Records with ``evaluate == "false"`` are skipped.  A record's
gold types are each event's ``plover`` field, or, where that is empty, its CAMEO
root mapped by :data:`CAMEO_TO_PLOVER` (fight and mass violence fold into ASSAULT,
as PLOVER does).  Predicted types are those of the events that count.

Only our six PLOVER types are scored (per type P/R/F1 over sentences, and pooled
micro F1 over the six); gold types outside them (DEMAND, REJECT, …) are listed
but neither rewarded nor penalised.  Each file is one set; ``--limit N`` takes N
records from each file.

Two diagnostics explain the PROTEST figure without changing it.  The Spanish
protest set labels many demonstrations and strikes MOBILIZE, which the PLOVER
codebook keeps for military and police moves, and annotates one salient event
per sentence; so each PROTEST false positive is filed by the gold label on the
very words of our trigger ("gold MOBILIZE on the same words", "gold ASSAULT …")
or as "no gold event on these words".  ``protest_or_mobilize`` scores the two
types as one class, the view in which that labelling choice does not matter.
It is reported beside, never instead of, the per-type PROTEST F1.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from contention.eval import metrics
from contention.eval.engine import Engine, counted, trigger_spans
from contention.eval.suite import (
    SuiteDataMissing,
    SuiteResult,
    Table,
    prf_row,
    score_label_sets,
    take,
)
from contention.events.ontology import TYPES

NAME = "universalpetrarch"
FILES = {
    "es_protest": "spanish_protest_plover_validation.normalized.jsonl",
    "es_fight": "spanish_fight_reduced_181227v2_validation.normalized.jsonl",
    "es_1018": "spanish_validation_1018_noaccent.normalized.jsonl",
    "en_petr2": "PETR2_GSR_validation.normalized.jsonl",
}
# CAMEO root → PLOVER type (PLOVER codebook's correspondence at the root level).
CAMEO_TO_PLOVER = {
    "01": "OTHER_STATEMENT",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}


def gold_label(event: dict[str, Any]) -> str | None:
    """A gold event's PLOVER type: its ``plover`` field, else its mapped CAMEO root."""
    plover = event.get("plover")
    if plover:
        return str(plover).upper()
    root = str(event.get("root") or event.get("code") or "")[:2]
    return CAMEO_TO_PLOVER.get(root)


def gold_types(record: dict[str, Any]) -> set[str]:
    return {t for e in record.get("events") or [] if (t := gold_label(e)) is not None}


def gold_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Character spans of the gold events' words in the record's text, with their type.

    The gold stores the words, not offsets; a phrase is found by its first
    occurrence (HTML entities such as ``&quot;`` decoded).  Phrases that do not
    occur verbatim are left out.
    """
    text = record["text"]
    out: list[tuple[int, int, str]] = []
    for e in record.get("events") or []:
        words = html.unescape(str(e.get("event_text") or "")).strip()
        at = text.find(words) if words else -1
        if at < 0 and words:
            at = html.unescape(text).find(words)
        if at >= 0:
            out.append((at, at + len(words), gold_label(e) or "unmapped"))
    return out


def false_positive_cause(
    record: dict[str, Any], triggers: list[tuple[int, int]], type_: str = "PROTEST"
) -> str:
    """Why a predicted ``type_`` is absent from the gold: the gold label on its words."""
    for start, end, label in gold_spans(record):
        if any(s < end and start < e for s, e in triggers):
            return f"gold {label} on the same words"
    return "no gold event on these words"


def _date(raw: object) -> dt.date | None:
    try:
        return dt.datetime.strptime(str(raw), "%Y%m%d").date()
    except ValueError:
        return None


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    return [r for r in recs if str(r.get("evaluate", "true")).lower() != "false"]


def run(data: Path, limit: int | None = None) -> SuiteResult:
    t0 = time.perf_counter()
    present = {k: data / f for k, f in FILES.items() if (data / f).exists()}
    if not present:
        raise SuiteDataMissing(
            f"evaluation data not found: {data} (none of {list(FILES.values())})"
        )
    engine = Engine()
    res = SuiteResult(NAME, limit=limit, unit="sentences")
    table = Table("Per set and type", ("set", "type", "P", "R", "F1", "gold", "predicted"))
    outside = Table("Gold types outside our ontology (not scored)", ("set", "types"))
    causes_table = Table(
        "Our PROTEST false positives, by the gold label on the same words",
        ("set", "cause", "sentences"),
    )
    for key, path in present.items():
        recs = load(path)
        subset = take(recs, limit)
        res.available += len(recs)
        res.n += len(subset)
        gold: list[set[str]] = []
        pred: list[set[str]] = []
        other: Counter[str] = Counter()
        causes: Counter[str] = Counter()
        for r in subset:
            g = gold_types(r)
            other.update(t for t in g if t not in TYPES)
            gold.append(g & set(TYPES))
            evs = counted(
                engine.events(r["text"], url=f"upetr:{r['id']}", published=_date(r.get("date")))
            )
            pred.append({e.type for e in evs})
            if "PROTEST" in pred[-1] and "PROTEST" not in g:
                spans = [sp for e in evs if e.type == "PROTEST" for sp in trigger_spans(e)]
                causes[false_positive_cause(r, spans)] += 1
        merged = metrics.per_label_sets(
            [{"PROTEST"} if x & {"PROTEST", "MOBILIZE"} else set() for x in gold],
            [{"PROTEST"} if x & {"PROTEST", "MOBILIZE"} else set() for x in pred],
            ("PROTEST",),
        )["PROTEST"]
        res.metrics[f"{key}.protest_or_mobilize.f1"] = merged.f1
        table.rows.append(prf_row(key, "PROTEST or MOBILIZE (one class)", merged))
        for cause, n in causes.most_common():
            causes_table.rows.append((key, cause, n))
        score_label_sets(res, table, key, gold, pred, TYPES, only_seen=True)
        outside.rows.append((key, ", ".join(f"{t} {n}" for t, n in other.most_common())))
    res.tables = [table, causes_table, outside]
    res.errors = engine.errors
    res.notes = engine.note()
    res.seconds = time.perf_counter() - t0
    return res
