"""Job `hitung capaian`: the capaian of every reported triwulan of an open unit workbook,
with its predikat, written next to each row of the Capaian table so that staff see their
numbers before they send the workbook.

The numbers are the ones kompilasi will compute (validation/capaian_rows.py: realisasi
combined per the IKK's konsolidasi against the cumulative Rencana Aksi target; the cap and
the predikat scale from the master when there is one). They are written as values beside
the table — columns the reader never reads — with the time they were computed: changed
realisasi need the button again, and nothing stale is ever read back as data.

The job is given the workbook's content as a source and returns the numbers and where they
go (`HitungResult.beside`); the Excel layer reads the open workbook and writes them into it
(excel/actions.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.core.table_access import codes, val
from xlkinerja.domain.capaian import cap_note
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.summary import Summary
from xlkinerja.kompilasi.skala import predikat_scale
from xlkinerja.sources.reader import read_form
from xlkinerja.sources.source import FormSource
from xlkinerja.specs import MASTER, FormKind
from xlkinerja.validation.capaian_rows import CapaianRow, capaian_per_ikk
from xlkinerja.validation.normalise import normalise_form

HEADERS = ("Capaian (%)", "Predikat", "Keterangan capaian")
TABLE = "tblCapaian"  # the Excel table the numbers are written beside


@dataclass(frozen=True)
class BesideTable:
    """Values for the columns right of an Excel table: a header line beside its header row
    and a line beside each of its rows, by Excel row (a row not given gets empty cells)."""

    table: str  # the Excel table's name
    header: tuple[object, ...]
    lines: dict[int, tuple[object, ...]]


@dataclass(frozen=True)
class Baris:
    row: int  # Excel row of the Capaian table
    capaian: float | None
    predikat: str | None
    keterangan: str  # why not computed, or "" when computed


@dataclass
class HitungResult:
    file: str
    computed_at: datetime
    rows: list[Baris] = field(default_factory=list)

    @property
    def computed(self) -> int:
        return sum(r.capaian is not None for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "berkas": self.file,
            "dihitung": self.computed_at.isoformat(timespec="minutes"),
            "baris": [
                {"baris": r.row, "capaian": r.capaian, "predikat": r.predikat,
                 "keterangan": r.keterangan}
                for r in self.rows
            ],
        }  # fmt: skip

    def summary(self) -> Summary:
        out = Summary()
        out.line(
            f"Capaian dihitung untuk {self.computed} dari {len(self.rows)} baris realisasi; "
            f"hasilnya di kolom {', '.join(HEADERS)} di samping tabel Capaian."
        )
        not_computed = [r for r in self.rows if r.capaian is None]
        for r in not_computed[:5]:
            out.line(f"Baris {r.row}: {r.keterangan}")
        if len(not_computed) > 5:
            out.line(f"… dan {len(not_computed) - 5} baris lain tidak dapat dihitung.")
        return out

    def notes(self) -> Summary:
        return Summary()

    def beside(self) -> BesideTable:
        """What is written beside the Capaian table: each row's numbers, under a header
        that says when they were computed."""
        header = (*HEADERS[:-1], f"{HEADERS[-1]} (dihitung {self.computed_at:%d-%m-%Y %H:%M})")
        return BesideTable(TABLE, header, {r.row: _cells(r) for r in self.rows})


def rows_of(form: NormalForm, master: NormalForm | None) -> list[Baris]:
    """One line per filled row of the Capaian table, in table order."""
    settings = Pengaturan.from_master(master) if master is not None else Pengaturan()
    scale = predikat_scale(master)
    by_pos: dict[int, CapaianRow] = {
        row.pos: row
        for rows in capaian_per_ikk(form, settings.batas_atas_capaian).values()
        for row in rows
    }
    table = form.table("capaian")
    out = []
    for pos, number in enumerate(table.rows):
        assert number is not None  # table rows have Excel numbers
        found = by_pos.get(pos)
        if found is None:
            out.append(Baris(number, None, None, _not_counted(form, pos)))
            continue
        hasil = found.hasil
        predikat = scale.predikat(hasil.nilai) if hasil.nilai is not None else None
        note = hasil.alasan or cap_note(hasil.mentah, hasil.nilai) or ""
        out.append(Baris(number, hasil.nilai, predikat, note))
    return out


def _not_counted(form: NormalForm, pos: int) -> str:
    cap = form.table("capaian")
    ikk, tw = val(cap, pos, "kode_ikk"), val(cap, pos, "triwulan")
    known = codes(form.table("pk"), "kode_ikk")
    if not isinstance(ikk, str) or ikk not in known:
        return "kode IKK tidak ada di lembar PK"
    if not isinstance(tw, str):
        return "triwulan kosong"
    return "triwulan ini sudah ada di baris sebelumnya"


def hitung(
    source: FormSource, *, master: Path | None = None, now: datetime | None = None
) -> HitungResult:
    """Compute the capaian of the unit workbook `source` holds (written beside its table
    by the caller: `HitungResult.beside`)."""
    data = source.read()
    if data.form.id != FormKind.UNIT:
        raise XlkinerjaError(
            f"capaian dihitung di workbook unit, bukan di '{data.form.title}'.",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=data.path,
        )
    form = normalise_form(data)[0]
    master_form = normalise_form(read_form(master, MASTER))[0] if master is not None else None
    now = now or datetime.now()
    return HitungResult(file=str(data.path), computed_at=now, rows=rows_of(form, master_form))


def _cells(row: Baris) -> tuple[object, ...]:
    return (
        round(row.capaian, 2) if row.capaian is not None else "",
        row.predikat or "",
        row.keterangan,
    )
