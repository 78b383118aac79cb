"""`xlkinerja dokumen lkj`: chapter III of the Laporan Kinerja as .xlsx, .docx and PDF —
the compiled numbers per sasaran and IKU, earlier years from the archive ("tidak ada data"
when it has none), the Renstra end target, the kendala of the Capaian sheets, the budget
(and that its realisasi is not in the data), a chart per sasaran; the .docx opened and
converted by LibreOffice shows the same tables."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from tests import lo
from tests.coded import codes_shown, error_code
from tests.conftest import SAMPLE
from tests.test_dokumen_pk import in_order, pdf_text, row_with
from xlkinerja.cli.app import app
from xlkinerja.core.form_data import CellValue
from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.per_file import Work, process_source
from xlkinerja.sources.reader import read_form
from xlkinerja.sources.source import FormRead
from xlkinerja.store import Archive

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT_TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
runner = CliRunner()
STEM = "lkj-bab-iii-2025"


@pytest.fixture(scope="module")
def lkj(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The chapter from the sample's files, with an empty archive."""
    tmp = tmp_path_factory.mktemp("lkj")
    result = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(SAMPLE), "--master", str(MASTER),
            "-o", str(tmp / "out"), "--db", str(tmp / "arsip.sqlite"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return tmp / "out", result.output


def test_the_three_files_and_a_chart_per_sasaran_are_written(lkj: tuple[Path, str]):
    out, output = lkj
    for suffix in ("xlsx", "docx", "pdf"):
        assert (out / f"{STEM}.{suffix}").is_file()
        assert str(out / f"{STEM}.{suffix}") in " ".join(output.split())
    charts = sorted(p.name for p in out.glob("grafik-lkj-*.png"))
    assert charts == [f"grafik-lkj-SS-{n}.png" for n in (1, 2, 3)]  # SS-4 has no data
    assert all((out / c).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for c in charts)


def test_pdf_per_sasaran_and_iku_in_order_with_its_numbers(lkj: tuple[Path, str]):
    out, output = lkj
    pdf = out / f"{STEM}.pdf"
    text = pdf_text(pdf)
    in_order(
        text,
        [
            "BAB III AKUNTABILITAS KINERJA",
            "A. Capaian Kinerja Organisasi",
            "Tabel 3.1 Capaian IKU Politeknik Negeri Contoh Tahun 2025 (s.d. TW III)",
            "Sasaran Strategis 1: Meningkatnya kualitas lulusan pendidikan tinggi vokasi",
            "Tabel 3.2.1a",
            "Tabel 3.2.1b Perbandingan dengan tahun sebelumnya",
            "Grafik capaian IKU SS-1",
            "Perbandingan dengan standar nasional",
            "Tabel 3.2.1c",
            "Analisis penyebab keberhasilan atau kegagalan",
            "IKU-1 — Jurusan Teknik Informatika, IKK-TI-1 TW III: kendala: Tracer study baru "
            "terisi 70% responden; tindak lanjut: Dibahas dalam rapat jurusan.",
            "Efisiensi penggunaan sumber daya",
            "Program dan kegiatan pendukung",
            "Tabel 3.2.1d",
            "Sasaran Strategis 2:",
            "Sasaran Strategis 3:",
            "Sasaran Strategis 4: Terwujudnya tata kelola yang akuntabel",
            "B. Realisasi Anggaran",
            "Rp 24.750.000.000",  # the institution's PK programs, not the units' sum
            "Tabel 3.3",
            "Tabel 3.4",
            "Rp 2.150.000.000",
            "Rp 7.660.000.000",  # the units' kegiatan, their own table
        ],
    )
    assert "Halaman 1 dari" in text
    layout = pdf_text(pdf, layout=True)
    section = layout.split("Tabel 3.2.1a")[1]
    # IKU-3 (beban target, orang), s.d. TW III: AK has not reported TW III, so the figure is
    # TI's and TM's: targets 140 + 60, realisasi 142 + 96, capaian 238 / 200 = 119 % — the
    # row reconciles; the annual target 500 stands beside it, progress 238 / 700.
    row = " ".join(row_with(section, "IKU-3"))  # the first line of the row: words may wrap
    assert row.endswith("orang 500 200 238 119,00 % 700 34,00 %"), row
    # IKU-5's IKK count judul and proposal: never added up or averaged.
    assert "tidak diketahui" in " ".join(pdf_text(pdf).split("Tabel 3.2.2a")[1].split()[:140])
    comparison = section.split("Tabel 3.2.1b")[1]
    row = " ".join(row_with(comparison, "IKU-3"))  # 2024: nothing archived; then 2025
    assert row.endswith("tidak ada data tidak ada data 238 119,00 %"), row
    # Every rule and gap said, in the chapter's Catatan and on the terminal alike.
    notes = [
        "IKU-1: realisasi IKU adalah rasio: Σ pembilang / Σ penyebut IKK (Manual IKU): 95 / 150",
        "IKU-1: 2 dari 3 IKK melapor TW III; belum melapor: IKK-AK-1 (Jurusan Akuntansi)",
        "IKU-3: IKK-TM-3 (Jurusan Teknik Mesin): capaian 160 % dibatasi 120 %",
        "IKU-5: capaian adalah rata-rata capaian IKK (realisasi tidak digabung: satuan IKK "
        "berbeda (judul, proposal))",
    ]
    flat_output, flat_pdf = " ".join(output.split()), " ".join(text.split())
    catatan = flat_pdf.split("C. Catatan")[1]
    for note in notes:
        assert note in flat_output and note in catatan, note
    assert "arsip tidak memuat data tahun-tahun sebelumnya" in output
    assert "anggaran kegiatan: penyerapan = Rp 4.585.000.000 ÷ Rp 6.240.000.000" in flat_output


def test_xlsx_keeps_numbers_as_numbers(lkj: tuple[Path, str]):
    out, _ = lkj
    book = openpyxl.load_workbook(out / f"{STEM}.xlsx")
    assert book.sheetnames == ["Bab III", "Grafik"]
    rows = [list(r) for r in book["Bab III"].iter_rows(values_only=True)]
    iku3 = next(r for r in rows if r[0] == "IKU-3" and r[3] == 500)
    assert iku3[:6] == [
        "IKU-3",
        "Jumlah lulusan yang memperoleh sertifikat kompetensi",
        "orang",
        500,
        200,  # s.d. TW III, of the IKK that reported it
        238,
    ]
    assert iku3[6] == pytest.approx(119.0)
    assert iku3[7] == 700
    iku5 = next(r for r in rows if r[0] == "IKU-5" and r[3] == 40)
    assert iku5[4:6] == ["tidak ada data", "tidak diketahui"]  # judul and proposal
    iku6 = next(r for r in rows if r[0] == "IKU-6" and r[3] == 80)
    assert iku6[4:6] == [100, 100]  # all three IKK in %: their realisasi averaged
    assert any(
        r[:3]
        == [
            "IKU-1",
            "Persentase lulusan D4 yang bekerja, melanjutkan studi, atau berwiraswasta dalam 1 tahun",
            "tidak ada data",
        ]
        for r in rows
    )
    assert len(book["Grafik"]._images) == 3  # SS-4 has no data


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(path)).tables]


