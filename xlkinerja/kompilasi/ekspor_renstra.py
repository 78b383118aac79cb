"""The rows of a Renstra OPD import for the e-SAKIP of Kabupaten Banjarnegara
(github.com/naufalpi/e-sakip-bna, MIT): the one public level-based importer found. Its
template is `ImportTemplateService::renstraSheets()` (the columns below, in its order, on
the FIRST worksheet: `SpreadsheetImportReader::readXlsx` reads xl/worksheets/sheet1.xml
only); its rules are `RenstraImportApplyService` (a level, then the parent it must follow).
No I/O.

How our plan maps onto its levels (said in the profile's Petunjuk too):

renstra            one identity row: the institution (opd_kode, opd_nama), the RPJMD it
                   follows (rpjmd_judul), the Renstra's title, number and years
tujuan             the institution's tujuan (the importer needs one before any sasaran)
sasaran            each sasaran strategis (kode SS)
indikator_sasaran  each IKU, with the Renstra's first-year target on its row and
target_sasaran     a row per later year (tahun_target, target)
program            each program of the institution's PK naming that sasaran (pagu)
kegiatan           each unit kegiatan whose IKK derives from an IKU of that sasaran, under
                   the first program naming the sasaran (its pagu)
indikator_kegiatan each IKK a kegiatan names (its unit's PK target for the year)

tipe_indikator is positif for arah naik, negatif for turun (the importer reads anything but
"negatif" as positif: an arah it does not know is refused here, never exported as
positif). What cannot be placed — a sasaran's kegiatan with no program naming the sasaran,
an IKK no kegiatan names — is listed (`Tidak`), not dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict, cast

COLUMNS = (
    "level",
    "opd_kode",
    "opd_nama",
    "rpjmd_judul",
    "renstra_judul",
    "nomor_dokumen",
    "tahun_awal",
    "tahun_akhir",
    "kode",
    "uraian",
    "sasaran_level",
    "tahun_target",
    "target",
    "target_text",
    "pagu",
    "tipe_indikator",
    "formula",
    "sumber_data",
    "tujuan_daerah_kode",
    "indikator_tujuan_daerah_kode",
    "sasaran_daerah_kode",
    "indikator_sasaran_daerah_kode",
    "program_rpjmd_kode",
    "indikator_program_rpjmd_kode",
    "keterangan",
)
"""The importer's template columns, in its order (ImportTemplateService::renstraSheets)."""

MAX_ROWS = 1000  # RenstraImportPreviewService::MAX_ROWS: the header counts as a row
TIPE = {"naik": "positif", "turun": "negatif"}
FORMULA = "(realisasi / target) x 100"


class RenstraRow(TypedDict):
    level: str
    opd_kode: str | None
    opd_nama: str | None
    rpjmd_judul: str | None
    renstra_judul: str | None
    nomor_dokumen: str | None
    tahun_awal: int | None
    tahun_akhir: int | None
    kode: str | None
    uraian: str | None
    sasaran_level: str | None
    tahun_target: int | None
    target: float | None
    target_text: str | None
    pagu: float | None
    tipe_indikator: str | None
    formula: str | None
    sumber_data: str | None
    tujuan_daerah_kode: str | None
    indikator_tujuan_daerah_kode: str | None
    sasaran_daerah_kode: str | None
    indikator_sasaran_daerah_kode: str | None
    program_rpjmd_kode: str | None
    indikator_program_rpjmd_kode: str | None
    keterangan: str | None


@dataclass(frozen=True)
class Identitas:
    """Who the Renstra belongs to, as the importer's master data knows it (set once in the
    master): the OPD's code and name, the RPJMD's title, the tujuan, the Renstra's years."""

    opd_kode: str
    opd_nama: str
    rpjmd_judul: str
    tujuan: str
    tahun_awal: int
    nomor_dokumen: str | None = None

    @property
    def tahun_akhir(self) -> int:
        return self.tahun_awal + 4

    @property
    def judul(self) -> str:
        return f"Renstra {self.opd_nama} Tahun {self.tahun_awal}-{self.tahun_akhir}"


