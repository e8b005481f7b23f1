"""Articles: search ranked as the bot ranks (with why), region filter, the follower's view,
upload import and delete with confirmation."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from bot.articles.cli import error_lines, summary_line
from bot.console.upload import UploadError, import_uploads
from bot.console.web import audit, bp, page_number
from bot.services import get_services
from bot.wechat.render import absolute
from handlers.listing import article_card, article_list
from knowledge.regions import REGIONS

PER_PAGE = 20
RESULTS = 10


def _region() -> str | None:
    region = request.args.get("region") or None
    return region if region in REGIONS else None


@bp.get("/articles")
def articles():
    """Search (`q`) with scores and why, or the newest articles; optionally one region."""
    kb = get_services().kb
    query = (request.args.get("q") or "").strip()[:200]
    region = _region()
    page = page_number()
    result, latest = None, []
    if query:
        result = kb.search(query, region=region, limit=RESULTS)
    else:
        latest = kb.latest(region, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    total = kb.store.region_counts([region]).get(region, 0) if region else kb.count()
    return render_template("console/articles.html", query=query, region=region, result=result,
                           latest=latest, regions=REGIONS, total=total, page=page,
                           pages=max(1, (total + PER_PAGE - 1) // PER_PAGE), args=request.args)


@bp.post("/articles/upload")
def articles_upload():
    """Import the uploaded files; per-record errors and the summary, as `kb import` prints."""
    kb = get_services().kb
    try:
        result = import_uploads(kb, request.files.getlist("file"))
    except UploadError as exc:
        flash(str(exc), "error")
        return redirect(url_for("console.articles"))
    summary = result.summary
    line = summary_line(summary, kb.store.version())
    audit("导入文章", f"{'、'.join(result.names)}：{line}")
    status = 200 if summary.stored or summary.unchanged or not summary.errors else 400
    return render_template("console/import_result.html", summary=summary, line=line,
                           errors=error_lines(summary), names=result.names), status


@bp.get("/articles/<article_id>")
def article(article_id: str):
    """The article as a follower receives it: the news card and the text-list item."""
    services = get_services()
    found = services.kb.get(article_id)
    if found is None:
        abort(404)
    summary = services.kb.summary_of(found)
    card = article_card(found, summary).items[0]
    listing = article_list([found], summaries=[summary]).content
    base = services.settings.bot_public_url or request.host_url
    return render_template("console/article.html", a=found, summary=summary, card=card,
                           card_url=absolute(card.url, base), listing=listing, base=base)


@bp.route("/articles/<article_id>/delete", methods=["GET", "POST"])
def article_delete(article_id: str):
    """GET asks for confirmation; POST deletes."""
    kb = get_services().kb
    found = kb.get(article_id)
    if found is None:
        abort(404)
    if request.method == "GET":
        return render_template("console/article_delete.html", a=found)
    kb.delete([article_id])
    audit("删除文章", f"{article_id} {found.title}")
    flash(f"已删除文章：{found.title}")
    return redirect(url_for("console.articles"))
