"""Put the add-in where Excel opens it at every start, and its settings where it reads them.

Excel opens every workbook and add-in in the user's XLSTART folder when it starts, so the
add-in is there without any dialog (xlwings installs its own add-in the same way):
- Windows: %APPDATA%\\Microsoft\\Excel\\XLSTART
- macOS: ~/Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel
The settings file is the one the add-in's VBA (xlwings' GetConfig, project "xlkinerja")
reads last, so a setting in the workbook or next to it still wins:
- Windows: %USERPROFILE%\\.xlkinerja\\xlkinerja.conf
- macOS: ~/Library/Containers/com.microsoft.Excel/Data/xlkinerja.conf (Excel is sandboxed)
in the format VBA's `Write #` writes and GetConfig reads: one `"KEY","value"` line each.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from xlkinerja.addin.build import CONFIG_SHEET, FILE_NAME, build_addin
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path

MAC_STARTUP = (
    "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
)
MAC_CONFIG = "Library/Containers/com.microsoft.Excel/Data"


def startup_folder(
    system: str | None = None, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Path:
    """The folder Excel opens at start (XLSTART) for this user on this system."""
    system = system or platform.system()
    env = os.environ if env is None else env
    home = home or Path.home()
    if system == "Windows":
        appdata = env.get("APPDATA")
        if not appdata:
            raise XlkinerjaError(
                "variabel APPDATA tidak ada; folder XLSTART tidak diketahui.",
                code=ErrorCode.LINGKUNGAN_APPDATA_TIDAK_ADA,
            )
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if system == "Darwin":
        return home / MAC_STARTUP
    raise XlkinerjaError(
        f"Excel tidak tersedia di sistem {system}; add-in dipasang di Windows atau macOS.",
        code=ErrorCode.LINGKUNGAN_EXCEL_TIDAK_ADA,
        hint="Pakai --tujuan FOLDER untuk hanya menyalin add-in ke sebuah folder.",
    )


def config_file(system: str | None = None, home: Path | None = None) -> Path:
    """Where the add-in reads the user's settings (the last place GetConfig looks)."""
    system = system or platform.system()
    home = home or Path.home()
    if system == "Darwin":
        return home / MAC_CONFIG / CONFIG_SHEET
    return home / ".xlkinerja" / CONFIG_SHEET


def conf_text(settings: Mapping[str, str]) -> str:
    """Settings as VBA's `Write #` writes them (CRLF lines, quotes doubled)."""
    lines = []
    for key, value in settings.items():
        quoted = value.replace('"', '""')
        lines.append(f'"{key.upper()}","{quoted}"')
    return "\r\n".join(lines) + "\r\n"


@dataclass(frozen=True)
class Installed:
    addin: Path
    config: Path | None  # None: no settings given, the file left as it was


def install_addin(
    settings: Mapping[str, str],
    *,
    folder: Path | None = None,
    config: Path | None = None,
    system: str | None = None,
) -> Installed:
    """Build the add-in into `folder` (default: Excel's XLSTART) and write `settings` (if
    any) into the user's settings file (default: where the add-in reads it); a setting
    already in that file and not given stays."""
    path = config or config_file(system)
    current: dict[str, str] = {}
    if settings and path.is_file():
        from xlkinerja.excel.config import parse_conf

        current = parse_conf(path.read_text(encoding="utf-8-sig"))
    merged = {**current, **{k.upper(): v for k, v in settings.items()}}
    if settings:
        check_settings(merged, path)  # before anything is written
    target_folder = folder or startup_folder(system)
    addin = build_addin(target_folder)
    if not settings:
        return Installed(addin, None)
    # the unit's API key: readable by this user only (POSIX; Windows keeps its ACL)
    with atomic_path(path, mode=0o600, locked_hint="Periksa hak akses folder itu.") as tmp:
        tmp.write_text(conf_text(merged), encoding="cp1252", errors="replace")
    return Installed(addin, path)


LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def check_settings(settings: Mapping[str, str], path: Path) -> None:
    """Settings that cannot work are refused, said: server mode without the server's
    address or the unit's key, an address that is not http(s), a key sent in clear
    (http://) to another computer."""
    if settings.get("MODE", "local").lower() != "server":
        return
    missing = [f"--{o}" for k, o in (("SERVER_URL", "server"), ("AUTH", "kunci"))
               if not settings.get(k, "").strip()]  # fmt: skip
    if missing:
        raise XlkinerjaError(
            f"mode server memerlukan {' dan '.join(missing)}: tanpanya setiap tombol ditolak "
            "server.",
            code=ErrorCode.ADDIN_PENGATURAN_TIDAK_SAH,
            path=path,
            hint="Contoh: xlkinerja addin install --mode server --server "
            "https://kinerja.kampus.ac.id --kunci KUNCI-UNIT-ANDA",
        )
    url = urlsplit(settings["SERVER_URL"].strip())
    if url.scheme not in ("http", "https") or not url.hostname:
        raise XlkinerjaError(
            f"alamat server '{settings['SERVER_URL']}' bukan alamat http(s).",
            code=ErrorCode.ADDIN_PENGATURAN_TIDAK_SAH,
            path=path,
            hint="Tulis lengkap, mis. https://kinerja.kampus.ac.id",
        )
    if url.scheme == "http" and url.hostname not in LOOPBACK:
        raise XlkinerjaError(
            f"alamat server '{settings['SERVER_URL']}' memakai http: kunci API unit akan "
            "terkirim tanpa enkripsi ke komputer lain.",
            code=ErrorCode.ADDIN_PENGATURAN_TIDAK_SAH,
            path=path,
            hint="Pakai alamat https:// server (di balik reverse proxy HTTPS); http:// hanya "
            "untuk server di komputer ini (localhost).",
        )


__all__ = ["FILE_NAME", "Installed", "config_file", "install_addin", "startup_folder"]
