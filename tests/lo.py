"""Run the real spreadsheet program here, LibreOffice, headless."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise RuntimeError(
            "LibreOffice (soffice) is not installed; scripts/test.sh installs "
            "it with apt-get install libreoffice-calc"
        )
    return found


def convert(files: list[Path], to: str, outdir: Path, profile: Path) -> list[Path]:
    """Open each file in LibreOffice and save it as `to` (e.g. 'xlsx', 'pdf')."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = [outdir / f"{f.stem}.{to.split(':', maxsplit=1)[0]}" for f in files]
    missing = [p for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return out
