"""Counts: a number together with the noun it counts, mapped to an event slot.

``find_counts`` finds every quantity (:mod:`contention.annotate.numbers`) in
each sentence and decides what it counts from the words around it, using the
``[counts]`` tables of ``lang/<code>/numbers.toml``.  The category is one of
``fatalities``, ``injured``, ``arrested``, ``participants`` or None; the
order of evidence, strongest first, is:

1. money and measures ("$20 billion", "55 percent", "2.7 million square
   kilometres", "20 miliardi di dollari") → None;
2. a casualty/arrest noun right after the number ("162 deaths", "8 mila
   arresti");
3. a predicate after the number or its noun ("at least 14 were killed",
   "almeno 14 furono i morti", "tens of thousands of people took part");
4. a verb right before the number ("police arrested 200 protesters", "sono
   morte 14 persone") or a crowd phrase ("crowds of thousands");
5. a toll phrase a few words before, joined to the number only by link words
   ("the death toll rose to 164"; not "the result arrests a run of four");
6. the number and a person noun as the subject of a predicate further on in
   the same clause ("Eleven coal miners dismissed by the company have been on
   hunger strike");
7. a protest noun ("3,000 protesters"), or a workforce noun ("workers") unless
   the clause speaks of employing or dismissing them.

Two rules say None before any of 3–7: the number is the object of a verb of
no participation ("the company owes wages to 400 workers", "employs 8,200
workers", "riguarderà gli 8 mila dipendenti"), or it is a subset ("one of the
hunger strikers said") with no predicate of its own.  A predicate needs a
known noun between it and the number, or only filler words ("thousands more
marched"): "Two guided bombs struck" counts no participants.  A predicate
followed by a number is active, not passive ("two soldiers killed three
protesters": the two are not the dead).

Bare "people" is never enough: "162 people … own 55 percent of the wealth"
stays None.  Years ("in 2011"), dates ("2 January", "December 2011") and
ordinals ("30th anniversary") produce no mention at all; other numbers whose
noun counts nothing of interest come back with category None, so that a later
stage can still see them but never takes them for a count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from contention.annotate.numbers import PhraseTable, Quantity, Token, lexicon, tokenize
from contention.lang import SUPPORTED, load
from contention.model import CountMention, Sentence, Span, make_span

#: Noun groups that fix the category on their own.
_EVENT_GROUPS = frozenset({"fatalities", "injured", "arrested"})
#: How many filler words may stand between a noun and its predicate.
_AFTER_GAP = 3
#: How many words may stand between a toll phrase and its number.
_TOLL_GAP = 5
#: How far (in tokens) a workforce cue may be from the number or its noun.
_CUE_WINDOW = 6
#: How many tokens an aside (", including a child,") may span.
_ASIDE_MAX = 12
#: How many modifiers may stand between a number and its noun ("3,000 striking oil workers").
_MODIFIERS = 2
#: How far (in tokens) a predicate may follow its subject noun in the same clause.
_SUBJECT_WINDOW = 16
#: How many link words may stand between an object verb and its number ("owes to all the").
_OBJECT_GAP = 3
#: Noun groups that name people, who can be the subject of a predicate.
_PERSON_GROUPS = frozenset({"participants", "workforce", "people"})


def _table(groups: Mapping[str, Sequence[str]]) -> PhraseTable[str]:
    return PhraseTable([(p, group) for group, phrases in groups.items() for p in phrases])


@dataclass(frozen=True, slots=True)
class _Lexicon:
    language: str
    connectors: PhraseTable[bool]
    asides: PhraseTable[bool]
    ratio: PhraseTable[bool]
    units: PhraseTable[bool]
    currency: frozenset[str]
    year_cues: frozenset[str]
    months: frozenset[str]
    determiners: frozenset[str]
    breaks: frozenset[str]
    workforce_cues: frozenset[str]
    fillers: frozenset[str]
    object_verbs: frozenset[str]
    object_links: frozenset[str]
    toll_links: frozenset[str] | None
    partitives: PhraseTable[bool]
    nouns: PhraseTable[str]
    after: PhraseTable[str]
    before: PhraseTable[str]
    toll: PhraseTable[str]


@cache
def _lexicon(language: str) -> _Lexicon:
    cfg: Mapping[str, Any] = load(language, "numbers").get("counts", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(cfg.get(key, []))

    return _Lexicon(
        language=language,
        connectors=PhraseTable([(p, True) for p in cfg.get("connectors", [])]),
        units=PhraseTable([(p, True) for p in cfg.get("units", [])]),
        asides=PhraseTable([(p, True) for p in cfg.get("asides", [])]),
        ratio=PhraseTable([(p, True) for p in cfg.get("ratio_words", [])]),
        currency=words("currency_before"),
        year_cues=words("year_cues"),
        months=words("months"),
        determiners=words("determiners"),
        breaks=words("clause_breaks"),
        workforce_cues=words("workforce_cues"),
        fillers=words("fillers"),
        object_verbs=words("object_verbs"),
        object_links=words("object_links"),
        toll_links=words("toll_links") if "toll_links" in cfg else None,
        partitives=PhraseTable([(p, True) for p in cfg.get("partitives", [])]),
        nouns=_table(cfg.get("nouns", {})),
        after=_table(cfg.get("after", {})),
        before=_table(cfg.get("before", {})),
        toll=_table(cfg.get("toll", {})),
    )


def find_counts(text: str, sentences: Sequence[Sentence]) -> list[CountMention]:
    """Every number in ``sentences`` with the noun it counts (absolute offsets).

    A sentence in an unsupported or undetermined language is read with every
    supported vocabulary; where two readings overlap, one with a category wins,
    then the longer.  Never raises
    on odd text: a number it cannot place gets category None.
    """
    out: list[CountMention] = []
    for sent in sentences:
        langs = (sent.language,) if sent.language in SUPPORTED else SUPPORTED
        tokens = tokenize(text, sent.start, sent.end)
        candidates: list[CountMention] = []
        for lang in langs:
            lex = _lexicon(lang)
            for q in lexicon(lang).find(tokens):
                mention = _classify(text, tokens, q, lex)
                if mention is not None:
                    candidates.append(mention)
        # one vocabulary may know a noun the other does not: a category beats none
        candidates.sort(key=lambda m: (m.category is None, m.span.start - m.span.end))
        # a number inside another's unit ("cento" of "30 per cento") is no number
        units = [m.noun for m in candidates if m.category is None and m.noun is not None]
        found: list[CountMention] = []
        for mention in candidates:
            inside = any(u.start <= mention.span.start and mention.span.end <= u.end for u in units)
            if not inside and not any(_overlap(mention, m) for m in found):
                found.append(mention)
        out.extend(sorted(found, key=lambda m: m.span.start))
    return out


def _overlap(a: CountMention, b: CountMention) -> bool:
    return a.span.start < b.span.end and b.span.start < a.span.end


def _prev_word(tokens: Sequence[Token], i: int) -> str | None:
    """The word before token ``i``, skipping an elision apostrophe ("dall'")."""
    j = i - 1
    while j >= 0 and tokens[j].norm == "'":
        j -= 1
    return tokens[j].norm if j >= 0 else None


def _is_year(tokens: Sequence[Token], q: Quantity, lex: _Lexicon, has_noun: bool) -> bool:
    if not (q.plain and len(tokens[q.first].text) == 4 and q.best is not None):
        return False
    if not 1800 <= q.best <= 2100:
        return False
    prev = _prev_word(tokens, q.first)
    return prev in lex.year_cues or prev in lex.months or not has_noun


# Words between a day number and its month in Romance languages ("5 de enero", "2 de janeiro").
_DAY_PREPOSITIONS = frozenset({"de", "del"})


def _is_date(tokens: Sequence[Token], q: Quantity, lex: _Lexicon) -> bool:
    """A day or year next to a month name ("2 January", "January 2", "dicembre 2011")."""
    nxt = tokens[q.last].norm if q.last < len(tokens) else None
    if nxt in lex.months:  # "2 January", "between 14 and 20 January"
        return True
    # "5 de enero", "2 de janeiro": a day, a preposition, a month.
    after = tokens[q.last + 1].norm if q.last + 1 < len(tokens) else None
    if nxt in _DAY_PREPOSITIONS and after in lex.months:
        return True
    return q.plain and _prev_word(tokens, q.first) in lex.months


def _skip_connector(tokens: Sequence[Token], j: int, lex: _Lexicon) -> int:
    if j < len(tokens):
        conn = lex.connectors.match(tokens, j)
        if conn is not None:
            return conn[1]
    return j


def _word(tok: Token, lex: _Lexicon) -> bool:
    return tok.kind == "word" and tok.norm not in lex.breaks


def _unit_after(tokens: Sequence[Token], j: int, lex: _Lexicon) -> tuple[int, int] | None:
    j = _skip_connector(tokens, j, lex)
    if j < len(tokens):
        unit = lex.units.match(tokens, j)
        if unit is not None:
            return j, unit[1]
    return None


def _noun_after(tokens: Sequence[Token], j: int, lex: _Lexicon) -> tuple[str, int, int] | None:
    """(group, first, last) of the counted noun after token ``j``, skipping modifiers."""
    j = _skip_connector(tokens, j, lex)
    for k in range(j, min(j + _MODIFIERS + 1, len(tokens))):
        prev = tokens[k - 1]
        if k > j and (
            not _word(prev, lex) or prev.norm in lex.determiners or lex.after.match(tokens, k - 1)
        ):
            return None  # not a modifier: punctuation, an article, a new clause or a predicate
        hit = lex.nouns.match(tokens, k)
        if hit is not None:
            group, end = hit
            if group not in _EVENT_GROUPS and group != "participants" and end < len(tokens):
                better = lex.nouns.match(tokens, end)  # "200 giovani manifestanti"
                if (
                    better is not None
                    and better[0] not in (group, "people")
                    and not (better[0] in _EVENT_GROUPS and _active(tokens, better[1], lex))
                ):  # not "two soldiers killed three protesters"
                    group, end = better
            return group, k, end
    return None


def _active(tokens: Sequence[Token], end: int, lex: _Lexicon) -> bool:
    """A number right after a predicate is its object ("killed three"): the verb is active."""
    while end < len(tokens) and tokens[end].norm in lex.determiners:
        end += 1
    return end < len(tokens) and lexicon(lex.language).at(tokens, end) is not None


def _after(
    tokens: Sequence[Token], j: int, lex: _Lexicon, strict: bool = False
) -> tuple[str, int, int] | None:
    """A predicate after token ``j``, behind at most ``_AFTER_GAP`` filler words.

    ``strict`` (no known noun after the number) admits only ``fillers`` in the
    gap: an unknown word there is likely the real subject ("two guided bombs").
    """
    part = lex.partitives.match(tokens, j) if strict and j < len(tokens) else None
    lead = part[1] if part is not None else j  # "two of his players had been injured"
    for k in range(j, min(lead + _AFTER_GAP + 1, len(tokens))):
        if k > j and not _word(tokens[k - 1], lex):
            return None
        if k > lead and strict and tokens[k - 1].norm not in lex.fillers and part is None:
            return None
        hit = lex.after.match(tokens, k)
        if hit is not None:
            return None if _active(tokens, hit[1], lex) else (hit[0], k, hit[1])
    return None


def _subject_of(tokens: Sequence[Token], j: int, lex: _Lexicon) -> tuple[str, int, int] | None:
    """A predicate later in the clause that starts at token ``j`` (the subject noun's end).

    Words in between are a modifier of the subject ("dismissed by a private
    company in western Turkey"); punctuation, another number or a clause break
    ends the search, since the predicate may then belong to someone else.
    """
    for k in range(j, min(j + _SUBJECT_WINDOW, len(tokens))):
        tok = tokens[k]
        if tok.kind != "word" or tok.norm in lex.breaks:
            return None
        hit = lex.after.match(tokens, k)
        if hit is not None:
            return None if _active(tokens, hit[1], lex) else (hit[0], k, hit[1])
    return None


def _object_of(tokens: Sequence[Token], i: int, lex: _Lexicon) -> bool:
    """True when token ``i`` follows a verb of no participation ("owes to", "employs")."""
    k = i - 1
    for _ in range(_OBJECT_GAP):
        if k < 0 or (
            tokens[k].norm not in lex.determiners and tokens[k].norm not in lex.object_links
        ):
            break
        k -= 1
    return k >= 0 and tokens[k].norm in lex.object_verbs


def _skip_aside(tokens: Sequence[Token], j: int, lex: _Lexicon) -> int:
    """Index after an aside ", including a child," that starts at token ``j`` (else ``j``)."""
    if j + 1 >= len(tokens) or tokens[j].norm != "," or lex.asides.match(tokens, j + 1) is None:
        return j
    for k in range(j + 2, min(j + _ASIDE_MAX, len(tokens))):
        if tokens[k].norm == ",":
            return k + 1
    return j


def _before(tokens: Sequence[Token], i: int, lex: _Lexicon) -> tuple[str, int, int] | None:
    """A verb or crowd phrase right before token ``i`` (determiners may intervene)."""
    end = i
    while end > 0 and tokens[end - 1].norm in lex.determiners:
        end -= 1
    hit = lex.before.match_ending(tokens, end)
    return None if hit is None else (hit[0], hit[1], end)


def _toll(tokens: Sequence[Token], i: int, lex: _Lexicon) -> tuple[str, int, int] | None:
    """A toll phrase ending at most ``_TOLL_GAP`` words before token ``i``.

    The words between must be ``toll_links`` ("rose to", "è salito a") or
    capitalised names ("in Almaty") when the language lists link words; any
    other word means the noun is not the number's toll ("arrests a run of four").
    """
    links = lex.toll_links
    for end in range(i, max(i - _TOLL_GAP - 1, -1), -1):
        if end < i and not _word(tokens[end], lex):
            return None
        name = tokens[end].text[:1].isupper()
        if end < i and links is not None and tokens[end].norm not in links and not name:
            return None
        hit = lex.toll.match_ending(tokens, end)
        if hit is not None:
            return hit[0], hit[1], end
    return None


def _ratio(tokens: Sequence[Token], q: Quantity, noun_end: int | None, lex: _Lexicon) -> bool:
    """Either side of "nine in ten", "nove lavoratori su dieci": a proportion, not a headcount."""
    numbers = lexicon(lex.language)

    def is_number(k: int) -> bool:
        return k >= 0 and (tokens[k].kind == "num" or numbers.atoms(tokens[k].norm) is not None)

    for end in (q.last, noun_end):
        joined = lex.ratio.match(tokens, end) if end is not None and end < len(tokens) else None
        if joined is not None and joined[1] < len(tokens) and numbers.at(tokens, joined[1]):
            return True
    before = lex.ratio.match_ending(tokens, q.first)
    if before is None:
        return False
    k = before[1] - 1
    return is_number(k) or (k >= 0 and tokens[k].kind == "word" and is_number(k - 1))


def _workforce_cue(tokens: Sequence[Token], first: int, last: int, lex: _Lexicon) -> bool:
    lo, hi = max(0, first - _CUE_WINDOW), min(len(tokens), last + _CUE_WINDOW)
    return any(t.norm in lex.workforce_cues for t in tokens[lo:hi])


def _span(text: str, tokens: Sequence[Token], first: int, last: int) -> Span:
    return make_span(text, tokens[first].start, tokens[last - 1].end)


def _classify(
    text: str, tokens: Sequence[Token], q: Quantity, lex: _Lexicon
) -> CountMention | None:
    noun = _noun_after(tokens, q.last, lex)
    if _is_date(tokens, q, lex) or _is_year(tokens, q, lex, noun is not None):
        return None
    span = _span(text, tokens, q.first, q.last)

    def mention(
        category: str | None, first: int | None = None, last: int | None = None
    ) -> CountMention:
        noun_span = None if first is None or last is None else _span(text, tokens, first, last)
        return CountMention(span, q.low, q.high, q.best, category, noun_span)

    if q.first > 0 and tokens[q.first - 1].norm in lex.currency:
        return mention(None)
    if _ratio(tokens, q, noun[2] if noun else None, lex):
        return mention(None)
    unit = _unit_after(tokens, q.last, lex)
    if unit is not None:
        return mention(None, *unit)
    if noun is not None and noun[0] in _EVENT_GROUPS:
        return mention(*noun)
    if _object_of(tokens, q.first, lex):
        return mention(None, *(noun[1:] if noun else (None, None)))
    start = _skip_aside(tokens, noun[2] if noun else q.last, lex)
    pred = _after(tokens, start, lex, strict=noun is None)
    if pred is not None:
        return mention(pred[0], *(noun[1:] if noun else pred[1:]))
    for cue in (_before(tokens, q.first, lex), _toll(tokens, q.first, lex)):
        if cue is not None:
            return mention(cue[0], *(noun[1:] if noun else cue[1:]))
    if noun is None:
        return mention(None)
    group, first, last = noun
    if group in _PERSON_GROUPS:
        pred = _subject_of(tokens, last, lex)
        if pred is not None:
            return mention(pred[0], first, last)
    if q.last < len(tokens) and lex.partitives.match(tokens, q.last) is not None:
        return mention(None, first, last)  # "one of the strikers": a subset, not a headcount
    if group == "participants":
        return mention("participants", first, last)
    if group == "workforce" and not _workforce_cue(tokens, q.first, last, lex):
        return mention("participants", first, last)
    return mention(None, first, last)
