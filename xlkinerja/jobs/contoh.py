"""Job `contoh`: the main job run on the bundled sample institution.

Writes the blank templates, pre-fills every unit's workbook from the sample master, reads
all the sample's filled workbooks back and validates them (the planted mistakes show up as
findings, written into copies in validasi/), generates every employee's SKP from the units'
matriks (skp/) and draws the cascade tree (pohon-kinerja.png/.svg/.xlsx). Finally it
compiles the institution (rekap-kinerja.xlsx), records it in an archive (arsip.sqlite),
exports it with every export profile (ekspor/) and writes the documents (dokumen/):
every unit's and the institution's Perjanjian Kinerja (PDF) and chapter III of the
Laporan Kinerja (xlsx, docx, PDF).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import ensure_writable_folder
from xlkinerja.files.working_copy import check_copies_folder, fresh_copies
from xlkinerja.jobs.dokumen_pk import PkResult, write_pk
from xlkinerja.jobs.dokumen_ra import RaResult, write_ra
from xlkinerja.jobs.ekspor import EksporResult, export
from xlkinerja.jobs.inputs import CompiledModel, workbook_files
from xlkinerja.jobs.kaskade import KaskadeResult, generate_skp
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.jobs.lkj import LkjResult, write_lkj_chapter
from xlkinerja.jobs.pohon import PohonResult, draw_cascade
from xlkinerja.jobs.ringkasan import ReadResult, read_workbooks
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.templat import TemplatResult, write_blank_templates, write_unit_workbooks
from xlkinerja.jobs.validasi import ValidasiResult, validate_paths
from xlkinerja.render.dokumen.pdf import PdfUnavailable
from xlkinerja.sample.build import MASTER_FILE, build_sample
from xlkinerja.specs import FormKind

DEFAULT_SAMPLE = Path("workbooks/contoh")


@dataclass(frozen=True)
class ContohResult:
    output: Path
    sample: Path
    templates: list[Path]
    prefilled: TemplatResult
    read: ReadResult
    validasi: ValidasiResult
    kaskade: list[KaskadeResult]
    pohon: PohonResult
    rekap: KompilasiResult
    pk: PkResult
    ra: RaResult
    lkj: LkjResult
    ekspor: EksporResult

    def to_dict(self) -> dict[str, Any]:
        return {
            "hasil": str(self.output),
            "contoh": str(self.sample),
            "templat": [str(p) for p in self.templates],
            "unit": self.prefilled.to_dict(),
            "baca": self.read.to_dict(),
            "validasi": self.validasi.to_dict(),
            "kaskade": [k.to_dict() for k in self.kaskade],
            "pohon": self.pohon.to_dict(),
            "kompilasi": self.rekap.to_dict(),
            "dokumen": self.pk.to_dict() | self.ra.to_dict() | {"lkj": self.lkj.to_dict()},
            "ekspor": self.ekspor.to_dict(),
        }

    def summary(self) -> Summary:
        out = self.read.summary()
        out.extend(self.validasi.report())
        out.extend(self.notes())
        out.line(
            f"Selesai. Hasil di folder {self.output}/: templat/ (templat kosong), unit/ (diisi "
            "awal dari master), validasi/ (salinan contoh dengan temuan di setiap sel dan "
            "lembar Hasil Validasi), skp/ (SKP setiap pegawai dari Matriks Peran-Hasil), "
            "pohon-kinerja.png/.svg/.xlsx (pohon kinerja), rekap-kinerja.xlsx (rekap "
            "institusi), arsip.sqlite (arsip kiriman), ekspor/ (berkas unggahan setiap "
            "profil ekspor) dan dokumen/ (Perjanjian Kinerja setiap unit dan institusi, "
            "Rencana Aksi setiap unit, Laporan Kinerja bab III)."
        )
        return out

    def notes(self) -> Summary:
        out = Summary()
        for remark in self.prefilled.remarks:
            out.line(Span("Catatan:", Tone.PERINGATAN), f" {remark}")
        out.extend(self.pk.notes())
        out.extend(self.ra.notes())
        out.extend(self.lkj.notes())
        return out


COPIES_MARK = ".xlkinerja-contoh"  # in validasi/: the folder is this job's to replace


def run_contoh(
    output: Path, sample: Path | None = None, progress: Callable[[str], None] | None = None
) -> ContohResult:
    """Run the pipeline on the sample; without the committed sample folder, build it."""
    ensure_writable_folder(output)  # before anything else
    copies = output / "validasi"
    check_copies_folder(copies, COPIES_MARK, "xlkinerja contoh")
    if sample is None:
        sample = DEFAULT_SAMPLE if (DEFAULT_SAMPLE / MASTER_FILE).exists() else None
    if sample is None:
        sample = output / "contoh"
        build_sample(sample)
    master = sample / MASTER_FILE
    if not master.exists():
        raise XlkinerjaError(
            f"master contoh '{MASTER_FILE}' tidak ada di folder {sample}.",
            code=ErrorCode.MASUKAN_MASTER_TIDAK_ADA,
        )
    templates = write_blank_templates(output / "templat")
    if progress:
        progress(f"{len(templates.written)} templat kosong ditulis ke {output / 'templat'}")
    prefilled = write_unit_workbooks(master, output / "unit")
    if progress:
        progress(f"{len(prefilled.written)} workbook unit diisi awal dari master")
    read = read_workbooks([sample])
    # Validate copies, annotated, so the user can open them and see the findings at the cell.
    fresh_copies(
        sample, copies, COPIES_MARK, "Salinan contoh yang divalidasi oleh 'xlkinerja contoh'.\n"
    )
    validasi = validate_paths([copies], annotate=True)
    if progress:
        progress(
            f"{len(validasi.files)} workbook contoh divalidasi: {len(validasi.findings)} temuan"
        )
    units = [s.path for s in read.summaries if s.form_id == FormKind.UNIT]
    kaskade = [generate_skp(path, output / "skp", master=master) for path in units]
    if progress:
        count = sum(len(k.outcomes) for k in kaskade)
        progress(f"{count} workbook SKP dibuat dari Matriks Peran-Hasil ke {output / 'skp'}")
    pohon = draw_cascade([sample], output)
    if progress:
        progress(f"Pohon kinerja digambar: {pohon.png}")
    rekap_path = output / "rekap-kinerja.xlsx"
    workbooks = workbook_files([sample], master=master)
    rekap = compile_workbooks(workbooks, output=rekap_path, db=output / "arsip.sqlite")
    if progress:
        progress(f"Rekap institusi ditulis: {rekap.output} (arsip: {output / 'arsip.sqlite'})")
    assert rekap.master is not None  # compiled with its master
    model = CompiledModel(rekap.kompilasi, rekap.master, rekap.output.name)
    ekspor = export(model, profiles=[], output=output / "ekspor", now=rekap.kompilasi.dibuat)
    if progress:
        names = ", ".join(p.nama for p in ekspor.profiles)
        progress(f"{len(ekspor.written)} berkas ekspor ({names}) ditulis ke {ekspor.output}")
    pk, ra, lkj = _documents(master, units, rekap, output)
    if progress:
        progress(
            f"{len(pk.files)} Perjanjian Kinerja dan {len(ra.files)} Rencana Aksi (PDF) dan "
            f"Laporan Kinerja bab III ditulis ke {output / 'dokumen'}"
        )
    return ContohResult(
        output=output,
        sample=sample,
        templates=templates.written,
        prefilled=prefilled,
        read=read,
        validasi=validasi,
        kaskade=kaskade,
        pohon=pohon,
        rekap=rekap,
        pk=pk,
        ra=ra,
        lkj=lkj,
        ekspor=ekspor,
    )


def _documents(
    master: Path, units: list[Path], rekap: KompilasiResult, output: Path
) -> tuple[PkResult, RaResult, LkjResult]:
    """Every unit's and the institution's PK, every unit's Rencana Aksi, and the LKj of the
    kompilasi just made."""
    folder = output / "dokumen"
    try:
        pk = write_pk([master, *units], folder)
        ra = write_ra(units, folder, master=master)
    except PdfUnavailable as exc:  # the rest of the main job stands without the PDFs
        pk, ra = PkResult(skipped=exc.record()), RaResult()
    assert rekap.master is not None  # compiled with its master
    model = CompiledModel(rekap.kompilasi, rekap.master, f"{len(units)} workbook unit contoh")
    lkj = write_lkj_chapter(model, output=folder, db=output / "arsip.sqlite")
    return pk, ra, lkj
