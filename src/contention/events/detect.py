"""Detect stage: find event triggers in each sentence and code their slots.

Detection is lexical (per-language triggers in ``lang/<code>/events.toml``)
with three filters that carry most of the precision: ``reject`` patterns
("air strike", "strike a deal"), ``requires`` co-occurrence ("troops" only
with a verb of movement) and the sports filter ("the striker protested to the
referee").  Overlapping matches keep the longest ("hunger strike" over
"strike").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contention import lang
from contention.events import paraphrase, typing_signal
from contention.events.code import code_mentions
from contention.events.context import (
    clause_bounds,
    in_sports_report,
    in_war_report,
    sports_words,
    trigger_context,
)
from contention.events.lexicon import Lexicon, Trigger, lexicon
from contention.events.mention import EventMention
from contention.model import Context, Document, Sentence, make_span

if TYPE_CHECKING:
    from contention.pipeline.core import Annotations


def _lexicons_for(sentence: Sentence) -> list[Lexicon]:
    if sentence.language != "und":
        lx = lexicon(sentence.language)
        return [lx] if lx else []
    return [lx for code in lang.SUPPORTED if (lx := lexicon(code)) is not None]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _accepted(trig: Trigger, s_text: str, start: int, end: int, domains: tuple[bool, bool]) -> bool:
    sports, war = domains
    if (trig.sports and sports) or (trig.military and war):
        return False
    for rej in trig.reject:
        if any(_overlaps((m.start(), m.end()), (start, end)) for m in rej.finditer(s_text)):
            return False
    if trig.requires:
        lo, hi = 0, len(s_text)
        if trig.window is not None:
            lo, hi = max(0, start - trig.window), min(len(s_text), end + trig.window)
        if not any(
            not _overlaps((m.start(), m.end()), (start, end))
            for req in trig.requires
            for m in req.finditer(s_text, lo, hi)
        ):
            return False
    return True


def _is_headline(doc: Document, sent: Sentence, s_text: str) -> bool:
    """The title sentence: it summarises the story the body tells."""
    if sent.paragraph != 0 or not doc.title:
        return False
    title = doc.title.strip()
    return bool(title) and (s_text.strip() in title or title in s_text)


def _reported_intent(m: EventMention, s_text: str, start: int, lx: Lexicon) -> None:
    """'The president said he would withdraw the bill': reported intent, not a conditional.

    Announcing a concession is the concession (CONCEDE stays asserted); for
    any other event, announced intent is a future event.
    """
    if Context.HYPOTHETICAL not in m.contexts:
        return
    if not lx.cues.reported.search(s_text, 0, start) or lx.cues.conditional.search(
        s_text, 0, start
    ):
        return
    m.contexts.discard(Context.HYPOTHETICAL)
    if m.type != "CONCEDE":
        m.contexts.add(Context.FUTURE)


def _infinitive(s_text: str, start: int, end: int, lx: Lexicon) -> bool:
    """A trigger in the infinitive ("to strike", "scendere in strada") names an aim or a
    demand, not an occurrence: it may join an event told elsewhere but not stand alone."""
    return bool(lx.cues.infinitive.search(s_text[max(0, start - 12) : end]))


# Triggers whose infinitive in a purpose clause names the act itself: "marched to
# protest", "used tear gas to disperse the crowd".
PURPOSE_TRIGGERS = frozenset({("PROTEST", "demonstrate"), ("COERCE", "disperse")})


def _purpose(s_text: str, start: int, trig: Trigger, lx: Lexicon) -> bool:
    """'interceptaron el barco para protestar', 'used tear gas to disperse': the act itself.

    A protest or dispersal verb in a purpose clause names what the main verb's
    act was (so it stands as an event), unless the sentence asks or calls for it
    ("urged them to protest"), which is a demand.
    """
    if (trig.type, trig.mode) not in PURPOSE_TRIGGERS:
        return False
    before = s_text[max(0, start - 25) : start]
    return bool(lx.cues.purpose.search(before)) and not lx.cues.demand.search(s_text, 0, start)


def _paragraph_text(text: str, sentences: list[Sentence], paragraph: int) -> str:
    members = [s for s in sentences if s.paragraph == paragraph]
    return text[members[0].start : members[-1].end] if members else ""


def find_triggers(doc: Document, sentences: list[Sentence]) -> list[EventMention]:
    """All accepted trigger matches, as uncoded mentions in document order."""
    text = doc.text
    mentions: list[EventMention] = []
    domain_cache: dict[tuple[int, str], tuple[bool, bool]] = {}
    doc_sports: dict[str, int] = {}
    for sent in sentences:
        s_text = text[sent.start : sent.end]
        for lx in _lexicons_for(sent):
            key = (sent.paragraph, lx.language)
            if key not in domain_cache:
                para = _paragraph_text(text, sentences, sent.paragraph)
                if lx.language not in doc_sports:
                    doc_sports[lx.language] = sports_words(text, lx)
                domain_cache[key] = (
                    in_sports_report(doc_sports[lx.language], para, lx),
                    in_war_report(para, lx),
                )
            bounds = clause_bounds(s_text, lx)
            headline = _is_headline(doc, sent, s_text)
            found: list[tuple[int, int, Trigger]] = []
            for trig in lx.triggers:
                for m in trig.pattern.finditer(s_text):
                    if not _accepted(trig, s_text, m.start(), m.end(), domain_cache[key]):
                        continue
                    if trig.type == "CONCEDE" and lx.cues.demand.search(s_text, 0, m.start()):
                        continue  # "protesters called for the president to resign"
                    found.append((m.start(), m.end(), trig))
            # Longest match first; a shorter overlapping one is dropped.
            found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
            kept: list[tuple[int, int, Trigger]] = []
            for f in found:
                if not any(_overlaps((f[0], f[1]), (k[0], k[1])) for k in kept):
                    kept.append(f)
            kept.sort(key=lambda f: f[0])
            for i, (start, end, trig) in enumerate(kept):
                scope_end = kept[i + 1][0] if i + 1 < len(kept) else len(s_text)
                mentions.append(
                    EventMention(
                        type=trig.type,
                        mode=trig.mode,
                        trigger=make_span(text, sent.start + start, sent.start + end),
                        sentence=sent.index,
                        language=lx.language if sent.language == "und" else sent.language,
                        weak=trig.weak
                        or (
                            _infinitive(s_text, start, end, lx)
                            and not _purpose(s_text, start, trig, lx)
                        ),
                        facet=trig.facet,
                        contexts=trigger_context(s_text, start, end, lx, bounds, scope_end),
                        needs_crowd=trig.needs_crowd,
                        ambiguous=trig.sports or trig.military or trig.type == "CONCEDE",
                        headline=headline,
                        anaphor=bool(
                            lx.cues.demonstrative.search(s_text[max(0, start - 12) : start])
                        ),
                        governed=bool(lx.cues.governed.search(s_text[max(0, start - 20) : start])),
                        generic=bool(lx.cues.generic.search(s_text[max(0, start - 20) : start])),
                    )
                )
                _reported_intent(mentions[-1], s_text, start, lx)
            if kept:
                break  # an undetermined sentence is read in the first language that fires
    return mentions


# Who can riot; "people" killed by a bomb (civilians) are no crowd.
_CROWDS = frozenset({"protesters", "workers", "unemployed", "students", "union"})


def _with_crowd(mentions: list[EventMention], ann: Annotations) -> list[EventMention]:
    """Drop crowd-only triggers ("setting fire to", "looting") where no crowd acts.

    Arson by a guided bomb is not a riot: such a trigger stands only when its
    sentence or the one before names a crowd or tells another protest.
    """
    crowd_sentences = {m.sentence for m in mentions if m.type == "PROTEST" and not m.needs_crowd}
    starts = [a.span.start for a in ann.actors if a.cls in _CROWDS]
    kept = []
    for m in mentions:
        if m.needs_crowd:
            near = m.sentence in crowd_sentences or m.sentence - 1 in crowd_sentences
            if not near and not any(
                m.trigger.start - 400 <= s <= m.trigger.end + 200 for s in starts
            ):
                continue
        kept.append(m)
    return kept


def detect(doc: Document, sentences: list[Sentence], ann: Annotations) -> list[EventMention]:
    """Triggers with their slots coded (place, date, actors, counts, issue, labour)."""
    mentions = _with_crowd(find_triggers(doc, sentences), ann)
    if typing_signal.enabled():  # CONTENTION_ENCODER=filter: the sentence encoder's second opinion
        mentions = typing_signal.filter_with_encoder(doc, sentences, mentions)
    if paraphrase.enabled():  # events told in words no trigger lists
        found = paraphrase.propose(doc, sentences, mentions, ann.actors)
        mentions = sorted([*mentions, *found], key=lambda m: m.trigger.start)
    code_mentions(doc, sentences, ann, mentions)
    return mentions
