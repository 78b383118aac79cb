"""What a Perjanjian Kinerja document shows, taken from a normalised unit workbook (the
unit's PK) or master (the institution's own PK: two parties, the head and the head's
superior, or the head alone — a minister's, a regional head's, PermenPAN-RB 53/2014).
Nothing is invented: a field the workbook lacks stays None (the document prints a dotted
line to fill by hand) and is listed in `kosong` with where it should have been, for the
command to say. The Rencana Aksi is its own document (ra_data.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar

from xlkinerja.core.normal import MasterForm, NormalForm, NormalTable, UnitForm
from xlkinerja.core.settings import renstra_target
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.domain.status_dokumen import StatusDokumen
from xlkinerja.render.dokumen.kop import Kop, kop_of_master
from xlkinerja.specs import FormKind
from xlkinerja.specs.keys import (
    AnggaranColumn,
    FieldKey,
    MasterFieldKey,
    PkColumn,
    ProgramColumn,
    RaColumn,
    UnitFieldKey,
)

TW_KEYS: tuple[RaColumn, ...] = ("tw1", "tw2", "tw3", "tw4")
Key = TypeVar("Key", bound=FieldKey)  # a field key of the form (bound to the literals: checked)
Anggaran = TypeVar("Anggaran", AnggaranColumn, ProgramColumn)  # a program and budget table
# The fields of a party to the PK: nama, NIP, jabatan
PIHAK_PERTAMA: tuple[UnitFieldKey, ...] = (
    "pihak_pertama_nama",
    "pihak_pertama_nip",
    "pihak_pertama_jabatan",
)
PIHAK_KEDUA: tuple[UnitFieldKey, ...] = (
    "pihak_kedua_nama",
    "pihak_kedua_nip",
    "pihak_kedua_jabatan",
)
PIMPINAN: tuple[MasterFieldKey, ...] = ("nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan")
ATASAN_PIMPINAN: tuple[MasterFieldKey, ...] = (
    "atasan_pimpinan_nama",
    "atasan_pimpinan_nip",
    "atasan_pimpinan_jabatan",
)
SATU_PIHAK = "satu pihak"  # the master's Jenis PK choice of a single-party PK


@dataclass(frozen=True)
class Pihak:
    nama: str | None
    nip: str | None
    jabatan: str | None


@dataclass(frozen=True)
class Indikator:
    indikator: str
    satuan: str
    target: float | None
    tw: tuple[float | None, ...] = ()  # TW I..IV targets of the Rencana Aksi, when asked


@dataclass(frozen=True)
class Sasaran:
    no: int
    sasaran: str
    indikator: list[Indikator]


@dataclass(frozen=True)
class Program:
    program: str
    anggaran: float | None


@dataclass
class PkDokumen:
    kode: str  # the unit's code, or "institusi"
    nama: str  # the unit or the institution
    tahun: int | None
    tingkat: str  # the annex's sasaran column: Sasaran Kegiatan (unit) / Strategis (master)
    pertama: Pihak
    kedua: Pihak
    tempat: str | None
    tanggal: date | None
    sasaran: list[Sasaran]
    program: list[Program]
    berkas: str
    triwulan: bool = False  # the annex shows the TW I–IV targets
    kosong: list[str] = field(default_factory=list)  # what the workbook lacks, and where
    nomor: str | None = None  # the document's number; None: printed without one
    satu_pihak: bool = False  # PIHAK PERTAMA alone signs (`kedua` unused)
    kop: Kop | None = None  # the letterhead (the master's), None: none
    status: StatusDokumen | None = None  # DRAF and why, or its approval; None: neither

    @property
    def total_anggaran(self) -> float | None:
        values = [p.anggaran for p in self.program if p.anggaran is not None]
        return sum(values) if values else None


def where(form: NormalForm[Key], key: Key) -> str:
    """Where a field is, for a message; a field the workbook's template version lacks has
    no cell (sources/workbook.py) and is said to be missing from the template."""
    cell = form.field_cell(key)
    if not cell.cell:
        version = form.earlier.version if form.earlier else "lama"
        return f"lembar '{cell.sheet}': tidak ada di templat versi {version}"
    return f"lembar '{cell.sheet}' sel {cell.cell}"


def pihak(form: NormalForm[Key], keys: tuple[Key, ...], siapa: str, kosong: list[str]) -> Pihak:
    """A party's nama, NIP and jabatan; each one blank listed in `kosong` with its cell."""
    values = [form.text(k) for k in keys]
    for key, label, value in zip(keys, ("nama", "NIP", "jabatan"), values, strict=True):
        if value is None:
            kosong.append(f"{siapa}: {label} kosong ({where(form, key)})")
    return Pihak(*values)


def _grouped(rows: list[tuple[str, Indikator]]) -> list[Sasaran]:
    """Indicators under their sasaran, in the order each sasaran first appears."""
    order: dict[str, list[Indikator]] = {}
    for sasaran, indikator in rows:
        order.setdefault(sasaran, []).append(indikator)
    return [Sasaran(i, s, ind) for i, (s, ind) in enumerate(order.items(), start=1)]


