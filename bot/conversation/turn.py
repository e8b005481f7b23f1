"""One message's Redis work in two round trips: one pipeline before the handlers, one after.

Before: the replay guard's claim of the timestamp + nonce pair, the message's dedup claim
together with its follower's rate-limit count (one script: a retry is never counted), the
session, the follower's subscribed region, and the knowledge base's and service answers'
versions (the former only when its once-a-second check is due). After: the session (when a
handler changed it), the customer-service window note, whatever a handler queued (the
question log), and the rendered reply cached under the dedup key for WeChat's retries.

Each part keeps its own rules: a pair used by another message is refused (and the claim and
count it took are given back), a try that loses the claim waits for the winner's reply, a
session keeps its TTL. Commands of different slots share a pipeline, never a script, so
this runs on Redis Cluster too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.audience.followers import KnownRegion
from bot.conversation.ratelimit import TTL, Verdict
from bot.wechat.dedup import Claim
from bot.wechat.inbound import Refusal
from handlers.context import Session

log = logging.getLogger("bot.turn")

Reader = Callable[["Turn", list], None]  # applies the results of what one part queued


@dataclass
class Turn:
    """What the first round trip found for one message, and what the last one will write."""

    openid: str
    claim: Claim
    verdict: Verdict = Verdict.ALLOW
    session: Session = field(default_factory=Session)
    save_session: bool = False  # a handler answered: persist what it changed
    followers: Any = None
    faq: Any = None
    later: list[Callable[[Any], None]] = field(default_factory=list)  # queue on the last pipe


class Turns:
    """Builds Turns from the services, and finishes them."""

    def __init__(self, services: Any) -> None:
        self.s = services

    def begin(self, msg: Any, key: str, timestamp: str, nonce: str) -> Turn:
        """The first round trip. Refusal (403) when the pair belongs to another message."""
        s = self.s
        openid = getattr(msg, "source", "") or ""
        limiter = s.dispatcher.limiter
        counted = getattr(msg, "type", "") != "event" and limiter.enabled
        rate_key = limiter.key(openid, s.clock()) if counted else ""
        pipe = s.redis.pipeline(transaction=False)
        pair_ok = s.replay.queue_claim(pipe, timestamp, nonce, key)
        read_claim = s.dedup.queue_claim(pipe, key, openid, rate_key, TTL)
        pipe.get(s.dispatcher.sessions.key(openid))
        reads = self._queue_reads(pipe, openid)
        got = pipe.execute()
        claim = read_claim(got[2])
        if not pair_ok(got[0], got[1]):
            self._give_back(claim, rate_key)
            raise Refusal(403, "timestamp and nonce already used")
        turn = Turn(openid, claim, limiter.judge(claim.count) if counted else Verdict.ALLOW,
                    followers=s.followers, faq=s.faq)
        if claim.won:  # else another try answers: nothing read here is used
            turn.session = s.dispatcher.sessions.decode(openid, got[3])
            at = 4
            for count, read in reads:
                read(turn, got[at:at + count])
                at += count
        return turn

    def _queue_reads(self, pipe: Any, openid: str) -> list[tuple[int, Reader]]:
        """Queue what handlers would otherwise read one by one; for each, how many results
        it added and how to apply them."""
        s = self.s
        reads: list[tuple[int, Reader]] = []
        if s.followers is not None:
            pipe.hget(s.followers.key(openid), "region")

            def region(turn: Turn, raw: list) -> None:
                known = raw[0].decode("utf-8") if raw[0] is not None else None
                turn.followers = KnownRegion(s.followers, openid, known)

            reads.append((1, region))
        faq = s.faq
        if faq is not None:
            pipe.get(faq.version_key)
            reads.append((1, lambda turn, raw: setattr(turn, "faq",
                                                       faq.at_version(int(raw[0] or 0)))))
        fresh = s.kb.queue_freshness(pipe) if s.kb is not None else None
        if fresh is not None:
            count, apply = fresh
            reads.append((count, lambda _turn, raw: apply(raw)))
        return reads

    def alone(self, msg: Any, claim: Claim) -> Turn:
        """A Turn for a claim won after waiting (the first winner's lease lapsed): its parts
        read one by one, as this is rare."""
        s = self.s
        openid = getattr(msg, "source", "") or ""
        verdict = Verdict.ALLOW
        if getattr(msg, "type", "") != "event":
            verdict = s.dispatcher.limiter.check(openid, s.clock())
        return Turn(openid, claim, verdict, s.dispatcher.sessions.load(openid),
                    followers=s.followers, faq=s.faq)

    def _give_back(self, claim: Claim, rate_key: str) -> None:
        """Undo what a refused request's claim took: the claim, and its count."""
        if not claim.won:
            return
        self.s.dedup.release(claim)
        if rate_key:
            self.s.redis.decr(rate_key)

    def finish(self, msg: Any, turn: Turn, xml: str) -> None:
        """The last round trip: session, window note, the cached reply, then what handlers
        queued (the question log), whose failure is logged and never costs the reply."""
        s = self.s
        pipe = s.redis.pipeline(transaction=False)
        if turn.save_session:
            s.dispatcher.sessions.save(turn.openid, turn.session, pipe)
        windows = s.cs_windows
        if windows is not None:  # what WeChat now lets staff send this follower (客服消息)
            windows.note(turn.openid, msg, pipe)
        s.dedup.queue_finish(pipe, turn.claim, xml, turn.openid)
        needed = len(pipe)
        for queue in turn.later:
            queue(pipe)
        results = pipe.execute(raise_on_error=False)
        for i, result in enumerate(results):
            if isinstance(result, Exception):
                if i < needed:
                    raise result
                log.warning("a queued write failed after answering %s: %s", turn.openid,
                            type(result).__name__)
