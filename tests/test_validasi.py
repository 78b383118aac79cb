"""Every rule, asserted on codes and cells (never on the message prose)."""

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SAMPLE
from tests.md_tables import cell_of, workbook
from xlkinerja.core.finding import Severity
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.checks import validate_forms
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, SKP_FORM, UNIT

UNIT_FIELDS = {
    "kode_unit": "TI",
    "nama_unit": "Jurusan TI",
    "tahun": 2025,
    "pihak_pertama_nama": "A",
    "pihak_pertama_nip": "197803152005011002",
    "pihak_pertama_jabatan": "Ketua",
    "pihak_kedua_nama": "B",
    "pihak_kedua_nip": "197005121995031001",
    "pihak_kedua_jabatan": "Direktur",
    "tempat": "Kota",
    "tanggal": date(2025, 2, 20),
    "status": "draft",
}
REF = """
| kode_iku | arah | target |
| IKU-1    | naik | 75     |
| IKU-8    | turun| 3      |
"""
PK = """
| sasaran | kode_ikk | indikator | satuan | arah  | konsolidasi | target | kode_iku | metode_kaskade |
| S       | IKK-TI-1 | Lulusan   | %      | naik  | terakhir    | 78     | IKU-1    | wilayah        |
| S       | IKK-TI-2 | Layanan   | hari   | turun | rata-rata   | 3      | IKU-8    | wilayah        |
"""
RA = """
| kode_ikk | tw1 | tw2 | tw3 | tw4 | aksi | penanggung_jawab |
| IKK-TI-1 | 20  | 40  | 70  | 78  | a    | b                |
| IKK-TI-2 | 5   | 4   | 3   | 3   | a    | b                |
"""


def findings_of(path: Path, master=None):
    return validate_forms([read_form(path)], master)


def codes_at(findings) -> set[tuple[str, str | None]]:
    return {(f.code, f.cell) for f in findings}


def unit(tmp_path: Path, fields=None, **tables) -> Path:
    tables = {"ref_iku": REF, "pk": PK, "ra": RA, **tables}
    return workbook(tmp_path, UNIT, fields={**UNIT_FIELDS, **(fields or {})}, **tables)


def test_a_correct_unit_workbook_has_no_findings(tmp_path: Path):
    assert findings_of(unit(tmp_path)) == []


def test_sample_institution_planted_mistakes_are_all_found():
    result = validate_paths([SAMPLE])
    found = {(Path(f.file).name, f.code, f.cell) for f in result.findings}
    ti, tm, ak = (
        "TI-jurusan-teknik-informatika.xlsx",
        "TM-jurusan-teknik-mesin.xlsx",
        "AK-jurusan-akuntansi.xlsx",
    )
    master, siti = "master-politeknik-negeri-contoh-2025.xlsx", "skp-TI-siti-rahmawati.xlsx"
    assert found == {
        # one workbook at a time
        (tm, "ra.tw4.beda_target_pk", "F13"),
        (tm, "ra.tw.menurun", "E15"),
        (tm, "anggaran.realisasi.melebihi_pagu", "F67"),
        (ak, "pk.tanggal.terlambat", "B16"),
        (ak, "ra.tanggal.terlambat", "C9"),
        (ak, "capaian.kendala.wajib", "F7"),
        (ak, "capaian.realisasi.angka_ambigu", "D12"),
        (siti, "skp.aspek.kuantitas_wajib", "C26"),
        # the cascade, across workbooks
        (ti, "kaskade.ikk.iku_tidak_dikenal", "H28"),
        (ti, "kaskade.beban.jumlah_tidak_sama", "G25"),
        (tm, "kaskade.beban.jumlah_tidak_sama", "G25"),
        (ak, "kaskade.beban.jumlah_tidak_sama", "G25"),
        (master, "kaskade.iku.tidak_diturunkan", "C13"),
        (master, "kaskade.iku.unit_belum_mengirim", "C14"),
        (master, "kaskade.distribusi.melebihi_batas", "D30"),
        (siti, "kaskade.rhk_pimpinan.tidak_dikenal", "B27"),
        (siti, "kaskade.skp.matriks_belum_ada", "C10"),
    }
    clean = [
        p
        for p in result.files
        if p.name.startswith(("P3M", "skp-TI-budi", "skp-TI-andi", "skp-P3M"))
    ]
    assert len(clean) == 4
    assert all(result.count(Severity.GALAT, p) == 0 for p in clean)
    assert all(result.of_file(p) == [] for p in clean)