def tahun_of(form: NormalForm[Literal["tahun"]]) -> int | None:
    value = form.number("tahun")
    return int(value) if value is not None else None


def pk_dokumen(form: NormalForm, *, triwulan: bool = False) -> PkDokumen:
    """The PK document of a unit workbook or a master; another form is a ValueError."""
    if form.form.id == FormKind.UNIT:
        return _unit(form, triwulan)
    if form.is_master:
        return _master(form)
    raise ValueError(f"no PK in a {form.form.id} workbook")


def _unit(form: UnitForm, triwulan: bool) -> PkDokumen:
    kosong: list[str] = []
    pertama = pihak(form, PIHAK_PERTAMA, "PIHAK PERTAMA", kosong)
    kedua = pihak(form, PIHAK_KEDUA, "PIHAK KEDUA", kosong)
    signed: tuple[tuple[UnitFieldKey, str], ...] = (
        ("tempat", "tempat"),
        ("tanggal", "tanggal penandatanganan"),
    )
    for key, label in signed:
        if form.field(key) is None:
            kosong.append(f"{label} kosong ({where(form, key)})")
    ra = form.table("ra")
    tw_of = {
        code: tuple(number(ra, pos, k) for k in TW_KEYS)
        for pos in positions(ra)
        if (code := text(ra, pos, "kode_ikk")) is not None
    }
    pk = form.table("pk")
    rows = []
    for pos in positions(pk):
        code = text(pk, pos, "kode_ikk")
        tw = tw_of.get(code or "", (None,) * 4) if triwulan else ()
        rows.append((text(pk, pos, "sasaran") or "", _indikator(pk, pos, "target", tw)))
    return PkDokumen(
        kode=form.text("kode_unit") or "unit",
        nama=form.text("nama_unit") or "",
        tahun=tahun_of(form),
        tingkat="Sasaran Kegiatan",
        pertama=pertama,
        kedua=kedua,
        tempat=form.text("tempat"),
        tanggal=form.day("tanggal"),
        sasaran=_grouped(rows),
        program=_program(form.table("anggaran")),
        berkas=form.file,
        triwulan=triwulan,
        kosong=kosong,
        nomor=form.text("nomor"),
    )


def _indikator(
    table: NormalTable[PkColumn], pos: int, target: PkColumn, tw: tuple[float | None, ...]
) -> Indikator:
    return Indikator(
        indikator=text(table, pos, "indikator") or "",
        satuan=text(table, pos, "satuan") or "",
        target=number(table, pos, target),
        tw=tw,
    )


def _program(table: NormalTable[Anggaran]) -> list[Program]:
    return [
        Program(text(table, pos, "program") or "", number(table, pos, "anggaran"))
        for pos in positions(table)
    ]


def _master(form: MasterForm) -> PkDokumen:
    kosong: list[str] = []
    pertama = pihak(form, PIMPINAN, "PIHAK PERTAMA", kosong)
    satu_pihak = form.text("jenis_pk") == SATU_PIHAK
    kedua = Pihak(None, None, None)
    if not satu_pihak:  # the head's superior (a Dirjen, a minister): PIHAK KEDUA
        kedua = pihak(form, ATASAN_PIMPINAN, "PIHAK KEDUA (atasan pimpinan instansi)", kosong)
    if form.field("tempat") is None:
        kosong.append(f"tempat kosong ({where(form, 'tempat')})")
    kosong.append("tanggal penandatanganan tidak ada di master")
    tahun = tahun_of(form)
    awal = form.number("tahun_awal_renstra")
    ke = tahun - int(awal) + 1 if tahun is not None and awal is not None else None
    iku = form.table("iku")
    column = renstra_target(ke) if ke is not None else None
    if column is None:
        kosong.append(
            f"target tahun {tahun or '?'} tidak ada: tahun itu di luar Renstra "
            f"({where(form, 'tahun_awal_renstra')})"
        )
    rows = [
        (
            text(iku, pos, "sasaran") or "",
            Indikator(
                indikator=text(iku, pos, "indikator") or "",
                satuan=text(iku, pos, "satuan") or "",
                target=number(iku, pos, column) if column else None,
            ),
        )
        for pos in positions(iku)
    ]
    return PkDokumen(
        kode="institusi",
        nama=form.text("nama_instansi") or "",
        tahun=tahun,
        tingkat="Sasaran Strategis",
        pertama=pertama,
        kedua=kedua,
        tempat=form.text("tempat"),
        tanggal=None,
        sasaran=_grouped(rows),
        program=_program(form.table("program")),
        berkas=form.file,
        kosong=kosong,
        nomor=form.text("nomor_pk"),
        satu_pihak=satu_pihak,
        kop=kop_of_master(form),
    )
