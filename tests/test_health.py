def test_healthz_reports_store_and_articles(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["status"] == "ok"
    assert body["store"]["ok"] is True
    assert isinstance(body["articles"], int)
