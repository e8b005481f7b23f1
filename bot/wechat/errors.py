"""WeChat API errcodes as clear Chinese messages for staff, and which of them are transient."""

from __future__ import annotations

from urllib.parse import urlsplit

from wechatpy.exceptions import WeChatClientException

from bot.platform.scrub import scrub

# What staff read when a feature needs the WeChat API and AppID/AppSecret are unset.
API_OFF = "微信接口未启用（没有设置 WECHAT_APP_ID / WECHAT_APP_SECRET）"

# errcode -> what an editor should read. Kept to the codes the bot's calls can meet.
MESSAGES: dict[int, str] = {
    -1: "微信系统繁忙，请稍后再试",
    40001: "access_token 无效或已被替换（AppSecret 是否正确？是否有别的系统在刷新 token？）",
    40002: "grant_type 不正确",
    40003: "OpenID 不正确，或该用户未关注公众号",
    40004: "素材类型不正确",
    40007: "media_id 无效（素材或草稿不存在）",
    40013: "AppID 不正确",
    40014: "access_token 不合法",
    40035: "请求参数不正确",
    40125: "AppSecret 不正确",
    40164: "服务器 IP 不在公众号的 IP 白名单中",
    41001: "缺少 access_token",
    41005: "缺少要上传的文件",
    42001: "access_token 已过期",
    43004: "该用户未关注公众号",
    44002: "请求内容为空",
    45002: "正文太长（超过 2 万字）",
    45003: "标题太长",
    45004: "摘要太长",
    45009: "接口调用超过每日限制，请明天再试或在公众平台清零调用次数",
    45015: "回复时间超过限制：用户 48 小时内没有与公众号互动，客服消息发不出去",
    45028: "群发额度已用完（订阅号每天 1 次，服务号每月 4 次）",
    45056: "标签数量已达上限",
    45157: "标签名不合法或与已有标签重名",
    45159: "标签 ID 不存在",
    45065: "相同 clientmsgid 的群发已经提交过，不会重复发送",
    45066: "相同 clientmsgid 重试太快，请 1 分钟后再试",
    45067: "clientmsgid 长度超过 64 字节",
    47001: "请求数据格式错误",
    48001: "公众号没有此接口的权限（需要认证）",
    50005: "用户未关注公众号",
}

# Worth a bounded retry with backoff: WeChat busy, rate limited, network trouble.
TRANSIENT = frozenset({-1, 45009})
RETRY_AFTER_A_MINUTE = 45066  # same clientmsgid retried too fast: try again after 60 s


class WeChatAPIError(WeChatClientException):
    """A failed WeChat API call; `message` is the Chinese explanation for staff."""

    def __init__(self, errcode: int | None, errmsg: str, **kwargs) -> None:
        errmsg = scrub(errmsg)  # never a URL's query string or a credential
        super().__init__(errcode, errmsg, **kwargs)
        self.message = describe_code(errcode, errmsg)

    @property
    def http_status(self) -> int | None:
        """The HTTP status of the failed answer, None when there was no answer."""
        return getattr(self.response, "status_code", None)

    @property
    def transient(self) -> bool:
        """True when retrying later may succeed (busy, rate limit, network, HTTP 5xx)."""
        if self.errcode is None:
            return self.http_status is None or self.http_status >= 500
        return self.errcode in TRANSIENT

    def __str__(self) -> str:
        return self.message


def describe_code(errcode: int | None, errmsg: str = "") -> str:
    """'微信接口错误 45028：群发额度已用完…' for staff; unknown codes keep WeChat's own errmsg."""
    if errcode is None:
        return f"微信接口没有正常应答：{errmsg}" if errmsg else "无法连接微信接口"
    text = MESSAGES.get(errcode)
    if text is None:
        text = f"微信返回错误（{errmsg}）" if errmsg else "微信返回未知错误"
    return f"微信接口错误 {errcode}：{text}"


def as_api_error(exc: WeChatClientException) -> WeChatAPIError:
    """Wrap any wechatpy client exception into a WeChatAPIError (unchanged if it is one)."""
    if isinstance(exc, WeChatAPIError):
        return exc
    errmsg = str(exc.errmsg or "")
    if exc.errcode is None and exc.response is not None:  # wechatpy's raise_for_status
        errmsg = f"HTTP {exc.response.status_code} {urlsplit(exc.response.url or '').path}"
    return WeChatAPIError(
        exc.errcode, errmsg, client=exc.client, request=exc.request, response=exc.response,
    )


def network_error(exc: Exception, url: str) -> WeChatAPIError:
    """A WeChatAPIError for a call that got no answer: the exception type and the path only.

    requests puts the whole URL, query string and all, into its exception texts.
    """
    return WeChatAPIError(None, f"{type(exc).__name__}（{urlsplit(url).path}）")
