"""`check` has no side effects: asking every handler changes neither the session nor a service.

The dispatcher asks handlers in order and only the first match's `handle` may act, so a
`check` that wrote anything would act for messages another handler answers.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

from handlers.registry import build_registry
from handlers.session import Session
from tests.kb_support import make_kb
from tests.support.messages import context, message

TEXTS = ["你好", "热线电话", "取消", "留言", "建议：多发湖北的招聘会", "1", "更多",
         "第二条", "订阅湖北", "退订", "最新", "湖北新闻", "荆州有啥新消息", "详细点",
         "那湖北呢", "失业金怎么领", "链接打不开", "谢谢", "你是机器人吗", "荆州技能人才",
         "明天天气怎么样", "？？？"]
OTHERS = ["event_click", "event_location", "event_masssendjobfinish", "event_scan",
          "event_subscribe", "event_subscribe_scene", "event_unsubscribe", "event_view", "file",
          "image", "link", "location", "shortvideo", "video", "voice", "voice_unrecognized"]


class Recorder:
    """A stand-in for every service: reads answer nothing, and any other call is recorded."""

    READS = {"region_of", "located_region", "get", "get_many", "latest", "search",
             "summary_of", "list", "match", "version"}

    def __init__(self, kb=None) -> None:
        self.kb = kb
        self.calls: list[str] = []

    def __getattr__(self, name):
        if name in self.READS:
            target = getattr(self.kb, name, None) if self.kb is not None else None
            return target or (lambda *a, **k: None)

        def record(*args, **kwargs):
            self.calls.append(name)

        return record


def _session() -> Session:
    session = Session({"last": {"kind": "search", "query": "招聘会", "ids": ["413c7548385390b6"],
                                "page": 0, "page_size": 5}, "located": "湖北"})
    session.enter_mode("feedback", datetime.now().astimezone() - timedelta(minutes=1), 10)
    session.offer({"kind": "feedback", "text": "链接打不开"})
    session.changed = False
    return session


def test_no_check_changes_anything(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path, bundled=True)
    messages = [message("text", Content=t) for t in TEXTS] + [message(o) for o in OTHERS]
    changed = []
    for msg in messages:
        services = Recorder(kb)
        session = _session()
        before = copy.deepcopy(session.data)
        ctx = context(msg, session, kb=kb, followers=services, feedback=services,
                      broadcasts=services, privacy=services)
        for handler in build_registry():
            handler.check(msg, ctx)
            if session.data != before or session.changed or services.calls:
                changed.append((handler.name, msg.type, getattr(msg, "content", ""),
                                services.calls))
                break
    assert changed == []
