"""What each unit's staff typed into their pre-filled workbook, mistakes included.

Planted mistakes (what Validasi and Kaskade must find) are marked `# PLANTED:` in the
per-unit modules and listed in workbooks/contoh/README.md. BAAK submitted nothing.
"""

from __future__ import annotations

from xlkinerja.sample.entries_ak import AK
from xlkinerja.sample.entries_p3m import P3M
from xlkinerja.sample.entries_ti import TI
from xlkinerja.sample.entries_tm import TM
from xlkinerja.sample.entry_columns import UnitEntry

UNIT_ENTRIES: dict[str, UnitEntry] = {"TI": TI, "TM": TM, "AK": AK, "P3M": P3M}

# What helped a quarter's result (Faktor Pendukung, Capaian sheet), by IKK and TW.
FAKTOR_PENDUKUNG = {
    ("IKK-TI-1", "TW II"): "Kerja sama penempatan kerja dengan tiga mitra industri",
    ("IKK-TI-3", "TW III"): "Skema sertifikasi LSP P1 sudah berjalan",
    ("IKK-TM-3", "TW III"): "Uji kompetensi bersama industri manufaktur",
    ("IKK-TM-2", "TW III"): "Mitra magang baru dari kawasan industri",
    ("IKK-P3M-2", "TW III"): "Pendampingan penulisan proposal hibah",
}
for _entry in UNIT_ENTRIES.values():
    for _row in _entry["capaian"]:  # type: ignore[attr-defined]
        _row["faktor_pendukung"] = FAKTOR_PENDUKUNG.get((_row["kode_ikk"], _row["triwulan"]))
