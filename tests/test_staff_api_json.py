"""Malformed JSON of any depth is a 400 on the staff API, never a 500 (issue 11, finding 8)."""

import pytest

AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123",
        "Content-Type": "application/json"}
DEEP = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000


SURROGATE = ('{"article_id": "\\ud800", "preview_openid": "\\ud800x", '
             '"title": "\\ud800标题", "text": "\\udfff"}')
HUGE_INT = '{"id": "x1", "title": "t", "body": "b", "keywords": [' + "9" * 5000 + "]}"


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, "{not json", "[1, 2", SURROGATE, HUGE_INT],
                         ids=["deep-list", "deep-object", "broken", "unclosed", "surrogate",
                              "huge-int"])
@pytest.mark.parametrize("path", ["/admin/api/broadcasts", "/admin/api/articles",
                                  "/admin/api/feedback/F1/reply",
                                  "/admin/api/feedback/F1/status"])
def test_bad_or_deep_json_is_a_400_with_a_reason(client, path, body):
    resp = client.post(path, data=body, headers=AUTH)
    assert resp.status_code in (400, 404), resp.status_code
    assert resp.get_json()["error"]
