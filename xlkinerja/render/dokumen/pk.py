"""The Perjanjian Kinerja as a PDF: statement page, lampiran (indicators and targets,
programs and budget) and, for a unit, the Rencana Aksi (templates/dokumen/pk.html.j2)."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.core.formats import rupiah
from xlkinerja.render.dokumen.pdf import html_to_pdf
from xlkinerja.render.dokumen.pk_data import PkDokumen
from xlkinerja.render.dokumen.teks import TITIK_TITIK, angka, tanggal
from xlkinerja.render.jinja_templates import render

TEMPLATE = "dokumen/pk.html.j2"


def pk_html(dok: PkDokumen) -> str:
    return render(
        TEMPLATE,
        dok=dok,
        tanggal=tanggal(dok.tanggal),
        titik=TITIK_TITIK,
        angka=angka,
        rupiah=rupiah,
    )


def pk_file_name(dok: PkDokumen) -> str:
    return f"PK-{dok.kode}-{dok.tahun or 'tanpa-tahun'}.pdf"


def write_pk_pdf(dok: PkDokumen, folder: Path) -> Path:
    return html_to_pdf(pk_html(dok), folder / pk_file_name(dok))
