"""The staff console in a real Chromium, against the app over HTTP and the fake WeChat API."""

from __future__ import annotations

import re

import pytest

from tests.conftest import fixture_text
from tests.console_support import (
    BOSS,
    BOSS_PW,
    EDITOR,
    EDITOR_PW,
    FIXTURES,
    Console,
    add_staff,
    light_config,
    login,
)
from tests.support.live import LiveServer

FOLLOWER = "oHubei00001"  # known to the fake, messaged within 48 hours
SILENT_FOLLOWER = "oQuiet000001"  # known to the fake, silent for longer than 48 hours

@pytest.fixture
def app_config(app_config):
    return light_config(app_config)


@pytest.fixture
def console(bc_app, fake_wechat):
    add_staff(bc_app, BOSS, "admin", BOSS_PW)
    add_staff(bc_app, EDITOR, "editor", EDITOR_PW)
    with LiveServer(bc_app) as server:
        yield Console(bc_app, server.url, fake_wechat)


@pytest.fixture
def page(browser, console):
    context = browser.new_context(base_url=console.url, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_login_lands_on_the_dashboard_and_logout_ends_the_session(page, console):
    page.goto("/admin/feedback")
    assert "/admin/login" in page.url
    login(page, BOSS, BOSS_PW, goto=False)
    page.wait_for_url("**/admin/feedback")
    [cookie] = [c for c in page.context.cookies() if c["name"] == "jyq_console"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and not cookie["secure"]
    page.goto("/admin/")
    assert page.locator("h1").inner_text() == "概览"
    assert page.locator("svg[aria-label=每日消息数] rect.bar").count() == 30
    page.click("text=退出")
    page.wait_for_url("**/admin/login")
    page.goto("/admin/")
    assert "/admin/login" in page.url


def test_wrong_password_then_lockout_refuses_even_the_right_one(page, console):
    login(page, BOSS, "not-the-password")
    assert "用户名或密码不正确" in page.locator(".flash.error").inner_text()
    for _ in range(4):
        login(page, BOSS, "still-wrong")
    assert "已暂时锁定" in page.locator(".flash.error").inner_text()
    login(page, BOSS, BOSS_PW)
    refusal = page.locator(".flash.error").inner_text()
    assert "已暂时锁定" in refusal and re.search(r"请 1[45] 分钟后再试", refusal)
    assert "/admin/login" in page.url
    # The editor's account is not affected by the lock on another username.
    login(page, EDITOR, EDITOR_PW)
    page.wait_for_url("**/admin/")


def test_a_post_without_a_valid_csrf_token_is_refused_and_changes_nothing(page, console):
    login(page, BOSS, BOSS_PW)
    page.goto("/admin/staff")
    form = page.locator("form:has(input[name=action][value=add])")
    form.locator("input[name=username]").fill("mallory")
    form.locator("input[name=password]").fill("mallory-password")
    form.locator("input[name=csrf_token]").evaluate("el => el.value = 'forged-token'")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[type=submit]").click()
    assert posted.value.status == 400
    assert "CSRF" in page.locator(".flash.error").inner_text()
    assert console.state.accounts.get("mallory") is None


def test_an_editor_is_refused_the_staff_and_audit_pages(page, console):
    login(page, EDITOR, EDITOR_PW)
    page.wait_for_url("**/admin/")
    assert page.locator("nav a", has_text="员工").count() == 0
    for path in ("/admin/staff", "/admin/audit"):
        response = page.goto(path)
        assert response.status == 403
        assert "只有管理员" in page.locator(".flash.error").inner_text()


def test_feedback_reply_round_trip_and_a_45015_in_chinese(page, console):
    wechat = console.wechat()
    console.fake.add_follower(SILENT_FOLLOWER, interacted=False)
    for openid, words in ((FOLLOWER, "希望多推送<b>荆州</b>的培训信息"),
                          (SILENT_FOLLOWER, "招聘会的时间能提前公布吗")):
        wechat.text(openid, "留言")
        assert "FK-" in wechat.text(openid, words).text
    login(page, BOSS, BOSS_PW)
    page.goto("/admin/feedback")
    assert "2 条待处理" in page.locator("h1").inner_text()
    page.click("a:has-text('希望多推送')")
    assert page.locator(".bubble").first.inner_text() == "希望多推送<b>荆州</b>的培训信息"
    page.fill("textarea[name=text]", "您好，荆州的培训信息已经更新，发送“荆州培训”即可查看。")
    page.click("text=发送回复")
    assert "已通过微信客服消息发送" in page.locator(".flash[role=status]").inner_text()
    sent = console.fake.custom_messages[-1]
    assert sent["touser"] == FOLLOWER and "荆州培训" in sent["text"]["content"]
    assert page.locator("table tbody tr td", has_text=BOSS).count() == 1
    assert "已回复" in page.locator("h1 .badge").inner_text()

    page.goto("/admin/feedback?status=new")
    page.click("a:has-text('招聘会的时间')")
    page.fill("textarea[name=text]", "您好，招聘会时间会提前一周公布。")
    page.click("text=发送回复")
    refusal = page.locator(".flash.error").inner_text()
    assert "48 小时" in refusal and "45015" in refusal and "工单状态不变" in refusal
    assert "待处理" in page.locator("h1 .badge").inner_text()
    assert page.locator("textarea[name=text]").input_value().startswith("您好，招聘会")
    page.click("text=标记为已办结")
    assert "已办结" in page.locator("h1 .badge").inner_text()
    page.click("text=重新打开")
    assert "待处理" in page.locator("h1 .badge").inner_text()


def test_upload_imports_the_good_records_and_names_the_bad_one(page, console):
    login(page, EDITOR, EDITOR_PW)
    page.goto("/admin/articles")
    page.set_input_files("input[name=file]", [FIXTURES / "upload_good.jsonl",
                                              FIXTURES / "upload_one_bad.jsonl"])
    page.click("button:has-text('导入')")
    summary = page.locator("#import-summary").inner_text()
    assert summary.startswith("新增 3 篇，更新 0 篇，未变 0 篇，失败 1 条；索引版本")
    assert page.locator("#import-errors li").all_inner_texts() == [
        "错误 upload_one_bad.jsonl:2: 字段 title: 不能为空"]
    page.goto("/admin/articles?region=浙江")
    assert page.locator("text=春风行动专场招聘会 <3月> 举办").count() == 1
    page.goto("/admin/articles?q=湖北技能提升补贴怎么申领")
    first = page.locator("table tbody tr").first
    assert "湖北省2026年职业技能提升补贴申领指南" in first.inner_text()
    assert first.locator(".why").inner_text().strip()
    first.locator("a").click()
    assert page.locator(".newscard .t").inner_text() == "湖北省2026年职业技能提升补贴申领指南"
    assert "/articles/up-hb-train-2026" in page.locator(".chat .bubble a").get_attribute("href")


def test_broadcast_preview_reaches_the_staff_members_own_wechat(page, console):
    login(page, BOSS, BOSS_PW)
    page.goto("/admin/me")
    page.fill("input[name=preview_openid]", "oEditor0001")
    page.click("text=保存")
    assert "已保存" in page.locator(".flash[role=status]").inner_text()
    page.goto("/admin/broadcasts")
    assert page.locator("#quota-left").inner_text() == "1"
    page.fill("input[name=q]", "荆州技能人才")
    page.click("button:has-text('搜索')")
    page.locator("ul li a").first.click()
    assert "已选" in page.locator("#chosen").inner_text()
    page.click("text=预览到我的微信")
    assert "预览已发到你的微信" in page.locator(".flash[role=status]").inner_text()
    [preview] = [j for j in console.fake.jobs.values() if j.preview]
    assert preview.recipients == ["oEditor0001"]
    assert "已预览" in page.locator("#jobs").inner_text()
    audit = console.state.audit.page(0, 5)
    assert audit[0].who == BOSS and audit[0].action == "预览群发"


def test_the_job_list_refreshes_itself_until_wechat_reports_the_figures(page, console):
    login(page, EDITOR, EDITOR_PW)
    page.goto("/admin/broadcasts?article_id=jz-skills-2024")
    page.check("input[name=audience][value=all]")
    page.check("input[name=confirm]")
    page.click("button[value=send]")
    jobs = page.locator("#jobs")
    assert "已提交微信" in jobs.inner_text()
    assert page.locator("#quota-left").inner_text() == "0"
    delivery = console.wechat().post_xml(fixture_text("event_masssendjobfinish.xml"))
    assert delivery.status == 200
    # No reload: the page's script swaps the table in while a job is open.
    page.wait_for_selector("#jobs[data-live='0']", timeout=15000)
    row = page.locator("#jobs tbody tr").first
    assert "已完成" in row.inner_text() and "2 / 3" in row.inner_text()


UNANSWERED = "考焊工证去哪里报名"


def test_a_question_nobody_answered_is_pinned_and_then_answered(page, console):
    wechat = console.wechat()
    for _ in range(2):
        first = wechat.text(FOLLOWER, UNANSWERED)
    assert "郢匠逐梦新时代" not in first.text  # (the no-answer wording is the words work's)
    login(page, EDITOR, EDITOR_PW)
    page.goto("/admin/gaps")
    row = page.locator("#gaps tbody tr", has_text=UNANSWERED)
    assert row.locator("td.num").first.inner_text() == "2"
    row.locator("a:has-text('找文章')").click()
    page.fill("input[name=q]", "荆州技能人才")
    page.click("button:has-text('搜索')")
    candidate = page.locator("#candidates tbody tr", has_text="郢匠逐梦新时代")
    candidate.locator("button:has-text('指定为答案')").click()
    assert "已指定" in page.locator(".flash[role=status]").inner_text()
    assert page.locator("#gaps tbody tr", has_text=UNANSWERED).count() == 0
    answer = wechat.text(FOLLOWER, UNANSWERED)
    assert "郢匠逐梦新时代" in answer.text