def test_cascade_findings_name_both_ends():
    result = validate_paths([SAMPLE])
    by_code = {(Path(f.file).name, f.code): f for f in result.findings}
    split = by_code["AK-jurusan-akuntansi.xlsx", "kaskade.beban.jumlah_tidak_sama"]
    assert (Path(split.ref_file).name, split.ref_sheet, split.ref_cell) == (
        "master-politeknik-negeri-contoh-2025.xlsx",
        "IKU",
        "I9",
    )  # IKU-3's 2025 target
    orphan = by_code["TI-jurusan-teknik-informatika.xlsx", "kaskade.ikk.iku_tidak_dikenal"]
    assert orphan.ref_sheet == "IKU" and orphan.value == "IKU-9"
    rhk = by_code["skp-TI-siti-rahmawati.xlsx", "kaskade.rhk_pimpinan.tidak_dikenal"]
    assert Path(rhk.ref_file).name == "TI-jurusan-teknik-informatika.xlsx"
    assert rhk.ref_sheet == "PK"
    # The single-workbook finding for the same cell is replaced, not repeated.
    assert ("TI-jurusan-teknik-informatika.xlsx", "pk.kode_iku.tidak_dikenal") not in by_code


def test_required_fields_and_columns(tmp_path: Path):
    path = unit(
        tmp_path,
        fields={"tempat": None},
        pk="""
| sasaran | kode_ikk | indikator | satuan | arah | konsolidasi | target | kode_iku | metode_kaskade |
| S       | IKK-TI-1 | Lulusan   |        | naik | terakhir    |        | IKU-1    | wilayah        |
""",
        ra="""
| kode_ikk | tw4 | aksi | penanggung_jawab |
| IKK-TI-1 | 78  | a    | b                |
""",
    )
    found = codes_at(findings_of(path))
    assert ("pk.tempat.kosong", "B15") in found
    assert ("pk.satuan.kosong", cell_of(path, "pk", 0, "satuan")) in found
    assert ("pk.target.kosong", cell_of(path, "pk", 0, "target")) in found


def test_choices_patterns_duplicates_and_unreadable_numbers(tmp_path: Path):
    path = unit(
        tmp_path,
        pk="""
| sasaran | kode_ikk | indikator | satuan | arah  | konsolidasi | target    | kode_iku | metode_kaskade |
| S       | IKK-TI-1 | A         | %      | Naik  | terakhir    | "1.234"   | IKU-1    | wilayah        |
| S       | TI-2     | B         | %      | atas  | terakhir    | "banyak"  | IKU-1    | wilayah        |
| S       | IKK-TI-1 | C         | %      | naik  | tahunan     | "80,5"    | IKU-1    | wilayah        |
""",
        ra="""
| kode_ikk | tw4 | aksi | penanggung_jawab | alasan |
| IKK-TI-1 | 78  | a    | b                | x      |
| TI-2     | 1   | a    | b                | x      |
""",
    )
    found = codes_at(findings_of(path))
    c = lambda i, k: cell_of(path, "pk", i, k)  # noqa: E731
    assert ("pk.target.angka_ambigu", c(0, "target")) in found
    assert ("pk.target.bukan_angka", c(1, "target")) in found
    assert ("pk.kode_ikk.pola", c(1, "kode_ikk")) in found
    assert ("pk.arah.pilihan", c(1, "arah")) in found
    assert ("pk.arah.pilihan", c(0, "arah")) not in found  # "Naik" is read as "naik"
    assert ("pk.konsolidasi.pilihan", c(2, "konsolidasi")) in found
    assert ("pk.kode_ikk.duplikat", c(0, "kode_ikk")) in found
    assert ("pk.kode_ikk.duplikat", c(2, "kode_ikk")) in found
    assert not any(
        code.startswith("pk.target") and cell == c(2, "target") for code, cell in found
    )  # "80,5" is a number


def test_indonesian_dates_and_bad_dates_in_fields(tmp_path: Path):
    good = unit(tmp_path, fields={"tanggal": "12 Februari 2025"})
    assert findings_of(good) == []
    bad = unit(tmp_path, fields={"tanggal": "besok"})
    assert ("pk.tanggal.bukan_tanggal", "B16") in codes_at(findings_of(bad))


