"""Bytes → text, with an explicit order of trust.

1. a byte-order mark (UTF-8, UTF-16, UTF-32) — unambiguous;
2. a charset declared in the document (HTML ``<meta charset>``, the
   ``http-equiv`` content type, or an XML declaration), except that a legacy
   single-byte declaration loses to bytes that are valid, non-ASCII UTF-8
   (pages saved from a CMS often keep a stale ``iso-8859-1`` header; valid
   multi-byte UTF-8 is almost never produced by chance);
3. UTF-8;
4. Windows-1252, then Latin-1 (the web's de-facto meaning of "latin-1").

Whatever decodes is then sanity-checked: text with more than 1 % control
characters (NULs, C0/C1 controls other than tab/newline/form feed) or
replacement characters is binary, and :class:`UndecodableBytes` is raised.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from contention.errors import UndecodableBytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# Single-byte charsets that browsers read as windows-1252 anyway.
_LEGACY_LATIN = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15"}

MAX_BAD_RATIO = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec name a document declares in its first 4 KB, if it names a known one."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _bad_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    )
    return bad / len(text)


def _check(text: str, encoding: str) -> str:
    if _bad_ratio(text) > MAX_BAD_RATIO:
        raise UndecodableBytes(
            f"bytes decoded as {encoding} look binary (too many control characters)"
        )
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes) -> str:
    """Decode an article's bytes to text (BOM stripped); raise ``UndecodableBytes`` on binary.

    Never returns text with a leading BOM, and never silently substitutes
    characters: if no codec in the chain accepts the bytes strictly and
    sanely, the document fails rather than flowing on as mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], encoding)
            if text is None:
                raise UndecodableBytes(
                    f"bytes start with a {encoding} byte-order mark but do not decode"
                )
            return _check(text, encoding)
    if data.count(b"\x00") > max(1, len(data) // 1000):
        raise UndecodableBytes(
            "bytes contain NULs: binary data, or UTF-16 without a byte-order mark"
        )

    utf8 = _try(data, "utf-8")
    declared = declared_charset(data)
    if declared is not None and not (declared in _LEGACY_LATIN and utf8 is not None):
        if declared in {"latin-1", "iso8859-1", "ascii"}:
            declared = "cp1252"
        text = _try(data, declared)
        if text is not None and _bad_ratio(text) <= MAX_BAD_RATIO:
            return text
    if utf8 is not None:
        return _check(utf8, "utf-8")
    for encoding in ("cp1252", "latin-1"):
        text = _try(data, encoding)
        if text is not None:
            return _check(text, encoding)
    raise UndecodableBytes(
        "no encoding decodes these bytes"
    )  # pragma: no cover - latin-1 always decodes
