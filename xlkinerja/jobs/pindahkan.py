"""Job `pindahkan`: the values of a workbook that lost its Excel tables or names (saved as
.xls and back, copied into a plain workbook, made from an older template) moved into a
fresh standard template, by sheet names and column headers.

The original is never written: the new workbook goes to the output folder under the same
name (.xlsx), and a different file already there is kept in cadangan-xlkinerja/ first.
Every value that could not be placed is reported with its cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, OutputError
from xlkinerja.files.output_guard import keep_original
from xlkinerja.jobs.summary import Column, Span, Summary, Tone, cell
from xlkinerja.pindahkan.loose_reader import read_loose
from xlkinerja.pindahkan.transfer import Transfer, place_values
from xlkinerja.render.template.writer import write_template


@dataclass(frozen=True)
class PindahkanResult:
    source: Path
    output: Path  # the new workbook
    transfer: Transfer
    backup: Path | None  # a different file that was at `output`, kept

    @property
    def complete(self) -> bool:
        """Every value of the source found its place."""
        return not self.transfer.unplaced

    def to_dict(self) -> dict[str, Any]:
        moved = self.transfer
        return {
            "berkas": str(self.source),
            "hasil": str(self.output),
            "jenis": str(moved.form.id),
            "tabel": [
                {"tabel": t.key, "lembar": t.sheet, "sel_judul": t.header_cell, "baris": t.rows}
                for t in moved.tables
            ],
            "isian": moved.fields,
            "tidak_ditemukan": moved.missing,
            "tidak_dipindahkan": [
                {"lembar": u.sheet, "sel": u.cell, "nilai": u.value, "alasan": u.reason}
                for u in moved.unplaced
            ],
            "cadangan": str(self.backup) if self.backup else None,
        }

    def summary(self) -> Summary:
        moved = self.transfer
        out = Summary()
        out.line(f"Dipindahkan ke templat {moved.form.title}: {self.source} → {self.output}")
        out.table(
            "Tabel yang dipindahkan",
            (Column("Tabel"), Column("Ditemukan di"), Column("Baris", right=True)),
            (
                (cell(t.title), cell(f"{t.sheet}!{t.header_cell}"), cell(t.rows))
                for t in moved.tables
            ),
        )
        out.line(f"Isian tunggal terisi: {moved.fields}.")
        for missing in moved.missing:
            out.line(Span("Tidak ditemukan:", Tone.PERINGATAN), f" {missing}")
        if moved.unplaced:
            out.table(
                "Nilai yang tidak dapat dipindahkan",
                (Column("Lembar"), Column("Sel"), Column("Nilai"), Column("Alasan")),
                (
                    (cell(u.sheet), cell(u.cell), cell(u.value), cell(u.reason))
                    for u in moved.unplaced
                ),
            )
        out.extend(self.notes())
        out.line(f"Periksa hasilnya: xlkinerja validasi {self.output}")
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.transfer.unplaced:
            out.line(
                Span("Perhatian:", Tone.GALAT),
                f" {len(self.transfer.unplaced)} nilai tidak dapat dipindahkan; salin sendiri "
                "ke workbook baru bila masih diperlukan.",
            )
        if self.backup:
            out.line(f"Berkas lama yang berbeda disimpan sebagai cadangan: {self.backup}")
        return out


def move_values(source: Path, output: Path, *, now: datetime | None = None) -> PindahkanResult:
    """Read `source` as plain cells, place its values into the form's template and write
    that to `output`/<name>.xlsx (see the module docstring)."""
    source = Path(source)
    transfer = place_values(read_loose(source))
    target = Path(output) / f"{source.stem}.xlsx"
    if target.resolve() == source.resolve():
        raise OutputError(
            "hasil akan menimpa berkas aslinya; berkas asli tidak pernah diubah.",
            code=ErrorCode.KELUARAN_MENIMPA_ASLI,
            path=source,
            hint="Pilih folder lain untuk --output.",
        )
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(
            "--output harus sebuah folder, bukan berkas.",
            code=ErrorCode.KELUARAN_BUKAN_FOLDER,
            path=target.parent,
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"folder keluaran tidak dapat dibuat ({exc.strerror}).",
            code=ErrorCode.KELUARAN_TIDAK_DAPAT_DITULIS,
            path=target.parent,
        ) from exc
    write = partial(
        write_template, transfer.form, target, transfer.values, subtitle=transfer.subtitle
    )
    backup = keep_original(target, write, now or datetime.now())
    return PindahkanResult(source=source, output=target, transfer=transfer, backup=backup)
