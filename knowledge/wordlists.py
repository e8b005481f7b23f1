"""Editable and derived word lists: stop words, domain words, synonyms, word classes."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path

from config.texts import CONFIG_DIR
from knowledge.normal import normalise

WEAK_TAGS = frozenset({"v", "vd", "vi", "vg", "d", "dg", "a", "ad", "ag", "c", "p", "r", "m",
                       "q", "u", "t", "tg", "f", "i", "z", "y", "e", "o"})
COMMON_FREQ = 1000  # jieba dictionary count from which a word is "common" in general text
FUNCTION_TAGS = frozenset({"f", "p", "u", "c", "d", "r", "m", "q", "y", "e", "o", "ul", "uj"})


def jieba_dict() -> str:
    """The text of jieba's main dictionary (word, count, tag a line)."""
    return resources.files("jieba").joinpath("dict.txt").read_text("utf-8")


_cache_dir: list[Path] = []  # where derived word classes are kept (a KnowledgeBase's data dir)


def cache_word_classes_in(directory: Path) -> None:
    """Keep the word classes derived from jieba's dictionary under `directory`, so a starting
    worker reads two short lists instead of scanning the dictionary (0.15 s, 30 MB)."""
    _cache_dir[:] = [Path(directory)]


def _jieba_dict_key() -> str:
    """What the word classes depend on: jieba's dictionary file (found without importing
    jieba) and the tags they are made of."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.submodule_search_locations
    stat = (Path(spec.submodule_search_locations[0]) / "dict.txt").stat()
    tags = ",".join(sorted(WEAK_TAGS)) + "/" + ",".join(sorted(FUNCTION_TAGS))
    return f"{stat.st_size}:{stat.st_mtime_ns}:{tags}"


@cache
def _word_classes() -> tuple[frozenset[str], frozenset[str]]:
    """(weak words, function words) by jieba's tags; cached on disk when a place is set."""
    path = _cache_dir[0] / "word-classes.json" if _cache_dir else None
    key = _jieba_dict_key()
    try:
        data = json.loads(path.read_text("utf-8")) if path and path.exists() else {}
        if data.get("key") == key:
            return frozenset(data["weak"]), frozenset(data["function"])
    except (OSError, ValueError, KeyError, AttributeError):
        pass  # unreadable: derive again
    # One regex pass over the dictionary picks the tagged lines in C, several times faster
    # than splitting 350,000 lines.
    tags = "|".join(sorted(WEAK_TAGS | FUNCTION_TAGS, key=len, reverse=True))
    tagged = re.findall(rf"^(\S+) \d+ ({tags})$", jieba_dict(), re.M)
    weak = frozenset(w for w, t in tagged if t in WEAK_TAGS)
    function = frozenset(w for w, t in tagged if t in FUNCTION_TAGS)
    if path:
        _write_atomic(path, {"key": key, "weak": sorted(weak), "function": sorted(function)})
    return weak, function


def _write_atomic(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only data dir: derive again next time


@cache
def common_word_share() -> dict[str, float]:
    """The share of general Chinese text each common word makes up, by jieba's counts
    (words counted fewer than COMMON_FREQ times are left out: they count as rare).
    Read apart from the tags: only a question with an unseen word needs it."""
    counts = re.findall(r"^(\S+) (\d+) \S+$", jieba_dict(), re.M)
    total = sum(int(freq) for _, freq in counts)
    return {word: int(freq) / total for word, freq in counts
            if len(word) >= 2 and int(freq) >= COMMON_FREQ}


def weak_words() -> frozenset[str]:
    """Words jieba's dictionary tags as verbs, adverbs, time words …: in a question they
    carry less of its topic than nouns and names do."""
    return _word_classes()[0]


def function_words() -> frozenset[str]:
    """Function words (后, 在, 的, 都 …): never part of a name."""
    return _word_classes()[1]


@cache
def stop_words() -> frozenset[str]:
    """The editable stop-word list of config/stopwords.txt."""
    path = CONFIG_DIR / "stopwords.txt"
    words = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(normalise(line))
    return frozenset(words)


@cache
def config_user_words() -> tuple[str, ...]:
    """Domain words an editor keeps in config/userdict.txt (one a line), and the synonyms."""
    path = CONFIG_DIR / "userdict.txt"
    words = []
    for line in path.read_text("utf-8").splitlines() if path.exists() else ():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(normalise(word.split()[0]))
    # A synonym is only found when jieba keeps it whole (想学当月嫂 must not become 当月|嫂).
    words += [w for w in synonyms() if len(w) >= 2]
    return tuple(words)


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Word → its synonyms, from config/synonyms.txt (one group a line)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in (CONFIG_DIR / "synonyms.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0]
        group = [normalise(w) for w in line.split() if w]
        for word in group:
            table[word] = tuple(w for w in group if w != word) + table.get(word, ())
    return table


@cache
def _framing() -> re.Pattern | None:
    """Conversational framing of config/framing.txt, longest phrase first."""
    path = CONFIG_DIR / "framing.txt"
    phrases = {normalise(line.split("#", 1)[0].strip())
               for line in path.read_text("utf-8").splitlines()} if path.exists() else set()
    phrases.discard("")
    if not phrases:
        return None
    return re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))


def drop_framing(text: str) -> str:
    """The question without its framing (我想问一下, 俺, 急死了, 说清楚点): words about the
    asking, never about what is asked, so they must not count against an article."""
    pattern = _framing()
    return pattern.sub(" ", text) if pattern else text
