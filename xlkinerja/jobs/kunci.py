"""Job `kunci`: the server's API keys, one per unit of the master's unit list.

The add-in sends its unit's key in the `Authorization` header (setting AUTH); the server
knows a request's unit from the key alone, so a unit can only act as itself (e.g. `kirim`
its own workbook). Two files are written into the output folder:

- `kunci-server.json`, for the server (`xlkinerja server --kunci`): per unit only a SHA-256
  of its key, never the key. The keys are 256-bit random strings, not passwords a person
  chose, so a fast hash is enough (nothing to guess from the hash) and the server can hash
  the presented key on every request at no cost. Format (version 1):

      {"format": "xlkinerja-kunci-server", "versi": 1, "hash": "sha256",
       "unit": [{"kode": "TI", "nama": "Jurusan Teknik Informatika",
                 "sha256": "<64 hex digits>", "dibuat": "2025-03-03T09:30:00"}, ...]}

- `kunci-unit-<time made>.csv`, for the planning unit to hand out (columns kode_unit,
  nama_unit, kunci; readable by its owner only): the plain keys, written once and never
  again — a lost key is replaced by making a new one for that unit (`units=`), which keeps
  the others' keys. Each run writes its own file: one not yet handed out is never lost.
"""

from __future__ import annotations

import csv
import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.cascade.prefill import MasterView, unit_codes
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path
from xlkinerja.jobs.summary import Summary
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER

KEYS_FILE = "kunci-server.json"
HANDOUT_PREFIX = "kunci-unit"  # + the time made: a second run never overwrites the first
FORMAT = "xlkinerja-kunci-server"
FORMAT_VERSION = 1
PREFIX = "xlk_"  # recognisable in a config file, and by secret scanners