def test_pk_cross_sheet_rules(tmp_path: Path):
    path = unit(
        tmp_path,
        pk="""
| sasaran | kode_ikk  | indikator | satuan | arah  | konsolidasi | target | kode_iku | metode_kaskade |
| S       | IKK-TI-1  | A         | %      | naik  | terakhir    | 78     | IKU-9    | wilayah        |
| S       | IKK-TM-2  | B         | hari   | naik  | rata-rata   | 3      | IKU-8    | wilayah        |
""",
        ra="""
| kode_ikk | tw4 | aksi | penanggung_jawab |
| IKK-TI-1 | 78  | a    | b                |
| IKK-TI-7 | 1   | a    | b                |
""",
    )
    found = codes_at(findings_of(path))
    c = lambda i, k: cell_of(path, "pk", i, k)  # noqa: E731
    assert ("pk.kode_iku.tidak_dikenal", c(0, "kode_iku")) in found
    assert ("pk.kode_ikk.unit_lain", c(1, "kode_ikk")) in found
    assert ("pk.arah.beda_iku", c(1, "arah")) in found
    assert ("pk.ikk.tanpa_rencana_aksi", c(1, "kode_ikk")) in found
    assert ("ra.kode_ikk.tidak_di_pk", cell_of(path, "ra", 1, "kode_ikk")) in found


def test_status_dates_and_deadline(tmp_path: Path):
    path = unit(
        tmp_path,
        fields={
            "status": "disahkan",
            "tanggal": date(2025, 3, 3),
            "tanggal_diajukan": date(2025, 3, 1),
            "tanggal_disahkan": date(2025, 2, 27),
        },
    )
    found = codes_at(findings_of(path))
    assert ("pk.status.urutan_tanggal", "B19") in found
    assert ("pk.tanggal.terlambat", "B16") in found  # default: end of February
    diajukan = unit(tmp_path, fields={"status": "diajukan"})
    assert ("pk.status.tanggal_kosong", "B18") in codes_at(findings_of(diajukan))


