"""Rendering never interprets data as markup or terminal control."""

from __future__ import annotations

import io

from rich.console import Console

from contention.cli.render import evidence_line, one_line, plain


def _render(obj: object) -> str:
    buf = io.StringIO()
    Console(file=buf, width=300, highlight=False, color_system=None).print(obj)
    return buf.getvalue()


def test_plain_keeps_markup_literal_and_drops_controls() -> None:
    text = plain("[bold red]x[/bold red] \\\\\\ [/] \x1b]0;title\x07 end\\")
    out = _render(text)
    assert "[bold red]x[/bold red] \\\\\\ [/]" in out
    assert "\x1b" not in out and "\x07" not in out
    assert out.rstrip("\n").endswith("end\\")


def test_evidence_line_window_and_highlight() -> None:
    text = "a" * 100 + "QUOTE" + "b" * 100
    line = evidence_line(text, 100, 105, width=10)
    assert line.plain == "…" + "a" * 10 + "QUOTE" + "b" * 10 + "…"
    styled = [span for span in line.spans if "reverse" in str(span.style)]
    assert len(styled) == 1
    assert line.plain[styled[0].start : styled[0].end] == "QUOTE"


def test_evidence_line_at_text_edges_and_newlines() -> None:
    text = "Strike\nin Turin"
    line = evidence_line(text, 0, 6, width=40)
    assert line.plain == "Strike in Turin"


def test_one_line() -> None:
    assert one_line("bad\nthing\x00 happened\r\n") == "bad thing happened"


def test_count_claims_read_as_a_reader_says_them() -> None:
    from contention.cli.render import claim_value

    assert claim_value({"low": 162, "high": 162, "best": 162, "text": "162 deaths"}) == "162"
    assert claim_value({"low": 1800, "high": 2200, "best": 2000, "text": "about 2,000"}) == (
        "2000 (1800–2200)"
    )
    assert claim_value({"low": 1, "high": None, "best": None, "text": "killed"}) == "≥1"
    assert claim_value({"low": None, "high": 300, "best": None, "text": "up to 300"}) == "≤300"
    assert claim_value({"low": None, "high": None, "best": None, "text": "dozens"}) == "dozens"
