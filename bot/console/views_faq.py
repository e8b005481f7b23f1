"""Service answers (FAQ): list, try, add, edit and delete the entries followers' questions
match (the conversation work's `services.faq`); every change applies to all workers at once."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from bot.console.web import audit, bp
from bot.services import get_services

LIST_FIELDS = ("similar", "words", "articles")  # one item a line in the form
TEXT_FIELDS = ("id", "question", "answer", "confirm", "more")


def _store():
    store = getattr(get_services(), "faq", None)
    if store is None:
        abort(404)
    return store


def _from_form(form) -> dict:
    data = {name: form.get(name, "") for name in TEXT_FIELDS}
    for name in LIST_FIELDS:
        data[name] = [line.strip() for line in form.get(name, "").splitlines() if line.strip()]
    raw = (form.get("priority") or "0").strip()
    data["priority"] = int(raw) if raw.lstrip("-").isdigit() else raw
    data["asks_place"] = form.get("asks_place") == "1"
    return data


@bp.get("/faq")
def faq():
    """Every entry, and a box to try which one a follower's words would match."""
    store = _store()
    trial = (request.args.get("try") or "").strip()[:200]
    matches = store.match(trial) if trial else []
    return render_template("console/faq.html", entries=store.list(), trial=trial,
                           matches=matches)


@bp.route("/faq/new", methods=["GET", "POST"])
@bp.route("/faq/<entry_id>/edit", methods=["GET", "POST"])
def faq_edit(entry_id: str | None = None):
    """The entry form: GET shows it, POST validates and saves (nothing saved when bad)."""
    from knowledge.faq import FaqEntry, FaqError

    store = _store()
    existing = store.get(entry_id) if entry_id else None
    if entry_id and existing is None:
        abort(404)
    if request.method == "GET":
        return render_template("console/faq_edit.html", entry=existing.to_dict() if existing
                               else None, error="", editing=entry_id)
    data = _from_form(request.form)
    if entry_id:
        data["id"] = entry_id  # the id names the entry; editing never renames it
    try:
        entry = FaqEntry.from_dict(data)
        if not entry_id and store.get(entry.id) is not None:
            raise FaqError("id", f"{entry.id} 已存在，请换一个 id 或编辑原条目")
    except FaqError as exc:
        return render_template("console/faq_edit.html", entry=data, error=f"字段 {exc}",
                               editing=entry_id), 400
    store.add(entry)
    audit("修改服务问答" if entry_id else "添加服务问答", f"{entry.id}：{entry.question}")
    flash(f"已保存 {entry.id}：{entry.question}")
    return redirect(url_for("console.faq"))


@bp.route("/faq/<entry_id>/delete", methods=["GET", "POST"])
def faq_delete(entry_id: str):
    """GET asks for confirmation; POST deletes."""
    store = _store()
    entry = store.get(entry_id)
    if entry is None:
        abort(404)
    if request.method == "GET":
        return render_template("console/faq_delete.html", entry=entry)
    store.delete(entry_id)
    audit("删除服务问答", f"{entry_id}：{entry.question}")
    flash(f"已删除 {entry_id}：{entry.question}")
    return redirect(url_for("console.faq"))
