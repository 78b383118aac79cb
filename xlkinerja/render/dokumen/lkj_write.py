"""Chapter III of the Laporan Kinerja written out: lkj-bab-iii-<tahun>.xlsx, .docx and
.pdf, and the chart of each sasaran with data as a PNG beside them (grafik-lkj-<kode SS>.png),
for pasting; a sasaran without data gets no chart (the chapter says so)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xlkinerja.errors import ErrorRecord
from xlkinerja.files.atomic import atomic_path
from xlkinerja.kompilasi.lkj import Lkj
from xlkinerja.render.dokumen.lkj_bab import bab_tiga
from xlkinerja.render.dokumen.lkj_chart import chart_png
from xlkinerja.render.dokumen.lkj_docx import write_lkj_docx
from xlkinerja.render.dokumen.lkj_pdf import write_lkj_pdf
from xlkinerja.render.dokumen.lkj_tables import ada_data_grafik, kode_grafik
from xlkinerja.render.dokumen.lkj_xlsx import write_lkj_xlsx
from xlkinerja.render.dokumen.pdf import PdfUnavailable
from xlkinerja.render.dokumen.tanda import Tanda


@dataclass(frozen=True)
class WrittenLkj:
    files: list[Path]  # xlsx, docx, pdf
    charts: list[Path]
    pdf_skipped: ErrorRecord | None = None  # why there is no PDF (system libraries missing)


def write_lkj(lkj: Lkj, folder: Path, *, mark: Tanda | None = None) -> WrittenLkj:
    """The chapter's files in `folder`; `mark`: DRAF on every page and why, or the approvals."""
    stem = f"lkj-bab-iii-{lkj.tahun or 'tanpa-tahun'}"
    bagian = bab_tiga(lkj)
    charts = {kode_grafik(s): chart_png(lkj, s) for s in lkj.sasaran if ada_data_grafik(s)}
    pngs = []
    for code, png in charts.items():
        target = folder / f"grafik-lkj-{code}.png"
        with atomic_path(target) as tmp:
            tmp.write_bytes(png)
        pngs.append(target)
    files = [
        write_lkj_xlsx(bagian, charts, folder / f"{stem}.xlsx", mark=mark),
        write_lkj_docx(bagian, charts, folder / f"{stem}.docx", mark=mark),
    ]
    try:
        files.append(write_lkj_pdf(lkj, bagian, charts, folder / f"{stem}.pdf", mark=mark))
    except PdfUnavailable as exc:  # the xlsx and docx are worth having without it
        return WrittenLkj(files, pngs, exc.record())
    return WrittenLkj(files, pngs)
