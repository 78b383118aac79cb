"""The compiled institutional workbook: `write_kompilasi(k, path)`.

Sheets, in the order of its spec (specs/rekap.py): Ringkasan (cover), Status Pengumpulan,
Rekap PK, Rekap Rencana Aksi, Rekap Capaian (with native charts), Pohon Kinerja, Rekap SKP,
Temuan; every sheet's name, table columns and their order come from that spec. Print-ready
(A4 landscape, one page wide, header rows repeated, page numbers), in Bahasa Indonesia,
written atomically.

Big tables, the Pohon Kinerja sheet included, go through `FastWorksheet.add_rows`
(render/fastsheet.py: column-wise, formats made once) and the package is zipped at level 1
(package.py): 1,000 units (50k PK, 50k RA, 200k capaian and 50k tree rows) write in
~3.8 s; cell by cell it would take ~20 s. See benchmarks/writer_bench.py.
"""

from __future__ import annotations

from pathlib import Path

from xlkinerja.files.atomic import atomic_path
from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.render.fast_workbook import Workbook
from xlkinerja.render.pohon.sheet import write_tree_sheet
from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.sheet_capaian import write_capaian
from xlkinerja.render.rekap.sheet_rekap_pk import write_rekap_pk
from xlkinerja.render.rekap.sheet_rekap_ra import write_rekap_ra
from xlkinerja.render.rekap.sheet_rekap_skp import write_rekap_skp
from xlkinerja.render.rekap.sheet_ringkasan import write_ringkasan
from xlkinerja.render.rekap.sheet_status import write_status
from xlkinerja.render.rekap.sheet_temuan import write_temuan
from xlkinerja.render.rekap.styles import Styles
from xlkinerja.specs.rekap import REKAP, SHEET_POHON, SHEET_RINGKASAN

SHEET_ORDER = REKAP.sheet_names


def write_kompilasi(k: Kompilasi, path: Path) -> Path:
    """Write the compiled workbook to `path` (replaced only when complete); fills
    `k.baris_ditulis` with the rows written per table of the Kompilasi."""
    ditulis: dict[str, int] = {}
    with atomic_path(path) as tmp:
        workbook = Workbook(
            str(tmp),
            {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
        )
        try:
            workbook.set_properties(
                {
                    "title": f"Kompilasi Kinerja {k.instansi}{tahun_text(k.tahun)}",
                    "subject": "Perjanjian Kinerja, Rencana Aksi dan Capaian",
                    "author": "xlkinerja",
                    "company": k.instansi,
                    "created": k.dibuat,
                }
            )
            buku = Buku(workbook, Styles(workbook), k)
            cover = buku.sheet(SHEET_RINGKASAN)  # first sheet, written last (it shows the counts)
            # The tree's rows are rendered by a child process while the other sheets are
            # written (see runtime/forked.py): the sheets before it are added (empty) first.
            for name in SHEET_ORDER[1 : SHEET_ORDER.index(SHEET_POHON)]:
                buku.sheet(name)
            tree = write_tree_sheet(workbook, k.pohon, SHEET_POHON, in_background=True)
            ditulis["pohon"] = tree.rows
            ditulis |= write_status(buku)
            ditulis |= write_rekap_pk(buku)
            ditulis |= write_rekap_ra(buku)
            ditulis |= write_capaian(buku)
            ditulis |= write_rekap_skp(buku)
            ditulis |= write_temuan(buku)
            write_ringkasan(buku, cover, ditulis)
            cover.activate()
            workbook.close()
        finally:
            for sheet in workbook.worksheets():
                sheet.abandon()  # no child left rendering when the writing failed
    k.baris_ditulis = ditulis
    return path
