"""The cyclic garbage collector during jobs: paused while a job runs, and what a job leaves
frozen instead of scanned in a process that ends after it (the command line).

Imported by the command line at start: nothing heavy here."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """CPython's cyclic garbage collector off for the job. kompilasi holds ~1M long-lived
    objects (every workbook's tables) that each full collection would scan again: 1.7 s of
    a 17 s run of 1,000 workbooks. Reference counting still frees what the job drops; the
    few cycles it makes are collected once it is over — except in a process that ends after
    its job (`one_job_per_process`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _ONE_JOB.is_set():
            gc.freeze()
        if was_enabled:
            gc.enable()


_ONE_JOB = threading.Event()  # set: this process ends after its job


def one_job_per_process() -> None:
    """This process ends after its job (the command line): what the job leaves alive is
    frozen (`gc.freeze`: out of the collector's sight, still freed by reference counting)
    instead of scanned once more for the few cycles in it — 0.6 s after 1,000 workbooks,
    and again as the program exits. A process that runs job after job (the server) keeps
    the collection, so that no job's cycles pile up."""
    _ONE_JOB.set()


def many_jobs_per_process() -> None:
    """This process runs job after job (the server): the cycles each leaves are collected."""
    _ONE_JOB.clear()
