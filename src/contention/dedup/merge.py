"""The merged view of a cluster: one record per real-world event, every claim kept.

Rules (also written into each record's ``rules`` so a reader never has to
guess how a value was chosen):

- **type / mode**: the most frequent among the reports (mode: among reports
  that state one); ties go to the alphabetically first, so the choice is stable.
- **date**: the most precise (shortest interval; day beats month); among
  equally precise dates, the one told by most independent sources, then the
  earliest.
- **place**: the most precise (point > city > admin1 > country); among equal
  precision, the one told by most independent sources, then the first by name.
- **counts**: every count of every report is a *claim* with its source
  (outlet, URL, publication date, language, the words quoted).  Per field the
  record gives ``low`` (smallest lower bound), ``high`` (largest upper bound)
  and ``best``: the figure of the most recently published independent source
  — tolls are revised upward as bodies are counted, and the latest report is
  the best informed — with disagreement on that same day settled by the lower
  figure (the conservative reading).
- **sources**: documents, with the near-duplicate group each belongs to;
  ``n_independent_sources`` counts groups, so ten wire copies count once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from contention.export.records import COUNT_KEYS, Record

CLUSTER_FORMAT_VERSION = 1

_PLACE_RANK = {"point": 0, "city": 1, "admin1": 2, "country": 3}
_DATE_RANK = {"day": 0, "range": 1, "month": 2, "season": 3, "year": 4, "unknown": 5}

RULES: dict[str, str] = {
    "type": "most frequent type among the reports (ties: alphabetical)",
    "mode": "most frequent stated mode (ties: alphabetical)",
    "date": "most precise date; then most independent sources; then earliest",
    "place": "most precise place; then most independent sources; then name",
    "counts": "every count kept as a claim with its source; low = smallest, high = largest; "
    "best = latest-published independent source (same day: the lower figure)",
    "sources": "near-duplicate documents (MinHash) form one independent source",
}


def _most_common(values: Sequence[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _interval_days(date: Mapping[str, Any]) -> int:
    from datetime import date as d

    return (d.fromisoformat(date["end"]) - d.fromisoformat(date["start"])).days


def _pick(
    options: Sequence[tuple[tuple[Any, ...], dict[str, Any], str]],
) -> dict[str, Any] | None:
    """Options are (rank key, value, independence group): the best rank, then most groups."""
    if not options:
        return None
    groups: dict[str, set[str]] = {}
    values: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    for rank, value, group in options:
        key = repr(sorted(value.items()))
        groups.setdefault(key, set()).add(group)
        values[key] = (rank, value)
    best = min(values, key=lambda k: (values[k][0][0], -len(groups[k]), values[k][0][1:]))
    return dict(values[best][1])


def claims_of(records: Sequence[Record], group_of: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every count claim of the reports, with its source, oldest publication first."""
    out: list[dict[str, Any]] = []
    for r in records:
        src = (r.get("sources") or [{}])[0]
        for field in COUNT_KEYS:
            claim = (r.get("counts") or {}).get(field)
            if not claim:
                continue
            ev = next(
                (e for e in r.get("evidence") or () if e["field"] == f"count.{field}"),
                None,
            )
            out.append(
                {
                    "field": field,
                    "low": claim.get("low"),
                    "high": claim.get("high"),
                    "best": claim.get("best"),
                    "text": claim.get("text"),
                    "event_id": r["id"],
                    "doc_id": src.get("doc_id"),
                    "source_group": group_of.get(str(src.get("doc_id")), src.get("doc_id")),
                    "outlet": src.get("outlet"),
                    "url": src.get("url"),
                    "published": src.get("published"),
                    "language": r.get("language"),
                    "quote": ev["quote"] if ev else None,
                    "start": ev["start"] if ev else None,
                    "end": ev["end"] if ev else None,
                }
            )
    out.sort(key=lambda c: (c["field"], c["published"] or "9999", c["doc_id"] or "", c["event_id"]))
    return out


def summarise(claims: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """low/high/best over one field's claims (see the module rules), or None without claims."""
    if not claims:
        return None
    lows = [c["low"] if c["low"] is not None else c["best"] for c in claims]
    highs = [c["high"] if c["high"] is not None else c["best"] for c in claims]
    lows_known = [x for x in lows if x is not None]
    highs_known = [x for x in highs if x is not None]
    with_best = [c for c in claims if c["best"] is not None]
    best = None
    if with_best:
        latest = max(c["published"] or "" for c in with_best)
        best = min(c["best"] for c in with_best if (c["published"] or "") == latest)
    return {
        "low": min(lows_known) if lows_known else None,
        "high": max(highs_known) if highs_known else None,
        "best": best,
        "n_claims": len(claims),
        "n_independent": len({c["source_group"] for c in claims}),
        "values": sorted({c["best"] for c in with_best}),
    }


def cluster_record(
    cluster_id: str,
    records: Sequence[Record],
    group_of: Mapping[str, str],
    *,
    founder: str | None = None,
    superseded: Sequence[str] = (),
) -> Record:
    """The merged record of one cluster from its member reports (EVENT_FORMAT dicts).

    ``group_of`` maps a doc id to its near-duplicate group (missing: its own).
    """
    recs = sorted(records, key=lambda r: r["id"])

    def group(r: Record) -> str:
        doc = str((r.get("sources") or [{}])[0].get("doc_id"))
        return group_of.get(doc, doc)

    type_ = _most_common([r["type"] for r in recs])
    mode = _most_common([r["mode"] for r in recs if r.get("mode")])
    date = _pick(
        [
            (
                (
                    _DATE_RANK.get(r["date"]["precision"], 9),
                    _interval_days(r["date"]),
                    r["date"]["start"],
                ),
                {k: r["date"][k] for k in ("start", "end", "precision")},
                group(r),
            )
            for r in recs
            if r.get("date")
        ]
    )
    place = _pick(
        [
            (
                (_PLACE_RANK.get(r["place"]["precision"], 9), r["place"]["name"] or ""),
                dict(r["place"]),
                group(r),
            )
            for r in recs
            if r.get("place")
        ]
    )
    claims = claims_of(recs, group_of)
    counts = {field: summarise([c for c in claims if c["field"] == field]) for field in COUNT_KEYS}
    docs: dict[str, dict[str, Any]] = {}
    for r in recs:
        for src in r.get("sources") or ():
            doc = str(src.get("doc_id"))
            docs.setdefault(doc, {**src, "source_group": group_of.get(doc, doc), "events": []})
            docs[doc]["events"].append(r["id"])
    sources = sorted(docs.values(), key=lambda s: (s.get("published") or "9999", s["doc_id"]))
    actors: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in recs:
        for a in r.get("actors") or ():
            key = (a["role"], a["class"], a.get("name") or "")
            actors.setdefault(key, {"role": a["role"], "class": a["class"], "name": a.get("name")})
    return {
        "format_version": CLUSTER_FORMAT_VERSION,
        "kind": "cluster",
        "id": cluster_id,
        "founder": founder,
        "type": type_,
        "mode": mode,
        "date": date,
        "place": place,
        "counts": counts,
        "claims": claims,
        "actors": [actors[k] for k in sorted(actors)],
        "languages": sorted({r["language"] for r in recs if r.get("language")}),
        "members": [r["id"] for r in recs],
        "n_reports": len(recs),
        "n_sources": len(docs),
        "n_independent_sources": len({s["source_group"] for s in sources}),
        "sources": sources,
        "superseded": sorted(superseded),
        "rules": RULES,
    }
