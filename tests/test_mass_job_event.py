"""MASSSENDJOBFINISH closes the broadcast job (the parsed fixture event through the handler)."""

from wechatpy import parse_message

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services
from handlers.context import Context, Session
from handlers.registry import build_registry
from handlers.replies import SILENT
from tests.conftest import fixture_text
from tests.support.live import LiveServer


def _dispatch(app, xml_name):
    """Ask the registry in order, as the dispatcher does, with the app's broadcasts."""
    services = get_services(app)
    msg = parse_message(fixture_text(xml_name))
    ctx = Context(openid=msg.source, text="", session=Session(),
                  broadcasts=services.broadcasts)
    for handler in build_registry():
        match = handler.check(msg, ctx)
        if match is not None:
            return msg, handler, handler.handle(msg, ctx, match)
    raise AssertionError("no handler matched")


def test_finish_event_closes_the_job_with_counts(bc_app, fake_wechat):
    bc = get_services(bc_app).broadcasts
    job = bc.request("jz-skills-2024", send_all=True)
    msg, handler, reply = _dispatch(bc_app, "event_masssendjobfinish.xml")
    assert job.msg_id == str(msg.id)  # the fake's first msg_id, as in the fixture
    assert handler.name == "mass_job" and reply is SILENT
    done = bc.get(job.id)
    assert done.status == "finished" and done.wechat_status == "send success"
    assert (done.total, done.filtered, done.sent, done.errors) == (3, 2, 2, 0)
    assert done.finished_at > 0


def test_failed_send_event_marks_the_job_failed(bc_app, fake_wechat):
    bc = get_services(bc_app).broadcasts
    job = bc.request("jz-skills-2024", send_all=True)
    _dispatch(bc_app, "event_masssendjobfinish_fail.xml")
    done = bc.get(job.id)
    assert done.status == "failed" and "err(30003)" in done.error
    assert (done.sent, done.errors) == (0, 2)


def test_event_for_a_console_send_changes_nothing(bc_app, fake_wechat):
    _, handler, reply = _dispatch(bc_app, "event_masssendjobfinish.xml")
    assert handler.name == "mass_job" and reply is SILENT
    assert get_services(bc_app).broadcasts.recent() == []


def test_finish_event_posted_to_the_webhook_closes_the_job(bc_app, fake_wechat):
    bc = get_services(bc_app).broadcasts
    job = bc.request("jz-skills-2024", send_all=True)
    settings = get_services(bc_app).settings
    with LiveServer(bc_app) as server:
        side = WeChatSide(http_transport(server.url), settings.wechat_token, "", "")
        delivery = side.post_xml(fixture_text("event_masssendjobfinish.xml"))
    assert delivery.status == 200 and delivery.body.strip() in ("", "success")
    done = bc.get(job.id)
    assert done.status == "finished" and done.msg_id == "1000002"
    assert (done.total, done.filtered, done.sent, done.errors) == (3, 2, 2, 0)
