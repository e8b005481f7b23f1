"""Outside text is escaped before it goes into a reply's markup (issue 11, finding 7).

WeChat renders `<a href>` in a text reply as a live link: an article's summary or a
follower's own words must never become one.
"""

import pytest

from bot.services import get_services
from config.texts import Safe, reply
from tests.conftest import FIXTURES


@pytest.fixture
def markup_kb(app_config, app):
    kb = get_services(app).kb
    summary = kb.import_paths([FIXTURES / "hardening" / "markup_articles.jsonl"])
    assert not summary.errors
    kb.rebuild()
    return kb


def test_a_list_never_carries_an_articles_markup(markup_kb, wechat):
    content = wechat.text("o_markup01", "汉江区 培训班").reply["Content"]  # the raw markup
    assert "/articles/mk-1" in content and "/articles/mk-2" in content
    assert "&lt;a href=" in content  # the summary's tag, shown as text
    assert '<a href="http://evil' not in content and "<b>" not in content


def test_the_no_result_reply_never_echoes_markup_or_cuts_a_tag(app, wechat):
    words = '<a href="http://evil.example/x">点我领钱</a>' * 3
    content = wechat.text("o_markup02", words).reply["Content"]
    assert '<a href="http://evil' not in content
    assert "<a hr" not in content.replace('<a href="http://127.0.0.1', "")


def test_reply_escapes_values_but_not_safe_ones():
    out = reply("search_header", query='<a href="x">y</a>')
    assert "&lt;a" in out and "<a href" not in out
    nested = reply("list_header", title=Safe('<a href="/articles/1">标题</a>'), page=1, pages=2)
    assert '<a href="/articles/1">' in nested
