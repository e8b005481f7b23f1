"""knowledge.geo: coordinates and place names → province, offline."""

from __future__ import annotations

import pytest

from knowledge import geo
from knowledge.regions import REGIONS


@pytest.mark.parametrize(
    ("lat", "lng", "region"),
    [
        (30.326, 112.240, "湖北"),  # 荆州 沙市区
        (39.904, 116.407, "北京"),
        (31.230, 121.474, "上海"),
        (22.445, 114.032, "香港"),  # 元朗, nearer to 深圳 than to the HK row of the data
        (22.543, 114.058, "广东"),  # 深圳 福田, just across the border
        (22.198, 113.549, "澳门"),
        (22.621, 120.312, "台湾"),  # 高雄
        (43.825, 87.617, "新疆"),
        (29.652, 91.172, "西藏"),
        (20.044, 110.199, "海南"),
    ],
)
def test_province_at_known_places(lat, lng, region):
    assert geo.province_at(lat, lng) == region


@pytest.mark.parametrize(
    ("lat", "lng"),
    [(35.68, 139.69), (48.85, 2.35), (47.92, 106.92), (0.0, 0.0), (91.0, 10.0), (30.0, 200.0)],
)
def test_province_at_outside_china_or_nonsense(lat, lng):
    assert geo.province_at(lat, lng) is None


def test_province_at_nan_is_none():
    assert geo.province_at(float("nan"), 112.0) is None


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("湖北", "湖北"), ("湖北省", "湖北"), ("荆州", "湖北"), ("荆州市", "湖北"),
        ("石首", "湖北"), ("公安县", "湖北"), ("恩施", "湖北"), ("西双版纳", "云南"),
        ("延边", "吉林"), ("内蒙古", "内蒙古"), ("广西壮族自治区", "广西"), ("海南", "海南"),
        ("北京市", "北京"), ("全国", "全国"),
    ],
)
def test_region_named(name, region):
    assert geo.region_named(name) == region


@pytest.mark.parametrize("name", ["鼓楼区", "公安", "火星", "", "湖北培训补贴"])
def test_region_named_rejects_ambiguous_or_unknown(name):
    assert geo.region_named(name) is None


def test_coordinates_answer_the_sites_region_names():
    lats, lngs, provinces = geo._points()
    assert set(provinces) == set(REGIONS) - {"全国"}
