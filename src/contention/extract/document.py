"""RawDocument → Document: decode, pull out the article, settle its metadata.

Publication date, by priority: the caller's explicit ``published`` argument
("argument"), the JSON Lines record ("jsonl"), the page's metadata
("metadata"), a dateline in the text ("dateline").  ``published_source``
records which one won, so a reviewer can tell a stated date from a guess.

Outlet: the page's site name, else the host of the article URL (``www.``
dropped), else ``None``.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from contention.errors import ContentionError, EmptyDocument, ExtractionError
from contention.extract.decode import decode
from contention.extract.html import extract_html
from contention.extract.text import find_dateline, normalise
from contention.ids import document_id
from contention.ingest.raw import RawDocument
from contention.model import Document


def outlet_from_url(url: str | None) -> str | None:
    """The host of an http(s) URL without ``www.``; ``None`` for files, stdin and junk."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower()
    return host.removeprefix("www.") or None


# A first line this short, without a full stop, followed by a blank line, is a headline.
HEADLINE_MAX_CHARS = 200


def headline_of(text: str) -> str | None:
    """The headline of a plain-text article: its first line when it stands alone.

    News files in plain text start "Headline\n(date line)\n\nBody…"; the
    headline matters downstream because it restates the body's main event.
    """
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > HEADLINE_MAX_CHARS or first.endswith((".", ":")):
        return None
    # The next line is blank or a short date line, then the body.
    following = rest.split("\n", 2)
    if following and following[0].strip() and len(following[0]) > 40:
        return None
    return first


def extract(raw: RawDocument, *, published: dt.date | None = None) -> Document:
    """The clean article in ``raw``.

    Raises :class:`~contention.errors.UndecodableBytes` for binary input and
    :class:`~contention.errors.EmptyDocument` when no text is left.  Other
    failures of the HTML libraries propagate; use :func:`to_document` for
    the never-raises-anything-else contract.
    """
    decoded = decode(raw.data)
    title = raw.title
    outlet: str | None = None
    meta_date: dt.date | None = None
    if raw.kind == "html":
        parts = extract_html(decoded, raw.url)
        text = parts.text
        title = title or parts.title
        outlet = parts.sitename
        meta_date = parts.date
    else:
        text = normalise(decoded)
        title = title or headline_of(text)
    if not text.strip():
        raise EmptyDocument("no text left after extraction")

    source: str | None
    if published is not None:
        source = "argument"
    elif raw.published is not None:
        published, source = raw.published, "jsonl"
    elif meta_date is not None:
        published, source = meta_date, "metadata"
    else:
        published = find_dateline(text)
        source = "dateline" if published is not None else None

    return Document(
        id=document_id(text),
        url=raw.url or raw.source,
        text=text,
        title=title,
        outlet=outlet or outlet_from_url(raw.url),
        published=published,
        published_source=source,
        raw_sha256=raw.sha256,
    )


def to_document(raw: RawDocument, published: dt.date | None = None) -> Document:
    """:func:`extract`, but every failure is a :class:`ContentionError`.

    Unexpected errors inside lxml or trafilatura (they do happen on hostile
    markup) become :class:`ExtractionError` (E200) so the pipeline can record
    a Failure for this document and go on.
    """
    try:
        return extract(raw, published=published)
    except ContentionError:
        raise
    except RecursionError as exc:
        raise ExtractionError(f"markup nested too deeply: {exc}") from exc
    except Exception as exc:
        raise ExtractionError(f"{type(exc).__name__}: {exc}") from exc
