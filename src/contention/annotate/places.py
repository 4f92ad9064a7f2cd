"""Find toponyms in a document and resolve them to the gazetteer with the document as context.

NOTICE: place data comes from GeoNames (https://www.geonames.org/), CC-BY 4.0
(see :mod:`contention.annotate.gazetteer`).

How it works, and why:

1. Candidates are runs of capitalised (or caseless-script) tokens, joined by
   the connectors place names use ("Rio de Janeiro", "Bosnia and
   Herzegovina") and across the dot of "St." / "Mt." ("St. Louis"), split
   greedily into the longest sub-spans of at most four tokens that the
   gazetteer knows.  "U.S."-style dotted capitals are one token; an unknown
   compound of capitalised words ("Amsterdam-London") is split; codes with
   digits ("A429") are no name words.  Italian elisions ("dell'Ucraina")
   and English possessives ("Kazakhstan's") are cut off.  Stop words
   (months, weekdays, titles, people and firms that share a name with some
   hamlet) and stop phrases ("Independence Day") are never looked up;
   demonyms ("Kazakh", "algerini", and ``countryinfo``'s English ones) are
   no places but count as weak evidence of the document's country (on
   request, a capitalised one used as an adjective, "Russian troops", comes
   out as a country mention of feature "demonym": see :func:`find_places`).  So
   does a country acronym used as a modifier ("U.S. troops", "U.S.-led");
   after a locative ("in the U.S.") or before a function word it is a place.
   An acronym alias matches only text in capitals ("US", not "Us").
2. Readings that are something else: a name next to a street, building or
   feature word ("Atlantic Avenue", "Carnegie Library", "Lake Manassas",
   "viale Lenin", "Wilson's Farm") names that thing; a town name glued to an unknown
   capitalised word ("Nursultan Nazarbayev") is part of a name; a town name
   after a title ("Mr Allen"), used as a surname ("Megyn Kelly") or before a
   verb of saying or "who" ("Barry said", not after a locative: "from
   Dewsbury said") is that person everywhere in the document (towns under
   100,000); an all-capital
   short word inside a sentence ("SOL", "KOBE") is an acronym, not a town.
3. Context: every country name counts 1 for its country, every unambiguous
   big city or region 1, every demonym 0.5 — per sentence; admin1 regions
   are in context when the document names them, a place only in them, or
   writes them as a qualifier ("…, N.J.").  A candidate's score is its
   population (log scale), its level (a country, a continent or a world
   region is strong), twice its country's share of the evidence (of the
   document, or of the sentence and its two neighbours, whichever is
   larger), a bonus when its admin1 region is in context ("Allendale" in a
   New Jersey story), a bonus for "X region" / "city of X", a bigger one for
   a written qualifier ("Florence, Alabama", "Parkland, Fla.", "Tacoma,
   WA"), and a penalty for an alternate name unlike the main one.  So a
   Kazakh article keeps "Aksu" in Kazakhstan although China's Aksu is
   bigger, and a passing mention of Algeria or Ukraine does not move its
   towns.  A namesake of a world city needs its country to dominate
   ("London" stays British in an article about Ohio unless it says
   "London, Ohio").  A US state beats a foreign city that merely has the
   state's name among its alternates (Florida, not Floridablanca).
4. Acceptance thresholds keep tiny places out: a city needs 1,000
   inhabitants when its admin1 region is in context or a qualifier names
   it, 5,000 when only its country is (a country has many homonyms),
   15,000 outside the context countries (5,000 for multi-word names); names
   of four letters or less, fuzzy matches and alternate names ask more (an
   alternate one: 20,000 in context, a million without: "Salisbury" is not
   Harare, "Kelly" not a town in Alabama).  An admin1 region outside the
   context countries needs 250,000.  A sentence-initial word or a word in a
   title-case headline needs a big place; a word the document also writes
   in lower case, or a listed ambiguous one ("Mobile", "Troy"), needs more
   than its name.
5. One reading per name and document: spans of the same name without their
   own qualifier take the reading chosen most often ("Parkland" is one town
   throughout).  A written state abbreviation after a comma ("Fla.", "WA")
   is a mention of its admin1 region too.

Precision: countries → COUNTRY (coordinate: the country's centre point, see
the gazetteer module), admin1 → ADMIN1, cities → CITY; continents and world
regions ("Europe", "Middle East", "Pacific") → COUNTRY, the coarsest level
there is, with country "" unless the region lies in one country.  Spans
include the admin/city word when the text has one ("Mangystau region",
"regione di Mangystau"), so the evidence says what was read.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from contention.annotate.gazetteer import Candidate, Gazetteer, get_gazetteer, normalize
from contention.lang import SUPPORTED, load
from contention.model import PlaceMention, PlacePrecision, Sentence, make_span

MAX_TOKENS = 4
# "U.S.", "D.C." (capitals with dots) are one token; otherwise a word with inner
# apostrophes and hyphens
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]\w*(?:['’‐‑-]\w+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_ELISION = re.compile(r"^(?:l|d|dell|all|nell|sull|dall|coll|un|quell|sant)['’]", re.IGNORECASE)
# lower-case words inside place names ("Rio de Janeiro", "Bosnia and Herzegovina")
_CONNECTORS = frozenset(
    "de di del della dei da do dos das la le les des du van von der den and e y upon on sur"  # noqa: SIM905
    " am im al el".split()
)
# Russian case endings and the nominative endings they may stand for, longest first
# ("в Жанаозене" → Жанаозен, "из Москвы" → Москва, "в России" → Россия,
# "Мангистауской области" → Мангистауская).  GeoNames holds the nominative only.
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ией", ("ия",)),
    ("ии", ("ия",)),
    ("ию", ("ия",)),
    ("ого", ("ий", "ое")),
    ("ой", ("а", "ая")),
    ("ую", ("ая",)),
    ("ом", ("", "о")),
    ("ем", ("", "е", "ь", "ий")),
    ("ью", ("ь",)),
    ("е", ("", "а", "о", "я", "ь")),
    ("а", ("",)),
    ("у", ("", "а")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь")),
    ("ю", ("я", "ь")),
)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+(?:[-‐‑][\u0400-\u04FF]+)*")
_RU_MIN_STEM = 3


def russian_nominatives(name: str) -> list[str]:
    """Nominative spellings a Cyrillic name in an oblique case may come from, likeliest first.

    Only the last word of a hyphenated name declines in news Russian
    ("Алма-Ате" → "Алма-Ата", "Санкт-Петербурге" → "Санкт-Петербург"); in a
    multi-word name every word may ("Нижнем Новгороде"), so each word's forms are
    combined.  Stems shorter than three letters are left alone.  Returns ``[]``
    for anything that is not Cyrillic: other languages are never touched.
    """
    words = name.split(" ")
    if not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return []
    options = [[w, *_word_nominatives(w)] for w in words]
    forms = [" ".join(combo) for combo in itertools.product(*options)]
    return [f for f in dict.fromkeys(forms) if f != name]


def _word_nominatives(word: str) -> list[str]:
    low = word.casefold()
    out: list[str] = []
    for ending, replacements in _RU_ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= _RU_MIN_STEM:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in replacements)
    return out


# Abbreviated first words of place names, joined to the next word across their
# dot ("St. Croix", "Ft. Worth") and written out when the short form is unknown.
_ABBREVIATED = {"St": "Saint", "Ste": "Sainte", "Mt": "Mount", "Ft": "Fort"}


def _lookup(gaz: Gazetteer, phrase: str, fuzzy: bool, res: _Resources) -> list[Candidate]:
    """Gazetteer candidates of ``phrase``; a Russian oblique case falls back to the nominative."""
    cands = gaz.lookup(phrase, fuzzy=fuzzy)
    if cands:
        return cands
    first, _, rest = phrase.partition(" ")
    if first.rstrip(".") in _ABBREVIATED and rest:
        cands = gaz.lookup(f"{_ABBREVIATED[first.rstrip('.')]} {rest}", fuzzy=False)
        if cands:
            return cands
    for form in russian_nominatives(phrase):
        key = normalize(form)
        if key in res.stop_words or key in res.names:
            continue
        cands = gaz.lookup(form, fuzzy=False)
        if cands:
            return cands
    return []


_PRECISION = {
    "city": PlacePrecision.CITY,
    "admin1": PlacePrecision.ADMIN1,
    "country": PlacePrecision.COUNTRY,
    # nothing coarser exists: a continent's or a sea's point is no better than a country's
    "continent": PlacePrecision.COUNTRY,
    "region": PlacePrecision.COUNTRY,
}
_AREAS = frozenset({"country", "continent", "region"})  # levels above any one country's parts


@dataclass(frozen=True, slots=True)
class _Resources:
    stop_words: frozenset[str]
    names: frozenset[str]
    stop_phrases: frozenset[str]
    demonyms: dict[str, str]
    admin_after: tuple[str, ...]
    admin_before: tuple[str, ...]
    city_after: tuple[str, ...]
    city_before: tuple[str, ...]
    qualifiers: dict[str, str]
    ambiguous: frozenset[str]
    stop_pattern: re.Pattern[str] | None
    titles: frozenset[str] = frozenset()
    name_after: frozenset[str] = frozenset()
    name_before: frozenset[str] = frozenset()
    qualifier_pattern: re.Pattern[str] | None = None
    locatives: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    person_after: frozenset[str] = frozenset()


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all stop phrases; apostrophes and hyphens vary."""
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w).replace("'", "['’]") for w in p.split()]
        alts.append(r"[\s\-]+".join(words))
    if not alts:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


