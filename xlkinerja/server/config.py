"""What the server is started with (`xlkinerja server` options)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

# A unit workbook's request is ~50 KB of JSON (the sample's biggest: 47 KB); a few MB leave
# room for workbooks many times larger while refusing what is no workbook of ours.
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class ServerConfig:
    master: Path  # the master workbook: validasi with the cascade, the unit list of kirim
    keys: Path  # the keys file of `xlkinerja server kunci` (hashes only)
    db: str | None = None  # the archive: postgresql://... in production (None: the default)
    perencanaan: frozenset[str] = frozenset()  # units whose key may run Kompilasi
    rekap: Path | None = None  # where compiled reports are kept (None: the user data folder)
    host: str = "127.0.0.1"  # loopback; behind a reverse proxy with HTTPS on a network
    port: int = 8000
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES


def default_reports() -> Path:
    """Where the server keeps the reports it compiled when --rekap is not given."""
    return Path(platformdirs.user_data_dir("xlkinerja")) / "rekap-server"
