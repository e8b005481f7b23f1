"""Place names for the synthetic corpus: cities and counties with their province (cpca data)."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Province suffixes as cpca spells them, longest first, so 广西壮族自治区 becomes 广西 as the site
# lists it.
PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市", "区", "县")


@dataclass(frozen=True)
class Place:
    """A city or county: its short name as titles use it, its full name and its province."""

    short: str
    full: str
    province: str


def _adcodes_csv() -> Path:
    """cpca's administrative-division table, found without importing cpca (which loads pandas)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def _strip(name: str, suffixes: tuple[str, ...]) -> str:
    """`name` without its administrative suffix, unless that would leave one character."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def load_places() -> tuple[dict[str, str], tuple[Place, ...], tuple[Place, ...]]:
    """(province code -> site name, cities, counties), sorted so every run sees the same order."""
    provinces: dict[str, str] = {}
    cities: list[tuple[str, str]] = []
    counties: list[tuple[str, str]] = []
    with _adcodes_csv().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"]
            if code[2:] == "0" * 10:
                provinces[code[:2]] = _strip(name, PROVINCE_SUFFIXES)
            elif code[4:] == "0" * 8:
                cities.append((code, name))
            elif code[6:] == "0" * 6:
                counties.append((code, name))

    def build(rows: list[tuple[str, str]], keep) -> tuple[Place, ...]:
        out = []
        for code, name in sorted(rows):
            if code[:2] in provinces and keep(name):
                out.append(Place(_strip(name, CITY_SUFFIXES), name, provinces[code[:2]]))
        return tuple(out)

    city_places = build(cities, lambda n: n not in ("市辖区", "县", "省直辖县级行政区划"))
    county_places = build(counties, lambda n: n not in ("市辖区",) and len(n) <= 5)
    return provinces, city_places, county_places


def place_names() -> dict[str, str]:
    """Every province, city and county name (short and full) -> its slot kind, for templating."""
    provinces, cities, counties = load_places()
    names: dict[str, str] = {}
    # County short names (朝阳, 城区 …) are too often ordinary words; only their full names count.
    for place in counties:
        names[place.full] = "city"
    for place in cities:
        for name in (place.full, place.short):
            if len(name) >= 2:
                names[name] = "city"
    for name in provinces.values():
        names[name] = "prov"
    return names
