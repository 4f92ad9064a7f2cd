"""Events told without a trigger word: an event-type classifier over the sentence encoder.

The lexicons find an event by its words.  Reports also tell strikes, arrests
and shootings in words no lexicon lists — "the dockers downed tools",
"officers bundled them into vans", "the authorities cut mobile data".  This
module reads such sentences with a small classifier: a multinomial logistic
regression over the multilingual encoder's vectors (:mod:`contention.encode`),
trained once per process (and cached on disk) on our own labelled sentences,
``lang/<code>/typing.toml``, written for this project in all seven languages.
Training is deterministic: full-batch gradient descent from zero weights.

Which sentences are read (this bounds the cost): sentences in which no trigger
fired, that name a crowd or a state force (the actor annotations) — a sentence
with nobody in it to protest, arrest or shoot is not embedded at all.

What a reading produces: when the most probable label is an event type with
probability at least :data:`P_FLOOR`, an :class:`EventMention` of that type,
*weak* (so it founds an event only with a place, date or count of its own,
otherwise it can only join an event of the same type told nearby), without a
mode, its context read from the whole sentence's negation, future and
conditional cues.  Its trigger span is the predicate after the sentence's
first actor (up to :data:`PREDICATE_WORDS` words within the clause), so the
type evidence quotes the words that tell the act; its evidence carries the
classifier's probability as its score.

The floor was set on our own data only (leave-one-language-out
cross-validation over the training sentences, :func:`cross_validate`), and
the held-out sentences in ``tests/encode/data/typing_heldout.toml`` — written
separately — measure it (``contention eval paraphrase``).

Switch: off by default; ``CONTENTION_PARAPHRASE=on`` turns it on.  It stays
off because, measured, it does not yet pay for itself inside whole articles:
on the held-out sentences it lifts the pipeline's F1, but on full reports it
also reads background sentences (a union leader describing shifts, a security
operation for a football match) as events, and embedding every candidate
sentence costs more than the encoder budget allows (docs/benchmarks.md,
"Encoder cost"; docs/evaluation.md, "paraphrase").
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from contention import lang
from contention.encode import encoder as enc
from contention.events.mention import EventMention
from contention.model import Context, make_span

if TYPE_CHECKING:
    from contention.events.lexicon import Lexicon
    from contention.model import ActorMention, Document, Sentence

log = logging.getLogger(__name__)

ENV = "CONTENTION_PARAPHRASE"
_ON = frozenset({"on", "1", "true", "yes"})

NONE = "NONE"
LABELS: tuple[str, ...] = (NONE, "PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE")
# Minimum probability of the winning event type (see the module docstring).
P_FLOOR = 0.60
# Words of the predicate quoted as the trigger.
PREDICATE_WORDS = 6
# Actor classes whose presence makes a sentence worth reading.
ACTING = frozenset(
    {
        "protesters",
        "workers",
        "students",
        "unemployed",
        "union",
        "civilians",
        "police",
        "security_forces",
        "military",
        "government",
    }
)
# Training settings (part of the cache key).
_L2 = 1e-3
_STEPS = 2000
_RATE = 5.0

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence of ``lang/<code>/typing.toml``."""

    lang: str
    label: str
    text: str


def examples(languages: Sequence[str] = lang.SUPPORTED) -> list[Example]:
    """The training sentences of ``languages``, in a fixed order.

    Besides ``lang/<code>/typing.toml``, the encoder filter's prototypes
    (:mod:`contention.events.typing_signal`, also our own sentences) are used:
    its positives under their type, its negatives as NONE.  They carry the
    language ``und`` (they mix languages), so cross-validation never holds them out.
    """
    from contention.events import typing_signal

    out: list[Example] = []
    for code in languages:
        for e in lang.load(code, "typing").get("example", []):
            label = str(e["label"]).upper()
            if label not in LABELS:
                raise ValueError(f"lang/{code}/typing.toml: unknown label {label!r}")
            out.append(Example(code, label, str(e["text"])))
    if not out:
        return out
    for type_, texts in typing_signal.POSITIVE.items():
        if type_ in LABELS:
            out.extend(Example("und", type_, t) for t in texts)
    for texts in typing_signal.NEGATIVE.values():
        out.extend(Example("und", NONE, t) for t in texts)
    return out


