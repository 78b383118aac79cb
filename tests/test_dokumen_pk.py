"""`xlkinerja dokumen pk`: the Perjanjian Kinerja as a PDF, checked by its text (pdftotext)
— names, NIP, numbers, headings in order — by its fonts and page size (pdffonts, pdfinfo),
and what a workbook lacks printed as a dotted line and said, never made up."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.md_tables import workbook
from xlkinerja.cli.app import app
from xlkinerja.core.formats import rupiah
from xlkinerja.errors import ErrorCode
from xlkinerja.render.dokumen.teks import TITIK_TITIK, angka, tanggal
from xlkinerja.specs import UNIT

runner = CliRunner()
UNIT_TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def in_order(text: str, parts: list[str]) -> None:
    """Each part appears in `text`, after the one before it."""
    flat = " ".join(text.split())
    at = 0
    for part in parts:
        found = flat.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}"
        at = found + len(part)


def row_with(layout: str, start: str) -> list[str]:
    """The words of the table row whose line (in pdftotext -layout) holds `start`."""
    line = next(ln for ln in layout.splitlines() if start in ln)
    return line.split()


def test_indonesian_money_numbers_and_dates():
    assert rupiah(1_500_000_000) == "Rp 1.500.000.000"
    assert rupiah(None) == "-"
    assert angka(1234.5) == "1.234,5"
    assert angka(75.0) == "75"
    assert tanggal(date(2025, 2, 20)) == "20 Februari 2025"
    assert tanggal(None) == TITIK_TITIK


def test_unit_pk_reads_as_the_standard_agreement_with_both_signatures(tmp_path: Path):
    result = runner.invoke(app, ["dokumen", "pk", str(UNIT_TI), "-o", str(tmp_path), "--triwulan"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "PK-TI-2025.pdf"
    assert f"ditulis: {pdf}" in result.output
    assert "Diisi tangan" not in result.output  # the sample unit lacks nothing
    text = pdf_text(pdf)
    in_order(
        text,
        [
            "PERJANJIAN KINERJA TAHUN 2025",
            "JURUSAN TEKNIK INFORMATIKA",
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            "Dr. Andi Pratama, S.Kom., M.Kom.",
            "197803152005011002",
            "Ketua Jurusan Teknik Informatika",
            "selanjutnya disebut PIHAK PERTAMA",
            "Dr. Ir. Hendra Wijaya, M.T.",
            "197005121995031001",
            "selanjutnya disebut PIHAK KEDUA",
            "PIHAK PERTAMA berjanji akan mewujudkan target kinerja",
            "PIHAK KEDUA akan melakukan supervisi",
            "Kota Contoh, 20 Februari 2025",
            "Halaman 1 dari 2",
            "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
            "Sasaran Kegiatan",
            "Indikator Kinerja",
            "Persentase lulusan D4 Teknik Informatika",
            "Program/Kegiatan",
            "Rp 2.150.000.000",
            "Rp 375.000.000",
            "Jumlah",
            "Rp 2.525.000.000",
            "Halaman 2 dari 2",
        ],
    )
    assert "RENCANA AKSI" not in text  # its own document now (dokumen ra)
    assert "Nomor: 012/PNC/TI/PK/2025" in text  # the unit's PK number, on both parts
    assert "Jalan Pendidikan" not in text  # no master given: no kop
    # PIHAK KEDUA signs on the left, PIHAK PERTAMA on the right, each with name and NIP.
    layout = pdf_text(pdf, layout=True).splitlines()
    heads = [ln for ln in layout if "PIHAK KEDUA," in ln and "PIHAK PERTAMA," in ln]
    names = [ln for ln in layout if "Hendra Wijaya" in ln and "Andi Pratama" in ln]
    nips = [ln for ln in layout if "NIP 197005121995031001" in ln and "NIP 1978031520" in ln]
    assert len(heads) == len(names) == len(nips) == 2  # the statement page and the lampiran
    for line in heads:
        assert line.index("PIHAK KEDUA,") < line.index("PIHAK PERTAMA,")
    for line in nips:
        assert line.index("197005121995031001") < line.index("197803152005011002")
    # TW I–IV targets asked for: IKK-TI-3's 0, 60, 140, 200 after its target 200
    lampiran = pdf_text(pdf, layout=True).split("LAMPIRAN PERJANJIAN KINERJA")[1]
    assert row_with(lampiran, "Jumlah lulusan Teknik")[-6:] == [
        "orang",
        "200",
        "0",
        "60",
        "140",
        "200",
    ]


def test_pdf_is_a4_with_its_fonts_embedded(tmp_path: Path):
    runner.invoke(app, ["dokumen", "pk", str(UNIT_TI), "-o", str(tmp_path)])
    pdf = tmp_path / "PK-TI-2025.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert "(A4)" in info.stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), fonts.stdout  # the "emb" column


def test_institution_pk_of_an_older_master_leaves_the_superior_to_fill_by_hand(tmp_path: Path):
    """A master of template 1.3 names no superior of the head: PIHAK KEDUA is dotted, and
    said to be missing from that template."""
    old = Path(__file__).parent / "fixtures" / "versi-lama"
    master = old / "master-politeknik-negeri-contoh-2025-1.3.xlsx"
    result = runner.invoke(app, ["dokumen", "pk", str(master), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "PK-institusi-2025.pdf"
    output = " ".join(result.output.split())
    assert (
        "Diisi tangan: PK-institusi-2025.pdf: PIHAK KEDUA (atasan pimpinan instansi): nama "
        "kosong (lembar 'Pengaturan': tidak ada di templat versi 1.3)" in output
    )
    assert "tanggal penandatanganan tidak ada di master" in output
    text = pdf_text(pdf)
    in_order(
        text,
        [
            "PERJANJIAN KINERJA TAHUN 2025",
            "POLITEKNIK NEGERI CONTOH",
            "Dr. Ir. Hendra Wijaya, M.T.",
            "197005121995031001",
            "Direktur",
            "selanjutnya disebut PIHAK PERTAMA",
            f"Nama : {TITIK_TITIK}",
            f"NIP : {TITIK_TITIK}",
            "selanjutnya disebut PIHAK KEDUA",
            f"Kota Contoh, {TITIK_TITIK}",
            "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
            "Sasaran Strategis",
            "Meningkatnya kualitas lulusan pendidikan tinggi vokasi",
            "Program Pendidikan Tinggi Vokasi",
            "Rp 18.500.000.000",
            "Rp 24.750.000.000",
        ],
    )
    # the target of the year: the Renstra's first year (2025), not another year's
    assert row_with(pdf_text(pdf, layout=True), "Jumlah lulusan yang memperoleh")[-2:] == [
        "orang",
        "500",
    ]
    assert "RENCANA AKSI" not in text  # the master holds none


def test_a_missing_nip_is_a_dotted_line_and_said_with_its_cell(tmp_path: Path):
    fields = {
        "kode_unit": "TI",
        "nama_unit": "Jurusan TI",
        "tahun": 2025,
        "pihak_pertama_nama": "Andi",
        "pihak_pertama_nip": "197803152005011002",
        "pihak_pertama_jabatan": "Ketua",
        "pihak_kedua_nama": "Hendra",
        "pihak_kedua_jabatan": "Direktur",
        "tempat": "Kota",
        "tanggal": date(2025, 2, 20),
        "status": "draft",
    }
    path = workbook(
        tmp_path,
        UNIT,
        "TI.xlsx",
        fields=fields,
        pk="""
