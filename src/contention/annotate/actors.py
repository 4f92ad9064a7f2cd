"""Actor phrases: who acted or was acted upon, by class, name and country.

``find_actors`` reads ``lang/<code>/actors.toml`` and marks, in each sentence:

* class phrases ("oil workers", "riot police", "forze dell'ordine", "truppe");
* titled people ("President Tokayev", "il presidente Tokayev") → the title's
  class with the capitalised name that follows it;
* named organisations and people from the ``[names]`` tables (read from every
  supported language, since a name is the same in all of them: "CSTO",
  "ExxonMobil", "Putin");
* countries acting as states ("Russia promptly dispatched troops") →
  ``foreign_state``, except after a locative word ("in China", "nel
  Kazakistan"), where the name is a place, not an actor.

A nationality adjective next to a class phrase gives the actor its country
("Russian troops", "truppe russe" → military, RU), and so does a possessive
country ("Italy’s ENI").  An international organisation right before an armed
class phrase, or after it behind a link word, is the actor of that phrase:
"CSTO troops", "CSTO (Russia’s NATO) troops", "truppe del CSTO" are one
international_org mention named CSTO (an aside in brackets between the two is
swallowed, so "NATO" there is no actor of its own).  Where phrases overlap the longest wins, so a
sentence never holds two overlapping mentions ("unemployed young people" is
one unemployed actor, not also a "people").  Lower-case vocabulary matches any
capitalisation; vocabulary with a capital letter ("US", "Total") must match
exactly, and names listed as ambiguous are ignored at the start of a sentence.
Whether an actor is a source or a target is decided later, by the coder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from contention.annotate.numbers import Token, tokenize
from contention.lang import SUPPORTED, load
from contention.model import ActorMention, Sentence, make_span

V = TypeVar("V")

#: Classes whose phrase takes a country from a nationality word next to it.
_COUNTRY_CLASSES = frozenset(
    {
        "workers",
        "protesters",
        "unemployed",
        "students",
        "police",
        "security_forces",
        "military",
        "government",
        "party",
        "union",
        "company",
        "civilians",
        "head_of_state",
    }
)
#: How many capitalised words after a title make up the name.
_MAX_NAME_WORDS = 3
#: Classes of armed bodies an international organisation can field ("CSTO troops").
_ARMED_CLASSES = frozenset({"military", "security_forces", "police"})
#: How many tokens a bracketed aside between an organisation and its troops may hold.
_MAX_ASIDE = 8


def _exact(tok: Token) -> str:
    return tok.text.replace("’", "'").replace("‘", "'")


class _Table(Generic[V]):
    """Phrase → value, longest match first; phrases with capitals match exactly."""

    __slots__ = ("_by_first", "_by_last", "_table")

    def __init__(self, items: Sequence[tuple[str, V]]) -> None:
        self._table: dict[tuple[str, ...], list[tuple[tuple[str, ...] | None, V]]] = {}
        self._by_first: dict[str, int] = {}
        self._by_last: dict[str, int] = {}
        for phrase, value in items:
            toks = tokenize(phrase)
            if not toks:
                continue
            key = tuple(t.norm for t in toks)
            exact = tuple(_exact(t) for t in toks) if phrase != phrase.lower() else None
            self._table.setdefault(key, []).append((exact, value))
            self._by_first[key[0]] = max(self._by_first.get(key[0], 0), len(key))
            self._by_last[key[-1]] = max(self._by_last.get(key[-1], 0), len(key))

    def _hit(self, tokens: Sequence[Token], lo: int, hi: int) -> V | None:
        entries = self._table.get(tuple(t.norm for t in tokens[lo:hi]))
        if not entries:
            return None
        texts = tuple(_exact(t) for t in tokens[lo:hi])
        for exact, value in entries:
            if exact is None or exact == texts:
                return value
        return None

    def match(self, tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
        longest = self._by_first.get(tokens[i].norm, 0) if i < len(tokens) else 0
        for n in range(min(longest, len(tokens) - i), 0, -1):
            value = self._hit(tokens, i, i + n)
            if value is not None:
                return value, i + n
        return None

    def match_ending(self, tokens: Sequence[Token], end: int) -> tuple[V, int] | None:
        longest = self._by_last.get(tokens[end - 1].norm, 0) if 0 < end <= len(tokens) else 0
        for n in range(min(longest, end), 0, -1):
            value = self._hit(tokens, end - n, end)
            if value is not None:
                return value, end - n
        return None


@dataclass(frozen=True, slots=True)
class _Actor:
    cls: str
    name: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: _Table[_Actor]
    titles: _Table[str]
    demonyms: _Table[str]
    countries: _Table[str]
    names: _Table[_Actor]
    locatives: frozenset[str]
    determiners: frozenset[str]
    ambiguous: frozenset[str]
    org_links: frozenset[tuple[str, ...]]
    needs_article: frozenset[tuple[str, ...]]
    articles: frozenset[str]


def _names(language: str) -> list[tuple[str, _Actor]]:
    """Named entities of every supported language, ``language`` first."""
    out: list[tuple[str, _Actor]] = []
    for lang in (language, *[x for x in SUPPORTED if x != language]):
        names: Mapping[str, Mapping[str, str]] = load(lang, "actors").get("names", {})
        for phrase, spec in names.items():
            actor = _Actor(spec["cls"], spec.get("name", phrase), spec.get("country"))
            out.append((phrase, actor))
    return out


@cache
def _lexicon(language: str) -> _Lexicon:
    data: Mapping[str, Any] = load(language, "actors")
    classes: Mapping[str, list[str]] = data.get("classes", {})
    rules: Mapping[str, list[str]] = data.get("countries_rules", {})
    class_rules: Mapping[str, list[str]] = data.get("classes_rules", {})
    ambiguous: set[str] = set()
    for lang in SUPPORTED:
        ambiguous.update(load(lang, "actors").get("names_rules", {}).get("ambiguous", []))
    return _Lexicon(
        phrases=_Table([(p, _Actor(cls)) for cls, phrases in classes.items() for p in phrases]),
        titles=_Table(list(data.get("titles", {}).items())),
        demonyms=_Table(list(data.get("demonyms", {}).items())),
        countries=_Table(list(data.get("countries", {}).items())),
        names=_Table(_names(language)),
        locatives=frozenset(rules.get("locatives", [])),
        determiners=frozenset(rules.get("determiners", [])),
        ambiguous=frozenset(ambiguous),
        org_links=frozenset(
            tuple(t.norm for t in tokenize(p)) for p in data.get("org_rules", {}).get("links", [])
        ),
        needs_article=frozenset(
            tuple(t.norm for t in tokenize(p)) for p in class_rules.get("needs_article", [])
        ),
        articles=frozenset(class_rules.get("articles", [])),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int
    last: int
    actor: _Actor


def find_actors(text: str, sentences: Sequence[Sentence]) -> list[ActorMention]:
    """Actor mentions in ``sentences``, in text order, with absolute offsets.

    A sentence in an unsupported or undetermined language is read with every
    supported vocabulary.  Never raises on odd text.
    """
    out: list[ActorMention] = []
    for sent in sentences:
        langs = (sent.language,) if sent.language in SUPPORTED else SUPPORTED
        tokens = tokenize(text, sent.start, sent.end)
        candidates: list[_Candidate] = []
        links: set[tuple[str, ...]] = set()
        for lang in langs:
            candidates.extend(_candidates(text, tokens, _lexicon(lang)))
            links.update(_lexicon(lang).org_links)
        for c in _attach_orgs(tokens, _resolve(candidates), links):
            span = make_span(text, tokens[c.first].start, tokens[c.last - 1].end)
            out.append(ActorMention(span, c.actor.cls, c.actor.name, c.actor.country))
    return out


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, no overlaps; returned in text order."""
    ordered = sorted(candidates, key=lambda c: (-(c.last - c.first), c.first))
    taken: list[_Candidate] = []
    for c in ordered:
        if all(c.last <= t.first or t.last <= c.first for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.first)


