"""Rate limits with the maintained ``limits`` library: counters in process by default, shared between workers and
replicas through Redis when ``MOTCUA_REDIS_URL`` is set. Limits are configured as ``limits`` strings
("120/minute", "10/second;1000/hour")."""

from __future__ import annotations

import ipaddress
import logging
import math
import time

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import Request

from api.metrics import RATE_LIMITED
from knowledge.settings import Settings

log = logging.getLogger("motcua.ratelimit")


def _storage(redis_url: str | None) -> Storage:
    if not redis_url:
        return MemoryStorage()
    store = storage_from_string(redis_url)
    if not isinstance(store, Storage):
        raise ValueError("MOTCUA_REDIS_URL must name a synchronous storage (redis://...)")
    return store


class RateLimiter:
    """Named limits ("public", "key", "dossier", "login"), each checked per identity (client address or key)."""

    def __init__(self, settings: Settings, storage: Storage | None = None) -> None:
        if storage is None:
            storage = _storage(settings.redis_url)
        self.storage = storage
        self.strategy = MovingWindowRateLimiter(storage)
        self.rules: dict[str, list[RateLimitItem]] = {
            "public": parse_many(settings.rate_limit_public),
            "key": parse_many(settings.rate_limit_key),
            "dossier": parse_many(settings.rate_limit_dossier),
            "login": parse_many(settings.rate_limit_login),
        }
        self._proxies = [ipaddress.ip_network(p, strict=False) for p in Settings.split_list(settings.trusted_proxies)]

    def hit(self, limit: str, identity: str) -> int | None:
        """Count one request; the seconds to wait when it is over a limit, None when it may go on.

        When the shared store cannot be reached the request goes on (logged): a Redis outage must not close
        the counter."""
        try:
            for item in self.rules[limit]:
                if not self.strategy.hit(item, limit, identity):
                    reset = self.strategy.get_window_stats(item, limit, identity).reset_time
                    RATE_LIMITED.labels(limit=limit).inc()
                    return max(1, math.ceil(reset - time.time()))
        except Exception as exc:
            log.warning("rate-limit store unavailable: %s", type(exc).__name__)
        return None

    def client_address(self, request: Request) -> str:
        """The client's address; behind a trusted proxy, the last address in X-Forwarded-For it did not add."""
        peer = request.client.host if request.client else "unknown"
        if not self._proxies or not self._trusted(peer):
            return peer
        hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
        for hop in reversed(hops):
            if not self._trusted(hop):
                return hop
        return hops[0] if hops else peer

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self._proxies)
