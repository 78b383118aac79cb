"""`xlkinerja dokumen rumusan`: the Rumusan Hasil Pembahasan Capaian Kinerja of a quarter.

The sample is compiled for TW II into a rekap and an archive; the Tim SAKIP's steps are
recorded as `arsip bahas/periksa/setujui/kembalikan` records them; the document is written
from the rekap and from the archive (--dari-arsip). What is checked is read back from the
written files: the IKU figures equal the rekap's Rekap Capaian for TW II, the rumusan and
the sign-off are the archive's words and names, units without a rumusan are named.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from xlkinerja.cli.app import app
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.inputs import CompiledRekap, archived_workbooks, workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.pengesahan import catat
from xlkinerja.jobs.rumusan import write_rumusan_pembahasan
from xlkinerja.render.dokumen.rumusan_tables import TABEL_CAPAIAN
from xlkinerja.sources.rekap import read_rekap
from xlkinerja.store.archive import Archive

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
STEM = "rumusan-pembahasan-2025-tw2"
ANI = {"nama": "Ani Wijaya", "nip": "19800101 200501 2 001"}
BUDI = {"nama": "Budi Hartono", "nip": "197501012000031001"}
CITRA = {"nama": "Citra Lestari", "nip": "196903031995122001"}
RUMUSAN_TI = {
    "rekomendasi": "Percepat pengadaan alat laboratorium jaringan",
    "kendala": "Anggaran TW II terlambat cair",
    "tindak_lanjut": "Jadwal ulang pengadaan ke TW III",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample compiled for TW II (rekap and archive); TI discussed, examined and
    approved, AK discussed and sent back, TM and P3M not discussed."""
    tmp = tmp_path_factory.mktemp("rumusan")
    db = str(tmp / "arsip.sqlite")
    rekap = tmp / "rekap-kinerja.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER), output=rekap, db=db, workers=1, triwulan=2
    )
    catat(db, "TI", 2025, "dibahas", **ANI, **RUMUSAN_TI)
    catat(db, "TI", 2025, "diperiksa", **BUDI)
    catat(db, "TI", 2025, "disetujui", **CITRA)
    catat(
        db, "AK", 2025, "dibahas", **ANI,
        rekomendasi="Tambah mitra magang", kendala="tidak ada", tindak_lanjut="Data lulusan",
    )  # fmt: skip
    catat(db, "AK", 2025, "dikembalikan", **BUDI, alasan="Rekomendasi belum menyebut target")
    return rekap, db