| sasaran | kode_ikk | indikator | satuan | arah | konsolidasi | target | kode_iku | metode_kaskade |
| S       | IKK-TI-1 | Lulusan   | %      | naik | terakhir    | 78,5   | IKU-1    | wilayah        |
""",
        anggaran="""
| program | anggaran   |
| P1      | 1500000000 |
""",
    )
    out = tmp_path / "pdf"
    result = runner.invoke(app, ["dokumen", "pk", str(path), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"diisi_tangan": [' in result.stdout
    assert "PIHAK KEDUA: NIP kosong (lembar 'PK' sel" in result.stdout
    assert "Diisi tangan: PK-TI-2025.pdf: PIHAK KEDUA: NIP kosong" in " ".join(
        result.stderr.split()
    )
    text = pdf_text(out / "PK-TI-2025.pdf")
    in_order(
        text,
        ["Hendra", f"NIP : {TITIK_TITIK}", "PIHAK KEDUA,", "Hendra", f"NIP {TITIK_TITIK}"],
    )
    assert "78,5" in text
    assert "Rp 1.500.000.000" in text


@pytest.mark.parametrize(
    ("name", "code"),
    [("skp", ErrorCode.TEMPLAT_JENIS_SALAH), ("teks", ErrorCode.BERKAS_BUKAN_WORKBOOK)],
)
def test_a_workbook_without_a_pk_is_an_indonesian_error_exit_2(
    tmp_path: Path, name: str, code: ErrorCode
):
    path = SAMPLE / "skp-TI-budi-santoso.xlsx"
    if name == "teks":
        path = tmp_path / "bukan.xlsx"
        path.write_text("ini bukan workbook")
    result = runner.invoke(app, ["dokumen", "pk", str(path), "-o", str(tmp_path / "pdf")])
    assert result.exit_code == 2
    assert error_code(result.output) == code
    assert f"]: Berkas '{path.name}'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "pdf").exists()