@cache
def _resources() -> _Resources:
    """Union of every supported language's place resources.

    One page can mix languages, and none of these words is a place in
    another supported language, so the union is safe and simpler than
    switching per sentence.
    """
    words: set[str] = set()
    names: set[str] = set()
    phrases: set[str] = set()
    demonyms: dict[str, str] = {}
    qualifiers: dict[str, str] = {}
    ambiguous: set[str] = set()
    raw_phrases: set[str] = set()
    lists: dict[str, set[str]] = {
        k: set() for k in ("aa", "ab", "ca", "cb", "t", "na", "nb", "loc", "fw", "pa")
    }
    for lang in SUPPORTED:
        res = load(lang, "places")
        words.update(w.casefold() for w in res.get("stop", {}).get("words", []))
        names.update(w.casefold() for w in res.get("stop", {}).get("names", []))
        phrases.update(normalize(p) for p in res.get("stop", {}).get("phrases", []))
        raw_phrases.update(res.get("stop", {}).get("phrases", []))
        ambiguous.update(normalize(w) for w in res.get("stop", {}).get("ambiguous", []))
        demonyms.update({k.casefold(): v for k, v in res.get("demonyms", {}).items()})
        qualifiers.update(res.get("qualifiers", {}))
        lists["aa"].update(res.get("admin_words", {}).get("after", []))
        lists["ab"].update(res.get("admin_words", {}).get("before", []))
        lists["ca"].update(res.get("city_words", {}).get("after", []))
        lists["cb"].update(res.get("city_words", {}).get("before", []))
        lists["t"].update(w.casefold() for w in res.get("stop", {}).get("titles", []))
        lists["loc"].update(w.casefold() for w in res.get("stop", {}).get("locatives", []))
        lists["fw"].update(w.casefold() for w in res.get("stop", {}).get("function_words", []))
        lists["pa"].update(w.casefold() for w in res.get("stop", {}).get("person_after", []))
        lists["na"].update(w.casefold() for w in res.get("name_words", {}).get("after", []))
        lists["nb"].update(w.casefold() for w in res.get("name_words", {}).get("before", []))

    def longest_first(xs: set[str]) -> tuple[str, ...]:
        return tuple(sorted(xs, key=lambda s: (-len(s), s)))

    return _Resources(
        frozenset(words),
        frozenset(names),
        frozenset(phrases),
        demonyms,
        longest_first(lists["aa"]),
        longest_first(lists["ab"]),
        longest_first(lists["ca"]),
        longest_first(lists["cb"]),
        qualifiers,
        frozenset(ambiguous),
        _phrase_pattern(raw_phrases),
        frozenset(lists["t"]),
        frozenset(lists["na"]),
        frozenset(lists["nb"]),
        _qualifier_pattern(qualifiers),
        frozenset(lists["loc"]),
        frozenset(lists["fw"]),
        frozenset(lists["pa"]),
    )


