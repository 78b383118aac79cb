"""Job `dokumen pk`: the Perjanjian Kinerja of a unit workbook (the unit's PK) or of the
master (the institution's own PK) as a PDF ready to print and sign, with the Rencana Aksi
as its last pages (units). What the workbook lacks is printed as a dotted line to fill in
by hand and told to the user — never made up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, ErrorRecord, WorkbookError, heading
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.render.dokumen.pk import write_pk_pdf
from xlkinerja.render.dokumen.pk_data import PkDokumen, pk_dokumen
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FormKind
from xlkinerja.validation.normalise import normalise_form


@dataclass(frozen=True)
class PkFile:
    pdf: Path
    dokumen: PkDokumen


@dataclass
class PkResult:
    files: list[PkFile] = field(default_factory=list)
    skipped: ErrorRecord | None = None  # why no PDF was made (the job goes on without them)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pk": [
                {
                    "pdf": str(f.pdf),
                    "sumber": f.dokumen.berkas,
                    "unit": f.dokumen.kode,
                    "tahun": f.dokumen.tahun,
                    "diisi_tangan": f.dokumen.kosong,
                }
                for f in self.files
            ],
            "dilewati": self.skipped.message if self.skipped else None,
        }

    def summary(self) -> Summary:
        out = Summary()
        for f in self.files:
            out.line(f"Perjanjian Kinerja {f.dokumen.nama} ditulis: {f.pdf}")
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.skipped:
            label = heading(self.skipped.code, "Peringatan")
            out.line(Span(label, Tone.PERINGATAN), f" {self.skipped.message}")
        for f in self.files:
            for kosong in f.dokumen.kosong:
                out.line(
                    Span("Diisi tangan:", Tone.PERINGATAN),
                    f" {f.pdf.name}: {kosong}; dicetak sebagai garis titik-titik.",
                )
        return out


def pk_of_workbook(path: Path, *, triwulan: bool = False) -> PkDokumen:
    """The PK document of one unit workbook or master (another workbook: WorkbookError)."""
    data = read_form(path)
    if data.form.id != FormKind.UNIT and not data.is_master:
        raise WorkbookError(
            f"ini workbook '{data.form.title}': Perjanjian Kinerja dibuat dari workbook unit "
            "(PK unit) atau workbook master (PK institusi).",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=path,
        )
    form, _ = normalise_form(data)
    return pk_dokumen(form, triwulan=triwulan)


def write_pk(paths: Iterable[Path], output: Path, *, triwulan: bool = False) -> PkResult:
    """One PDF per workbook in `output`: PK-<unit>-<tahun>.pdf, PK-institusi-<tahun>.pdf.
    Every workbook is read before any PDF is written: a bad one stops the job early."""
    documents = [pk_of_workbook(p, triwulan=triwulan) for p in paths]
    return PkResult([PkFile(write_pk_pdf(d, output), d) for d in documents])
