"""Generate a large synthetic institution for the kompilasi benchmark: a master with N units
and N unit workbooks of ~600 table rows each, written by the real template writer.

    python benchmarks/generate_institution.py /tmp/xlk-bench 1000
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

from xlkinerja.cascade.prefill import MasterView, unit_file_name, unit_values
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.render.template.writer import write_template
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sample.institution import IKU, master_values
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, UNIT

IKK_PER_UNIT = 50  # pk 50 + ra 50 + capaian 200 + matriks 250 + anggaran 15 + tim 30 + ref ≈ 600
MEMBERS = 30


def master(n_units: int) -> FormValues:
    base = master_values()
    units, pegawai, penugasan = [], [dict(base.tables["pegawai"][0])], []
    director = pegawai[0]["nip"]
    for u in range(n_units):
        code = f"U{u:04d}"
        head = f"{197001010000000000 + u * 100:018d}"
        units.append(
            {"kode_unit": code, "nama_unit": f"Unit Kerja {u + 1:04d}", "nip_kepala": head}
        )
        pegawai.append(
            {
                "nip": head,
                "nama": f"Kepala Unit {u + 1}",
                "jabatan": "Kepala",
                "jenis_jabatan": "JF",
                "kode_unit": code,
                "nip_atasan": director,
            }
        )
        for m in range(MEMBERS - 1):
            pegawai.append(
                {
                    "nip": f"{198001010000000000 + u * 100 + m + 1:018d}",
                    "nama": f"Pegawai {u + 1}-{m + 1}",
                    "jabatan": "Staf",
                    "jenis_jabatan": "JA",
                    "kode_unit": code,
                    "nip_atasan": head,
                }
            )
        for iku in IKU:
            penugasan.append({"kode_iku": iku["kode_iku"], "kode_unit": code})
    return FormValues(
        fields=base.fields,
        tables={**base.tables, "unit": units, "pegawai": pegawai, "penugasan": penugasan},
    )


def unit_entries(master_view: MasterView, u: int, rng: random.Random) -> FormValues:
    code = f"U{u:04d}"
    pre = unit_values(master_view, code)
    pk, ra, capaian, matriks = [], [], [], []
    for i in range(IKK_PER_UNIT):
        iku = IKU[i % len(IKU)]
        ikk = f"IKK-{code}-{i + 1}"
        target = float(rng.randint(10, 100))
        pk.append(
            {
                "sasaran": f"Sasaran {i % 5 + 1}",
                "kode_ikk": ikk,
                "indikator": f"Indikator turunan {iku['kode_iku']} nomor {i + 1}",
                "satuan": iku["satuan"],
                "arah": iku["arah"],
                "konsolidasi": iku["konsolidasi"],
                "target": target,
                "kode_iku": iku["kode_iku"],
                "metode_kaskade": "wilayah",
            }
        )
        steps = sorted(rng.uniform(0, target) for _ in range(3))
        ra.append(
            {
                "kode_ikk": ikk,
                "tw1": round(steps[0]),
                "tw2": round(steps[1]),
                "tw3": round(steps[2]),
                "tw4": target,
                "aksi": "Aksi " * 5,
                "penanggung_jawab": "Koordinator",
            }
        )
        for tw, name in enumerate(("TW I", "TW II", "TW III", "TW IV")):
            real: CellScalar = round(rng.uniform(0.5, 1.2) * target / 4, 1)
            capaian.append(
                {
                    "kode_ikk": ikk,
                    "triwulan": name,
                    "realisasi": real,
                    "bukti_dukung": f"https://drive.example/{ikk}/{tw}",
                    "kendala": "Kendala tercatat",
                }
            )
    tim = pre.tables["tim"]
    for j in range(250):
        member = tim[1 + j % (len(tim) - 1)]
        matriks.append(
            {
                "nip": member["nip"],
                "nama": member["nama"],
                "jabatan": "Staf",
                "kode_ikk": f"IKK-{code}-{j % IKK_PER_UNIT + 1}",
                "rhk": f"Peran hasil {j}",
                "aspek": "kuantitas",
                "iki": f"Jumlah keluaran {j}",
                "target": 5,
                "satuan": "dokumen",
                "metode_kaskade": "tidak langsung",
            }
        )
    anggaran = [
        {"program": f"Kegiatan {k + 1}", "anggaran": 10_000_000 * (k + 1)} for k in range(15)
    ]
    fields = {
        **pre.fields,
        "tanggal": date(2025, 2, rng.randint(1, 28) if u % 10 else 1),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 1, 30),
        "tanggal_disahkan": date(2025, 2, 28),
    }
    if u % 17 == 0:
        fields["tanggal"] = date(2025, 3, 10)  # some units are late
    return FormValues(
        fields=fields,
        tables={
            **pre.tables,
            "pk": pk,
            "ra": ra,
            "capaian": capaian,
            "matriks": matriks,
            "anggaran": anggaran,
        },
    )


def generate(folder: Path, n_units: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    master_path = folder / MASTER_FILE
    marker = folder / f".lengkap-{n_units}"
    if marker.exists():
        return master_path
    write_template(MASTER, master_path, master(n_units))
    view = MasterView.from_data(read_form(master_path, MASTER))
    rng = random.Random(2025)
    units = folder / "unit"
    start = time.perf_counter()
    for u in range(n_units):
        values = unit_entries(view, u, rng)
        write_template(UNIT, units / unit_file_name(f"U{u:04d}", f"Unit Kerja {u + 1:04d}"), values)
        if u % 100 == 99:
            print(f"  {u + 1} workbook ({time.perf_counter() - start:.0f} s)", flush=True)
    marker.touch()
    return master_path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/xlk-bench")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    print(generate(target, count))
