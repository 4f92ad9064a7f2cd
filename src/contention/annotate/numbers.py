"""Multilingual number parsing: digits and number words to (low, high, best).

Counts in the news come as digits ("8,000", "8.000", "7 939", "1,5 milioni",
"2.7 million"), as words ("ventimila", "two hundred and fifty", "mille"), as
vague quantities ("thousands", "decine di migliaia", "a dozen"), with
qualifiers ("at least 14", "almeno 14", "nearly 8,000") and as ranges
("between 200 and 300", "200-300", "da 200 a 300").  This module turns each of
them into a :class:`Quantity` with ``low``/``high``/``best`` integers; it does
not decide *what* is counted (that is :mod:`contention.annotate.counts`).

Conventions (the vocabulary itself lives in ``lang/<code>/numbers.toml``):

* exact number: low = high = best = value;
* ``min`` qualifiers ("at least", "more than", "over", "almeno", "oltre"):
  low = best = value, high unknown; ``max`` ("up to", "fino a"): high = best =
  value, low unknown;
* ``approx`` ("about", "circa"): best = value, low/high = value ∓ 10 %
  (:data:`APPROX_MARGIN`); ``approx_below`` ("nearly", "quasi"): low = value −
  10 %, high = best = value;
* range: low = first, high = second, best = low (the cautious reading; the
  text states no midpoint);
* vague quantities: the table in the TOML; a plural of a unit means at least
  two of it and fewer than ten ("hundreds" = 200…999, "tens of thousands" =
  20,000…99,999), best = low;
* digit groups: a ``,``/``.``/space followed by exactly three digits groups
  thousands in either language ("8,000" = "8.000" = "8 000"); any other
  ``,``/``.`` is a decimal mark ("1,5 milioni", "2.7 million").

Values are rounded to integers: a decimal without a scale word ("0.12 euros")
keeps only its rounded value, which is harmless because such numbers never
count people.  Ordinals ("30th", "30°") and digits glued to letters or other
digits ("G20", "COVID-19", "10.01.2022", "10:30") are not numbers here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from contention.lang import load

#: Relative margin of "about"/"circa" around the stated value.
APPROX_MARGIN = 0.10

V = TypeVar("V")

# --------------------------------------------------------------- tokens ---

_SPACES = "\u0020\u00a0\u202f\u2009"
_NUM = (
    r"(?<![\w.,:/])(?<![^\W\d_]-)"
    r"(?:\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[" + _SPACES + r"]\d{3})+)(?!\d)(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?!\w)(?![.,:/]\d)"
)
_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUM})"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*(?!\w))"
    r"|(?P<other>\w+)"
    r"|(?P<punct>\S)"
)
_ORDINAL_MARKS = frozenset("°ºª")


@dataclass(frozen=True, slots=True)
class Token:
    """One token with absolute character offsets.

    ``kind`` is ``num`` (a number written in digits), ``word`` (letters, with
    inner hyphens), ``other`` (letters and digits mixed: "G20", "30th") or
    ``punct`` (any other single character).  ``norm`` is the lower-cased text
    with typographic apostrophes straightened, the form vocabularies use.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` itself.

    Characters before ``start`` are still seen by the number pattern's
    look-behind, so a sentence that starts mid-number cannot create one.
    """
    stop = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, stop):
        kind = m.lastgroup or "punct"
        raw = m.group()
        norm = raw.lower().replace("’", "'").replace("‘", "'")
        out.append(Token(m.start(), m.end(), raw, norm, kind))
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A vocabulary phrase as the tuple of normalised tokens it must match."""
    return tuple(t.norm for t in tokenize(phrase))


class PhraseTable(Generic[V]):
    """Multi-word phrases → values, matched longest first on a token list."""

    __slots__ = ("_by_first", "_by_last", "_table")

    def __init__(self, items: Mapping[str, V] | Sequence[tuple[str, V]]) -> None:
        pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
        self._table: dict[tuple[str, ...], V] = {}
        # longest phrase per first / last token: most tokens start no phrase at all
        self._by_first: dict[str, int] = {}
        self._by_last: dict[str, int] = {}
        for phrase, value in pairs:
            key = phrase_key(phrase)
            if key:
                self._table.setdefault(key, value)
                self._by_first[key[0]] = max(self._by_first.get(key[0], 0), len(key))
                self._by_last[key[-1]] = max(self._by_last.get(key[-1], 0), len(key))

    def match(self, tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
        """Longest phrase starting at token ``i``: (value, index after it)."""
        longest = self._by_first.get(tokens[i].norm, 0) if i < len(tokens) else 0
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t.norm for t in tokens[i : i + n])
            if key in self._table:
                return self._table[key], i + n
        return None

    def match_ending(self, tokens: Sequence[Token], end: int) -> tuple[V, int] | None:
        """Longest phrase ending just before token ``end``: (value, its first index)."""
        longest = self._by_last.get(tokens[end - 1].norm, 0) if 0 < end <= len(tokens) else 0
        for n in range(min(longest, end), 0, -1):
            key = tuple(t.norm for t in tokens[end - n : end])
            if key in self._table:
                return self._table[key], end - n
        return None

    def __contains__(self, key: object) -> bool:
        return key in self._table


def digit_value(raw: str) -> float | None:
    """Value of a number written in digits, or None when it is malformed.

    "8,000", "8.000" and "7 939" are thousands; "1,5" and "2.7" are decimals.
    """
    s = raw
    for sp in _SPACES[1:]:
        s = s.replace(sp, " ")
    m = re.fullmatch(r"(\d{1,3})([,. ])(\d{3}(?:\2\d{3})*)(?:([.,])(\d+))?", s)
    if m and m.group(1) != "0" and m.group(4) != m.group(2):
        whole = m.group(1) + m.group(3).replace(m.group(2), "")
        frac = m.group(5) or "0"
        return float(f"{whole}.{frac}")
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", s)
    if m:
        return float(f"{m.group(1)}.{m.group(2) or '0'}")
    return None


# ------------------------------------------------------------ quantities ---


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: char offsets, token indices and its value.

    ``first``/``last`` are indices into the token list it was found in
    (``last`` exclusive).  ``kind`` is exact, approx, min, max, range or vague.
    ``plain`` is True for a lone digit group without qualifier (a candidate
    year when it has four digits).
    """

    start: int
    end: int
    first: int
    last: int
    low: int | None
    high: int | None
    best: int | None
    kind: str
    plain: bool = False

    @property
    def triple(self) -> tuple[int | None, int | None, int | None]:
        return (self.low, self.high, self.best)


@dataclass(frozen=True, slots=True)
class _Val:
    low: float | None
    high: float | None
    best: float | None
    kind: str
    tail: int | None = None  # scale word the number ended with ("300 thousand")
    plain: bool = False


class _Acc:
    """Accumulates number atoms left to right; refuses ill-formed sequences."""

    __slots__ = ("big", "current", "last", "tail", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last = ""  # "", small, ten, digit, hundred, big
        self.big = float("inf")
        self.tail: int | None = None

    def copy(self) -> _Acc:
        other = _Acc()
        other.total, other.current, other.last = self.total, self.current, self.last
        other.big, other.tail = self.big, self.tail
        return other

    @property
    def value(self) -> float:
        return self.total + self.current

    def add(self, atom: tuple[str, int]) -> bool:
        kind, v = atom
        if kind == "small":
            after_hundred = self.last == "hundred" and self.current % 100 == 0
            unit_after_ten = self.last == "ten" and v < 10
            if not (self.last in ("", "big") or after_hundred or unit_after_ten):
                return False
            self.current += v
            self.last = "ten" if v >= 20 and v % 10 == 0 and self.last != "ten" else "small"
            self.tail = None
            return True
        if v == 100:
            if self.last == "hundred" or self.current >= 100:
                return False
            self.current = (self.current or 1) * 100
            self.last = "hundred"
        else:
            if v >= self.big or (self.last == "big" and self.current == 0):
                return False
            self.total += (self.current or 1) * v
            self.current = 0.0
            self.big = v
            self.last = "big"
        self.tail = v
        return True

    def digit(self, v: float) -> bool:
        if self.last:
            return False
        self.current = v
        self.last = "digit"
        return True


class NumberLexicon:
    """The number vocabulary of one language (``lang/<code>/numbers.toml``)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        cfg: Mapping[str, Any] = data.get("numbers", {})
        self.words: dict[str, int] = {k: int(v) for k, v in cfg.get("words", {}).items()}
        self.scales: dict[str, int] = {k: int(v) for k, v in cfg.get("scales", {}).items()}
        self.articles = frozenset(cfg.get("articles", []))
        self.joiners = frozenset(cfg.get("joiners", []))
        self.ambiguous = frozenset(cfg.get("ambiguous", []))
        self.standalone = frozenset(cfg.get("standalone_scales", []))
        self.compound = bool(cfg.get("compound", False))
        quals: Mapping[str, list[str]] = cfg.get("qualifiers", {})
        self.qualifiers: PhraseTable[str] = PhraseTable(
            [(p, kind) for kind, phrases in quals.items() for p in phrases]
        )
        ranges: Mapping[str, Any] = cfg.get("ranges", {})
        self.range_around: dict[str, list[str]] = {}
        for opener, middle in ranges.get("around", []):
            self.range_around.setdefault(opener, []).append(middle)
        self.range_between: PhraseTable[bool] = PhraseTable(
            [(p, True) for p in ranges.get("between", [])]
        )
        vague: Mapping[str, Mapping[str, int]] = cfg.get("vague", {})
        self.vague: PhraseTable[_Val] = PhraseTable(
            [
                (p, _Val(v.get("low"), v.get("high"), v.get("best", v.get("low")), "vague"))
                for p, v in vague.items()
            ]
        )
        morphemes = [(w, ("small", v)) for w, v in self.words.items()]
        morphemes += [(w, ("scale", v)) for w, v in self.scales.items()]
        self._morphemes = sorted(morphemes, key=lambda m: -len(m[0]))
        self._atoms_cache: dict[str, tuple[tuple[str, int], ...] | None] = {}

    # ----- words -----

    def atoms(self, word: str) -> tuple[tuple[str, int], ...] | None:
        """The number atoms a word stands for ("twenty-one" → 20, 1), or None."""
        if word in self._atoms_cache:
            return self._atoms_cache[word]
        found: tuple[tuple[str, int], ...] | None = None
        if word in self.words:
            found = (("small", self.words[word]),)
        elif word in self.scales:
            found = (("scale", self.scales[word]),)
        elif "-" in word and all(p in self.words for p in word.split("-")):
            found = tuple(("small", self.words[p]) for p in word.split("-"))
        elif self.compound:
            found = next(self._segmentations(word, 0, _Acc(), ()), None)
        if found is not None and not _valid(found):
            found = None
        self._atoms_cache[word] = found
        return found

    def _segmentations(
        self, word: str, pos: int, acc: _Acc, done: tuple[tuple[str, int], ...]
    ) -> Iterator[tuple[tuple[str, int], ...]]:
        if pos == len(word):
            if done:
                yield done
            return
        for piece, atom in self._morphemes:
            if word.startswith(piece, pos):
                trial = acc.copy()
                if trial.add(atom):
                    yield from self._segmentations(word, pos + len(piece), trial, (*done, atom))

    # ----- parsing -----

    def find(self, tokens: Sequence[Token]) -> list[Quantity]:
        """Every quantity in ``tokens``, left to right, without overlaps."""
        out: list[Quantity] = []
        i = 0
        while i < len(tokens):
            q = self.at(tokens, i)
            if q is None:
                i += 1
                continue
            out.append(q)
            i = q.last
        return out

    def at(self, tokens: Sequence[Token], i: int) -> Quantity | None:
        """The quantity starting exactly at token ``i``, or None."""
        found = self._range_around(tokens, i) or self._with_range(tokens, i)
        if found is None:
            return None
        val, j = found
        return Quantity(
            tokens[i].start,
            tokens[j - 1].end,
            i,
            j,
            _round(val.low),
            _round(val.high),
            _round(val.best),
            val.kind,
            val.plain,
        )

    def _range_around(self, tokens: Sequence[Token], i: int) -> tuple[_Val, int] | None:
        middles = self.range_around.get(tokens[i].norm)
        if not middles:
            return None
        first = self._simple(tokens, i + 1)
        if first is None or first[1] >= len(tokens) or tokens[first[1]].norm not in middles:
            return None
        second = self._simple(tokens, first[1] + 1)
        if second is None:
            return None
        joined = _join_range(first[0], second[0])
        return None if joined is None else (joined, second[1])

    def _with_range(self, tokens: Sequence[Token], i: int) -> tuple[_Val, int] | None:
        first = self._simple(tokens, i)
        if first is None:
            return None
        val, j = first
        sep = self.range_between.match(tokens, j) if j < len(tokens) else None
        if sep is not None:
            second = self._simple(tokens, sep[1])
            if second is not None:
                joined = _join_range(val, second[0])
                if joined is not None:
                    return joined, second[1]
        return first

    def _simple(self, tokens: Sequence[Token], i: int) -> tuple[_Val, int] | None:
        if i >= len(tokens):
            return None
        qual = self.qualifiers.match(tokens, i)
        if qual is not None:
            base = self._base(tokens, qual[1])
            if base is not None:
                return _qualify(base[0], qual[0]), base[1]
        return self._base(tokens, i)

    def _base(self, tokens: Sequence[Token], i: int) -> tuple[_Val, int] | None:
        if i >= len(tokens):
            return None
        vague = self.vague.match(tokens, i)
        if vague is not None:
            return vague
        return self._core(tokens, i)

    def _core(self, tokens: Sequence[Token], i: int) -> tuple[_Val, int] | None:
        acc = _Acc()
        j = i
        n = len(tokens)
        while j < n:
            tok = tokens[j]
            if tok.kind == "num":
                v = digit_value(tok.text)
                if v is None or _ordinal(tokens, j) or not acc.digit(v):
                    break
                j += 1
                continue
            if tok.kind != "word":
                break
            w = tok.norm
            nxt = tokens[j + 1] if j + 1 < n else None
            if not acc.last and w in self.articles and nxt is not None and nxt.norm in self.scales:
                acc.add(("small", 1))
                j += 1
                continue
            # "two hundred and fifty", "mil y quinientos", "treinta y cinco" (a unit after tens)
            if w in self.joiners and acc.last in ("hundred", "big", "ten") and nxt is not None:
                follow = self.atoms(nxt.norm) if nxt.kind == "word" else None
                trial = acc.copy()
                if follow and follow[0][0] == "small" and all(trial.add(a) for a in follow):
                    acc = trial
                    j += 2
                    continue
                break
            atoms = self.atoms(w)
            if atoms is None:
                break
            lone_scale = len(atoms) == 1 and atoms[0][0] == "scale"
            if not acc.last and lone_scale and w not in self.standalone:
                break
            trial = acc.copy()
            if not all(trial.add(a) for a in atoms):
                break
            acc = trial
            j += 1
        if j == i:
            return None
        if j == i + 1 and tokens[i].kind == "word":
            w = tokens[i].norm
            if w in self.articles:
                return None
            if w in self.ambiguous:
                nxt = tokens[j] if j < n else None
                if nxt is None or nxt.kind != "word" or not nxt.text.islower():
                    return None
        plain = j == i + 1 and tokens[i].kind == "num" and tokens[i].text.isdigit()
        v = acc.value
        return _Val(v, v, v, "exact", acc.tail, plain), j


def _valid(atoms: tuple[tuple[str, int], ...]) -> bool:
    acc = _Acc()
    return all(acc.add(a) for a in atoms)


def _ordinal(tokens: Sequence[Token], j: int) -> bool:
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is not None and nxt.start == tokens[j].end and nxt.text in _ORDINAL_MARKS


def _round(x: float | None) -> int | None:
    return None if x is None else round(x)


def _qualify(val: _Val, kind: str) -> _Val:
    low, high, best = val.low, val.high, val.best
    if kind == "min":
        return _Val(low, None, best, "min" if val.kind == "exact" else val.kind, val.tail)
    if kind == "max":
        return _Val(None, high, best, "max" if val.kind == "exact" else val.kind, val.tail)
    if val.kind != "exact" or best is None:
        return val
    if kind == "approx":
        low, high = best * (1 - APPROX_MARGIN), best * (1 + APPROX_MARGIN)
        return _Val(low, high, best, "approx", val.tail)
    if kind == "approx_below":
        return _Val(best * (1 - APPROX_MARGIN), best, best, "approx", val.tail)
    return val


def _join_range(a: _Val, b: _Val) -> _Val | None:
    """Range of two numbers, sharing a trailing scale ("2 to 3 million"); None if not rising."""
    lo, hi = a.best, b.best
    if lo is None or hi is None or a.kind == "vague" or b.kind == "vague":
        return None
    if a.tail is None and b.tail is not None and b.tail > 1 and lo * b.tail <= hi:
        lo *= b.tail
    if not lo < hi:
        return None
    return _Val(lo, hi, lo, "range", b.tail)


@cache
def lexicon(language: str) -> NumberLexicon:
    """The (cached) number vocabulary of ``language``; empty when it has none."""
    return NumberLexicon(load(language, "numbers"))


def find_numbers(
    text: str, language: str, start: int = 0, end: int | None = None
) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` (offsets into ``text``)."""
    tokens = tokenize(text, start, end)
    return lexicon(language).find(tokens)


def parse_number(phrase: str, language: str) -> tuple[int | None, int | None, int | None] | None:
    """(low, high, best) of the first quantity in ``phrase``, or None when there is none.

    >>> parse_number("8 mila", "it")
    (8000, 8000, 8000)
    """
    found = find_numbers(phrase, language)
    return found[0].triple if found else None
