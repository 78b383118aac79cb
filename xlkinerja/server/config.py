"""What the server is started with (`xlkinerja server` options)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A unit workbook's request is ~50 KB of JSON (the sample's biggest: 47 KB); a few MB leave
# room for workbooks many times larger while refusing what is no workbook of ours.
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    master: Path  # the master workbook: validasi with the cascade, the unit list of kirim
    keys: Path  # the keys file of `xlkinerja server kunci` (hashes only)
    db: str | None = None  # the archive: postgresql://... in production (None: the default)
    inbox: Path | None = None  # where the units' workbooks are collected (kirim, kompilasi)
    host: str = "127.0.0.1"  # loopback; behind a reverse proxy with HTTPS on a network
    port: int = 8000
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
