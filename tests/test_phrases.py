"""handlers.phrases: fillers, ordinals and suffixes of short follower messages."""

from __future__ import annotations

import pytest

from handlers.phrases import chinese_number, core, ordinal, split_suffix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请问有什么新闻吗？", "有什么新闻"),
        ("看看 最新", "最新"),
        ("湖北新闻", "湖北新闻"),
        ("吗", "吗"),
    ],
)
def test_core_drops_fillers(text, expected):
    assert core(text) == expected


@pytest.mark.parametrize(
    ("word", "n"), [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("十十", None)]
)
def test_chinese_number(word, n):
    assert chinese_number(word) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("2", 2), ("２", 2), ("第三条", 3), ("第3篇", 3), ("三条", 3), ("看第2个", 2),
        ("20", 20), ("第25条", 25), ("21", None), ("2024", None), ("0", None), ("第零条", None),
        ("湖北", None), ("3号线", None),
    ],
)
def test_ordinal(text, n):
    assert ordinal(text) == n


def test_split_suffix_takes_the_longest():
    assert split_suffix("荆州的资讯", ("资讯", "的资讯")) == ("荆州", "的资讯")
    assert split_suffix("资讯", ("资讯",)) is None
