"""The command line, end to end over a real store, with a stand-in pipeline.

The per-document pipeline is replaced by a function that returns the
hand-coded Genoa events for any text containing "walked out" (and no events
otherwise), so these tests pin the CLI's contract — output, errors, exit
codes — independently of how good detection is.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from contention.cli.main import Reporter, cli
from contention.model import Document, DocumentResult, Failure
from contention.pipeline.run import Outcome
from contention.store.db import Store

GOOD = (
    "Dock workers in Genoa walked out on 3 March 2023 over pay, and about 2,000 people "
    "marched to the port authority behind the USB union banner.\n\n"
    "Police arrested 12 protesters near the Lanterna after clashes in the afternoon.\n"
)


@pytest.fixture(autouse=True)
def fake_pipeline(
    monkeypatch: pytest.MonkeyPatch, make_result: Callable[..., DocumentResult]
) -> None:
    def process(doc: Document) -> DocumentResult:
        if "walked out" not in doc.text:
            return DocumentResult(doc, [], [], 0)
        return dataclasses.replace(make_result(doc.text), document=doc)

    monkeypatch.setattr("contention.pipeline.core.process_document", process)
    monkeypatch.delenv("CONTENTION_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "genoa.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=stdin, catch_exceptions=False)


def _ingested(db: str, article: Path) -> list[str]:
    res = invoke("ingest", str(article), "--db", db)
    assert res.exit_code == 0, res.output
    with Store(db) as store:
        return [r["id"] for r in store.events()]


def test_ingest_summary_and_idempotence(db: str, article: Path) -> None:
    first = invoke("ingest", str(article), "--db", db)
    assert first.exit_code == 0
    assert first.stdout.strip() == (
        "1 document (1 new), 2 events (2 new), 0 failures, 0 sentences in unsupported languages"
    )
    assert first.stderr == ""
    again = invoke("ingest", str(article), "--db", db)
    assert "1 document (0 new), 2 events (0 new)" in again.stdout
    with Store(db) as store:
        assert store.counts()["events"] == 2 and store.counts()["documents"] == 1


def test_ingest_from_stdin(db: str) -> None:
    res = invoke("ingest", "-", "--db", db, stdin=GOOD)
    assert res.exit_code == 0 and "2 events (2 new)" in res.stdout


def test_published_option_is_stored(db: str, article: Path) -> None:
    assert invoke("ingest", str(article), "--db", db, "--published", "2023-03-05").exit_code == 0
    with Store(db) as store:
        rec = store.events()[0]
        assert rec["sources"][0]["published"] == "2023-03-05"
    bad = invoke("ingest", str(article), "--db", db, "--published", "05/03/2023")
    assert bad.exit_code == 2


def test_env_var_selects_database(tmp_path: Path, article: Path) -> None:
    path = tmp_path / "env.db"
    res = invoke("ingest", str(article), env={"CONTENTION_DB": str(path)})
    assert res.exit_code == 0 and path.exists()


def test_bad_inputs_one_line_each_and_run_goes_on(tmp_path: Path, db: str, article: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "missing.txt"
    res = invoke("ingest", str(missing), str(empty), str(binary), str(article), "--db", db)
    assert res.exit_code == 0  # one document made it
    lines = res.stderr.splitlines()
    assert len(lines) == 3, res.stderr
    for line, path in zip(lines, (missing, empty, binary), strict=True):
        assert line.startswith(f"error: {path}: E1"), line
    assert "1 document (1 new), 2 events (2 new), 3 failures" in res.stdout
    with Store(db) as store:
        failures = store.failures()
    assert [f["code"][:2] for f in failures] == ["E1", "E1", "E1"]
    assert failures[0]["source"].endswith("missing.txt")


def test_all_inputs_failing_exits_1(tmp_path: Path, db: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = invoke("ingest", str(empty), "--db", db)
    assert res.exit_code == 1
    assert res.stderr.startswith(f"error: {empty}: E101")
    assert "0 documents (0 new), 0 events (0 new), 1 failure," in res.stdout


def test_no_inputs_exits_1(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    res = invoke("ingest", str(folder), "--db", db)
    assert res.exit_code == 1 and "no input documents found" in res.stderr


def test_pipeline_crash_is_recorded_as_e900(
    monkeypatch: pytest.MonkeyPatch, db: str, article: Path
) -> None:
    def boom(doc: Document) -> DocumentResult:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("contention.pipeline.core.process_document", boom)
    res = invoke("ingest", str(article), "--db", db)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"error: {article}: E900 ZeroDivisionError: division by zero"
    with Store(db) as store:
        assert store.failures()[0]["stage"] == "process"


def test_events_table_and_formats(db: str, article: Path) -> None:
    ids = _ingested(db, article)
    table = invoke("events", "--db", db)
    assert table.exit_code == 0
    for event_id in ids:
        assert event_id in table.stdout
    assert "PROTEST/strike" in table.stdout and "Genoa, Liguria" in table.stdout
    assert "participants 2000" in table.stdout
    jsonl = invoke("events", "--db", db, "--format", "jsonl")
    assert [json.loads(x)["id"] for x in jsonl.stdout.splitlines()] == ids
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert [r["event_id"] for r in rows] == ids


def test_events_filters(db: str, article: Path) -> None:
    _ingested(db, article)

    def count(*args: str) -> int:
        res = invoke("events", "--db", db, "--format", "jsonl", *args)
        assert res.exit_code == 0
        return len(res.stdout.splitlines())

    assert count("--type", "COERCE") == 1
    assert count("--country", "it") == 2
    assert count("--country", "KZ") == 0
    assert count("--since", "2023-03-04") == 0
    assert count("--until", "2023-03-03") == 2
    empty = invoke("events", "--db", db, "--type", "ASSAULT")
    assert empty.exit_code == 0 and empty.stderr.strip() == "no events"


def test_show_highlights_evidence_in_context(db: str, article: Path) -> None:
    ids = _ingested(db, article)
    with Store(db) as store:
        strike = next(i for i in ids if store.event(i)["type"] == "PROTEST")  # type: ignore[index]
    res = invoke("show", strike, "--db", db)
    assert res.exit_code == 0
    out = res.stdout
    assert "PROTEST/strike" in out and "2023-03-03 (day, explicit)" in out
    # the quote with its surrounding words, on one line
    assert "Dock workers in Genoa walked out on 3 March 2023 over pay" in out
    assert "about 2,000" in out and "Genoa, Liguria, IT" in out


def test_show_by_prefix_and_unknown(db: str, article: Path) -> None:
    ids = _ingested(db, article)
    unique = next(
        i[:n] for i in ids for n in range(5, len(i)) if sum(j.startswith(i[:n]) for j in ids) == 1
    )
    assert invoke("show", unique, "--db", db).exit_code == 0
    missing = invoke("show", "evt_doesnotexist", "--db", db)
    assert missing.exit_code == 1 and "no event 'evt_doesnotexist'" in missing.stderr
    ambiguous = invoke("show", "evt_", "--db", db)
    assert ambiguous.exit_code == 1 and "several events" in ambiguous.stderr


def test_show_prints_hostile_text_literally(tmp_path: Path, db: str) -> None:
    hostile = GOOD.replace(
        "Dock workers in Genoa walked out on 3 March 2023 over pay",
        "Dock [link=http://evil]workers[/link] in Genoa\\\\\\ walked out on 3 March 2023 "
        "[bold red]over pay[/bold red] [/] \x1b[31m",
    )
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    ids = _ingested(db, path)
    assert len(ids) == 2
    out = ""
    for event_id in ids:
        res = invoke("show", event_id, "--db", db)
        assert res.exit_code == 0, res.output
        out += res.stdout
    assert "\x1b" not in out  # terminal control sequences never reach the terminal
    # markup-looking article text around the quote is printed as it is written
    assert "workers[/link] in Genoa\\\\\\ walked out on 3 March 2023 [bold red]over pay" in out
    assert "[bold red]over pay[/bold red] [/]" in out
    assert "[link=http://evil]workers[/link]" in out
    assert invoke("events", "--db", db).exit_code == 0


def test_show_escapes_markup_in_record_fields(db: str, article: Path) -> None:
    ids = _ingested(db, article)
    from sqlalchemy import update

    from contention.store import schema

    with Store(db) as store:
        rec = store.event(ids[0])
        assert rec is not None
        rec["issue"] = "[bold red]pay[/bold red] \\"
        with store.engine.begin() as conn:
            conn.execute(
                update(schema.events).where(schema.events.c.id == ids[0]).values(record=rec)
            )
    res = invoke("show", ids[0], "--db", db)
    assert res.exit_code == 0 and "[bold red]pay[/bold red] \\" in res.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_formats_to_file(tmp_path: Path, db: str, article: Path, fmt: str) -> None:
    ids = _ingested(db, article)
    out = tmp_path / f"events.{fmt}"
    res = invoke("export", "--db", db, "--format", fmt, "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    assert f"2 events written to {out}" in res.stderr
    body = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert [json.loads(x)["id"] for x in body.splitlines()] == ids
    elif fmt == "csv":
        assert [r["event_id"] for r in csv.DictReader(io.StringIO(body))] == ids
    else:
        assert [f["id"] for f in json.loads(body)["features"]] == ids


def test_export_to_stdout_with_filter_and_geojson_skips(db: str, article: Path) -> None:
    ids = _ingested(db, article)
    from sqlalchemy import update

    from contention.store import schema

    with Store(db) as store, store.engine.begin() as conn:
        rec = store.event(ids[0])
        assert rec is not None
        rec["place"] = None
        conn.execute(update(schema.events).where(schema.events.c.id == ids[0]).values(record=rec))
    res = invoke("export", "--db", db, "--format", "geojson")
    assert len(json.loads(res.stdout)["features"]) == 1
    assert res.stderr.strip() == "1 event without coordinates left out"
    jsonl = invoke("export", "--db", db, "--type", "COERCE")
    assert len(jsonl.stdout.splitlines()) == 1
    assert invoke("export", "--db", db, "--format", "xml").exit_code == 2


def test_unopenable_database_is_a_clean_error(tmp_path: Path) -> None:
    res = invoke("events", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert res.exit_code == 1 and res.stderr.startswith("Error: database folder does not exist")


def test_demo_ingests_the_bundled_samples(db: str) -> None:
    res = invoke("demo", "--db", db)
    assert res.exit_code == 0, res.output
    assert "sample files into" in res.stderr
    with Store(db) as store:
        assert store.counts()["documents"] >= 5
        assert store.counts()["failures"] == 0


def test_reporter_starts_progress_only_past_a_few_documents() -> None:
    sink = io.StringIO()
    reporter = Reporter(live=True, file=sink)
    ok = Outcome("file:///a.txt")
    for _ in range(3):
        reporter(ok)
    assert reporter.progress is None
    reporter(Outcome("file:///b.txt", failure=Failure("file:///b.txt", "ingest", "gone", "E100")))
    assert reporter.progress is not None
    reporter.close()
    assert "error: /b.txt: E100 gone" in sink.getvalue()


def test_version() -> None:
    res = invoke("--version")
    assert res.exit_code == 0 and res.stdout.startswith("contention, version ")


def test_export_to_unwritable_place_is_a_clean_error(
    tmp_path: Path, db: str, article: Path
) -> None:
    _ingested(db, article)
    target = tmp_path / "no-such-dir" / "out.jsonl"
    res = invoke("export", "--db", db, "-o", str(target))
    assert res.exit_code == 1 and res.stderr.startswith(f"Error: cannot write {target}")
    assert not target.parent.exists()


@pytest.mark.postgres
def test_cli_on_postgresql(pg_url: str, article: Path) -> None:
    import uuid

    import psycopg

    schema = "ct_cli_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{pg_url}?options=-csearch_path%3D{schema}"
    try:
        assert invoke("ingest", str(article), "--db", url).exit_code == 0
        again = invoke("ingest", str(article), "--db", url)
        assert "2 events (0 new)" in again.stdout
        res = invoke("events", "--db", url, "--format", "jsonl", "--type", "PROTEST")
        assert [json.loads(x)["type"] for x in res.stdout.splitlines()] == ["PROTEST"]
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
