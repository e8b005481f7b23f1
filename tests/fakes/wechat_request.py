"""One request as the fake's endpoints see it, and WeChat's checks on a POST body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.fakes.wechat_state import ApiError


@dataclass
class Request:
    """What an endpoint needs of one HTTP request."""

    method: str
    query: dict
    json: Any  # parsed body, None when empty
    raw: bytes
    files: dict  # multipart field name -> (filename, bytes)


def json_body(req: Request) -> dict:
    """The JSON object of a POST, or the documented errcode for an empty/malformed one."""
    if req.method != "POST":
        raise ApiError(43002)
    if not req.raw.strip():
        raise ApiError(44002)
    if not isinstance(req.json, dict):
        raise ApiError(47001)
    return req.json
