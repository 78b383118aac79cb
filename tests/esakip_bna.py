"""The Renstra OPD import of the e-SAKIP of Kabupaten Banjarnegara (github.com/naufalpi/
e-sakip-bna, MIT, commit 2cd8ad1), transcribed from its source so that a test can apply it
to what xlkinerja writes. Only its rules, not its database: an OPD, an RPJMD and the years
it knows are given.

- app/Services/Imports/SpreadsheetImportReader.php: `readXlsx` reads
  xl/worksheets/sheet1.xml only (else the first xl/worksheets/sheet*.xml), shared and
  inline strings, every other cell as its text; `withoutEmptyRows`; `normalizeColumnName`
  (trim, lower, non [a-z0-9] runs to "_", an empty header "kolom_<n>"); `cleanCell`
  (trim; "" is null).
- app/Services/Imports/ImportColumnValidationService.php: the 'renstra_opd' required column
  groups (level; OPD identity; RPJMD reference; uraian data).
- app/Services/RenstraImportPreviewService.php: MAX_ROWS 1000 (the header included).
- app/Services/RenstraImportApplyService.php: `normalizeLevel`, `applyRow` per level, the
  context each level requires (`requiredContext` messages), `requiredText`,
  `tipeIndikator` (anything but "negatif" is positif), `periodeTarget` (tahun_target in
  the master periods), `hasTargetData`, `setContext` (a new parent clears its children),
  and the batch: any failed row rolls the whole import back.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
MAX_ROWS = 1000
REQUIRED_GROUPS = {
    "level data": ["level", "jenis", "tipe", "node_type"],
    "identitas OPD": ["opd_id", "opd_kode", "kode_opd", "opd_nama", "nama_opd"],
    "referensi RPJMD": ["rpjmd_id", "rpjmd_judul", "judul_rpjmd"],
    "uraian data": ["uraian", "nama", "judul", "renstra_judul", "tujuan", "sasaran", "program",
                    "kegiatan", "sub_kegiatan", "indikator"],
}  # fmt: skip
LEVELS = {
    "renstra": "renstra", "renstra_opd": "renstra",
    "tujuan": "tujuan", "tujuan_opd": "tujuan",
    "indikator_tujuan": "indikator_tujuan", "indikator_tujuan_opd": "indikator_tujuan",
    "target_tujuan": "target_tujuan", "target_indikator_tujuan": "target_tujuan",
    "sasaran": "sasaran", "sasaran_opd": "sasaran",
    "indikator_sasaran": "indikator_sasaran", "indikator_sasaran_opd": "indikator_sasaran",
    "target_sasaran": "target_sasaran", "target_indikator_sasaran": "target_sasaran",
    "program": "program", "program_opd": "program", "opd_program": "program",
    "indikator_program": "indikator_program", "indikator_opd_program": "indikator_program",
    "target_program": "target_program", "target_indikator_program": "target_program",
    "kegiatan": "kegiatan", "opd_kegiatan": "kegiatan",
    "indikator_kegiatan": "indikator_kegiatan", "indikator_opd_kegiatan": "indikator_kegiatan",
    "target_kegiatan": "target_kegiatan", "target_indikator_kegiatan": "target_kegiatan",
    "sub_kegiatan": "sub_kegiatan", "opd_sub_kegiatan": "sub_kegiatan",
    "indikator_sub_kegiatan": "indikator_sub_kegiatan",
    "target_sub_kegiatan": "target_sub_kegiatan",
}  # fmt: skip
CONTEXT_ORDER = ["renstra", "tujuan", "indikator_tujuan", "sasaran", "indikator_sasaran",
                 "program", "indikator_program", "kegiatan", "indikator_kegiatan",
                 "sub_kegiatan", "indikator_sub_kegiatan"]  # fmt: skip
# level → (the context it needs, the importer's message when it is missing, the uraian keys,
# the label of requiredText); None: no parent needed
RULES: dict[str, tuple[str | None, str, list[str], str]] = {
    "tujuan": (None, "", ["tujuan", "uraian", "nama"], "Tujuan OPD"),
    "indikator_tujuan": ("tujuan", "Indikator tujuan OPD harus berada setelah baris tujuan.",
                         ["indikator_tujuan", "indikator", "uraian", "nama"],
                         "Indikator tujuan OPD"),
    "sasaran": ("tujuan", "Sasaran OPD harus berada setelah baris tujuan.",
                ["sasaran", "uraian", "nama"], "Sasaran OPD"),
    "indikator_sasaran": ("sasaran", "Indikator sasaran OPD harus berada setelah baris sasaran.",
                          ["indikator_sasaran", "indikator", "uraian", "nama"],
                          "Indikator sasaran OPD"),
    "program": ("sasaran", "Program OPD harus berada setelah baris sasaran.",
                ["program", "nama_program", "uraian", "nama"], "Program OPD"),
    "indikator_program": ("program", "Indikator program OPD harus berada setelah baris program.",
                          ["indikator_program", "indikator", "uraian", "nama"],
                          "Indikator program OPD"),
    "kegiatan": ("program", "Kegiatan OPD harus berada setelah baris program.",
                 ["kegiatan", "nama_kegiatan", "uraian", "nama"], "Kegiatan OPD"),
    "indikator_kegiatan": ("kegiatan", "Indikator kegiatan OPD harus berada setelah baris kegiatan.",
                           ["indikator_kegiatan", "indikator", "uraian", "nama"],
                           "Indikator kegiatan OPD"),
    "sub_kegiatan": ("kegiatan", "Sub kegiatan OPD harus berada setelah baris kegiatan.",
                     ["sub_kegiatan", "nama_sub_kegiatan", "uraian", "nama"],
                     "Sub kegiatan OPD"),
    "indikator_sub_kegiatan": ("sub_kegiatan",
                               "Indikator sub kegiatan harus berada setelah baris sub kegiatan.",
                               ["indikator_sub_kegiatan", "indikator", "uraian", "nama"],
                               "Indikator sub kegiatan"),
}  # fmt: skip
TARGETS = {  # target_* level → the indicator context it needs, its message
    "target_tujuan": ("indikator_tujuan", "Target tujuan harus berada setelah baris indikator tujuan OPD."),
    "target_sasaran": ("indikator_sasaran", "Target sasaran harus berada setelah baris indikator sasaran OPD."),
    "target_program": ("indikator_program", "Target program harus berada setelah baris indikator program OPD."),
    "target_kegiatan": ("indikator_kegiatan", "Target kegiatan harus berada setelah baris indikator kegiatan OPD."),
    "target_sub_kegiatan": ("indikator_sub_kegiatan", "Target sub kegiatan harus berada setelah baris indikator sub kegiatan."),
}  # fmt: skip
TARGET_KEYS = ["target", "target_angka", "target_text", "target_teks", "target_tujuan",
               "target_sasaran", "target_program", "pagu"]  # fmt: skip


class Ditolak(Exception):
    """The import refused as a whole, with the importer's message."""