def test_deadline_comes_from_the_master(tmp_path: Path):
    path = unit(tmp_path, fields={"tanggal": date(2025, 3, 3)})
    master = read_form(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    wb = openpyxl.load_workbook(master.path)
    copy = tmp_path / "master.xlsx"
    wb["Pengaturan"][master.fields["batas_pk"].cell] = date(2025, 3, 31)
    wb.save(copy)
    assert "pk.tanggal.terlambat" not in {f.code for f in findings_of(path, read_form(copy))}
    assert "pk.tanggal.terlambat" in {f.code for f in findings_of(path, master)}


def test_rencana_aksi_rules(tmp_path: Path):
    path = unit(
        tmp_path,
        ra="""
| kode_ikk | tw1 | tw2 | tw3 | tw4 | aksi | penanggung_jawab | alasan |
| IKK-TI-1 | 20  | 40  | 30  | 70  | a    | b                |        |
| IKK-TI-2 | 5   | 4   | 3   | 2   | a    | b                | turun  |
""",
    )
    found = codes_at(findings_of(path))
    assert ("ra.tw.menurun", cell_of(path, "ra", 0, "tw3")) in found
    assert ("ra.tw4.beda_target_pk", cell_of(path, "ra", 0, "tw4")) in found
    # arah turun: decreasing targets are expected; a reason silences TW IV ≠ PK.
    assert not any(
        cell in {cell_of(path, "ra", 1, k) for k in ("tw2", "tw3", "tw4")} for _, cell in found
    )


def test_capaian_rules(tmp_path: Path):
    path = unit(
        tmp_path,
        capaian="""
| kode_ikk | triwulan | realisasi | kendala |
| IKK-TI-1 | TW I     | 30        |         |
| IKK-TI-1 | TW II    | 44        |         |
| IKK-TI-1 | TW III   | 35        |         |
| IKK-TI-1 | TW III   | 80        | x       |
| IKK-TI-9 | TW I     | 1         |         |
| IKK-TI-2 | TW I     | 5         |         |
| IKK-TI-2 | TW II    | 0         |         |
""",
    )
    found = codes_at(findings_of(path))
    c = lambda i, k: cell_of(path, "capaian", i, k)  # noqa: E731
    # 30/20 = 150 % → 44/40 = 110 %: a fall of 40 points with no note.
    assert ("capaian.kendala.menurun", c(1, "kendala")) in found
    assert ("capaian.kendala.wajib", c(2, "kendala")) in found  # 35/70 = 50 %
    assert ("capaian.baris.duplikat", c(3, "kode_ikk")) in found
    assert ("capaian.kode_ikk.tidak_di_pk", c(4, "kode_ikk")) in found
    # lower is better: 5 days against 5 is 100 %; 0 days against 4 is 200 % (0 is a value).
    assert not any(cell in {c(5, "kendala"), c(6, "kendala")} for _, cell in found)


SKP_FIELDS = {
    "tahun": 2025,
    "nama": "Budi",
    "nip": "198811032014041001",
    "jabatan": "Lektor",
    "jenis_jabatan": "JF",
    "unit": "TI",
    "penilai_nama": "A",
    "penilai_nip": "197803152005011002",
    "status": "draft",
}


def test_skp_rules(tmp_path: Path):
    path = workbook(
        tmp_path,
        SKP_FORM,
        fields=SKP_FIELDS,
        rhk="""
| jenis    | rhk_pimpinan | kode_rhk | rhk | kode_iki | aspek     | iki | target | target_bawah | target_atas | satuan |
| Utama    | IKK-TI-3     | RHK-1    | a   | IKI-1.1  | kualitas  | x   | 80     |              |             | %      |
| Utama    |              | RHK-2    | b   | IKI-2.1  | kuantitas | y   |        | 9            | 5           | orang  |
| Tambahan |              | RHK-3    | c   | IKI-3.1  | kualitas  | z   |        |              |             | dok    |
""",
        realisasi="""
| kode_iki | periode | realisasi |
| IKI-9.9  | TW I    | 3         |
""",
    )
    found = codes_at(findings_of(path))
    c = lambda i, k: cell_of(path, "rhk", i, k)  # noqa: E731
    assert ("skp.aspek.kuantitas_wajib", c(0, "kode_rhk")) in found
    assert ("skp.rhk_pimpinan.kosong", c(1, "rhk_pimpinan")) in found
    assert ("skp.target.rentang_terbalik", c(1, "target_bawah")) in found
    assert ("skp.target.kosong", c(2, "target")) in found
    assert ("skp.aspek.kuantitas_wajib", c(2, "kode_rhk")) not in found  # Tambahan
    assert ("realisasi.kode_iki.tidak_dikenal", cell_of(path, "realisasi", 0, "kode_iki")) in found


def test_master_rules(tmp_path: Path):
    path = workbook(
        tmp_path,
        MASTER,
        fields={"tahun": 2025, "tahun_awal_renstra": 2025},
        iku="""
| kode_ss | sasaran | kode_iku | indikator | satuan | jenis       | arah | konsolidasi | target_2 |
| SS-1    | s       | IKU-1    | i         | %      | kuantitatif | naik | terakhir    | 80       |
""",
        unit="""
| kode_unit | nama_unit | nip_kepala         |
| TI        | Jurusan   | 199999999999999999 |
""",
        pegawai="""
| nip                | nama | jabatan | jenis_jabatan | kode_unit | nip_atasan         |
| 198811032014041001 | Budi | Lektor  | JF            | XX        | 197005121995031001 |
""",
        penugasan="""
| kode_iku | kode_unit |
| IKU-5    | TI        |
""",
    )
    found = codes_at(findings_of(path))
    assert ("iku.target.tahun_kosong", cell_of(path, "iku", 0, "target_1")) in found
    assert ("unit.nip_kepala.tidak_dikenal", cell_of(path, "unit", 0, "nip_kepala")) in found
    assert ("pegawai.kode_unit.tidak_dikenal", cell_of(path, "pegawai", 0, "kode_unit")) in found
    assert ("pegawai.nip_atasan.tidak_dikenal", cell_of(path, "pegawai", 0, "nip_atasan")) in found
    assert ("penugasan.kode_iku.tidak_dikenal", cell_of(path, "penugasan", 0, "kode_iku")) in found


def test_unreadable_file_is_a_finding_and_others_are_still_validated(tmp_path: Path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan excel")
    good = unit(tmp_path)
    result = validate_paths([bad, good])
    assert [(Path(f.file).name, f.code, f.sheet, f.cell) for f in result.findings] == [
        ("rusak.xlsx", ErrorCode.BERKAS_BUKAN_WORKBOOK, None, None)
    ]
    assert result.forms == {str(good): "unit"}


@pytest.mark.parametrize("value", ["=1/0", "=SUM(1,2)"])
def test_formula_without_cached_value_in_an_input_cell(tmp_path: Path, value: str):
    path = unit(tmp_path)
    cell = cell_of(path, "pk", 0, "target")
    wb = openpyxl.load_workbook(path)
    wb["PK"][cell] = value  # openpyxl stores the formula and no cached value
    wb.save(path)
    assert ("pk.target.rumus_tanpa_nilai", cell) in codes_at(findings_of(path))


@pytest.mark.libreoffice
def test_formula_errors_saved_by_a_spreadsheet_program_are_findings(tmp_path: Path):
    from tests.bad_files import formulas_recalculated

    path = formulas_recalculated(tmp_path, tmp_path / "profil")
    found = codes_at(findings_of(path))
    # LibreOffice cached #DIV/0! and #REF!; calamine alone would read both cells as blank.
    assert ("pk.target.galat_rumus", "G23") in found
    assert ("ra.tw1.galat_rumus", "C13") in found
    assert ("pk.target.kosong", "G23") not in found  # an error is not a blank


def _key(f):
    return (f.file, f.code, f.sheet, f.cell, f.severity, f.ref_file, f.ref_cell, str(f.value))


def test_workers_or_not_the_findings_are_those_of_reading_everything_together(tmp_path: Path):
    """validate_paths reads each file on its own (in worker processes for many files);
    the result must be what validating the read workbooks all together gives."""
    import shutil

    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(folder / "TI-jurusan-teknik-informatika.xlsx", folder / "TI-salinan.xlsx")
    files = sorted(folder.glob("*.xlsx"))
    together = validate_forms([read_form(p) for p in files])
    for workers in (1, 2):
        result = validate_paths([folder], workers=workers)
        assert [_key(f) for f in result.findings] == [_key(f) for f in together], workers
    assert any(f.code.startswith("kaskade.") for f in together)  # the master was used


def test_a_master_without_its_properties_is_still_the_master(tmp_path: Path):
    """Found by its custom property before the others are read; one saved without it is
    found after reading, and the others are checked again with its settings (here an
    earlier PK deadline, which makes every unit late)."""
    import shutil
    import zipfile

    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*"))
    edited = tmp_path / "master.xlsx"
    book = openpyxl.load_workbook(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    batas_pk = read_form(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx").fields["batas_pk"]
    book["Pengaturan"][batas_pk.cell] = date(2025, 1, 2)
    book.save(edited)
    master = folder / "induk.xlsx"
    with zipfile.ZipFile(edited) as source, zipfile.ZipFile(master, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/custom.xml":
                data = data.replace(b"xlkinerja_template", b"lain")
            target.writestr(info, data)
    files = sorted(folder.glob("*.xlsx"))
    together = validate_forms([read_form(p) for p in files])
    late = [f for f in together if f.code == "pk.tanggal.terlambat"]
    assert len(late) >= 3  # the earlier deadline counts
    assert [_key(f) for f in validate_paths([folder]).findings] == [_key(f) for f in together]


def test_annotating_in_workers_writes_what_one_process_writes(tmp_path: Path):
    import shutil

    folder = tmp_path / "kiriman"  # the same place both times: findings name other files
    copies = {}
    for workers in (1, 2):
        shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
        result = validate_paths([folder], annotate=True, workers=workers)
        assert len(result.annotated) == len(result.backups) == 9
        copies[workers] = {p.name: p.read_bytes() for p in sorted(folder.glob("*.xlsx"))}
        shutil.rmtree(folder)
    assert copies[1].keys() == copies[2].keys()
    for name in copies[1]:
        assert copies[1][name] == copies[2][name], name


@pytest.mark.lambat  # Python in a subprocess
def test_a_job_read_from_stdin_still_runs(tmp_path: Path):
    """Worker processes import the main module again; a script piped to python has none
    on disk, so the files are then read in this process instead of failing."""
    import subprocess
    import sys

    script = (
        "from pathlib import Path\n"
        "from xlkinerja.jobs.validasi import validate_paths\n"
        f"result = validate_paths([Path({str(SAMPLE)!r})], workers=2)\n"
        "print(len(result.files), len(result.findings))\n"
    )
    run = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[0] == "9"
    assert "Traceback" not in run.stderr


def test_validasi_tells_what_it_does(tmp_path: Path):
    import shutil

    shutil.copytree(SAMPLE, tmp_path / "k", ignore=shutil.ignore_patterns("*.md"))
    told: list[str] = []
    validate_paths([tmp_path / "k"], annotate=True, stage=told.append)
    assert told == [
        "Membaca dan memeriksa workbook",
        "Memeriksa skema dan kaskade",
        "Menulis temuan ke workbook",
    ]
