"""The Rencana Aksi as a PDF of its own, signed: the quarterly targets and actions per IKK
and the pengesahan block (templates/dokumen/ra.html.j2)."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.render.dokumen.pdf import html_to_pdf
from xlkinerja.render.dokumen.ra_data import RaDokumen
from xlkinerja.render.dokumen.tanda import tanda
from xlkinerja.render.dokumen.teks import TITIK_TITIK, angka, tanggal
from xlkinerja.render.jinja_templates import render

TEMPLATE = "dokumen/ra.html.j2"


def ra_html(dok: RaDokumen) -> str:
    return render(
        TEMPLATE,
        dok=dok,
        tanggal=tanggal(dok.tanggal_disahkan),
        titik=TITIK_TITIK,
        angka=angka,
        logo=dok.kop.logo.as_uri() if dok.kop and dok.kop.logo else None,
        status_tanda=tanda(dok.status) if dok.status else None,
    )


def ra_file_name(dok: RaDokumen) -> str:
    return f"RA-{dok.kode}-{dok.tahun or 'tanpa-tahun'}.pdf"


def write_ra_pdf(dok: RaDokumen, folder: Path) -> Path:
    return html_to_pdf(ra_html(dok), folder / ra_file_name(dok))