@dataclass(frozen=True)
class Iku:
    kode_ss: str
    sasaran: str
    kode: str
    indikator: str
    satuan: str | None
    arah: str | None
    targets: tuple[float | None, ...]  # Renstra year 1..5


@dataclass(frozen=True)
class Program:
    kode: str | None
    nama: str
    pagu: float | None
    kode_ss: str | None


@dataclass(frozen=True)
class Kegiatan:
    unit: str
    nama: str
    pagu: float | None
    kode_ikk: str | None


@dataclass(frozen=True)
class Ikk:
    unit: str
    kode: str
    kode_iku: str | None
    indikator: str
    satuan: str | None
    arah: str | None
    target: float | None
    sasaran: str | None = None  # the unit's sasaran kegiatan, as signed


@dataclass
class Renstra:
    rows: list[RenstraRow]
    tidak: list[str] = field(default_factory=list)  # what could not be placed, and why


class ArahTidakDikenal(ValueError):
    """An indicator's arah the importer has no tipe for (it would import it as positif)."""


def _row(ident: Identitas, level: str, **values: Any) -> RenstraRow:
    base = dict.fromkeys(COLUMNS)
    base.update(
        level=level,
        opd_kode=ident.opd_kode,
        opd_nama=ident.opd_nama,
        rpjmd_judul=ident.rpjmd_judul,
        renstra_judul=ident.judul,
        tahun_awal=ident.tahun_awal,
        tahun_akhir=ident.tahun_akhir,
    )
    base.update(values)
    return cast(RenstraRow, base)


def _tipe(kode: str, arah: str | None) -> str:
    if arah not in TIPE:
        raise ArahTidakDikenal(f"{kode}: arah '{arah or ''}' (naik/turun)")
    return TIPE[arah]


def _target_text(value: float | None, satuan: str | None) -> str | None:
    if value is None:
        return None
    shown = f"{value:g}".replace(".", ",")
    return f"{shown} {satuan}".strip() if satuan else shown


def renstra(
    ident: Identitas,
    iku: Sequence[Iku],
    programs: Sequence[Program],
    kegiatan: Sequence[Kegiatan],
    ikk: Sequence[Ikk],
    tahun: int | None,
) -> Renstra:
    """The import rows in the importer's order (every child after its parent)."""
    out = Renstra(
        [
            _row(
                ident,
                "renstra",
                kode="REN-1",
                uraian=ident.judul,
                nomor_dokumen=ident.nomor_dokumen,
                keterangan="Baris identitas Renstra OPD.",
            ),
            _row(ident, "tujuan", kode="T-1", uraian=ident.tujuan),
        ]
    )
    sasaran: dict[str, list[Iku]] = {}
    for item in iku:
        sasaran.setdefault(item.kode_ss, []).append(item)
    plan = _Plan(ident, tahun, {(k.unit, k.kode): k for k in ikk}, {i.kode: i.kode_ss for i in iku})
    for kode_ss, items in sasaran.items():
        _sasaran(out, plan, kode_ss, items, programs, kegiatan)
    out.tidak += [_why_not(k, plan) for k in ikk if (k.unit, k.kode) not in plan.named]
    return out


