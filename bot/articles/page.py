"""GET /articles/<id>: an article as a phone-friendly page, for articles with no URL of their own.

Articles imported from saved page text have no link; a news card must still open something.
"""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response

from bot.services import get_services

bp = Blueprint("article_page", __name__)

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - 就业桥</title>
<style>
body{{font:17px/1.75 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;
color:#222;background:#fff}}
main{{max-width:680px;margin:0 auto;padding:20px 18px 40px}}
h1{{font-size:22px;line-height:1.4;margin:0 0 10px}}
.meta{{color:#888;font-size:14px;margin-bottom:18px}}
.kw{{color:#576b95;font-size:14px}} footer{{color:#888;font-size:14px;margin-top:28px}}
</style></head>
<body><main>
<h1>{title}</h1>
<div class="meta">{meta}</div>
{body}
{keywords}
<footer>就业桥 · 全国就业资讯服务平台　服务热线 {hotline}{original}</footer>
</main></body></html>"""


@bp.get("/articles/<article_id>")
def show(article_id: str) -> Response:
    """The article's page; 404 with a short page when there is no such article."""
    services = get_services()
    article = services.kb.get(article_id)
    hotline = escape(services.settings.bot_hotline)
    if article is None:
        html = PAGE.format(title="没有找到这篇资讯", meta="", keywords="", original="",
                           body="<p>这篇资讯不存在或已下线。</p>", hotline=hotline)
        return Response(html, status=404, mimetype="text/html")
    meta = " · ".join(escape(x) for x in (article.published[:10], article.region,
                                          article.source, article.column) if x)
    paragraphs = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    keywords = ""
    if article.keywords:
        words = "　".join(escape(k) for k in article.keywords)
        keywords = f'<p class="kw">关键词：{words}</p>'
    original = ""
    if article.url:
        original = f'<br><a href="{escape(article.url)}">阅读原文</a>'
    html = PAGE.format(title=escape(article.title), meta=meta, body=body, keywords=keywords,
                       hotline=hotline, original=original)
    return Response(html, mimetype="text/html")
