"""One unit's share of the compiled tables, and what kompilasi needs of each file received.

`unit_rows` runs in the worker process that read the workbook (plain dicts pickle fast);
the aggregation stacks every unit's rows into the compiled frames once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from xlkinerja.core.form_data import K
from xlkinerja.core.normal import NormalForm, NormalTable, UnitForm
from xlkinerja.core.table_access import positions, reading, text, val
from xlkinerja.domain.capaian import cap_note
from xlkinerja.domain.konsolidasi import konsolidasi
from xlkinerja.errors import ErrorRecord
from xlkinerja.specs.keys import AnggaranColumn
from xlkinerja.validation.capaian_rows import TW_KEYS, CapaianRow, PerIkk, capaian_per_ikk
from xlkinerja.validation.rules_anggaran import REALISASI

Rows = list[dict[str, object]]
"""Rows of one rekap table, by column name: normalised values, Excel row numbers, TW
numbers and capaian results. Beyond the frames' columns, a row may say what could not be
read (`tak_terbaca`: the TW keys of a Rencana Aksi row, or True on a capaian row whose
capaian is unknown for that reason), which the aggregation needs and the frames do not
keep."""


def unit_rows(
    form: UnitForm, batas_atas: float | None, per_ikk: PerIkk | None = None
) -> dict[str, Rows]:
    """The unit's own columns of rekap_pk, anggaran, rekap_ra and capaian_ikk."""
    kode, nama = form.field("kode_unit"), form.field("nama_unit")
    pk, ra, anggaran = form.table("pk"), form.table("ra"), form.table("anggaran")
    base = {"kode_unit": kode, "nama_unit": nama, "berkas": form.file}
    iku_of = {val(pk, p, "kode_ikk"): val(pk, p, "kode_iku") for p in positions(pk)}
    indikator = {val(pk, p, "kode_ikk"): val(pk, p, "indikator") for p in positions(pk)}
    target_pk = {val(pk, p, "kode_ikk"): val(pk, p, "target") for p in positions(pk)}
    satuan = {val(pk, p, "kode_ikk"): val(pk, p, "satuan") for p in positions(pk)}
    out: dict[str, Rows] = {"pk": [], "anggaran": [], "ra": [], "capaian": []}
    for p in positions(pk):
        out["pk"].append(
            {
                **base,
                "kode_iku": val(pk, p, "kode_iku"),
                "sasaran_unit": val(pk, p, "sasaran"),
                "kode_ikk": val(pk, p, "kode_ikk"),
                "indikator": val(pk, p, "indikator"),
                "satuan": val(pk, p, "satuan"),
                "arah": val(pk, p, "arah"),
                "target": val(pk, p, "target"),
                "metode_kaskade": val(pk, p, "metode_kaskade"),
                "keterangan": _unread(pk, p, ("target",)).get("target"),
                "baris": pk.rows[p],
            }
        )
    money: tuple[AnggaranColumn, ...] = ("anggaran", *REALISASI)
    for p in positions(anggaran):
        unread_money = _unread(anggaran, p, money)
        out["anggaran"].append(
            {
                **base,
                "program": val(anggaran, p, "program"),
                "anggaran": val(anggaran, p, "anggaran"),
                "kode_ikk": val(anggaran, p, "kode_ikk"),
                **{key: _number(val(anggaran, p, key)) for key in REALISASI},
                "keterangan": "; ".join(unread_money.values()) or None,
                "baris": anggaran.rows[p],
            }
        )
    for p in positions(ra):
        ikk = val(ra, p, "kode_ikk")
        unread = _unread(ra, p, TW_KEYS)
        out["ra"].append(
            {
                **base,
                "kode_iku": iku_of.get(ikk),
                "kode_ikk": ikk,
                "indikator": indikator.get(ikk),
                "satuan": satuan.get(ikk),
                "target_pk": target_pk.get(ikk),
                **{tw: val(ra, p, tw) for tw in TW_KEYS},
                "keterangan": "; ".join(unread.values()) or None,
                "tak_terbaca": list(unread),
                "baris": ra.rows[p],
            }
        )
    cap = form.table("capaian")
    if per_ikk is None:
        per_ikk = capaian_per_ikk(form, batas_atas)
    konsolidasi = {val(pk, p, "kode_ikk"): text(pk, p, "konsolidasi") for p in positions(pk)}
    for ikk, rows in per_ikk.items():
        parts = ratio_parts(cap, rows, konsolidasi.get(ikk) or "kumulatif")
        for row, (pembilang, penyebut) in zip(rows, parts, strict=True):
            out["capaian"].append(
                {
                    **base,
                    "kode_iku": iku_of.get(ikk),
                    "kode_ikk": ikk,
                    "indikator": indikator.get(ikk),
                    "tw": row.tw,
                    "target": _number(row.hasil.target),
                    "realisasi": row.hasil.realisasi,
                    "capaian": row.hasil.nilai,
                    "alasan": row.hasil.alasan or cap_note(row.hasil.mentah, row.hasil.nilai),
                    "kendala": text(cap, row.pos, "kendala"),
                    "tindak_lanjut": text(cap, row.pos, "tindak_lanjut"),
                    "faktor_pendukung": text(cap, row.pos, "faktor_pendukung"),
                    "tak_terbaca": bool(row.hasil.tak_terbaca),
                    "baris": cap.rows[row.pos],
                    "pembilang": pembilang,
                    "penyebut": penyebut,
                }
            )
    return out


def ratio_parts(
    cap: NormalTable[Any], rows: list[CapaianRow], cara: str
) -> list[tuple[float | None, float | None]]:
    """Per reported quarter of one IKK, its pembilang and penyebut up to that quarter,
    each combined per the IKK's konsolidasi as its realisasi is (None: not given)."""
    pembilang = {row.tw: reading(cap, row.pos, "pembilang") for row in rows}
    penyebut = {row.tw: reading(cap, row.pos, "penyebut") for row in rows}
    out: list[tuple[float | None, float | None]] = []
    for row in rows:
        if pembilang[row.tw] is None or penyebut[row.tw] is None:
            out.append((None, None))  # this quarter's pair is what the ratio needs
            continue
        p = konsolidasi(pembilang, cara, sampai_tw=row.tw).nilai
        q = konsolidasi(penyebut, cara, sampai_tw=row.tw).nilai
        out.append((p, q))
    return out


def _unread(table: NormalTable[K], pos: int, keys: tuple[K, ...]) -> dict[K, str]:
    """Per key of a number item the user filled with something unreadable: a note."""
    out = {}
    for key in keys:
        cell = table.unreadable(pos, key)
        if cell is not None:
            out[key] = f"{table.label(key)} tidak dapat dibaca ({cell.describe()})"
    return out


def _number(value: object) -> float | None:
    """A target as the frame holds it: a number, or blank (also when it could not be read:
    the row's alasan says so)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class Received(Protocol):
    """A workbook as kompilasi received it: read (`form`) or not (`error`; its code and place
    in `failure`), with the unit's rekap rows (unit workbooks) and the rows read per table
    (for the accounting)."""

    @property
    def path(self) -> str: ...
    @property
    def error(self) -> str | None: ...
    @property
    def failure(self) -> ErrorRecord | None: ...
    @property
    def form(self) -> NormalForm | None: ...
    @property
    def rekap(self) -> Mapping[str, Rows]: ...
    @property
    def rows_read(self) -> Mapping[str, int]: ...
