"""Chapter III of the Laporan Kinerja as a PDF (templates/dokumen/lkj.html.j2), the charts
embedded in the HTML as data URIs."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path

from xlkinerja.kompilasi.lkj import Lkj
from xlkinerja.render.dokumen.lkj_tables import Bagian, Kolom, Tabel, shown
from xlkinerja.render.dokumen.pdf import html_to_pdf
from xlkinerja.render.jinja_templates import render

TEMPLATE = "dokumen/lkj.html.j2"


def _lebar(tabel: Tabel, kolom: Kolom) -> float:
    return round(100 * kolom.lebar / sum(k.lebar for k in tabel.kolom), 2)


def lkj_html(lkj: Lkj, bagian: list[Bagian], charts: Mapping[str, bytes]) -> str:
    uris = {k: "data:image/png;base64," + base64.b64encode(v).decode() for k, v in charts.items()}
    return render(TEMPLATE, lkj=lkj, bagian=bagian, grafik=uris, sel=shown, lebar=_lebar)


def write_lkj_pdf(
    lkj: Lkj, bagian: list[Bagian], charts: Mapping[str, bytes], target: Path
) -> Path:
    return html_to_pdf(lkj_html(lkj, bagian, charts), target)
