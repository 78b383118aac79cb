"""Workbook files handed to worker processes (runtime/workers.py) for the per-file work of
kompilasi and validasi (read, normalise, check, serialise; for validasi also write the
findings back): in small chunks so that the workers end together, started while the main
process reads the master. The fork server preloads this module, and with it the per-file
code.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.per_file import CHECK_ONLY, FileResult, Work, process_source
from xlkinerja.runtime.workers import collect_now_and_then, process_pool, worker_count
from xlkinerja.sources.source import WorkbookFile

Progress = Callable[[str], None]  # one workbook done (its name)
Stage = Callable[[str], None]  # what the job does next, for users

__all__ = ["Progress", "Stage", "Submitted", "process_all", "worker_count", "worker_pool"]


@contextmanager
def worker_pool(
    workers: int, start_method: str | None = None
) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes for the per-file work (see runtime/workers.py `process_pool`)."""
    with process_pool(workers, preload=__name__, start_method=start_method) as pool:
        yield pool


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
