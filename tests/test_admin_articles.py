import json

import pytest

from tests.kb_support import record

AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}


def test_articles_api_needs_the_staff_token(client):
    assert client.get("/admin/api/articles").status_code == 401
    assert client.post("/admin/api/articles", headers={"Authorization": "Bearer x"},
                       data="{}").status_code == 403


def test_search_returns_scores_and_why(client):
    resp = client.get("/admin/api/articles", query_string={"q": "荆州技能人才"}, headers=AUTH)
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["region"] == "湖北" and data["confident"] is True
    top = data["articles"][0]
    assert top["id"] == "413c7548385390b6"
    assert top["score"] > 0 and any("命中" in w for w in top["why"])
    assert "body" not in top and len(top["summary"]) <= 120


def test_listing_without_query_is_newest_first_per_region(client):
    resp = client.get("/admin/api/articles", query_string={"region": "湖北", "limit": 3},
                      headers=AUTH)
    articles = resp.get_json()["articles"]
    assert 1 <= len(articles) <= 3 and {a["region"] for a in articles} == {"湖北"}
    dates = [a["published"] for a in articles]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query,field", [({"limit": "many"}, "limit"), ({"limit": 0}, "limit"),
                                         ({"region": "火星"}, "region")])
def test_bad_parameters_get_400(client, query, field):
    resp = client.get("/admin/api/articles", query_string=query, headers=AUTH)
    assert resp.status_code == 400 and resp.get_json()["field"] == field


def test_post_object_list_and_jsonl(client, app):
    kb = app.extensions["jyq"].kb
    one = client.post("/admin/api/articles", headers=AUTH, json=record(1))
    assert one.status_code == 200 and one.get_json()["added"] == 1
    many = client.post("/admin/api/articles", headers=AUTH, json=[record(1), record(2)])
    assert many.get_json()["unchanged"] == 1 and many.get_json()["added"] == 1
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in (record(3), record(4)))
    jsonl = client.post("/admin/api/articles", headers=AUTH, data=lines.encode(),
                        content_type="application/x-ndjson")
    assert jsonl.get_json()["added"] == 2
    assert kb.get("t-4") is not None
    found = client.get("/admin/api/articles", query_string={"q": "测试文章4"}, headers=AUTH)
    assert found.get_json()["articles"][0]["id"] == "t-4"


def test_post_reports_each_bad_record_and_keeps_the_good(client, app):
    body = [record(5), record(6, published="昨天"), {"title": "无正文"}]
    resp = client.post("/admin/api/articles", headers=AUTH, json=body)
    data = resp.get_json()
    assert resp.status_code == 200 and data["added"] == 1 and data["failed"] == 2
    assert [(e["line"], e["field"]) for e in data["errors"]] == [(2, "published"), (3, "id")]


@pytest.mark.parametrize("payload", [b"", b"not json", b"\xff\xfe", b"[1, 2]",
                                     json.dumps({"title": ""}).encode()])
def test_post_with_nothing_valid_is_400_and_changes_nothing(client, app, payload):
    kb = app.extensions["jyq"].kb
    before = kb.store.version()
    resp = client.post("/admin/api/articles", headers=AUTH, data=payload,
                       content_type="application/json")
    assert resp.status_code == 400 and resp.get_json()["error"]
    assert kb.store.version() == before
