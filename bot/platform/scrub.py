"""One scrubbing step for every text that leaves a process: log lines, API errors, job records.

A failed HTTP call's exception text holds its URL, and a WeChat URL carries `access_token`
(or, on the token endpoint, `appid` and `secret`) in its query string. Texts pass through
`scrub` before they are logged, stored or returned, so no query string and no configured
secret survives, whatever code produced the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "***"

# A URL's query string (and fragment): everything after '?' up to a space or a quote.
_URL_QUERY = re.compile(r"""((?:https?://|/)[^\s?#'"<>]*)\?[^\s'"<>]*""")
# name=value pairs whose value is a credential, also outside a URL (form bodies, dict reprs).
_SECRET_PAIR = re.compile(
    r"""(?i)\b(access_token|secret|appsecret|app_secret|appid|token|password|encodingaeskey)"""
    r"""(["']?\s*[=:]\s*["']?)([^&\s'",}]+)""")
_MIN_SECRET = 6  # shorter configured values would redact ordinary words

_secrets: set[str] = set()


def register_secrets(values: Iterable[str]) -> None:
    """Remember configured secrets (AppSecret, tokens, keys) so any text holding one is cut."""
    _secrets.update(v for v in values if v and len(v) >= _MIN_SECRET)


def scrub(text: object) -> str:
    """`text` without URL query strings, credential pairs or configured secrets."""
    out = str(text)
    out = _URL_QUERY.sub(lambda m: m.group(1) + "?" + REDACTED, out)
    out = _SECRET_PAIR.sub(lambda m: m.group(1) + m.group(2) + REDACTED, out)
    for secret in _secrets:
        if secret in out:
            out = out.replace(secret, REDACTED)
    return out


class _ScrubbedRecord(logging.LogRecord):
    """A log record whose message and traceback text are scrubbed when formatted."""

    def getMessage(self) -> str:  # noqa: N802 (logging's name)
        return scrub(super().getMessage())


def install_log_scrubber() -> None:
    """Make every log record of the process (ours, wechatpy's, urllib3's) scrub itself."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "scrubs", False):
        return
    base = factory

    def make(*args, **kwargs) -> logging.LogRecord:
        record = base(*args, **kwargs)
        record.__class__ = _ScrubbedRecord
        if record.exc_info and record.exc_info[1] is not None:
            # Formatters reuse exc_text when it is set: set it scrubbed, once.
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return record

    make.scrubs = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make)
