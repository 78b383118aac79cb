"""Writer benchmark for the compiled workbook (issue 5): which xlsx writer, and how fast.

    python benchmarks/writer_bench.py            # both parts
    python benchmarks/writer_bench.py --rows 60000 --units 250   # a quicker run

Part 1 writes the same table (240k rows x 10 columns: 6 text, 4 numbers, a border format on
every cell and a red fill on every 7th row) with each candidate and prints cells/s:
XlsxWriter cell by cell (normal and constant_memory mode), XlsxWriter + our
`FastWorksheet.add_rows` (column-wise; also with the level-1 zip of render/rekap/package.py,
which is what write_kompilasi uses), and, when installed, rustpy-xlsxwriter and
pyexcelerate (neither is a dependency: `pip install rustpy-xlsxwriter pyexcelerate`).
Part 2 writes a full-size synthetic Kompilasi (1,000 units of 40 IKK: 40k Rekap PK rows,
40k RA rows, 160k capaian rows) with `write_kompilasi`, the way the job does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level  # noqa: E402
from xlkinerja.core.finding import Finding, Severity  # noqa: E402
from xlkinerja.domain.status import status_of  # noqa: E402
from xlkinerja.kompilasi.model import Kompilasi, StatusUnit  # noqa: E402
from xlkinerja.render.fast_workbook import Workbook  # noqa: E402
from xlkinerja.render.fastsheet import BlockColumn, FastWorksheet  # noqa: E402
from xlkinerja.render.rekap.writer import write_kompilasi  # noqa: E402

COLUMNS = 10
RED_EVERY = 7


def table(rows: int) -> pd.DataFrame:
    i = np.arange(rows)
    return pd.DataFrame(
        {
            "iku": pd.Series([f"IKU-{x % 8 + 1}" for x in i], dtype=object),
            "unit": pd.Series([f"Jurusan {x % 1000:04d}" for x in i], dtype=object),
            "ikk": pd.Series([f"IKK-{x // 160:04d}-{x // 4 % 40}" for x in i], dtype=object),
            "indikator": pd.Series(
                [f"Persentase lulusan program studi {x // 4 % 5000} yang bekerja" for x in i],
                dtype=object,
            ),
            "tw": pd.Series([f"TW {x % 4 + 1}" for x in i], dtype=object),
            "target": (i % 100).astype(float),
            "realisasi": (i % 90) + 0.5,
            "capaian": (i % 90 + 0.5) / (i % 100 + 1) * 100,
            "status": pd.Series(np.array(["merah", "kuning", "hijau"], dtype=object)[i % 3]),
            "bobot": (i % 7).astype(float),
        }
    )


def bench_xlsxwriter(df: pd.DataFrame, path: Path, constant_memory: bool) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory})
    ws = wb.add_worksheet("Data")
    plain = wb.add_format({"border": 1, "font_name": "Calibri", "font_size": 10})
    red = wb.add_format({"border": 1, "bg_color": "#FFD9D9"})
    ws.write_row(0, 0, list(df.columns), plain)
    for r, row in enumerate(df.itertuples(index=False), start=1):
        ws.write_row(r, 0, row, red if r % RED_EVERY == 0 else plain)
    wb.close()


def bench_fast(df: pd.DataFrame, path: Path, level1: bool = False) -> None:
    wb = (Workbook if level1 else xlsxwriter.Workbook)(str(path))
    ws = wb.add_worksheet("Data", worksheet_class=FastWorksheet)
    plain = wb.add_format({"border": 1, "font_name": "Calibri", "font_size": 10})
    red = wb.add_format({"border": 1, "bg_color": "#FFD9D9"})
    ws.write_row(0, 0, list(df.columns), plain)
    formats = np.where(np.arange(1, len(df) + 1) % RED_EVERY == 0, red, plain)
    ws.add_rows(1, [BlockColumn(df[c], formats) for c in df.columns])
    wb.close()


def bench_rustpy(df: pd.DataFrame, path: Path) -> None:
    import rustpy_xlsxwriter as rx  # type: ignore[import-not-found]

    plain = rx.Format().set_border("thin").set_font_name("Calibri").set_font_size(10)
    red = rx.Format().set_border("thin").set_background_color("#FFD9D9")
    rx.write_worksheet(
        df,
        str(path),
        sheet_name="Data",
        column_formats=[plain] * COLUMNS,
        row_formats=dict.fromkeys(range(RED_EVERY, len(df) + 1, RED_EVERY), red),
    )


def bench_pyexcelerate(df: pd.DataFrame, path: Path) -> None:
    from pyexcelerate import Color, Fill, Style, Workbook  # type: ignore[import-not-found]

    wb = Workbook()
    data = [list(df.columns), *df.itertuples(index=False)]
    ws = wb.new_sheet("Data", data=data)
    red = Style(fill=Fill(background=Color(255, 217, 217)))
    for r in range(RED_EVERY + 1, len(df) + 2, RED_EVERY):
        ws.set_row_style(r, red)
    wb.save(str(path))


def part1(rows: int, out: Path) -> None:
    df = table(rows)
    cells = rows * COLUMNS
    print(f"Part 1: {rows:,} rows x {COLUMNS} columns = {cells:,} cells, with formats")
    candidates: list[tuple[str, Callable[[Path], None]]] = [
        ("XlsxWriter, cell by cell", lambda p: bench_xlsxwriter(df, p, False)),
        ("XlsxWriter constant_memory", lambda p: bench_xlsxwriter(df, p, True)),
        ("XlsxWriter + FastWorksheet", lambda p: bench_fast(df, p)),
        ("  + zip level 1 (what we use)", lambda p: bench_fast(df, p, level1=True)),
        ("rustpy-xlsxwriter", lambda p: bench_rustpy(df, p)),
        ("pyexcelerate", lambda p: bench_pyexcelerate(df, p)),
    ]
    for name, run in candidates:
        path = out / f"candidate-{len(name)}-{name[:3].strip()}.xlsx"
        try:
            start = time.perf_counter()
            run(path)
            seconds = time.perf_counter() - start
        except ImportError:
            print(f"  {name:30} not installed")
            continue
        size = path.stat().st_size / 1e6
        print(
            f"  {name:30} {seconds:6.2f} s  {cells / seconds / 1000:7,.0f}k cells/s  {size:5.1f} MB"
        )


def synthetic(units: int, ikk_per_unit: int = 40) -> Kompilasi:
    """A compiled institution of the benchmark's size (1,000 units of 40 IKK)."""
    rng = np.random.default_rng(5)
    iku = [f"IKU-{i}" for i in range(1, 9)]
    n = units * ikk_per_unit
    unit_idx = np.repeat(np.arange(units), ikk_per_unit)
    kode_unit = np.array([f"U{u:04d}" for u in range(units)], dtype=object)[unit_idx]
    nama_unit = np.array([f"Jurusan Contoh Nomor {u:04d}" for u in range(units)], dtype=object)[
        unit_idx
    ]
    kode_iku = np.array(iku, dtype=object)[np.arange(n) % 8]
    kode_ikk = np.array(
        [f"IKK-U{u:04d}-{j + 1}" for u in range(units) for j in range(ikk_per_unit)], dtype=object
    )
    indikator = np.array(
        [
            f"Persentase capaian kegiatan {j + 1} unit {u:04d} yang mendukung sasaran"
            for u in range(units)
            for j in range(ikk_per_unit)
        ],
        dtype=object,
    )
    berkas = np.array([f"U{u:04d}-unit.xlsx" for u in range(units)], dtype=object)[unit_idx]
    target = rng.integers(1, 100, n).astype(float)
    iku_text = {c: f"Indikator kinerja utama {c} institusi" for c in iku}
    pk = pd.DataFrame(
        {
            "kode_ss": "SS-1",
            "sasaran": "Meningkatnya kualitas lulusan",
            "kode_iku": kode_iku,
            "indikator_iku": [iku_text[c] for c in kode_iku],
            "satuan_iku": "%",
            "target_iku": 80.0,
            "kode_unit": kode_unit,
            "nama_unit": nama_unit,
            "kode_ikk": kode_ikk,
            "indikator": indikator,
            "satuan": "%",
            "arah": "naik",
            "target": target,
            "metode_kaskade": "langsung",
            "berkas": berkas,
            "baris": np.arange(n) % ikk_per_unit + 12,
        }
    ).sort_values("kode_iku", kind="stable")
    shares = np.array([0.25, 0.5, 0.75, 1.0])
    ra = pk[
        ["kode_iku", "kode_unit", "nama_unit", "kode_ikk", "indikator", "berkas", "baris"]
    ].copy()
    ra["target_pk"] = pk["target"]
    for j, share in enumerate(shares, start=1):
        ra[f"tw{j}"] = pk["target"] * share
    ra_iku = ra.groupby("kode_iku")[["tw1", "tw2", "tw3", "tw4"]].mean().reset_index()
    ra_iku.insert(1, "indikator_iku", ra_iku["kode_iku"].map(iku_text))
    ra_iku.insert(2, "target_iku", 80.0)
    ra_iku["jumlah_ikk"] = n // 8
    cap = pk.loc[
        pk.index.repeat(4),
        ["kode_iku", "kode_unit", "nama_unit", "kode_ikk", "indikator", "berkas", "baris"],
    ]
    cap["tw"] = np.tile([1, 2, 3, 4], n)
    cap["target"] = np.repeat(pk["target"].to_numpy(), 4) * shares[cap["tw"].to_numpy() - 1]
    cap["realisasi"] = cap["target"] * rng.uniform(0.4, 1.2, len(cap))
    cap["capaian"] = cap["realisasi"] / cap["target"] * 100
    cap.loc[cap["tw"] == 4, ["realisasi", "capaian"]] = np.nan
    cap["status"] = [
        s.value if (s := status_of(None if np.isnan(v) else v)) else None for v in cap["capaian"]
    ]
    cap["predikat"] = np.where(cap["capaian"] > 90, "Sangat Baik", "Baik")
    cap["alasan"] = None
    # Units write a kendala and a tindak lanjut where the capaian falls short (issue 13).
    short = (cap["capaian"] < 100).to_numpy()
    cap["kendala"] = np.where(
        short, "Kegiatan pendukung tertunda karena anggaran baru cair pada akhir triwulan", None
    )
    cap["tindak_lanjut"] = np.where(
        short, "Percepatan kegiatan dan koordinasi dengan bagian keuangan", None
    )
    per_iku = (
        cap.groupby(["kode_iku", "tw"])
        .agg(capaian=("capaian", "mean"), jumlah_ikk=("kode_ikk", "count"))
        .reset_index()
    )
    per_iku["indikator_iku"] = per_iku["kode_iku"].map(iku_text)
    per_iku["status"] = [
        s.value if (s := status_of(None if np.isnan(v) else v)) else None
        for v in per_iku["capaian"]
    ]
    per_iku["predikat"] = "Baik"
    per_unit = (
        cap.groupby(["kode_unit", "nama_unit", "tw"]).agg(capaian=("capaian", "mean")).reset_index()
    )
    per_unit["status"] = [
        s.value if (s := status_of(None if np.isnan(v) else v)) else None
        for v in per_unit["capaian"]
    ]
    anggaran = pd.DataFrame(
        {
            "kode_unit": np.repeat(kode_unit[::ikk_per_unit], 3),
            "nama_unit": np.repeat(nama_unit[::ikk_per_unit], 3),
            "program": [f"Program {p}" for _ in range(units) for p in range(1, 4)],
            "anggaran": rng.integers(100, 5000, units * 3) * 1e6,
            "berkas": np.repeat(berkas[::ikk_per_unit], 3),
            "baris": np.tile([30, 31, 32], units),
        }
    )
    status = [
        StatusUnit(
            f"U{u:04d}",
            f"Jurusan Contoh Nomor {u:04d}",
            f"U{u:04d}-unit.xlsx",
            "disahkan",
            date(2025, 2, 20 + u % 15 // 2),
            None,
            date(2025, 2, 28),
            u % 15 > 13,
            u % 5,
            u % 3,
            True,
        )
        for u in range(units)
    ]
    findings = [
        Finding(
            "capaian.kendala.wajib",
            Severity.GALAT if u % 2 else Severity.PERINGATAN,
            f"U{u:04d}-unit.xlsx",
            "Capaian",
            f"J{10 + j}",
            10 + j,
            "Kendala",
            None,
            "Capaian di bawah 100 %, tetapi kendala kosong.",
            "Tulis kendala.",
        )
        for u in range(units)
        for j in range(5)
    ]
    roots = [CascadeNode(Level.IKU, c, iku_text[c], "Institusi", 80.0, "%") for c in iku]
    by_code = {r.code: r for r in roots}
    for row in pk.itertuples(index=False):
        by_code[row.kode_iku].children.append(
            CascadeNode(
                Level.IKK,
                row.kode_ikk,
                row.indikator,
                row.nama_unit,
                row.target,
                "%",
                parent_code=row.kode_iku,
            )
        )
    return Kompilasi(
        instansi="Universitas Sintetis",
        tahun=2025,
        batas_pk=date(2025, 2, 28),
        dibuat=datetime(2025, 10, 1, 8, 0),
        ambang_kuning=70.0,
        ambang_hijau=90.0,
        status=status,
        rekap_pk=pk.reset_index(drop=True),
        anggaran=anggaran,
        rekap_ra=ra.reset_index(drop=True),
        rekap_ra_iku=ra_iku,
        capaian_ikk=cap.reset_index(drop=True),
        capaian_iku=per_iku,
        capaian_unit=per_unit,
        temuan=findings,
        pohon=CascadeTree("Universitas Sintetis", 2025, roots),
        baris_dibaca={"pk": n, "anggaran": units * 3, "ra": n, "capaian": 4 * n},
    )


def part2(units: int, out: Path) -> None:
    k = synthetic(units)
    print(
        f"Part 2: write_kompilasi, {units:,} units: {len(k.rekap_pk):,} Rekap PK rows, "
        f"{len(k.rekap_ra):,} RA rows, {len(k.capaian_ikk):,} capaian rows, "
        f"{len(k.temuan):,} findings"
    )
    path = out / "kompilasi.xlsx"
    start = time.perf_counter()
    write_kompilasi(k, path)
    seconds = time.perf_counter() - start
    print(f"  write_kompilasi: {seconds:.2f} s, {path.stat().st_size / 1e6:.1f} MB")
    print(f"  baris_ditulis: {k.baris_ditulis}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=240_000)
    parser.add_argument("--units", type=int, default=1_000)
    parser.add_argument("--part", choices=("1", "2", "both"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.part in ("1", "both"):
            part1(args.rows, Path(tmp))
        if args.part in ("2", "both"):
            part2(args.units, Path(tmp))


if __name__ == "__main__":
    main()
