"""Chapter III of the Laporan Kinerja as a PDF (templates/dokumen/lkj.html.j2), the charts
embedded in the HTML as data URIs, each table's column widths and font size those of the
.docx (lkj_columns.py)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path

from xlkinerja.kompilasi.lkj import Lkj
from xlkinerja.render.dokumen.lkj_columns import column_layout
from xlkinerja.render.dokumen.lkj_tables import Bagian, Tabel, shown
from xlkinerja.render.dokumen.pdf import html_to_pdf
from xlkinerja.render.dokumen.tanda import Tanda
from xlkinerja.render.jinja_templates import render

TEMPLATE = "dokumen/lkj.html.j2"


def _tata(tabel: Tabel) -> dict[str, object]:
    """The table's column widths (% of the table) and font sizes (pt) for the template."""
    layout = column_layout(tabel)
    total = sum(layout.widths)
    return {
        "lebar": [round(100 * w / total, 2) for w in layout.widths],
        "ukuran": layout.size,
        "ukuran_judul": layout.header_size,
    }


def lkj_html(
    lkj: Lkj, bagian: list[Bagian], charts: Mapping[str, bytes], *, mark: Tanda | None = None
) -> str:
    uris = {k: "data:image/png;base64," + base64.b64encode(v).decode() for k, v in charts.items()}
    return render(
        TEMPLATE,
        lkj=lkj,
        bagian=bagian,
        grafik=uris,
        sel=shown,
        tata=_tata,
        status_tanda=mark,
    )


def write_lkj_pdf(
    lkj: Lkj,
    bagian: list[Bagian],
    charts: Mapping[str, bytes],
    target: Path,
    *,
    mark: Tanda | None = None,
) -> Path:
    return html_to_pdf(lkj_html(lkj, bagian, charts, mark=mark), target)
