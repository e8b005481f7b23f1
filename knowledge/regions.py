"""Region names of the site and place-name → province inference from cpca's division data.

The place table is derived once from the adcode list that ships with `cpca` (maintained
administrative-division data) and cached as JSON; the message path only does an
Aho-Corasick scan over it, never a cpca call.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import threading
from importlib import resources
from pathlib import Path

import ahocorasick

from knowledge.text import Tokenizer
from knowledge.wordlists import jieba_dict

log = logging.getLogger(__name__)

# Province-level names exactly as the site's navigation lists them (see the seed page).
REGIONS: tuple[str, ...] = (
    "全国", "安徽", "北京", "重庆", "福建", "甘肃", "广东", "广西", "贵州", "海南", "河北", "河南",
    "黑龙江", "湖北", "湖南", "吉林", "江苏", "江西", "辽宁", "内蒙古", "宁夏", "青海", "山东",
    "山西", "陕西", "上海", "四川", "天津", "西藏", "新疆", "云南", "浙江", "香港", "澳门", "台湾",
)
NATIONWIDE = "全国"
DOMINANT_SHARE = 0.5  # of the body's place mentions, for an article to belong to a province
TABLE_VERSION = 6  # bump when the derivation below changes, so stale caches are rebuilt
# Everyday names cpca's division list does not hold (内蒙 for 内蒙古).
COLLOQUIAL = {"内蒙": "内蒙古"}
_RANK_WEIGHT = (3, 2, 1)  # province, city, county: a higher rank wins an ambiguous name
_NOUN_TAGS = ("ns", "n", "nr", "nrt", "nz", "j")
# A city district's short form (番禺, 浦东, 宝安) is how followers name where they are. It is
# kept only where jieba's dictionary tags it a place (ns) and it is rare as a word (everyday
# words that are also districts, 长安, 中原, 新建, 太平, run from about 300 up; 浦东 is 267),
# or tags it a name (nr, nz: 宝安, 龙岗, 萧山) and it is rarer still (龙凤, 红星, 大通 are 137
# and up); never a direction or landscape alone (城东, 南郊, 上街, 江北, 湖滨).
DISTRICT_FREQ = {"ns": 280, "nr": 120, "nrt": 120, "nz": 120}
_GENERIC = frozenset("东西南北中上下前后左右城郊江河湖海山滨新市站区街桥门")
_DISTRICT = re.compile(r"(?<!新|发|技|保|验|合|游|业|济|港|城|矿|林|园)区$")

_lock = threading.Lock()
_matcher: ahocorasick.Automaton | None = None
_table: dict[str, str] | None = None


def _district_name(form: str, freq: int, tag: str) -> bool:
    """Whether a district's short form is a place name followers write (see DISTRICT_FREQ)."""
    if set(form) <= _GENERIC:
        return False
    return freq < DISTRICT_FREQ.get(tag, 0) or freq == 0


def _nations() -> list[str]:
    """The 56 ethnic group names shipped with cpca, longest first (for 自治州 short names)."""
    text = resources.files("cpca.resources").joinpath("56_nations.csv").read_text("utf-8")
    names = {line.strip().removesuffix("族") for line in text.splitlines() if line.strip()}
    return sorted(names, key=len, reverse=True)


def _jieba_pos() -> dict[str, tuple[int, str]]:
    """Frequency and part-of-speech tag of jieba's main dictionary's words, to tell place names
    from common words (one regex pass over it: an index build in a fresh data dir waits)."""
    return {w: (int(f), t) for w, f, t in re.findall(r"^(\S{2,4}) (\d+) (\S+)$", jieba_dict(),
                                                        re.M)}


def _short_forms(name: str, rank: int, nations: list[str]) -> list[str]:
    """The forms people write a division name in: 荆州市 → 荆州, 恩施土家族苗族自治州 → 恩施."""
    forms = [name]
    short = re.sub(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟)$", "", name)
    if re.search("自治[区州县旗]$", name):
        group = "|".join(map(re.escape, nations))  # 新疆维吾尔自治区 has no 族
        bare = re.sub(rf"(({group})族?)+$", "", short)
        short = bare if len(bare) >= 2 else short  # 内蒙古 and 西藏 end in a group's name
    if rank == 2 and name.endswith("新区") and len(name) >= 4:
        short = name[:-2]  # 浦东新区 → 浦东
    elif rank == 2 and not name.endswith("市") and _DISTRICT.search(name):
        short = name[:-1]  # 番禺区 → 番禺 (build_table keeps it only if rare as a word)
    elif rank == 2 and short != name and not name.endswith("市"):
        short = name  # 公安县 stays whole: county short forms (公安) are too often common words
    if len(short) >= 2 and short != name:
        forms.append(short)
    return forms


