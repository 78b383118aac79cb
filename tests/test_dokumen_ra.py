"""`xlkinerja dokumen ra`: the Rencana Aksi as its own signed PDF, read back (pdftotext):
per IKK the PK target, TW I–IV, aksi and penanggung jawab; the pengesahan block (disusun
oleh the PK's PIHAK PERTAMA, disahkan oleh and its date from the Rencana Aksi sheet, the
PK's place) with the values the workbook gives, a dotted line where it gives none (and
said, with the cell, or the template version that lacks it); the master's kop and the RA's
number."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.md_tables import workbook
from tests.test_dokumen_pk import in_order, pdf_text, row_with
from xlkinerja.cli.app import app
from xlkinerja.errors import ErrorCode
from xlkinerja.render.dokumen.teks import TITIK_TITIK
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import UNIT

runner = CliRunner()
UNIT_TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
TI_1_2 = (
    Path(__file__).parent / "fixtures" / "versi-lama" / "TI-jurusan-teknik-informatika-1.2.xlsx"
)


def test_the_ra_of_a_unit_is_its_own_document_ratified_by_signature(tmp_path: Path):
    args = ["dokumen", "ra", str(UNIT_TI), "--master", str(MASTER), "-o", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "RA-TI-2025.pdf"
    assert f"Rencana Aksi Jurusan Teknik Informatika ditulis: {pdf}" in result.output
    assert "Diisi tangan" not in result.output  # the sample's TI gives every field
    text = pdf_text(pdf)
    in_order(
        text,
        [
            "POLITEKNIK NEGERI CONTOH",  # the master's kop
            "Jalan Pendidikan No. 1, Kota Contoh 12345",
            "Telepon (021) 555-0101, laman www.polinec.ac.id",
            "RENCANA AKSI TAHUN 2025",
            "Nomor: 013/PNC/TI/RA/2025",
            "JURUSAN TEKNIK INFORMATIKA",
            "Target Triwulan (kumulatif)",
        ],
    )
    # the pengesahan block, as pdftotext reads its two columns
    in_order(
        text,
        [
            "Disahkan oleh,",
            "Direktur",
            "Kota Contoh, 10 Maret 2025",
            "Disusun oleh,",
            "Ketua Jurusan Teknik Informatika",
            "Dr. Ir. Hendra Wijaya, M.T.",
            "NIP 197005121995031001",
            "Dr. Andi Pratama, S.Kom., M.Kom.",
            "NIP 197803152005011002",
        ],
    )
    layout = pdf_text(pdf, layout=True)
    # IKK-TI-3: satuan orang, PK target 200, TW I–IV 0, 60, 140, 200
    row = row_with(layout, "IKK-TI-3")
    assert row[row.index("orang") + 1 :][:5] == ["200", "0", "60", "140", "200"]
    for aksi in ("Tracer study dan bursa", "Uji kompetensi bersama", "Pengembangan aplikasi"):
        assert aksi in layout
    assert "Sekretaris" in row_with(layout, "IKK-TI-1")
    # who ratifies signs on the left, the unit head who drew it up on the right
    (heads,) = [ln for ln in layout.splitlines() if "Disahkan oleh," in ln]
    assert heads.index("Disahkan oleh,") < heads.index("Disusun oleh,")
    (names,) = [ln for ln in layout.splitlines() if "Hendra Wijaya" in ln]
    assert names.index("Hendra Wijaya") < names.index("Andi Pratama")
    assert TITIK_TITIK not in text


def test_blank_pengesahan_fields_are_dotted_lines_and_said_with_their_cells(tmp_path: Path):
    fields = {
        "kode_unit": "TI",
        "nama_unit": "Jurusan TI",
        "tahun": 2025,
        "pihak_pertama_nama": "Andi",
        "pihak_pertama_nip": "197803152005011002",
        "pihak_pertama_jabatan": "Ketua Jurusan",
        "ra_disahkan_nama": "Hendra",
        "ra_disahkan_jabatan": "Direktur",
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
        ra="""
| kode_ikk | tw1 | tw2 | tw3 | tw4  | aksi         | penanggung_jawab |
| IKK-TI-1 | 10  | 0   | 50  | 78,5 | Tracer study | Sekretaris       |
""",
    )
    cells = {k: c.cell for k, c in read_form(path).fields.items()}
    out = tmp_path / "pdf"
    result = runner.invoke(app, ["dokumen", "ra", str(path), "-o", str(out), "-f", "json"])
    assert result.exit_code == 0, result.output
    (dok,) = json.loads(result.stdout)["ra"]
    assert dok["disahkan"] is None
    assert dok["diisi_tangan"] == [
        f"Disahkan oleh: NIP kosong (lembar 'Rencana Aksi' sel {cells['ra_disahkan_nip']})",
        f"tempat kosong (lembar 'PK' sel {cells['tempat']})",
        f"tanggal disahkan RA kosong (lembar 'Rencana Aksi' sel {cells['ra_tanggal_disahkan']})",
    ]
    assert "Diisi tangan: RA-TI-2025.pdf: Disahkan oleh: NIP kosong" in " ".join(
        result.stderr.split()
    )
    text = pdf_text(out / "RA-TI-2025.pdf")
    in_order(
        text,
        [
            "Disahkan oleh,",
            "Direktur",
            f"{TITIK_TITIK}, {TITIK_TITIK}",  # neither place nor date
            "Disusun oleh,",
            "Ketua Jurusan",
            "Hendra",
            f"NIP {TITIK_TITIK}",
            "Andi",
            "NIP 197803152005011002",
        ],
    )
    row = row_with(pdf_text(out / "RA-TI-2025.pdf", layout=True), "IKK-TI-1")
    assert row[row.index("%") + 1 :][:5] == ["78,5", "10", "0", "50", "78,5"]
    assert "Tracer" in row
    assert "Nomor:" not in text and "POLITEKNIK" not in text  # no number, no kop


def test_a_workbook_of_template_1_2_gets_dotted_lines_said_missing_from_its_template(
    tmp_path: Path,
):
    result = runner.invoke(app, ["dokumen", "ra", str(TI_1_2), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    for what in ("Disahkan oleh: nama", "Disahkan oleh: NIP", "tanggal disahkan RA"):
        assert (
            f"RA-TI-2025.pdf: {what} kosong (lembar 'Rencana Aksi': tidak ada di templat "
            "versi 1.2)" in output
        )
    text = pdf_text(tmp_path / "RA-TI-2025.pdf")
    in_order(text, ["Kota Contoh, " + TITIK_TITIK, "Dr. Andi Pratama", "NIP 197803152005011002"])


def test_the_master_or_an_skp_has_no_rencana_aksi_exit_2(tmp_path: Path):
    for path in (MASTER, SAMPLE / "skp-TI-budi-santoso.xlsx"):
        result = runner.invoke(app, ["dokumen", "ra", str(path), "-o", str(tmp_path / "pdf")])
        assert result.exit_code == 2
        assert error_code(result.output) == ErrorCode.TEMPLAT_JENIS_SALAH
        assert "Rencana Aksi dibuat dari workbook unit" in " ".join(result.output.split())
        assert "Traceback" not in result.output
    assert not (tmp_path / "pdf").exists()
