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
# How many words after a trigger a future or conditional cue may stand ("strike will").
AFTER_WINDOW = 3
# Distinct sports words that make a document a sports report.
SPORTS_DOC_WORDS = 4


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


# A coordinated clause may have a subject of its own: "went on strike and
# hundreds of flights were cancelled" (not "on Monday and Tuesday").
_COORDINATION = re.compile(r"\s(?:and|und|et|e|ed|y|och)\s", re.IGNORECASE)
# Words an aside between commas may hold: "the strike, which would have hit
# two million passengers, did not take place".
ASIDE_WORDS = 12


def _own_subject(sentence: str, end: int, cue: int) -> bool:
    """A conjunction between the trigger and a post-negation opens a clause of its own
    when two or more words stand between the conjunction and the cue."""
    return any(
        _words_between(sentence, m.end(), cue) >= 2
        for m in _COORDINATION.finditer(sentence, end, cue)
    )


def _post_negation_end(sentence: str, end: int, scope_end: int) -> int:
    """How far a post-negation ("was called off") may stand after a trigger.

    Up to ``scope_end`` (the next trigger), but not past a punctuation break
    — except asides between commas right after the trigger — because what
    follows tells something else: "a strike on Monday; flights were cancelled".
    """
    limit = max(scope_end, end)
    pos = end
    while True:
        cut = _PUNCT.search(sentence, pos, limit)
        if cut is None:
            return limit
        nxt = _PUNCT.search(sentence, cut.end(), limit)
        is_aside = (
            cut.group().strip() == ","
            and nxt is not None
            and nxt.group().strip() == ","
            and _words_between(sentence, cut.end(), nxt.start()) <= ASIDE_WORDS
        )
        if not is_aside or nxt is None:
            return cut.start()
        pos = nxt.end()


def trigger_context(
    sentence: str, start: int, end: int, lex: Lexicon, bounds: list[int], scope_end: int
) -> set[Context]:
    """Contexts a trigger at sentence-relative [start, end) has from the cues around it.

    Cues before the trigger count within its clause (negation only within
    ``NEGATION_WINDOW`` words; future and conditional cues up to the trigger's
    end, so a cue may name the trigger: "announced a march").  Cues after it count only close by
    (``AFTER_WINDOW`` words: "the strike will go ahead", not "miners on hunger
    strike in Ankara say they will not leave") — except post-negation ("the
    march, planned for weeks, did not take place"), which reaches, within
    :func:`_post_negation_end`, up to
    ``scope_end``, where the next trigger of the sentence starts.
    """
    c_start, c_end = clause_of(start, bounds, len(sentence))
    after_end = _after_words(sentence, end, AFTER_WINDOW, c_end)
    found: set[Context] = set()
    for m in lex.cues.negation.finditer(sentence, c_start, start):
        if _words_between(sentence, m.end(), start) <= NEGATION_WINDOW:
            found.add(Context.NEGATED)
    post = lex.cues.negation_post.search(
        sentence, end, _post_negation_end(sentence, end, scope_end)
    )
    if post is not None and not _own_subject(sentence, end, post.start()):
        found.add(Context.NEGATED)
    # Future and conditional cues may include the trigger itself ("announced a
    # march", "sciopererà"): before the trigger they are read up to its end.
    if lex.cues.future.search(sentence, c_start, end) or lex.cues.future.search(
        sentence, end, after_end
    ):
        found.add(Context.FUTURE)
    if lex.cues.hypothetical.search(sentence, c_start, end) or lex.cues.hypothetical.search(
        sentence, end, after_end
    ):
        found.add(Context.HYPOTHETICAL)
    return found


def _after_words(sentence: str, end: int, n: int, limit: int) -> int:
    """Offset just past the ``n``-th word after ``end``, capped at ``limit``."""
    stop = end
    for i, m in enumerate(_WORD.finditer(sentence, end, max(limit, end))):
        stop = m.end()
        if i + 1 >= n:
            break
    return min(max(stop, end), max(limit, end))


def in_sports_report(doc_words: int, paragraph_text: str, lex: Lexicon) -> bool:
    """A sports report: several sports words in the document, one in the paragraph.

    Match reports use "strike", "striker" and "protest" constantly; one word
    alone (a "stadium" where a rally met) is not enough.  ``doc_words`` is
    :func:`sports_words` of the whole document, counted once per document.
    """
    return doc_words >= SPORTS_DOC_WORDS and bool(lex.cues.sports.search(paragraph_text))


def sports_words(doc_text: str, lex: Lexicon) -> int:
    """How many distinct sports words the document uses."""
    return len({m.group().lower() for m in lex.cues.sports.finditer(doc_text)})


def in_war_report(paragraph_text: str, lex: Lexicon) -> bool:
    """A paragraph about war: "strikes" there are air strikes, "marched" is an advance.

    Two distinct military words (warplanes, shelling, rockets …) in the
    paragraph are enough; a general strike in a war zone is told in another.
    """
    return len({m.group().lower() for m in lex.cues.military.finditer(paragraph_text)}) >= 2