def new_key() -> str:
    """A fresh key: 32 random bytes, URL-safe (no character a config file or header mangles)."""
    return PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """What the keys file stores of a key, and what the server compares."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredKey:
    unit: str
    nama: str
    sha256: str  # 64 hex digits
    dibuat: str  # ISO date and time the key was made


def read_keys(path: Path) -> list[StoredKey]:
    """The keys file as written by `make_keys`; a file that is not one is an error naming
    it (the server refuses to start rather than let nobody, or anybody, in)."""

    def bad(reason: str) -> XlkinerjaError:
        return XlkinerjaError(
            f"bukan berkas kunci server xlkinerja ({reason}).",
            code=ErrorCode.KUNCI_TIDAK_SAH,
            path=path,
            hint="Buat dengan: xlkinerja server kunci --master MASTER.xlsx --output FOLDER",
        )

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise XlkinerjaError(
            "berkas kunci tidak ada.",
            code=ErrorCode.KUNCI_TIDAK_ADA,
            path=path,
            hint="Buat dengan: xlkinerja server kunci --master MASTER.xlsx --output FOLDER",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(type(exc).__name__) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad("format tidak dikenal")
    if data.get("versi") != FORMAT_VERSION or data.get("hash") != "sha256":
        raise bad(f"versi {data.get('versi')!r} tidak didukung")
    keys = []
    for entry in data.get("unit") or []:
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        unit = entry.get("kode") if isinstance(entry, dict) else None
        if not isinstance(unit, str) or not unit or not _is_sha256(digest):
            raise bad("entri unit tanpa kode atau sha256 yang sah")
        assert isinstance(digest, str)
        keys.append(
            StoredKey(unit, str(entry.get("nama") or unit), digest, str(entry.get("dibuat", "")))
        )
    if len({k.unit for k in keys}) != len(keys):
        raise bad("kode unit ganda")
    return keys


def _is_sha256(text: object) -> bool:
    return isinstance(text, str) and len(text) == 64 and all(c in "0123456789abcdef" for c in text)


@dataclass
class KunciResult:
    keys_file: Path
    handout: Path
    made: list[tuple[str, str]] = field(default_factory=list)  # (unit, nama) given a new key
    kept: list[str] = field(default_factory=list)  # units whose earlier key still holds
    dropped: list[str] = field(default_factory=list)  # units no longer in the master

    def to_dict(self) -> dict[str, Any]:
        return {
            "berkas_kunci": str(self.keys_file),
            "berkas_bagikan": str(self.handout),
            "kunci_baru": [u for u, _ in self.made],
            "tetap": self.kept,
            "dihapus": self.dropped,
        }

    def summary(self) -> Summary:
        out = Summary()
        out.line(f"Kunci baru untuk {len(self.made)} unit: {', '.join(u for u, _ in self.made)}.")
        if self.kept:
            out.line(f"Kunci lama tetap berlaku: {', '.join(self.kept)}.")
        if self.dropped:
            out.line(f"Tidak ada lagi di master, kuncinya dihapus: {', '.join(self.dropped)}.")
        out.line(f"Berkas kunci server (hanya hash): {self.keys_file}")
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        out.line(
            f"Kunci asli ada di {self.handout}: bagikan ke setiap unit (isi AUTH di "
            "xlkinerja.conf), lalu hapus berkas itu. Kunci tidak dapat dilihat lagi."
        )
        return out


def make_keys(
    master: Path,
    output: Path,
    *,
    units: Sequence[str] | None = None,
    now: datetime | None = None,
) -> KunciResult:
    """A new key for every unit of the master (or only `units`, keeping the other units'
    keys of the keys file already in `output`). Writes the keys file (hashes) and the
    handout CSV (plain keys of the units given a new key)."""
    view = MasterView.from_data(read_form(master, MASTER))
    listed = unit_codes(view)
    if not listed:
        raise XlkinerjaError(
            "daftar unit di master kosong; tidak ada unit yang dapat diberi kunci.",
            code=ErrorCode.KUNCI_UNIT_KOSONG,
            path=master,
            hint="Isi tabel Unit di master.",
        )
    known = {kode for kode, _ in listed}
    wanted = {u.strip().upper() for u in units} if units is not None else known
    if unknown := sorted(wanted - known):
        raise XlkinerjaError(
            f"unit {', '.join(unknown)} tidak ada di daftar unit master.",
            code=ErrorCode.KUNCI_UNIT_TIDAK_DIKENAL,
            path=master,
            hint=f"Unit di master: {', '.join(sorted(known))}.",
        )
    keys_file = output / KEYS_FILE
    earlier = {k.unit: k for k in read_keys(keys_file)} if keys_file.exists() else {}
    made_at = (now or datetime.now()).replace(microsecond=0)
    stamp = made_at.isoformat()
    handout = output / f"{HANDOUT_PREFIX}-{made_at:%Y%m%d-%H%M%S}.csv"
    result = KunciResult(keys_file, handout)
    stored: list[StoredKey] = []
    plain: list[tuple[str, str, str]] = []
    for kode, nama in listed:
        if kode in wanted or kode not in earlier:
            key = new_key()
            stored.append(StoredKey(kode, nama, hash_key(key), stamp))
            plain.append((kode, nama, key))
            result.made.append((kode, nama))
        else:
            stored.append(StoredKey(kode, nama, earlier[kode].sha256, earlier[kode].dibuat))
            result.kept.append(kode)
    result.dropped = sorted(set(earlier) - known)
    _write_handout(handout, plain)
    _write_keys(keys_file, stored)
    return result


def _write_keys(target: Path, keys: list[StoredKey]) -> None:
    body = {
        "format": FORMAT,
        "versi": FORMAT_VERSION,
        "hash": "sha256",
        "unit": [
            {"kode": k.unit, "nama": k.nama, "sha256": k.sha256, "dibuat": k.dibuat} for k in keys
        ],
    }
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_handout(target: Path, rows: list[tuple[str, str, str]]) -> None:
    """The plain keys, readable by the file's owner only: written into a temporary file
    that only its owner can read, then renamed over the target with mode 0600 (never
    readable by others meanwhile)."""
    with (
        atomic_path(target, mode=0o600) as tmp,
        tmp.open("w", encoding="utf-8-sig", newline="") as out,  # BOM: for Excel
    ):
        writer = csv.writer(out)
        writer.writerow(["kode_unit", "nama_unit", "kunci"])
        writer.writerows(rows)
