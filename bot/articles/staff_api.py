"""Staff API for articles: search and list them, and add or update them in bulk."""

from __future__ import annotations

from flask import jsonify, request

from bot.platform.staff import error, staff_blueprint
from bot.services import get_services
from knowledge.importers import read_json_text
from knowledge.regions import REGIONS

bp = staff_blueprint("admin_articles", __name__)

MAX_LIMIT = 50


def _brief(article, kb) -> dict:
    data = article.to_dict()
    data.pop("body")
    data["summary"] = kb.summary_of(article)
    return data


@bp.get("/articles")
def list_articles():
    """`?q=` ranks articles like the bot does (with scores and why); without it, newest."""
    kb = get_services().kb
    region = request.args.get("region") or None
    if region is not None and region not in REGIONS:
        return error(400, f"地区“{region}”不存在", field="region")
    try:
        limit = int(request.args.get("limit", "10"))
    except ValueError:
        return error(400, "limit 必须是整数", field="limit")
    if not 1 <= limit <= MAX_LIMIT:
        return error(400, f"limit 必须在 1 到 {MAX_LIMIT} 之间", field="limit")
    query = (request.args.get("q") or "").strip()
    if not query:
        articles = kb.latest(region, limit=limit)
        return jsonify(total=kb.count(), articles=[_brief(a, kb) for a in articles])
    result = kb.search(query, region=region, limit=limit)
    return jsonify(
        query=query, region=result.region, confident=result.confident,
        terms=result.terms, corrections=result.corrections,
        articles=[{**_brief(h.article, kb), "score": h.score, "why": h.why}
                  for h in result.hits],
    )


@bp.post("/articles")
def post_articles():
    """A JSON object, a JSON list or JSON Lines; per-record errors, 400 when none is valid."""
    kb = get_services().kb
    raw = request.get_data(cache=False)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return error(400, "请求体不是 UTF-8 编码")
    if not text.strip():
        return error(400, "请求体为空：请发送 JSON 对象、JSON 数组或 JSON Lines")
    good, errors = [], []
    for article, problem in read_json_text(text, "body"):
        if problem is not None:
            errors.append(problem)
        elif article is not None:
            good.append(article)
    summary = kb.upsert(good) if good else None
    payload = summary.to_dict() if summary else {"added": 0, "updated": 0, "unchanged": 0}
    payload["failed"] = len(errors)
    payload["errors"] = [{"line": e.line, "field": e.field, "message": e.message}
                         for e in errors]
    if not good:
        return jsonify(error="没有一条有效的文章记录", **payload), 400
    return jsonify(payload), 200
