"""Offline places: coordinates → province, and whole place names → province.

Built once from the division data that the cpca package ships (`resources/adcodes.csv`:
adcode, name, longitude, latitude of every province, city and county), read with the csv
module so the message path never imports cpca's pandas. A location is answered with the
province of the nearest division centre; 香港, 澳门 and 台湾 have one row each in that data,
so a few anchors of their own districts keep border towns from falling to the mainland side.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from functools import cache
from pathlib import Path

import numpy as np

from knowledge.regions import REGIONS, load_table

# Farther than this from every division centre is taken to be outside China.
MAX_DISTANCE_KM = 350.0
EARTH_KM_PER_DEGREE = 111.195

_PROVINCE_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$")

# (province, longitude, latitude) of districts the division data leaves out.
_ANCHORS = (
    ("香港", 114.154, 22.281), ("香港", 114.183, 22.276), ("香港", 114.226, 22.279),
    ("香港", 114.160, 22.246), ("香港", 114.173, 22.311), ("香港", 114.163, 22.333),
    ("香港", 114.192, 22.312), ("香港", 114.193, 22.342), ("香港", 114.226, 22.313),
    ("香港", 114.122, 22.371), ("香港", 113.977, 22.391), ("香港", 114.032, 22.445),
    ("香港", 114.148, 22.494), ("香港", 114.171, 22.451), ("香港", 114.271, 22.381),
    ("香港", 114.195, 22.383), ("香港", 114.139, 22.364), ("香港", 113.946, 22.281),
    ("澳门", 113.549, 22.199), ("澳门", 113.558, 22.157), ("澳门", 113.561, 22.121),
    ("台湾", 121.565, 25.033), ("台湾", 121.466, 25.012), ("台湾", 121.739, 25.128),
    ("台湾", 121.301, 24.994), ("台湾", 120.969, 24.804), ("台湾", 120.821, 24.560),
    ("台湾", 120.679, 24.139), ("台湾", 120.542, 24.081), ("台湾", 120.684, 23.961),
    ("台湾", 120.433, 23.709), ("台湾", 120.449, 23.480), ("台湾", 120.227, 22.999),
    ("台湾", 120.312, 22.621), ("台湾", 120.488, 22.682), ("台湾", 121.754, 24.702),
    ("台湾", 121.601, 23.987), ("台湾", 121.144, 22.756), ("台湾", 119.566, 23.570),
)


def _resources() -> Path:
    """cpca's resources folder, found without importing cpca (and pandas)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


def province_short(name: str) -> str:
    """'湖北省' -> '湖北', '广西壮族自治区' -> '广西', '香港特别行政区' -> '香港'."""
    return _PROVINCE_SUFFIX.sub("", name)


@cache
def _rows() -> tuple[tuple[str, str, float | None, float | None], ...]:
    """(adcode, name, longitude, latitude) of every division."""
    rows = []
    with open(_resources() / "adcodes.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lng = float(row["longitude"]) if row["longitude"] else None
            lat = float(row["latitude"]) if row["latitude"] else None
            rows.append((row["adcode"], row["name"], lng, lat))
    return tuple(rows)


@cache
def _provinces() -> dict[str, str]:
    """Two-digit province code → short province name."""
    return {code[:2]: province_short(name) for code, name, _, _ in _rows() if code[2:] == "0" * 10}


@cache
def _points() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Latitudes, longitudes (degrees) and provinces of every known centre."""
    table = _provinces()
    found = [(table[c[:2]], lng, lat) for c, _, lng, lat in _rows() if lng is not None]
    found.extend(_ANCHORS)
    provinces, lngs, lats = zip(*found, strict=True)
    return np.array(lats), np.array(lngs), tuple(provinces)


def province_at(latitude: float, longitude: float) -> str | None:
    """The province-level region at a point, or None outside China or for nonsense input."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    lats, lngs, provinces = _points()
    # Equirectangular distance is exact enough to pick the nearest of nearby centres.
    dx = (lngs - longitude) * np.cos(np.radians((lats + latitude) / 2))
    dy = lats - latitude
    d2 = dx * dx + dy * dy
    best = int(np.argmin(d2))
    if np.sqrt(d2[best]) * EARTH_KM_PER_DEGREE > MAX_DISTANCE_KM:
        return None
    return provinces[best]


def region_named(name: str) -> str | None:
    """The region a whole place name stands for: '荆州' -> '湖北', '全国' -> '全国', else None.

    Unlike `find_region`, which finds places anywhere in a text, the whole name must be one.
    """
    name = name.strip()
    if name in REGIONS:
        return name
    table = load_table()  # ambiguous names map to '' there, so they fall through to None
    return table.get(name) or table.get(province_short(name)) or None
