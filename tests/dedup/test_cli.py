"""The CLI side of de-duplication: ingest clusters, events --clusters, show, export --clusters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from dedup_helpers import Ev, make_doc

from contention.cli.main import cli
from contention.model import Document, DocumentResult

WIRE = (
    "Protesters storm Almaty city hall\n\n"
    "Thousands of protesters stormed the mayor's office in Almaty on Wednesday and set it on "
    "fire, as anger over fuel prices turned into the worst unrest in decades; 162 died."
)
COPY = "Crowds burn Almaty mayor's office\n\n" + WIRE.split("\n\n", 1)[1] + " Gunfire rang out."
TOLL = "Toll rises\n\nThe number of people killed in the riots in Almaty on 5 January is 164."


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def process(doc: Document) -> DocumentResult:
        if "164" in doc.text:
            return make_doc(
                doc.text, "2022-01-10", [Ev("riots", counts={"fatalities": 164})], url=doc.url
            )
        return make_doc(
            doc.text, "2022-01-06", [Ev("stormed", counts={"fatalities": 162})], url=doc.url
        )

    monkeypatch.setattr("contention.pipeline.core.process_document", process)
    monkeypatch.delenv("CONTENTION_DB", raising=False)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    for name, text in (("wire.txt", WIRE), ("copy.txt", COPY), ("toll.txt", TOLL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = str(tmp_path / "c.db")
    assert invoke("ingest", str(tmp_path), "--db", path).exit_code == 0
    return path


def _cluster_id(db: str) -> str:
    out = invoke("events", "--db", db, "--clusters", "--format", "jsonl").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1
    return str(rows[0]["id"])


def test_ingest_clusters_and_events_lists_them(db: str) -> None:
    table = invoke("events", "--db", db, "--clusters").stdout
    assert "Almaty" in table and "3 (2)" in table  # 3 documents, 2 independent
    records = [
        json.loads(x) for x in invoke("events", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    assert {r["cluster_id"] for r in records} == {_cluster_id(db)}


def test_show_cluster_puts_claims_side_by_side(db: str) -> None:
    out = invoke("show", _cluster_id(db), "--db", db).stdout
    assert "fatalities: best 164, low 162, high 164" in out
    assert out.count("162") >= 2 and "copy of" in out
    event_id = json.loads(invoke("events", "--db", db, "--format", "jsonl").stdout.splitlines()[0])[
        "id"
    ]
    assert f"cluster: {_cluster_id(db)}" in invoke("show", event_id, "--db", db).stdout


def test_show_unknown_cluster_fails(db: str) -> None:
    res = CliRunner().invoke(cli, ["show", "clu_nothing", "--db", db])
    assert res.exit_code == 1 and "no cluster" in res.output


def test_export_clusters_jsonl_and_csv(db: str, tmp_path: Path) -> None:
    rec = json.loads(invoke("export", "--db", db, "--clusters").stdout.splitlines()[0])
    assert rec["kind"] == "cluster" and rec["n_reports"] == 3
    assert [c["best"] for c in rec["claims"]] == [162, 162, 164]
    out = tmp_path / "clusters.csv"
    res = invoke("export", "--db", db, "--clusters", "--format", "csv", "-o", str(out))
    assert "1 cluster written" in res.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["fatalities_best"] == "164" and rows[0]["n_independent_sources"] == "2"


def test_no_cluster_leaves_events_pending(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    path = str(tmp_path / "n.db")
    invoke("ingest", str(tmp_path / "wire.txt"), "--db", path, "--no-cluster")
    rec = json.loads(invoke("events", "--db", path, "--format", "jsonl").stdout.splitlines()[0])
    assert rec["cluster_id"] is None
    assert invoke("events", "--db", path, "--clusters").stderr.strip() == "no clusters"
