"""Reports the server compiled, offered for download: `GET /unduh/<token>`.

An xlwings answer can act only on the open workbook, so Kompilasi in server mode hands the
report over as a download that the add-in's VBA opens (jobs/kompilasi_server.py). Excel
opens a URL itself (`Workbooks.Open`) and sends no Authorization header then, so the path
is the credential, as with a pre-signed link: 32 random bytes, valid for a few minutes
(`LIFETIME`), for that one file. Expired links are forgotten when a new one is made; the
files stay in the server's report folder (what was handed out, and when).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PREFIX = "unduh/"
LIFETIME = 10 * 60  # seconds: time enough for Excel to fetch it after the answer


@dataclass(frozen=True)
class Offer:
    path: Path
    unit: str | None
    expires: float  # time.monotonic()


class Downloads:
    """The reports on offer, by token; shared by the server's worker threads."""

    def __init__(self, lifetime: float = LIFETIME, clock: Callable[[], float] = time.monotonic):
        self._offers: dict[str, Offer] = {}
        self._lock = threading.Lock()
        self._lifetime = lifetime
        self._clock = clock

    def publisher(self, unit: str | None) -> Callable[[Path], str]:
        """What an action of `unit` calls to offer a file: file → its path on the server."""
        return lambda path: self.offer(path, unit)

    def offer(self, path: Path, unit: str | None) -> str:
        token = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            for old in [t for t, o in self._offers.items() if o.expires <= now]:
                del self._offers[old]
            self._offers[token] = Offer(path, unit, now + self._lifetime)
        return PREFIX + token

    def find(self, token: str) -> Offer | None:
        """The offer of `token` while it is valid and its file is there, else None."""
        with self._lock:
            offer = self._offers.get(token)
        if offer is None or offer.expires <= self._clock() or not offer.path.is_file():
            return None
        return offer

    @property
    def minutes(self) -> int:
        return round(self._lifetime / 60)
