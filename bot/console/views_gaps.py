"""Questions followers asked that got no answer or a weak one (placeholder until #14)."""

from flask import render_template

from bot.console.web import bp


@bp.get("/gaps")
def gaps():
    """The gap list."""
    return render_template("console/error.html", status=503, message="问题日志尚未启用。"), 503
