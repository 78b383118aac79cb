"""Sheet "Temuan": the unreadable files first (as galat), then every finding of the
compilation, one row each, with where it points and, for cascade findings, the other end."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.kompilasi.model import Unreadable
from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.styles import Look, kolom_of
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table
from xlkinerja.specs.rekap import SHEET_TEMUAN, TEMUAN
from xlkinerja.validation.catalogue import rule_for

NAME = SHEET_TEMUAN
KOLOM = kolom_of(
    TEMUAN,
    {
        "berkas": Look(wrap=True),
        "tingkat": Look(tengah=True),
        "kode": Look(wrap=True),
        "lembar": Look(wrap=True),
        "sel": Look(tengah=True),
        "kolom": Look(wrap=True),
        "nilai": Look(wrap=True),
        "pesan": Look(wrap=True),
        "saran": Look(wrap=True),
        "induk": Look(wrap=True),
    },
)
TINGKAT_COL = TEMUAN.position("tingkat")
VARIANT = {Severity.GALAT: "galat", Severity.PERINGATAN: "biasa", Severity.INFO: "biasa"}


def _name(path: str | None) -> str | None:
    return None if not path else path.replace("\\", "/").rsplit("/", 1)[-1]


def induk(f: Finding) -> str | None:
    """The other end of a cascade finding: "master.xlsx · PK Institusi!C5"."""
    where = (
        f"{f.ref_sheet}!{f.ref_cell}" if f.ref_sheet and f.ref_cell else f.ref_sheet or f.ref_cell
    )
    parts = [p for p in (_name(f.ref_file), where) if p]
    return " · ".join(parts) or None


def temuan_rows(
    findings: Sequence[Finding], unreadable: Sequence[Unreadable]
) -> tuple[list[list[object]], list[str], list[str]]:
    """Columns of values (in the spec's order), row variants and Tingkat-cell variants."""
    rows: list[dict[str, object]] = [
        {
            "berkas": u.berkas,
            "tingkat": Severity.GALAT.value,
            "kode": u.kode.value,  # plain text: written into a cell
            "lembar": u.lembar,
            "sel": u.sel,
            "pesan": u.alasan,
            "saran": rule_for(u.kode).hint,
        }
        for u in unreadable
    ]
    severities = [Severity.GALAT] * len(unreadable)
    for f in findings:
        rows.append(
            {
                "berkas": f.file,
                "tingkat": f.severity.value,
                "kode": f.code,
                "lembar": f.sheet,
                "sel": f.cell,
                "kolom": f.field,
                "nilai": f.value,
                "pesan": f.message,
                "saran": f.hint or None,
                "induk": induk(f),
            }
        )
        severities.append(f.severity)
    columns = [[row.get(key) for row in rows] for key in TEMUAN.keys]
    variants = [VARIANT.get(s, "biasa") for s in severities]
    tingkat = [
        "sorot_galat"
        if s is Severity.GALAT
        else "sorot_peringatan"
        if s is Severity.PERINGATAN
        else v
        for s, v in zip(severities, variants, strict=True)
    ]
    return columns, variants, tingkat


def write_temuan(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    galat = sum(f.severity is Severity.GALAT for f in k.temuan) + len(k.tidak_terbaca)
    peringatan = sum(f.severity is Severity.PERINGATAN for f in k.temuan)
    note = (
        f"{galat} galat (baris merah: harus diperbaiki oleh unit), {peringatan} peringatan "
        f"(perlu diperiksa atau diberi alasan). Berkas yang tidak terbaca tercantum paling atas. "
        "Induk: sel lawan pada temuan kaskade (mis. IKU di workbook master)."
    )
    row = heading(ws, styles, f"{TEMUAN.title}{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    columns, variants, tingkat = temuan_rows(k.temuan, k.tidak_terbaca)
    values = [np.array(c, dtype=object) for c in columns]
    end = write_table(
        ws, styles, row, KOLOM, values, variants, cell_variants={TINGKAT_COL: tingkat}
    )
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"temuan": len(k.temuan), "tidak_terbaca": len(k.tidak_terbaca)}