def test_docx_has_the_pdfs_tables_styled(lkj: tuple[Path, str]):
    out, _ = lkj
    tables = docx_tables(out / f"{STEM}.docx")
    # summary; per sasaran its figures and history, the national standard where the master
    # has one (SS-1, SS-2), the supporting programs where any (SS-1, SS-2, SS-4); budget
    assert len(tables) == 1 + 2 * 4 + 2 + 3 + 2
    assert tables[0][0] == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja Utama",
        "Satuan",
        "Target 2025",
        "Target s.d. TW III",
        "Realisasi s.d. TW III",
        "Capaian",
        "Predikat",
    ]
    assert tables[-2][-1][1:6] == [
        "Jumlah",
        "",
        "Rp 24.750.000.000",
        "Rp 17.350.000.000",
        "70,10 %",
    ]
    assert tables[-1][-1][2:7] == [
        "Jumlah",
        "",
        "Rp 7.660.000.000",
        "belum lengkap",
        "belum lengkap",
    ]
    document = Document(str(out / f"{STEM}.docx"))
    header = document.tables[0].rows[0].cells[0]._tc.xml
    assert 'w:fill="D9E2F3"' in header  # the header row is shaded
    assert document.tables[0].style.name == "Table Grid"
    assert len(document.inline_shapes) == 3  # a chart per sasaran with data


@pytest.mark.libreoffice
def test_docx_opens_in_libreoffice_and_converts_with_the_same_tables(
    lkj: tuple[Path, str], tmp_path: Path
):
    out, _ = lkj
    ours = out / f"{STEM}.docx"
    tables = docx_tables(ours)
    # Saved again by LibreOffice: the tables it read are ours, cell for cell.
    (again,) = lo.convert([ours], "docx:MS Word 2007 XML", tmp_path / "docx", tmp_path / "p")
    assert docx_tables(again) == tables
    # Converted to PDF: the captions in order, every number cell there.
    (pdf,) = lo.convert([ours], "pdf", tmp_path / "pdf", tmp_path / "p")
    text = pdf_text(pdf)
    in_order(
        text,
        [
            "BAB III AKUNTABILITAS KINERJA",
            "Tabel 3.1",
            "Tabel 3.2.1a",
            "Tabel 3.2.1b",
            "Tabel 3.2.4a",
            "Tabel 3.2.4b",
            "B. Realisasi Anggaran",
            "Tabel 3.3",
        ],
    )
    flat = " ".join(text.split())
    numbers = {
        c for t in tables for row in t[1:] for c in row if c[:1].isdigit() or c.startswith("Rp")
    }
    assert {"119,00 %", "Rp 7.660.000.000"} <= numbers
    assert [n for n in numbers if n not in flat] == []


