"""`make screenshots`: every console page at phone and desktop width, into docs/screenshots/.

Runs the real app on a throw-away Redis and the fake WeChat API, fills it with the bundled
sample articles, a few followers, questions and feedback sent through the webhook, then
photographs each page in Debian's Chromium. Usage: python -m tests.console_screenshots DIR
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bot import create_app
from bot.faq import load_starter
from bot.services import get_services
from knowledge.base import BUNDLED_DIR
from tests.console_support import BOSS, BOSS_PW, FIXTURES, Console, add_staff, login
from tests.fakes.wechat_api import FakeWeChatAPI
from tests.support.browser import launch
from tests.support.live import LiveServer
from tests.support.redis_server import RedisServer

WIDTHS = {"phone": (390, 844), "desktop": (1280, 860)}
FOLLOWERS = {"oDemoHubei001": "湖北", "oDemoHubei002": "湖北", "oDemoGd00001": "广东",
             "oDemoZj00001": "浙江", "oDemoSc00001": "四川", "oDemoPreview": None}
QUESTIONS = ["湖北有什么培训补贴", "热线电话", "荆州技能人才", "广东招聘会", "高校毕业生就业",
             "灵活就业社保补贴怎么领", "外卖骑手职业伤害保障", "湖北有什么培训补贴",
             "考焊工证去哪里报名", "考焊工证去哪里报名？", "电工证怎么考", "考焊工证去哪里报名",
             "技能大师工作室的补助标准", "火星上有招聘会吗"]
FEEDBACK = {"oDemoHubei001": "希望多推送荆州的技能培训信息，谢谢！",
            "oDemoGd00001": "招聘会的具体时间能不能提前一周公布？"}


def _fill(console: Console) -> None:
    """Sample articles, followers with regions, questions, feedback and a past month."""
    services = get_services(console.app)
    services.kb.import_paths([BUNDLED_DIR])
    services.kb.rebuild()
    load_starter(services.faq)  # the bundled starter service answers
    services.kb.editorial.add_synonym("打散工", ["零工"])
    services.kb.editorial.pin("外卖骑手受伤了谁来赔", "cn-occupational-injury-2025-07")
    for openid, region in FOLLOWERS.items():
        console.fake.add_follower(openid)
        if region:
            services.followers.subscribe_region(openid, region)
    services.followers.wait()
    wechat = console.wechat()
    for n, question in enumerate(QUESTIONS):
        wechat.text(list(FOLLOWERS)[n % 5], question)
    for openid, words in FEEDBACK.items():
        wechat.text(openid, "留言")
        wechat.text(openid, words)
    traffic = services.extra["traffic"]
    now = time.time()
    for day in range(1, 30):  # an illustrative month of traffic for the chart
        for _ in range(20 + (day * 37) % 45):
            traffic.count("message", now=now - day * 86400)
    state = console.state
    state.accounts.add("editor1", "editor", "editor-password-1")
    state.accounts.set_preview_openid(BOSS, "oDemoPreview")
    first = services.kb.latest(limit=1)[0].id
    services.extra["broadcasts"].request(first, preview_openid="oDemoPreview")
    state.audit.record(BOSS, "预览群发", f"预览 {first} → oDemoPreview：已预览")


def _pages(console: Console) -> dict[str, str]:
    services = get_services(console.app)
    ticket = services.feedback.get(1).ticket
    newest = services.kb.latest(limit=1)[0].id
    return {
        "dashboard": "/admin/", "feedback": "/admin/feedback",
        "feedback-ticket": f"/admin/feedback/{ticket}",
        "articles": "/admin/articles?q=湖北培训补贴", "article": f"/admin/articles/{newest}",
        "broadcasts": f"/admin/broadcasts?q=招聘会&article_id={newest}",
        "gaps": "/admin/gaps", "faq": "/admin/faq?try=老板拖欠工资不给怎么办",
        "staff": "/admin/staff", "audit": "/admin/audit", "me": "/admin/me",
    }


def shoot(out: Path) -> list[Path]:
    """Write the screenshots; returns their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = RedisServer(Path(tmp) / "redis").start()
        fake = FakeWeChatAPI().start()
        try:
            app = create_app({
                "redis_url": redis_server.url, "bot_data_dir": str(Path(tmp) / "var"),
                "wechat_token": "screenshots", "admin_token": "s" * 32, "ENVIRON": {},
                "wechat_api_base": fake.url, "wechat_app_id": fake.appid,
                "wechat_app_secret": fake.secret, "extra": {"kb_bundled": False}})
            add_staff(app, BOSS, "admin", BOSS_PW)
            with LiveServer(app) as server, sync_playwright() as playwright:
                console = Console(app, server.url, fake)
                _fill(console)
                browser = launch(playwright)
                for width_name, (width, height) in WIDTHS.items():
                    context = browser.new_context(base_url=server.url, locale="zh-CN",
                                                  viewport={"width": width, "height": height})
                    page = context.new_page()
                    page.goto("/admin/login")
                    written.append(_snap(page, out / f"login-{width_name}.png"))
                    login(page, BOSS, BOSS_PW)
                    page.wait_for_url("**/admin/")
                    for name, path in _pages(console).items():
                        page.goto(path)
                        written.append(_snap(page, out / f"{name}-{width_name}.png"))
                    page.goto("/admin/articles")
                    page.set_input_files("input[name=file]", [FIXTURES / "upload_one_bad.jsonl"])
                    page.click("button:has-text('导入')")
                    written.append(_snap(page, out / f"import-{width_name}.png"))
                    context.close()
                browser.close()
        finally:
            fake.stop()
            redis_server.stop()
    return written


def _snap(page, path: Path) -> Path:
    page.screenshot(path=str(path), full_page=True)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for shot in shoot(target):
        print(shot)