@dataclass(frozen=True, slots=True)
class Model:
    """Softmax weights over encoder vectors: ``proba(X) = softmax(X @ weights + bias)``."""

    weights: Matrix
    bias: Matrix
    labels: tuple[str, ...] = LABELS

    def proba(self, vectors: Matrix) -> Matrix:
        z = vectors @ self.weights + self.bias
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: Matrix = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


def train(vectors: Matrix, labels: Sequence[str]) -> Model:
    """Multinomial logistic regression, L2-regularised, full-batch gradient descent.

    Classes are weighted inversely to their frequency, so the many NONE
    sentences do not drown a type with few examples.
    """
    y = np.array([LABELS.index(label) for label in labels])
    n, d = vectors.shape
    k = len(LABELS)
    onehot = np.zeros((n, k), dtype=np.float64)
    onehot[np.arange(n), y] = 1.0
    freq = onehot.sum(axis=0)
    class_weight = np.where(freq > 0, n / (k * np.maximum(freq, 1.0)), 0.0)
    sample_weight = class_weight[y][:, None]
    x = vectors.astype(np.float64)
    w = np.zeros((d, k))
    b = np.zeros(k)
    total = sample_weight.sum()
    for _ in range(_STEPS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_weight / total
        w -= _RATE * (x.T @ g + _L2 * w)
        b -= _RATE * g.sum(axis=0)
    return Model(w.astype(np.float32), b.astype(np.float32))


def _cache_key(exs: Sequence[Example], encoder_name: str) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([encoder_name, _L2, _STEPS, _RATE, LABELS]).encode())
    for e in exs:
        h.update(f"{e.label}\t{e.text}\n".encode())
    return h.hexdigest()[:16]


@cache
def model() -> Model:
    """The classifier trained on every language's examples (cached under ~/.cache/contention)."""
    from contention.annotate.gazetteer import cache_dir

    exs = examples()
    if not exs:
        raise RuntimeError("no training sentences: lang/*/typing.toml are missing")
    name = enc.get_encoder().name
    path = cache_dir() / f"paraphrase-{_cache_key(exs, name)}.npz"
    if path.is_file():
        try:
            with np.load(path) as data:
                return Model(data["weights"], data["bias"])
        except (OSError, KeyError, ValueError):
            log.warning("unreadable classifier cache %s: retraining", path)
    fitted = train(enc.embed([e.text for e in exs]), [e.label for e in exs])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, weights=fitted.weights, bias=fitted.bias)
        tmp.replace(path)
    except OSError:
        log.warning("cannot write classifier cache %s", path)
    return fitted


def enabled() -> bool:
    """True when ``CONTENTION_PARAPHRASE`` asks for the classifier (off by default, see
    the module docstring), the encoder is not switched off (``CONTENTION_ENCODER``)
    and training sentences exist."""
    from contention.events import typing_signal

    if os.environ.get(ENV, "").strip().lower() not in _ON:
        return False
    return typing_signal.enabled() and _has_examples()


@cache
def _has_examples() -> bool:
    return bool(examples())


@dataclass(frozen=True, slots=True)
class Reading:
    """The classifier's verdict on one sentence."""

    label: str
    probability: float


def classify(texts: Sequence[str]) -> list[Reading]:
    """Most probable label of each text, with its probability."""
    if not texts:
        return []
    probs = model().proba(enc.embed(list(texts)))
    return [
        Reading(LABELS[int(i)], float(row[int(i)]))
        for row, i in zip(probs, probs.argmax(1), strict=True)
    ]


_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,;:()–—]")


def _predicate(text: str, sent: Sentence, actors: Sequence[ActorMention]) -> tuple[int, int]:
    """The words after the sentence's first actor, up to PREDICATE_WORDS, within the clause."""
    first = min(actors, key=lambda a: a.span.start, default=None)
    start = first.span.end if first is not None else sent.start
    words = list(_WORD.finditer(text, start, sent.end))
    if len(words) < 2:  # the actor ends the sentence: quote from its start
        start = sent.start
        words = list(_WORD.finditer(text, start, sent.end))
    if not words:
        return sent.start, sent.end
    lo = words[0].start()
    hi = words[0].end()
    for w in words[1:PREDICATE_WORDS]:
        if _CLAUSE_END.search(text, hi, w.start()):
            break
        hi = w.end()
    hi = lo + len(text[lo:hi].rstrip(".,;:!?»”\"')"))
    return (lo, hi) if hi > lo else (sent.start, sent.end)


def _contexts(s_text: str, lx: Lexicon | None) -> set[Context]:
    """Negation, future and conditional cues anywhere in the sentence."""
    if lx is None:
        return set()
    found: set[Context] = set()
    if lx.cues.negation.search(s_text) or lx.cues.negation_post.search(s_text):
        found.add(Context.NEGATED)
    if lx.cues.future.search(s_text):
        found.add(Context.FUTURE)
    if lx.cues.hypothetical.search(s_text):
        found.add(Context.HYPOTHETICAL)
    return found


def propose(
    doc: Document,
    sentences: Sequence[Sentence],
    mentions: Sequence[EventMention],
    actors: Sequence[ActorMention],
) -> list[EventMention]:
    """Weak mentions for sentences that tell an event in words no trigger lists."""
    from contention.events.code import by_sentence
    from contention.events.lexicon import lexicon

    covered = {m.sentence for m in mentions}
    acting = [a for a in actors if a.cls in ACTING]
    actors_in = by_sentence(acting, [a.span for a in acting], sentences)
    todo = [s for s in sentences if s.index not in covered and s.index in actors_in]
    if not todo:
        return []
    readings = classify([doc.text[s.start : s.end] for s in todo])
    out: list[EventMention] = []
    for sent, r in zip(todo, readings, strict=True):
        if r.label == NONE or r.probability < P_FLOOR:
            continue
        start, end = _predicate(doc.text, sent, actors_in[sent.index])
        language = sent.language if sent.language in lang.SUPPORTED else "en"
        out.append(
            EventMention(
                type=r.label,
                mode=None,
                trigger=make_span(doc.text, start, end),
                sentence=sent.index,
                language=language,
                weak=True,
                contexts=_contexts(doc.text[sent.start : sent.end], lexicon(language)),
                inferred=round(r.probability, 4),
            )
        )
    return out


def cross_validate(floors: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9)) -> dict[str, object]:
    """Leave-one-language-out precision/recall of the event types at each floor.

    Used to choose :data:`P_FLOOR` on our own sentences; printed by
    ``python -m contention.events.paraphrase``.
    """
    exs = examples()
    vectors = enc.embed([e.text for e in exs])
    langs = sorted({e.lang for e in exs} - {"und"})
    probs = np.zeros((len(exs), len(LABELS)), dtype=np.float32)
    for held in langs:
        test = np.array([e.lang == held for e in exs])
        fitted = train(vectors[~test], [e.label for e, t in zip(exs, test, strict=True) if not t])
        probs[test] = fitted.proba(vectors[test])
    scored = [(row, e.label) for row, e in zip(probs, exs, strict=True) if e.lang != "und"]
    out: dict[str, object] = {"n": len(scored), "languages": langs}
    for floor in floors:
        tp = fp = fn = 0
        for row, g in scored:
            i = int(row.argmax())
            pred = LABELS[i] if LABELS[i] != NONE and row[i] >= floor else NONE
            if pred != NONE and pred == g:
                tp += 1
            else:
                fp += pred != NONE
                fn += g != NONE
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[f"{floor:.2f}"] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "predicted": tp + fp,
        }
    return out


if __name__ == "__main__":  # pragma: no cover - a calibration report
    print(json.dumps(cross_validate(), indent=2))
