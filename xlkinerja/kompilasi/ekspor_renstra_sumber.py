"""What the Renstra OPD export (kompilasi/ekspor_renstra.py) is made from: the master's
IKU with their Renstra targets, its programs and the identity the importer's master data
knows (set once in the master's Pengaturan), and the units' kegiatan and IKK as compiled.
No I/O."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlkinerja.core.normal import MasterForm
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.kompilasi.ekspor_renstra import (
    MAX_ROWS,
    ArahTidakDikenal,
    Identitas,
    Ikk,
    Iku,
    Kegiatan,
    Program,
    Renstra,
    renstra,
)
from xlkinerja.specs.keys import IkuColumn, MasterFieldKey

if TYPE_CHECKING:
    from xlkinerja.kompilasi.ekspor_sumber import EksporSumber

TARGETS: tuple[IkuColumn, ...] = ("target_1", "target_2", "target_3", "target_4", "target_5")


def _num(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
        return float(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


IDENTITAS: dict[str, MasterFieldKey] = {  # the master's fields the identity comes from
    "opd_kode": "kode_opd",
    "rpjmd_judul": "judul_rpjmd",
    "tujuan": "tujuan_renstra",
}


def identitas(master: MasterForm, instansi: str) -> Identitas | list[str]:
    """The Renstra's identity from the master, or the labels of the fields it lacks."""
    values = {key: _str(master.field(field_key)) for key, field_key in IDENTITAS.items()}
    awal = master.number("tahun_awal_renstra")
    missing = [master.fields.label(IDENTITAS[k]) for k, v in values.items() if v is None]
    if awal is None:
        missing.append(master.fields.label("tahun_awal_renstra"))
    if missing:
        return missing
    return Identitas(
        opd_kode=str(values["opd_kode"]),
        opd_nama=instansi,
        rpjmd_judul=str(values["rpjmd_judul"]),
        tujuan=str(values["tujuan"]),
        tahun_awal=int(awal or 0),
        nomor_dokumen=_str(master.field("nomor_renstra")),
    )


Plan = tuple[list[Iku], list[Program], list[Kegiatan], list[Ikk]]


def plan_of(master: MasterForm, sumber: EksporSumber) -> Plan:
    """The master's IKU (Renstra targets) and programs, the units' kegiatan and IKK."""
    table = master.table("iku")
    iku = [
        Iku(
            kode_ss=text(table, p, "kode_ss") or "",
            sasaran=text(table, p, "sasaran") or "",
            kode=text(table, p, "kode_iku") or "",
            indikator=text(table, p, "indikator") or "",
            satuan=text(table, p, "satuan"),
            arah=text(table, p, "arah"),
            targets=tuple(number(table, p, key) for key in TARGETS),
        )
        for p in positions(table)
    ]
    prog = master.table("program")
    programs = [
        Program(
            text(prog, p, "kode_program"),
            text(prog, p, "program") or "",
            number(prog, p, "anggaran"),
            text(prog, p, "kode_ss"),
        )
        for p in positions(prog)
    ]
    kegiatan = [
        Kegiatan(
            _str(r["nama_unit"]) or _str(r["kode_unit"]) or "",
            _str(r["program"]) or "",
            _num(r["anggaran"]),
            _str(r["kode_ikk"]),
        )
        for r in sumber.anggaran.to_dict("records")
    ]
    ikk = [
        Ikk(
            _str(r["nama_unit"]) or _str(r["kode_unit"]) or "",
            _str(r["kode_ikk"]) or "",
            _str(r["kode_iku"]),
            _str(r["indikator"]) or "",
            _str(r["satuan"]),
            _str(r["arah"]),
            _num(r["target"]),
            _str(r["sasaran_unit"]),
        )
        for r in sumber.ikk.to_dict("records")
        if _str(r["kode_ikk"])
    ]
    return iku, programs, kegiatan, ikk


def renstra_tables(sumber: EksporSumber, master: MasterForm | None) -> Renstra:
    """The Renstra import's rows, or the reason the importer would refuse them — said
    before any file is written (the export checks every table first)."""
    if master is None:
        raise XlkinerjaError(
            "profil esakip-renstra-opd memerlukan workbook master (target Renstra, program "
            "dan identitas e-SAKIP).",
            code=ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR,
            hint="Tambahkan --master MASTER.xlsx, atau ekspor dari arsip yang memuat master.",
        )
    ident = identitas(master, sumber.instansi)
    if isinstance(ident, list):
        raise XlkinerjaError(
            f"identitas e-SAKIP belum diisi di lembar Pengaturan master: {', '.join(ident)}.",
            code=ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR,
            path=Path(master.file),
            sheet="Pengaturan",
            hint="Isi sekali di master (kode OPD dan judul RPJMD persis seperti di master "
            "aplikasi e-SAKIP), lalu ekspor lagi.",
        )
    try:
        made = renstra(ident, *plan_of(master, sumber), sumber.tahun)
    except ArahTidakDikenal as exc:
        raise XlkinerjaError(
            f"arah indikator {exc} tidak dikenal: importir akan mencatatnya sebagai positif.",
            code=ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR,
            hint="Isi arah naik atau turun di master (IKU) atau PK unit (IKK).",
        ) from None
    if len(made.rows) + 1 > MAX_ROWS:
        raise XlkinerjaError(
            f"{len(made.rows) + 1} baris, sedangkan importir Renstra OPD hanya membaca "
            f"{MAX_ROWS} baris pertama (sisanya diabaikan tanpa pemberitahuan).",
            code=ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR,
            hint="Bagi Renstra per OPD/unit, atau minta pengelola aplikasi menaikkan batasnya.",
        )
    return made