@dataclass
class Impor:
    """What the importer would store: per level its rows (kode, uraian, tipe), the targets
    (indicator kode, year, value), and each failed row's message."""

    rows: dict[str, list[dict[str, str | None]]] = field(default_factory=dict)
    targets: list[tuple[str | None, int, float | None]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    dropped: int = 0  # rows past MAX_ROWS the reader never read


def read_first_sheet(path: Path) -> list[list[str | None]]:
    """SpreadsheetImportReader::readXlsx, with withoutEmptyRows and cleanCell."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sheet = "xl/worksheets/sheet1.xml"
        if sheet not in names:
            sheet = next(n for n in names if re.match(r"xl/worksheets/sheet.*\.xml$", n))
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                      for si in root.findall("m:si", NS)]  # fmt: skip
        root = ET.fromstring(z.read(sheet))
    rows: list[list[str | None]] = []
    for row in root.iter(f"{{{NS['m']}}}row"):
        cells: dict[int, str | None] = {}
        for c in row.findall("m:c", NS):
            col = _col_index(re.sub(r"\d", "", c.get("r", "A1")))
            kind, v = c.get("t"), c.find("m:v", NS)
            if kind == "s" and v is not None:
                text: str | None = shared[int(v.text or 0)]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            else:
                text = v.text if v is not None else None
            cells[col] = _clean(text)
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i) for i in range(width)])
    return [r for r in rows if any(v is not None for v in r)]


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().removeprefix("\ufeff")
    return value or None


def _column_name(value: str | None, index: int) -> str:
    name = re.sub(r"[^a-z0-9]+", "_", (value or "").strip().lower()).strip("_")
    return name or f"kolom_{index + 1}"


def _text(mapped: dict[str, str | None], keys: list[str]) -> str | None:
    for key in keys:
        value = mapped.get(key)
        if value is not None and value.strip() != "":
            return value.strip()
    return None


def _number(mapped: dict[str, str | None], keys: list[str]) -> float | None:
    value = _text(mapped, keys)
    if value is None:
        return None
    value = value.replace(" ", "")
    value = (
        value.replace(".", "").replace(",", ".")
        if "," in value and "." in value
        else value.replace(",", ".")
    )
    try:
        return float(value)
    except ValueError:
        return None


def import_renstra(path: Path, *, opd_kode: str, rpjmd_judul: str, periods: set[int]) -> Impor:
    """Apply the importer to the workbook at `path`: refused as a whole (Ditolak) for a
    missing column group, else each row applied in order; any failed row rolls back. The
    reader stops at MAX_ROWS rows: what lies beyond is dropped without a word (`dropped`)."""
    every = read_first_sheet(path)
    rows = every[:MAX_ROWS]
    columns = [_column_name(v, i) for i, v in enumerate(rows[0])]
    missing = [
        label for label, aliases in REQUIRED_GROUPS.items() if not set(aliases) & set(columns)
    ]
    if missing:
        raise Ditolak(f"Kolom wajib belum ada: {', '.join(missing)}")
    out = Impor(dropped=len(every) - len(rows))
    context: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        mapped = {c: (row[i] if i < len(row) else None) for i, c in enumerate(columns)}
        try:
            _apply(mapped, out, context, opd_kode, rpjmd_judul, periods)
        except ValueError as exc:
            out.failed.append((number, str(exc)))
    return out  # with a failed row the importer rolls back: nothing stored


def _apply(mapped: dict[str, str | None], out: Impor, context: dict[str, str],
           opd_kode: str, rpjmd_judul: str, periods: set[int]) -> None:  # fmt: skip
    raw = _text(mapped, ["level", "jenis", "tipe", "node_type"]) or ""
    level = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
    level = LEVELS.get(level, level)
    if level == "renstra" or "renstra" not in context:
        if _text(mapped, ["opd_id", "opd_kode", "kode_opd"]) != opd_kode:
            raise ValueError("OPD tidak ditemukan di master OPD.")
        if (_text(mapped, ["rpjmd_judul", "judul_rpjmd"]) or "").lower() != rpjmd_judul.lower():
            raise ValueError("RPJMD referensi tidak ditemukan. Isi rpjmd_id atau rpjmd_judul.")
        if _text(mapped, ["renstra_judul", "judul", "nama"]) is None:
            raise ValueError("Judul Renstra OPD wajib diisi.")
        _set(context, "renstra", "1")
        if level == "renstra":
            out.rows.setdefault("renstra", []).append({"kode": _text(mapped, ["kode"])})
            return
    if level in TARGETS:
        needed, message = TARGETS[level]
        if needed not in context:
            raise ValueError(message)
        out.targets.append(_target(mapped, context[needed], periods))
        return
    if level not in RULES:
        raise ValueError("Level import Renstra tidak dikenali.")
    needed, message, keys, label = RULES[level]
    if needed is not None and needed not in context:
        raise ValueError(message)
    text = _text(mapped, keys)
    if text is None:
        raise ValueError(f"{label} wajib diisi.")
    kode = _text(mapped, ["kode"])
    tipe = _text(mapped, ["tipe_indikator", "tipe"])
    out.rows.setdefault(level, []).append(
        {"kode": kode, "uraian": text,
         "tipe": ("negatif" if tipe == "negatif" else "positif") if level.startswith("indikator") else None}
    )  # fmt: skip
    _set(context, level, kode or text)
    if level.startswith("indikator") and _text(mapped, TARGET_KEYS) is not None:
        out.targets.append(_target(mapped, kode or text, periods))


def _target(mapped: dict[str, str | None], indikator: str, periods: set[int]) -> tuple[str | None, int, float | None]:  # fmt: skip
    tahun = _text(mapped, ["tahun_target", "tahun", "periode_tahun", "target_tahun"])
    if tahun is None:
        raise ValueError("Target indikator membutuhkan tahun_target atau periode_tahun_id.")
    year = int(float(tahun))
    if year not in periods:
        raise ValueError(f"Periode tahun {year} belum tersedia di master periode.")
    return indikator, year, _number(mapped, ["target", "target_angka"])


def _set(context: dict[str, str], key: str, value: str) -> None:
    if key in CONTEXT_ORDER:
        for child in CONTEXT_ORDER[CONTEXT_ORDER.index(key) + 1 :]:
            context.pop(child, None)
    context[key] = value
