import json
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests.coded import error_code
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode

runner = CliRunner()
COMMANDS = [
    "pindahkan",
    "templat",
    "baca",
    "contoh",
    "validasi",
    "kaskade",
    "pohon",
    "kompilasi",
    "ekspor",
    "arsip daftar",
    "arsip beda",
    "arsip bersihkan",
    "arsip status",
    "arsip bahas",
    "arsip periksa",
    "arsip setujui",
    "arsip kembalikan",
    "dokumen pk",
    "dokumen lkj",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_indonesian_help_with_an_example(command: str):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Contoh:" in result.output
    assert "Penggunaan:" in result.output
    assert "Show this message" not in result.output
    assert "[OPTIONS]" not in result.output


def test_templat_writes_blank_templates(tmp_path: Path):
    result = runner.invoke(app, ["templat", "--output", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "templat_master.xlsx",
        "templat_skp.xlsx",
        "templat_unit.xlsx",
    ]


def test_baca_json_goes_to_stdout(tmp_path: Path):
    result = runner.invoke(
        app, ["baca", str(SAMPLE / "skp-TI-budi-santoso.xlsx"), "--format", "json"]
    )
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["workbook"][0]["jenis"] == "skp"
    assert payload["workbook"][0]["baris"]["rhk"] == 4


def test_unreadable_file_exits_1_without_traceback(tmp_path: Path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan excel")
    result = runner.invoke(app, ["baca", str(bad), "--format", "json"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (unreadable,) = json.loads(result.stdout)["tidak_terbaca"]
    assert unreadable["berkas"].endswith("rusak.xlsx")
    assert unreadable["kode"] == ErrorCode.BERKAS_BUKAN_WORKBOOK


def test_bad_master_is_a_usage_error(tmp_path: Path):
    result = runner.invoke(
        app, ["templat", "-o", str(tmp_path), "-m", str(SAMPLE / "skp-TI-budi-santoso.xlsx")]
    )
    assert result.exit_code == 2
    assert error_code(result.stderr) == ErrorCode.TEMPLAT_JENIS_SALAH
    # The wording of the line every error is shown as.
    assert result.stderr.startswith(
        "Galat [templat.jenis_salah]: Berkas 'skp-TI-budi-santoso.xlsx': ini workbook "
    )
    assert "Traceback" not in result.output


def test_missing_option_is_explained_in_indonesian():
    result = runner.invoke(app, ["templat"])
    assert result.exit_code == 2
    assert "Belum diberikan" in result.output


@pytest.mark.lambat  # the whole main job, twice: every PDF
def test_contoh_runs_the_main_job(tmp_path: Path):
    result = runner.invoke(
        app, ["contoh", "--output", str(tmp_path / "hasil"), "--sumber", str(SAMPLE)]
    )
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "hasil" / "unit").glob("*.xlsx"))) == 5
    assert "skp-TI-budi-santoso.xlsx" in result.stderr
    assert "master-politeknik-negeri-contoh-2025.xlsx" in result.stderr
    # the documents: every unit's PK and the institution's, and the LKj chapter III
    dokumen = sorted(p.name for p in (tmp_path / "hasil" / "dokumen").iterdir())
    assert [n for n in dokumen if n.startswith("PK-")] == [
        f"PK-{u}-2025.pdf" for u in ("AK", "P3M", "TI", "TM", "institusi")
    ]
    assert {"lkj-bab-iii-2025.xlsx", "lkj-bab-iii-2025.docx", "lkj-bab-iii-2025.pdf"} <= set(
        dokumen
    )
    ekspor = tmp_path / "hasil" / "ekspor"
    assert sorted(p.name for p in ekspor.iterdir()) == [
        "esakip-hierarki-2025.xlsx",
        "esakip-renstra-opd-2025.xlsx",
        "pk-2025.csv",
        "realisasi-2025.csv",
        "skp-ekinerja-2025.xlsx",
    ]
    # Jurusan Akuntansi typed its percentages as Excel keeps them (0.15 formatted 0%): the
    # report shows the capaian of what they meant (15 of a target of 20 is 75).
    rekap = CalamineWorkbook.from_path(str(tmp_path / "hasil" / "rekap-kinerja.xlsx"))
    ak = {
        (row[2], row[4]): row[5:8]
        for row in rekap.get_sheet_by_name("Rekap Capaian").to_python()
        if str(row[2]).startswith("IKK-AK-")
    }
    assert ak[("IKK-AK-1", "TW I")] == [20, 15, 75]
    assert ak[("IKK-AK-1", "TW II")] == [40, 38, 95]
    assert ak[("IKK-AK-2", "TW II")] == [10, 11, 110]
    assert ak[("IKK-AK-5", "TW II")] == [100, 100, 100]
    again = runner.invoke(  # its own earlier output is replaced
        app, ["contoh", "--output", str(tmp_path / "hasil"), "--sumber", str(SAMPLE)]
    )
    assert again.exit_code == 0, again.output
    assert not (ekspor / "cadangan-xlkinerja").exists()  # its own exports: nothing kept


def test_contoh_never_deletes_a_folder_it_did_not_make(tmp_path: Path):
    mine = tmp_path / "dokumen" / "validasi"
    mine.mkdir(parents=True)
    (mine / "laporan.docx").write_bytes(b"milik pengguna")
    result = runner.invoke(
        app, ["contoh", "--output", str(tmp_path / "dokumen"), "--sumber", str(SAMPLE)]
    )
    assert result.exit_code == 2
    assert error_code(result.stderr) == ErrorCode.KELUARAN_FOLDER_BUKAN_MILIK
    assert (mine / "laporan.docx").read_bytes() == b"milik pengguna"
    assert sorted(p.name for p in (tmp_path / "dokumen").iterdir()) == ["validasi"]  # no more


def test_validasi_exit_codes_and_json(tmp_path: Path):
    result = runner.invoke(app, ["validasi", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 1  # the sample has galat
    payload = json.loads(result.stdout)
    assert {f["code"] for f in payload["temuan"]} >= {"kaskade.ikk.iku_tidak_dikenal"}
    clean = runner.invoke(app, ["validasi", str(SAMPLE / "skp-TI-budi-santoso.xlsx")])
    assert clean.exit_code == 0
    assert "Hasil validasi" in clean.stderr


def test_validasi_annotate_writes_back_keeps_the_original_and_skips_backups(tmp_path: Path):
    import shutil

    import openpyxl

    work = tmp_path / "kiriman"
    work.mkdir()
    target = work / "AK-jurusan-akuntansi.xlsx"
    shutil.copy(SAMPLE / target.name, target)
    original = target.read_bytes()
    first = runner.invoke(app, ["validasi", str(work), "--annotate", "--format", "json"])
    assert first.exit_code == 1
    backups = list((work / "cadangan-xlkinerja").iterdir())
    assert [b.read_bytes() for b in backups] == [original]
    wb = openpyxl.load_workbook(target)
    assert "Hasil Validasi" in wb.sheetnames
    codes = {row[2] for row in wb["Hasil Validasi"].iter_rows(values_only=True)}
    assert "capaian.kendala.wajib" in codes
    assert wb["Capaian"]["F7"].comment is not None
    # A second run over the folder validates the annotated file only, not the backup.
    second = runner.invoke(app, ["validasi", str(work), "--annotate", "--format", "json"])
    payload = json.loads(second.stdout)
    assert [Path(b["berkas"]).name for b in payload["berkas"]] == [target.name]
    assert len(openpyxl.load_workbook(target).sheetnames) == len(wb.sheetnames)


def test_kompilasi_and_arsip_commands(tmp_path: Path):
    db = str(tmp_path / "arsip.sqlite")
    master = str(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    result = runner.invoke(
        app,
        [
            "kompilasi",
            str(SAMPLE),
            "--master",
            master,
            "--output",
            str(tmp_path / "rekap.xlsx"),
            "--db",
            db,
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1  # the sample has galat
    summary = json.loads(result.stdout)
    assert summary["unit_terlambat"] == ["AK"]
    assert summary["unit_belum_mengirim"] == ["BAAK"]
    assert summary["versi_baru_di_arsip"] == 9
    listed = runner.invoke(app, ["arsip", "daftar", "--db", db, "--format", "json"])
    assert listed.exit_code == 0
    assert {row["unit"] for row in json.loads(listed.stdout)} >= {"TI", "TM", "AK", "P3M"}
    missing = runner.invoke(app, ["arsip", "beda", "TI", "1", "2", "--db", db])
    assert missing.exit_code == 2  # there is no version 2: a clear error, no traceback
    assert "Traceback" not in missing.output


@pytest.mark.lambat  # the CLI in a subprocess
def test_kompilasi_with_a_bad_master_stops_cleanly(tmp_path: Path):
    """Worker processes are already starting when the master turns out to be unusable:
    one Indonesian error line, exit 2, no traceback from any process or thread."""
    import subprocess
    import sys

    run = subprocess.run(
        [
            sys.executable, "-m", "xlkinerja", "kompilasi", str(SAMPLE),
            "--master", str(SAMPLE / "skp-TI-budi-santoso.xlsx"),
            "--output", str(tmp_path / "rekap.xlsx"), "--db", str(tmp_path / "arsip.sqlite"),
        ],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert error_code(run.stderr) == ErrorCode.TEMPLAT_JENIS_SALAH
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "rekap.xlsx").exists()


@pytest.mark.lambat  # the CLI in subprocesses, stopped
def test_ctrl_c_during_kompilasi_stops_at_once_and_leaves_no_process(tmp_path: Path):
    """Ctrl+C reaches the whole process group: the job, the fork server and the workers.
    With stderr piped (a script, a CI log) a graceful shutdown could hang for good: a worker
    blocked writing its result, the interpreter's exit waiting for it. Several moments of
    the run are tried (reading, the checks after it); each run must end in seconds, with no
    traceback, no report, and no process of its group left behind."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "kiriman"
    folder.mkdir()
    for n in range(1500):  # enough for several seconds of reading on a fast machine
        shutil.copy(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", folder / f"TI-{n:03}.xlsx")
    for delay in (0.8, 1.5, 2.2, 2.2, 2.6):
        run = subprocess.Popen(
            [
                sys.executable, "-m", "xlkinerja", "kompilasi", str(folder),
                "--master", str(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"),
                "--output", str(tmp_path / "rekap.xlsx"), "--tanpa-arsip", "--senyap",
            ],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        time.sleep(delay)
        if run.poll() is not None:
            continue  # done already on a fast machine: nothing to interrupt
        os.killpg(run.pid, signal.SIGINT)
        started = time.monotonic()
        try:
            _, err = run.communicate(timeout=30)  # EOF only once every process has gone
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL)
            raise AssertionError(f"kompilasi hung after Ctrl+C at {delay} s") from None
        assert time.monotonic() - started < 10
        assert "Traceback" not in err.decode()
        assert not (tmp_path / "rekap.xlsx").exists()
        time.sleep(0.2)
        left = living_in_group(run.pid)
        if left:
            os.killpg(run.pid, signal.SIGKILL)
            raise AssertionError(f"processes {left} left behind after Ctrl+C at {delay} s")


def living_in_group(pgid: int) -> list[int]:
    """Processes of group `pgid` still running (a zombie has ended: only its parent, here
    possibly a PID 1 that reaps nothing, has not collected it)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [(["validsi"], "'validasi'"), (["arsip", "dafter"], "'daftar'"), (["dokumen", "lk"], "'lkj'")],
)
def test_a_mistyped_command_is_suggested_once_in_indonesian(args: list[str], suggestion: str):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    text = " ".join(result.output.replace("│", " ").split())
    assert f"Maksud Anda {suggestion}?" in text
    assert text.count("Maksud Anda") == 1 and "Did you mean" not in text


@pytest.mark.parametrize("command", ["validasi", "kompilasi", "pohon"])
def test_a_missing_input_is_a_usage_error_in_indonesian(command: str, tmp_path: Path):
    missing = str(tmp_path / "tidak-ada.xlsx")
    master = str(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    args = {
        "validasi": ["validasi", missing],
        "kompilasi": ["kompilasi", missing, "-m", master, "-o", str(tmp_path / "r.xlsx")],
        "pohon": ["pohon", missing, "-m", master, "-o", str(tmp_path / "p")],
    }[command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert error_code(result.output) == ErrorCode.MASUKAN_BERKAS_TIDAK_ADA
    assert "Errno" not in result.output and "tidak ada" in result.output


@pytest.mark.parametrize("name", ["rekap.xls", "rekap", "rekap.ods"])
def test_kompilasi_refuses_a_rekap_name_that_is_not_xlsx(name: str, tmp_path: Path):
    master = str(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    result = runner.invoke(
        app, ["kompilasi", str(SAMPLE), "-m", master, "-o", str(tmp_path / name)]
    )
    assert result.exit_code == 2, result.output
    assert error_code(result.output) == ErrorCode.KELUARAN_BUKAN_XLSX
    assert not (tmp_path / name).exists()