def _qualifier_pattern(qualifiers: dict[str, str]) -> re.Pattern[str] | None:
    """``", Fla."``, ``" D.C."``: a written qualifier right after a name (case-sensitive)."""
    if not qualifiers:
        return None
    alts = "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
    return re.compile(rf"(,? )({alts})(?![\w.])")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    cap: bool


@dataclass(slots=True)
class _Span:
    """A looked-up candidate toponym with what its position says about it."""

    start: int
    end: int
    sent: int  # index into the sentence list
    ntok: int
    key: str
    cands: list[Candidate]
    weak: bool  # sentence-initial or in a title-case headline
    common: bool  # the document also writes this word in lower case
    glued: bool  # next to an unknown capitalised word of the same run
    hint: str | None = None  # "admin1" | "city"
    # (country, admin1 or None) pairs from a qualifier right after it: "Florence, Alabama"
    qualifier: frozenset[tuple[str, str | None]] = frozenset()
    span_start: int = 0
    span_end: int = 0
    titled: bool = False  # right after a title ("Mr Kelly"): a person
    surname: bool = False  # last word after an unknown capitalised one ("Megyn Kelly")
    speaker: bool = False  # before a verb of saying or "who" ("Barry said", "Barry, who")


_TITLE_BEFORE = re.compile(r"(\w+)\.? $")


def _is_cap(word: str) -> bool:
    c = word[0]
    return c.isupper() or (c.isalpha() and not c.islower())


_HYPHEN = re.compile(r"[‐‑-]")


def _split_compound(word: str, start: int, gaz: Gazetteer, res: _Resources) -> list[_Token]:
    """ "Amsterdam-London", "Asia-Pacific": parts of an unknown compound of capitalised words.

    A known compound ("Nur-Sultan", "Guinea-Bissau", Russian "Алма-Ате") stays
    whole, and so does one with a lower-case part ("London-based": a
    modifier, like "U.S.-led").
    """
    parts = _HYPHEN.split(word)
    if len(parts) < 2 or not all(p and _is_cap(p) for p in parts):
        return []
    if _lookup(gaz, word, False, res):
        return []
    out: list[_Token] = []
    pos = start
    for p in parts:
        out.append(_Token(pos, pos + len(p), p, True))
        pos += len(p) + 1
    return out


def _tokens(text: str, sent: Sentence, gaz: Gazetteer, res: _Resources) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text, sent.start, sent.end):
        start, end = m.start(), m.end()
        word = m.group()
        if pm := _POSSESSIVE.search(word):
            end -= len(pm.group())
            word = word[: len(word) - len(pm.group())]
        if (em := _ELISION.match(word)) and len(word) > len(em.group()):
            rest = word[len(em.group()) :]
            # "dell'Ucraina" → "Ucraina"; a capital "L'" starts names ("L'Aquila", "L'Avana").
            if _is_cap(rest) and (word[0].islower() or len(em.group()) > 2):
                start += len(em.group())
                word = rest
        parts = _split_compound(word, start, gaz, res) if _HYPHEN.search(word) else []
        # a code with digits ("A429", "G7") is no word of a name
        cap = _is_cap(word) and not any(ch.isdigit() for ch in word)
        out.extend(parts or [_Token(start, end, word, cap)])
    return out


