"""The PK institusi's variants from the master, read back from the PDF: the head's superior
as PIHAK KEDUA; a single-party PK (PermenPAN-RB 53/2014: a minister's, a regional head's)
with its own wording and one signature; the kop (logo, address lines) and the PK's number
on the PK and the Rencana Aksi; a logo named but not there: an error at its cell, exit 2."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.md_tables import workbook
from tests.test_dokumen_pk import in_order, pdf_text
from xlkinerja.cli.app import app
from xlkinerja.errors import ErrorCode
from xlkinerja.render.dokumen.teks import TITIK_TITIK
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER

runner = CliRunner()
SAMPLE_MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT_TM = SAMPLE / "TM-jurusan-teknik-mesin.xlsx"
PIMPINAN = {
    "nama_instansi": "Kementerian Contoh",
    "tempat": "Jakarta",
    "tahun": 2025,
    "tahun_awal_renstra": 2025,
    "nama_pimpinan": "Ir. Rahmat Hidayat",
    "nip_pimpinan": "196501011990031001",
    "jabatan_pimpinan": "Menteri Contoh",
}
IKU = """
| kode_ss | sasaran | kode_iku | indikator | satuan | arah | konsolidasi | target_1 |
| SS-1    | Layanan | IKU-1    | Indeks    | indeks | naik | terakhir    | 3,5      |
"""


def master_with(tmp_path: Path, **fields: object) -> Path:
    return workbook(tmp_path, MASTER, "master.xlsx", fields=PIMPINAN | fields, iku=IKU)


def test_the_sample_institution_pk_is_signed_by_the_head_and_the_heads_superior(
    tmp_path: Path,
):
    result = runner.invoke(app, ["dokumen", "pk", str(SAMPLE_MASTER), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "PIHAK KEDUA" not in result.output  # nothing of it to fill by hand
    text = pdf_text(tmp_path / "PK-institusi-2025.pdf")
    in_order(
        text,
        [
            "POLITEKNIK NEGERI CONTOH",
            "Jalan Pendidikan No. 1, Kota Contoh 12345",
            "PERJANJIAN KINERJA TAHUN 2025",
            "Nomor: 001/PNC/PR.03/2025",
            "selanjutnya disebut PIHAK PERTAMA",
            "Prof. Dr. Ir. Bambang Sutrisno, M.Sc.",
            "196805171993031002",
            "Direktur Jenderal Pendidikan Vokasi",
            "selanjutnya disebut PIHAK KEDUA",
            "PIHAK KEDUA,",
            "PIHAK PERTAMA,",
            "Prof. Dr. Ir. Bambang Sutrisno, M.Sc.",
            "Dr. Ir. Hendra Wijaya, M.T.",
            "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
            "Nomor: 001/PNC/PR.03/2025",
        ],
    )
    layout = pdf_text(tmp_path / "PK-institusi-2025.pdf", layout=True)
    signed = [ln for ln in layout.splitlines() if "NIP 196805171993031002" in ln]
    assert len(signed) == 2 and all("NIP 197005121995031001" in ln for ln in signed)


def test_a_single_party_pk_has_its_own_wording_and_one_signature(tmp_path: Path):
    path = master_with(
        tmp_path,
        jenis_pk="satu pihak",
        atasan_pimpinan_nama="Tidak dipakai",  # a single-party PK names no superior
    )
    out = tmp_path / "pdf"
    result = runner.invoke(app, ["dokumen", "pk", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "PIHAK KEDUA" not in result.output
    text = pdf_text(out / "PK-institusi-2025.pdf")
    in_order(
        text,
        [
            "PERJANJIAN KINERJA TAHUN 2025",
            "KEMENTERIAN CONTOH",
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            "Ir. Rahmat Hidayat",
            "Menteri Contoh",
            "berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini",
            "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung "
            "jawab kami.",
            f"Jakarta, {TITIK_TITIK}",
            "Menteri Contoh,",
            "Ir. Rahmat Hidayat",
            "NIP 196501011990031001",
            "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025",
            "Indeks",
            "3,5",
            "Menteri Contoh,",
            "Ir. Rahmat Hidayat",
        ],
    )
    for absent in ("PIHAK KEDUA", "PIHAK PERTAMA", "Tidak dipakai", "supervisi", "Nomor:"):
        assert absent not in text, absent
    # one signature on each page (the statement and the lampiran), no other
    assert text.count("NIP 196501011990031001") == 2
    assert text.count("NIP ") == 2
    assert text.count("Ir. Rahmat Hidayat") == 3  # named in the statement, and signing twice


def test_a_two_party_pk_without_the_superior_is_dotted_and_said_with_its_cells(
    tmp_path: Path,
):
    path = master_with(tmp_path, jenis_pk="dua pihak", atasan_pimpinan_jabatan="Presiden")
    cells = {k: c.cell for k, c in read_form(path).fields.items()}
    result = runner.invoke(app, ["dokumen", "pk", str(path), "-o", str(tmp_path / "pdf")])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    for label, key in (("nama", "atasan_pimpinan_nama"), ("NIP", "atasan_pimpinan_nip")):
        assert (
            f"PIHAK KEDUA (atasan pimpinan instansi): {label} kosong (lembar 'Pengaturan' sel "
            f"{cells[key]})" in output
        )
    assert "jabatan kosong" not in output
    text = pdf_text(tmp_path / "pdf" / "PK-institusi-2025.pdf")
    in_order(text, [f"Nama : {TITIK_TITIK}", f"NIP : {TITIK_TITIK}", "Jabatan : Presiden"])


def test_the_kop_logo_is_printed_on_the_pk_and_the_ra(tmp_path: Path):
    Image.new("RGB", (120, 120), (20, 60, 140)).save(tmp_path / "logo.png")
    path = master_with(tmp_path, kop_logo="logo.png", kop_alamat="Jalan Merdeka 1", nomor_pk="7/K")
    out = tmp_path / "pdf"
    pk = runner.invoke(app, ["dokumen", "pk", str(path), "-o", str(out)])
    ra = runner.invoke(app, ["dokumen", "ra", str(UNIT_TM), "-m", str(path), "-o", str(out)])
    assert pk.exit_code == 0 and ra.exit_code == 0, pk.output + ra.output
    for pdf in (out / "PK-institusi-2025.pdf", out / "RA-TM-2025.pdf"):
        text = pdf_text(pdf)
        in_order(text, ["KEMENTERIAN CONTOH", "Jalan Merdeka 1"])
        images = subprocess.run(
            ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        assert len(images) == 1 and images[0].split()[3:5] == ["120", "120"], images
    assert "Nomor: 7/K" in pdf_text(out / "PK-institusi-2025.pdf")
    # the RA's number is the unit's own (TM gives none): the master's PK number is not it
    assert "Nomor:" not in pdf_text(out / "RA-TM-2025.pdf")
    # TM's RA is not ratified yet: its date is a dotted line, said
    assert "tanggal disahkan RA kosong" in " ".join(ra.output.split())


def test_a_logo_that_is_not_there_is_an_error_at_its_cell_exit_2(tmp_path: Path):
    path = master_with(tmp_path, kop_logo="tidak-ada.png")
    cell = read_form(path).fields["kop_logo"].cell
    out = tmp_path / "pdf"
    result = runner.invoke(app, ["dokumen", "ra", str(UNIT_TM), "-m", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert error_code(result.output) == ErrorCode.BERKAS_TIDAK_DITEMUKAN
    flat = " ".join(result.output.split())
    assert "berkas logo kop 'tidak-ada.png' tidak ditemukan" in flat
    assert f"sel {cell}" in flat and "Pengaturan" in flat
    assert "Traceback" not in result.output
    assert not out.exists()
