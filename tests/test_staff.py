import pytest
from flask import jsonify

from bot import create_app
from bot.platform.staff import staff_blueprint


def _app_with_probe(config):
    app = create_app(config)
    bp = staff_blueprint("probe", __name__)

    @bp.get("/probe")
    def probe():
        return jsonify(ok=True)

    app.register_blueprint(bp)
    return app


@pytest.mark.parametrize(
    "header,status",
    [(None, 401), ("Basic abc", 401), ("Bearer ", 401), ("Bearer wrong", 403),
     ("Bearer staff-secret-for-the-tests-0123", 200)],
)
def test_staff_routes_need_the_bearer_token(app_config, header, status):
    client = _app_with_probe(app_config).test_client()
    headers = {"Authorization": header} if header else {}
    resp = client.get("/admin/api/probe", headers=headers)
    assert resp.status_code == status
    if status != 200:
        assert resp.get_json()["error"]


def test_without_admin_token_everything_is_refused(app_config):
    app_config["admin_token"] = ""
    client = _app_with_probe(app_config).test_client()
    resp = client.get("/admin/api/probe", headers={"Authorization": "Bearer anything"})
    assert resp.status_code == 403
