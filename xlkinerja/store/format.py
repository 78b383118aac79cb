"""Plain rows for the CLI (`xlkinerja arsip`): lists of dicts with Indonesian keys,
JSON-able values (None stays None; the printer decides how a blank looks)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from xlkinerja.domain.pengesahan import Step
from xlkinerja.store.records import CellChange, TargetChange, VersionInfo

Rows = list[dict[str, object]]


def version_rows(versions: Iterable[VersionInfo], tz: tzinfo | None = None) -> Rows:
    """unit, versi, berkas, sha256, status, tahun, dikompilasi, oleh, baris.

    `dikompilasi` is ISO 8601 in `tz` (default: this computer's local time zone)."""
    return [
        {
            "unit": v.unit,
            "versi": v.version,
            "berkas": v.file_name,
            "sha256": v.sha256,
            "status": v.status,
            "tahun": v.tahun,
            "dikompilasi": v.compiled_at.astimezone(tz).isoformat(timespec="seconds"),
            "oleh": v.compiled_by,
            "baris": v.rows_count,
        }
        for v in versions
    ]


def diff_rows(changes: Iterable[CellChange]) -> Rows:
    """sel, kolom (the label, else the field key), lama, baru."""
    return [
        {"sel": c.cell, "kolom": c.label or c.field, "lama": c.old, "baru": c.new} for c in changes
    ]


def target_rows(changes: Iterable[TargetChange]) -> Rows:
    """tabel, kode, kolom, lama, baru."""
    return [
        {"tabel": c.table, "kode": c.code, "kolom": c.field, "lama": c.old, "baru": c.new}
        for c in changes
    ]


def _value(value: object) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def target_line(change: TargetChange) -> str:
    """One line, e.g. "IKK-TI-1 target 78 → 80"."""
    return f"{change.code} {change.field} {_value(change.old)} → {_value(change.new)}"


def step_rows(steps: Iterable[Step], tz: tzinfo | None = None) -> Rows:
    """tahap, tanggal, nama, nip, rekomendasi, kendala, tindak_lanjut, alasan, dicatat
    (the review of a version, oldest first; `dicatat` ISO 8601 in `tz`, default local)."""
    return [
        {
            "tahap": s.stage.value,
            "tanggal": s.tanggal.isoformat(),
            "nama": s.nama,
            "nip": s.nip,
            "rekomendasi": s.rumusan.rekomendasi if s.rumusan else None,
            "kendala": s.rumusan.kendala if s.rumusan else None,
            "tindak_lanjut": s.rumusan.tindak_lanjut if s.rumusan else None,
            "alasan": s.alasan,
            "dicatat": s.recorded_at.astimezone(tz).isoformat(timespec="seconds")
            if s.recorded_at
            else None,
        }
        for s in steps
    ]
