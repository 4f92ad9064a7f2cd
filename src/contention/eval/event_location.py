"""Event location (Halterman 2019): which place did the given event verb happen at?

Data: ``gold_RELABEL.jsonl`` — one sentence a line with ``spans`` labelled VERB
(one per record) and LOCATION (zero or more: the place(s) of that event; none
means the sentence does not say where it happened).

Offsets in the file come in two styles.  VERB spans are character offsets.  A
LOCATION span is character-based unless its ``start``/``end`` equal its
``token_start``/``token_end`` and ``text[start:end]`` is not its ``text``: then
they are token indices, and the span is found as the occurrence of its ``text``
whose position (in whitespace/punctuation tokens) is nearest the token index.

Prediction, per record (the sentence is processed alone, no publication date):

1. the first counted-or-not event whose trigger overlaps the verb: its place
   evidence span, or *none* if the engine gave it no place;
2. otherwise the place mention (:func:`find_places`) nearest the verb in the
   sentence, or *none* when there is no place mention.

A prediction is right when it is none and the gold has no location, or when it
overlaps a gold location span (a place with no evidence span in the text is
compared by name).  Also reported: accuracy split by gold location present /
absent, and ``event_only`` — the same without step 2 (what the engine alone says).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contention.eval import metrics
from contention.eval.engine import Engine
from contention.eval.suite import SuiteResult, Table, require, take
from contention.model import Event

NAME = "event-location"
FILE = "gold_RELABEL.jsonl"
_TOKEN = re.compile(r"\w+|[^\w\s]")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Case:
    ident: str
    text: str
    verb: Span
    locations: tuple[Span, ...]


def _token_span(text: str, surface: str, token_index: int) -> Span | None:
    """The occurrence of ``surface`` whose token position is nearest ``token_index``."""
    starts = [m.start() for m in _TOKEN.finditer(text)]
    best: tuple[int, int] | None = None
    for m in re.finditer(re.escape(surface), text):
        tok = sum(1 for s in starts if s < m.start())
        dist = abs(tok - token_index)
        if best is None or dist < best[0]:
            best = (dist, m.start())
    return (best[1], best[1] + len(surface)) if best is not None else None


def location_span(text: str, span: dict[str, Any]) -> Span | None:
    """Character span of one gold LOCATION (see the module doc for the two styles)."""
    start, end = int(span["start"]), int(span["end"])
    surface = span.get("text")
    if surface is None:
        return (start, end) if 0 <= start < end <= len(text) else None
    if text[start:end] == surface:
        return (start, end)
    return _token_span(text, str(surface), int(span.get("token_start", start)))


def parse(record: dict[str, Any]) -> Case | None:
    """A case from one JSON line, or None when it has no VERB span."""
    text = str(record.get("text", ""))
    verb: Span | None = None
    locs: list[Span] = []
    for s in record.get("spans") or []:
        if s.get("label") == "VERB" and verb is None:
            verb = (int(s["start"]), int(s["end"]))
        elif s.get("label") == "LOCATION":
            loc = location_span(text, s)
            if loc is not None:
                locs.append(loc)
    if verb is None:
        return None
    return Case(str(record.get("_id", "")).strip(), text, verb, tuple(locs))


def load(data: Path) -> tuple[list[Case], int]:
    """Usable cases and the number of records read."""
    with require(data / FILE).open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    cases = [c for c in (parse(r) for r in recs) if c is not None]
    return cases, len(recs)


def _event_place(text: str, ev: Event) -> Span | str | None:
    """The event's place as a text span, else its name, else None (no place)."""
    if ev.place is None:
        return None
    for e in ev.evidence:
        if e.field == "place":
            return (e.start, e.end)
    return ev.place.name


def _right(pred: Span | str | None, case: Case) -> bool:
    if pred is None:
        return not case.locations
    if isinstance(pred, str):
        name = pred.casefold()
        return any(
            name in case.text[s:e].casefold() or case.text[s:e].casefold() in name
            for s, e in case.locations
        )
    return any(metrics.overlaps(pred, loc) for loc in case.locations)


def _distance(a: Span, b: Span) -> int:
    return 0 if metrics.overlaps(a, b) else min(abs(a[0] - b[1]), abs(b[0] - a[1]))


def run(data: Path, limit: int | None = None) -> SuiteResult:
    from contention.annotate.places import find_places
    from contention.segment.sentences import segment

    t0 = time.perf_counter()
    cases, available = load(data)
    subset = take(cases, limit)
    engine = Engine()
    right = right_event_only = 0
    with_loc = [0, 0]  # cases, right
    without_loc = [0, 0]
    source = {"event": 0, "nearest place": 0, "none": 0}
    for case in subset:
        result = engine.run(case.text, url=f"evloc:{case.ident}")
        events = list(result.events) if result is not None else []
        hit = next(
            (
                ev
                for ev in events
                if any(
                    metrics.overlaps((e.start, e.end), case.verb)
                    for e in ev.evidence
                    if e.field == "type"
                )
            ),
            None,
        )
        pred: Span | str | None
        if hit is not None:
            pred = _event_place(case.text, hit)
            event_pred = pred
            source["event"] += 1
        else:
            event_pred = None
            try:
                sentences = result.sentences if result is not None else segment(case.text)
                places = find_places(case.text, sentences)
            except Exception:
                places = []
            spans = [(p.span.start, p.span.end) for p in places]
            pred = min(spans, key=lambda s: (_distance(s, case.verb), s[0])) if spans else None
            source["nearest place" if pred is not None else "none"] += 1
        ok = _right(pred, case)
        right += ok
        right_event_only += _right(event_pred, case)
        bucket = with_loc if case.locations else without_loc
        bucket[0] += 1
        bucket[1] += ok
    n = len(subset)
    res = SuiteResult(NAME, n=n, available=available, limit=limit, unit="verbs")
    res.metrics = {
        "accuracy": right / n if n else 0.0,
        "accuracy_with_gold_location": with_loc[1] / with_loc[0] if with_loc[0] else 0.0,
        "accuracy_no_gold_location": without_loc[1] / without_loc[0] if without_loc[0] else 0.0,
        "event_only.accuracy": right_event_only / n if n else 0.0,
    }
    res.tables = [
        Table(
            "Accuracy",
            ("cases", "n", "right", "accuracy"),
            [
                ("all", n, right, res.metrics["accuracy"]),
                (
                    "gold has a location",
                    with_loc[0],
                    with_loc[1],
                    res.metrics["accuracy_with_gold_location"],
                ),
                (
                    "gold has none",
                    without_loc[0],
                    without_loc[1],
                    res.metrics["accuracy_no_gold_location"],
                ),
                (
                    "engine events only (no nearest-place fallback)",
                    n,
                    right_event_only,
                    res.metrics["event_only.accuracy"],
                ),
            ],
        ),
        Table("Where the prediction came from", ("source", "cases"), list(source.items())),
    ]
    res.notes = [f"{available - len(cases)} record(s) without a VERB span skipped"]
    res.notes += engine.note()
    res.errors = engine.errors
    res.seconds = time.perf_counter() - t0
    return res
