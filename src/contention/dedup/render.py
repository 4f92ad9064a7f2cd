"""Clusters on the terminal and in flat files: a table, a detail view, a CSV row.

Same safety rule as :mod:`contention.cli.render`: every piece of data goes
through :func:`~contention.cli.render.plain` (no markup parsing, control
characters replaced), because article text is untrusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Group
from rich.table import Table
from rich.text import Text

from contention.cli.render import plain
from contention.export.records import COUNT_KEYS, Record
from contention.export.writers import WriteStats, _safe_cell, write_rows


def _date(r: Record) -> str:
    d = r.get("date")
    if not d:
        return ""
    return d["start"] if d["start"] == d["end"] else f"{d['start']}…{d['end']}"


def _place(r: Record) -> str:
    p = r.get("place") or {}
    return ", ".join(str(x) for x in (p.get("name"), p.get("admin1")) if x)


def _range(summary: dict[str, Any] | None) -> str:
    if not summary:
        return ""
    lo, hi, best = summary["low"], summary["high"], summary["best"]
    if lo == hi:
        return str(best)
    return f"{best} ({lo}–{hi}, {summary['n_claims']} claims)"


def counts_text(r: Record) -> str:
    return "; ".join(f"{k} {_range(r['counts'][k])}" for k in COUNT_KEYS if r["counts"].get(k))


def clusters_table(records: Iterable[Record]) -> Table:
    """One row per cluster: id, date, type/mode, place, reports, sources, languages, counts."""
    table = Table(header_style="bold")
    for name in ("cluster", "date", "type/mode", "place", "country"):
        table.add_column(name, no_wrap=name != "place")
    table.add_column("reports", justify="right")
    table.add_column("sources (indep.)", justify="right")
    table.add_column("languages")
    table.add_column("counts")
    for r in records:
        kind = str(r["type"]) + (f"/{r['mode']}" if r["mode"] else "")
        table.add_row(
            plain(r["id"]),
            plain(_date(r)),
            plain(kind),
            plain(_place(r)),
            plain((r.get("place") or {}).get("country") or ""),
            plain(r["n_reports"]),
            plain(f"{r['n_sources']} ({r['n_independent_sources']})"),
            plain(",".join(r["languages"])),
            plain(counts_text(r)),
        )
    return table


def _label(name: str, value: str) -> Text:
    out = Text(f"{name}: ", style="bold")
    out.append_text(plain(value))
    return out


def cluster_detail(r: Record) -> Group:
    """A cluster with every source and every count claim side by side."""
    rows: list[Text] = []
    head = Text()
    head.append_text(plain(r["id"], style="bold"))
    head.append("  ")
    head.append_text(plain(str(r["type"]) + (f"/{r['mode']}" if r["mode"] else ""), "bold cyan"))
    rows.append(head)
    if r.get("superseded"):
        rows.append(_label("also known as", ", ".join(r["superseded"])))
    if r.get("date"):
        rows.append(_label("date", f"{_date(r)} ({r['date']['precision']})"))
    if r.get("place"):
        p = r["place"]
        where = ", ".join(str(x) for x in (p["name"], p.get("admin1"), p.get("country")) if x)
        rows.append(_label("place", f"{where}, precision {p['precision']}"))
    rows.append(
        _label(
            "reports",
            f"{r['n_reports']} from {r['n_sources']} documents, "
            f"{r['n_independent_sources']} independent; languages {', '.join(r['languages'])}",
        )
    )
    for key in COUNT_KEYS:
        summary = r["counts"].get(key)
        if not summary:
            continue
        rows.append(
            _label(key, f"best {summary['best']}, low {summary['low']}, high {summary['high']}")
        )
        for c in (c for c in r["claims"] if c["field"] == key):
            who = c["outlet"] or c["url"] or c["doc_id"]
            line = Text("    ")
            line.append_text(plain(f"{c['best']!s:>10}  ", style="bold"))
            line.append_text(plain(f"{c['published'] or 'undated'}  {who}  "))
            line.append_text(plain(f"“{c['quote'] or c['text']}”", style="dim"))
            rows.append(line)
    rows.append(Text("sources:", style="bold"))
    for src in r["sources"]:
        dup = "" if src["source_group"] == src["doc_id"] else f"  (copy of {src['source_group']})"
        line = Text("  ")
        line.append_text(
            plain(
                f"{src.get('published') or 'undated'}  {src.get('language') or '?'}  "
                f"{src.get('title') or '(untitled)'} — {src.get('url')}{dup}"
            )
        )
        rows.append(line)
        rows.append(Text("      ").append_text(plain(", ".join(src["events"]), style="dim")))
    rows.append(Text("rules:", style="bold"))
    for k, v in r["rules"].items():
        rows.append(Text("  ").append_text(plain(f"{k}: {v}", style="dim")))
    return Group(*rows)


CLUSTER_CSV_COLUMNS: tuple[str, ...] = (
    "cluster_id",
    "event_date",
    "date_end",
    "precision",
    "type",
    "mode",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    *(f"{k}_{part}" for k in COUNT_KEYS for part in ("best", "low", "high", "claims")),
    "n_reports",
    "n_sources",
    "n_independent_sources",
    "languages",
    "members",
    "source_urls",
)


def cluster_csv_row(r: Record) -> dict[str, object]:
    d = r.get("date") or {}
    p = r.get("place") or {}
    row: dict[str, object] = {
        "cluster_id": r["id"],
        "event_date": d.get("start"),
        "date_end": d.get("end"),
        "precision": d.get("precision"),
        "type": r["type"],
        "mode": r["mode"],
        "country": p.get("country"),
        "admin1": p.get("admin1"),
        "location": p.get("name"),
        "latitude": p.get("lat"),
        "longitude": p.get("lon"),
        "geo_precision": p.get("precision"),
        "n_reports": r["n_reports"],
        "n_sources": r["n_sources"],
        "n_independent_sources": r["n_independent_sources"],
        "languages": ";".join(r["languages"]),
        "members": ";".join(r["members"]),
        "source_urls": " ".join(str(s.get("url")) for s in r["sources"]),
    }
    for k in COUNT_KEYS:
        summary = r["counts"].get(k) or {}
        for part in ("best", "low", "high"):
            row[f"{k}_{part}"] = summary.get(part)
        row[f"{k}_claims"] = "; ".join(
            f"{c['best']} ({c['outlet'] or c['doc_id']}, {c['published'] or 'undated'})"
            for c in r["claims"]
            if c["field"] == k
        )
    return {k: _safe_cell(v) for k, v in row.items()}


def write_clusters_csv(records: Iterable[Record], out: TextIO) -> WriteStats:
    """Header plus one row per cluster, columns :data:`CLUSTER_CSV_COLUMNS`."""
    return write_rows(records, out, CLUSTER_CSV_COLUMNS, cluster_csv_row)


def write_clusters(fmt: str, records: Iterable[Record], out: TextIO) -> WriteStats:
    """Cluster records as ``jsonl`` (lossless), ``csv`` or ``geojson`` (merged place)."""
    from contention.export.writers import write

    if fmt == "csv":
        return write_clusters_csv(records, out)
    return write(fmt, records, out)
