"""The first cascade steps as values: what a unit's workbook and an employee's SKP are
pre-filled with from the master (names, year, the IKU to derive, the team), and the
file names they get. No I/O: the jobs read the master and write the workbooks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from xlkinerja.core.form_data import CellFormat, CellScalar, FormData, FormValues, Row
from xlkinerja.core.settings import renstra_target
from xlkinerja.domain.values import as_code, as_int, as_text
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.specs.keys import IkuColumn
from xlkinerja.validation.percent import is_percent, percentage_points


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def unit_file_name(kode_unit: str, nama_unit: str) -> str:
    """Unit workbooks are named after the unit, e.g. TI-jurusan-teknik-informatika.xlsx."""
    return f"{kode_unit}-{slug(nama_unit)}.xlsx"


@dataclass(frozen=True)
class Pegawai:
    nip: str
    nama: str
    pangkat: str | None
    jabatan: str
    jenis_jabatan: str | None
    kode_unit: str | None
    nip_atasan: str | None


@dataclass(frozen=True)
class MasterView:
    """The parts of a master workbook the pre-fill needs, as plain values."""

    data: FormData
    tahun: int
    pegawai: dict[str, Pegawai]

    @classmethod
    def from_data(cls, data: FormData) -> MasterView:
        """From a master workbook as read; an error names the year's cell when it holds
        no year."""
        tahun_cell = data.field_cell("tahun")
        tahun = as_int(tahun_cell.value)
        if tahun is None:
            raise XlkinerjaError(
                "tahun kinerja harus diisi dengan tahun, mis. 2025.",
                code=ErrorCode.ISIAN_TAHUN_TIDAK_SAH,
                path=data.path,
                sheet=tahun_cell.sheet,
                cell=tahun_cell.cell,
            )
        pegawai = {}
        for row in data.table("pegawai"):
            nip = as_code(row.value("nip"))
            if nip:
                pegawai[nip] = Pegawai(
                    nip=nip,
                    nama=as_text(row.value("nama")) or "",
                    pangkat=as_text(row.value("pangkat")),
                    jabatan=as_text(row.value("jabatan")) or "",
                    jenis_jabatan=as_text(row.value("jenis_jabatan")),
                    kode_unit=as_code(row.value("kode_unit")),
                    nip_atasan=as_code(row.value("nip_atasan")),
                )
        return cls(data=data, tahun=tahun, pegawai=pegawai)

    @property
    def awal_renstra(self) -> int | None:
        return as_int(self.data.value("tahun_awal_renstra"))

    def target_iku(self, row: Row[IkuColumn]) -> CellScalar:
        """The IKU target of the PK year, from the Renstra's yearly targets (a percentage
        typed into a cell of satuan %, which holds 0.8 for 80%, as 80)."""
        awal = self.awal_renstra
        column = renstra_target(self.tahun - awal + 1) if awal is not None else None
        if column is None:
            return None
        cell = row.cells[column]
        typed = self.data.number_formats.get((cell.sheet, cell.cell))
        if (
            typed == CellFormat.PERSEN
            and is_percent(row.value("satuan"))
            and isinstance(cell.value, int | float)
            and not isinstance(cell.value, bool)
        ):
            return percentage_points(cell.value)
        return cell.value


def unit_values(master: MasterView, kode_unit: str) -> FormValues:
    """Pre-fill of one unit's workbook: names, year, its IKU to derive from, its team."""
    data = master.data
    unit_row = next(r for r in data.table("unit") if as_code(r.value("kode_unit")) == kode_unit)
    kepala = master.pegawai.get(as_code(unit_row.value("nip_kepala")) or "")
    atasan = master.pegawai.get(kepala.nip_atasan or "") if kepala else None
    fields: dict[str, CellScalar] = {
        "kode_unit": kode_unit,
        "nama_unit": as_text(unit_row.value("nama_unit")),
        "tahun": master.tahun,
        "tempat": as_text(data.value("tempat")),
        "status": "draft",
    }
    if kepala:
        fields |= {
            "pihak_pertama_nama": kepala.nama,
            "pihak_pertama_nip": kepala.nip,
            "pihak_pertama_jabatan": kepala.jabatan,
        }
    if atasan:
        fields |= {
            "pihak_kedua_nama": atasan.nama,
            "pihak_kedua_nip": atasan.nip,
            "pihak_kedua_jabatan": atasan.jabatan,
        }
    else:
        fields |= {
            "pihak_kedua_nama": as_text(data.value("nama_pimpinan")),
            "pihak_kedua_nip": as_code(data.value("nip_pimpinan")),
            "pihak_kedua_jabatan": as_text(data.value("jabatan_pimpinan")),
        }
    # The Rencana Aksi is ratified by the institution's head (the SOP: management ratifies)
    fields |= {
        "ra_disahkan_nama": as_text(data.value("nama_pimpinan")),
        "ra_disahkan_nip": as_code(data.value("nip_pimpinan")),
        "ra_disahkan_jabatan": as_text(data.value("jabatan_pimpinan")),
    }
    assigned = {
        as_code(r.value("kode_iku"))
        for r in data.table("penugasan")
        if as_code(r.value("kode_unit")) == kode_unit
    }
    ref_iku = []
    for row in data.table("iku"):
        values = {k: c.value for k, c in row.cells.items()}
        if as_code(values["kode_iku"]) in assigned:
            ref_iku.append(
                {
                    "kode_iku": as_code(values["kode_iku"]),
                    "sasaran": values["sasaran"],
                    "indikator": values["indikator"],
                    "satuan": values["satuan"],
                    "arah": values["arah"],
                    "konsolidasi": values["konsolidasi"],
                    "agregasi": values.get("agregasi"),
                    "target": master.target_iku(row),
                }
            )
    tim = [
        {"nip": p.nip, "nama": p.nama, "jabatan": p.jabatan, "jenis_jabatan": p.jenis_jabatan}
        for p in master.pegawai.values()
        if p.kode_unit == kode_unit
    ]
    return FormValues(fields=fields, tables={"ref_iku": ref_iku, "tim": tim})


