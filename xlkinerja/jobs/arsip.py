"""Jobs `arsip`: what the archive holds (latest submission of every unit, or every version of
one), what changed between two versions, and retention (versions older than N years go)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlkinerja.jobs.summary import Column, Summary, cell
from xlkinerja.store.format import Rows, diff_rows, target_rows, version_rows


def _table(out: Summary, title: str, rows: Rows) -> None:
    """Rows of the archive as a table whose columns are the rows' keys."""
    keys = list(rows[0]) if rows else ["(kosong)"]
    out.table(
        title,
        [Column(k) for k in keys],
        ([cell(v) for v in row.values()] for row in rows),
    )


@dataclass(frozen=True)
class ArsipDaftar:
    title: str
    rows: Rows  # unit, versi, berkas, sha256, status, tahun, dikompilasi, oleh, baris

    def to_dict(self) -> Rows:
        return self.rows

    def summary(self) -> Summary:
        out = Summary()
        _table(out, self.title, self.rows)
        return out

    def notes(self) -> Summary:
        return Summary()


@dataclass(frozen=True)
class ArsipBeda:
    unit: str
    lama: int
    baru: int
    targets: Rows  # tabel, kode, kolom, lama, baru
    cells: Rows  # sel, kolom, lama, baru

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.targets, "sel": self.cells}

    def summary(self) -> Summary:
        out = Summary()
        _table(out, f"Perubahan target {self.unit} versi {self.lama} → {self.baru}", self.targets)
        _table(out, f"Sel yang berubah ({len(self.cells)})", self.cells)
        return out

    def notes(self) -> Summary:
        return Summary()


@dataclass(frozen=True)
class ArsipBersihkan:
    removed: int
    years: int

    def to_dict(self) -> dict[str, Any]:
        return {"dihapus": self.removed, "tahun_simpan": self.years}

    def summary(self) -> Summary:
        out = Summary()
        out.line(f"{self.removed} versi yang lebih tua dari {self.years} tahun dihapus.")
        return out

    def notes(self) -> Summary:
        return Summary()


def daftar(
    db: str | Path | None, *, unit: str | None = None, tahun: int | None = None
) -> ArsipDaftar:
    """The latest submission of every unit (of `tahun`), or every version of `unit`."""
    from xlkinerja.store.archive import Archive  # SQLAlchemy: only when the archive is used

    code = unit.upper() if unit else None
    with Archive.open(db) as archive:
        versions = archive.versions(code) if code else archive.submissions(tahun=tahun)
    return ArsipDaftar(f"Arsip{' unit ' + code if code else ''}", version_rows(versions))


def beda(db: str | Path | None, unit: str, lama: int, baru: int) -> ArsipBeda:
    """What changed in `unit`'s workbook from version `lama` to `baru`: targets and cells."""
    from xlkinerja.store.archive import Archive

    code = unit.upper()
    with Archive.open(db) as archive:
        targets = target_rows(archive.target_changes(code, lama, baru))
        cells = diff_rows(archive.diff(code, lama, baru))
    return ArsipBeda(code, lama, baru, targets, cells)


def bersihkan(db: str | Path | None, *, years: int) -> ArsipBersihkan:
    """Remove the versions older than `years` years (retention)."""
    from xlkinerja.store.archive import Archive

    with Archive.open(db) as archive:
        return ArsipBersihkan(archive.purge(years), years)


def siapkan(db: str | Path | None) -> str:
    """Open the archive (created, or migrated to the latest schema) and close it again: what
    the server does at its start, so that a database it cannot use stops it there and then,
    and the first calls that record never create the schema together. Returns where the
    archive is, without a password."""
    from xlkinerja.store.archive import Archive

    with Archive.open(db) as archive:
        return archive.location
