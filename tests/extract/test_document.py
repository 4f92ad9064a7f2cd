"""extract/to_document: RawDocument → Document with metadata priorities."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from contention.errors import EmptyDocument, ExtractionError, UndecodableBytes
from contention.extract import extract, to_document
from contention.extract.document import outlet_from_url
from contention.ids import document_id
from contention.ingest.raw import RawDocument

TEXT = (
    "Sciopero al porto di Genova\r\n\r\n"
    "I portuali hanno incrociato le braccia all'alba contro i nuovi turni.\r\n\r\n"
    "10 gennaio 2022\r\n"
)
BODY = (
    "Hundreds of bus drivers in Lisbon stopped work on Tuesday morning, leaving most of the "
    "city without public transport during the rush hour."
)
PAGE = f"""<html><head><title>Lisbon bus drivers strike</title>
<meta property="og:site_name" content="Tagus Daily">
<meta property="article:published_time" content="2023-05-09">
</head><body><article><h1>Lisbon bus drivers strike</h1><p>{BODY}</p>
<p>The union said the stoppage would be repeated every Tuesday until wages are reviewed.</p>
</article></body></html>"""


def _raw(data: str | bytes, kind: str = "text", **kw: object) -> RawDocument:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return RawDocument(source="file:///tmp/x", data=payload, kind=kind, **kw)  # type: ignore[arg-type]


def test_text_document_normalised_and_dated_by_dateline() -> None:
    raw = _raw("\ufeff" + TEXT)
    doc = extract(raw)
    assert doc.text.startswith("Sciopero al porto di Genova\n\nI portuali")
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.id == document_id(doc.text)
    assert doc.url == "file:///tmp/x"
    assert doc.raw_sha256 == raw.sha256
    assert (doc.published, doc.published_source) == (dt.date(2022, 1, 10), "dateline")
    assert doc.outlet is None and doc.title == "Sciopero al porto di Genova"


def test_published_priority() -> None:
    raw = _raw(TEXT, published=dt.date(2022, 1, 9))
    assert extract(raw, published=dt.date(2022, 1, 8)).published_source == "argument"
    doc = extract(raw)
    assert (doc.published, doc.published_source) == (dt.date(2022, 1, 9), "jsonl")
    page = _raw(PAGE, "html", published=dt.date(2023, 5, 10))
    assert extract(page).published == dt.date(2023, 5, 10)


def test_html_metadata() -> None:
    doc = extract(_raw(PAGE, "html", url="https://www.tagus.example/2023/strike"))
    assert BODY in doc.text
    assert doc.title == "Lisbon bus drivers strike"
    assert doc.outlet == "Tagus Daily"
    assert (doc.published, doc.published_source) == (dt.date(2023, 5, 9), "metadata")
    assert doc.url == "https://www.tagus.example/2023/strike"


def test_outlet_falls_back_to_url_host() -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Tagus Daily">', "")
    doc = extract(_raw(page, "html", url="https://www.tagus.example/a"))
    assert doc.outlet == "tagus.example"
    assert outlet_from_url("https://www.Tagus.example/a") == "tagus.example"
    assert outlet_from_url("file:///tmp/a.html") is None
    assert outlet_from_url(None) is None


def test_jsonl_title_wins() -> None:
    doc = extract(_raw(PAGE, "html", title="Strike paralyses Lisbon buses"))
    assert doc.title == "Strike paralyses Lisbon buses"


def test_empty_and_binary_inputs() -> None:
    with pytest.raises(EmptyDocument):
        extract(_raw("\n\n  \r\n"))
    with pytest.raises(EmptyDocument):
        to_document(_raw("<html><body><script>x()</script></body></html>", "html"), None)
    with pytest.raises(UndecodableBytes):
        to_document(_raw(b"\x00\x01\x02\x03" * 100), None)


def test_windows_1252_text_file() -> None:
    data = "Lo sciopero è riuscito: “adesione al 90%”.".encode("cp1252")
    assert to_document(_raw(data), None).text == "Lo sciopero è riuscito: “adesione al 90%”."


def test_unexpected_library_errors_become_extraction_errors() -> None:
    with (
        mock.patch(
            "contention.extract.html.trafilatura.bare_extraction", side_effect=KeyError("x")
        ),
        pytest.raises(ExtractionError) as info,
    ):
        to_document(_raw(PAGE, "html"), None)
    assert info.value.code == "E200"


def test_plain_text_headline_is_the_title() -> None:
    from contention.extract.document import headline_of

    assert headline_of("Dockers strike in Genoa\n12 March 2024\n\nBody text here.") == (
        "Dockers strike in Genoa"
    )
    assert headline_of("Dockers went on strike in Genoa on Monday.\nMore text.") is None
    assert headline_of("One line only") is None
