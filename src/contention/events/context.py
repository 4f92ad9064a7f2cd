"""Clauses and the context of a trigger: negated, future, hypothetical.

Cues only count inside the trigger's own clause: in "No protest has come from
governments, nor against the sending of troops" the "nor" does not negate the
troops, because "against" opens a new clause.  Clauses are cut at
punctuation and at the language's clause-break words (``clause_breaks``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from contention.events.lexicon import Lexicon
from contention.model import Context

_PUNCT = re.compile(r"[,;:()\[\]–—\"“”«»!?]|\s-\s|\.\s")
_WORD = re.compile(r"[\w'’-]+")

# How many words before a trigger a negation cue may stand ("no mass arrests").
NEGATION_WINDOW = 4


def clause_bounds(sentence: str, lex: Lexicon) -> list[int]:
    """Sorted offsets (relative to the sentence) where a new clause starts."""
    cuts = {0}
    for m in _PUNCT.finditer(sentence):
        cuts.add(m.end())
    for m in lex.cues.clause_breaks.finditer(sentence):
        cuts.add(m.start())
    return sorted(cuts)


def clause_of(offset: int, bounds: list[int], length: int) -> tuple[int, int]:
    """The (start, end) of the clause holding ``offset``."""
    i = bisect_right(bounds, offset) - 1
    start = bounds[max(i, 0)]
    end = bounds[i + 1] if i + 1 < len(bounds) else length
    return start, end


def _words_between(sentence: str, start: int, end: int) -> int:
    return len(_WORD.findall(sentence[start:end]))


def trigger_context(
    sentence: str, start: int, end: int, lex: Lexicon, bounds: list[int]
) -> set[Context]:
    """Contexts a trigger at sentence-relative [start, end) has from cues in its clause."""
    c_start, c_end = clause_of(start, bounds, len(sentence))
    found: set[Context] = set()
    for m in lex.cues.negation.finditer(sentence, c_start, start):
        if _words_between(sentence, m.end(), start) <= NEGATION_WINDOW:
            found.add(Context.NEGATED)
    if lex.cues.negation_post.search(sentence, end, max(c_end, end)):
        found.add(Context.NEGATED)
    # Post-negation often sits in the next clause ("the march, planned for
    # weeks, did not take place"): allow it up to the end of the sentence when
    # no other trigger intervenes — the caller passes the limit via c_end.
    if lex.cues.future.search(sentence, c_start, c_end):
        found.add(Context.FUTURE)
    if lex.cues.hypothetical.search(sentence, c_start, c_end):
        found.add(Context.HYPOTHETICAL)
    return found


def in_sports_report(paragraph_text: str, lex: Lexicon) -> bool:
    """Two or more sports words in the paragraph mark it as a sports report."""
    return len({m.group().lower() for m in lex.cues.sports.finditer(paragraph_text)}) >= 2
