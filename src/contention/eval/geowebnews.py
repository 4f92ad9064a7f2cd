"""GeoWebNews: toponym recognition and geocoding.

Data: ``GWN.xml`` (200 articles; ``<toponym>`` elements with character offsets,
a pragmatic type and, for the 2,601 geocoded ones, a latitude and longitude).
The gold toponyms are those with coordinates — the set the dataset's own
geocoding file lists; expressions, demonyms and non-toponyms carry none.

Each article's text is segmented and given to :func:`find_places` alone (no
events involved), with ``modifiers=True``: GeoWebNews counts toponyms used as
modifiers ("Russian troops" names Russia) among its geocoded toponyms, so the
annotator is asked for them too (the event pipeline is not: a modifier is
never an event's place).  Recognition P/R/F1 is reported twice: *exact* (same start and
end) and *overlap* (at least one shared character; one-to-one pairing, see
:func:`metrics.match_spans`).  Geocoding is scored on the overlap-matched pairs:
the share within 161 km (100 miles), median and mean error in km, and the error
AUC of Gritta et al. (0 best).  ``--limit N`` takes N articles.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from contention.eval import metrics
from contention.eval.suite import SuiteResult, Table, require, take

NAME = "geowebnews"
FILE = "GWN.xml"
KM_161 = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    kind: str


@dataclass(frozen=True, slots=True)
class Article:
    ident: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _child(el: ET.Element, tag: str) -> str | None:
    c = el.find(tag)
    return c.text if c is not None else None


def load(data: Path) -> list[Article]:
    root = ET.parse(require(data / FILE)).getroot()
    out: list[Article] = []
    for art in root.iter("article"):
        text = _child(art, "text") or ""
        tops: list[GoldToponym] = []
        for t in art.iter("toponym"):
            lat, lon = _child(t, "latitude"), _child(t, "longitude")
            if lat is None or lon is None:
                continue
            tops.append(
                GoldToponym(
                    int(_child(t, "start") or 0),
                    int(_child(t, "end") or 0),
                    _child(t, "extractedName") or "",
                    float(lat),
                    float(lon),
                    _child(t, "type") or "",
                )
            )
        out.append(Article(art.get("file", str(len(out))), text, tuple(tops)))
    return out


def run(data: Path, limit: int | None = None) -> SuiteResult:
    from contention.annotate.places import find_places
    from contention.segment.sentences import segment

    t0 = time.perf_counter()
    articles = load(data)
    subset = take(articles, limit)
    exact = metrics.PRF(0, 0, 0)
    loose = metrics.PRF(0, 0, 0)
    errors_km: list[float] = []
    by_kind: dict[str, list[int]] = {}
    failures = 0
    for art in subset:
        try:
            found = find_places(art.text, segment(art.text), modifiers=True)
        except Exception:  # one bad article is scored as "nothing found"
            failures += 1
            found = []
        gold = [(g.start, g.end) for g in art.toponyms]
        pred = [(p.span.start, p.span.end) for p in found]
        exact = exact + metrics.span_prf(gold, pred, exact=True)
        pairs = metrics.match_spans(gold, pred, exact=False)
        loose = loose + metrics.PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        matched = {gi for gi, _ in pairs}
        for gi, g in enumerate(art.toponyms):
            by_kind.setdefault(g.kind, [0, 0])[0] += 1
            by_kind[g.kind][1] += gi in matched
        for gi, pi in pairs:
            g, p = art.toponyms[gi], found[pi]
            errors_km.append(metrics.haversine_km(g.lat, g.lon, p.lat, p.lon))
    res = SuiteResult(NAME, n=len(subset), available=len(articles), limit=limit, unit="articles")
    res.metrics = {
        "exact.p": exact.precision,
        "exact.r": exact.recall,
        "exact.f1": exact.f1,
        "overlap.p": loose.precision,
        "overlap.r": loose.recall,
        "overlap.f1": loose.f1,
        "acc_161km": metrics.within(errors_km, KM_161),
        "median_km": metrics.median(errors_km),
        "mean_km": metrics.mean(errors_km),
        "error_auc": metrics.error_auc(errors_km),
        "n_geocoded": float(len(errors_km)),
    }
    res.tables = [
        Table(
            "Recognition",
            ("matching", "P", "R", "F1", "gold", "predicted"),
            [
                (
                    "exact",
                    exact.precision,
                    exact.recall,
                    exact.f1,
                    exact.support,
                    exact.tp + exact.fp,
                ),
                (
                    "overlap",
                    loose.precision,
                    loose.recall,
                    loose.f1,
                    loose.support,
                    loose.tp + loose.fp,
                ),
            ],
        ),
        Table(
            "Geocoding of recognised toponyms (overlap pairs)",
            ("pairs", "within 161 km", "median km", "mean km", "AUC"),
            [
                (
                    len(errors_km),
                    res.metrics["acc_161km"],
                    res.metrics["median_km"],
                    res.metrics["mean_km"],
                    res.metrics["error_auc"],
                )
            ],
        ),
        Table(
            "Recall by gold toponym type",
            ("type", "gold", "recognised", "recall"),
            [(k, v[0], v[1], v[1] / v[0] if v[0] else 0.0) for k, v in sorted(by_kind.items())],
        ),
    ]
    res.errors = failures
    res.seconds = time.perf_counter() - t0
    return res
