"""Broadcasts end to end: CLI and the fake WeChat API over real HTTP, the real Redis."""

import re

from bot.services import get_services

ART = "jz-skills-2024"


def _job_id(output: str) -> str:
    return re.search(r"任务 (\S+)", output).group(1)


def _store(app):
    return get_services(app).broadcasts


def test_preview_goes_to_one_phone_as_a_draft(bc_app, fake_wechat):
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "preview", ART, "--to",
                                                   "oEditor0001"])
    assert result.exit_code == 0, result.output
    assert "预览已发出" in result.output
    upload = fake_wechat.calls_to("material/add_material")
    assert len(upload) == 1 and upload[0].query["type"] == "image"
    assert upload[0].files["media"][0] == "default_cover.png"  # the article has no cover
    draft = fake_wechat.calls_to("draft/add")[0].json["articles"][0]
    # 36 characters: cut at the break before the subtitle to fit WeChat's 32 ...
    assert draft["title"] == "郢匠逐梦新时代 强技赋能育人才…"
    # ... and given whole above the body: title, 3 paragraphs, source/date, original link
    assert draft["content"].count("<p") == 6
    assert draft["content"].startswith('<p style="font-size:18px;font-weight:bold;'
                                       'line-height:1.5;">郢匠逐梦新时代 强技赋能育人才 '
                                       "——湖北荆州全力推进职业能力建设工作</p>")
    assert "来源：中国劳动保障报" in draft["content"] and "2024-04-19" in draft["content"]
    assert "https://www.example.com/news/413c7548385390b6.html" in draft["content"]
    assert draft["content_source_url"] == "https://www.example.com/news/413c7548385390b6.html"
    preview = fake_wechat.calls_to("message/mass/preview")
    assert [c.json["touser"] for c in preview] == ["oEditor0001"]
    assert preview[0].json["mpnews"]["media_id"] in fake_wechat.drafts
    assert fake_wechat.calls_to("message/mass/sendall") == []
    assert _store(bc_app).quota_usage()["used"] == {}  # previews cost no quota


def test_send_to_all_uses_a_clientmsgid_from_the_job(bc_app, fake_wechat):
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "send", ART, "--all"])
    assert result.exit_code == 0, result.output
    job = _store(bc_app).get(_job_id(result.output))
    assert job.status == "submitted"
    (call,) = fake_wechat.calls_to("message/mass/sendall")
    assert call.json["filter"] == {"is_to_all": True}
    assert call.json["msgtype"] == "mpnews"
    assert call.json["clientmsgid"] == f"jyq-bc-{job.id}"
    assert call.content_type.startswith("application/json")
    (sent,) = fake_wechat.sent_jobs()
    assert str(sent.msg_id) == job.msg_id
    assert len(sent.recipients) == 5


def test_article_cover_is_uploaded_when_reachable(bc_app, fake_wechat):
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "send", "gd-fair-2024",
                                                   "--all"])
    assert result.exit_code == 0, result.output
    (upload,) = fake_wechat.calls_to("material/add_material")
    assert upload.files["media"][0] == "cover.png"
    content = fake_wechat.calls_to("draft/add")[0].json["articles"][0]["content"]
    assert "简历 &amp; 参加面试" in content and "简历 & 参加面试" not in content


def test_send_to_a_region_uses_only_that_regions_tag(bc_app, fake_wechat):
    tags = _store(bc_app).tags
    tags.tag_follower("oHubei00001", "湖北")
    tags.tag_follower("oHubei00002", "湖北")
    tags.retag("oGuangdong01", None, "广东")
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "send", ART, "--region", "湖北"])
    assert result.exit_code == 0, result.output
    created = {c.json["tag"]["name"] for c in fake_wechat.calls_to("tags/create")}
    assert created == {"地区-湖北", "地区-广东"}  # each created once, on first need
    hubei = tags.tag_id("湖北")
    (call,) = fake_wechat.calls_to("message/mass/sendall")
    assert call.json["filter"] == {"is_to_all": False, "tag_id": hubei}
    (sent,) = fake_wechat.sent_jobs()
    assert sent.recipients == ["oHubei00001", "oHubei00002"]


def test_bad_region_is_refused_before_wechat(bc_app, fake_wechat):
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "send", ART, "--region", "火星"])
    assert result.exit_code != 0
    assert "火星" in result.output and "不是网站的地区名" in result.output
    assert fake_wechat.calls == []


def test_subscription_quota_refuses_the_second_send_without_calling_wechat(bc_app, fake_wechat):
    runner = bc_app.test_cli_runner()
    assert runner.invoke(args=["broadcast", "send", ART, "--all"]).exit_code == 0
    calls_before = len(fake_wechat.calls)
    result = runner.invoke(args=["broadcast", "send", ART, "--region", "湖北"])
    assert result.exit_code == 1
    assert "订阅号每天只能群发 1 次" in result.output
    assert len(fake_wechat.calls) == calls_before
    assert _store(bc_app).get(_job_id(result.output)).status == "refused"


