"""Code stage: fill each mention's slots from the annotations around its trigger.

Rules, in the order they are applied (each is general, none is about one article):

* **Place** — the most precise toponym of the trigger's sentence, nearest to
  the trigger; a toponym of another country than the document's main one is
  used only inside the trigger's own clause (so "troops which Putin, engaged
  in Ukraine, dispatched" is not placed in Ukraine).  Without one, the place
  of the two previous sentences, then the document's main country (precision
  country), unless the actor is foreign ("Algerian protesters"), when the
  place stays unknown rather than wrong.
* **Date** — the nearest time expression of the sentence; else the one of the
  two previous sentences; else the range from the document's earliest recent
  date (the start of the episode) to publication; else the week before
  publication (method ``publication_date``, no evidence).
* **Context** — cues of the trigger's clause, plus: a date after publication
  makes it future, a date ending more than a year before publication makes
  it historical.
* **Counts** — each count of the sentence goes to the nearest mention that
  can hold its category (participants only to PROTEST); a count sentence with
  no trigger ("Official figures report 162 deaths") feeds the previous
  sentence's mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from contention.events.context import clause_bounds, clause_of
from contention.events.lexicon import Lexicon, lexicon
from contention.events.mention import DATE_RANK, GENERIC_MODES, PRECISION_RANK, EventMention
from contention.model import (
    ActorMention,
    Context,
    CountMention,
    DateMention,
    Document,
    EventDate,
    Labour,
    PlaceMention,
    Precision,
    Relation,
    Sentence,
    Span,
    make_span,
)

if TYPE_CHECKING:
    from contention.pipeline.core import Annotations

T = TypeVar("T")

# A date ending this long before publication makes an event historical.
HISTORICAL_AFTER = dt.timedelta(days=365)
# An "episode" starts at the earliest date mentioned within this window before publication.
EPISODE_WINDOW = dt.timedelta(days=45)
# How far after a trigger a passive agent ("by riot police") may start, in characters.
PASSIVE_GAP = 30
# A relative clause this close after the trigger is about the trigger's event.
RELATIVE_ANTECEDENT_WORDS = 6
# How many sentences back a place or date may be inherited from.
INHERIT_SENTENCES = 3

# An issue phrase ends at the first finite auxiliary ("against the massacre were arrested").
_VERB_STOP = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|did|does|è|sono|era|erano|fu|furono|"
    r"vennero|venne|ha|hanno|aveva|avevano)",
    re.IGNORECASE,
)
ISSUE_WORDS = 10

SOURCE_CLASSES: dict[str, tuple[str, ...]] = {
    "PROTEST": ("workers", "protesters", "unemployed", "students", "union", "civilians", "party"),
    "COERCE": ("police", "security_forces", "military", "government", "head_of_state"),
    "ASSAULT": (
        "police",
        "security_forces",
        "military",
        "government",
        "head_of_state",
        "protesters",
        "civilians",  # villagers, vigilantes, residents: mob violence
        "armed_group",  # gunmen, rebels, paramilitaries
    ),
    "MOBILIZE": ("military", "international_org", "foreign_state", "head_of_state", "government"),
    "CONCEDE": ("government", "head_of_state", "company"),
    "SUPPORT": (
        "foreign_state",
        "government",
        "head_of_state",
        "international_org",
        "union",
        "party",
    ),
}
TARGET_CLASSES: dict[str, tuple[str, ...]] = {
    "PROTEST": ("government", "head_of_state", "company", "police", "security_forces"),
    "COERCE": ("protesters", "workers", "unemployed", "students", "union", "civilians", "party"),
    "ASSAULT": (
        "protesters",
        "workers",
        "unemployed",
        "students",
        "civilians",
        "police",
        "security_forces",
        "military",
        "armed_group",
    ),
    "MOBILIZE": ("protesters", "workers", "civilians", "government", "head_of_state"),
    "CONCEDE": ("protesters", "workers", "unemployed", "students", "union", "civilians"),
    "SUPPORT": ("government", "head_of_state", "protesters", "workers"),
}
# Sources accepted only where the language reads the clause's agent (``agent_first``).
SYNTAX_ONLY_SOURCES = frozenset({"civilians"})
# Types that tell one story: a protest, its repression and the arrests.
FAMILY: dict[str, str] = {
    "PROTEST": "contention",
    "COERCE": "contention",
    "ASSAULT": "contention",
    "MOBILIZE": "mobilize",
    "CONCEDE": "concede",
    "SUPPORT": "support",
}
COUNT_TYPES: dict[str, tuple[str, ...]] = {
    "participants": ("PROTEST",),
    "fatalities": ("ASSAULT", "COERCE", "PROTEST"),
    "injured": ("ASSAULT", "COERCE", "PROTEST"),
    "arrested": ("COERCE", "PROTEST", "ASSAULT"),
}

_SECTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE))
    for name, pat in (
        ("oil", r"oil(?:field)?|oil field|petrolifer\w+|petrolio|refinery|raffineri\w+"),
        ("gas", r"gas|gasdott\w+"),
        ("mining", r"mining|mines?|miners|minerar\w+|minier\w+|minator\w+"),
        (
            "transport",
            r"transport\w*|trasport\w*|railways?|rail|trains?|ferrovi\w+|(?:bus|train|tram) drivers"
            r"|port workers|portuali|dockers|airports?|pilots|cabin crew",
        ),
        ("metal", r"metal(?:workers)?|metalmeccanic\w+|steel\w*|acciai\w+|siderurgic\w+"),
        ("health", r"health\w*|nurses|doctors|hospitals?|sanit\w+|infermier\w+|medici|ospedal\w+"),
        ("education", r"teachers|schools?|universit\w+|insegnanti|docenti|scuol\w+"),
        ("automotive", r"car plant|automotive|auto workers|automobilistic\w+"),
        ("logistics", r"logistic\w*|warehouse|magazzin\w+|couriers|rider[s]?"),
    )
)


def _sentence_index(sentences: Sequence[Sentence], starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return sentences[max(i, 0)].index


def _gap(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def by_sentence(
    items: Sequence[T], spans: Sequence[Span], sentences: Sequence[Sentence]
) -> dict[int, list[T]]:
    """Annotations grouped by the index of the sentence their span starts in."""
    starts = [s.start for s in sentences]
    out: dict[int, list[T]] = {}
    for item, span in zip(items, spans, strict=True):
        out.setdefault(_sentence_index(sentences, starts, span.start), []).append(item)
    return out


def dominant_country(places: Sequence[PlaceMention]) -> str | None:
    """The country the document is mostly about: the most mentioned one."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _is_dateline(text: str, d: DateMention) -> bool:
    """A date alone on its line is the article's dateline, not an event's date."""
    line_start = text.rfind("\n", 0, d.span.start) + 1
    line_end = text.find("\n", d.span.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    rest = line.replace(d.span.quote, "", 1)
    return not re.search(r"\w{3,}", rest)


def _own_date(m: EventMention) -> bool:
    return m.date is not None and not m.date_inherited


class _Coder:
    """Holds the per-document indexes the slot rules need."""

    def __init__(self, doc: Document, sentences: Sequence[Sentence], ann: Annotations) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentences = sentences
        self.by_index = {s.index: s for s in sentences}
        self.starts = [s.start for s in sentences]
        self.places = by_sentence(ann.places, [p.span for p in ann.places], sentences)
        dates = [d for d in ann.dates if not _is_dateline(doc.text, d)]
        self.dates = by_sentence(dates, [d.span for d in dates], sentences)
        self.counts = by_sentence(ann.counts, [c.span for c in ann.counts], sentences)
        self.actors = by_sentence(ann.actors, [a.span for a in ann.actors], sentences)
        self.actor_list = ann.actors
        self.country = dominant_country(ann.places)
        self.lead_place = next(
            (
                p
                for p in ann.places
                if p.country == self.country and p.precision.value in ("city", "point")
            ),
            None,
        )
        self.country_mention = next(
            (p for p in ann.places if p.country == self.country and p.feature == "country"), None
        )
        self.episode: DateMention | None = None
        # The slot each sentence's own mentions settled on, for later sentences to inherit.
        self.mentions: list[EventMention] = []
        self.bounds_cache: dict[tuple[int, str], list[int]] = {}
        self.barriers: list[int] = []

    def set_episode(self, mentions: list[EventMention]) -> None:
        """The episode starts at the earliest recent date that dates an event of its own."""
        p = self.doc.published
        if p is None:
            return
        recent = [
            m.date
            for m in mentions
            if m.date is not None
            and not m.date_inherited
            and m.date.relation == Relation.PAST
            and p - EPISODE_WINDOW <= m.date.start <= p
        ]
        self.episode = min(recent, key=lambda d: (d.start, d.span.start)) if recent else None

    # -- clauses ---------------------------------------------------------------

    def _bounds(self, idx: int, lx: Lexicon) -> list[int]:
        """Clause starts of sentence ``idx`` read with ``lx`` (computed once)."""
        key = (idx, lx.language)
        if key not in self.bounds_cache:
            sent = self.by_index[idx]
            self.bounds_cache[key] = clause_bounds(self.text[sent.start : sent.end], lx)
        return self.bounds_cache[key]

    def _clause(self, m: EventMention) -> tuple[int, int]:
        sent = self.by_index[m.sentence]
        s_text = self.text[sent.start : sent.end]
        lx = lexicon(m.language)
        if lx is None:
            return sent.start, sent.end
        bounds = self._bounds(sent.index, lx)
        a, b = clause_of(m.trigger.start - sent.start, bounds, len(s_text))
        return sent.start + a, sent.start + b

    # -- place -----------------------------------------------------------------

    def _place_ok(self, p: PlaceMention, clause: tuple[int, int]) -> bool:
        if self.country is None or p.country == self.country:
            return True
        return clause[0] <= p.span.start < clause[1]

    def _locative(self, p: PlaceMention, language: str) -> int:
        """+1 after a locative preposition ("in Almaty", "ad Almaty"), -1 as a
        modifier of an actor ("the Zhanaozen workers"), else 0."""
        if any(0 <= a.span.start - p.span.end <= 1 for a in self.actor_list):
            return -1
        lx = lexicon(language)
        if lx is None:
            return 0
        before = self.text[max(0, p.span.start - 30) : p.span.start]
        return 1 if lx.cues.locative.search(before) else 0

    def _best_place(
        self, cands: list[PlaceMention], m: EventMention, clause: tuple[int, int] | None
    ) -> PlaceMention | None:
        if clause is not None:
            cands = [p for p in cands if self._place_ok(p, clause)]
        else:
            cands = [p for p in cands if self.country is None or p.country == self.country]
        if not cands:
            return None

        def score(p: PlaceMention) -> tuple[bool, int, bool, int, int]:
            loc = self._locative(p, m.language)
            return (
                loc >= 0,
                PRECISION_RANK.get(p.precision.value, 0),
                clause is not None and clause[0] <= p.span.start < clause[1],
                loc,
                -_gap(p.span, m.trigger),
            )

        return max(cands, key=score)

    def code_place(self, m: EventMention, claimed: set[Span]) -> None:
        sent_places = [p for p in self.places.get(m.sentence, []) if p.span not in claimed]
        if m.facet == "spread":
            after = [p for p in self.places.get(m.sentence, []) if p.span.start >= m.trigger.end]
            m.place = min(after, key=lambda p: p.span.start) if after else None
            return
        clause = self._clause(m)
        if self._reference(m):
            sent_places = []
        m.place = self._best_place(sent_places, m, clause)
        if m.place is not None:
            return
        if m.source is not None and m.source.country and m.source.country != self.country:
            return  # "the Algerian protesters" did not act where this story is: unknown beats wrong
        prior = self._prior(m, lambda o: o.place is not None and not o.place_inherited)
        if prior is not None and prior.place is not None:
            m.place, m.place_inherited = prior.place, True
            return
        if FAMILY.get(m.type) == "contention" and self.lead_place is not None:
            # A protest or its policing with no place of its own happens where
            # the story is set: the first city of the document's country.
            m.place, m.place_inherited, m.place_default = self.lead_place, True, True
            return
        if self.country_mention is not None:
            m.place, m.place_inherited, m.place_default = self.country_mention, True, True

    # -- date ------------------------------------------------------------------

    def code_own_date(self, m: EventMention) -> None:
        """The nearest date of the trigger's sentence; nested dates prefer the more precise.

        "ever since December 2011, when the police fired" yields both a range
        (since … publication) and the month inside it: the shooting is dated
        by the month.
        """
        own = self.dates.get(m.sentence, [])
        clause = self._clause(m)
        # A date inside a relative clause that does not hold the trigger dates
        # something else ("the union, founded in 1981, leads the protests").
        own = [d for d in own if self._in_clause(d.span, clause) or not self._relative(d.span, m)]
        if self._reference(m):
            return
        if m.type != "CONCEDE":
            # "officials said on Saturday that 238 were killed on 5 January": the
            # Saturday dates the saying, not the killing (an announced concession
            # is dated by its announcement, so CONCEDE keeps it).
            told = [d for d in own if not self._reporting_date(d, m)]
            own = told or own
        if not own:
            return
        m.date = min(
            own,
            key=lambda d: (
                not self._in_clause(d.span, clause),
                _gap(d.span, m.trigger),
                -DATE_RANK.get(d.precision.value, 0),
            ),
        )
        m.date_value = EventDate(m.date.start, m.date.end, m.date.precision, m.date.method)

    def _reporting_date(self, d: DateMention, m: EventMention) -> bool:
        lx = lexicon(m.language)
        before = self.text[max(0, d.span.start - 30) : d.span.start]
        return lx is not None and bool(lx.cues.reported_date.search(before))

    def _reference(self, m: EventMention) -> bool:
        """A generic noun governed by a preposition ("the concerns of the marchers")
        refers to an event told elsewhere: the dates and places around it are not its own."""
        return m.weak and m.governed

    def _passive(self, m: EventMention) -> bool:
        """The trigger is a passive participle ("was shot", "sono stati arrestati")."""
        lx = lexicon(m.language)
        before = self.text[max(0, m.trigger.start - 30) : m.trigger.start]
        return lx is not None and bool(lx.cues.passive.search(before))

    def _passive_agent(self, a: ActorMention, m: EventMention) -> bool:
        """``a`` follows the trigger as the agent of a passive ("killed by police")."""
        if a.span.start < m.trigger.end or a.span.start - m.trigger.end > PASSIVE_GAP:
            return False
        lx = lexicon(m.language)
        between = self.text[m.trigger.end : a.span.start]
        return lx is not None and bool(lx.cues.agent.search(between))

    @staticmethod
    def _in_clause(span: Span, clause: tuple[int, int]) -> bool:
        return clause[0] <= span.start < clause[1]

    def _relative(self, span: Span, m: EventMention) -> bool:
        """True when ``span`` sits in a relative clause (which, that, che…) about another noun.

        A relative clause right after the trigger describes the event itself
        ("the march that was planned for Saturday"); one further away
        describes something else ("led by the union, that was founded in 1981").
        """
        lx = lexicon(m.language)
        sent = self.by_index[m.sentence]
        if lx is None:
            return False
        s_text = self.text[sent.start : sent.end]
        bounds = self._bounds(sent.index, lx)
        c_start, _ = clause_of(span.start - sent.start, bounds, len(s_text))
        head = s_text[c_start : c_start + 20].lstrip(" ,")
        if not lx.cues.relative.match(head):
            return False
        rel_trigger_end = m.trigger.end - sent.start
        if c_start < rel_trigger_end:
            return True  # a relative clause before the trigger is about another noun
        between = s_text[rel_trigger_end:c_start]
        if re.search(r"[,;:()–—]", between):
            return True  # "the protests began in July, when the court …": another noun
        return len(between.split()) > RELATIVE_ANTECEDENT_WORDS

    def _prior(
        self,
        m: EventMention,
        has: Callable[[EventMention], bool],
        *,
        any_family: bool = False,
        window: int = INHERIT_SENTENCES,
    ) -> EventMention | None:
        """The event told just before ``m`` (same type first) that has the wanted slot.

        Only the ``window`` previous sentences and earlier mentions of the same
        sentence count: a narrative keeps its place and time that long.  Across
        sentences only the same family counts — a protest narrative does not
        lend its date to a foreign government's statement of support.
        """
        cands = [
            o
            for o in self.mentions
            if o is not m
            and max(m.sentence - window, self._barrier(m.sentence)) <= o.sentence <= m.sentence
            and o.trigger.start < m.trigger.start
            and (any_family or o.sentence == m.sentence or FAMILY.get(o.type) == FAMILY.get(m.type))
            and (not o.weak or o.has_own_slot)
            and not o.anaphor
            and not (o.contexts & {Context.HYPOTHETICAL, Context.NEGATED})
            and has(o)
        ]
        if not cands:
            return None
        # Same type first, then the event the text gives figures for (the
        # salient one), then the latest.
        return max(cands, key=lambda o: (o.type == m.type, bool(o.counts), o.trigger.start))

    def code_inherited_date(self, m: EventMention) -> None:
        if m.date is not None:
            return
        anaphora = self._anaphoric_date(m)
        prior = self._prior(
            m, _own_date, window=len(self.sentences) if anaphora else INHERIT_SENTENCES
        )
        if prior is None:
            # A passage about the past stays in the past whatever its events:
            # "police fired on the workers in 2011 … the president dismissed
            # some officials" — the dismissal is 2011 too.
            prior = self._prior(m, _own_date, any_family=True)
            if prior is not None and not self._is_historical(prior):
                prior = None
        if prior is not None and prior.date is not None:
            d = prior.date
            # "on the same day" states the date in this sentence: it counts as own.
            m.date, m.date_inherited = d, not anaphora
            m.date_value = EventDate(d.start, d.end, d.precision, "document_context")
            return
        p = self.doc.published
        if p is None:
            return
        if self.episode is not None:
            m.date, m.date_inherited = self.episode, True
            m.date_value = EventDate(self.episode.start, p, Precision.RANGE, "document_context")
            return
        m.date_value = EventDate(p - dt.timedelta(days=7), p, Precision.RANGE, "publication_date")

    def _barrier(self, idx: int) -> int:
        """The latest sentence up to ``idx`` that returns the story to the present.

        "This time they said enough": nothing told before it lends its date to
        what follows.
        """
        if not self.barriers:
            for sent in self.sentences:
                lx = lexicon(sent.language) if sent.language != "und" else None
                if lx is not None and lx.cues.present.search(self.text, sent.start, sent.end):
                    self.barriers.append(sent.index)
            self.barriers.append(-1)
        return max((b for b in self.barriers if b <= idx), default=-1)

    def _anaphoric_date(self, m: EventMention) -> bool:
        """ "on the same day", "lo stesso giorno": the date is the one told before, however far."""
        lx = lexicon(m.language)
        sent = self.by_index[m.sentence]
        return lx is not None and bool(
            lx.cues.anaphoric_date.search(self.text, sent.start, sent.end)
        )

    def _is_historical(self, m: EventMention) -> bool:
        p = self.doc.published
        return (
            p is not None and m.date_value is not None and m.date_value.end < p - HISTORICAL_AFTER
        )

    def date_contexts(self, m: EventMention) -> None:
        p = self.doc.published
        if m.date is not None and not m.date_inherited and m.date.relation == Relation.FUTURE:
            m.contexts.add(Context.FUTURE)
        if m.date_value is None or p is None:
            return
        if m.date_value.start > p:
            m.contexts.add(Context.FUTURE)
        if m.date_value.end < p - HISTORICAL_AFTER:
            m.contexts.add(Context.HISTORICAL)

    # -- actors ----------------------------------------------------------------

    def code_actors(self, m: EventMention) -> None:
        actors = self.actors.get(m.sentence, [])

        lx = lexicon(m.language)
        if lx is not None:
            # "regional officials said": who reports an event did not act in it.
            actors = [a for a in actors if not lx.cues.reporting_actor.match(self.text, a.span.end)]
            # "the police station", "an army base": the phrase names a place or a thing.
            actors = [a for a in actors if not lx.cues.actor_modifier.match(self.text, a.span.end)]

        def pick(
            classes: tuple[str, ...], exclude: ActorMention | None, before: bool
        ) -> ActorMention | None:
            cands = [a for a in actors if a.cls in classes and a is not exclude]
            if not cands:
                return None
            return min(
                cands,
                key=lambda a: ((a.span.start < m.trigger.start) != before, _gap(a.span, m.trigger)),
            )

        sentence_actors = actors
        if m.type in ("ASSAULT", "COERCE"):
            # Who hit or arrested whom is read in the trigger's own clause, or from a
            # passive agent after it ("killed by police"); an actor of another
            # clause ("police arrested the man who stabbed …") did not do it.
            clause = self._clause(m)
            actors = [
                a for a in actors if self._in_clause(a.span, clause) or self._passive_agent(a, m)
            ]
            if lx is not None and lx.agent_first and not self._passive(m):
                m.source = self._active_agent(m, actors, sentence_actors, clause, lx)
                m.target = pick(TARGET_CLASSES.get(m.type, ()), m.source, before=False)
                return
        if self._passive(m):
            # "a policeman was shot by a mob": the subject suffered it, the agent did it.
            classes = SOURCE_CLASSES.get(m.type, ())
            agents = [a for a in actors if self._passive_agent(a, m) and a.cls in classes]
            # Without a "by" agent, an actor after the participle ("killed in police
            # firing") did it; the subject before it never did.
            after = [a for a in actors if a.span.start >= m.trigger.end and a.cls in classes]
            ranked = agents or sorted(after, key=lambda a: a.span.start)
            m.source = ranked[0] if ranked else None
            m.target = pick(TARGET_CLASSES.get(m.type, ()), m.source, before=True)
            return
        classes = SOURCE_CLASSES.get(m.type, ())
        if lx is None or not lx.agent_first:
            # Villagers or residents as attackers need the clause's agent read
            # syntactically; by nearness alone they are mostly bystanders or
            # witnesses ("residents recall the massacre").
            classes = tuple(c for c in classes if c not in SYNTAX_ONLY_SOURCES)
        m.source = pick(classes, None, before=True)
        m.target = pick(TARGET_CLASSES.get(m.type, ()), m.source, before=False)

    def _object(self, a: ActorMention, lx: Lexicon) -> bool:
        """``a`` stands after an object preposition ("fired on the crowd")."""
        return bool(
            lx.cues.object_preposition.search(self.text, max(0, a.span.start - 30), a.span.start)
        )

    def _active_agent(
        self,
        m: EventMention,
        clause_actors: list[ActorMention],
        sentence_actors: list[ActorMention],
        clause: tuple[int, int],
        lx: Lexicon,
    ) -> ActorMention | None:
        """Who did an active violent act, in a language that puts the agent first.

        A "by" agent ("the attack by the mob") first; else the nearest actor before
        the trigger in its clause that is not the object of a preposition ("police
        fired on protesters and killed two": police, not protesters).  An actor
        after an active verb is its object ("attacking police" was not done by
        police).  A clause that opens with the trigger (", killing one protester";
        "and arrested ten") continues the previous one: its agent is the agent
        found before it in the sentence.
        """
        classes = SOURCE_CLASSES.get(m.type, ())
        agents = [a for a in clause_actors if a.cls in classes and self._passive_agent(a, m)]
        if agents:
            return agents[0]
        before = [
            a
            for a in clause_actors
            if a.cls in classes and a.span.end <= m.trigger.start and not self._object(a, lx)
        ]
        if before:
            return max(before, key=lambda a: a.span.start)
        lead = self.text[clause[0] : m.trigger.start]
        if re.fullmatch(r"[\s,;:–—-]*(?:and\s+|then\s+|also\s+)*", lead):
            earlier = [
                a
                for a in sentence_actors
                if a.cls in classes and a.span.end <= clause[0] and not self._object(a, lx)
            ]
            if earlier:
                return max(earlier, key=lambda a: a.span.start)
        return None

    # -- issue and labour ------------------------------------------------------

    def code_issue(self, m: EventMention) -> None:
        if m.type != "PROTEST":
            return
        lx = lexicon(m.language)
        sent = self.by_index[m.sentence]
        if lx is None:
            return
        s_text = self.text[sent.start : sent.end]
        rel = m.trigger.end - sent.start
        cue = lx.cues.issue.search(s_text, rel, min(len(s_text), rel + 40))
        if cue is None:
            return
        start = cue.end()
        while start < len(s_text) and s_text[start] == " ":
            start += 1
        stop = re.search(r"[,;:.!?()\[\]–—]", s_text[start:])
        end = start + (stop.start() if stop else len(s_text) - start)
        words: list[re.Match[str]] = []
        for w in re.finditer(r"\S+", s_text[start:end]):
            if _VERB_STOP.fullmatch(w.group()) or len(words) == ISSUE_WORDS:
                break
            words.append(w)
        if not words:
            return
        end = start + words[-1].end()
        m.issue = make_span(self.text, sent.start + start, sent.start + end)

    def code_labour(self, m: EventMention) -> None:
        if m.type != "PROTEST":
            return
        sent = self.by_index[m.sentence]
        s_text = self.text[sent.start : sent.end]
        worker_event = m.mode == "strike" or (m.source is not None and m.source.cls == "workers")
        if not worker_event:
            return
        sector = None
        for name, pat in _SECTORS:
            hit = pat.search(s_text)
            if hit:
                sector = name
                m.sector_span = make_span(
                    self.text, sent.start + hit.start(), sent.start + hit.end()
                )
                break
        actors = self.actors.get(m.sentence, [])
        union = next((a.name or a.span.quote for a in actors if a.cls == "union"), None)
        employer = next((a.name for a in actors if a.cls == "company" and a.name), None)
        workers = m.counts.get("participants")
        m.labour = Labour(
            employer=employer,
            union=union,
            sector=sector,
            workers=workers.best if workers is not None else None,
        )

    # -- counts ----------------------------------------------------------------

    def _accidental(self, c: CountMention) -> bool:
        """Deaths or injuries told in a clause about an accident ("the collapse killed 15")."""
        if c.category not in ("fatalities", "injured"):
            return False
        idx = _sentence_index(self.sentences, self.starts, c.span.start)
        sent = self.by_index[idx]
        lx = lexicon(sent.language) if sent.language != "und" else None
        if lx is None:
            return False
        s_text = self.text[sent.start : sent.end]
        bounds = self._bounds(sent.index, lx)
        a, b = clause_of(c.span.start - sent.start, bounds, len(s_text))
        # Anywhere before the number in its sentence ("after the collapse of the
        # station canopy on 1 November, in which 15 people died").
        del a
        return bool(lx.cues.accident.search(s_text, 0, b))

    def code_counts(self, mentions: list[EventMention]) -> None:
        by_sentence: dict[int, list[EventMention]] = {}
        for m in mentions:
            if m.facet is None:
                by_sentence.setdefault(m.sentence, []).append(m)
        for idx, counts in self.counts.items():
            holders = by_sentence.get(idx) or by_sentence.get(idx - 1, [])
            for c in counts:
                if c.category is None or self._accidental(c):
                    continue
                ok = [h for h in holders if h.type in COUNT_TYPES.get(c.category, ())]
                if not ok:
                    continue
                anchor = c.noun or c.span
                order = COUNT_TYPES[c.category]
                # The count's own trigger first ("8,000 arrests"); then the event type
                # that suffers it ("police fired on the strikers: 14 died" → the
                # shooting, not the strike); then the nearest.
                chosen = min(
                    ok,
                    key=lambda h: (
                        _gap(h.trigger, anchor) > 0,
                        order.index(h.type),
                        c.category == "arrested" and h.mode != "arrest",
                        _gap(h.trigger, anchor),
                    ),
                )
                if c.category not in chosen.counts:
                    chosen.counts[c.category] = c


def code_mentions(
    doc: Document, sentences: Sequence[Sentence], ann: Annotations, mentions: list[EventMention]
) -> None:
    """Fill the slots of every mention in place."""
    if not mentions:
        return
    coder = _Coder(doc, sentences, ann)
    coder.mentions = mentions
    # Places right after a "spread to" belong to the spread, not to the event it extends.
    claimed: set[Span] = set()
    for m in mentions:
        if m.facet == "spread":
            after = [p for p in coder.places.get(m.sentence, []) if p.span.start >= m.trigger.end]
            if after:
                claimed.add(min(after, key=lambda p: p.span.start).span)
            base = [
                o
                for o in mentions
                if o.type == m.type
                and o.facet is None
                and o.sentence in (m.sentence, m.sentence - 1)
            ]
            m.mode = (
                min(base, key=lambda o: _gap(o.trigger, m.trigger)).mode if base else "demonstrate"
            )
    coder.code_counts(mentions)
    for m in mentions:
        coder.code_own_date(m)
    _unify_sentence_dates(mentions)
    coder.set_episode(mentions)
    for m in mentions:
        coder.code_actors(m)
        coder.code_place(m, claimed)
        coder.code_inherited_date(m)
        coder.date_contexts(m)
        coder.code_issue(m)
        coder.code_labour(m)
    for m in mentions:
        if m.facet == "spread":
            _date_spread(m, mentions, doc.published)


def _unify_sentence_dates(mentions: list[EventMention]) -> None:
    """Mentions of one type in one sentence tell one event: they share the first one's date.

    "in December 2011 the police fired on the workers, dismissed in May …:
    at least 14 were killed" — the killing is the shooting, dated December;
    "the August 1980 strikes, when workers downed tools" — so are the tools.
    """
    first: dict[tuple[int, str, str | None, frozenset[Context]], EventMention] = {}
    ordered = sorted(mentions, key=lambda x: x.trigger.start)
    for m in ordered:
        if m.date is None or m.facet is not None or m.weak:
            continue
        if m.contexts & {Context.HYPOTHETICAL, Context.NEGATED}:
            continue
        first.setdefault((m.sentence, m.type, m.mode, frozenset(m.contexts)), m)
    for m in ordered:
        if m.facet is not None or m.weak or m.contexts & {Context.HYPOTHETICAL, Context.NEGATED}:
            continue
        key = (m.sentence, m.type, m.mode, frozenset(m.contexts))
        lead = first.get(key)
        if m.mode in GENERIC_MODES:
            # "the police fired … at least 14 were killed": a bare killing is the shooting.
            specific = [
                v
                for k, v in first.items()
                if k[0:2] == key[0:2] and k[3] == key[3] and k[2] not in GENERIC_MODES
            ]
            lead = min(specific, key=lambda v: v.trigger.start) if specific else lead
        if lead is not None and lead is not m:
            m.date, m.date_value = lead.date, lead.date_value


def _date_spread(m: EventMention, mentions: list[EventMention], published: dt.date | None) -> None:
    """A spread starts when the event it extends started and runs to publication."""
    base = [
        o
        for o in mentions
        if o.type == m.type
        and o.facet is None
        and o.sentence in (m.sentence, m.sentence - 1)
        and o.date is not None
    ]
    if not base or published is None:
        return
    b = min(base, key=lambda o: _gap(o.trigger, m.trigger))
    assert b.date is not None
    if b.date.start <= published:
        m.date, m.date_inherited = b.date, True
        m.date_value = EventDate(b.date.start, published, Precision.RANGE, "document_context")
        m.contexts.discard(Context.FUTURE)
