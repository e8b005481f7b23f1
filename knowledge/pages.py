"""Reading the site's article pages, saved as text (like the seed) or as HTML.

A page carries far more than the article: the region navigation, the hotline, the QR-code
footer, the related-columns list and the feedback widget. Only the breadcrumb, title, date,
source, body paragraphs and 关键词阅读 keywords are kept.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup

from knowledge.article import ArticleError, id_from_url

_DATE_IN = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?")
_SOURCE_IN = re.compile(r"(?:来源|文章来源|信息来源)\s*[:：]\s*(\S+)")
_CRUMB = re.compile(r"\s*[>›»]\s*")
_FILE_KEY = re.compile(r"(?:^|_)([0-9a-f]{16})$")
_URL_KEY = re.compile(r"/([0-9a-f]{16})(?:\.s?html?)?(?:[?#]|$)")
_SOURCE_PREFIX = re.compile(r"^(来源|文章来源|信息来源)\s*[:：]\s*")
FOOTER_MARKS = ("更多资讯", "欢迎扫描", "关键词阅读", "相关栏目", "意见收集", "收起")
KEYWORD_END = ("相关栏目", "收起", "意见收集", "关闭", "取消", "确定")


def page_id(path: Path | None, title: str, published: str, url: str = "") -> str:
    """The site's 16-hex article key (in the crawler's file name or the page URL), else a
    hash of the URL, else of title and date."""
    if path is not None:
        found = _FILE_KEY.search(path.stem)
        if found:
            return found.group(1)
    if url:
        found = _URL_KEY.search(url)
        return found.group(1) if found else id_from_url(url)
    return hashlib.sha1(f"{title}\n{published}".encode()).hexdigest()[:16]


def parse_page_text(text: str, path: Path | None = None) -> dict:
    """A record dict from a page's text; ArticleError names what could not be found."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    crumb_at = next((i for i, ln in enumerate(lines) if len(_CRUMB.split(ln)) >= 3), None)
    if crumb_at is None:
        raise ArticleError("column", "找不到栏目导航（如：新闻中心 > 综合资讯 > 标题）")
    crumbs = [c for c in _CRUMB.split(lines[crumb_at]) if c]
    column = crumbs[1] if len(crumbs) >= 3 else ""
    rest = [(i, ln) for i, ln in enumerate(lines) if i > crumb_at and ln]
    date_at = next((k for k, (_, ln) in enumerate(rest[:6]) if _DATE_IN.search(ln)
                    and len(ln) <= 60), None)
    if date_at is None:
        raise ArticleError("published", "标题后面找不到发布日期（YYYY-MM-DD HH:MM:SS）")
    title = " ".join(ln for _, ln in rest[:date_at]) or crumbs[-1]
    m = _DATE_IN.search(rest[date_at][1])
    assert m is not None
    published = m.group(1) + (" " + m.group(2) if m.group(2) else "")
    body_from = date_at + 1
    inline = _SOURCE_IN.search(rest[date_at][1])  # 发布时间：… 来源：中国劳动保障报
    source = inline.group(1) if inline else ""
    if not source and body_from < len(rest) and len(rest[body_from][1]) <= 30 \
            and not _ends_sentence(rest[body_from][1]):
        source = _SOURCE_PREFIX.sub("", rest[body_from][1])
        body_from += 1
    paragraphs, keywords, in_keywords = [], [], False
    for _, ln in rest[body_from:]:
        if ln.startswith("关键词阅读"):
            in_keywords = True
            continue
        if in_keywords:
            if ln.startswith(KEYWORD_END):
                break
            keywords.append(ln)
            continue
        if ln.startswith(FOOTER_MARKS):
            continue
        paragraphs.append(ln)
    if not paragraphs:
        raise ArticleError("body", "页面里没有正文段落")
    return {
        "id": page_id(path, title, published), "title": title, "published": published,
        "source": source, "column": column, "keywords": keywords,
        "body": "\n\n".join(paragraphs),
    }


def _ends_sentence(line: str) -> bool:
    return bool(re.search("[。！？!?，,；;]", line))


_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "nav", "ul", "ol", "aside", "main", "br", "dd",
               "dt", "table", "form", "button", "textarea")
_CHROME = re.compile(r"foot|feedback|dialog|modal|related|qrcode|keyword|nav|header|share",
                     re.I)


def html_lines(root) -> list[str]:
    """The text of an HTML tree, one line per block element (inline tags stay joined)."""
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return [" ".join(ln.split()) for ln in root.get_text("").split("\n")]


def parse_page_html(html: str, path: Path | None = None) -> dict:
    """A record dict from a page's HTML (BeautifulSoup): the page's structure where it has
    one (h1, article paragraphs, canonical URL), the text layout rules for the rest."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe"]):
        tag.decompose()
    url = ""
    for name, attrs in (("link", {"rel": "canonical"}), ("meta", {"property": "og:url"})):
        found = soup.find(name, attrs=attrs)
        if found is not None:
            url = str(found.get("href") or found.get("content") or "").strip()
            if url:
                break
    h1 = soup.find("h1")
    title = " ".join(h1.get_text(" ").split()) if h1 is not None else ""
    paragraphs = [" ".join(p.get_text("").split()) for p in soup.find_all("p")
                  if _in_content(p)]
    paragraphs = [p for p in paragraphs if p and not p.startswith(FOOTER_MARKS)]
    meta = soup.find("meta", attrs={"name": "keywords"})
    root = soup.body or soup
    record = parse_page_text("\n".join(html_lines(root)), path)
    if title:
        record["title"] = title
    record["id"] = page_id(path, record["title"], record["published"], url)
    if paragraphs:
        record["body"] = "\n\n".join(paragraphs)
    if not record["keywords"] and meta is not None and meta.get("content"):
        record["keywords"] = [w for w in re.split(r"[,，;；\s]+", str(meta["content"])) if w]
    if url:
        record["url"] = url
    return record


def _in_content(p) -> bool:
    """False for paragraphs inside the page chrome (footer, widgets, navigation)."""
    for parent in p.parents:
        if parent.name in ("nav", "footer", "header", "form", "aside"):
            return False
        marks = " ".join(parent.get("class") or []) + " " + str(parent.get("id") or "")
        if _CHROME.search(marks):
            return False
    return True
