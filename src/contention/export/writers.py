"""File formats derived from EVENT_FORMAT records: JSON Lines, CSV, GeoJSON.

Every writer streams (one record in memory at a time) to a text stream and
returns :class:`WriteStats`.  JSON Lines is the lossless contract; CSV is a
flat, ACLED-like view for spreadsheets and statistics packages; GeoJSON holds
only events with coordinates (the others are counted in ``skipped`` so the
caller can say how many were left out, never drop them silently).

CSV cells that a spreadsheet would run as a formula (text starting with
``= + - @``, tab or CR) are prefixed with ``'``: article text is untrusted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from contention.export.records import Record

FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "precision",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor2",
    "fatalities",
    "arrested",
    "injured",
    "participants",
    "context",
    "source_url",
    "notes",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    skipped: int = 0


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(records: Iterable[Record], out: TextIO) -> WriteStats:
    """One record a line, UTF-8 as is (no ASCII escaping of non-Latin text)."""
    n = 0
    for record in records:
        out.write(_dumps(record) + "\n")
        n += 1
    return WriteStats(n)


def _actor(record: Record, role: str) -> str | None:
    for actor in record["actors"]:
        if actor["role"] == role:
            return str(actor["name"] or actor["class"])
    return None


def _best(record: Record, key: str) -> int | None:
    claim = record["counts"].get(key)
    return None if claim is None else claim["best"]


def _safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(record: Record) -> dict[str, object]:
    """The flat CSV row of a record (``None`` becomes an empty cell)."""
    date = record["date"] or {}
    place = record["place"] or {}
    acled = record["acled"] or {}
    sources = record["sources"]
    row: dict[str, object] = {
        "event_id": record["id"],
        "event_date": date.get("start"),
        "precision": date.get("precision"),
        "type": record["type"],
        "mode": record["mode"],
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "cameo": record["cameo"],
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "location": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": place.get("precision"),
        "actor1": _actor(record, "source"),
        "actor2": _actor(record, "target"),
        "fatalities": _best(record, "fatalities"),
        "arrested": _best(record, "arrested"),
        "injured": _best(record, "injured"),
        "participants": _best(record, "participants"),
        "context": ";".join(record["context"]),
        "source_url": sources[0]["url"] if sources else None,
        "notes": " | ".join(e["quote"] for e in record["evidence"]),
    }
    return {k: _safe_cell(v) for k, v in row.items()}


def write_rows(
    records: Iterable[Record],
    out: TextIO,
    columns: Sequence[str],
    to_row: Callable[[Record], dict[str, Any]],
) -> WriteStats:
    """Header plus one CSV row per record (``to_row`` flattens one record)."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(to_row(record))
        n += 1
    return WriteStats(n)


def write_csv(records: Iterable[Record], out: TextIO) -> WriteStats:
    """Header plus one row per event, columns :data:`CSV_COLUMNS`."""
    return write_rows(records, out, CSV_COLUMNS, csv_row)


def geojson_feature(record: Record) -> dict[str, Any] | None:
    """A Point feature ([lon, lat], WGS84), the record as properties; None without coordinates."""
    place = record["place"]
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": record,
    }


def write_geojson(records: Iterable[Record], out: TextIO) -> WriteStats:
    """A FeatureCollection, streamed; events without coordinates are counted as skipped."""
    written = skipped = 0
    out.write('{"type":"FeatureCollection","features":[')
    for record in records:
        feature = geojson_feature(record)
        if feature is None:
            skipped += 1
            continue
        out.write(("," if written else "") + "\n" + _dumps(feature))
        written += 1
    out.write("\n]}\n")
    return WriteStats(written, skipped)


WRITERS: dict[str, Callable[[Iterable[Record], TextIO], WriteStats]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
}


def write(fmt: str, records: Iterable[Record], out: TextIO) -> WriteStats:
    """Write ``records`` in ``fmt`` (one of :data:`FORMATS`); ``ValueError`` otherwise."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}"
        ) from None
    return writer(records, out)