def person_slug(nama: str) -> str:
    """Name without academic titles, as a file-name slug: 'budi-santoso'."""
    words = [w for w in nama.split(",", maxsplit=1)[0].split() if not w.endswith(".")]
    return slug(" ".join(words) or nama)


def skp_file_name(kode_unit: str, nama: str) -> str:
    """SKP workbooks' names contain 'skp', e.g. skp-TI-budi-santoso.xlsx."""
    return f"skp-{kode_unit}-{person_slug(nama)}.xlsx"


def unit_name(master: MasterView, kode_unit: str) -> str | None:
    for row in master.data.table("unit"):
        if as_code(row.value("kode_unit")) == kode_unit:
            return as_text(row.value("nama_unit"))
    return None


def skp_values(master: MasterView, nip: str) -> FormValues:
    """Pre-fill of an employee's SKP: identity, unit, year and pejabat penilai."""
    pegawai = master.pegawai[nip]
    atasan = master.pegawai.get(pegawai.nip_atasan or "")
    fields: dict[str, CellScalar] = {
        "tahun": master.tahun,
        "nama": pegawai.nama,
        "nip": pegawai.nip,
        "pangkat": pegawai.pangkat,
        "jabatan": pegawai.jabatan,
        "jenis_jabatan": pegawai.jenis_jabatan,
        "unit": unit_name(master, pegawai.kode_unit or "") or pegawai.kode_unit,
        "status": "draft",
    }
    if atasan:
        fields |= {
            "penilai_nama": atasan.nama,
            "penilai_nip": atasan.nip,
            "penilai_jabatan": atasan.jabatan,
        }
    return FormValues(fields=fields)


def unit_codes(master: MasterView) -> list[tuple[str, str]]:
    units = []
    for row in master.data.table("unit"):
        kode = as_code(row.value("kode_unit"))
        if kode:
            units.append((kode, as_text(row.value("nama_unit")) or kode))
    return units
