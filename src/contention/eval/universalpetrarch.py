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
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from contention.eval import metrics
from contention.eval.engine import Engine, counted
from contention.eval.suite import SuiteDataMissing, SuiteResult, Table, take
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


def gold_types(record: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for e in record.get("events") or []:
        plover = e.get("plover")
        if plover:
            out.add(str(plover).upper())
            continue
        root = str(e.get("root") or e.get("code") or "")[:2]
        if root in CAMEO_TO_PLOVER:
            out.add(CAMEO_TO_PLOVER[root])
    return out


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
    for key, path in present.items():
        recs = load(path)
        subset = take(recs, limit)
        res.available += len(recs)
        res.n += len(subset)
        gold: list[set[str]] = []
        pred: list[set[str]] = []
        other: Counter[str] = Counter()
        for r in subset:
            g = gold_types(r)
            other.update(t for t in g if t not in TYPES)
            gold.append(g & set(TYPES))
            evs = counted(
                engine.events(r["text"], url=f"upetr:{r['id']}", published=_date(r.get("date")))
            )
            pred.append({e.type for e in evs})
        scores = metrics.per_label_sets(gold, pred, TYPES)
        pooled = metrics.micro(scores)
        res.metrics[f"{key}.micro_f1"] = pooled.f1
        res.metrics[f"{key}.micro_p"] = pooled.precision
        res.metrics[f"{key}.micro_r"] = pooled.recall
        for t, s in scores.items():
            if s.support or s.fp:
                res.metrics[f"{key}.{t}.f1"] = s.f1
                table.rows.append((key, t, s.precision, s.recall, s.f1, s.support, s.tp + s.fp))
        table.rows.append(
            (
                key,
                "micro (6 types)",
                pooled.precision,
                pooled.recall,
                pooled.f1,
                pooled.support,
                pooled.tp + pooled.fp,
            )
        )
        outside.rows.append((key, ", ".join(f"{t} {n}" for t, n in other.most_common())))
    res.tables = [table, outside]
    res.errors = engine.errors
    res.notes = engine.note()
    res.seconds = time.perf_counter() - t0
    return res
