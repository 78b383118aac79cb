"""The units' API keys as the server checks them: the `Authorization` header → the unit.

The keys file holds only SHA-256 hashes (jobs/kunci.py makes it and describes its format).
A presented key is hashed and compared with every unit's hash by `hmac.compare_digest`,
never stopping at the first match, so the time taken says nothing about which unit's hash
(or how much of it) a guess came close to.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from xlkinerja.jobs.kunci import hash_key, read_keys

BEARER = "bearer "


@dataclass(frozen=True)
class KeyRing:
    hashes: tuple[tuple[str, bytes], ...]  # (unit, SHA-256 digest)

    @classmethod
    def load(cls, path: Path) -> KeyRing:
        """The keys file at `path`; an XlkinerjaError when it is missing or not one."""
        return cls(tuple((k.unit, bytes.fromhex(k.sha256)) for k in read_keys(path)))

    @property
    def units(self) -> list[str]:
        return [unit for unit, _ in self.hashes]

    def unit_for(self, authorization: str | None) -> str | None:
        """The unit whose key the header holds (the key alone, or `Bearer <key>`), else None."""
        key = presented_key(authorization)
        if not key:
            return None
        digest = bytes.fromhex(hash_key(key))
        found = None
        for unit, stored in self.hashes:
            if hmac.compare_digest(digest, stored) and found is None:
                found = unit
        return found


def presented_key(authorization: str | None) -> str:
    """The key in an `Authorization` header: AUTH is sent as it is typed in xlkinerja.conf,
    with or without the `Bearer ` scheme."""
    text = (authorization or "").strip()
    if text[: len(BEARER)].lower() == BEARER:
        text = text[len(BEARER) :].strip()
    return text
