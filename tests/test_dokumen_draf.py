"""Draft marks (issue 21 item 6): a PK, Rencana Aksi or Laporan Kinerja of a submission not
yet approved, or with galat, carries DRAF on every page and says why; the final one shows
its approval (who, NIP, date, version). Read back from the written PDF (per page), .docx
(the header of every section) and .xlsx."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from tests.conftest import SAMPLE
from tests.test_lkj_render import STEM, chapter
from tests.test_pengesahan_cli import NIP_DIREKTUR, NIP_KABAG, NIP_TIM, SENT
from tests.test_store import unit_submission
from xlkinerja.cli.app import app
from xlkinerja.domain.pengesahan import Stage, Step, approval_status
from xlkinerja.domain.status_dokumen import status_gabungan, status_unit
from xlkinerja.render.dokumen.teks import tanggal
from xlkinerja.store.archive import Archive

runner = CliRunner()
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT_TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"  # 1 galat of its own
UNIT_P3M = SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"  # none
STEPS = (
    ["bahas", "--rekomendasi", "Lanjutkan", "--kendala", "tidak ada", "--tindak-lanjut",
     "tidak ada", "--nama", "Ani", "--nip", NIP_TIM],
    ["periksa", "--nama", "Budi", "--nip", NIP_KABAG],
    ["setujui", "--nama", "Citra Lestari", "--nip", NIP_DIREKTUR],
)  # fmt: skip


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext splits pages with a form feed)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()]


def submitted(db: Path, unit: str) -> None:
    """`unit`'s 2025 workbook sent to the archive at `db`."""
    with Archive.open(db) as archive:
        archive.record(unit_submission(unit, tahun=2025), compiled_at=SENT, compiled_by=unit)


def approved(db: Path, unit: str) -> None:
    """`unit`'s latest 2025 submission reviewed through to disetujui with `xlkinerja arsip`."""
    for step in STEPS:
        args = ["arsip", step[0], unit, "--tahun", "2025", *step[1:], "--db", str(db)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output


def dokumen(kind: str, unit: Path, out: Path, db: Path) -> str:
    args = ["dokumen", kind, str(unit), "--master", str(MASTER), "-o", str(out), "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_unit_with_galat_gets_a_draft_pk_and_ra_on_every_page_saying_why(tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    said = dokumen("pk", UNIT_TI, tmp_path, db)
    assert "DRAF: PK-TI-2025.pdf" in said
    pk = pages(tmp_path / "PK-TI-2025.pdf")
    assert len(pk) >= 3  # statement, signatures, annex (landscape)
    assert all(page.startswith("DRAF") for page in pk), [p[:40] for p in pk]
    assert "Dokumen ini DRAF karena: workbook masih memuat 1 galat" in pk[0]
    assert "Unit TI belum mengirim workbook tahun 2025" in pk[0]
    assert "Disetujui oleh" not in " ".join(pk)
    dokumen("ra", UNIT_TI, tmp_path, db)
    ra = pages(tmp_path / "RA-TI-2025.pdf")
    assert all(page.startswith("DRAF") for page in ra)
    assert "Dokumen ini DRAF karena: workbook masih memuat 1 galat" in ra[0]


def test_an_approved_unit_without_galat_gets_a_final_pk_with_its_approval(tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    submitted(db, "P3M")
    dokumen("pk", UNIT_P3M, tmp_path, db)
    waiting = pages(tmp_path / "PK-P3M-2025.pdf")
    assert all(page.startswith("DRAF") for page in waiting)
    assert "Belum disetujui: versi 1 diajukan" in waiting[0]

    approved(db, "P3M")
    said = dokumen("pk", UNIT_P3M, tmp_path, db)
    approval = (
        f"Disetujui oleh Citra Lestari (NIP {NIP_DIREKTUR}) pada {tanggal(date.today())}, versi 1."
    )
    assert approval in said
    final = pages(tmp_path / "PK-P3M-2025.pdf")
    assert not any("DRAF" in page for page in final)
    assert approval in final[0]
    dokumen("ra", UNIT_P3M, tmp_path, db)
    ra = pages(tmp_path / "RA-P3M-2025.pdf")
    assert not any("DRAF" in page for page in ra)
    assert approval in ra[0]


@pytest.fixture(scope="module")
def lkj(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's chapter, no unit's submission in the archive."""
    return chapter(tmp_path_factory.mktemp("lkj-draf"))


def test_the_lkj_of_units_not_approved_is_draft_in_pdf_docx_and_xlsx(lkj: Path):
    why = "4 dari 4 unit belum disetujui: AK (belum ada di arsip), P3M (belum ada di arsip)"
    pdf = pages(lkj / f"{STEM}.pdf")
    assert len(pdf) > 3
    assert all(page.startswith("DRAF") for page in pdf)
    assert why in pdf[0] and "Dokumen ini DRAF karena: data kompilasi masih memuat" in pdf[0]

    docx = Document(str(lkj / f"{STEM}.docx"))
    headers = [s.header.paragraphs[0].text for s in docx.sections]
    assert headers and all(h == "DRAF" for h in headers)
    assert why in docx.paragraphs[1].text

    sheet = openpyxl.load_workbook(lkj / f"{STEM}.xlsx")["Bab III"]
    assert sheet["A1"].value == "DRAF"
    assert why in str(sheet["A2"].value)
    assert sheet.oddHeader.center.text == "DRAF"  # on every printed page


def test_what_makes_a_document_draft_or_final():
    done = approval_status("TI", 2025, 2, [Step(Stage.DISETUJUI, date(2025, 3, 1), "C", "1")])
    waiting = approval_status("TM", 2025, 1, [])
    missing = approval_status("AK", 2025, None, [])

    final = status_unit(0, done)
    assert not final.draf and final.keterangan == ""
    assert [(p.nama, p.versi, p.tanggal) for p in final.persetujuan] == [("C", 2, date(2025, 3, 1))]
    galat = status_unit(3, done)
    assert galat.draf and galat.persetujuan == ()
    assert galat.keterangan == "Dokumen ini DRAF karena: workbook masih memuat 3 galat."
    assert status_unit(0, waiting).alasan == (
        "Belum disetujui: versi 1 diajukan; menunggu dibahas",
    )
    assert not status_unit(0, None).draf  # the institution's PK: galat only
    assert status_unit(1, None).draf

    assert not status_gabungan(0, {"TI": done}).draf
    assert status_gabungan(None, {"TI": done}).persetujuan[0].unit == "TI"
    mixed = status_gabungan(0, {"TI": done, "TM": waiting, "AK": missing})
    assert mixed.alasan == (
        "2 dari 3 unit belum disetujui: AK (belum ada di arsip), TM (versi 1 diajukan)",
    )
    many = {f"U{n}": waiting for n in range(8)}
    assert status_gabungan(0, many).alasan[0].endswith("dan 3 unit lain")
    assert status_gabungan(0, {}).draf  # nothing approved to show
