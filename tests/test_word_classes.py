"""Word classes from jieba's dictionary, kept under the data dir for starting workers."""

import json

import pytest

from knowledge import wordlists


@pytest.fixture
def fresh(tmp_path):
    wordlists._word_classes.cache_clear()
    wordlists.cache_word_classes_in(tmp_path)
    yield tmp_path / "word-classes.json"
    wordlists._cache_dir.clear()
    wordlists._word_classes.cache_clear()


def test_word_classes_are_derived_once_then_read_back(fresh):
    weak, function = wordlists.weak_words(), wordlists.function_words()
    assert "在" in function and "的" in function and "技能" not in weak
    data = json.loads(fresh.read_text("utf-8"))
    assert set(data["weak"]) == weak and set(data["function"]) == function
    # what a later worker reads is the file (a marked copy shows it), not the dictionary
    data["weak"].append("标记词")
    fresh.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    wordlists._word_classes.cache_clear()
    assert "标记词" in wordlists.weak_words()


def test_a_stale_or_broken_cache_is_derived_again(fresh):
    fresh.write_text(json.dumps({"key": "another jieba", "weak": ["标记词"], "function": []}),
                     "utf-8")
    assert "标记词" not in wordlists.weak_words() and "在" in wordlists.function_words()
    fresh.write_text("{not json", "utf-8")
    wordlists._word_classes.cache_clear()
    assert "在" in wordlists.function_words()
    assert json.loads(fresh.read_text("utf-8"))["key"] == wordlists._jieba_dict_key()
