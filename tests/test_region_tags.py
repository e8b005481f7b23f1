"""Region tags: created once on first need, cached, followers moved between them."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.services import get_services


def _tags(app):
    return get_services(app).region_tags


def test_no_region_tags_without_the_api(app):
    assert get_services(app).region_tags is None


def test_retag_moves_a_follower_between_region_tags(bc_app, fake_wechat):
    tags = _tags(bc_app)
    tags.retag("oHubei00001", None, "湖北")
    tags.retag("oHubei00001", "湖北", "广东")
    hubei, guangdong = tags.tag_id("湖北"), tags.tag_id("广东")
    assert fake_wechat.user_tags["oHubei00001"] == {guangdong}
    assert hubei != guangdong
    untag = fake_wechat.calls_to("tags/members/batchuntagging")
    assert [(c.json["openid_list"], c.json["tagid"]) for c in untag] == [(["oHubei00001"], hubei)]
    tags.retag("oHubei00001", "广东", None)
    assert fake_wechat.user_tags["oHubei00001"] == set()
    tags.retag("oHubei00001", None, "全国")  # everyone: no tag, no call
    assert len(fake_wechat.calls_to("tags/members/batchtagging")) == 2


def test_tag_is_created_once_even_when_asked_concurrently(bc_app, fake_wechat):
    tags = _tags(bc_app)
    fake_wechat.slow("tags/create", 0.2)
    with ThreadPoolExecutor(4) as pool:
        ids = set(pool.map(lambda _: tags.tag_id("湖北"), range(4)))
    assert len(ids) == 1
    assert len(fake_wechat.calls_to("tags/create")) == 1


def test_existing_console_tag_is_reused(bc_app, fake_wechat):
    get_services(bc_app).api.tag.create("地区-湖北")
    assert _tags(bc_app).tag_id("湖北") == 100
    assert [c.errcode for c in fake_wechat.calls_to("tags/create")] == [0, 45157]
    assert len(fake_wechat.calls_to("tags/get")) == 1


def test_tag_deleted_in_the_console_is_recreated(bc_app, fake_wechat):
    tags = _tags(bc_app)
    old = tags.tag_id("湖北")
    get_services(bc_app).api.tag.delete(old)
    tags.tag_follower("oHubei00002", "湖北")
    new = tags.tag_id("湖北")
    assert new != old
    assert fake_wechat.user_tags["oHubei00002"] == {new}
    assert get_services(bc_app).redis.ttl(tags.key) > 0  # a cache, so it expires


@pytest.mark.parametrize("region", ["全国", "火星", ""])
def test_untaggable_regions_are_refused(bc_app, fake_wechat, region):
    with pytest.raises(ValueError):
        _tags(bc_app).tag_id(region)
    assert fake_wechat.calls == []
