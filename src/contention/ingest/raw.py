"""The raw input record: bytes plus whatever the container told us about them.

A :class:`RawDocument` is what ingest hands to extract.  It carries the bytes
untouched (decoding is extract's job, so that a bad charset is reported as an
extraction failure of that one document) and the hints a JSON Lines record may
give (url, title, published).  ``sha256`` is the hash of ``data`` so that the
store can recognise a byte-identical re-ingest before any parsing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["html", "text"]

# Tags that only occur in markup; looked for in the first few KB of an input.
_HTML_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<article[\s>]",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input article before decoding.

    ``source`` says where the bytes came from: ``file:///abs/path``,
    ``stdin``, or ``file:///abs/path.jsonl#L<n>`` for line *n* (1-based) of a
    JSON Lines file.  ``url`` is the article's own address when the input
    gave one (JSON Lines ``url`` field), else ``None``.  ``sha256`` is filled
    from ``data`` when left empty.
    """

    source: str
    data: bytes
    kind: Kind
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())


def sniff_kind(data: bytes) -> Kind:
    """Guess whether ``data`` is HTML or plain text from its first 4 KB.

    Used where no file extension tells us (stdin).  Markup must open the input
    *and* contain a structural tag: plain text that mentions "<p>" in passing
    stays text.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "html" if head.startswith(b"<") and _HTML_SNIFF.search(head) else "text"


def parse_published(value: object) -> dt.date | None:
    """A publication date hint from a JSON record, or ``None`` when unusable.

    Accepts ``YYYY-MM-DD`` and full ISO 8601 timestamps (the date part is
    kept: the article's own calendar day, no timezone shifting).  Anything
    else is ignored rather than failing the record: the date is a hint and
    extract has other ways to find it.
    """
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
