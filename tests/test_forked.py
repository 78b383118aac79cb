"""Text rendered by a forked child (xlkinerja/runtime/forked.py): the same text as here, here when
the child fails, no child left running after `close` or after its parent is killed."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import IO

import pytest

from xlkinerja.runtime.forked import ForkedText, ForkedValue

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux")


def _rows(file: IO[str]) -> None:
    for i in range(20_000):
        file.write(f'<row r="{i + 1}"><c r="A{i + 1}"><v>{i}</v></c></row>')


def _written(source: ForkedText) -> str:
    out = io.StringIO()
    source.write(out)
    return out.getvalue()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = (
        Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}").exists() else "X"
    )
    return status not in ("Z", "X")


def test_the_childs_text_is_the_text_rendered_here():
    expected = io.StringIO()
    _rows(expected)
    forked = ForkedText(_rows)
    assert forked._pid is not None and forked._pid != os.getpid()
    assert _written(forked) == expected.getvalue()
    assert _written(ForkedText(_rows, fork=False)) == expected.getvalue()


def test_a_failing_child_is_replaced_by_rendering_here():
    parent = os.getpid()

    def render(file: IO[str]) -> None:
        file.write("sebagian ")
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        file.write("utuh")

    assert _written(ForkedText(render)) == "sebagian utuh"


def test_close_stops_a_child_still_rendering():
    def slow(file: IO[str]) -> None:
        time.sleep(60)

    forked = ForkedText(slow)
    pid = forked._pid
    assert pid is not None and _alive(pid)
    forked.close()
    assert not _alive(pid)


def test_the_child_dies_with_its_parent(tmp_path: Path):
    script = textwrap.dedent(
        """
        import sys, time
        from xlkinerja.runtime.forked import ForkedText
        forked = ForkedText(lambda file: time.sleep(60))
        print(forked._pid, flush=True)
        time.sleep(60)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_a_value_computed_by_the_child_comes_back_whole():
    parent = os.getpid()

    def compute() -> dict[str, object]:
        return {"anak": os.getpid() != parent, "angka": list(range(50_000))}

    value = ForkedValue(compute).result()
    assert value == {"anak": True, "angka": list(range(50_000))}
    assert ForkedValue(compute, fork=False).result()["anak"] is False


def test_a_failing_child_value_is_computed_here():
    parent = os.getpid()

    def compute() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child dies without a value
        return 42

    assert ForkedValue(compute).result() == 42


def test_an_error_of_the_computation_is_raised_here():
    def compute() -> int:
        raise ValueError("rusak")

    with pytest.raises(ValueError, match="rusak"):
        ForkedValue(compute).result()


def test_a_child_that_never_ends_is_killed_and_the_work_done_here(monkeypatch):
    from xlkinerja.runtime import forked

    monkeypatch.setattr(forked, "CHILD_LIMIT", 0.5)
    parent = os.getpid()

    def compute() -> str:
        if os.getpid() != parent:
            time.sleep(60)  # as a child stuck on a lock another thread held at the fork
        return "selesai"

    started = time.monotonic()
    value = ForkedValue(compute)
    pid = value._pid
    assert value.result() == "selesai"
    assert time.monotonic() - started < 10
    assert pid is not None and not _alive(pid)


def test_schemas_meanwhile_give_the_findings_of_a_plain_run_or_stop_when_abandoned():
    from tests.conftest import SAMPLE
    from xlkinerja.jobs.per_file import Work
    from xlkinerja.jobs.pipeline import check_workbooks
    from xlkinerja.sources.source import WorkbookFile, workbook_files

    master = WorkbookFile(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    units = workbook_files(sorted(SAMPLE.glob("*-jurusan-*.xlsx")))
    plain = check_workbooks(units, master=master, work=Work(rekap=True))
    meanwhile = check_workbooks(units, master=master, work=Work(rekap=True), schemas_meanwhile=True)
    assert meanwhile.pending is not None and meanwhile.findings == []
    assert meanwhile.all_findings() == plain.findings
    assert meanwhile.pending is None

    abandoned = check_workbooks(units, master=master, work=Work(rekap=True), schemas_meanwhile=True)
    assert abandoned.pending is not None
    pid = abandoned.pending.schemas._pid
    abandoned.abandon()
    assert pid is not None and not _alive(pid)


class _Rows:
    """Data handed to a render, that can be watched for being freed."""

    def render(self, file: IO[str]) -> None:
        _rows(file)


def test_written_text_lets_go_of_the_data_it_was_rendered_from():
    """An XlsxWriter workbook is a reference cycle that keeps its sheets' ForkedText: the
    300,000 tree rows they were given must not wait for the cyclic collector."""
    import gc
    import weakref

    gc.disable()
    try:
        data = _Rows()
        watch = weakref.ref(data)
        source = ForkedText(data.render)
        cycle = [source]
        cycle.append(cycle)  # kept alive by a cycle, as in a workbook
        del data
        assert _written(source).startswith('<row r="1">')
        del source
        assert watch() is None  # freed by reference counting, the cycle still there
    finally:
        gc.enable()


def test_a_module_imported_meanwhile_does_not_lock_the_schemas_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """kompilasi imports what it needs next in a thread while the workbooks are read
    (`while_reading`). A module that thread is importing when a child is forked stays
    locked in the child for ever: the child would wait until its limit (600 s), then its
    work be done here. The schemas' child is forked only once that thread has ended."""
    import time

    from tests.conftest import SAMPLE
    from xlkinerja.jobs import pipeline
    from xlkinerja.jobs.per_file import Work
    from xlkinerja.runtime import forked
    from xlkinerja.sources.source import WorkbookFile, workbook_files

    (tmp_path / "xlk_slow_import.py").write_text("import time\ntime.sleep(3)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(forked, "CHILD_LIMIT", 60.0)
    real = pipeline.schema_checks

    def schemas_needing_the_module(normal):  # as pandera imports its backends when it runs
        import xlk_slow_import  # noqa: F401

        return real(normal)

    def warm_up() -> None:
        import xlk_slow_import  # noqa: F401

    monkeypatch.setattr(pipeline, "schema_checks", schemas_needing_the_module)
    master = WorkbookFile(SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx")
    units = workbook_files(sorted(SAMPLE.glob("*-jurusan-*.xlsx")))
    start = time.monotonic()
    checked = pipeline.check_workbooks(
        units, master=master, work=Work(rekap=True), schemas_meanwhile=True, while_reading=warm_up
    )
    assert checked.all_findings()
    assert time.monotonic() - start < 30  # not the child's limit
