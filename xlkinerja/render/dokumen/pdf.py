"""HTML made into PDF by WeasyPrint (A4 and page numbers come from the stylesheet, fonts
are embedded as subsets), written atomically."""

from __future__ import annotations

import logging
from pathlib import Path

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path


class PdfUnavailable(XlkinerjaError):
    """WeasyPrint's system libraries (pango) are missing: no PDF can be made here."""


APT_HINT = (
    "Pasang paket libpango-1.0-0, libpangoft2-1.0-0 dan fonts-liberation (Debian/Ubuntu: "
    "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation)."
)


def html_to_pdf(html: str, target: Path, *, base: Path | None = None) -> Path:
    """Write `html` as the PDF `target`; `base`: the folder relative images are taken from."""
    try:
        from weasyprint import HTML
    except (OSError, ImportError) as exc:  # its system libraries (pango) are not there
        raise PdfUnavailable(
            f"PDF tidak dapat dibuat: pustaka sistem WeasyPrint (pango) tidak terpasang ({exc}).",
            code=ErrorCode.LINGKUNGAN_PDF_TIDAK_TERSEDIA,
            hint=APT_HINT,
        ) from None
    # Its notes about fonts and subsetting are for developers, not in a command's output.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=str(base) if base else None)
    with atomic_path(target) as tmp:
        document.write_pdf(tmp)
    return target
