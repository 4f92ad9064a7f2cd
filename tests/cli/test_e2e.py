"""End to end with the real pipeline: the demo over the bundled samples.

Slow the first time on a machine (it builds the gazetteer index, ~20 s, then
cached).  Pins what every run must guarantee whatever detection finds: no
sample fails, re-running adds nothing, every stored quote is the document
text it points at, and every export format parses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from contention.cli.main import cli
from contention.store.db import Store

pytestmark = pytest.mark.slow


def test_demo_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTION_DB", raising=False)
    db = str(tmp_path / "demo.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["demo", "--db", db], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "error:" not in first.stderr, first.stderr
    with Store(db) as store:
        counts = store.counts()
        assert counts["failures"] == 0 and counts["documents"] >= 10
        assert counts["events"] >= 3, "the samples hold several real events"
        records = store.events()
        texts: dict[str, str] = {}
        for rec in records:
            assert rec["format_version"] == 1 and rec["evidence"]
            for ev in rec["evidence"]:
                if ev["doc_id"] not in texts:
                    doc = store.document(ev["doc_id"])
                    assert doc is not None
                    texts[ev["doc_id"]] = doc["text"]
                assert texts[ev["doc_id"]][ev["start"] : ev["end"]] == ev["quote"]
    for rec in records:
        assert rec["id"] in first.stdout

    again = runner.invoke(cli, ["ingest", "--db", db, *_samples()], catch_exceptions=False)
    assert "(0 new)" in again.stdout and again.stdout.count("(0 new)") == 2

    jsonl = runner.invoke(cli, ["export", "--db", db], catch_exceptions=False).stdout
    assert [json.loads(x)["id"] for x in jsonl.splitlines()] == [r["id"] for r in records]
    geo = runner.invoke(cli, ["export", "--db", db, "--format", "geojson"]).stdout
    assert json.loads(geo)["type"] == "FeatureCollection"
    shown = runner.invoke(cli, ["show", records[0]["id"], "--db", db], catch_exceptions=False)
    assert shown.exit_code == 0 and records[0]["evidence"][0]["quote"].split()[0] in shown.stdout


def _samples() -> list[str]:
    from contention.cli.main import SAMPLE_SUFFIXES, samples_dir

    return sorted(str(p) for p in samples_dir().iterdir() if p.suffix in SAMPLE_SUFFIXES)