def build_table() -> dict[str, str]:
    """Place name (full and short forms) → province short name as the site lists it."""
    text = resources.files("cpca.resources").joinpath("adcodes.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    nations = _nations()
    provinces: dict[str, str] = {}
    for row in rows:
        code = row["adcode"][:6]
        if code.endswith("0000"):
            short = _short_forms(row["name"], 0, nations)[-1]
            provinces[code[:2]] = short if short in REGIONS else row["name"]
    pos = _jieba_pos()
    best: dict[str, tuple[int, set[str]]] = {}
    for row in rows:
        code = row["adcode"][:6]
        province = provinces.get(code[:2])
        if province not in REGIONS:
            continue
        rank = 0 if code.endswith("0000") else 1 if code.endswith("00") else 2
        for i, form in enumerate(_short_forms(row["name"], rank, nations)):
            if len(form) < 2:
                continue  # 重庆's county group is listed as "县": 县城 names no place
            # A county-level city's short form that jieba tags as a verb, adverb, adjective …
            # (合作, 东方) is a common word more often than a place. A prefecture's is not,
            # whatever jieba says (保定, 大连, 开封, 大同 are tagged v, d, v, d).
            freq, tag = pos.get(form, (0, "ns"))
            if i > 0 and rank == 2 and tag not in _NOUN_TAGS:
                continue
            district = i > 0 and rank == 2 and row["name"].endswith("区")
            if district and not _district_name(form, freq, tag):
                continue
            # A county-level city keeps its short form against a district's (栖霞市, 栖霞区).
            weight = 0.5 if district else _RANK_WEIGHT[rank]
            have = best.get(form)
            if have is None or weight > have[0]:
                best[form] = (weight, {province})
            elif weight == have[0]:
                have[1].add(province)
    # An ambiguous name (鼓楼区 is in four provinces) maps to "" so that it still shadows the
    # shorter names inside it when scanning, but infers nothing.
    table = {form: next(iter(ps)) if len(ps) == 1 else "" for form, (_, ps) in best.items()}
    for region in REGIONS:
        table[region] = region
    for name, region in COLLOQUIAL.items():
        table.setdefault(name, region)
    return table


def load_table(cache_dir: Path | None = None) -> dict[str, str]:
    """The place table, from `cache_dir/regions.json` when current, else derived and cached."""
    global _table, _matcher
    with _lock:
        if _table is not None:
            return _table
        path = Path(cache_dir) / "regions.json" if cache_dir else None
        table = None
        if path and path.exists():
            try:
                data = json.loads(path.read_text("utf-8"))
                if data.get("version") == TABLE_VERSION:
                    table = data["places"]
            except (OSError, ValueError, KeyError):
                table = None
        if table is None:
            table = build_table()
            if path:
                _write_atomic(path, {"version": TABLE_VERSION, "places": table})
        automaton = ahocorasick.Automaton()
        for name, province in table.items():
            automaton.add_word(name, (name, province))
        automaton.make_automaton()
        _table, _matcher = table, automaton
        return table


def _write_atomic(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not cache the region table at %s: %s", path, exc)


def place_names() -> dict[str, str]:
    """Every unambiguous place name the table knows (for the jieba user dictionary)."""
    return {name: province for name, province in load_table().items() if province}


def mentions(text: str, words: list[str] | None = None) -> list[tuple[str, str]]:
    """Places named in `text`, in order, longest match first: [(name, province), ...].

    A name counts only where a word of the text starts, so 明天长沙 names 长沙, not 天长
    (安徽), or right after another name (山西大同). `words` is the text's jieba segmentation
    when the caller has it already.
    """
    load_table()
    assert _matcher is not None
    text = text or ""
    starts = _word_starts(text, _segmenter().cut(text) if words is None else words)
    spans = sorted(((end + 1 - len(value[0]), end + 1, value)
                    for end, value in _matcher.iter(text)), key=lambda s: (s[0], s[0] - s[1]))
    found, free = [], 0
    for start, end, value in spans:
        if start >= free and start in starts:
            free = end  # an ambiguous name (province "") still hides the names inside it
            starts.add(end)  # 山西大同, 湖北十堰: jieba may keep the pair as one word
            if value[1]:
                found.append(value)
    return found


def _word_starts(text: str, words: list[str]) -> set[int]:
    starts, at = set(), 0
    for word in words:
        at = text.find(word, at)
        if at < 0:
            break
        starts.add(at)
        at += len(word)
    return starts


_segmenter_tok: Tokenizer | None = None
_segmenter_lock = threading.Lock()


def _segmenter() -> Tokenizer:
    """A tokenizer that knows every place name (for texts that come without their words)."""
    global _segmenter_tok
    if _segmenter_tok is None:
        names = [n for n in load_table() if len(n) >= 2]
        with _segmenter_lock:
            if _segmenter_tok is None:
                _segmenter_tok = Tokenizer(names)
    return _segmenter_tok


def find_region(text: str, words: list[str] | None = None) -> str | None:
    """The province (site short name) that `text` is about, or None; 全国 only when said."""
    return region_of(mentions(text, words))


def region_of(found: list[tuple[str, str]]) -> str | None:
    """The province that the places `mentions` found point to, or None."""
    if not found:
        return None
    counts: dict[str, int] = {}
    for _, province in found:
        counts[province] = counts.get(province, 0) + 1
    specific = {p: n for p, n in counts.items() if p != NATIONWIDE}
    if not specific:
        return NATIONWIDE
    top = max(specific.values())
    for _, province in found:  # the first-named of the most-named provinces
        if specific.get(province) == top:
            return province
    return None


def infer_article_region(text: str) -> str:
    """The region of an article from its text (title on the first line, then the body).

    A place in the title decides; otherwise one province must dominate the body's place
    names, else the article is about the whole country (全国).
    """
    title, _, body = (text or "").partition("\n")
    in_title = find_region(title)
    if in_title is not None:
        return in_title
    counts: dict[str, int] = {}
    for _, province in mentions(body):
        if province != NATIONWIDE:
            counts[province] = counts.get(province, 0) + 1
    if not counts:
        return NATIONWIDE
    top, n = max(counts.items(), key=lambda kv: kv[1])
    return top if n >= DOMINANT_SHARE * sum(counts.values()) else NATIONWIDE
