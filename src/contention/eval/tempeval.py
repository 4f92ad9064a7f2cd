"""TempEval-3 platinum: time-expression recognition and normalisation.

Data: ``te3-platinum/*.tml`` (TimeML).  The document text is the content of the
``<TEXT>`` element with every tag removed; the gold TIMEX3 spans are the
character intervals their elements cover in that text.  The document creation
time (the ``<DCT>`` TIMEX3 value) is the publication date the dates annotator
resolves against.  Our mentions come from :func:`find_dates` on the segmented
text, and their value from :func:`timex_value`.

Figures, following the TempEval-3 definitions:

* strict P/R/F1 — same start and end;
* relaxed P/R/F1 — overlapping spans (one-to-one);
* value accuracy — share of relaxed matches whose value equals the gold value
  (string equality of the ISO/TimeML value);
* value F1 — relaxed matches with the right value, as precision over our
  mentions and recall over the gold ones (TempEval-3's attribute F1).

Our annotator looks for dates (calendar points and periods) only; gold DURATION
and SET expressions ("a month", "each season") are in the gold and count as
misses.  ``--limit N`` takes N documents.
"""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from contention.eval import metrics
from contention.eval.suite import SuiteDataMissing, SuiteResult, Table, take

NAME = "tempeval3-platinum"
SUBDIR = "te3-platinum"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def _flatten(el: ET.Element, parts: list[str], timexes: list[GoldTimex], pos: int) -> int:
    """Append ``el``'s text content to ``parts`` and record TIMEX3 spans; return the new offset."""
    start = pos
    if el.text:
        parts.append(el.text)
        pos += len(el.text)
    for child in el:
        pos = _flatten(child, parts, timexes, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if el.tag == "TIMEX3":
        timexes.append(GoldTimex(start, pos, el.get("type", ""), el.get("value", "")))
    return pos


def _dct(root: ET.Element) -> dt.date | None:
    dct = root.find("DCT")
    timex = dct.find("TIMEX3") if dct is not None else None
    value = timex.get("value", "") if timex is not None else ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_tml(path: Path) -> TimeMLDoc:
    root = ET.parse(path).getroot()
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    if body is not None:
        _flatten(body, parts, timexes, 0)
    # the TEXT element itself is not a TIMEX3, so every recorded span is a real one
    return TimeMLDoc(
        path.stem, "".join(parts), _dct(root), tuple(sorted(timexes, key=lambda t: t.start))
    )


def load(data: Path) -> list[TimeMLDoc]:
    folder = data / SUBDIR if (data / SUBDIR).is_dir() else data
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise SuiteDataMissing(f"evaluation data not found: no .tml files in {folder}")
    return [parse_tml(p) for p in files]


def run(data: Path, limit: int | None = None) -> SuiteResult:
    from contention.annotate.dates import find_dates, timex_value
    from contention.segment.sentences import segment

    t0 = time.perf_counter()
    docs = load(data)
    subset = take(docs, limit)
    strict = metrics.PRF(0, 0, 0)
    relaxed = metrics.PRF(0, 0, 0)
    value_ok = 0
    by_type: dict[str, list[int]] = {}
    failures = 0
    for doc in subset:
        try:
            found = find_dates(doc.text, segment(doc.text), doc.dct)
            values = [timex_value(m) for m in found]
        except Exception:  # one bad document is scored as "nothing found"
            failures += 1
            found, values = [], []
        gold = [(g.start, g.end) for g in doc.timexes]
        pred = [(m.span.start, m.span.end) for m in found]
        strict = strict + metrics.span_prf(gold, pred, exact=True)
        pairs = metrics.match_spans(gold, pred, exact=False)
        relaxed = relaxed + metrics.PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        matched = dict(pairs)
        for gi, g in enumerate(doc.timexes):
            row = by_type.setdefault(g.type, [0, 0, 0])
            row[0] += 1
            if gi in matched:
                row[1] += 1
                if values[matched[gi]] == g.value:
                    row[2] += 1
                    value_ok += 1
    value = metrics.PRF(value_ok, relaxed.tp + relaxed.fp - value_ok, relaxed.support - value_ok)
    res = SuiteResult(NAME, n=len(subset), available=len(docs), limit=limit, unit="documents")
    res.metrics = {
        "strict.p": strict.precision,
        "strict.r": strict.recall,
        "strict.f1": strict.f1,
        "relaxed.p": relaxed.precision,
        "relaxed.r": relaxed.recall,
        "relaxed.f1": relaxed.f1,
        "value_accuracy": value_ok / relaxed.tp if relaxed.tp else 0.0,
        "value.f1": value.f1,
    }
    res.tables = [
        Table(
            "Recognition and value",
            ("figure", "P", "R", "F1"),
            [
                ("strict span", strict.precision, strict.recall, strict.f1),
                ("relaxed span", relaxed.precision, relaxed.recall, relaxed.f1),
                ("relaxed span + value", value.precision, value.recall, value.f1),
            ],
        ),
        Table(
            "By gold TIMEX3 type",
            ("type", "gold", "recognised (relaxed)", "value right"),
            [(k, *v) for k, v in sorted(by_type.items())],
        ),
    ]
    res.notes = [f"{strict.support} gold TIMEX3, {strict.tp + strict.fp} predicted"]
    res.errors = failures
    res.seconds = time.perf_counter() - t0
    return res