@pytest.fixture(scope="module")
def from_rekap(compiled: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    rekap, db = compiled
    out = tmp_path_factory.mktemp("dok")
    result = write_rumusan_pembahasan(CompiledRekap(rekap), output=out, db=db, triwulan=2)
    assert [p.name for p in result.files] == [f"{STEM}.xlsx", f"{STEM}.pdf"]
    return out


def _rows(path: Path) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path, data_only=True)
    return [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def _table(rows: list[tuple[Any, ...]], caption: str) -> list[tuple[Any, ...]]:
    """The body rows of the table whose caption starts with `caption`."""
    start = next(n for n, r in enumerate(rows) if str(r[0] or "").startswith(caption))
    body = []
    for row in rows[start + 2 :]:
        if all(v is None for v in row):
            break
        body.append(row)
    return body


def _iku_figures(rows: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Kode IKU → target, realisasi, capaian, predikat, IKK melapor, as Tabel 1 shows them."""
    return {
        r[1]: tuple(None if v == "tidak ada data" else v for v in r[4:9])
        for r in _table(rows, TABEL_CAPAIAN)
    }


def test_the_iku_figures_are_the_rekaps_rekap_capaian_of_tw_ii(
    compiled: tuple[Path, str], from_rekap: Path
):
    rekap = read_rekap(compiled[0], ("rekap_pk", "capaian_iku", "capaian_ikk"))
    assert rekap.latest == 2
    shown = _iku_figures(_rows(from_rekap / f"{STEM}.xlsx"))
    assert set(shown) == {r.kode_iku for r in rekap.capaian_iku}
    compared = 0
    for r in rekap.capaian_iku:
        target, realisasi, capaian, predikat, _ = shown[r.kode_iku]
        assert target == pytest.approx(r.target) if r.target is not None else target is None
        assert (
            realisasi == pytest.approx(r.realisasi)
            if r.realisasi is not None
            else realisasi is None
        )
        assert capaian == pytest.approx(r.capaian[1]) if r.capaian[1] is not None else True
        assert predikat == r.predikat
        compared += r.capaian[1] is not None
    assert compared >= 5  # most IKU have a TW II capaian in the sample
    assert shown["IKU-1"][:3] == (39, pytest.approx(38.4), pytest.approx(98.4615, abs=1e-3))
    assert shown["IKU-2"][4] == "3 dari 3" and shown["IKU-7"][4] == "0 dari 0"


def test_the_rumusan_and_the_sign_off_are_the_archives(from_rekap: Path):
    rows = _rows(from_rekap / f"{STEM}.xlsx")
    rumusan = {r[0]: r for r in _table(rows, "Tabel 3.")}
    ti = rumusan["Jurusan Teknik Informatika"]
    assert ti[1] == "versi 1"
    assert ti[2:5] == tuple(RUMUSAN_TI.values())
    assert "Ani Wijaya (NIP 198001012005012001)" in ti[5]
    assert rumusan["Jurusan Teknik Mesin"][2].startswith("belum ada rumusan")
    sign_off = {r[0]: r for r in _table(rows, "Tabel 4.")}
    assert sign_off["Jurusan Teknik Informatika"][1] == "disetujui"
    assert "Budi Hartono (NIP 197501012000031001)" in sign_off["Jurusan Teknik Informatika"][2]
    assert "Citra Lestari (NIP 196903031995122001)" in sign_off["Jurusan Teknik Informatika"][3]
    ak = sign_off["Jurusan Akuntansi"]
    assert ak[1] == "dikembalikan" and "Rekomendasi belum menyebut target" in ak[4]
    assert sign_off["Jurusan Teknik Mesin"][2:4] == ("belum", "belum")
    said = [r[0] for r in rows if isinstance(r[0], str)]
    assert any(
        s.startswith("Unit yang belum memiliki rumusan pembahasan: Jurusan Teknik Mesin, Pusat")
        for s in said
    )
    faktor = _table(rows, "Tabel 2.")  # the units' own kendala of TW II
    assert ("IKU-1", "Jurusan Teknik Mesin", "IKK-TM-1") in {r[:3] for r in faktor}


@pytest.mark.lambat  # pdftotext
def test_the_pdf_shows_the_same_figures_and_words(from_rekap: Path):
    text = subprocess.run(
        ["pdftotext", "-raw", str(from_rekap / f"{STEM}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(text.split())
    assert "Rumusan Hasil Pembahasan Capaian Kinerja" in flat
    assert "Politeknik Negeri Contoh s.d. TW II Tahun 2025" in flat
    assert "IKU-1 Persentase lulusan D4" in flat and "39 38,4 98,46 %" in flat
    for words in (*RUMUSAN_TI.values(), "Citra Lestari (NIP 196903031995122001)"):
        assert " ".join(words.split()) in flat
    assert "Halaman 1 dari" in flat


def test_from_the_archive_the_document_is_the_same(
    compiled: tuple[Path, str], from_rekap: Path, tmp_path: Path
):
    _, db = compiled
    with Archive.open(db) as archive:
        given = archived_workbooks(archive, master=MASTER, tahun=2025)
    write_rumusan_pembahasan(given, output=tmp_path, db=db, triwulan=2)
    ours = _rows(tmp_path / f"{STEM}.xlsx")
    theirs = _rows(from_rekap / f"{STEM}.xlsx")
    assert _iku_figures(ours) == _iku_figures(theirs)
    assert _table(ours, "Tabel 3.") == _table(theirs, "Tabel 3.")


def test_a_rekap_of_another_quarter_is_refused_by_the_command(
    compiled: tuple[Path, str], tmp_path: Path
):
    rekap, db = compiled
    args = ["dokumen", "rumusan", str(rekap), "--triwulan", "3", "--output", str(tmp_path)]
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    assert error_code(result.output) == ErrorCode.MASUKAN_TRIWULAN_TIDAK_ADA
    assert "s.d. TW II" in result.output and "Traceback" not in result.output
    assert not any(tmp_path.iterdir())
