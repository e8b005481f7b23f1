"""Service answers (placeholder until #13)."""

from flask import render_template

from bot.console.web import bp


@bp.get("/faq")
def faq():
    """The FAQ list."""
    return render_template("console/error.html", status=503, message="服务问答尚未启用。"), 503
