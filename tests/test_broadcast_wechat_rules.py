"""Broadcasts against WeChat's documented rules, through the extended fake WeChat API.

Titles (32 characters), the reprint check (send_ignore_reprint, CopyrightCheckResult), a draft
gone from the draft box (40007), the service account's daily send to everyone, 群发保护.
"""

import time
from datetime import datetime, timedelta

import pytest
from wechatpy import parse_message

from bot import create_app
from bot.broadcasts.draft import TITLE_LIMIT, fit_title
from bot.broadcasts.service import QuotaRefused
from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.platform.china_time import CHINA
from bot.services import get_services
from handlers.mass_job import check_result
from tests.conftest import fixture_text
from tests.support.live import LiveServer

ART = "jz-skills-2024"
ART_URL = "https://www.example.com/news/413c7548385390b6.html"
STAFF = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}


def _bc(app):
    return get_services(app).broadcasts


def _post_event(app, xml):
    settings = get_services(app).settings
    with LiveServer(app) as server:
        side = WeChatSide(http_transport(server.url), settings.wechat_token, "", "")
        assert side.post_xml(xml).status == 200


@pytest.mark.parametrize("title,expected", [
    ("荆州技能人才评价工作推进会召开", "荆州技能人才评价工作推进会召开"),
    ("湖北省2024年高校毕业生就业创业政策汇编：求职补贴、创业担保贷款和社保补贴一次看清",
     "湖北省2024年高校毕业生就业创业政策汇编：求职补贴…"),
    ("郢匠逐梦新时代 强技赋能育人才 ——湖北荆州全力推进职业能力建设工作",
     "郢匠逐梦新时代 强技赋能育人才…"),
    ("一二三四五六七八九十" * 4, "一二三四五六七八九十" * 3 + "一…"),  # no break: a hard cut
])
def test_titles_fit_32_characters_at_a_natural_break(title, expected):
    assert fit_title(title) == expected
    assert len(fit_title(title)) <= TITLE_LIMIT


def test_a_stopped_reprint_reaches_the_job_the_cli_and_the_staff_api(bc_app, fake_wechat):
    fake_wechat.mark_reprint(ART_URL, "http://mp.weixin.qq.com/s/original")
    job = _bc(bc_app).request(ART, send_all=True)
    assert job.status == "submitted"  # WeChat accepts; the check runs after
    (call,) = fake_wechat.calls_to("message/mass/sendall")
    assert call.json["send_ignore_reprint"] == 0  # the default: stop on a reprint
    _post_event(bc_app, fake_wechat.finish_event(job.msg_id))

    done = _bc(bc_app).get(job.id)
    assert done.status == "failed" and done.copyright_state == 3
    assert "群发被微信原创校验拦截" in done.error
    assert "http://mp.weixin.qq.com/s/original" in done.error
    assert "WECHAT_SEND_IGNORE_REPRINT=1" in done.error  # the original allows reprinting
    assert _bc(bc_app).quota_usage()["used"] == {"all": 0}  # nobody got it: slot given back
    assert fake_wechat.deliveries("oHubei00001") == 0

    shown = bc_app.test_cli_runner().invoke(args=["broadcast", "status", job.id])
    assert "原创校验：被判为转载，群发已停止" in shown.output
    api = bc_app.test_client().get(f"/admin/api/broadcasts/{job.id}", headers=STAFF).get_json()
    assert api["job"]["copyright"].startswith("原创校验：被判为转载，群发已停止")
    assert api["job"]["status_text"] == "失败"


def test_ignoring_reprints_is_a_setting(fake_wechat, app_config, bc_app):
    app_config["wechat_send_ignore_reprint"] = True
    app = create_app(app_config)
    fake_wechat.mark_reprint(ART_URL, "http://mp.weixin.qq.com/s/original")
    job = _bc(app).request(ART, send_all=True)
    (call,) = fake_wechat.calls_to("message/mass/sendall")
    assert call.json["send_ignore_reprint"] == 1
    _post_event(app, fake_wechat.finish_event(job.msg_id))
    done = _bc(app).get(job.id)
    assert done.status == "finished" and done.copyright_state == 2
    assert "已按设置继续群发" in done.copyright
    assert done.article_url.startswith("http://mp.weixin.qq.com/s/")
    assert fake_wechat.deliveries("oHubei00001") == 1


