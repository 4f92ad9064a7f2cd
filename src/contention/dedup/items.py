"""What the clusterer knows about one document event: a compact, comparable :class:`Item`.

An item is built from an EVENT_FORMAT record (see ``EVENT_FORMAT.md``) plus a
*description*: the sentences of the source document that hold the event's
evidence.  It keeps only what the linking rules compare (dates as day
ordinals, the place, the mode, actor classes, named things, description
tokens) so that a million items fit in memory and the rules stay cheap.

Why the description is reduced to tokens and names: descriptions in different
languages rarely share words, but they do share proper names ("Almaty",
"Tokayev", "ASLEF"), acronyms and figures.  Text is therefore folded to
lower-case ASCII (accents dropped, Cyrillic transliterated) before it is
compared, so "Tokaïev", "Tokayev" and "Токаев" meet on a common prefix.

Items are plain frozen dataclasses: their ``to_json``/``from_json`` round
trip is what the store keeps (``cluster_items.features``) so that a later
ingest can compare new events with old ones without re-reading documents.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Contexts that claim the event took place are clustered together; an announced
# event, a denied one and a hypothetical one each stay in their own world.
REALITY: dict[str, str] = {
    "asserted": "happened",
    "historical": "happened",
    "future": "future",
    "negated": "negated",
    "hypothetical": "hypothetical",
}

# Longest date interval (days, inclusive) that may still join others: "in 2021"
# or "last summer" says too little to tell two events apart.
MAX_SPAN_DAYS = 31

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
            "i",
        ],
        strict=True,
    )
)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*\d|\d")

# Frequent short function words of the supported languages are below the
# length floor anyway; these longer ones carry no event identity.
_STOP = frozenset(
    [
        "about",
        "after",
        "against",
        "also",
        "among",
        "around",
        "because",
        "before",
        "being",
        "between",
        "could",
        "during",
        "their",
        "there",
        "these",
        "those",
        "which",
        "while",
        "would",
        "where",
        "other",
        "people",
        "police",
        "protest",
        "protesters",
        "della",
        "dello",
        "delle",
        "degli",
        "sono",
        "stato",
        "stata",
        "dopo",
        "contro",
        "anche",
        "mentre",
        "nella",
        "nelle",
        "negli",
        "sulla",
        "sulle",
        "dalla",
        "dalle",
        "questo",
        "questa",
        "quella",
        "persone",
        "polizia",
        "apres",
        "avec",
        "contre",
        "dans",
        "depuis",
        "leurs",
        "pendant",
        "selon",
        "toute",
        "tous",
        "cette",
        "entre",
        "despues",
        "contra",
        "desde",
        "entre",
        "durante",
        "segun",
        "sobre",
        "todos",
        "personas",
        "policia",
        "nach",
        "gegen",
        "wahrend",
        "zwischen",
        "ueber",
        "unter",
        "einer",
        "eines",
        "diese",
        "dieser",
        "polizei",
        "depois",
        "durante",
        "sobre",
        "entre",
        "contra",
        "pessoas",
        "policia",
    ]
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish text: accents stripped, Cyrillic transliterated, ß → ss."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.lower()):
        if unicodedata.combining(ch):
            continue
        if ch in _CYRILLIC:
            tr = _CYRILLIC[ch]
            out.append("" if tr == "_" else tr)
        elif ch == "ß":
            out.append("ss")
        else:
            out.append(ch)
    return "".join(out)


def tokens(text: str, *, prefix: int = 6, min_len: int = 4) -> frozenset[str]:
    """Content tokens of ``text``: folded words of ``min_len``+ letters cut to ``prefix``
    characters (a crude stem shared by "strikes"/"striking", "Tokayev"/"Tokaev"),
    plus figures written with their digits only ("8 000", "8,000" → "8000")."""
    out: set[str] = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) >= 2:
            out.add("#" + digits)
    for m in _WORD.finditer(fold(text)):
        w = m.group()
        if w.isdigit() or len(w) < min_len or w in _STOP:
            continue
        out.add(w[:prefix])
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Item:
    """One document event as the clusterer sees it.

    ``day_start``/``day_end`` are ``date.toordinal()`` values (inclusive);
    ``published`` is the source's publication day ordinal (0 when unknown) —
    it only orders founders and claims, never decides a link.
    ``actors`` are the specific classes of the acting side (generic ones like
    "protesters" left out); ``who`` the tokens of the participants' own words
    ("train drivers"), for workers, students and the unemployed.
    ``vector``/``who_vector`` are optional unit-length sentence embeddings of
    the description and of the participants' words.
    """

    event_id: str
    doc_id: str
    type: str
    mode: str | None
    reality: str
    day_start: int | None
    day_end: int | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    place: str | None
    geonames_id: int
    lat: float | None
    lon: float | None
    place_precision: str | None
    actors: frozenset[str]
    who: frozenset[str]
    sector: str | None
    tokens: frozenset[str]
    language: str
    published: int = 0
    vector: tuple[float, ...] | None = None
    who_vector: tuple[float, ...] | None = None

    @property
    def block(self) -> str | None:
        """Blocking key (reality, country, type), or None for an item that links to nothing:
        no country, no date, or a date too vague (> :data:`MAX_SPAN_DAYS` days)."""
        if self.country is None or self.day_start is None or self.day_end is None:
            return None
        if self.day_end - self.day_start + 1 > MAX_SPAN_DAYS:
            return None
        return f"{self.reality}|{self.country}|{self.type}"

    @property
    def founder_key(self) -> tuple[int, str]:
        """Earliest-published member founds a cluster (ties: smallest event id).

        Unknown publication dates sort last, so a dated report founds the cluster.
        """
        return (self.published or 10**7, self.event_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "e": self.event_id,
            "d": self.doc_id,
            "t": self.type,
            "m": self.mode,
            "r": self.reality,
            "ds": self.day_start,
            "de": self.day_end,
            "dp": self.date_precision,
            "c": self.country,
            "a1": self.admin1,
            "p": self.place,
            "g": self.geonames_id,
            "la": self.lat,
            "lo": self.lon,
            "pp": self.place_precision,
            "ac": sorted(self.actors),
            "w": sorted(self.who),
            "s": self.sector,
            "tk": sorted(self.tokens),
            "l": self.language,
            "pu": self.published,
            "v": pack_vector(self.vector),
            "wv": pack_vector(self.who_vector),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Item:
        return cls(
            event_id=d["e"],
            doc_id=d["d"],
            type=d["t"],
            mode=d["m"],
            reality=d["r"],
            day_start=d["ds"],
            day_end=d["de"],
            date_precision=d["dp"],
            country=d["c"],
            admin1=d["a1"],
            place=d["p"],
            geonames_id=int(d["g"] or 0),
            lat=d["la"],
            lon=d["lo"],
            place_precision=d["pp"],
            actors=frozenset(d["ac"]),
            who=frozenset(d.get("w") or ()),
            sector=d["s"],
            tokens=frozenset(d["tk"]),
            language=d["l"],
            published=int(d.get("pu") or 0),
            vector=unpack_vector(d.get("v")),
            who_vector=unpack_vector(d.get("wv")),
        )


def pack_vector(v: tuple[float, ...] | None) -> str | None:
    """A unit vector as base64 float16 (1 KB for 512 dimensions; cosines move < 1e-3)."""
    if v is None:
        return None
    import base64

    import numpy as np

    return base64.b64encode(np.asarray(v, dtype="<f2").tobytes()).decode("ascii")


def unpack_vector(text: str | None) -> tuple[float, ...] | None:
    if not text:
        return None
    import base64

    import numpy as np

    return tuple(float(x) for x in np.frombuffer(base64.b64decode(text), dtype="<f2"))


def _reality(context: Iterable[str]) -> str:
    ctx = list(context)
    for key in ("negated", "hypothetical", "future"):
        if key in ctx:
            return REALITY[key]
    return "happened"


# Actor classes that say nothing about *who* took part.
GENERIC_ACTORS = frozenset({"protesters", "unknown", "civilians"})
# Classes whose own words tell which participants (teachers, taxi drivers …).
PARTICIPANTS = frozenset({"workers", "students", "unemployed"})


def who_text(record: Mapping[str, Any]) -> str:
    """The participants in the source's words: source actors of the participant classes."""
    return " ".join(
        str(a.get("text") or "")
        for a in record.get("actors") or []
        if a.get("role") == "source" and a.get("class") in PARTICIPANTS
    ).strip()


