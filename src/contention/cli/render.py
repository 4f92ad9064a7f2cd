"""Terminal rendering of event records (rich), safe against hostile article text.

Article text is untrusted: it may contain rich markup (``[bold red]``),
backslashes that would un-escape a following tag, or terminal control
sequences (ESC …).  So data never goes through markup parsing at all: every
piece of data is a :class:`rich.text.Text` built with :func:`plain`, which also
replaces control characters; only the fixed labels of this module use styles.
(``rich.markup.escape`` is not enough on its own: text ending in an odd number
of backslashes swallows the next tag.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from contention.export.records import COUNT_KEYS, Record

# C0/C1 controls except tab and newline, and DEL: shown as U+FFFD.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

CONTEXT_CHARS = 40  # each side of a quote in `show`: about 80 characters of context


def plain(value: object, style: str = "") -> Text:
    """``value`` as literal text (no markup, no control characters)."""
    return Text(_CONTROL.sub("\ufffd", "" if value is None else str(value)), style=style)


def one_line(value: object) -> str:
    """``value`` on one line (newlines and controls flattened), for error lines."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", str(value))).strip()


def claim_value(claim: dict[str, Any]) -> str:
    """A count claim as a reader says it.

    "162"; "2000 (1800–2200)" for an approximation; "≥14" for "at least 14";
    "≤300" for "up to 300"; the words themselves when no number is known.
    """
    best, low, high = claim.get("best"), claim.get("low"), claim.get("high")
    if best is not None:
        if low is not None and high is not None and (low, high) != (best, best):
            return f"{best} ({low}–{high})"
        return str(best)
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"≥{low}"
    if high is not None:
        return f"≤{high}"
    return str(claim.get("text", ""))


def _counts(record: Record) -> str:
    parts = []
    for key in COUNT_KEYS:
        claim = record["counts"].get(key)
        if claim is not None:
            parts.append(f"{key} {claim_value(claim)}")
    return ", ".join(parts)


def _date(record: Record) -> str:
    date = record["date"]
    if not date:
        return ""
    if date["start"] == date["end"]:
        return str(date["start"])
    return f"{date['start']}…{date['end']}"


def _place(record: Record) -> str:
    place = record["place"] or {}
    return ", ".join(str(p) for p in (place.get("name"), place.get("admin1")) if p)


def events_table(records: Iterable[Record]) -> Table:
    """One row per event: id, date, type/mode, place, country, counts, context."""
    table = Table(show_lines=False, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type/mode", no_wrap=True)
    table.add_column("place")
    table.add_column("country", no_wrap=True)
    table.add_column("counts")
    table.add_column("context")
    for r in records:
        kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        table.add_row(
            plain(r["id"]),
            plain(_date(r)),
            plain(kind),
            plain(_place(r)),
            plain((r["place"] or {}).get("country") or ""),
            plain(_counts(r)),
            plain(",".join(r["context"])),
        )
    return table


def evidence_line(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Text:
    """The quote ``text[start:end]`` highlighted inside ``width`` characters each side."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    line = Text()
    line.append_text(plain("…" if left > 0 else ""))
    line.append_text(plain(one_line_keep(text[left:start])))
    line.append_text(plain(one_line_keep(text[start:end]), style="bold reverse"))
    line.append_text(plain(one_line_keep(text[end:right])))
    line.append_text(plain("…" if right < len(text) else ""))
    return line


def one_line_keep(value: str) -> str:
    """Newlines to spaces without trimming (so the highlight keeps its place)."""
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _label(name: str, value: Text | str) -> Text:
    out = Text(f"{name}: ", style="bold")
    out.append_text(value if isinstance(value, Text) else plain(value))
    return out


def event_detail(record: Record, doc_text: Callable[[str], str | None]) -> Group:
    """Everything about one event, its evidence shown in context.

    ``doc_text(doc_id)`` returns a source document's text (None when the
    document is not in the store; the quote is then shown alone).
    """
    rows: list[Text] = []
    kind = record["type"] + (f"/{record['mode']}" if record["mode"] else "")
    head = Text()
    head.append_text(plain(record["id"], style="bold"))
    head.append("  ")
    head.append_text(plain(kind, style="bold cyan"))
    head.append("  ")
    head.append_text(plain(",".join(record["context"])))
    rows.append(head)
    date = record["date"]
    if date:
        rows.append(_label("date", f"{_date(record)} ({date['precision']}, {date['method']})"))
    place = record["place"]
    if place:
        where = ", ".join(str(p) for p in (place["name"], place["admin1"], place["country"]) if p)
        coords = "" if place["lat"] is None else f" ({place['lat']}, {place['lon']})"
        rows.append(_label("place", f"{where}{coords}, precision {place['precision']}"))
    for actor in record["actors"]:
        who = actor["name"] or actor["class"]
        rows.append(_label(f"actor ({actor['role']})", f"{who} — “{actor['text']}”"))
    for key in COUNT_KEYS:
        claim = record["counts"][key]
        if claim is not None:
            rows.append(_label(key, f"{claim_value(claim)} — “{claim['text']}”"))
    labour = {k: v for k, v in record["labour"].items() if v is not None}
    if labour:
        rows.append(_label("labour", ", ".join(f"{k} {v}" for k, v in labour.items())))
    if record["issue"]:
        rows.append(_label("issue", record["issue"]))
    if record["acled"]:
        acled = record["acled"]
        rows.append(_label("acled", f"{acled['event_type']} / {acled['sub_event_type']}"))
    if record["cameo"]:
        rows.append(_label("cameo", record["cameo"]))
    rows.append(_label("confidence", f"{record['confidence']:.2f}"))
    rows.append(_label("review", record["review"]["status"]))
    for src in record["sources"]:
        title = src["title"] or "(untitled)"
        rows.append(_label("source", f"{title} — {src['url']} ({src['published'] or 'undated'})"))
    rows.append(Text("evidence:", style="bold"))
    texts: dict[str, str | None] = {}
    for ev in record["evidence"]:
        doc_id = ev["doc_id"]
        if doc_id not in texts:
            texts[doc_id] = doc_text(doc_id)
        text = texts[doc_id]
        line = Text("  ")
        line.append_text(plain(f"{ev['field']:<20} ", style="dim"))
        if text is not None and text[ev["start"] : ev["end"]] == ev["quote"]:
            line.append_text(evidence_line(text, ev["start"], ev["end"]))
        else:
            line.append_text(plain(one_line_keep(ev["quote"]), style="bold reverse"))
        rows.append(line)
    return Group(*rows)


def console(*, stderr: bool = False, file: Any = None) -> Console:
    """A console that never guesses highlights in data; wide when not a terminal
    (so ids and dates are not folded when output goes to a file or a pipe)."""
    con = Console(stderr=stderr, file=file, highlight=False, soft_wrap=False)
    if not con.is_terminal:
        con = Console(stderr=stderr, file=file, highlight=False, width=200)
    return con
