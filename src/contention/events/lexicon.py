"""Compiled event lexicons: the triggers and cues of ``lang/<code>/events.toml``.

Patterns are compiled once per language and process.  A trigger regex is
wrapped in word boundaries that also work for accented letters and Cyrillic
(``(?<!\\w)`` / ``(?!\\w)``), so "striker" never matches "strike".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from contention import lang


def _bounded(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w])"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a pattern that signals an event type and mode."""

    type: str
    mode: str | None
    pattern: re.Pattern[str]
    reject: tuple[re.Pattern[str], ...]
    requires: tuple[re.Pattern[str], ...]
    window: int | None
    weak: bool
    sports: bool
    military: bool
    facet: str | None
    needs_crowd: bool


@dataclass(frozen=True, slots=True)
class Cues:
    """Context cues of one language, each a compiled alternation."""

    negation: re.Pattern[str]
    negation_post: re.Pattern[str]
    future: re.Pattern[str]
    hypothetical: re.Pattern[str]
    historical: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    sports: re.Pattern[str]
    military: re.Pattern[str]
    issue: re.Pattern[str]
    locative: re.Pattern[str]
    relative: re.Pattern[str]
    governed: re.Pattern[str]
    generic: re.Pattern[str]
    infinitive: re.Pattern[str]
    purpose: re.Pattern[str]
    reported: re.Pattern[str]
    reported_date: re.Pattern[str]
    present: re.Pattern[str]
    agent: re.Pattern[str]
    passive: re.Pattern[str]
    demonstrative: re.Pattern[str]
    conditional: re.Pattern[str]
    reporting_actor: re.Pattern[str]
    actor_modifier: re.Pattern[str]
    object_preposition: re.Pattern[str]
    anaphoric_date: re.Pattern[str]
    demand: re.Pattern[str]
    accident: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    triggers: tuple[Trigger, ...]
    cues: Cues
    # Word order puts the agent before an active verb ("police fired on the crowd"):
    # an actor after it is its object.  False where the subject may follow the verb.
    agent_first: bool = False


_NEVER = re.compile(r"(?!x)x")


def _alternation(words: list[str]) -> re.Pattern[str]:
    if not words:
        return _NEVER
    return re.compile(_bounded("|".join(words)), re.IGNORECASE)


@cache
def lexicon(language: str) -> Lexicon | None:
    """The compiled lexicon of ``language``, or None when it has no events.toml."""
    data = lang.load(language, "events")
    if not data:
        return None
    triggers: list[Trigger] = []
    # Rejects shared by every trigger of a type ("the right to strike"), written once.
    type_reject: dict[str, list[str]] = data.get("type_reject", {})
    for entry in data.get("trigger", []):
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        shared = [] if entry.get("facet") else type_reject.get(entry["type"], [])
        triggers.append(
            Trigger(
                type=entry["type"],
                mode=entry.get("mode"),
                pattern=re.compile(_bounded(entry["pattern"]), flags),
                reject=tuple(
                    re.compile(_bounded(p), re.IGNORECASE)
                    for p in [*shared, *entry.get("reject", [])]
                ),
                requires=tuple(
                    re.compile(_bounded(p), re.IGNORECASE) for p in entry.get("requires", [])
                ),
                window=entry.get("window"),
                weak=bool(entry.get("weak", False)),
                sports=bool(entry.get("sports", False)),
                military=bool(entry.get("military", False)),
                facet=entry.get("facet"),
                needs_crowd=bool(entry.get("needs_crowd", False)),
            )
        )
    c = data.get("cues", {})
    cues = Cues(
        negation=_alternation(c.get("negation", [])),
        negation_post=_alternation(c.get("negation_post", [])),
        future=_alternation(c.get("future", [])),
        hypothetical=_alternation(c.get("hypothetical", [])),
        historical=_alternation(c.get("historical", [])),
        clause_breaks=_alternation(c.get("clause_breaks", [])),
        sports=_alternation(c.get("sports", [])),
        military=_alternation(c.get("military", [])),
        issue=_alternation(c.get("issue", [])),
        # Anchored at the end: the preposition must be the word right before the place.
        relative=re.compile(r"(?:" + "|".join(c.get("relative", ["(?!x)x"])) + r")(?!\w)", re.I),
        anaphoric_date=_alternation(c.get("anaphoric_date", [])),
        reported=_alternation(c.get("reported", [])),
        # Anchored at the end: the purpose marker right before the infinitive.
        purpose=re.compile(r"(?<!\w)(?:" + "|".join(c["purpose"]) + r")\s+$", re.IGNORECASE)
        if c.get("purpose")
        else _NEVER,
        # A reporting verb right before a date: "said on Saturday", "ha detto ieri".
        reported_date=re.compile(
            r"(?<!\w)(?:" + "|".join(c["reported"]) + r")\s+(?:\w{1,3}\s+)?$", re.IGNORECASE
        )
        if c.get("reported")
        else _NEVER,
        present=_alternation(c.get("present", [])),
        agent=_alternation(c.get("agent", [])),
        # Anchored at the end: the auxiliary (and an adverb) right before the participle.
        passive=re.compile(
            r"(?<!\w)(?:" + "|".join(c["passive"]) + r")\s+(?:\w+ly\s+|\w+mente\s+)?$",
            re.IGNORECASE,
        )
        if c.get("passive")
        else _NEVER,
        demonstrative=re.compile(r"(?<!\w)(?:" + "|".join(c["demonstrative"]) + r")\s+$", re.I)
        if c.get("demonstrative")
        else _NEVER,
        conditional=_alternation(c.get("conditional", [])),
        # Matched right after an actor phrase: the actor only reports ("officials said").
        reporting_actor=re.compile(r"\s*(?:" + "|".join(c["reporting_actor"]) + r")(?!\w)", re.I)
        if c.get("reporting_actor")
        else _NEVER,
        # Matched right after an actor phrase: the phrase only modifies a noun ("police station").
        actor_modifier=re.compile(r"[\s-]*(?:" + "|".join(c["actor_modifier"]) + r")(?!\w)", re.I)
        if c.get("actor_modifier")
        else _NEVER,
        # Anchored at the end: the preposition right before an actor makes it an object
        # ("fired on the protesters"), never the one who acted.
        object_preposition=re.compile(
            r"(?<!\w)(?:" + "|".join(c["object_preposition"]) + r")\s+(?:\w+\s+){0,2}$", re.I
        )
        if c.get("object_preposition")
        else _NEVER,
        # Matched on the words up to the trigger's end; anchored at that end.
        infinitive=re.compile("(?:" + "|".join(c["infinitive"]) + r")$", re.IGNORECASE)
        if c.get("infinitive")
        else _NEVER,
        generic=re.compile(r"(?<!\w)(?:" + "|".join(c["generic"]) + r")\s+$", re.IGNORECASE)
        if c.get("generic")
        else _NEVER,
        # Anchored at the end, like ``locative``: the preposition right before a noun.
        governed=re.compile(
            r"(?<!\w)(?:" + "|".join(c.get("governed", [])) + r")\s+(?:the\s+|its\s+|their\s+)?$",
            re.IGNORECASE,
        )
        if c.get("governed")
        else _NEVER,
        demand=_alternation(c.get("demand", [])),
        accident=_alternation(c.get("accident", [])),
        locative=re.compile(
            r"(?<!\w)(?:" + "|".join(c.get("locative", [])) + r")\s+(?:the\s+)?$", re.IGNORECASE
        )
        if c.get("locative")
        else _NEVER,
    )
    syntax = data.get("syntax", {})
    return Lexicon(language, tuple(triggers), cues, bool(syntax.get("agent_first", False)))
