"""HTML → main text and metadata.

trafilatura finds the article body and drops navigation, share bars,
comments, asides and footers; we additionally ask it for no images (so no
captions), no tables (layout tables are noise for a prose reader) and no
links.  Its plain-text output puts one block per line; we re-join blocks
with a blank line so that the segmenter sees one paragraph per block.

When trafilatura finds nothing (tiny pages, odd markup) but the page does
hold text, a plain lxml dump of the body — minus scripts, navigation,
headers, footers, asides, forms and figures — is used instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from contention.extract.text import normalise
from contention.ingest.raw import parse_published


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """What a page gave us; ``text`` has one paragraph per block, blank-line separated."""

    text: str
    title: str | None
    date: dt.date | None
    sitename: str | None
    method: str  # "trafilatura" | "lxml"


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "button",
    "select",
)
_BLOCK_TAGS = frozenset(
    (
        *("p", "div", "section", "article", "main", "blockquote", "pre", "address"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"),
        *("table", "tr", "td", "th", "br", "hr"),
    )
)
# Pruned before trafilatura reads the body (after it has read the metadata):
# its own heuristics keep a lone <nav> or <figcaption> on small pages.
_PRUNE_XPATH = [
    "//nav",
    "//aside",
    "//footer",
    "//figure",
    "//figcaption",
    "//form",
    "//*[@role='navigation' or @role='complementary' or @role='contentinfo']",
    "//header[not(ancestor::article) and not(ancestor::main)]",
]


def _to_date(value: object) -> dt.date | None:
    """trafilatura's date string as a date (the same rule as a JSON record's date hint)."""
    return parse_published(value)


def _blocks(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines."""
    return "\n\n".join(line.strip() for line in normalise(text).split("\n") if line.strip())


def _clean_str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


MAX_TITLE_CHARS = 300


def _title(value: object) -> str | None:
    """A usable headline, or None (an unclosed <title> can swallow the whole page)."""
    title = _clean_str(value)
    return title if title is not None and len(title) <= MAX_TITLE_CHARS else None


def _with_title(body: str, title: str | None) -> str:
    """Put the headline first unless the body already opens with it.

    The headline often states the event most plainly ("Oil workers strike in
    Zhanaozen"); keeping it in the text gives it offsets like any sentence.
    """
    if not title or title.casefold() in body[: len(title) + 200].casefold():
        return body
    return f"{title}\n\n{body}" if body else title


def lxml_dump(html: str) -> tuple[str, str | None]:
    """Body text of ``html`` without page furniture, and the ``<title>``.

    A last resort for pages trafilatura rejects: block elements become
    paragraph breaks, inline elements are joined as written.
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None
    title_el = root.find(".//title")
    title = _title(title_el.text_content()) if title_el is not None else None
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter(etree.Comment)):
        el.drop_tree()
    body = root.find("body")
    node = body if body is not None else root
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and el.tag != "title":
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(node)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line), title


def extract_html(html: str, url: str | None = None) -> HtmlParts:
    """Main text and metadata of one page; ``text`` is empty when the page has none.

    Dates come from the page's metadata only (``extensive_search`` off): a
    date guessed from a random string in the page body would be worse than
    the dateline fallback the caller applies afterwards.
    """
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=True,
        deduplicate=False,
        prune_xpath=_PRUNE_XPATH,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = title = sitename = None
    date: dt.date | None = None
    if result is not None:
        text = _blocks(getattr(result, "text", None) or "")
        title = _title(getattr(result, "title", None))
        sitename = _clean_str(getattr(result, "sitename", None))
        date = _to_date(getattr(result, "date", None))
    method = "trafilatura"
    if not text:
        text, fallback_title = lxml_dump(html)
        text = normalise(text)
        title = title or fallback_title
        method = "lxml"
    return HtmlParts(_with_title(text, title) if text else "", title, date, sitename, method)