def test_service_quota_counts_per_follower_per_month(fake_wechat, app_config, bc_app):
    from bot import create_app

    app_config["wechat_account_type"] = "service"
    fake_wechat.mass_quota = None
    app = create_app(app_config)  # the articles are shared through Redis
    bc = _store(app)
    for _ in range(3):
        assert bc.request(ART, region="湖北").status == "submitted"
    assert bc.request(ART, send_all=True).status == "submitted"  # 湖北 fans now have 4
    refused = bc.request(ART, region="湖北")
    assert refused.status == "refused" and "湖北的粉丝本月" in refused.error
    refused_all = bc.request(ART, send_all=True)
    assert refused_all.status == "refused"
    assert bc.request(ART, region="广东").status == "submitted"  # 广东 fans have only 1
    assert len(fake_wechat.sent_jobs()) == 5


def test_expired_token_then_success(bc_app, fake_wechat):
    fake_wechat.fail("message/mass/sendall", 40001)
    job = _store(bc_app).request(ART, send_all=True)
    assert job.status == "submitted"
    assert [c.errcode for c in fake_wechat.calls_to("message/mass/sendall")] == [40001, 0]
    assert len(fake_wechat.token_fetches()) == 2
    assert len(fake_wechat.sent_jobs()) == 1


def test_rate_limit_is_retried_with_backoff(bc_app, fake_wechat):
    fake_wechat.fail("draft/add", 45009, times=2)
    fake_wechat.fail("message/mass/sendall", -1)
    job = _store(bc_app).request(ART, send_all=True)
    assert job.status == "submitted"
    assert [c.errcode for c in fake_wechat.calls_to("draft/add")] == [45009, 45009, 0]
    assert [c.errcode for c in fake_wechat.calls_to("message/mass/sendall")] == [-1, 0]
    assert len(fake_wechat.sent_jobs()) == 1


def test_retries_are_bounded_and_the_slot_is_given_back(bc_app, fake_wechat):
    fake_wechat.fail("draft/add", 45009, times=10)
    job = _store(bc_app).request(ART, send_all=True)
    assert job.status == "failed"
    assert "45009" in job.error and "接口调用超过" in job.error
    assert len(fake_wechat.calls_to("draft/add")) == 4  # the first try and three retries
    assert _store(bc_app).quota_usage()["used"] == {"all": 0}
    assert fake_wechat.calls_to("message/mass/sendall") == []


def test_wechat_quota_error_is_a_clear_failure(bc_app, fake_wechat):
    fake_wechat.fail("message/mass/sendall", 45028)
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "send", ART, "--all"])
    assert result.exit_code == 1
    assert "群发额度已用完" in result.output
    assert len(fake_wechat.calls_to("message/mass/sendall")) == 1  # not retried


def test_status_lists_jobs_and_quota(bc_app, fake_wechat):
    runner = bc_app.test_cli_runner()
    sent = runner.invoke(args=["broadcast", "send", ART, "--all"])
    job_id = _job_id(sent.output)
    listing = runner.invoke(args=["broadcast", "status"])
    assert job_id in listing.output and "已发：全部粉丝 1 次" in listing.output
    one = runner.invoke(args=["broadcast", "status", job_id])
    assert "微信已接受群发" in one.output
    missing = runner.invoke(args=["broadcast", "status", "nope"])
    assert missing.exit_code != 0 and "没有任务 nope" in missing.output


def test_preview_to_a_stranger_fails_with_the_reason(bc_app, fake_wechat):
    result = bc_app.test_cli_runner().invoke(args=["broadcast", "preview", ART, "--to",
                                                   "oNotAFollower"])
    assert result.exit_code == 1
    assert "40003" in result.output and "未关注" in result.output


def test_scheduling_onto_a_full_day_is_refused_and_stores_nothing(bc_app, fake_wechat):
    bc = _store(bc_app)
    first = bc.request(ART, send_all=True, send_at="2099-12-01 09:00")
    runner = bc_app.test_cli_runner()
    assert bc.run_due(now=first.due_at + 1)[0].status == "submitted"
    result = runner.invoke(args=["broadcast", "send", ART, "--region", "湖北",
                                 "--at", "2099-12-01 20:00"])
    assert result.exit_code != 0 and "2099-12-01（北京时间）的额度已用完" in result.output
    assert len(bc.recent()) == 1
    later = runner.invoke(args=["broadcast", "send", ART, "--all", "--at", "2099-12-02 08:00"])
    assert later.exit_code == 0 and "已排期" in later.output


def test_a_very_long_article_is_cut_to_fit_wechat(bc_app, fake_wechat):
    from bot.broadcasts.draft import content_html

    class Long:
        title, source, published, url = "长文", "来源", "2024-01-01", "https://example.com/a"
        body = "\n\n".join("这是一段很长的正文。" * 50 for _ in range(100))

    html = content_html(Long())
    assert len(html) < 20000
    assert "全文请见原文链接" in html and "https://example.com/a" in html


def test_clientmsgid_retried_too_fast_is_requeued_not_failed(bc_app, fake_wechat):
    fake_wechat.fail("message/mass/sendall", 45066)
    bc = _store(bc_app)
    job = bc.request(ART, send_all=True)
    assert job.status == "scheduled" and "1 分钟" in job.error
    assert job.due_at - job.created_at > 60
    assert bc.run_due() == []  # not before the minute is up
    (resumed,) = bc.run_due(now=job.due_at + 1)
    assert resumed.status == "submitted" and resumed.error == ""
    assert len(fake_wechat.calls_to("draft/add")) == 1
    assert len(fake_wechat.sent_jobs()) == 1
