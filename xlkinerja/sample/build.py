"""Write the sample institution's workbooks: the master, four units, four SKP.

The unit and SKP workbooks go through the same pre-fill as real ones (from the master),
then get what staff typed (sample/unit_entries.py, sample/skp_entries.py). Run
`python -m xlkinerja.sample.build workbooks/contoh` to regenerate the committed copies.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, cast

from xlkinerja.cascade.prefill import (
    MasterView,
    skp_file_name,
    skp_values,
    unit_file_name,
    unit_name,
    unit_values,
)
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.render.template.writer import write_template
from xlkinerja.sample.institution import master_values
from xlkinerja.sample.pengaturan import TAHUN
from xlkinerja.sample.skp_entries import SKP_ENTRIES
from xlkinerja.sample.typed_percent import typed_as_percent
from xlkinerja.sample.unit_entries import UNIT_ENTRIES
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, SKP_FORM, UNIT

MASTER_FILE = f"master-politeknik-negeri-contoh-{TAHUN}.xlsx"
TYPED_AS_PERCENT = "persen_seperti_excel"  # an entry whose staff typed 80% (typed_percent.py)


def _merge(prefill: FormValues, entry: dict[str, Any]) -> FormValues:
    fields: dict[str, CellScalar] = {
        **prefill.fields,
        **cast(dict[str, CellScalar], entry["fields"]),
    }
    own = {k: v for k, v in entry.items() if k not in ("fields", "unit", TYPED_AS_PERCENT)}
    return FormValues(fields=fields, tables={**prefill.tables, **own})


def build_sample(output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    master_path = write_template(
        MASTER,
        output / MASTER_FILE,
        master_values(),
        subtitle=f"Politeknik Negeri Contoh · Tahun {TAHUN}",
    )
    written = [master_path]
    master = MasterView.from_data(read_form(master_path, MASTER))
    for kode, entry in UNIT_ENTRIES.items():
        nama = unit_name(master, kode) or kode
        values = _merge(unit_values(master, kode), entry)
        if entry.get(TYPED_AS_PERCENT):
            values = typed_as_percent(UNIT, values)
        written.append(
            write_template(
                UNIT,
                output / unit_file_name(kode, nama),
                values,
                subtitle=f"{nama} · Tahun {TAHUN}",
            )
        )
    for nip, skp in SKP_ENTRIES.items():
        pegawai = master.pegawai[nip]
        values = _merge(skp_values(master, nip), skp)
        written.append(
            write_template(
                SKP_FORM,
                output / skp_file_name(str(skp["unit"]), pegawai.nama),
                values,
                subtitle=f"{pegawai.nama} · Tahun {TAHUN}",
            )
        )
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "workbooks/contoh")
    for path in build_sample(target):
        print(path)
