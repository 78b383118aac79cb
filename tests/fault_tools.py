"""What the fault suite (test_fault_suite.py) uses: the CLI run in its own session and
stopped at a moment, the tally of what was tried, workbooks with hostile cell text, and the
checks after a fault (user files whole, archive sound, no process left)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from tests.conftest import ROOT, SAMPLE
from tests.proc_tree import session_processes, wait_for

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
HANG_SECONDS = 60  # a run that takes longer than this has hung
REPORT_ENV = "XLKINERJA_KEANDALAN"  # a path: the tally is written there as JSON


@dataclass
class Tally:
    cases: int = 0  # runs of the CLI (each with its checks)
    faults: int = 0  # faults injected: signals, odd files, hostile texts, concurrent runs
    survived: int = 0  # runs whose checks all held
    files_lost: int = 0  # user files neither original nor fully annotated with a backup
    tracebacks: int = 0  # a traceback or "Kesalahan internal" in any output
    hangs: int = 0  # a run that had to be killed after HANG_SECONDS
    stray_processes: int = 0  # processes left in a run's session afterwards

    def write(self) -> None:
        path = os.environ.get(REPORT_ENV)
        if path:
            Path(path).write_text(json.dumps(asdict(self), indent=2) + "\n")


@dataclass
class Run:
    code: int | None
    out: str
    err: str
    hung: bool
    killed: bool  # the signal reached it before it finished

    @property
    def internal(self) -> bool:
        text = self.out + self.err
        return "Traceback" in text or "Kesalahan internal" in text


def run_cli(
    tally: Tally, args: list[str], *, stop_after: float | None = None, sig: int = signal.SIGKILL
) -> Run:
    """The CLI in its own session; with `stop_after`, `sig` is sent to it after that many
    seconds (SIGINT: to its process group, as Ctrl+C). Counts a case, a hang, a traceback and any process left in the session."""
    tally.cases += 1
    proc = subprocess.Popen(
        [sys.executable, "-m", "xlkinerja", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=ENV,
        text=True,
    )  # fmt: skip
    killed = False
    if stop_after is not None:
        try:
            proc.wait(timeout=stop_after)
        except subprocess.TimeoutExpired:
            if sig == signal.SIGINT:
                os.killpg(proc.pid, sig)  # Ctrl+C reaches the whole process group
            else:
                os.kill(proc.pid, sig)  # kill, a closed terminal: the program only
            killed = True
            tally.faults += 1
    hung = False
    try:
        out, err = proc.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    if not wait_for(lambda: not session_processes(proc.pid), 10):
        left = session_processes(proc.pid)
        tally.stray_processes += len(left)
        for pid, _ in left:
            os.kill(pid, signal.SIGKILL)
    run = Run(proc.returncode, out, err, hung, killed)
    tally.hangs += hung
    tally.tracebacks += run.internal
    return run


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def annotated(path: Path) -> bool:
    """Whether the workbook opens as a zip package with the Hasil Validasi sheet."""
    try:
        with zipfile.ZipFile(path) as z:
            return "Hasil Validasi" in z.read("xl/workbook.xml").decode()
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def whole_package(path: Path) -> bool:
    """Whether the file is a complete zip package (every member's CRC checks)."""
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    except (zipfile.BadZipFile, OSError):
        return False


def lost_files(folder: Path, originals: dict[str, str]) -> list[str]:
    """Files that are neither as they were nor annotated with their original kept."""
    backups = {sha(p) for p in (folder / "cadangan-xlkinerja").glob("*")}
    lost = []
    for name, digest in originals.items():
        path = folder / name
        kept = path.exists() and (sha(path) == digest or (annotated(path) and digest in backups))
        if not kept:
            lost.append(name)
    return lost


def archive_sound(db: Path) -> bool:
    """SQLite says the file is sound, and the archive opens and lists its versions."""
    if not db.exists():
        return True  # killed before the archive was created: nothing to check
    from xlkinerja.store.archive import Archive

    with sqlite3.connect(db) as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return False
    with Archive.open(db) as archive:
        for info in archive.submissions():
            versions = [v.version for v in archive.versions(info.unit)]
            if versions != sorted(set(versions)):
                return False
    return True


# Cell texts as a hostile or careless user types them; control characters written the
# way Excel stores them in the package (_xHHHH_).
HOSTILE = [
    "[/]",
    "[/bold] [red]merah[/red] [link=https://contoh.invalid]klik[/link]",
    "_x001B_[2J_x001B_[8m tersembunyi",
    "_x001B_]8;;https://contoh.invalid_x0007_tautan_x001B_]8;;_x0007_",
    "\u202eكفاءة الخريجين\u202c RTL",
    "😀👨‍👩‍👧 capaian 🚀" * 20,
    '=HYPERLINK("https://contoh.invalid","klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "A" * 32_767,
    "baris\tsatu\r\nbaris dua\u0085\u2028",
]


def hostile_workbook(target: Path) -> Path:
    """The sample TI unit workbook with every long text of its tables (sasaran, indikator,
    aksi…) replaced by the hostile texts in turn; codes and headers kept."""
    source = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/sharedStrings.xml":
                data = _hostile_strings(data.decode()).encode()
            dst.writestr(item, data)
    return target


def _hostile_strings(xml: str) -> str:
    head, _, rest = xml.partition("<si>")
    parts = rest.split("<si>")
    out = []
    for index, part in enumerate(parts):
        text = part.split("</t>")[0].split(">", 1)[-1]
        if index >= 152 and " " in text and len(text) > 15:
            hostile = escape(HOSTILE[index % len(HOSTILE)])
            rest = part.split("</si>", 1)[1]
            out.append(f'<t xml:space="preserve">{hostile}</t></si>{rest}')
        else:
            out.append(part)
    return head + "<si>" + "<si>".join(out)


def elapsed(start: float) -> float:
    return time.monotonic() - start
