"""Worker processes for the per-file work of kompilasi and validasi (read, normalise, check,
serialise; for validasi also write the findings back).

`forkserver` where there is one (Linux, macOS): the server imports the per-file code once
and every worker is a fork of it; fork straight from the main process can hang once pandas
or polars threads run. `spawn` on Windows. Workers start while the main process reads the
master, run without the cyclic garbage collector, and take small chunks of files so that
they end together.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.per_file import CHECK_ONLY, FileResult, Work, process_source
from xlkinerja.runtime.parent_death import die_with_parent
from xlkinerja.sources.source import WorkbookFile

Progress = Callable[[str], None]  # one workbook done (its name)
Stage = Callable[[str], None]  # what the job does next, for users


def worker_count(count: int | None, files: int) -> int:
    """`count` if given, else one process for a handful of files, else one per CPU (≤ 4)."""
    if count is not None:
        return max(1, count)
    return 1 if files < 8 else min(os.cpu_count() or 1, 4)


@contextmanager
def worker_pool(
    workers: int, start_method: str | None = None
) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes, started at once and importing the per-file code while the caller
    goes on (reading the master); None for one worker (work in this process), or when
    workers could not start (see `main_module_importable`)."""
    if workers <= 1 or not main_module_importable():
        yield None
        return
    # forkserver: fork after pandas/polars threads started can hang the children. The
    # server imports the per-file code once; each worker is a fork of it. Windows has
    # spawn only: each worker imports the per-file code (and the main module) itself.
    method = start_method or (
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([__name__])  # and with it the per-file code
        _start_forkserver_shielded()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_worker_start,
        initargs=(_server_pid(method),),
    )
    _LIVE.add(pool)
    # Starting a worker waits until the server has imported the per-file code (~0.1 s,
    # more on a cold disk): let a thread wait for that while this one reads the master.
    starting = threading.Thread(target=_start_workers, args=(pool, workers), daemon=True)
    starting.start()
    try:
        yield pool
    except BaseException:
        starting.join()  # every worker started, before they are listed
        _LEFT.extend(_processes(pool))  # for kill_children, if the program leaves now
        _stop(pool)  # Ctrl+C or an error: no more work for the workers
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        starting.join()
        _LIVE.discard(pool)


_LIVE: set[ProcessPoolExecutor] = set()  # the pools of running jobs
_LEFT: list[multiprocessing.process.BaseProcess] = []  # workers of pools stopped by an error


def _processes(pool: ProcessPoolExecutor) -> list[multiprocessing.process.BaseProcess]:
    return list((getattr(pool, "_processes", None) or {}).values())


def kill_children(*, graceful: bool = False) -> None:
    """End every process the jobs started — workers, the fork server, the resource
    tracker — at once: for a program that is leaving now (Ctrl+C, SIGTERM) and must not
    leave them behind. A worker blocked writing a result keeps its pipe open in the other
    workers, so nothing would end them otherwise. Relies on CPython's
    `ProcessPoolExecutor._processes` and the module-level fork server and resource tracker
    (their `_forkserver_pid` / `_pid`), the same in 3.8 to 3.13."""
    from multiprocessing import forkserver, resource_tracker

    pids = [p.pid or 0 for pool in list(_LIVE) for p in _processes(pool)]
    pids += [p.pid or 0 for p in _LEFT]
    if graceful:  # the workers first remove the files they are writing (`_worker_leave`)
        _end_within([pid for pid in pids if pid], GRACE_SECONDS)
    pids.append(getattr(forkserver._forkserver, "_forkserver_pid", None) or 0)
    pids.append(getattr(resource_tracker._resource_tracker, "_pid", None) or 0)
    for pid in pids:
        if pid:
            with contextlib.suppress(OSError):  # gone already
                os.kill(pid, signal.SIGKILL)


GRACE_SECONDS = 3.0  # for workers asked to end (SIGTERM) before they are killed