def _runs(tokens: list[_Token], text: str) -> list[list[int]]:
    """Indices of capitalised tokens grouped into runs (single spaces, inner connectors)."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(tokens):
        joined = bool(cur) and (
            text[tokens[cur[-1]].end : tok.start] == " "
            or (
                tokens[cur[-1]].text in _ABBREVIATED
                and text[tokens[cur[-1]].end : tok.start] == ". "
            )
        )
        if tok.cap:
            if cur and not joined:
                runs.append(cur)
                cur = []
            cur.append(i)
        elif (
            cur
            and joined
            and tok.text.casefold() in _CONNECTORS
            and i + 1 < len(tokens)
            and tokens[i + 1].cap
            and text[tok.end : tokens[i + 1].start] == " "
        ):
            cur.append(i)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _hint(text: str, start: int, end: int, res: _Resources) -> tuple[str | None, int, int]:
    """Admin/city word right before or after the name → (hint, widened start, end)."""
    after = text[end : end + 20].casefold()
    before = text[max(0, start - 25) : start].casefold()
    for kind, words_after, words_before in (
        ("admin1", res.admin_after, res.admin_before),
        ("city", res.city_after, res.city_before),
    ):
        for w in words_after:
            if re.match(rf" {re.escape(w)}\b", after):
                return kind, start, end + 1 + len(w)
        for w in words_before:
            if re.search(rf"(?<!\w){re.escape(w)} $", before):
                return kind, start - len(w) - 1, end
    return None, start, end


def _glued(
    tokens: list[_Token],
    run: list[int],
    span_of: dict[int, int],
    me: int,
    k: int,
    step: int,
    res: _Resources,
    lower: frozenset[str],
) -> bool:
    """Whether run position ``k`` (next to match ``me``) makes the match part of a longer name.

    A lower-case connector ends the name ("Algeria and Ukraine"); a capitalised
    one continues it ("Michele De Palma").  Another match right next to this one
    ("Royal College", "Jordan Henderson") or an unknown capitalised word
    ("Nursultan Nazarbayev") glues; stop words, demonyms and words the document
    also writes in lower case do not ("President Putin", "Mangystau Region").
    """
    saw_connector = False
    while 0 <= k < len(run):
        tok = tokens[run[k]]
        w = tok.text.casefold()
        if w in _CONNECTORS:
            if not tok.text[0].isupper():
                return False
            saw_connector = True
            k += step
            continue
        other = span_of.get(k)
        if other is not None:
            return other != me and (other >= 0 or saw_connector)
        return w in res.names or (
            w not in res.stop_words and w not in res.demonyms and w not in lower
        )
    return saw_connector


def _blocked(text: str, res: _Resources) -> set[int]:
    """Start offsets of words inside stop phrases ("Forza Italia", "Fratelli d'Italia")."""
    out: set[int] = set()
    if res.stop_pattern is None:
        return out
    for m in res.stop_pattern.finditer(text):
        out.update(t.start() for t in _TOKEN.finditer(text, m.start(), m.end()))
        out.update(
            t.start() + len(e.group())
            for t in _TOKEN.finditer(text, m.start(), m.end())
            if (e := _ELISION.match(t.group()))
        )
    return out


def _candidate_spans(
    text: str,
    sent: Sentence,
    sent_index: int,
    gaz: Gazetteer,
    res: _Resources,
    lower: frozenset[str],
    blocked: set[int],
) -> list[_Span]:
    tokens = [t for t in _tokens(text, sent, gaz, res) if t.start not in blocked]
    if not tokens:
        return []
    alpha = [t for t in tokens if t.text.casefold() not in _CONNECTORS]
    headline = len(alpha) >= 4 and sum(t.cap for t in alpha) >= 0.7 * len(alpha)
    spans: list[_Span] = []
    for run in _runs(tokens, text):
        span_of: dict[int, int] = {}  # run position → index in found (-1: a stop phrase)
        found: list[tuple[int, int, _Span]] = []
        i = 0
        while i < len(run):
            if not tokens[run[i]].cap:  # lower-case connector
                i += 1
                continue
            for j in range(min(len(run), i + MAX_TOKENS), i, -1):
                last = tokens[run[j - 1]]
                if last.text.casefold() in _CONNECTORS:
                    continue
                first = tokens[run[i]]
                phrase = text[first.start : last.end]
                key = normalize(phrase)
                if key in res.stop_phrases:
                    span_of.update(dict.fromkeys(range(i, j), -1))
                    i = j
                    break
                if j - i == 1 and (key in res.stop_words or key in res.names or key in _CONNECTORS):
                    continue
                cands = _lookup(gaz, phrase, i == 0 and j == len(run) and len(key) >= 5, res)
                if not _capitals(phrase):  # "Us" is not "US"
                    cands = [c for c in cands if c.match != "acronym"]
                else:
                    if j - i == 1 and len(key) <= 4 and run[i] > 0 and not headline:
                        # "SOL", "KOBE" inside a sentence: an acronym or a brand, not a town
                        cands = [c for c in cands if c.feature in _AREAS]
                    if _attributive(text, first.start, last.end, res):
                        # "U.S. troops", "UK Foreign Office": an adjective, like "American"
                        cands = [c for c in cands if c.match != "acronym"]
                if j - i == 1 and key in res.demonyms:
                    # "Kazakh" is no place; "Ucraina" is both an adjective and the country
                    cands = [c for c in cands if c.feature == "country" and c.match == "exact"]
                if not cands:
                    continue
                weak = headline or (j - i == 1 and run[i] == 0)
                common = j - i == 1 and key in lower
                span = _Span(
                    first.start, last.end, sent_index, j - i, key, cands, weak, common, False
                )
                span_of.update(dict.fromkeys(range(i, j), len(found)))
                found.append((i, j, span))
                i = j
                break
            else:
                i += 1
        for n, (i, j, span) in enumerate(found):
            left = _glued(tokens, run, span_of, n, i - 1, -1, res, lower)
            right = _glued(tokens, run, span_of, n, j, 1, res, lower)
            # a country keeps an unknown word before it ("Soviet Ukraine", "Ottoman
            # Turkey"); a word after it reads as a surname ("Jordan Henderson")
            country = any(c.feature in _AREAS for c in span.cands)
            span.glued = right or (left and not country)
            # "Atlantic Avenue", "Carnegie Library", "Lake Manassas": a street, a building
            # or a natural feature named after the place, not the place
            after = tokens[run[j]].text.casefold().rstrip(".") if j < len(run) else ""
            tm = _TITLE_BEFORE.search(text, max(0, span.start - 24), span.start)
            before = tm.group(1).casefold() if tm else ""  # any case: "in piazza Tahrir"
            owner = _POSSESSOR.match(text, span.end)
            if after in res.name_after or before in res.name_before:
                span.glued = True
            elif owner and _is_cap(owner.group(1)) and owner.group(1).casefold() in res.name_after:
                span.glued = True  # "Wilson's Farm", "St Peter's Basilica": a building or estate
            spoke = _SPEAKER.match(text, span.end)
            at = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
            span.speaker = (  # "from Dewsbury said" is still a place
                spoke is not None
                and spoke.group(1).casefold() in res.person_after
                and not (at and at.group(1).casefold() in res.locatives)
            )
            span.titled = before in res.titles
            prev = tokens[run[i - 1]].text if i > 0 else ""
            span.surname = (  # "Megyn Kelly"; not "A429 Cirencester", not "NHS Sutton"
                j == len(run)
                and j - i == 1
                and left
                and prev.isalpha()
                and not prev.isupper()
                and prev.casefold() not in _CONNECTORS
                and (i - 1) not in span_of
            )
            span.hint, span.span_start, span.span_end = _hint(text, span.start, span.end, res)
            spans.append(span)
    return spans


_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
# the word after a possessive ("Wilson's Farm") and the word after a name (",? said")
_POSSESSOR = re.compile(r"['’]s ([^\W\d_]+)")
_SPEAKER = re.compile(r",? ([^\W\d_]+)")


_WORD_BEFORE = re.compile(r"(\w+) (?:the )?$", re.IGNORECASE)


def _attributive(text: str, start: int, end: int, res: _Resources) -> bool:
    """Whether the acronym at ``start``…``end`` is a modifier ("U.S. troops"), not a place.

    After a locative preposition it is a place ("in the U.S. ended").  A
    name ("U.S. Army") or a content word ("U.S. troops") after it makes it
    a modifier; a function word ("the U.S. and Europe", "the U.S. has") or
    punctuation, a noun.
    """
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1).casefold() in res.locatives:
        return False
    if text.startswith(("-", "‐", "‑"), end):
        return True  # "U.S.-led"
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if _is_cap(word) or word.casefold() not in res.function_words:
        return True
    # "U.S. and British jets": coordinated with a demonym, a modifier too
    after = _NEXT_WORD.match(text, m.end())
    return after is not None and after.group(1).casefold() in res.demonyms


def _capitals(phrase: str) -> bool:
    """Whether every letter of ``phrase`` is a capital ("UAE", "U.S.")."""
    letters = [ch for ch in phrase if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the document also writes in lower case: a capitalised one is then likely common."""
    return frozenset(m.group() for m in _TOKEN.finditer(text) if m.group()[0].islower())


