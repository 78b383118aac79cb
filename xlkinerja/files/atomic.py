"""Atomic file replacement: write beside the target, then rename over it."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xlkinerja.errors import ErrorCode, OutputError


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 minus umask."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _short(stem: str) -> str:
    """A stem short enough for the temporary name (dot, stem, 8 random characters, suffix)
    within 255 bytes, whatever the target's own name length."""
    data = stem.encode("utf-8", "surrogateescape")
    return data[:200].decode("utf-8", "ignore") if len(data) > 200 else stem


LOCKED_HINT = (
    "Tutup berkas itu jika sedang dibuka di Excel, atau pilih folder lain yang dapat ditulisi."
)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "izin ditolak"
    if isinstance(exc, IsADirectoryError):
        return "yang ada di sana adalah folder"
    if exc.errno == errno.ENOSPC:
        return "disk penuh"
    if exc.errno == errno.ENOENT:
        return "folder induknya tidak ada"
    if exc.errno == errno.ENOTDIR:
        return "sebagian jalurnya adalah berkas, bukan folder"
    if exc.errno == errno.EROFS:
        return "sistem berkas hanya-baca"
    if exc.errno == errno.ENAMETOOLONG:
        return "nama terlalu panjang"
    return exc.strerror or type(exc).__name__


def refuse_folder(target: Path) -> None:
    """An output named by a folder is a mistake to report before the work starts."""
    if target.is_dir():
        raise OutputError(
            "ini sebuah folder; yang diminta adalah nama berkas.",
            code=ErrorCode.KELUARAN_BUKAN_BERKAS,
            path=target,
            hint=f"Mis. {target / 'rekap.xlsx'}.",
        )


def ensure_writable_folder(folder: Path) -> None:
    """Make `folder` (and its parents) and try a file in it: a folder that cannot be
    written is an `OutputError` before a job has done anything, not an internal error
    half-way."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".xlkinerja-", dir=folder)
        os.close(fd)
        Path(name).unlink()
    except OSError as exc:
        raise OutputError(
            f"folder {folder} tidak dapat ditulisi ({_reason(exc)}).",
            code=ErrorCode.KELUARAN_TIDAK_DAPAT_DITULIS,
            hint="Pilih folder lain yang dapat ditulisi, mis. di folder Dokumen Anda.",
        ) from exc


@contextmanager
def atomic_path(
    target: Path, *, mode: int | None = None, locked_hint: str = LOCKED_HINT
) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`.
    A `target` that is a folder is refused before anything is written. The temporary file
    is readable by its owner only while it is written; the target gets `mode`, else the
    mode of the file it replaces, else the usual 0666 minus umask. `locked_hint`: what to
    do when the target cannot be replaced (e.g. open in Excel).

    On failure the temporary file is removed and `target` is untouched. A folder that
    cannot be written, or a target that cannot be replaced (on Windows: open in Excel), is
    an `OutputError` naming the file, not a traceback.
    """
    refuse_folder(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _stop_signals_held():  # the file exists only once it is listed as unfinished
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{_short(target.stem)}-", suffix=target.suffix, dir=target.parent
            )
            _UNFINISHED.add(Path(tmp_name))
    except OSError as exc:
        raise OutputError(
            f"tidak dapat ditulis ke folder {target.parent} ({_reason(exc)}).",
            code=ErrorCode.KELUARAN_TIDAK_DAPAT_DITULIS,
            path=target,
            hint="Pilih folder lain yang dapat ditulisi.",
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        tmp.chmod(mode if mode is not None else _mode_for(target))
        try:
            tmp.replace(target)
        except OSError as exc:
            raise OutputError(
                f"tidak dapat diganti ({_reason(exc)}); isinya tetap seperti semula.",
                code=ErrorCode.KELUARAN_TIDAK_DAPAT_DIGANTI,
                path=target,
                hint=locked_hint,
            ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _UNFINISHED.discard(tmp)


_UNFINISHED: set[Path] = set()  # temporary files of the writes going on in this process
_STOP_SIGNALS = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)}


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP held back for a moment (delivered right after), where there is
    `pthread_sigmask`."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def remove_unfinished() -> None:
    """Remove the temporary files of the writes going on: for a process that ends at once
    (SIGTERM, SIGHUP) without unwinding. Their targets are untouched."""
    for tmp in list(_UNFINISHED):
        with contextlib.suppress(OSError):
            tmp.unlink()