def _sasaran(
    out: Renstra,
    plan: _Plan,
    kode_ss: str,
    items: list[Iku],
    programs: Sequence[Program],
    kegiatan: Sequence[Kegiatan],
) -> None:
    """A sasaran's rows: itself, its IKU with their targets, the programs naming it with
    the kegiatan whose IKK derive from it under the first; what has no program, said."""
    ident = plan.ident
    out.rows.append(_row(ident, "sasaran", kode=kode_ss, uraian=items[0].sasaran))
    for i in items:
        out.rows += _indikator_sasaran(ident, i)
    mine = [p for p in programs if p.kode_ss == kode_ss]
    theirs = [k for k in kegiatan if plan.sasaran_of(k) == kode_ss]
    for n, p in enumerate(mine):
        out.rows.append(_row(ident, "program", kode=p.kode, uraian=p.nama, pagu=p.pagu))
        if n == 0:  # the sasaran's kegiatan go under its first program
            out.rows += [row for k in theirs for row in plan.kegiatan_rows(k)]
    if theirs and not mine:
        out.tidak += [
            f"kegiatan '{k.nama}' ({k.unit}): tidak ada program institusi yang menyebut "
            f"sasaran {kode_ss} (kolom Sasaran yang didukung di master)"
            for k in theirs
        ]
        plan.unplaced |= {(k.unit, k.kode_ikk or "") for k in theirs}


def _why_not(k: Ikk, plan: _Plan) -> str:
    if (k.unit, k.kode) in plan.unplaced:
        return (
            f"{k.kode} ({k.unit}): kegiatan yang menyebutnya tidak dapat ditempatkan (tidak "
            "ada program institusi untuk sasarannya; lihat baris kegiatannya)"
        )
    return (
        f"{k.kode} ({k.unit}): tidak ada kegiatan unit yang menyebut IKK ini (kolom IKK yang "
        "didukung di PK unit), sehingga indikatornya tidak punya induk kegiatan"
    )


def _indikator_sasaran(ident: Identitas, i: Iku) -> list[RenstraRow]:
    """An IKU with its first-year target, then a target row per later year."""
    first = i.targets[0] if i.targets else None
    rows = [
        _row(
            ident,
            "indikator_sasaran",
            kode=i.kode,
            uraian=i.indikator,
            tahun_target=ident.tahun_awal if first is not None else None,
            target=first,
            target_text=_target_text(first, i.satuan),
            tipe_indikator=_tipe(i.kode, i.arah),
            formula=FORMULA,
        )
    ]
    for year, value in enumerate(i.targets[1:], start=ident.tahun_awal + 1):
        if value is not None:
            rows.append(
                _row(
                    ident,
                    "target_sasaran",
                    uraian=f"Target {i.kode} {year}",
                    tahun_target=year,
                    target=value,
                    target_text=_target_text(value, i.satuan),
                )
            )
    return rows


@dataclass
class _Plan:
    """What places a unit's kegiatan: its IKK, the IKK's IKU, the IKU's sasaran."""

    ident: Identitas
    tahun: int | None
    ikk: Mapping[tuple[str, str], Ikk]
    sasaran_of_iku: Mapping[str, str]
    named: set[tuple[str, str]] = field(default_factory=set)  # the IKK exported
    unplaced: set[tuple[str, str]] = field(default_factory=set)  # named by unplaced kegiatan
    count: int = 0  # kegiatan numbered K-1, K-2 … (the importer keys a kegiatan by kode)

    def sasaran_of(self, k: Kegiatan) -> str | None:
        found = self.ikk.get((k.unit, k.kode_ikk or ""))
        return self.sasaran_of_iku.get(found.kode_iku or "") if found else None

    def kegiatan_rows(self, k: Kegiatan) -> list[RenstraRow]:
        self.count += 1
        target = self.ikk.get((k.unit, k.kode_ikk or ""))
        rows = [
            _row(
                self.ident,
                "kegiatan",
                kode=f"K-{self.count}",
                uraian=k.nama,
                sasaran_level=target.sasaran if target else None,
                pagu=k.pagu,
                keterangan=k.unit,
            )
        ]
        if target is None:
            return rows
        self.named.add((target.unit, target.kode))
        rows.append(
            _row(
                self.ident,
                "indikator_kegiatan",
                kode=target.kode,
                uraian=target.indikator,
                tahun_target=self.tahun,
                target=target.target,
                target_text=_target_text(target.target, target.satuan),
                tipe_indikator=_tipe(target.kode, target.arah),
                formula=FORMULA,
                keterangan=target.unit,
            )
        )
        return rows
