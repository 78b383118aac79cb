"""A compiled workbook (rekap-kinerja.xlsx, render/rekap/) read back into what an export and the
LKj chapter are made from (kompilasi/ekspor_sumber.py), so `xlkinerja ekspor REKAP.xlsx`
exports, and `xlkinerja dokumen lkj REKAP.xlsx` writes, what the rekap shows without the
unit workbooks.

The sheets are read by their headers and the labels the rekap writer puts on its rows (the
IKU rows' "Institusi", the section titles), taken from the writer's own modules; a test
checks the export from the workbook equals the export from the compiled model it was
written from. Values only, with calamine, behind the same package guard as every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import python_calamine as calamine

from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.errors import WorkbookError
from xlkinerja.files.package_guard import check_package
from xlkinerja.kompilasi.ekspor_sumber import (
    ANGGARAN,
    CAPAIAN_IKU,
    FAKTOR,
    IKK,
    IKU,
    SKP,
    TW,
    EksporSumber,
)
from xlkinerja.kompilasi.ekspor_sumber import CAPAIAN as CAPAIAN_COLUMNS
from xlkinerja.render.ekspor.rekap_cells import number_of as _number
from xlkinerja.render.ekspor.rekap_cells import numbers_of as _numbers
from xlkinerja.render.ekspor.rekap_cells import text_of as _text
from xlkinerja.render.ekspor.rekap_cells import texts_of as _texts
from xlkinerja.render.ekspor.rekap_cells import value_of as _v
from xlkinerja.render.rekap.sheet_capaian import KOLOM as CAPAIAN_KOLOM
from xlkinerja.render.rekap.sheet_capaian import NAME as CAPAIAN
from xlkinerja.render.rekap.sheet_rekap_pk import ANGGARAN_KOLOM
from xlkinerja.render.rekap.sheet_rekap_pk import NAME as REKAP_PK
from xlkinerja.render.rekap.sheet_rekap_ra import NAME as REKAP_RA
from xlkinerja.render.rekap.sheet_rekap_skp import NAME as REKAP_SKP
from xlkinerja.render.rekap.sheet_ringkasan import NAME as RINGKASAN
from xlkinerja.render.rekap.sheet_status import NAME as STATUS
from xlkinerja.render.rekap.styles import Kolom
from xlkinerja.sources.reader import check_file
from xlkinerja.specs.rekap import (
    CAPAIAN_IKK,
    GRAND_TOTAL,
    ORPHAN_TITLE,
    TANPA_KODE,
    TANPA_NAMA,
)
from xlkinerja.specs.rekap import CAPAIAN_IKU as PIVOT_IKU
from xlkinerja.specs.rekap import REKAP_SKP as SKP_TABLE

Grid = list[list[Any]]
FAKTOR_KOLOM = tuple(Kolom(CAPAIAN_IKK.column(k).label, 0) for k in ("kendala", "tindak_lanjut"))
STATUS_COL, PREDIKAT_COL = PIVOT_IKU.position("status"), PIVOT_IKU.position("predikat")
SKP_HEADERS = {c.key: c.label for c in SKP_TABLE.columns}
INSTITUSI = "Institusi"  # the Unit of an IKU row on Rekap PK (sheet_rekap_pk.py)
GABUNGAN = "Institusi (gabungan)"  # on Rekap Rencana Aksi (sheet_rekap_ra.py)
ORPHAN_NOTE = re.compile(r"IKU induk (\S+) tidak ada")
YEAR = re.compile(r"\bTahun (\d{4})\b")
TW_OF = {label: n for n, label in enumerate(LABEL_TW, start=1)}


# The sheets each export table, and the LKj, is made from (besides the cover and Status
# Pengumpulan).
SHEETS_OF = {
    "hierarki": (REKAP_PK, REKAP_RA, CAPAIAN),
    "pk": (REKAP_PK,),
    "realisasi": (REKAP_PK, CAPAIAN),
    "skp": (REKAP_SKP,),
    "lkj": (REKAP_PK, CAPAIAN),
}
REKAP_SHEETS = (RINGKASAN, STATUS, REKAP_PK, REKAP_RA, CAPAIAN, REKAP_SKP)


def is_rekap(path: Path) -> bool:
    """Whether `path` is a compiled workbook (by its sheets: a form workbook has none of
    the rekap's own), checked as every workbook is before it is opened."""
    if not path.is_file() or path.suffix.lower() != ".xlsx":
        return False
    check_file(path)
    check_package(path)
    try:
        names = set(calamine.CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception:  # not a workbook calamine reads: the form reader says why
        return False
    return RINGKASAN in names and CAPAIAN in names


def read_rekap(path: Path, tables: Iterable[str] | None = None) -> EksporSumber:
    """The export's source from the compiled workbook at `path`; with `tables` (names of
    export tables, or "lkj"), only the sheets they are made from are read (the others'
    frames are empty, and so are `faktor` and `anggaran` without "lkj"): Rekap Capaian
    alone is ~200,000 rows for 1,000 units."""
    check_file(path)
    check_package(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise WorkbookError(f"tidak dapat dibuka ({exc}).", path=path) from exc
    missing = [name for name in REKAP_SHEETS if name not in book.sheet_names]
    if missing:
        raise WorkbookError(
            f"bukan workbook rekap xlkinerja yang lengkap: lembar {', '.join(missing)} tidak ada.",
            path=path,
            hint="Berikan rekap-kinerja.xlsx hasil 'xlkinerja kompilasi' (versi ini), atau "
            "buat ulang rekapnya.",
        )
    names = set(SHEETS_OF if tables is None else tables)
    wanted = {s for t in names for s in SHEETS_OF[t]}
    lkj = "lkj" in names  # its budgets and kendala: only for the LKj (a cost on 1,000 units)

    def grid(name: str) -> Grid:
        if name not in wanted and name not in (RINGKASAN, STATUS):
            return []
        try:
            rows: Grid = book.get_sheet_by_name(name).to_python()
        except Exception as exc:
            raise WorkbookError(
                f"isi lembar tidak dapat dibaca ({exc}).", path=path, sheet=name
            ) from exc
        return rows

    reader = _Rekap(path, lkj=lkj)
    instansi, tahun = reader.cover(grid(RINGKASAN))
    units = reader.units(grid(STATUS))
    pk_rows = grid(REKAP_PK)
    iku, ikk = reader.rekap_pk(pk_rows, units)
    iku_tw, ikk_tw = reader.rekap_ra(grid(REKAP_RA))
    capaian_iku, capaian, faktor = reader.capaian(grid(CAPAIAN), units)
    iku = iku.merge(iku_tw, on="kode_iku", how="left") if len(iku) else _empty(IKU)
    ikk = ikk.merge(ikk_tw, on=["kode_ikk", "nama_unit"], how="left") if len(ikk) else _empty(IKK)
    return EksporSumber(
        instansi=instansi,
        tahun=tahun,
        iku=iku[list(IKU)],
        ikk=ikk[list(IKK)],
        capaian=capaian,
        capaian_iku=capaian_iku,
        skp=reader.skp(grid(REKAP_SKP)),
        faktor=faktor,
        anggaran=reader.anggaran(pk_rows if lkj else []),
    )


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))


class _Rekap:
    def __init__(self, path: Path, *, lkj: bool) -> None:
        self.path = path
        self.lkj = lkj  # read what only the LKj needs

    def header(self, rows: Grid, sheet: str, first: Sequence[str], start: int = 0) -> int:
        """The index of the row whose first cells are `first`."""
        size = len(first)
        for i in range(start, len(rows)):
            if [str(c) for c in rows[i][:size]] == list(first):
                return i
        raise WorkbookError(
            f"baris judul tabel ({', '.join(first)}) tidak ditemukan; rekap ini tidak "
            "dibuat oleh xlkinerja versi ini atau telah diubah.",
            path=self.path,
            sheet=sheet,
            hint="Buat ulang rekap dengan 'xlkinerja kompilasi'.",
        )

    def cover(self, rows: Grid) -> tuple[str, int | None]:
        instansi = _text(rows[1][0]) if len(rows) > 1 and rows[1] else None
        found = YEAR.search(str(rows[2][0])) if len(rows) > 2 and rows[2] else None
        return instansi or "", int(found.group(1)) if found else None

    def units(self, rows: Grid) -> dict[str, str]:
        """Unit name → code, from Status Pengumpulan."""
        start = self.header(rows, STATUS, ("Kode", "Unit"))
        found: dict[str, str] = {}
        for row in rows[start + 1 :]:
            kode, nama = _text(row[0]), _text(row[1])
            if kode is None:
                break
            found[nama or kode] = kode
        return found

    def rekap_pk(self, rows: Grid, units: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        if not rows:
            return pd.DataFrame(), pd.DataFrame()
        start = self.header(rows, REKAP_PK, ("Kode", "Indikator Kinerja", "Unit"))
        iku: list[dict[str, Any]] = []
        ikk: list[dict[str, Any]] = []
        ss: tuple[Any, Any] = (None, None)
        parent: str | None = None
        orphans = False
        for row in rows[start + 1 :]:
            kode, uraian, unit = _text(row[0]), _text(row[1]), _text(row[2])
            if kode is None and uraian is None:
                break  # the end of the table (the Anggaran section follows)
            if kode is None:
                orphans = bool(uraian and uraian.startswith(ORPHAN_TITLE))
                continue
            if unit is None:  # a sasaran's row
                ss = (kode, uraian)
                continue
            if unit == INSTITUSI and not orphans:
                parent = kode
                iku.append(
                    {
                        "kode_ss": ss[0],
                        "sasaran": ss[1],
                        "kode_iku": kode,
                        "indikator": uraian,
                        "satuan": _text(row[4]),
                        "target": _number(row[3]),
                    }
                )
                continue
            induk = parent
            if orphans:
                named = ORPHAN_NOTE.search(str(row[8]))
                induk = named.group(1) if named else None
            ikk.append(
                {
                    "kode_iku": induk,
                    "kode_unit": units.get(unit, unit),
                    "nama_unit": unit if unit in units else None,
                    "kode_ikk": kode,
                    "indikator": uraian,
                    "satuan": _text(row[4]),
                    "arah": _text(row[5]),
                    "target": _number(row[3]),
                    "metode_kaskade": _text(row[6]),
                }
            )
        return pd.DataFrame(iku), pd.DataFrame(ikk)

    def anggaran(self, rows: Grid) -> pd.DataFrame:
        """The units' PK budgets: a unit's row (its code and name, the total), then its
        programs (no code), until the grand total."""
        if not rows:
            return _empty(ANGGARAN)
        first = tuple(k.header for k in ANGGARAN_KOLOM[:3])
        start = self.header(rows, REKAP_PK, first)
        out: list[dict[str, Any]] = []
        unit: tuple[str | None, str | None] | None = None
        for row in rows[start + 1 :]:
            kode, teks = _text(row[0]), _text(row[1])
            if teks == GRAND_TOTAL or all(_v(c) is None for c in row[:4]):
                break
            if kode is not None:
                if kode == TANPA_KODE:
                    unit = (None, None if teks == TANPA_NAMA else teks)
                else:
                    unit = (kode, teks)
            elif unit is not None:  # before any unit: the "no budget" note
                kode_unit, nama_unit = unit
                amount = _number(row[2])
                out.append(
                    {
                        "kode_unit": kode_unit,
                        "nama_unit": nama_unit,
                        "program": teks,
                        "anggaran": amount,
                    }
                )
        return pd.DataFrame(out, columns=list(ANGGARAN))

    def rekap_ra(self, rows: Grid) -> tuple[pd.DataFrame, pd.DataFrame]:
        if not rows:
            return _empty(["kode_iku", *TW]), _empty(["kode_ikk", "nama_unit", *TW])
        start = self.header(rows, REKAP_RA, ("Kode", "Indikator Kinerja", "Unit", "Target PK"))
        iku: list[dict[str, Any]] = []
        ikk: list[dict[str, Any]] = []
        for row in rows[start + 1 :]:
            kode, unit = _text(row[0]), _text(row[2])
            if kode is None:
                if _v(row[1]) is None:
                    break
                continue  # the title of the IKK without an IKU
            targets = {tw: _number(row[4 + i]) for i, tw in enumerate(TW)}
            if unit == GABUNGAN:
                iku.append({"kode_iku": kode, **targets})
            else:
                ikk.append({"kode_ikk": kode, "nama_unit": unit, **targets})
        return (
            pd.DataFrame(iku, columns=["kode_iku", *TW]),
            pd.DataFrame(ikk, columns=["kode_ikk", "nama_unit", *TW]).drop_duplicates(
                ["kode_ikk", "nama_unit"]
            ),
        )

    def capaian(
        self, rows: Grid, units: dict[str, str]
    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        if not rows:
            return _empty(CAPAIAN_IKU), _empty(CAPAIAN_COLUMNS), _empty(FAKTOR)
        start = self.header(rows, CAPAIAN, ("Kode", "Indikator Kinerja Utama"))
        # The predikat is shown for the latest quarter, the one the status header names.
        latest = TW_OF.get(str(rows[start][STATUS_COL]).removeprefix("Status "))
        iku: list[dict[str, Any]] = []
        for row in rows[start + 1 :]:
            kode = _text(row[0])
            if kode is None:
                break
            for i in range(4):
                value = _number(row[4 + i])
                if value is not None:
                    predikat = _text(row[PREDIKAT_COL]) if i + 1 == latest else None
                    iku.append(
                        {"kode_iku": kode, "tw": i + 1, "capaian": value, "predikat": predikat}
                    )
        start = self.header(rows, CAPAIAN, ("IKU", "Unit", "Kode IKK"), start)
        # Section C is the biggest table of the rekap (a row per IKK and quarter): read it
        # column by column with the cell rules inlined.
        body: Grid = []
        for row in rows[start + 1 :]:
            if row[2] == "" and row[4] == "":
                break
            body.append(row)
        columns = list(zip(*body, strict=True)) if body else [()] * len(CAPAIAN_KOLOM)
        unit = [u if u != "" else None for u in columns[1]]
        frame = pd.DataFrame(
            {
                "kode_iku": _texts(columns[0]),
                "kode_unit": [units.get(u, u) if u is not None else None for u in unit],
                "nama_unit": [u if u in units else None for u in unit],
                "kode_ikk": _texts(columns[2]),
                "indikator": _texts(columns[3]),
                "tw": [TW_OF.get(str(v), 0) for v in columns[4]],
                "target": _numbers(columns[5]),
                "realisasi": _numbers(columns[6]),
                "capaian": _numbers(columns[7]),
                "alasan": _texts(columns[10]),
            },
            columns=list(CAPAIAN_COLUMNS),
        )
        faktor = self.faktor(frame, rows[start], columns)
        return pd.DataFrame(iku, columns=list(CAPAIAN_IKU)), frame, faktor

    def faktor(self, frame: pd.DataFrame, header: list[Any], columns: list[Any]) -> pd.DataFrame:
        """The IKK rows with a kendala or a tindak lanjut (asked for by the LKj only; a rekap
        made before the Rekap Capaian showed them cannot give them: said, not left out)."""
        if not self.lkj:
            return _empty(FAKTOR)
        where = {str(h): i for i, h in enumerate(header)}
        if not all(k.header in where for k in FAKTOR_KOLOM):
            raise WorkbookError(
                "bagian C tidak memuat kolom Kendala dan Tindak Lanjut (rekap dibuat oleh "
                "xlkinerja versi lama), padahal analisis faktor Laporan Kinerja memerlukannya.",
                path=self.path,
                sheet=CAPAIAN,
                hint="Buat ulang rekap dengan 'xlkinerja kompilasi'.",
            )
        texts = {
            key: pd.Series(_texts(columns[where[k.header]]), dtype=object)
            for key, k in zip(FAKTOR[-2:], FAKTOR_KOLOM, strict=True)
        }
        out = frame[list(FAKTOR[:-2])].assign(**texts)
        written = out[FAKTOR[-2]].notna() | out[FAKTOR[-1]].notna()
        return out[written].reset_index(drop=True)

    def skp(self, rows: Grid) -> pd.DataFrame:
        if not rows:
            return _empty(SKP)
        first = SKP_HEADERS["kode_unit"], SKP_HEADERS["nama_unit"], SKP_HEADERS["nip"]
        start = self.header(rows, REKAP_SKP, first)
        where = {str(h): i for i, h in enumerate(rows[start])}
        numbers = {"target", "target_bawah", "target_atas"} | {
            c for c in SKP if c.startswith("realisasi")
        }
        out: list[dict[str, Any]] = []
        for row in rows[start + 1 :]:
            if all(_v(c) is None for c in row):
                break
            out.append(
                {c: (_number if c in numbers else _text)(row[where[SKP_HEADERS[c]]]) for c in SKP}
            )
        return pd.DataFrame(out, columns=list(SKP))