def _attach_orgs(
    tokens: Sequence[Token], taken: list[_Candidate], links: set[tuple[str, ...]]
) -> list[_Candidate]:
    """Merge an international organisation with the armed phrase it fields.

    "CSTO troops" and "CSTO (Russia’s NATO) troops" (organisation first, an
    optional bracketed aside between) and "truppe del CSTO" (armed phrase, a
    link word from ``org_rules.links``, organisation) become one
    international_org mention with the organisation's name; mentions inside the
    aside are dropped.  ``taken`` is in text order and free of overlaps.
    """
    out: list[_Candidate] = []
    i = 0
    while i < len(taken):
        org = taken[i]
        if org.actor.cls == "international_org":
            j = _aside_end(tokens, org.last)
            nxt = next((k for k in range(i + 1, len(taken)) if taken[k].first >= j), None)
            if nxt is not None and taken[nxt].first == j and taken[nxt].actor.cls in _ARMED_CLASSES:
                out.append(_Candidate(org.first, taken[nxt].last, org.actor))
                i = nxt + 1
                continue
        if org.actor.cls in _ARMED_CLASSES and i + 1 < len(taken):
            after = taken[i + 1]
            between = tuple(t.norm for t in tokens[org.last : after.first] if t.norm != "'")
            if after.actor.cls == "international_org" and between in links:
                out.append(_Candidate(org.first, after.last, after.actor))
                i += 2
                continue
        out.append(org)
        i += 1
    return out


