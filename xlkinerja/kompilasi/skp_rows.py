"""Every employee's SKP as rows of the compiled workbook's Rekap SKP: one row per IKI, with
the realisasi of each period beside it (no I/O).

The rows carry what the e-Kinerja web form asks, in its order (perspektif, RHK pimpinan
yang diintervensi, RHK, aspek, IKI, target, realisasi), so an export can be made from the
compiled workbook alone (templates/ekspor/skp-ekinerja).
"""

from __future__ import annotations

from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.core.normal import SkpForm
from xlkinerja.core.table_access import positions, val
from xlkinerja.kompilasi.rows import Rows
from xlkinerja.specs.keys import RhkColumn, SkpFieldKey

PERIODE = {
    "TW I": "realisasi_tw1",
    "TW II": "realisasi_tw2",
    "TW III": "realisasi_tw3",
    "TW IV": "realisasi_tw4",
    "Tahunan": "realisasi_tahunan",
}
PEGAWAI: tuple[SkpFieldKey, ...] = ("nip", "nama", "jabatan", "jenis_jabatan")  # of the SKP
RHK: tuple[RhkColumn, ...] = (  # the SKP's RHK table's columns, in the e-Kinerja form's order
    "jenis",
    "perspektif",
    "rhk_pimpinan",
    "kode_rhk",
    "rhk",
    "aspek",
    "kode_iki",
    "iki",
    "target",
    "target_bawah",
    "target_atas",
    "satuan",
)
REKAP_SKP_COLUMNS = (
    "kode_unit",
    "nama_unit",
    *PEGAWAI,
    *RHK,
    *PERIODE.values(),
    "berkas",
    "baris",
)


def skp_rows(index: CascadeIndex) -> Rows:
    """The rows of every SKP among the compiled workbooks, by unit (master order), then
    employee name, then the SKP's own row order."""
    names = index.unit_names
    by_name = {nama: kode for kode, nama in names.items()}
    order = {kode: i for i, kode in enumerate(names)}
    keyed: list[tuple[int, str, str, Rows]] = []
    for form in index.skps:
        nip = form.text("nip") or ""
        kode = index.pegawai_unit.get(nip.strip().upper()) or by_name.get(form.text("unit") or "")
        rows = _one_skp(form, kode, names.get(kode or "", form.text("unit")))
        keyed.append((order.get(kode or "", len(order)), form.text("nama") or "", nip, rows))
    keyed.sort(key=lambda k: k[:3])
    return [row for *_, rows in keyed for row in rows]


def _one_skp(form: SkpForm, kode_unit: str | None, nama_unit: str | None) -> Rows:
    rhk, realisasi = form.table("rhk"), form.table("realisasi")
    done: dict[tuple[object, str], object] = {}
    for p in positions(realisasi):
        column = PERIODE.get(str(val(realisasi, p, "periode")))
        if column is not None:
            done[val(realisasi, p, "kode_iki"), column] = val(realisasi, p, "realisasi")
    base: dict[str, object] = {
        "kode_unit": kode_unit,
        "nama_unit": nama_unit,
        **{key: form.field(key) for key in PEGAWAI},
        "berkas": form.file,
    }
    out: Rows = []
    for p in positions(rhk):
        iki = val(rhk, p, "kode_iki")
        out.append(
            base
            | {key: val(rhk, p, key) for key in RHK}
            | {column: done.get((iki, column)) for column in PERIODE.values()}
            | {"baris": rhk.rows[p]}
        )
    return out