def _end_within(pids: list[int], seconds: float) -> None:
    """SIGTERM to `pids`, then wait until they are gone or `seconds` have passed."""
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.01)


def _alive(pid: int) -> bool:
    """Running (not ended, nor a zombie waiting for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
        return stat.rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return not Path("/proc").is_dir()  # no /proc: assume running


def _stop(pool: ProcessPoolExecutor) -> None:
    """No new work for the workers, and nothing queued left: each ends after its current
    file. (Killing them instead can leave half a result in the pipe, and the executor's
    thread then waits for the rest for good.) What that thread raises from now on — a
    future it finds cancelled, a worker gone — is not the user's business: not printed."""
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        _QUIET.add(manager)
    pool.shutdown(wait=False, cancel_futures=True)


_QUIET: weakref.WeakSet[threading.Thread] = weakref.WeakSet()  # threads of abandoned pools
_previous_hook = threading.excepthook


def _quiet_hook(args: threading.ExceptHookArgs) -> None:
    if args.thread is not None and args.thread in _QUIET:
        return
    _previous_hook(args)


threading.excepthook = _quiet_hook


def _start_forkserver_shielded() -> None:
    """Start the fork server with Ctrl+C ignored: it imports the per-file code before it
    protects itself, and a Ctrl+C in that moment would print a traceback. Its workers take
    Ctrl+C again (`_worker_start`), so that the job stops at once. Started from the main
    thread, the server dies with this process (see `die_with_parent`)."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # only the main thread may change signal handling
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ[SERVER_PARENT] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(SERVER_PARENT, None)
        signal.signal(signal.SIGINT, previous)


SERVER_PARENT = "XLKINERJA_FORKSERVER_PARENT"  # set while this process starts its fork server


def _fork_server_parent() -> int | None:
    """In a fork server this program started from its main thread (it imports this module
    as its preload), the program's pid; elsewhere None. (The server's forks — the workers —
    do not run this module's code again.)"""
    value = os.environ.pop(SERVER_PARENT, None)
    return int(value) if value and value.isdigit() else None


if (_program := _fork_server_parent()) is not None:
    die_with_parent(_program)


def main_module_importable() -> bool:
    """Whether worker processes can import this program's main module again, as
    multiprocessing makes them: not when it was read from stdin (`python - < job.py`). From
    `python -m`, an interactive session or a notebook there is nothing to import."""
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None) is not None:
        return True
    path = getattr(main, "__file__", None)
    return path is None or Path(path).is_file()


def _start_workers(pool: ProcessPoolExecutor, workers: int) -> None:
    try:
        for _ in range(workers):
            pool.submit(os.getpid)
    except Exception:  # a broken pool: `process_all` meets it too and says so
        return


def _server_pid(method: str) -> int:
    """The pid a worker's parent has: the fork server, or this process (spawn)."""
    if method == "forkserver":
        from multiprocessing import forkserver

        pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
        if pid:
            return int(pid)
    return os.getpid()


def _worker_start(parent: int) -> None:
    """In each worker: the imported modules are never scanned again, and the collector is
    off (reading a workbook makes no reference cycles, a test checks; `_process` collects
    every COLLECT_EVERY files all the same)."""
    # Ctrl+C and SIGTERM end a worker at once and quietly (no traceback from a worker idle
    # between files), the file it was writing removed; see _start_forkserver_shielded.
    signal.signal(signal.SIGINT, _worker_leave)
    signal.signal(signal.SIGTERM, _worker_leave)
    die_with_parent(parent)
    gc.freeze()
    gc.disable()


def _worker_leave(signum: int, _frame: object) -> None:
    """Ctrl+C or SIGTERM in a worker (the program is being stopped): the file it is
    writing is removed, then it ends at once. (Nothing imported here: see cli/app.py
    `_leave`.)"""
    atomic = sys.modules.get("xlkinerja.files.atomic")
    with contextlib.suppress(Exception):
        atomic.remove_unfinished()  # type: ignore[union-attr]
    os._exit(128 + signum)


