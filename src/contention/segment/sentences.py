"""Text → paragraphs → sentences, with exact offsets and a language each.

Paragraphs are separated by blank lines.  A single newline also starts a
paragraph when the line before it is finished (ends a sentence) or is short
and unpunctuated (a heading, byline or caption) and the next line starts
like a sentence; otherwise it is a hard wrap inside a paragraph and the
sentence runs on across it.

Sentences end at ``.``, ``!``, ``?``, ``…`` or ``...`` (plus any closing
quotes or brackets) when whitespace and a sentence-like start follow: an
upper-case letter, a digit, or an opening quote/bracket before one.  A period
does not end a sentence after a title or other abbreviation ("Mr.", "Dr.",
"sig.", "dott.", "e.g.", "Jan."), after an initial ("J. Smith"), or after
"No."/"n."/"art." before a number; after an abbreviation that may close a
sentence ("etc.", "ecc.", "U.S.", "Inc.") it ends one only when a common
sentence-opening word follows.  Decimal numbers (0.12, 2,7) never contain
whitespace after the mark and so never split.

Offsets are absolute: ``text[s.start:s.end]`` is the sentence with the
whitespace around it stripped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from contention.model import Sentence
from contention.segment.language import assign_languages


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# Abbreviations (lower case, with the final period) that never end a sentence.
NEVER_END = _words(
    """
    mr. mrs. ms. messrs. dr. prof. st. mt. ft. gen. lt. col. capt. sgt. cpl. maj. adm. cmdr.
    gov. sen. rep. rev. hon. pres. supt. insp. det. fr. sr. sra. mme. mlle. hr.
    e.g. i.e. cf. viz. vs. v. approx. ca. est. ref. fig. figs. ch. sec. para. ed. eds.
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    sig. sigg. sig.ra sig.na dott. dott.ssa dr.ssa prof.ssa avv. ing. arch. geom. rag.
    l'on. l’on. mons. cfr. pag. pagg. tel. fam. cav. comm. egr. gent. spett. p.es. es.
    sez. reg.
    gen. mag. giu. lug. ott. dic.
    """
)
# Never end a sentence when a number follows ("No. 10", "art. 18", "n. 5").
NUMBER_PREFIX = _words("no. nos. nr. n. nn. art. artt. p. pp. vol. vols. par. pt. tab. op.")
# May end a sentence; do so only when a sentence-opening word follows.
CAN_END = _words(
    """
    etc. ecc. inc. ltd. co. corp. jr. bros. plc. llc. al. a.m. p.m. u.s. u.k. u.n. e.u.
    spa. s.p.a. s.r.l. srl. d.c. a.c. ss.
    """
)
STARTERS = _words(
    """
    the a an this that these those it its he she they we i you there here but and or so yet
    however meanwhile in on at for after before when while if as his her their our one no
    police officials authorities protesters workers
    il lo la i gli le un una uno questo questa questi queste quello quella ma e però inoltre
    nel nella nei negli nelle dopo prima quando se come secondo anche poi per in ci non è si
    """
)

_END = re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’»)\]]*(?=\s)")
_OPENERS = "\"'“‘«([¿¡"
_DASHES = "–—-"
_TOKEN_EDGE = re.compile(r"^[\"'“‘«(\[]+")
_ELISION = re.compile(r"^[^\W\d_]+['’]")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_BULLET = re.compile(r"^(?:[-•*▪·]|\d{1,2}[.)])\s")
_LINE_DONE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
SHORT_LINE = 60
HEADING_RATIO = 0.7


def _starts_sentence(text: str, j: int, end: int, caseless: bool = False) -> bool:
    """Does a sentence plausibly begin at ``text[j]``?  (Any letter, in a caseless text.)"""
    k = j
    while k < end and text[k] in _OPENERS:
        k += 1
    if k < end and k == j and text[k] in _DASHES and k + 1 < end and text[k + 1] == " ":
        k += 2
    if k >= end:
        return False
    ch = text[k]
    return ch.isupper() or ch.isdigit() or (caseless and ch.isalpha())


def _next_word(text: str, j: int, end: int) -> str:
    m = re.compile(r"[\"'“‘«(\[]*([^\W\d_]+)").match(text, j, end)
    return m.group(1) if m else ""


def _is_boundary(
    text: str, m: re.Match[str], para_start: int, j: int, para_end: int, caseless: bool = False
) -> bool:
    """Is the punctuation run ``m`` (followed by whitespace, then ``text[j]``) a sentence end?"""
    if not _starts_sentence(text, j, para_end, caseless):
        return False
    marks = m.group().rstrip("\"'”’»)]")
    if "!" in marks or "?" in marks:
        return True
    if "…" in marks or "..." in marks:
        # "word … Next" and "[…]" are elisions inside a sentence; "word… Next" ends one
        before = text[m.start() - 1] if m.start() > para_start else " "
        return not (before.isspace() or before == "[")
    # a single period: look at the token it closes
    ws = max(text.rfind(" ", para_start, m.start()), text.rfind("\n", para_start, m.start()))
    token = _TOKEN_EDGE.sub("", text[ws + 1 : m.start()])
    if not token:
        return True
    abbrev = token.lower() + "."
    # "l'art. 18", "dell’avv. Rossi": the abbreviation follows an elided article
    bare = _ELISION.sub("", abbrev)
    if abbrev in NEVER_END or bare in NEVER_END:
        return False
    if (abbrev in NUMBER_PREFIX or bare in NUMBER_PREFIX) and text[j].isdigit():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Smith"
    if abbrev in CAN_END or _ACRONYM.match(token):
        return _next_word(text, j, para_end).lower() in STARTERS
    # "am 5. Dezember": a German ordinal day before its month does not end a sentence.
    ordinal_day = token.isdigit() and len(token) <= 2
    return not (ordinal_day and _next_word(text, j, para_end).lower() in months())


@cache
def months() -> frozenset[str]:
    """Month names of every supported language (from ``lang/<code>/dates.toml``), lower case."""
    from contention import lang

    return frozenset(
        name.lower()
        for code in lang.SUPPORTED
        for name in lang.load(code, "dates").get("months", {})
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(
    text: str, start: int, end: int, caseless: bool = False
) -> Iterator[tuple[int, int]]:
    """Sentence spans (absolute, stripped, non-empty) inside ``text[start:end]``.

    ``caseless`` is for text written all in lower case (some archives and feeds
    lower-case everything): a sentence may then start with any letter.
    """
    cur = start
    for m in _END.finditer(text, start, end):
        j = m.end()
        while j < end and text[j].isspace():
            j += 1
        if j >= end:
            break
        if _is_boundary(text, m, start, j, end, caseless):
            s, e = _strip(text, cur, m.end())
            if s < e:
                yield s, e
            cur = j
    s, e = _strip(text, cur, end)
    if s < e:
        yield s, e


def _line_breaks_paragraph(prev: str, cur: str, widest: int) -> bool:
    """Does a single newline between these two (stripped) lines start a new paragraph?

    ``widest`` is the longest line of the block: a line counts as a short
    heading only when it is much shorter than its block, so that text
    hard-wrapped at a narrow width is not cut at every line.
    """
    if _BULLET.match(cur):
        return True
    first = cur[0]
    opens = first.isupper() or first.isdigit() or first in _OPENERS or first in _DASHES
    if not opens:
        return False
    if _LINE_DONE.search(prev):
        return True
    short = len(prev) < min(SHORT_LINE, HEADING_RATIO * widest)
    return short and prev[-1] not in ",;:-–—("


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Stripped, non-empty line spans of ``text[start:end]``."""
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        s, e = _strip(text, pos, line_end)
        if s < e:
            yield s, e
        pos = line_end + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (absolute, stripped, non-empty) of ``text``."""
    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        lines = list(_lines(text, *block))
        if not lines:
            continue
        widest = max(e - s for s, e in lines)
        para_start, prev_end = lines[0]
        for (ps, pe), (s, e) in pairwise(lines):
            if _line_breaks_paragraph(text[ps:pe], text[s:e], widest):
                spans.append((para_start, prev_end))
                para_start = s
            prev_end = e
        spans.append((para_start, prev_end))
    return spans


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans between blank lines (lines holding only whitespace)."""
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


# Below this share of upper-case letters a text counts as written in lower case.
CASELESS_SHARE = 0.005


def is_caseless(text: str) -> bool:
    """Whether ``text`` is (nearly) all lower case, so capitals cannot mark sentence starts."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    if len(letters) < 200:
        return False
    return sum(c.isupper() for c in letters) / len(letters) < CASELESS_SHARE


def segment(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, each with its paragraph number and language."""
    spans: list[tuple[int, int, int]] = []
    caseless = is_caseless(text)
    for p, (ps, pe) in enumerate(paragraphs(text)):
        spans.extend((s, e, p) for s, e in split_sentences(text, ps, pe, caseless))
    languages = assign_languages([text[s:e] for s, e, _ in spans], [p for _, _, p in spans])
    return [
        Sentence(index=i, start=s, end=e, paragraph=p, language=lang)
        for i, ((s, e, p), lang) in enumerate(zip(spans, languages, strict=True))
    ]
