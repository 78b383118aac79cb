"""The Perjanjian Kinerja as a PDF: statement page (two parties, or the head alone) and
lampiran (indicators and targets, programs and budget), under the master's kop when it
gives one (templates/dokumen/pk.html.j2). The Rencana Aksi is its own document (ra.py)."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.core.formats import rupiah
from xlkinerja.render.dokumen.pdf import html_to_pdf
from xlkinerja.render.dokumen.pk_data import PkDokumen
from xlkinerja.render.dokumen.tanda import tanda
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
        logo=dok.kop.logo.as_uri() if dok.kop and dok.kop.logo else None,
        status_tanda=tanda(dok.status) if dok.status else None,
    )


def pk_file_name(dok: PkDokumen) -> str:
    return f"PK-{dok.kode}-{dok.tahun or 'tanpa-tahun'}.pdf"


def write_pk_pdf(dok: PkDokumen, folder: Path) -> Path:
    return html_to_pdf(pk_html(dok), folder / pk_file_name(dok))
