"""Language of a sentence, restricted to the languages the project can read.

py3langid is restricted to :data:`CANDIDATES` — the languages the project
supports or is about to support — so that a Spanish sentence is called
Spanish rather than forced into the closest supported language.  A result
outside :data:`contention.lang.SUPPORTED`, below :data:`MIN_CONFIDENCE`, or
for text with too few letters of a covered script is ``"und"``: downstream
stages skip "und" sentences rather than read them with the wrong lexicon.

Short sentences are where identification fails ("January 10, 2022",
"Tokayev, Nazarbayev and Putin."), so :func:`assign_languages` lets only
*reliable* sentences (long enough, confident) keep their own verdict and
gives every other one the language of its paragraph or its neighbours.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from contention.lang import SUPPORTED

UND = "und"
# Languages the identifier may answer: supported now or planned next.
CANDIDATES: tuple[str, ...] = tuple(
    dict.fromkeys((*SUPPORTED, "en", "it", "es", "fr", "de", "ru", "pt"))
)
MIN_CONFIDENCE = 0.5
# A sentence whose own verdict is trusted without looking at its context.
RELIABLE_CHARS = 40
RELIABLE_WORDS = 5
RELIABLE_CONFIDENCE = 0.9
_MIN_LETTERS = 3
_SCRIPTS = ("LATIN", "CYRILLIC")


@cache
def _identifier() -> Any:
    """The py3langid model, loaded once per process (~0.7 s) and restricted to CANDIDATES."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # a future supported language the model lacks must not break the others
    identifier.set_languages([c for c in CANDIDATES if c in set(identifier.labels)])
    return identifier


def _covered_letters(text: str) -> bool:
    """Enough letters, mostly of a script the candidate languages are written in."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return False
    covered = sum(1 for ch in letters if unicodedata.name(ch, "").startswith(_SCRIPTS))
    return covered * 2 >= len(letters)


def identify(text: str) -> tuple[str, float]:
    """Best candidate language and its probability; ``("und", 0.0)`` for letterless text.

    The language may be a candidate that is not (yet) supported; callers that
    need a supported code use :func:`detect_language`.
    """
    if not _covered_letters(text):
        return UND, 0.0
    lang, prob = _identifier().classify(text)
    if prob < MIN_CONFIDENCE:
        return UND, float(prob)
    return str(lang), float(prob)


def _supported(lang: str) -> str:
    return lang if lang in SUPPORTED else UND


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` if it is a supported language, else ``"und"``."""
    return _supported(identify(text)[0])


def _is_reliable(text: str, lang: str, prob: float) -> bool:
    stripped = text.strip()
    return (
        lang != UND
        and prob >= RELIABLE_CONFIDENCE
        and len(stripped) >= RELIABLE_CHARS
        and len(stripped.split()) >= RELIABLE_WORDS
    )


def assign_languages(texts: Sequence[str], paragraphs: Sequence[int]) -> list[str]:
    """One language per sentence, smoothed over paragraphs and neighbours.

    ``texts`` are the sentences in document order and ``paragraphs`` their
    paragraph numbers.  A reliable sentence keeps its own language.  Any
    other sentence takes, in order of preference: the majority (by length) of
    the reliable sentences in its paragraph; the language of its nearest
    reliable neighbours when they agree (or when only one exists); on
    disagreement its own verdict if it matches one of them, else the
    preceding one's; its own verdict when the document has no reliable
    sentence at all.  Unsupported languages come out as ``"und"``.
    """
    if len(texts) != len(paragraphs):
        raise ValueError("texts and paragraphs must have the same length")
    verdicts = [identify(t) for t in texts]
    reliable = [_is_reliable(t, lang, p) for t, (lang, p) in zip(texts, verdicts, strict=True)]

    votes: dict[int, Counter[str]] = {}
    for t, (lang, _), ok, para in zip(texts, verdicts, reliable, paragraphs, strict=True):
        if ok:
            votes.setdefault(para, Counter())[lang] += len(t)

    result: list[str] = []
    for i, (lang, _) in enumerate(verdicts):
        if reliable[i]:
            result.append(_supported(lang))
            continue
        para_votes = votes.get(paragraphs[i])
        if para_votes:
            result.append(_supported(para_votes.most_common(1)[0][0]))
            continue
        prev = next((verdicts[j][0] for j in range(i - 1, -1, -1) if reliable[j]), None)
        nxt = next((verdicts[j][0] for j in range(i + 1, len(texts)) if reliable[j]), None)
        if prev is None and nxt is None:
            chosen = lang
        elif prev is None or nxt is None or prev == nxt:
            chosen = prev or nxt or lang
        else:
            chosen = lang if lang in (prev, nxt) else prev
        result.append(_supported(chosen))
    return result