def _qualify(text: str, spans: list[_Span], res: _Resources) -> list[tuple[int, int, str, str]]:
    """Narrow "City, Region" and "City, Country" pairs (and "Washington, D.C.").

    Returns the written qualifiers after a comma ("Parkland, Fla.", "Tacoma,
    WA") as (start, end, country, admin1 name): mentions of their region too.
    """
    for a, b in itertools.pairwise(spans):
        if text[a.end : b.start] in (", ", " (", " - "):
            a.qualifier = frozenset(
                (c.country, c.admin1 if c.feature == "admin1" else None)
                for c in b.cands
                if c.feature not in ("city", "continent", "region") and c.match != "fuzzy"
            )
    written: list[tuple[int, int, str, str]] = []
    if res.qualifier_pattern is None:
        return written
    for sp in spans:
        m = res.qualifier_pattern.match(text, sp.end)
        if m is None:
            continue
        cc, _, admin1 = res.qualifiers[m.group(2)].partition("|")
        sp.qualifier = frozenset({(cc, admin1 or None)})
        if m.group(1) == ", " and admin1:
            written.append((m.start(2), m.end(2), cc, admin1))
    return written


_Region = tuple[str, str]  # (country, admin1 name)


def _evidence(
    spans: list[_Span], text: str, sentences: Sequence[Sentence], res: _Resources
) -> tuple[list[dict[str, float]], dict[_Region, set[str]]]:
    """Country evidence per sentence and admin1 evidence of the document.

    Countries: country names and unambiguous big places 1, demonyms 0.5.
    Admin1 regions: the names that place the document in a region — a name
    whose big readings all lie in one region ("Iowa", "Paterson", "New York")
    or a written qualifier ("…, N.J.", recorded as "").
    """
    weights: list[dict[str, float]] = [defaultdict(float) for _ in sentences]
    regions: dict[_Region, set[str]] = defaultdict(set)
    inside: set[int] = set()
    for sp in spans:
        inside.update(range(sp.start, sp.end))
        for cc, a1 in sp.qualifier:
            if a1:
                regions[(cc, a1)].add("")
        exact = [c for c in sp.cands if c.match in ("exact", "acronym") and c.country]
        countries = {c.country for c in exact if c.feature == "country"}
        if countries and not sp.glued:
            for cc in countries:
                weights[sp.sent][cc] += 1.0
            continue
        if sp.glued or sp.common or sp.key in res.ambiguous or sp.titled:
            continue
        top = max((c.population for c in exact), default=0)
        big = [
            c
            for c in exact
            if c.population >= max(100_000, top // 10)
            or (c.feature == "admin1" and c.population >= 10_000)
        ]
        if len({c.country for c in big}) == 1:
            weights[sp.sent][big[0].country] += 1.0
        if len({c.admin1 for c in big}) == 1 and big[0].admin1:
            regions[(big[0].country, big[0].admin1)].add(sp.key)
    for n, sent in enumerate(sentences):
        for m in _TOKEN.finditer(text, sent.start, sent.end):
            demonym_of = res.demonyms.get(m.group().casefold())
            if demonym_of and m.start() not in inside:
                weights[n][demonym_of] += 0.5
    return weights, regions


def _shares(weights: Iterable[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for w in weights:
        for cc, x in w.items():
            total[cc] += x
    norm = sum(total.values())
    return {cc: x / norm for cc, x in total.items()} if norm else {}


@dataclass(frozen=True, slots=True)
class _Context:
    """Country shares of the whole document and of each sentence's neighbourhood (±1)."""

    document: dict[str, float]
    local: list[dict[str, float]]
    regions: dict[_Region, set[str]] = dataclasses.field(default_factory=dict)

    def in_region(self, c: Candidate, sp: _Span) -> bool:
        """Whether the document names ``c``'s admin1 region (itself or by a place in it).

        Only other names count: Aksu in China's Xinjiang is no evidence for
        reading "Aksu" as China's.
        """
        names = self.regions.get((c.country, c.admin1), set()) if c.admin1 else set()
        return any(k != sp.key for k in names)

    def share(self, c: Candidate, sp: _Span) -> float:
        """How much the text around ``sp`` is about ``c``'s country (0…1).

        A namesake of a world city (one of 500,000 or more, ten times bigger)
        gets context only where its country dominates: 60 % of the document's
        evidence or 40 % of the neighbouring sentences' (Kazakhstan's Aksu, not
        China's; but "Dublin" in a roundup that mentions the US is still
        Ireland's).  At a hundred times smaller ("London", Ohio) context
        never decides: only a qualifier ("London, Ohio") does.
        """
        local = self.local[sp.sent].get(c.country, 0.0)
        doc = self.document.get(c.country, 0.0)
        biggest = max(
            (
                d.population
                for d in sp.cands
                if d.country != c.country and d.match == "exact" and d.population >= 500_000
            ),
            default=0,
        )
        if biggest >= 100 * c.population:
            return 0.0
        if biggest >= 10 * c.population:
            local = local if local >= 0.4 else 0.0
            doc = doc if doc >= 0.6 else 0.0
        return max(local, doc)


def _context(
    spans: list[_Span], text: str, sentences: Sequence[Sentence], res: _Resources
) -> _Context:
    weights, regions = _evidence(spans, text, sentences, res)
    local = [_shares(weights[max(0, n - 1) : n + 2]) for n in range(len(weights))]
    return _Context(_shares(weights), local, dict(regions))


# Feature of a country named by an adjective ("Russian troops", "U.S. officials"):
# a mention of the country, never the place where something happened.
DEMONYM = "demonym"

# Towns of at most this size named like someone the document writes about ("Kelly
# said", "Mr Allen") are taken for that person; bigger cities are known as places.
PERSON_TOWN_MAX = 100_000


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the document says around one candidate reading of a span."""

    share: float  # the candidate's country's share of the context (0…1)
    region: bool  # the document names the candidate's admin1 region
    person: bool  # the span's word is someone's name elsewhere in the document


def _min_population(c: Candidate, sp: _Span, rd: _Reading, res: _Resources) -> float:
    """Smallest population that makes ``c`` a believable reading of ``sp`` (inf: never).

    Context tiers: a written qualifier or the candidate's own admin1 region
    named in the document lets a village count; its country alone, a small
    town (among a country's many homonyms the country cannot choose);
    nothing, a town of some size.
    """
    share = rd.share
    if c.feature in _AREAS:
        return math.inf if sp.glued else 0
    if sp.glued or sp.common or len(sp.key) <= 2:
        return math.inf
    qualified = _qualified(c, sp)
    if (sp.titled or rd.person) and not (qualified or sp.hint) and c.population < PERSON_TOWN_MAX:
        return math.inf  # "Mr Kelly", "Kelly said" after "Megyn Kelly"
    if c.feature == "admin1":
        if c.match == "fuzzy" and not (sp.hint == "admin1" or share > 0):
            return 1_000_000
        if share > 0 or qualified or sp.hint == "admin1" or c.match == "acronym":
            return 0
        # a region abroad that the text does not place: only a big one is news
        return 250_000
    if sp.key in res.ambiguous and not (sp.qualifier or sp.hint or (share > 0 and not sp.weak)):
        return math.inf  # "Mobile", "Troy", "Florence": a common word or a first name too
    in_context = share > 0 or qualified or rd.region
    if qualified or rd.region:
        floor = 1_000
    elif share > 0:
        floor = 5_000
    else:
        floor = 15_000 if sp.ntok == 1 else 5_000
    if in_context and sp.hint == "city":
        # "the Dorohusk border crossing", "the village of X": the text says it is a place.
        floor = 200
    if len(sp.key) <= 4:
        floor = max(floor, 20_000 if in_context else 100_000)
    if c.match == "fuzzy":
        floor = max(floor, 20_000 if in_context else 100_000)
    if c.match == "alternate":
        # a former name, an exonym or a swallowed suburb ("Salisbury" for Harare,
        # "Kelly" for a town in Alabama): only a city big enough to be known by it
        floor = max(floor, 20_000 if in_context else 1_000_000)
    if sp.weak:
        strong = in_context and c.match != "alternate"  # "Keith, a teacher, said"
        floor = max(floor, 10_000 if strong else 100_000)
    return floor


def _qualified(c: Candidate, sp: _Span) -> bool:
    """Whether a written qualifier ("…, Ohio", "…, D.C.") names ``c``'s region or country."""
    return (c.country, c.admin1) in sp.qualifier or (c.country, None) in sp.qualifier


def _same_name(a: Candidate, b: Candidate) -> bool:
    return normalize(a.name) == normalize(b.name)


def _score(c: Candidate, sp: _Span, rd: _Reading) -> float:
    """Higher is more likely; only differences between one span's candidates matter."""
    share = rd.share
    if c.feature in ("continent", "region"):
        # towns named after a continent or a sea ("Pacific", Missouri) are small:
        # only a written qualifier or strong context makes one of them the reading
        return 3.0
    s = math.log10(c.population + 1) / 7.0
    s += {"country": 1.0, "admin1": 0.2, "city": 0.0}[c.feature]
    s -= {"exact": 0.0, "acronym": 0.0, "derived": 0.5, "fuzzy": 0.3, "alternate": 0.3}[c.match]
    s += 2.0 * share
    if rd.region:
        s += 0.5  # "Allendale" in a story that names New Jersey
    if _qualified(c, sp):
        s += 2.0
    if sp.hint == "admin1":
        s += 2.0 if c.feature == "admin1" else -1.0
    elif sp.hint == "city":
        s += 1.0 if c.feature == "city" else -1.0
    elif c.feature == "admin1" and any(
        d.feature == "city"
        and d.match in ("exact", "alternate")
        and (
            (d.population >= 250_000 and d.match == "exact")
            or (
                d.country == c.country
                and d.admin1 == c.name
                and (_same_name(d, c) or d.population >= 0.2 * c.population)
            )
        )
        for d in sp.cands
    ):
        # "Moscow", "Mogilev": a region named after its main city is the city without "region";
        # "Washington": a big city of the same name is what news means without "state"
        s -= 0.6
    return s


def _resolve(
    sp: _Span, ctx: _Context, res: _Resources, persons: frozenset[str]
) -> tuple[Candidate, float] | None:
    person = sp.ntok == 1 and sp.key in persons
    scored = []
    for c in sp.cands:
        rd = _Reading(ctx.share(c, sp), ctx.in_region(c, sp), person)
        if c.population >= _min_population(c, sp, rd, res):
            scored.append((_score(c, sp, rd), c))
    if not scored:
        return None
    scored.sort(key=lambda t: (-t[0], -t[1].population, t[1].geonames_id))
    best_score, best = scored[0]
    if len(scored) == 1:
        return best, 1.0
    second = max(scored[1][0], 0.0)
    return best, max(best_score, 0.0) / (max(best_score, 0.0) + second or 1.0)


def _persons(spans: Iterable[_Span]) -> frozenset[str]:
    """Words the document uses as someone's name: after a title, as a surname, or as a speaker."""
    return frozenset(
        sp.key for sp in spans if sp.ntok == 1 and (sp.titled or sp.surname or sp.speaker)
    )


def _one_sense(
    spans: list[_Span], found: list[tuple[Candidate, float] | None]
) -> list[tuple[Candidate, float] | None]:
    """One reading per name and document: "Parkland" is the same town in every sentence.

    Among the spans of one name without a qualifier or an admin/city word of
    their own, the reading chosen most often (then with the best confidence)
    is given to all of them; a span it does not fit (a different form's
    candidates) keeps its own.
    """
    votes: dict[str, dict[Candidate, list[float]]] = defaultdict(dict)
    free = [not sp.qualifier and sp.hint is None for sp in spans]
    for sp, r, ok in zip(spans, found, free, strict=True):
        if r is not None and ok:
            votes[sp.key].setdefault(r[0], []).append(r[1])
    winner = {
        key: max(cands.items(), key=lambda kv: (len(kv[1]), max(kv[1])))[0]
        for key, cands in votes.items()
        if len(cands) > 1
    }
    out: list[tuple[Candidate, float] | None] = []
    for sp, r, ok in zip(spans, found, free, strict=True):
        w = winner.get(sp.key)
        if r is not None and ok and w is not None and w != r[0] and w in sp.cands:
            out.append((w, r[1]))
        else:
            out.append(r)
    return out


def _mention(text: str, start: int, end: int, c: Candidate, score: float) -> PlaceMention:
    return PlaceMention(
        span=make_span(text, start, end),
        name=c.name,
        country=c.country,
        lat=c.lat,
        lon=c.lon,
        precision=_PRECISION[c.feature],
        feature=c.feature,
        geonames_id=c.geonames_id,
        admin1=c.admin1 if c.feature in ("city", "admin1") else None,
        score=round(score, 3),
    )


_WITH_DEMONYMS: dict[Path, _Resources] = {}


def _with_gazetteer_demonyms(res: _Resources, gaz: Gazetteer) -> _Resources:
    """The resources plus the gazetteer's English demonyms (the TOML lists win)."""
    merged = _WITH_DEMONYMS.get(gaz.path)
    if merged is None:
        extra = {k: v for k, v in gaz.demonyms().items() if " " not in k}
        merged = dataclasses.replace(res, demonyms={**extra, **res.demonyms})
        _WITH_DEMONYMS[gaz.path] = merged
    return merged


# A capitalised demonym right before a word is an adjective of its country ("Russian troops").
_ADJECTIVE = re.compile(r" [^\W\d_]")


def _demonyms(
    text: str, sentences: Sequence[Sentence], res: _Resources, blocked: set[int]
) -> list[tuple[int, int, str]]:
    """Capitalised singular demonyms used as adjectives: (start, end, country).

    "Russian troops", "the British government": the text names the country
    as a modifier.  A plural ("Russians protested") is people, not the
    country; a demonym not followed by a word ("in Russian", "a Syrian")
    is a language or a person.
    """
    out: list[tuple[int, int, str]] = []
    for sent in sentences:
        for m in _TOKEN.finditer(text, sent.start, sent.end):
            word = m.group()
            key = word.casefold()
            cc = res.demonyms.get(key)
            if (
                cc
                and m.start() not in blocked
                and word[0].isupper()
                and not (key.endswith("s") and key[:-1] in res.demonyms)
                and _ADJECTIVE.match(text, m.end(), sent.end)
            ):
                out.append((m.start(), m.end(), cc))
    return out


def _modifier_mentions(
    text: str,
    mods: Iterable[tuple[int, int, str]],
    taken: list[tuple[int, int]],
    gaz: Gazetteer,
) -> list[PlaceMention]:
    """Country mentions of feature "demonym" for modifiers outside every resolved name."""
    out: list[PlaceMention] = []
    for start, end, cc in sorted(set(mods)):
        if any(a < end and start < b for a, b in taken):
            continue
        country = gaz.country(cc)
        if country is None:
            continue
        mention = _mention(text, start, end, country, 1.0)
        out.append(dataclasses.replace(mention, feature=DEMONYM))
        taken.append((start, end))
    return out


def find_places(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer | None = None,
    *,
    modifiers: bool = False,
) -> list[PlaceMention]:
    """Place mentions of ``text`` in document order, offsets absolute.

    With ``modifiers``, a capitalised demonym used as an adjective ("Russian
    troops", "the Syrian government") also comes out, as a mention of its
    country with feature :data:`DEMONYM` (precision COUNTRY, score 1.0): the
    text names the country, but says nothing about where anything happened,
    so event coding must not take it for an event place (hence off by
    default).  Toponym recognition in the GeoWebNews sense counts these.

    ``sentences`` must cover the text that may hold places (their language
    does not change the result: the resources of all supported languages
    apply).  Never raises on odd text; an unresolvable name is simply left
    out.  The gazetteer is built on first use (see :func:`get_gazetteer`).
    Continents and world regions come out with feature "continent" or
    "region", precision COUNTRY and country "" unless the region lies in one
    country.
    """
    gaz = gazetteer or get_gazetteer()
    res = _with_gazetteer_demonyms(_resources(), gaz)
    lower = _lowercase_words(text)
    spans: list[_Span] = []
    blocked = _blocked(text, res)
    for n, sent in enumerate(sentences):
        spans.extend(_candidate_spans(text, sent, n, gaz, res, lower, blocked))
    written = _qualify(text, spans, res)
    ctx = _context(spans, text, sentences, res)
    persons = _persons(spans)
    found = _one_sense(spans, [_resolve(sp, ctx, res, persons) for sp in spans])
    out: list[PlaceMention] = []
    for sp, resolved in zip(spans, found, strict=True):
        if resolved is not None:
            out.append(_mention(text, sp.span_start, sp.span_end, *resolved))
    taken = [(p.span.start, p.span.end) for p in out]
    for start, end, cc, admin1 in written:
        if any(a < end and start < b for a, b in taken):
            continue
        region = next(
            (
                c
                for c in gaz.lookup(admin1, fuzzy=False)
                if c.feature == "admin1" and c.country == cc and c.name == admin1
            ),
            None,
        )
        if region is not None:
            out.append(_mention(text, start, end, region, 1.0))
            taken.append((start, end))
    if modifiers:
        out.extend(_modifier_mentions(text, _demonyms(text, sentences, res, blocked), taken, gaz))
    out.sort(key=lambda p: (p.span.start, p.span.end))
    return out
