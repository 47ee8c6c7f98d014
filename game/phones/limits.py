"""Rate limits for the phone server: a token bucket per device and one per network address.

A device may vote a few times a second (changing its mind is fine; a script hammering the
server is not). The address bucket is wider, because a whole room can sit behind one address
on a venue's network, and bounds what a client that makes a new device token for every request
can do. Buckets are kept for a bounded number of keys; the oldest are forgotten first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Bucket:
    """``capacity`` requests at once, refilled at ``rate`` a second."""

    capacity: float
    rate: float
    tokens: float
    at: float

    def take(self, now: float) -> bool:
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


@dataclass
class RateLimits:
    per_device: tuple[float, float] = (10, 3)       # burst, then per second
    per_address: tuple[float, float] = (600, 150)
    keep: int = 5000
    clock: Callable[[], float] = time.monotonic
    _buckets: OrderedDict[str, Bucket] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, device: str, address: str) -> bool:
        """Whether one more request from ``device`` at ``address`` is let through now."""
        now = self.clock()
        with self._lock:
            return (self._bucket("a:" + address, self.per_address, now).take(now)
                    and self._bucket("d:" + device, self.per_device, now).take(now))

    def _bucket(self, key: str, shape: tuple[float, float], now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(shape[0], shape[1], shape[0], now)
            while len(self._buckets) > self.keep:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket
