"""The article model of the JSONL format (docs/editors.md), validated naming the bad field."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_CN_DATE = re.compile(r"^(\d{4})[年.](\d{1,2})[月.](\d{1,2})日?")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")
MAX_TITLE = 200
MAX_BODY = 200_000
FIELDS = ("id", "title", "url", "published", "source", "column", "region", "keywords", "body",
          "cover", "summary")


class ArticleError(ValueError):
    """A record is not a valid article; `field` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass
class Article:
    """One news article of the 就业桥 site."""

    id: str
    title: str
    url: str
    published: str
    source: str
    column: str
    region: str
    keywords: list[str] = field(default_factory=list)
    body: str = ""
    cover: str = ""
    summary: str = ""

    def to_dict(self) -> dict:
        """A JSON-able dict in the JSONL field order."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict, *, infer_region=None) -> Article:
        """Validate and build an article; `infer_region(text)` fills a missing region."""
        if not isinstance(data, dict):
            raise ArticleError("record", "不是 JSON 对象")
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            raise ArticleError(unknown[0], "未知字段")
        title = _text(data, "title", required=True, limit=MAX_TITLE)
        url = _text(data, "url")
        if url and not url.startswith(("http://", "https://")):
            raise ArticleError("url", "必须以 http:// 或 https:// 开头")
        raw_id = _text(data, "id")
        if raw_id and not ID_RE.match(raw_id):
            raise ArticleError("id", "只能包含字母、数字、点、横线和下划线，最长 64 个字符")
        if not raw_id and not url:
            raise ArticleError("id", "缺少 id，且没有 url 可用来生成 id")
        body = _text(data, "body", required=True, limit=MAX_BODY, strip_lines=False)
        region = _text(data, "region")
        if not region and infer_region is not None:
            region = infer_region(title + "\n" + body) or "全国"
        from knowledge.regions import REGIONS

        region = _province_short(region, REGIONS)
        if region and region not in REGIONS:
            raise ArticleError("region", f"“{region}”不是网站的地区名（如 全国、湖北、内蒙古）")
        return cls(
            id=raw_id or id_from_url(url),
            title=title,
            url=url,
            published=normalise_date(data.get("published")),
            source=_text(data, "source"),
            column=_text(data, "column"),
            region=region or "全国",
            keywords=_keywords(data.get("keywords")),
            body=body,
            cover=_cover(data),
            summary=_text(data, "summary", limit=500),
        )

    @property
    def timestamp(self) -> float:
        """Seconds since the epoch of `published` (local time, as the site shows it)."""
        return parse_date(self.published).timestamp()


_PROVINCE_SUFFIXES = ("省", "市", "自治区", "特别行政区", "壮族自治区", "回族自治区",
                      "维吾尔自治区")


def _province_short(region: str, regions: tuple[str, ...]) -> str:
    """湖北省 → 湖北, 广西壮族自治区 → 广西: the site's short form of a province's full name."""
    for short in regions:
        if region.startswith(short) and region[len(short):] in _PROVINCE_SUFFIXES:
            return short
    return region


def id_from_url(url: str) -> str:
    """A stable 16-hex id for an article that only has a URL."""
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


def parse_date(value: str) -> datetime:
    """Parse `YYYY-MM-DD[ HH:MM[:SS]]`; ValueError otherwise."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValueError(value)


def normalise_date(value: object) -> str:
    """The canonical `YYYY-MM-DD HH:MM:SS` form of a published date."""
    if not isinstance(value, str) or not value.strip():
        raise ArticleError("published", "缺少发布日期（格式 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS）")
    text = value.strip().replace("T", " ").replace("/", "-")
    # Editors also write dates the Chinese way or with dots: 2024年3月5日, 2024.03.05
    text = _CN_DATE.sub(r"\1-\2-\3", text)
    try:
        return parse_date(text).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ArticleError(
            "published", f"日期“{value}”格式不对，应为 YYYY-MM-DD[ HH:MM:SS]") from None


def _text(data: dict, name: str, *, required: bool = False, limit: int = 2000,
          strip_lines: bool = True) -> str:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise ArticleError(name, "不能为空")
        return ""
    if not isinstance(value, str):
        raise ArticleError(name, "必须是字符串")
    value = value.strip()
    if strip_lines:
        value = " ".join(value.split())
    if required and not value:
        raise ArticleError(name, "不能为空")
    if len(value) > limit:
        raise ArticleError(name, f"太长（最多 {limit} 个字符）")
    return value


def _keywords(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [w for w in re.split(r"[,，;；、\s]+", value) if w]
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ArticleError("keywords", "必须是字符串列表")
    seen: list[str] = []
    for word in value:
        word = " ".join(word.split())
        if word and word not in seen:
            seen.append(word)
    if len(seen) > 50:
        raise ArticleError("keywords", "关键词太多（最多 50 个）")
    return seen


def _cover(data: dict) -> str:
    cover = _text(data, "cover")
    if cover and not cover.startswith(("http://", "https://")):
        raise ArticleError("cover", "封面必须是 http(s) 图片地址")
    return cover