def item_from_record(
    record: Mapping[str, Any],
    description: str = "",
    *,
    vector: tuple[float, ...] | None = None,
    who_vector: tuple[float, ...] | None = None,
) -> Item:
    """The :class:`Item` of an EVENT_FORMAT record; ``description`` is the text that
    tells the event (the sentences holding its evidence), used for tokens and names."""
    date = record.get("date") or None
    place = record.get("place") or None
    labour = record.get("labour") or {}
    sources = record.get("sources") or []
    published = 0
    if sources and sources[0].get("published"):
        published = dt.date.fromisoformat(sources[0]["published"]).toordinal()
    actors = frozenset(
        a["class"]
        for a in record.get("actors") or []
        if a.get("role") == "source" and a.get("class") not in GENERIC_ACTORS
    )
    place_name = place.get("name") if place else None
    return Item(
        event_id=str(record["id"]),
        doc_id=str(sources[0]["doc_id"]) if sources else "",
        type=str(record["type"]),
        mode=record.get("mode"),
        reality=_reality(record.get("context") or ()),
        day_start=dt.date.fromisoformat(date["start"]).toordinal() if date else None,
        day_end=dt.date.fromisoformat(date["end"]).toordinal() if date else None,
        date_precision=date.get("precision") if date else None,
        country=place.get("country") if place else None,
        admin1=place.get("admin1") if place else None,
        place=fold(place_name) if place_name else None,
        geonames_id=int((place or {}).get("geonames_id") or 0),
        lat=place.get("lat") if place else None,
        lon=place.get("lon") if place else None,
        place_precision=place.get("precision") if place else None,
        actors=actors,
        who=tokens(who_text(record), min_len=3),
        sector=labour.get("sector"),
        tokens=tokens(description),
        language=str(record.get("language") or ""),
        published=published,
        vector=vector,
        who_vector=who_vector,
    )
