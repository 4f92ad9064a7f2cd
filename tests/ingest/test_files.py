"""iter_inputs: files, folders, JSON Lines, stdin, and every way they fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from contention.ingest.files import iter_inputs
from contention.ingest.raw import RawDocument, parse_published, sniff_kind
from contention.model import Failure

ARTICLE = "Dock workers in Genoa walked out on Monday over a new shift system.\n"
PAGE = (
    "<html><head><title>Strike</title></head>"
    "<body><p>Dock workers in Genoa struck.</p></body></html>"
)


def _docs(items: list[RawDocument | Failure]) -> list[RawDocument]:
    return [x for x in items if isinstance(x, RawDocument)]


def _fails(items: list[RawDocument | Failure]) -> list[Failure]:
    return [x for x in items if isinstance(x, Failure)]


def test_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.HTML").write_text(PAGE, encoding="utf-8")
    out = list(iter_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.HTML")]))
    assert [d.kind for d in _docs(out)] == ["text", "html"]
    first = _docs(out)[0]
    assert first.source == (tmp_path / "a.txt").resolve().as_uri()
    assert first.source.startswith("file:///")
    assert first.data == ARTICLE.encode()
    assert first.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert first.url is None


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = list(iter_inputs([str(tmp_path)]))
    names = [d.source.rsplit("/", 1)[1] for d in _docs(out)]
    assert names == ["a.txt", "m.htm", "z.txt"]
    fails = _fails(out)
    assert [(f.code, f.stage) for f in fails] == [("E104", "ingest")]
    assert fails[0].source.endswith("/notes.pdf")


def test_missing_empty_and_too_large(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    (tmp_path / "ok.txt").write_bytes(b"y" * 100)
    paths = [str(tmp_path / n) for n in ("nope.txt", "empty.txt", "blank.txt", "big.txt", "ok.txt")]
    out = list(iter_inputs(paths, max_bytes=100))
    assert [x.code if isinstance(x, Failure) else "ok" for x in out] == [
        "E100",
        "E101",
        "E101",
        "E102",
        "ok",
    ]
    assert out[0].source == (tmp_path / "nope.txt").as_uri()


def test_jsonl_records_and_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "url": "https://news.example.it/2022/01/10/sciopero",
                "title": "Sciopero al porto",
                "published": "2022-01-10T08:00:00+01:00",
                "html": PAGE,
            }
        ),
        "{not json at all",
        "",
        json.dumps({"url": "https://x.example/2", "text": ARTICLE, "published": "not a date"}),
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://x.example/3"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "z" * 500}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(path)], max_bytes=400))
    base = path.resolve().as_uri()
    assert [x.source for x in out] == [f"{base}#L{n}" for n in (1, 2, 4, 5, 6, 7, 8)]
    first, second = _docs(out)
    assert first.kind == "html" and first.url == "https://news.example.it/2022/01/10/sciopero"
    assert first.title == "Sciopero al porto"
    assert first.published == dt.date(2022, 1, 10)
    assert second.kind == "text" and second.published is None
    assert second.data.decode() == ARTICLE
    assert [f.code for f in _fails(out)] == ["E105", "E105", "E105", "E101", "E102"]


def test_empty_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    out = list(iter_inputs([str(path)]))
    assert len(out) == 1 and isinstance(out[0], Failure) and out[0].code == "E101"


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_text_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(ARTICLE.encode()))
    (doc,) = list(iter_inputs(["-"]))
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.kind, doc.data) == ("stdin", "text", ARTICLE.encode())

    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"\xef\xbb\xbf\n  " + PAGE.encode()))
    (page,) = list(iter_inputs(["-"]))
    assert isinstance(page, RawDocument) and page.kind == "html"


def test_stdin_empty_and_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b""))
    (empty,) = list(iter_inputs(["-"]))
    assert isinstance(empty, Failure) and empty.code == "E101"
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"a" * 50))
    (big,) = list(iter_inputs(["-"], max_bytes=10))
    assert isinstance(big, Failure) and big.code == "E102"


def test_sniff_kind() -> None:
    assert sniff_kind(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_kind(b"<p>Hello</p>") == "html"
    assert sniff_kind(b"Workers use <p> tags rarely.") == "text"
    assert sniff_kind(b"<3 solidarity with the strikers") == "text"


def test_parse_published() -> None:
    assert parse_published("2022-01-05") == dt.date(2022, 1, 5)
    assert parse_published("2022-01-05T23:59:00-05:00") == dt.date(2022, 1, 5)
    assert parse_published("2022-02-30") is None
    assert parse_published("yesterday") is None
    assert parse_published(20220105) is None
