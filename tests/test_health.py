def test_healthz_reports_store_and_articles(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["status"] == "ok"
    assert body["store"]["ok"] is True
    assert body["articles"] >= 20  # the bundled sample articles


def test_healthz_counts_what_the_store_holds(app_config):
    from bot import create_app
    from bot.services import get_services
    from knowledge import Article
    from tests.kb_support import record

    app = create_app(app_config)  # create_app never fills the store
    client = app.test_client()
    assert client.get("/healthz").get_json()["articles"] == 0
    get_services(app).kb.upsert([Article.from_dict(record(n)) for n in (1, 2, 3)])
    assert client.get("/healthz").get_json()["articles"] == 3


def test_healthz_is_503_while_the_store_is_down(app_config, tmp_path):
    from bot import create_app
    from tests.support.redis_server import RedisServer

    own = RedisServer(tmp_path / "own-redis").start()
    app = create_app({**app_config, "redis_url": own.url})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    own.stop()
    resp = client.get("/healthz")
    assert resp.status_code == 503
    body = resp.get_json()
    assert body["status"] == "degraded" and body["store"]["ok"] is False
