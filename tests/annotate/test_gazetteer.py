"""The gazetteer index: names, transliterations, countries in many languages, caching.

The index is built once per test session into a temporary cache folder
(about 20 s); every other test here is a lookup of a few microseconds.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from contention.annotate.gazetteer import (
    Candidate,
    Gazetteer,
    data_version,
    get_gazetteer,
    index_path,
    is_valid,
    normalize,
    similarity,
    skeleton,
)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    cache = tmp_path_factory.getbasetemp() / "contention-cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONTENTION_CACHE", str(cache))
        yield get_gazetteer()


def test_normalize_folds_case_diacritics_hyphens_and_apostrophes() -> None:
    assert normalize("Alma-Ata") == normalize("Alma Ata") == "alma ata"
    assert normalize("Zhangaözen") == "zhangaozen"
    assert normalize("Nur‑Sultan") == "nur sultan"
    assert normalize("Turgen'") == "turgen"
    assert normalize("Жанаозен") == "жанаозен"


def test_skeleton_merges_romanisation_variants() -> None:
    assert skeleton("mangystau") == skeleton("mangistau") == skeleton("mangghystau")
    assert skeleton("janaozen") == skeleton("zhanaozen")
    assert skeleton("paris") != skeleton("parma")
    assert skeleton("жанаозен") is None


def test_index_file_name_carries_the_data_version(gazetteer: Gazetteer) -> None:
    assert gazetteer.path == index_path()
    assert data_version() in gazetteer.path.name
    assert gazetteer.path.is_file()
    # the build renamed its temporary file into place: nothing half-written is left
    assert not [p for p in gazetteer.path.parent.iterdir() if p.suffix == ".tmp"]
    assert get_gazetteer() is gazetteer


@pytest.mark.parametrize("name", ["Zhanaozen", "Janaozen", "Жанаозен", "Zhangaözen"])
def test_zhanaozen_spellings(gazetteer: Gazetteer, name: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.name, top.country, top.feature, top.geonames_id) == (
        "Zhanaozen",
        "KZ",
        "city",
        607610,
    )
    assert top.admin1 == "Mangghystau"
    assert abs(top.lat - 43.34) < 0.1 and abs(top.lon - 52.86) < 0.1


@pytest.mark.parametrize("name", ["Almaty", "Alma-Ata", "Alma Ata"])
def test_almaty_spellings(gazetteer: Gazetteer, name: str) -> None:
    cities = [c for c in gazetteer.lookup(name) if c.feature == "city"]
    assert (cities[0].name, cities[0].country) == ("Almaty", "KZ")


@pytest.mark.parametrize("name", ["Astana", "Nur-Sultan", "Nur Sultan", "Нур-Султан"])
def test_astana_spellings(gazetteer: Gazetteer, name: str) -> None:
    cities = [c for c in gazetteer.lookup(name) if c.feature == "city"]
    assert (cities[0].name, cities[0].country) == ("Astana", "KZ")


@pytest.mark.parametrize(
    "name",
    ["Kazakhstan", "Kazakistan", "Kazajistán", "Kasachstan", "Cazaquistão", "Казахстан"],
)
def test_country_names_in_many_languages(gazetteer: Gazetteer, name: str) -> None:
    countries = [c for c in gazetteer.lookup(name) if c.feature == "country"]
    assert [c.country for c in countries] == ["KZ"]
    kz = countries[0]
    assert kz.geonames_id == 1522867
    # representative point: a populated place inside Kazakhstan
    assert 40.0 < kz.lat < 56.0 and 46.0 < kz.lon < 88.0


@pytest.mark.parametrize("name", ["Mangystau", "Mangistau", "Mangghystau"])
def test_mangystau_is_an_admin1_region_of_kazakhstan(gazetteer: Gazetteer, name: str) -> None:
    regions = [c for c in gazetteer.lookup(name) if c.feature == "admin1"]
    assert [(c.name, c.country) for c in regions] == [("Mangghystau", "KZ")]
    assert regions[0].population > 100_000  # Aktau and Zhanaozen at least


def test_fuzzy_path_only_when_no_exact_name(gazetteer: Gazetteer) -> None:
    hits = gazetteer.lookup("Manghystau")  # not in the data, same skeleton
    assert hits and hits[0].match == "fuzzy" and hits[0].name == "Mangghystau"
    assert gazetteer.lookup("Manghystau", fuzzy=False) == []
    assert all(c.match != "fuzzy" for c in gazetteer.lookup("Aktau"))


def test_admin1_core_name_is_derived(gazetteer: Gazetteer) -> None:
    hits = gazetteer.lookup("Almaty")
    region = next(c for c in hits if c.feature == "admin1")
    assert (region.name, region.match) == ("Almaty Oblysy", "derived")


def test_aktau_candidates_are_ordered_by_population(gazetteer: Gazetteer) -> None:
    hits = gazetteer.lookup("Aktau")
    assert hits[0].geonames_id == 610612 and hits[0].admin1 == "Mangghystau"
    assert [c.population for c in hits] == sorted((c.population for c in hits), reverse=True)


def test_unknown_and_empty_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwxzrtplk") == []
    assert gazetteer.lookup("  ") == []
    assert gazetteer.lookup("Tokayev") == []


def test_codes_are_not_names(gazetteer: Gazetteer) -> None:
    # "ALA" is Almaty's airport code among GeoNames' alternate names
    assert all(c.name != "Almaty" for c in gazetteer.lookup("ALA"))


def test_candidate_is_frozen(gazetteer: Gazetteer) -> None:
    c = gazetteer.lookup("Aktau")[0]
    assert isinstance(c, Candidate)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.name = "x"  # type: ignore[misc]


def test_gazetteer_pickles_as_its_path(gazetteer: Gazetteer) -> None:
    clone = pickle.loads(pickle.dumps(gazetteer))
    assert clone.path == gazetteer.path
    assert clone.lookup("Aktau") == gazetteer.lookup("Aktau")


def test_country_by_code(gazetteer: Gazetteer) -> None:
    fr = gazetteer.country("FR")
    assert fr is not None and fr.name == "France" and fr.feature == "country"
    assert gazetteer.country("XX") is None


def test_a_new_process_reuses_the_built_index(gazetteer: Gazetteer) -> None:
    """Start-up must not rebuild: the cached file is opened as it is (speed is
    measured by the benchmark command, not here)."""
    index = Path(gazetteer.path)
    before = index.stat().st_mtime_ns
    code = (
        "from contention.annotate.gazetteer import get_gazetteer\n"
        "g = get_gazetteer(); assert g.lookup('Almaty'); print(g.path)\n"
    )
    env = {**os.environ, "CONTENTION_CACHE": str(Path(gazetteer.path).parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(gazetteer.path)
    assert index.stat().st_mtime_ns == before


def test_a_damaged_index_is_not_trusted(gazetteer: Gazetteer, tmp_path: Path) -> None:
    assert is_valid(gazetteer.path)
    bad = tmp_path / gazetteer.path.name
    bad.write_bytes(b"not a database at all")
    assert not is_valid(bad)
    assert not is_valid(tmp_path / "missing.sqlite")


def test_alternate_names_unlike_the_main_name_are_marked(gazetteer: Gazetteer) -> None:
    # Salisbury is Harare's colonial name: an "alternate", so the resolver asks more of it
    harare = next(c for c in gazetteer.lookup("Salisbury") if c.country == "ZW")
    assert harare.match == "alternate"
    assert next(c for c in gazetteer.lookup("Salisbury") if c.country == "GB").match == "exact"
    # spellings of the main name are exact: added words, a dropped article, transliterations
    assert gazetteer.lookup("Gaza City")[0].match == "exact"
    assert (
        gazetteer.lookup("Kut")[0].name == "Al-Kut" and gazetteer.lookup("Kut")[0].match == "exact"
    )
    assert gazetteer.lookup("Zhangaözen")[0].match == "exact"


def test_acronyms_of_countries(gazetteer: Gazetteer) -> None:
    for name, cc in [("US", "US"), ("U.S.", "US"), ("UAE", "AE"), ("UK", "GB"), ("DRC", "CD")]:
        top = gazetteer.lookup(name)[0]
        assert (top.country, top.feature, top.match) == (cc, "country", "acronym")
    # ISO codes are not names: "IT" and "IS" are words
    assert all(c.feature != "country" for c in gazetteer.lookup("IT"))


def test_continents_and_world_regions(gazetteer: Gazetteer) -> None:
    europe = gazetteer.lookup("Europe")[0]
    assert (europe.feature, europe.country, europe.geonames_id) == ("continent", "", 6255148)
    assert gazetteer.lookup("Europa")[0] == europe
    middle_east = next(c for c in gazetteer.lookup("Middle East") if c.feature == "region")
    assert next(c for c in gazetteer.lookup("Medio Oriente")) == middle_east
    siberia = next(c for c in gazetteer.lookup("Siberia") if c.feature == "region")
    assert siberia.country == "RU"


def test_country_point_is_a_centre_not_the_capital(gazetteer: Gazetteer) -> None:
    us = gazetteer.country("US")
    assert us is not None and 35 < us.lat < 42 and -105 < us.lon < -90  # mid-continent
    ru = gazetteer.country("RU")
    assert ru is not None and ru.lon > 60  # Siberia, not Moscow


def test_admin1_point_is_the_centre_of_its_settled_area(gazetteer: Gazetteer) -> None:
    ca = next(c for c in gazetteer.lookup("California") if c.feature == "admin1")
    # not pulled to Los Angeles (34.05, -118.24) by its population
    assert 35.0 < ca.lat < 39.0 and -122.0 < ca.lon < -118.0
    assert abs(ca.lat - 34.05) + abs(ca.lon + 118.24) > 2.0


def test_english_demonyms(gazetteer: Gazetteer) -> None:
    demonyms = gazetteer.demonyms()
    assert demonyms["american"] == "US" and demonyms["turkish"] == "TR"
    assert demonyms["chinese"] == "CN"  # shared with Taiwan and Macao: the biggest


def test_similarity_is_the_normalised_indel_similarity() -> None:
    assert similarity("lvov", "lviv") == 75.0  # LCS "lv" + "v": 2·3 / 8
    assert similarity("paris", "paris") == 100.0
    assert similarity("abc", "xyz") == 0.0 and similarity("", "abc") == 0.0
    assert round(similarity("florida", "floridablanca"), 1) == 70.0
