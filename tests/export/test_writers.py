"""CSV, JSON Lines and GeoJSON writers over EVENT_FORMAT records."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from contention.export.records import event_record
from contention.export.writers import CSV_COLUMNS, csv_row, write
from contention.model import DocumentResult


def _records(result: DocumentResult) -> list[dict[str, Any]]:
    return [event_record(ev, result.document) for ev in result.events]


def test_jsonl_round_trips(make_result: Callable[..., DocumentResult]) -> None:
    records = _records(make_result())
    out = io.StringIO()
    stats = write("jsonl", records, out)
    lines = out.getvalue().splitlines()
    assert stats.written == 2 and len(lines) == 2
    assert [json.loads(line) for line in lines] == records


def test_jsonl_keeps_non_latin_text_readable(make_result: Callable[..., DocumentResult]) -> None:
    rec = _records(make_result())[0]
    rec["issue"] = "повышение цен"
    out = io.StringIO()
    write("jsonl", [rec], out)
    assert "повышение цен" in out.getvalue()


def test_csv_columns_and_values(make_result: Callable[..., DocumentResult]) -> None:
    records = _records(make_result())
    out = io.StringIO()
    assert write("csv", records, out).written == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    strike, arrests = rows
    assert strike["event_date"] == "2023-03-03" and strike["precision"] == "day"
    assert strike["location"] == "Genoa" and strike["country"] == "IT"
    assert float(strike["latitude"]) == pytest.approx(44.40478)
    assert strike["participants"] == "2000" and strike["fatalities"] == ""
    assert strike["actor1"] == "workers" and strike["actor2"] == ""
    assert strike["acled_event_type"] == "Protests"
    assert "walked out" in strike["notes"] and "about 2,000" in strike["notes"]
    assert arrests["arrested"] == "12" and arrests["actor2"] == "protesters"
    assert strike["source_url"] == "https://example.org/genoa-port-strike"


def test_csv_defuses_formulas(make_result: Callable[..., DocumentResult]) -> None:
    rec = _records(make_result())[0]
    rec["place"] = {**rec["place"], "name": '=HYPERLINK("http://evil")'}
    row = csv_row(rec)
    assert row["location"] == '\'=HYPERLINK("http://evil")'
    assert row["longitude"] == rec["place"]["lon"]  # numbers untouched


def test_geojson_points_and_skips(make_result: Callable[..., DocumentResult]) -> None:
    result = make_result()
    records = _records(result)
    no_coords = event_record(
        dataclasses.replace(result.events[1], id="evt_nocoords", place=None), result.document
    )
    out = io.StringIO()
    stats = write("geojson", [*records, no_coords], out)
    assert (stats.written, stats.skipped) == (2, 1)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    feat = data["features"][0]
    assert feat["geometry"] == {"type": "Point", "coordinates": [8.94439, 44.40478]}
    assert feat["properties"] == records[0] and feat["id"] == records[0]["id"]


def test_geojson_empty_is_valid() -> None:
    out = io.StringIO()
    assert write("geojson", [], out).written == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        write("xml", [], io.StringIO())
