"""Jobs `arsip`: what the archive holds (latest submission of every unit, or every version of
one), what changed between two versions, and retention (versions older than N years go)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
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
    """Retention: the versions older than `years` years, deleted or (a trial) only listed."""

    removed: int
    years: int
    old: Rows = field(default_factory=list)  # the versions listed (unit, versi, berkas…)
    ids: tuple[int, ...] = ()  # their submission ids: what a confirmed run deletes
    trial: bool = False  # --coba: listed, nothing deleted
    cancelled: bool = False  # the user answered no

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dihapus": self.removed, "tahun_simpan": self.years}
        if self.trial or self.cancelled:
            out |= {"akan_dihapus": self.old, "uji_coba": self.trial, "batal": self.cancelled}
        return out

    def listing(self) -> Summary:
        """The versions listed, as a table (what the user is asked to confirm)."""
        out = Summary()
        if self.old:
            _table(out, f"Versi yang lebih tua dari {self.years} tahun ({len(self.old)})", self.old)
        return out

    def summary(self) -> Summary:
        out = Summary()
        if self.trial or self.cancelled:
            out.extend(self.listing())
            if self.cancelled:
                out.line("Dibatalkan: tidak ada versi yang dihapus.")
            elif not self.old:
                out.line(f"Tidak ada versi yang lebih tua dari {self.years} tahun.")
            else:
                out.line(
                    f"Uji coba: {len(self.old)} versi di atas akan dihapus; belum ada yang "
                    "dihapus. Jalankan tanpa --coba untuk menghapusnya."
                )
            return out
        out.line(f"{self.removed} versi yang lebih tua dari {self.years} tahun dihapus.")
        return out

    def notes(self) -> Summary:
        return Summary()


TAHUN_SIMPAN = range(1, 101)  # retention a user may ask for, in years (domain: 5)


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


def _check_years(years: int) -> None:
    if years not in TAHUN_SIMPAN:
        raise XlkinerjaError(
            f"--tahun-simpan {years} di luar {TAHUN_SIMPAN.start}–{TAHUN_SIMPAN.stop - 1} tahun.",
            code=ErrorCode.OPSI_TIDAK_SAH,
            hint="Dokumen kinerja disimpan 5 tahun (bawaan); 1 tahun paling sedikit.",
        )


def rencana_bersihkan(db: str | Path | None, *, years: int) -> ArsipBersihkan:
    """The versions older than `years` years, listed and not deleted (`--coba`, and what
    the user is asked to confirm)."""
    from xlkinerja.store.archive import Archive

    _check_years(years)
    with Archive.open(db) as archive:
        old = archive.purgeable(years)
    ids = tuple(v.submission_id for v in old)
    return ArsipBersihkan(0, years, version_rows(old), ids, trial=True)


def bersihkan(
    db: str | Path | None, *, years: int, only: Sequence[int] | None = None
) -> ArsipBersihkan:
    """Remove the versions older than `years` years (retention); with `only`, just those
    of these submission ids (the ones listed to the user and confirmed)."""
    from xlkinerja.store.archive import Archive

    _check_years(years)
    with Archive.open(db) as archive:
        return ArsipBersihkan(archive.purge(years, only=only), years)


def siapkan(db: str | Path | None) -> str:
    """Open the archive (created, or migrated to the latest schema) and close it again: what
    the server does at its start, so that a database it cannot use stops it there and then,
    and the first calls that record never create the schema together. Returns where the
    archive is, without a password."""
    from xlkinerja.store.archive import Archive

    with Archive.open(db) as archive:
        return archive.location
