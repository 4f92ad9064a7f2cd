"""Second signal for event typing: does a mention's sentence read like its event type?

The lexicons decide what a trigger is; this module checks the decision with
the multilingual sentence encoder (:mod:`contention.encode`).  Each event
type has *positive prototypes* — short descriptions of the event, written for
this project in the seven supported languages — and there is one pool of
*negative prototypes* for the readings a trigger word also has: football
("the striker scored"), war ("an air strike hit the town", "the army conceded
ground"), deals and figures of speech ("the firms struck a deal").  A
mention's sentence is embedded once; its best cosine against the positives of
its own type is compared with its best cosine against the negatives.

Rejection rule (:func:`judge`): a mention is dropped when

    negative ≥ NEG_FLOOR  and  negative − positive ≥ MARGIN

i.e. the sentence must look clearly like a non-event reading *and* clearly
more like it than like any description of its own type.  The margin is wide
on purpose: the lexicon has already accepted the trigger, so the encoder
only overrules it when the evidence is one-sided.  A sentence that tells a
match *and* a strike (both high) is kept.  Calibration, on our own sentences
(tests/encode) and the bundled samples, never the evaluation sets: among
the 369 mentions of the samples, none with a negative ≥ 0.35 has a margin
above +0.02; our real-event sentences (strikes, marches, arrests, shootings,
concessions, footballers on strike) stay at or below about 0; football, air
and drone strikes, "conceded ground/a goal/defeat" score +0.10 to +0.37.

Proposals (:func:`propose`): sentences without any mention whose best
positive clears PROPOSE_FLOOR and beats the negatives by MARGIN.  They are
reported, never turned into events: their precision is not demonstrated.

Cost: only ambiguous mentions of the JUDGED types are embedded (PROTEST,
CONCEDE, SUPPORT triggers whose words have sporting, military or everyday
readings: see :func:`_judged`), each sentence once, trimmed to WINDOW words
around its triggers.  Measured: +33% per article on the benchmark pages, +42%
on the bundled samples (docs/benchmarks.md, "Encoder cost").

Switch: the filter runs inside ``detect`` by default whenever the encoder
package is installed (it is a dependency); ``CONTENTION_ENCODER=off`` keeps the
lexical pipeline alone.  When asked for explicitly (``filter``/``on``) but the
package is missing, the filter logs a warning once and passes mentions through
unchanged — detection never fails for it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from contention.encode import encoder as enc

if TYPE_CHECKING:
    from contention.events.mention import EventMention
    from contention.model import Document, Sentence

log = logging.getLogger(__name__)

ENV = "CONTENTION_ENCODER"
_ON = frozenset({"filter", "on", "1", "true", "yes"})
_OFF = frozenset({"off", "0", "false", "no", "none"})

# Decision thresholds on cosine similarity (USE multilingual v3 scale, where a
# sentence and its translation score 0.6-0.9 and unrelated news sentences
# 0.0-0.35).  See the module docstring for how they were chosen.
MARGIN = 0.10
NEG_FLOOR = 0.35
PROPOSE_FLOOR = 0.55

# Types whose trigger words have common readings that are no contentious event
# ("strike", "striker", "rally", "protested to the referee", "conceded a goal",
# "fans voiced their support").  Arrests, curfews, shootings and deployments
# are state action whatever the context (an air raid that killed civilians is
# still an ASSAULT), so their mentions are not embedded: that keeps the cost
# of an article within budget (docs/benchmarks.md, "Encoder cost").
JUDGED = frozenset({"PROTEST", "CONCEDE", "SUPPORT"})
# Words kept on each side of the triggers of one sentence.
WINDOW = 12
_WORD = re.compile(r"\S+")

# Positive prototypes: what each event type looks like when it happened.
# One short sentence per language and reading; no source was copied.
POSITIVE: dict[str, tuple[str, ...]] = {
    "PROTEST": (
        # strike
        "Workers went on strike at the factory over pay.",
        "The unions called a general strike and trains and buses stopped.",
        "Gli operai hanno scioperato per otto ore contro i licenziamenti.",
        "I lavoratori sono in sciopero da lunedì.",
        "Los trabajadores se declararon en huelga por los salarios.",
        "Les salariés sont en grève depuis mardi contre la réforme.",
        "Die Beschäftigten legten die Arbeit nieder und streikten.",
        "Рабочие завода объявили забастовку из-за задержки зарплаты.",
        "Os trabalhadores entraram em greve por melhores salários.",
        "Professional footballers went on strike over pay and the league's matches were cancelled.",
        "Las jugadoras de la liga hicieron huelga y no se disputó la jornada.",
        "The strike shut down the port and stopped the trains.",
        "Airport staff went on strike and hundreds of flights were cancelled.",
        "Military veterans and soldiers' families protested outside the defence ministry.",
        "Football fans marched to the stadium in protest against the club's owners.",
        # hunger strike
        "Prisoners began a hunger strike to protest their detention.",
        # demonstrate
        "Thousands of people marched through the city centre in protest.",
        "Protesters rallied outside parliament against the new law.",
        "Migliaia di persone hanno manifestato in piazza contro il governo.",
        "Miles de personas se manifestaron en las calles de la capital.",
        "Des milliers de manifestants ont défilé dans les rues.",
        "Tausende demonstrierten in der Innenstadt gegen die Regierung.",
        "Тысячи людей вышли на митинг протеста в центре города.",
        "Milhares de pessoas protestaram nas ruas contra o governo.",
        # riot
        "Rioters set cars on fire and clashed with the police.",
        "Manifestanti hanno lanciato pietre e bruciato cassonetti negli scontri.",
        "Des émeutiers ont incendié des voitures et affronté la police.",
        "Участники беспорядков поджигали машины и вступали в столкновения с полицией.",
        # obstruct, occupy, boycott
        "Farmers blocked the motorway with their tractors in protest.",
        "Students occupied the university building.",
        "Consumers boycotted the company's products in protest.",
        "Los manifestantes cortaron las carreteras con barricadas.",
    ),
    "COERCE": (
        "Police arrested dozens of protesters.",
        "La polizia ha arrestato decine di manifestanti.",
        "La policía detuvo a decenas de manifestantes.",
        "La police a interpellé des dizaines de manifestants.",
        "Die Polizei nahm Dutzende Demonstranten fest.",
        "Полиция задержала десятки участников акции протеста.",
        "A polícia prendeu dezenas de manifestantes.",
        "Police fired tear gas and water cannon to disperse the crowd.",
        "The authorities imposed a curfew after the unrest.",
        "The government banned the march and blocked the internet.",
        "Le autorità hanno vietato il corteo e imposto il coprifuoco.",
        "Las autoridades prohibieron la manifestación.",
    ),
    "ASSAULT": (
        "Security forces opened fire on the demonstrators, killing several.",
        "Police beat protesters with batons.",
        "Protesters were shot dead by soldiers during the unrest.",
        "La polizia ha caricato e picchiato i manifestanti.",
        "Las fuerzas de seguridad dispararon contra los manifestantes.",
        "Les forces de l'ordre ont tiré sur les manifestants.",
        "Sicherheitskräfte schossen auf Demonstranten.",
        "Силовики открыли огонь по протестующим.",
        "A polícia disparou contra os manifestantes.",
    ),
    "MOBILIZE": (
        "Troops were deployed to the city to put down the protests.",
        "The government sent the army onto the streets after the riots.",
        "Riot police were sent in to the square.",
        "Il governo ha inviato l'esercito nelle strade dopo le proteste.",
        "El gobierno desplegó al ejército en las calles tras los disturbios.",
        "В город ввели войска после беспорядков.",
    ),
    "CONCEDE": (
        "The government withdrew the reform after weeks of protests.",
        "The minister resigned after the protests.",
        "The company agreed to the strikers' demands and raised wages.",
        "Il governo ha ritirato il decreto dopo le proteste.",
        "El gobierno retiró la reforma tras las protestas.",
        "Le gouvernement a retiré la réforme après les manifestations.",
        "Правительство отменило повышение цен после протестов.",
        "O governo recuou e revogou o aumento após os protestos.",
    ),
    "SUPPORT": (
        "The opposition party expressed its support for the strikers.",
        "Unions abroad declared their solidarity with the protesters.",
        "I sindacati hanno espresso solidarietà ai lavoratori in sciopero.",
    ),
}

# Negative prototypes: readings of trigger words that are no contentious event.
NEGATIVE: dict[str, tuple[str, ...]] = {
    "sports": (
        "The striker scored a goal in the second half.",
        "The team conceded two goals before half-time.",
        "The forward hit a powerful strike into the top corner.",
        "The players protested to the referee after the penalty.",
        "A late strike from the midfielder won the match for the home side.",
        "L'attaccante ha segnato un gol nel secondo tempo.",
        "El delantero marcó un gol en el segundo tiempo.",
        "L'attaquant a marqué un but en seconde période.",
        "Der Stürmer erzielte in der zweiten Halbzeit ein Tor.",
        "Нападающий забил гол во втором тайме.",
        "O atacante marcou um gol no segundo tempo.",
    ),
    "war": (
        "An air strike hit the town.",
        "A drone strike destroyed an ammunition depot near the front.",
        "Missiles struck a residential building overnight.",
        "Warplanes and drones struck targets in the city overnight.",
        "A missile strike on a village killed three civilians.",
        "The army conceded ground to the advancing enemy forces.",
        "Troops fought to hold villages on the front line.",
        "Un raid aereo ha colpito la città.",
        "Un ataque aéreo alcanzó la ciudad.",
        "Une frappe aérienne a touché la ville.",
        "Ein Luftangriff traf die Stadt.",
        "Авиаудар пришёлся по жилому кварталу.",
        "Um ataque aéreo atingiu a cidade.",
    ),
    "figurative": (
        "The two companies struck a deal to merge.",
        "The ministry lodged a diplomatic protest with the ambassador.",
        "The candidate conceded defeat in the election.",
        "Lightning struck the church tower during the storm.",
        "Stock markets rallied after the announcement.",
        "The two governments struck an agreement on trade.",
        "The study demonstrated that the drug works.",
    ),
}

# Negative groups that do not count against a type: a missile that killed
# civilians is an (aerial) ASSAULT, correctly typed, whatever else it is.
EXEMPT: dict[str, frozenset[str]] = {"ASSAULT": frozenset({"war"})}

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The encoder's reading of one mention's sentence.

    ``positive`` is the best cosine against the mention type's prototypes,
    ``negative`` the best against the negative pool, ``label`` the negative
    group that scored it ("sports", "war", "figurative").
    """

    positive: float
    negative: float
    label: str
    reject: bool

    @property
    def margin(self) -> float:
        """negative − positive: above MARGIN (with NEG_FLOOR) means rejection."""
        return self.negative - self.positive