COLLECT_EVERY = 50  # files; annotating one makes a few hundred cyclic objects
_done_in_worker = itertools.count(1)


def collect_now_and_then() -> None:
    """In a worker (collector off), once every COLLECT_EVERY calls: collect."""
    if next(_done_in_worker) % COLLECT_EVERY == 0:
        gc.collect()


def _process(files: list[WorkbookFile], settings: Pengaturan, work: Work) -> list[FileResult]:
    results = []
    for file in files:
        collect_now_and_then()
        results.append(process_source(file, settings, work))
    return results


class Submitted:
    """Workbook files handed to the workers in small chunks; `collect` waits for their
    results, `cancel` drops what no worker has started. The chunks are handed over by a
    thread: the first waits until the worker processes run (~0.1 s), and this one goes on."""

    def __init__(
        self,
        files: list[WorkbookFile],
        settings: Pengaturan,
        work: Work,
        pool: ProcessPoolExecutor,
    ) -> None:
        self.files, self.settings = files, settings
        workers = os.cpu_count() or 2
        size = max(1, min(8, len(files) // (workers * 8)))  # small chunks: workers end together
        self.chunks = [files[i : i + size] for i in range(0, len(files), size)]
        self.futures: list[Future[list[FileResult]]] = []
        self._broken: BrokenProcessPool | None = None
        self._cancelled = False
        self._submitting = threading.Thread(target=self._submit, args=(pool, work), daemon=True)
        self._submitting.start()

    def _submit(self, pool: ProcessPoolExecutor, work: Work) -> None:
        try:
            for chunk in self.chunks:
                if self._cancelled:
                    return
                future = pool.submit(_process, chunk, self.settings, work)
                self.futures.append(future)
        except BrokenProcessPool as exc:  # a worker died already
            self._broken = exc
        except RuntimeError:  # the pool was shut down (the job stopped): nothing to do
            self._cancelled = True

    def collect(self, progress: Progress | None = None) -> list[FileResult]:
        """Every file's result, in the order given. A worker that dies is an
        `XlkinerjaError` for the user."""
        self._submitting.join()
        results: list[FileResult] = []
        try:
            if self._broken is not None:
                raise self._broken
            if self._cancelled:
                raise RuntimeError("collected after cancel")
            for chunk, future in zip(self.chunks, self.futures, strict=True):
                results.extend(future.result())
                if progress:
                    for file in chunk:
                        progress(file.name)
        except BrokenProcessPool as exc:
            raise _broken(self.files, len(results)) from exc
        finally:
            self.cancel()  # nothing when all are done; else nobody waits for the rest
        return results

    def cancel(self) -> None:
        self._cancelled = True
        self._submitting.join()
        for future in self.futures:
            future.cancel()


def _broken(files: list[WorkbookFile], done: int) -> XlkinerjaError:
    upcoming = ", ".join(f.path.name for f in files[done : done + 5])
    return XlkinerjaError(
        "proses pembaca berhenti tiba-tiba (kehabisan memori, atau sebuah berkas yang "
        f"membuatnya gagal) setelah {done} dari {len(files)} berkas; berkas "
        f"berikutnya: {upcoming}.",
        code=ErrorCode.LINGKUNGAN_PEMBACA_BERHENTI,
        hint="Jalankan ulang dengan --proses 1 untuk mengetahui berkasnya.",
    )


def process_all(
    files: list[WorkbookFile],
    settings: Pengaturan,
    pool: ProcessPoolExecutor | None,
    progress: Progress | None = None,
    work: Work = CHECK_ONLY,
) -> list[FileResult]:
    """`process_source` for every file, in `pool` (None: in this process); results in the
    order given. A worker that dies is an `XlkinerjaError` for the user."""
    if pool is not None:
        return Submitted(files, settings, work, pool).collect(progress)
    results = []
    for file in files:
        results.append(process_source(file, settings, work))
        if progress:
            progress(file.name)
    return results