def test_the_documented_event_sample_is_read_whole(bc_app, fake_wechat):
    msg = parse_message(fixture_text("event_masssendjobfinish_reprint.xml"))
    check = check_result(msg._data)
    assert check["check_state"] == 3 and check["article_urls"] == []
    assert [i["CanReprint"] for i in check["items"]] == ["1", "0"]
    job = _bc(bc_app).request(ART, send_all=True)
    assert job.msg_id == str(msg.id)
    _post_event(bc_app, fixture_text("event_masssendjobfinish_reprint.xml"))
    done = _bc(bc_app).get(job.id)
    assert "第 2 篇与已有原创文章相同（http://mp.weixin.qq.com/s/original-two，原作者禁止转载）" \
        in done.error
    assert "请先取得原作者授权" in done.error


def test_a_draft_gone_from_the_box_is_made_again(bc_app, fake_wechat):
    fake_wechat.fail("message/mass/sendall", 40007)  # e.g. deleted in the console
    job = _bc(bc_app).request(ART, send_all=True)
    assert job.status == "submitted"
    assert [c.errcode for c in fake_wechat.calls_to("message/mass/sendall")] == [40007, 0]
    assert len(fake_wechat.calls_to("draft/add")) == 2
    assert fake_wechat.calls_to("draft/delete")  # the stale one is cleared up if still there


def test_service_account_sends_to_everyone_once_a_day(fake_wechat, app_config, bc_app):
    app_config["wechat_account_type"] = "service"
    fake_wechat.mass_quota, fake_wechat.account_type = None, "service"
    app = create_app(app_config)
    bc = _bc(app)
    assert bc.request(ART, send_all=True).status == "submitted"
    second = bc.request(ART, send_all=True)
    assert second.status == "refused" and "每天只能成功群发给全部粉丝 1 次" in second.error
    assert len(fake_wechat.calls_to("message/mass/sendall")) == 1  # refused before WeChat
    assert bc.request(ART, region="湖北").status == "submitted"  # a region send still may
    out = app.test_cli_runner().invoke(args=["broadcast", "status"]).output
    assert "今天已经发过" in out
    soon = datetime.now(CHINA) + timedelta(minutes=2)  # later today (China time)
    with pytest.raises(QuotaRefused, match="每天只能成功群发给全部粉丝"):
        bc.request(ART, send_all=True, send_at=soon.strftime("%Y-%m-%d %H:%M"))


def test_mass_protection_waits_for_the_administrator(fake_wechat, app_config, bc_app):
    app_config["wechat_mass_protection"] = True
    fake_wechat.mass_protection = True
    app = create_app(app_config)
    bc = _bc(app)
    job = bc.request(ART, send_all=True)
    assert job.status == "confirming" and job.confirm_by > time.time() + 29 * 60
    assert job.to_dict()["status_text"].startswith("等待管理员确认")
    shown = app.test_cli_runner().invoke(args=["broadcast", "status", job.id]).output
    assert "等待管理员确认" in shown and "前在微信中确认" in shown
    assert bc.check_confirming() == []  # its 30 minutes are not over
    fake_wechat.confirm(int(job.msg_id))
    _post_event(app, fake_wechat.finish_event(job.msg_id))
    assert bc.get(job.id).status == "finished"


def test_unconfirmed_send_fails_and_gives_its_slot_back(fake_wechat, app_config, bc_app):
    app_config["wechat_mass_protection"] = True
    fake_wechat.mass_protection = True
    app = create_app(app_config)
    bc = _bc(app)
    job = bc.request(ART, send_all=True)
    fake_wechat.advance(31 * 60)  # nobody confirmed; no event reached us
    (failed,) = bc.check_confirming(now=time.time() + 33 * 60)
    assert failed.id == job.id and failed.status == "failed"
    assert "30 分钟内没有确认" in failed.error
    assert bc.quota_usage()["used"] == {"all": 0}
    assert fake_wechat.deliveries("oHubei00001") == 0