def _aside_end(tokens: Sequence[Token], j: int) -> int:
    """Index after a possessive or a bracketed aside at token ``j`` ("(Russia’s NATO)")."""
    if j + 1 < len(tokens) and tokens[j].norm == "'" and tokens[j + 1].norm == "s":
        return j + 2  # "the CSTO's troops"
    if j >= len(tokens) or tokens[j].norm != "(":
        return j
    for k in range(j + 1, min(j + _MAX_ASIDE + 2, len(tokens))):
        if tokens[k].norm == ")":
            return k + 1
        if tokens[k].norm == "(":
            break
    return j


def _candidates(text: str, tokens: Sequence[Token], lex: _Lexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i in range(len(tokens)):
        titled = _titled(text, tokens, i, lex)
        if titled is not None:
            found.append(titled)
        named = lex.names.match(tokens, i)
        if named is not None and not (i == 0 and _exact(tokens[i]) in lex.ambiguous):
            found.append(_with_country(tokens, _Candidate(i, named[1], named[0]), lex))
        phrase = lex.phrases.match(tokens, i)
        if phrase is not None and _introduced(tokens, i, phrase[1], lex):
            found.append(_with_country(tokens, _Candidate(i, phrase[1], phrase[0]), lex))
        country = lex.countries.match(tokens, i)
        if country is not None and _state_actor(tokens, i, country[1], lex):
            name = text[tokens[i].start : tokens[country[1] - 1].end]
            found.append(_Candidate(i, country[1], _Actor("foreign_state", name, country[0])))
    return found


def _introduced(tokens: Sequence[Token], i: int, end: int, lex: _Lexicon) -> bool:
    """False for a bare ``needs_article`` phrase ("appointed himself president")."""
    if tuple(t.norm for t in tokens[i:end]) not in lex.needs_article:
        return True
    if i > 0 and (tokens[i - 1].norm in lex.articles or tokens[i - 1].norm == "s"):
        return True  # "the president", "Kenya's president"
    return lex.demonyms.match_ending(tokens, i) is not None  # "the Kenyan president"


def _state_actor(tokens: Sequence[Token], i: int, end: int, lex: _Lexicon) -> bool:
    """A country name acts as a state unless it is a place ("in the USA") or a possessor."""
    j = i - 1
    while j >= 0 and (tokens[j].norm in lex.determiners or tokens[j].norm == "'"):
        j -= 1
    if j >= 0 and tokens[j].norm in lex.locatives:
        return False
    return not (end + 1 < len(tokens) and tokens[end].norm == "'" and tokens[end + 1].norm == "s")


def _titled(text: str, tokens: Sequence[Token], i: int, lex: _Lexicon) -> _Candidate | None:
    """A title followed by a capitalised name ("President Kassym-Jomart Tokayev")."""
    title = lex.titles.match(tokens, i)
    if title is None:
        return None
    cls, j = title
    k = j
    while (
        k < len(tokens)
        and k - j < _MAX_NAME_WORDS
        and tokens[k].kind == "word"
        and tokens[k].text[0].isupper()
    ):
        k += 1
    if k == j:
        return None
    name = text[tokens[j].start : tokens[k - 1].end]
    known = lex.names.match(tokens, j) or lex.names.match_ending(tokens, k)
    country = known[0].country if known is not None else None
    canonical = known[0].name if known is not None and known[0].cls == cls else name
    return _Candidate(i, k, _Actor(cls, canonical, country))


def _with_country(tokens: Sequence[Token], c: _Candidate, lex: _Lexicon) -> _Candidate:
    """Extend a class phrase over a nationality word or possessive country next to it."""
    if c.actor.cls not in _COUNTRY_CLASSES:
        return c
    before = lex.demonyms.match_ending(tokens, c.first)
    if before is not None:
        actor = _Actor(c.actor.cls, c.actor.name, before[0])
        return _Candidate(before[1], c.last, actor)
    if c.first >= 2 and tokens[c.first - 2].norm == "'" and tokens[c.first - 1].norm == "s":
        owner = lex.countries.match_ending(tokens, c.first - 2)
        if owner is not None:
            return _Candidate(owner[1], c.last, _Actor(c.actor.cls, c.actor.name, owner[0]))
    after = lex.demonyms.match(tokens, c.last)
    if after is not None:
        return _Candidate(c.first, after[1], _Actor(c.actor.cls, c.actor.name, after[0]))
    return c
