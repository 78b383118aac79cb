"""Job `dokumen rumusan`: the Rumusan Hasil Pembahasan Capaian Kinerja of one quarter
(kompilasi/rumusan.py) as .xlsx and PDF.

The capaian come from the same model every output uses: the workbooks compiled as
`kompilasi` compiles them for TW n (files, or the archive's latest versions with
`--dari-arsip`), or a compiled workbook of TW n read back (`compiled`, as the LKj and the
exports take it; a rekap of another period is refused). The rumusan, and who examined and
approved it, come from the archive (`arsip bahas/periksa/setujui`, or the ribbon's
Pengesahan buttons): each unit's latest submission of the model's year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, ErrorRecord, XlkinerjaError, heading
from xlkinerja.jobs.compiled import compiled
from xlkinerja.jobs.inputs import Input
from xlkinerja.jobs.inputs import described as describe
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.kompilasi.rumusan import Kiriman, RumusanPembahasan, build_rumusan
from xlkinerja.render.dokumen.rumusan_write import write_rumusan
from xlkinerja.store.archive import Archive


@dataclass
class RumusanResult:
    rumusan: RumusanPembahasan
    files: list[Path]
    sumber: str  # where the figures came from
    arsip: str  # the archive the rumusan came from
    pdf_skipped: ErrorRecord | None = None

    def to_dict(self) -> dict[str, Any]:
        r = self.rumusan
        return {
            "berkas": [str(p) for p in self.files],
            "tahun": r.tahun,
            "triwulan": r.tw,
            "sumber": self.sumber,
            "arsip": self.arsip,
            "unit": [
                {
                    "kode_unit": u.kode_unit,
                    "nama_unit": u.nama_unit,
                    "versi": u.versi,
                    "tahap": u.tahap.value if u.tahap is not None else None,
                    "ada_rumusan": u.ada_rumusan,
                    "keterangan": u.keterangan,
                }
                for u in r.unit
            ],
            "pdf_dilewati": self.pdf_skipped.message if self.pdf_skipped else None,
        }

    def summary(self) -> Summary:
        out = Summary()
        r = self.rumusan
        out.line(
            f"{r.judul} {r.subjudul} (capaian: {self.sumber}; rumusan: arsip {self.arsip}): "
            f"{', '.join(str(p) for p in self.files)}"
        )
        done = sum(u.ada_rumusan for u in r.unit)
        out.line(f"Rumusan pembahasan: {done} dari {len(r.unit)} unit.")
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.pdf_skipped:
            label = heading(self.pdf_skipped.code, "Peringatan")
            out.line(Span(label, Tone.PERINGATAN), f" {self.pdf_skipped.message}")
        for u in self.rumusan.belum_dibahas:
            out.line(Span("Belum dibahas:", Tone.PERINGATAN), f" {u.nama_unit} ({u.keterangan}).")
        return out


def write_rumusan_pembahasan(
    given: Input, *, output: Path, db: str | Path | None = None, triwulan: int | None = None
) -> RumusanResult:
    """The document of TW `triwulan` (default: the latest any unit reported) from `given`,
    the rumusan from the archive at `db`, written into `output`."""
    described = describe(given)
    made = compiled(given, sheets=("lkj",), triwulan=triwulan, described=described)
    tw = made.sumber.period()
    if tw is None:
        raise XlkinerjaError(
            f"{described} belum memuat capaian triwulan mana pun: belum ada yang dibahas.",
            code=ErrorCode.MASUKAN_TRIWULAN_TIDAK_ADA,
            hint="Isi realisasi di lembar Capaian workbook unit, lalu kompilasi ulang.",
        )
    if made.tahun is None:
        raise XlkinerjaError(
            f"{described} tidak menyebut tahun: rumusan di arsip dicatat per tahun.",
            code=ErrorCode.ISIAN_TAHUN_TIDAK_SAH,
            hint="Isi tahun di workbook master, lalu kompilasi ulang.",
        )
    with Archive.open(db) as archive:
        reviews = archive.latest_reviews(made.tahun)
        location = archive.location
    kiriman = {
        unit: Kiriman(r.info.version, r.info.file_name, r.steps) for unit, r in reviews.items()
    }
    rumusan = build_rumusan(made.sumber, tw, kiriman)
    written = write_rumusan(rumusan, output)
    return RumusanResult(rumusan, written.files, described, location, written.pdf_skipped)