def record_as_year(db: Path, path: Path, year: int) -> None:
    """Archive a sample workbook as if it were sent in `year`."""
    data = read_form(path)
    field = data.fields["tahun"]
    data = replace(data, fields={**data.fields, "tahun": CellValue(year, field.sheet, field.cell)})
    result = process_source(FormRead(data, "1" * 64), Pengaturan(), Work(archive=True))
    assert result.archive is not None
    with Archive.open(db) as archive:
        archive.record(result.archive)


@pytest.mark.lambat  # a kompilasi, then the chapter's PDF
def test_earlier_years_come_from_the_archive_and_dari_arsip_gives_the_same_numbers(
    tmp_path: Path,
):
    db = tmp_path / "arsip.sqlite"
    record_as_year(db, UNIT_TI, 2024)  # only TI sent in 2024
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )  # 2025
    result = runner.invoke(
        app, ["dokumen", "lkj", "--dari-arsip", "--db", str(db), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "arsip tidak memuat" not in result.output
    comparison = pdf_text(tmp_path / "out" / f"{STEM}.pdf").split("Tabel 3.2.1b")[1]
    assert "Realisasi 2024" in " ".join(comparison.split())
    book = openpyxl.load_workbook(tmp_path / "out" / f"{STEM}.xlsx")
    rows = list(book["Bab III"].iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Kode" and r[2] == "Realisasi 2024")
    now = ("Realisasi 2025 s.d. TW III", "Capaian 2025 s.d. TW III")
    assert header[2:6] == ("Realisasi 2024", "Capaian 2024", *now)
    row = next(r for r in rows if r[0] == "IKU-3" and len(r) > 5 and r[2] != "orang")
    # 2024: TI alone sent: IKU-3 (beban target) is TI's part; 2025 s.d. TW III: TI's and
    # TM's (AK has not reported TW III).
    ti_only, reported = row[2], row[4]
    assert ti_only == 142
    assert reported == 238


def test_lkj_without_master_or_workbooks_is_an_indonesian_error_exit_2(tmp_path: Path):
    no_master = runner.invoke(app, ["dokumen", "lkj", str(SAMPLE), "-o", str(tmp_path)])
    assert no_master.exit_code == 2
    assert error_code(no_master.output) == ErrorCode.MASUKAN_MASTER_TIDAK_ADA
    nothing = runner.invoke(app, ["dokumen", "lkj", "-o", str(tmp_path)])
    assert nothing.exit_code == 2
    assert error_code(nothing.output) == ErrorCode.OPSI_BELUM_DIBERIKAN
    empty = runner.invoke(
        app,
        ["dokumen", "lkj", "--dari-arsip", "--db", str(tmp_path / "a.sqlite"), "-o", str(tmp_path)],
    )
    assert empty.exit_code == 2
    assert error_code(empty.output) == ErrorCode.ARSIP_MASTER_TIDAK_ADA
    bad = tmp_path / "master.xlsx"
    bad.write_text("bukan workbook")
    broken = runner.invoke(
        app, ["dokumen", "lkj", str(SAMPLE), "--master", str(bad), "-o", str(tmp_path / "o")]
    )
    assert broken.exit_code == 2
    assert error_code(broken.output) == ErrorCode.BERKAS_BUKAN_WORKBOOK
    assert "]: Berkas 'master.xlsx'" in broken.output
    assert "Traceback" not in broken.output


def test_without_the_pdf_libraries_the_lkj_is_still_written_and_the_pk_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A machine without WeasyPrint's system libraries (pango): the LKj's xlsx and docx are
    written and the missing PDF is said, with the packages to install; the PK, which is
    only a PDF, is refused with that message (exit 2), never a traceback."""
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as without pango
    result = runner.invoke(
        app, ["dokumen", "lkj", str(SAMPLE), "--master", str(MASTER), "-o", str(tmp_path / "l")]
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.suffix for p in (tmp_path / "l").glob(f"{STEM}.*"))
    assert written == [".docx", ".xlsx"]
    flat = " ".join(result.output.split())
    assert codes_shown(flat, "Peringatan") == [ErrorCode.LINGKUNGAN_PDF_TIDAK_TERSEDIA]
    assert "libpango-1.0-0" in flat  # the packages to install
    pk = runner.invoke(app, ["dokumen", "pk", str(UNIT_TI), "-o", str(tmp_path / "p")])
    assert pk.exit_code == 2
    assert error_code(pk.output) == ErrorCode.LINGKUNGAN_PDF_TIDAK_TERSEDIA
    assert "Traceback" not in pk.output
