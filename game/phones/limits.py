"""Rate limits for the phone server: a token bucket per device and one per network address,
and a cap on the devices one address may speak for.

A device may vote a few times a second (changing its mind is fine; a script hammering the
server is not). A phone on the venue's network has an address of its own, so one address may
speak for a few devices (a laptop with two browsers) but not for hundreds: a script that makes
a new device token for every request is held to that many. Requests from this machine itself
(loopback: the facilitator, the tests, the load benchmark) are not capped by address.
Buckets and the devices seen are kept for a bounded number of keys; the oldest go first.
"""

from __future__ import annotations

import ipaddress
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
    per_address: tuple[float, float] = (100, 20)
    #: The most devices one address may speak for.
    devices_per_address: int = 8
    keep: int = 5000
    clock: Callable[[], float] = time.monotonic
    _buckets: OrderedDict[str, Bucket] = field(default_factory=OrderedDict)
    _devices: OrderedDict[str, set[str]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, device: str, address: str) -> bool:
        """Whether one more request from ``device`` at ``address`` is let through now."""
        now = self.clock()
        with self._lock:
            if not _is_loopback(address):
                if not self._device_of(address, device):
                    return False
                if not self._bucket("a:" + address, self.per_address, now).take(now):
                    return False
            return self._bucket("d:" + device, self.per_device, now).take(now)

    def _device_of(self, address: str, device: str) -> bool:
        """Whether ``address`` may speak for ``device`` (a new one while it has room)."""
        seen = self._devices.get(address)
        if seen is None:
            seen = self._devices[address] = set()
            while len(self._devices) > self.keep:
                self._devices.popitem(last=False)
        else:
            self._devices.move_to_end(address)
        if device in seen:
            return True
        if len(seen) >= self.devices_per_address:
            return False
        seen.add(device)
        return True

    def _bucket(self, key: str, shape: tuple[float, float], now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(shape[0], shape[1], shape[0], now)
            while len(self._buckets) > self.keep:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        return bucket


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