@dataclass(frozen=True, slots=True)
class Proposal:
    """A sentence with no lexical mention that reads like an event of ``type``."""

    sentence: int
    type: str
    score: float
    negative: float


def enabled() -> bool:
    """True unless ``CONTENTION_ENCODER`` switches the filter off, or the package is absent
    and nobody asked for it."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    return enc.available()


@dataclass(frozen=True, slots=True)
class _Bank:
    positive: dict[str, Matrix]
    negative: Matrix
    negative_labels: tuple[str, ...]
    exempt_mask: dict[str, npt.NDArray[np.bool_]]


@cache
def _bank(encoder_name: str) -> _Bank:
    """Prototype vectors, embedded once per encoder and process (one batch)."""
    del encoder_name  # the cache key: a different encoder gets its own bank
    types = list(POSITIVE)
    pos_texts = [t for ty in types for t in POSITIVE[ty]]
    neg_labels = tuple(lab for lab, texts in NEGATIVE.items() for _ in texts)
    neg_texts = [t for texts in NEGATIVE.values() for t in texts]
    vectors = enc.embed([*pos_texts, *neg_texts])
    positive: dict[str, Matrix] = {}
    at = 0
    for ty in types:
        positive[ty] = vectors[at : at + len(POSITIVE[ty])]
        at += len(POSITIVE[ty])
    masks = {
        ty: np.array([lab in groups for lab in neg_labels], dtype=np.bool_)
        for ty, groups in EXEMPT.items()
    }
    return _Bank(positive, vectors[at:], neg_labels, masks)


def _score(bank: _Bank, vector: Matrix, type_: str) -> tuple[float, float, str]:
    protos = bank.positive.get(type_)
    pos = float(np.max(protos @ vector)) if protos is not None and len(protos) else 0.0
    neg_sims = bank.negative @ vector
    exempt = EXEMPT.get(type_)
    if exempt:
        neg_sims = np.where(bank.exempt_mask[type_], -1.0, neg_sims)
    best = int(np.argmax(neg_sims))
    # Rounded so that a rebuilt batch (1e-6 float noise) cannot flip a decision.
    return round(pos, 4), round(float(neg_sims[best]), 4), bank.negative_labels[best]


def _decide(pos: float, neg: float) -> bool:
    return neg >= NEG_FLOOR and neg - pos >= MARGIN


def judge_texts(texts: Sequence[str], types: Sequence[str]) -> list[Verdict]:
    """One :class:`Verdict` per (sentence text, event type) pair, embedded in one batch."""
    if len(texts) != len(types):
        raise ValueError("judge_texts needs one type per text")
    if not texts:
        return []
    bank = _bank(enc.get_encoder().name)
    vectors = enc.embed(list(texts))
    out = []
    for vec, ty in zip(vectors, types, strict=True):
        pos, neg, label = _score(bank, vec, ty)
        out.append(Verdict(pos, neg, label, _decide(pos, neg)))
    return out


def _window(text: str, lo: int, hi: int, words: int) -> tuple[int, int]:
    """Offsets of ``text[lo:hi]`` widened by up to ``words`` words (runs of non-space) each side."""
    before = [m.start() for m in _WORD.finditer(text, 0, lo)]
    after = [m.end() for m in _WORD.finditer(text, hi)]
    start = before[-words] if len(before) >= words else 0
    end = after[words - 1] if len(after) >= words else len(text)
    return start, max(end, hi)


def _judged(m: EventMention) -> bool:
    """Only triggers whose words have other senses are worth a second opinion.

    "strike", "protest", "march", "conceded" (lexicon entries marked ``sports``
    or ``military``, and every concession) can mean a goal, an air raid or
    ground given up; "arrested" or "curfew" cannot.  Judging only these keeps
    the encoder's cost to the sentences that need it.
    """
    return m.type in JUDGED and m.ambiguous


def judge(
    doc: Document, sentences: Sequence[Sentence], mentions: Sequence[EventMention]
) -> list[Verdict | None]:
    """A verdict per mention of a JUDGED type (None for the others), in one batch.

    What is embedded is, per sentence, the stretch from WINDOW words before its
    first judged trigger to WINDOW words after its last one: the whole
    sentence for most news sentences, a bounded cost for the long ones.
    """
    by_index = {s.index: s for s in sentences}
    spans: dict[int, tuple[int, int]] = {}
    for m in mentions:
        if _judged(m):
            lo, hi = spans.get(m.sentence, (m.trigger.start, m.trigger.end))
            spans[m.sentence] = (min(lo, m.trigger.start), max(hi, m.trigger.end))
    if not spans:
        return [None] * len(mentions)
    wanted = sorted(spans)
    texts = []
    for i in wanted:
        sent = by_index[i]
        s_text = doc.text[sent.start : sent.end]
        a, b = _window(s_text, spans[i][0] - sent.start, spans[i][1] - sent.start, WINDOW)
        texts.append(s_text[a:b])
    bank = _bank(enc.get_encoder().name)
    row = {i: k for k, i in enumerate(wanted)}
    vectors = enc.embed(texts)
    out: list[Verdict | None] = []
    for m in mentions:
        if not _judged(m):
            out.append(None)
            continue
        pos, neg, label = _score(bank, vectors[row[m.sentence]], m.type)
        out.append(Verdict(pos, neg, label, _decide(pos, neg)))
    return out


_warned = False


def filter_with_encoder(
    doc: Document, sentences: Sequence[Sentence], mentions: list[EventMention]
) -> list[EventMention]:
    """Mentions the encoder does not overrule, in their original order.

    Without the encoder package this returns ``mentions`` unchanged (warning
    once per process): the lexical decision stands.
    """
    global _warned
    if not mentions:
        return mentions
    if not enc.available():
        if not _warned:
            log.warning("%s is set but the encoder is not installed: %s", ENV, enc.INSTALL_HINT)
            _warned = True
        return mentions
    verdicts = judge(doc, sentences, mentions)
    kept = []
    for m, v in zip(mentions, verdicts, strict=True):
        if v is not None and v.reject:
            log.debug(
                "encoder rejects %s %r (%s %.2f vs %.2f)",
                m.type,
                m.trigger.quote,
                v.label,
                v.negative,
                v.positive,
            )
            continue
        kept.append(m)
    return kept


def propose(
    doc: Document, sentences: Sequence[Sentence], mentions: Sequence[EventMention]
) -> list[Proposal]:
    """Sentences no trigger fired in that read like an event (report only, see module doc)."""
    covered = {m.sentence for m in mentions}
    todo = [s for s in sentences if s.index not in covered and s.end > s.start]
    if not todo:
        return []
    bank = _bank(enc.get_encoder().name)
    vectors = enc.embed([doc.text[s.start : s.end] for s in todo])
    out = []
    for sent, vec in zip(todo, vectors, strict=True):
        neg = float(np.max(bank.negative @ vec))
        best_type, best = max(
            ((ty, float(np.max(p @ vec))) for ty, p in bank.positive.items()),
            key=lambda tp: tp[1],
        )
        if best >= PROPOSE_FLOOR and best - neg >= MARGIN:
            out.append(Proposal(sent.index, best_type, round(best, 4), round(neg, 4)))
    return out
