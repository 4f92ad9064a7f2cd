"""The event ontology: PLOVER types and modes, and their ACLED and CAMEO equivalents.

PLOVER is the primary coding.  ACLED and CAMEO are derived for export because
that is what the field's existing tools read; the mapping lives in one table
here so that a reviewer can check it in one sitting.
"""

from __future__ import annotations

from collections.abc import Iterable

TYPES: tuple[str, ...] = ("PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "SUPPORT")

MODES: dict[str, tuple[str, ...]] = {
    "PROTEST": ("demonstrate", "riot", "strike", "hunger_strike", "boycott", "obstruct", "occupy"),
    "COERCE": ("arrest", "censor", "curfew", "ban", "seize", "disperse", "repression"),
    "ASSAULT": ("firearms", "beat", "kill"),
    "MOBILIZE": ("troops", "police"),
    "CONCEDE": ("policy", "resign", "release"),
    "SUPPORT": ("political",),
}

# CAMEO root codes (two digits) for each PLOVER type.  PROTEST → 14 "Protest",
# COERCE → 17 "Coerce", ASSAULT → 18 "Assault", MOBILIZE → 15 "Exhibit force
# posture", CONCEDE → 08 "Yield", SUPPORT → 05 "Engage in diplomatic cooperation".
_CAMEO_ROOT: dict[str, str] = {
    "PROTEST": "14",
    "COERCE": "17",
    "ASSAULT": "18",
    "MOBILIZE": "15",
    "CONCEDE": "08",
    "SUPPORT": "05",
}

# Finer CAMEO codes where the mode pins one down.
_CAMEO_MODE: dict[tuple[str, str], str] = {
    ("PROTEST", "demonstrate"): "141",
    ("PROTEST", "hunger_strike"): "142",
    ("PROTEST", "strike"): "143",
    ("PROTEST", "boycott"): "143",
    ("PROTEST", "obstruct"): "144",
    ("PROTEST", "occupy"): "144",
    ("PROTEST", "riot"): "145",
    ("COERCE", "arrest"): "173",
    ("COERCE", "censor"): "175",
    ("COERCE", "curfew"): "175",
    ("COERCE", "ban"): "175",
    ("COERCE", "disperse"): "175",
    ("COERCE", "repression"): "175",
    ("COERCE", "seize"): "171",
    ("ASSAULT", "firearms"): "183",
    ("MOBILIZE", "troops"): "152",
    ("MOBILIZE", "police"): "151",
    ("CONCEDE", "policy"): "083",
    ("CONCEDE", "resign"): "0832",
    # CAMEO 0841 "Return, release person(s)": detainees or prisoners set free.
    ("CONCEDE", "release"): "0841",
}

STATE_FORCES = frozenset({"police", "security_forces", "military", "government", "head_of_state"})
CROWDS = frozenset({"protesters", "workers", "students", "unemployed", "union", "civilians"})
# Who fights battles: an armed group against soldiers, police or another armed group.
ARMED = frozenset({"police", "security_forces", "military"})


def cameo_for(type_: str, mode: str | None) -> str | None:
    """The most specific CAMEO code the type and mode support, or None for an unknown type."""
    if mode and (type_, mode) in _CAMEO_MODE:
        return _CAMEO_MODE[(type_, mode)]
    return _CAMEO_ROOT.get(type_)


def acled_for(
    type_: str,
    mode: str | None,
    context: Iterable[str] = (),
    source_class: str | None = None,
    target_class: str | None = None,
) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a coded event, or None where ACLED has no class.

    ACLED codes only events that happened, so negated, future and hypothetical
    events get None.  ASSAULT splits by who hit whom: state forces against a
    crowd is "Excessive force against protesters", an armed group against
    armed forces (or another armed group) is "Armed clash", a crowd against
    anyone is "Mob violence", the rest is violence against civilians.
    """
    if set(context) & {"negated", "future", "hypothetical"}:
        return None
    if type_ == "PROTEST":
        if mode == "riot":
            return ("Riots", "Violent demonstration")
        return ("Protests", "Peaceful protest")
    if type_ == "ASSAULT":
        sides = {c for c in (source_class, target_class) if c is not None}
        if (
            "armed_group" in sides
            and sides <= ARMED | {"armed_group"}
            and (len(sides) == 2 or source_class == target_class)
        ):
            return ("Battles", "Armed clash")
        if source_class in STATE_FORCES and (target_class in CROWDS or target_class is None):
            return ("Protests", "Excessive force against protesters")
        if source_class in CROWDS:
            return ("Riots", "Mob violence")
        return ("Violence against civilians", "Attack")
    if type_ == "COERCE":
        if mode == "arrest":
            return ("Strategic developments", "Arrests")
        if mode == "disperse":
            return ("Protests", "Protest with intervention")
        return ("Strategic developments", "Other")
    if type_ == "MOBILIZE":
        return ("Strategic developments", "Change to group/activity")
    if type_ in ("CONCEDE", "SUPPORT"):
        return ("Strategic developments", "Other")
    return None
