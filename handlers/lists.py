"""Article lists a follower can page through and pick from, kept in the session as "last".

Every list (search, latest, region) is stored the same way, by `Session.keep_list`:
`{"kind", "ids" (up to MAX_IDS), "page", "page_size", ...}` plus what its header needs
(`query` for search, `region` for region news), so 更多 / 上一页 / 第三条 work on any of them.
"""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers.context import Context
from handlers.listing import article_list
from handlers.replies import Reply, Text

PAGE_SIZE = 5
MAX_IDS = 20


def remember(ctx: Context, kind: str, ids: list[str], page: int = 0,
             page_size: int = PAGE_SIZE, **extra: Any) -> dict:
    """Store a fresh list as the follower's last and return it.

    `page` is the page shown; -1 after a single card, so 更多 shows the list's first page.
    """
    last = {"kind": kind, "ids": list(ids)[:MAX_IDS], "page": page, "page_size": page_size}
    last.update(extra)
    ctx.session.keep_list(last)
    return last


def last_list(ctx: Context) -> dict | None:
    """The follower's last list, if it is usable."""
    return ctx.session.last_list()


def page_count(last: dict) -> int:
    """How many pages the list has."""
    size = _size(last)
    return (len(last["ids"]) + size - 1) // size


def header(last: dict, page: int) -> str:
    """The list's title line: '湖北最新资讯（第2/3页）：'."""
    kind = last.get("kind", "search")
    name = {"latest": "list_latest", "region": "list_region"}.get(kind, "list_search")
    title = reply(name, region=last.get("region", ""), query=last.get("query", ""))
    pages = page_count(last)
    return reply("list_header", title=title, page=page + 1, pages=pages) if pages > 1 else title


def show_page(ctx: Context, last: dict, page: int) -> Reply:
    """Render one page of `last` and remember that page."""
    size = _size(last)
    ids = last["ids"][page * size : (page + 1) * size]
    articles = ctx.kb.get_many(ids) if ctx.kb else []
    if not articles:
        return Text(reply("list_gone", hotline=ctx.hotline))
    last = dict(last, page=page)
    ctx.session.keep_list(last)
    more = page + 1 < page_count(last)
    return article_list(
        articles,
        start=page * size + 1,
        header=header(last, page),
        footer=reply("list_footer_more" if more else "list_footer_last"),
        summaries=[ctx.kb.summary_of(a) for a in articles],
        base_url=ctx.base_url,
    )


def shown(ctx: Context, n: int, bare: bool) -> int:
    """The item of the follower's last list that their number `n` means (see on_page)."""
    last = last_list(ctx)
    return on_page(last, n, bare) if last and last.get("ids") else n


def on_page(last: dict, n: int, bare: bool) -> int:
    """The list item a follower's number means. 第三个 after 更多 counts on the page shown
    (items 6–10: the third is 8); a bare number is the label printed beside an item."""
    page, size = int(last.get("page", 0) or 0), _size(last)
    first = page * size + 1
    if bare or page <= 0 or first <= n < first + size:
        return n
    return first + n - 1 if n <= size and first + n - 1 <= len(last["ids"]) else n


def _size(last: dict) -> int:
    size = last.get("page_size")
    return size if isinstance(size, int) and size > 0 else PAGE_SIZE
