"""`flask --app wsgi chat`: talk to a running bot as a follower, through the WeChat side.

The command is registered on every app, but what it runs (the WeChat side and its HTTP
client) is imported only when someone chats: production never loads the dev tools.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from flask import current_app
from flask.cli import with_appcontext

from bot.services import get_services

if TYPE_CHECKING:
    from bot.devtools.wechat_side import WeChatSide

HELP = """输入文字即发送给机器人。特殊命令：
  /subscribe [场景]    关注（可带二维码场景，如 region_湖北）
  /unsubscribe         取消关注
  /click KEY           点击菜单（如 LATEST、HOTLINE、FEEDBACK、HELP、REGION_湖北）
  /location 纬度 经度   发送位置
  /voice 文字          发送语音（带语音识别结果）
  /image               发送图片
  /quit                退出"""


def _send(side: WeChatSide, openid: str, line: str):
    """Turn one typed line into the message WeChat would send."""
    cmd, _, rest = line.partition(" ")
    rest = rest.strip()
    if cmd == "/subscribe":
        extra = {"EventKey": f"qrscene_{rest}"} if rest else {}
        return side.event(openid, "subscribe", **extra)
    if cmd == "/unsubscribe":
        return side.event(openid, "unsubscribe")
    if cmd == "/click":
        return side.event(openid, "CLICK", EventKey=rest or "HELP")
    if cmd == "/location":
        lat, _, lon = rest.partition(" ")
        return side.send(side.fields(openid, "location", Location_X=float(lat or 30.33),
                                     Location_Y=float(lon or 112.24), Scale=15,
                                     Label="", MsgId=_next_id()))
    if cmd == "/voice":
        return side.send(side.fields(openid, "voice", MediaId="media-voice", Format="amr",
                                     Recognition=rest, MsgId=_next_id()))
    if cmd == "/image":
        return side.send(side.fields(openid, "image", PicUrl="http://example.invalid/a.jpg",
                                     MediaId="media-image", MsgId=_next_id()))
    return side.text(openid, line)


def _next_id() -> int:
    from bot.devtools.wechat_side import next_msg_id

    return next_msg_id()


@click.command("chat")
@click.option("--url", default="http://127.0.0.1:8000", show_default=True,
              help="Base URL of the running bot.")
@click.option("--openid", default="o_terminal_follower", show_default=True,
              help="The follower you play.")
@click.option("--mode", type=click.Choice(["auto", "plain", "compat", "safe"]), default="auto",
              help="Encryption mode (auto: safe when an EncodingAESKey is set).")
@with_appcontext
def chat(url: str, openid: str, mode: str) -> None:
    """Chat with the bot as a follower (signed and encrypted exactly as WeChat does)."""
    from bot.devtools.wechat_side import WeChatSide, http_transport

    s = get_services(current_app).settings
    side = WeChatSide(http_transport(url), s.wechat_token, s.wechat_encoding_aes_key,
                      s.wechat_app_id, mode=mode)
    click.echo(f"已连接 {url}/wechat（{side.mode} 模式），以粉丝 {openid} 的身份聊天。")
    click.echo(HELP)
    while True:
        try:
            line = input("我> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return
        try:
            delivery = _send(side, openid, line)
        except (OSError, ValueError) as exc:
            click.echo(f"[发送失败：{exc}。机器人在运行吗？先执行 make run]")
            continue
        if delivery.status != 200:
            click.echo(f"[HTTP {delivery.status}] {delivery.body.strip()}")
        elif delivery.reply is None:
            click.echo("[机器人没有回复（success）]")
        else:
            click.echo("就业桥> " + delivery.text.replace("\n", "\n        "))
