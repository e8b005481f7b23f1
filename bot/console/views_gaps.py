"""Gaps: what followers asked that got no answer or a weak one (the question log), grouped;
from a row an editor searches articles, pins one to the question, adds a synonym, or
dismisses the row. Pins and synonyms reach every worker within a second, without a restart.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from bot.console.web import audit, bp, safe_path
from bot.services import get_services

LIMIT = 100
KIND_NAMES = {"none": "无答案", "not_found": "无答案", "list": "弱（列表）"}


def _day(text: str):
    from bot.conversation.questions import parse_day

    return parse_day(text)


def _services():
    services = get_services()
    if services.questions is None or getattr(services.kb, "editorial", None) is None:
        abort(404)
    return services


@bp.get("/gaps")
def gaps():
    """The grouped gap list, most asked first; `since` narrows it to recent days."""
    services = _services()
    since, problem = request.args.get("since", ""), ""
    try:
        day = _day(since) if since else None
    except ValueError as exc:
        day, problem = None, str(exc)
    rows = services.questions.gaps(since=day, limit=LIMIT)
    editorial = services.kb.editorial
    pins = editorial.pins()
    titles = {a.id: a.title for a in services.kb.get_many(sorted(set(pins.values())))}
    return render_template("console/gaps.html", rows=rows, since=since, problem=problem,
                           kinds=KIND_NAMES, pins=pins, titles=titles,
                           synonyms=editorial.synonym_lines())


@bp.get("/gaps/question")
def gap_question():
    """One question: search articles for it (the query may be reworded) and act on it."""
    services = _services()
    question = (request.args.get("question") or "").strip()[:200]
    if not question:
        return redirect(url_for("console.gaps"))
    query = (request.args.get("q") or question).strip()[:200]
    result = services.kb.search(query, limit=8)
    pinned = services.kb.editorial.pinned(question)
    return render_template("console/gap_question.html", question=question, query=query,
                           result=result, pinned=pinned)


@bp.post("/gaps/pin")
def gap_pin():
    """Pin an article to the question; it answers with it from now on and leaves the list."""
    services = _services()
    question, article_id = request.form.get("question", ""), request.form.get("article_id", "")
    article = services.kb.get(article_id) if article_id else None
    if article is None:
        abort(400, f"知识库里没有文章 {article_id}")
    try:
        key = services.kb.editorial.pin(question, article_id)
    except ValueError as exc:
        abort(400, str(exc))
    services.questions.dismiss(key)
    audit("指定答案", f"“{question}” → {article_id} {article.title}")
    flash(f"已指定：粉丝再问“{question}”时，回复《{article.title}》。")
    return redirect(url_for("console.gaps"))


@bp.post("/gaps/unpin")
def gap_unpin():
    """Forget a pinned answer; the question is searched like any other again."""
    question = request.form.get("question", "")
    if _services().kb.editorial.unpin(question):
        audit("取消指定答案", question)
        flash(f"已取消“{question}”的指定答案。")
    return redirect(url_for("console.gaps"))


@bp.post("/gaps/synonym")
def gap_synonym():
    """`word` also means the words in `meanings` (separated by spaces)."""
    editorial = _services().kb.editorial
    word, meanings = request.form.get("word", ""), request.form.get("meanings", "").split()
    try:
        line = editorial.add_synonym(word, meanings)
    except ValueError as exc:
        flash(str(exc), "error")
        return redirect(safe_path(request.form.get("back") or url_for("console.gaps")))
    audit("添加同义词", f"{word} → {' '.join(line)}")
    flash(f"已保存同义词：{word} → {' '.join(line)}（一秒内生效）")
    return redirect(safe_path(request.form.get("back") or url_for("console.gaps")))


@bp.post("/gaps/synonym/delete")
def gap_synonym_delete():
    """Remove an editor's synonym line."""
    word = request.form.get("word", "")
    try:
        gone = _services().kb.editorial.delete_synonym(word)
    except ValueError as exc:
        abort(400, str(exc))
    if gone:
        audit("删除同义词", word)
        flash(f"已删除“{word}”的同义词。")
    return redirect(url_for("console.gaps"))


@bp.post("/gaps/dismiss")
def gap_dismiss():
    """Take the question off the list (it comes back if followers ask it again)."""
    question = request.form.get("question", "")
    try:
        _services().questions.dismiss(question)
    except ValueError as exc:
        abort(400, str(exc))
    audit("忽略未答问题", question)
    flash(f"已忽略“{question}”，再有粉丝问到时会重新出现。")
    return redirect(url_for("console.gaps"))
