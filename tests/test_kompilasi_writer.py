"""The compiled institutional workbook (xlkinerja/render/rekap/writer.py): sheets, grouping,
colours, charts, the accounting of rows, and a LibreOffice rendering to PDF.

The compiled institution is built by hand below: Politeknik Negeri Contoh 2025 with 5 units —
TM on time, AK late, BAAK not submitted, TI with galat, P3M unreadable; 8 IKU with IKU-7
derived by nobody and the orphan IKK-TI-6 naming IKU-9; capaian for TW I–III.
"""

from __future__ import annotations

import math
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
import xlsxwriter.workbook

from tests import lo
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level, Problem
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.domain.predikat import DEFAULT_SCALE
from xlkinerja.domain.status import Status, status_of
from xlkinerja.kompilasi.model import Kompilasi, StatusUnit, Unreadable
from xlkinerja.render.fastsheet import BlockColumn, FastWorksheet
from xlkinerja.render.pohon.sheet import IKU_FILL, PROBLEM_FILL, STATUS_FILLS
from xlkinerja.render.rekap.writer import SHEET_ORDER, write_kompilasi

INSTANSI = "Politeknik Negeri Contoh"
BATAS = date(2025, 2, 28)
FILES = {
    "TI": "TI-jurusan-teknik-informatika.xlsx",
    "TM": "TM-jurusan-teknik-mesin.xlsx",
    "AK": "AK-jurusan-akuntansi.xlsx",
    "P3M": "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx",
}
UNITS = {
    "TI": "Jurusan Teknik Informatika",
    "TM": "Jurusan Teknik Mesin",
    "AK": "Jurusan Akuntansi",
    "BAAK": "Biro Administrasi Akademik dan Kemahasiswaan",
    "P3M": "Pusat Penelitian dan Pengabdian kepada Masyarakat",
}
SASARAN = {
    "SS-1": "Meningkatnya kualitas lulusan pendidikan tinggi vokasi",
    "SS-2": "Meningkatnya kualitas dosen pendidikan tinggi vokasi",
    "SS-3": "Meningkatnya kualitas kurikulum dan pembelajaran",
}
# kode: (ss, indikator, satuan, target)
IKU = {
    "IKU-1": (
        "SS-1",
        "Persentase lulusan D4/D3 yang berhasil mendapat pekerjaan, melanjutkan studi, atau "
        "menjadi wiraswasta",
        "%",
        80.0,
    ),
    "IKU-2": (
        "SS-1",
        "Persentase mahasiswa D4/D3 yang menjalankan kegiatan pembelajaran di luar program studi",
        "%",
        30.0,
    ),
    "IKU-3": ("SS-2", "Persentase dosen yang berkegiatan tridharma di luar kampus", "%", 25.0),
    "IKU-4": (
        "SS-2",
        "Persentase dosen yang memiliki sertifikat kompetensi/profesi yang diakui industri",
        "%",
        40.0,
    ),
    "IKU-5": (
        "SS-2",
        "Jumlah luaran penelitian dan pengabdian kepada masyarakat yang mendapat rekognisi "
        "internasional atau diterapkan oleh masyarakat",
        "luaran",
        12.0,
    ),
    "IKU-6": (
        "SS-3",
        "Persentase program studi D4/D3 yang melaksanakan kerja sama dengan mitra",
        "%",
        60.0,
    ),
    "IKU-7": (
        "SS-3",
        "Persentase mata kuliah yang menggunakan metode pemecahan kasus atau pembelajaran "
        "kelompok berbasis projek",
        "%",
        50.0,
    ),
    "IKU-8": (
        "SS-3",
        "Persentase program studi yang memiliki akreditasi atau sertifikat internasional",
        "%",
        10.0,
    ),
}
# kode_ikk: (unit, kode_iku, indikator, target, capaian TW I..III)
IKK = {
    "IKK-TI-1": (
        "TI",
        "IKU-1",
        "Persentase lulusan TI yang bekerja dalam 6 bulan",
        85.0,
        (40, 72, 95),
    ),
    "IKK-TI-2": (
        "TI",
        "IKU-2",
        "Persentase mahasiswa TI yang magang di industri",
        35.0,
        (20, 55, 80),
    ),
    "IKK-TI-3": (
        "TI",
        "IKU-3",
        "Persentase dosen TI yang menjadi praktisi di industri",
        30.0,
        (10, 30, 62),
    ),
    "IKK-TI-4": ("TI", "IKU-4", "Persentase dosen TI bersertifikat kompetensi", 45.0, (50, 78, 92)),
    "IKK-TI-5": (
        "TI",
        "IKU-5",
        "Jumlah aplikasi hasil penelitian TI yang diterapkan masyarakat",
        4.0,
        (25, 50, None),
    ),
    "IKK-TI-6": (
        "TI",
        "IKU-9",
        "Jumlah sertifikasi internasional mahasiswa TI",
        20.0,
        (15, 35, 60),
    ),
    "IKK-TM-1": (
        "TM",
        "IKU-1",
        "Persentase lulusan TM yang bekerja dalam 6 bulan",
        80.0,
        (45, 70, 88),
    ),
    "IKK-TM-2": ("TM", "IKU-2", "Persentase mahasiswa TM yang mengikuti MBKM", 25.0, (30, 60, 96)),
    "IKK-TM-3": (
        "TM",
        "IKU-6",
        "Persentase prodi TM dengan mitra industri aktif",
        100.0,
        (50, 75, 100),
    ),
    "IKK-TM-4": ("TM", "IKU-8", "Jumlah prodi TM terakreditasi internasional", 1.0, (0, 0, 0)),
    "IKK-AK-1": (
        "AK",
        "IKU-1",
        "Persentase lulusan Akuntansi yang bekerja dalam 6 bulan",
        75.0,
        (35, 66, 91),
    ),
    "IKK-AK-2": (
        "AK",
        "IKU-3",
        "Persentase dosen Akuntansi yang berkegiatan di luar kampus",
        20.0,
        (20, 45, 71),
    ),
    "IKK-AK-3": (
        "AK",
        "IKU-8",
        "Jumlah prodi Akuntansi dengan sertifikat internasional",
        1.0,
        (0, 0, 30),
    ),
}
ANGGARAN = [
    ("TI", "Pengembangan laboratorium rekayasa perangkat lunak", 1_250_000_000.0),
    ("TI", "Magang industri dan sertifikasi mahasiswa", 420_000_000.0),
    ("TM", "Revitalisasi bengkel pemesinan", 2_100_000_000.0),
    ("TM", "Kerja sama industri manufaktur", 310_500_000.0),
    ("AK", "Pelatihan sertifikasi akuntan dosen dan mahasiswa", 275_000_000.0),
]
TW_TARGET_SHARE = (0.25, 0.5, 0.75, 1.0)  # cumulative RA targets
LATEST_TW = 3


def _capaian_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows = []
    for kode_ikk, (unit, kode_iku, indikator, target, capaian) in IKK.items():
        for tw, value in enumerate(capaian, start=1):
            tw_target = target * TW_TARGET_SHARE[tw - 1]
            zero = kode_ikk == "IKK-TM-4" and tw == 1
            status = status_of(value) if value is not None and not zero else None
            rows.append(
                {
                    "kode_iku": kode_iku,
                    "kode_unit": unit,
                    "nama_unit": UNITS[unit],
                    "kode_ikk": kode_ikk,
                    "indikator": indikator,
                    "tw": tw,
                    "target": 0.0 if zero else tw_target,
                    "realisasi": None if value is None else tw_target * value / 100,
                    "capaian": None if value is None or zero else float(value),
                    "status": status.value if status else None,
                    "predikat": None if value is None or zero else DEFAULT_SCALE.predikat(value),
                    "alasan": "target 0: tidak dapat dihitung"
                    if zero
                    else ("realisasi belum diisi" if value is None else None),
                    **_faktor(kode_ikk, tw),
                    "berkas": FILES[unit],
                    "baris": 8 + tw,
                }
            )
    ikk = pd.DataFrame(rows)
    ikk["capaian"] = ikk["capaian"].astype(float)
    known = ikk[ikk["kode_iku"].isin(IKU)]
    iku = (
        known.groupby(["kode_iku", "tw"])
        .agg(capaian=("capaian", "mean"), jumlah_ikk=("kode_ikk", "count"))
        .reset_index()
    )
    iku.insert(1, "indikator_iku", iku["kode_iku"].map(lambda c: IKU[c][1]))
    iku["status"] = [_status(v) for v in iku["capaian"]]
    iku["predikat"] = [DEFAULT_SCALE.predikat(v) if pd.notna(v) else None for v in iku["capaian"]]
    totals = known.drop_duplicates(["kode_iku", "kode_ikk"]).groupby("kode_iku").size()
    iku["ikk_melapor"] = [
        f"{n} dari {totals[c]}" for c, n in zip(iku["kode_iku"], iku["jumlah_ikk"], strict=True)
    ]
    columns = ["kode_iku", "indikator_iku", "tw", "capaian", "status", "predikat", "jumlah_ikk"]
    iku = iku[[*columns, "ikk_melapor"]]
    unit = (
        ikk.groupby(["kode_unit", "nama_unit", "tw"]).agg(capaian=("capaian", "mean")).reset_index()
    )
    unit["status"] = [_status(v) for v in unit["capaian"]]
    return ikk, iku, unit


def _faktor(kode_ikk: str, tw: int) -> dict[str, str | None]:
    """TI's kendala and tindak lanjut of IKK-TI-3 in TW III (capaian 62), none elsewhere."""
    written = kode_ikk == "IKK-TI-3" and tw == 3
    return {
        "kendala": "Dosen belum mendapat mitra industri" if written else None,
        "tindak_lanjut": "Kerja sama dengan asosiasi industri" if written else None,
    }


def _status(value: float) -> str | None:
    status = status_of(None if pd.isna(value) else float(value))
    return status.value if status else None


def _rekap_pk() -> pd.DataFrame:
    rows = []
    for kode_iku, (ss, indikator_iku, satuan, target) in IKU.items():
        head = {
            "kode_ss": ss,
            "sasaran": SASARAN[ss],
            "kode_iku": kode_iku,
            "indikator_iku": indikator_iku,
            "satuan_iku": satuan,
            "target_iku": target,
        }
        children = [(k, v) for k, v in IKK.items() if v[1] == kode_iku]
        if not children:
            rows.append(head)
        for n, (kode_ikk, (unit, _, indikator, target_ikk, _)) in enumerate(children):
            rows.append(
                head
                | {
                    "kode_unit": unit,
                    "nama_unit": UNITS[unit],
                    "kode_ikk": kode_ikk,
                    "indikator": indikator,
                    "satuan": IKU[kode_iku][2],
                    "arah": "naik",
                    "target": target_ikk,
                    "metode_kaskade": "langsung" if n == 0 else "beban target",
                    "berkas": FILES[unit],
                    "baris": 12 + int(kode_ikk[-1]),
                }
            )
    for kode_ikk, (unit, kode_iku, indikator, target_ikk, _) in IKK.items():
        if kode_iku not in IKU:
            rows.append(
                {
                    "kode_iku": kode_iku,
                    "kode_unit": unit,
                    "nama_unit": UNITS[unit],
                    "kode_ikk": kode_ikk,
                    "indikator": indikator,
                    "satuan": "sertifikat",
                    "arah": "naik",
                    "target": target_ikk,
                    "metode_kaskade": "langsung",
                    "berkas": FILES[unit],
                    "baris": 12 + int(kode_ikk[-1]),
                }
            )
    columns = [
        "kode_ss", "sasaran", "kode_iku", "indikator_iku", "satuan_iku", "target_iku",
        "kode_unit", "nama_unit", "kode_ikk", "indikator", "satuan", "arah", "target",
        "metode_kaskade", "berkas", "baris",
    ]  # fmt: skip
    return pd.DataFrame(rows).reindex(columns=columns)


def _rekap_ra() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for kode_ikk, (unit, kode_iku, indikator, target, _) in IKK.items():
        rows.append(
            {
                "kode_iku": kode_iku,
                "kode_unit": unit,
                "nama_unit": UNITS[unit],
                "kode_ikk": kode_ikk,
                "indikator": indikator,
                "target_pk": target,
                **{f"tw{i}": target * s for i, s in enumerate(TW_TARGET_SHARE, start=1)},
                "berkas": FILES[unit],
                "baris": 20 + int(kode_ikk[-1]),
            }
        )
    ra = pd.DataFrame(rows)
    tws = ["tw1", "tw2", "tw3", "tw4"]
    per_iku = ra.groupby("kode_iku")[tws].mean()
    per_iku["jumlah_ikk"] = ra.groupby("kode_iku").size()
    iku = pd.DataFrame(
        {
            "kode_iku": list(IKU),
            "indikator_iku": [v[1] for v in IKU.values()],
            "target_iku": [v[3] for v in IKU.values()],
        }
    ).merge(per_iku.reset_index(), on="kode_iku", how="left")
    return ra, iku


def _status_units() -> list[StatusUnit]:
    def unit(kode: str, **kw: object) -> StatusUnit:
        base: dict[str, object] = {
            "kode_unit": kode,
            "nama_unit": UNITS[kode],
            "berkas": FILES.get(kode),
            "status": "disahkan",
            "tanggal_pk": date(2025, 2, 20),
            "tanggal_disahkan": date(2025, 2, 21),
            "batas": BATAS,
            "terlambat": False,
            "galat": 0,
            "peringatan": 0,
            "terbaca": True,
        }
        return StatusUnit(**(base | kw))  # type: ignore[arg-type]

    return [
        unit("TI", galat=3, peringatan=1),
        unit("TM", peringatan=1, tanggal_pk=date(2025, 2, 14)),
        unit("AK", tanggal_pk=date(2025, 3, 5), terlambat=True, status="diajukan"),
        unit(
            "BAAK",
            berkas=None,
            status=None,
            tanggal_pk=None,
            tanggal_disahkan=None,
        ),
        unit(
            "P3M",
            status=None,
            tanggal_pk=None,
            tanggal_disahkan=None,
            terbaca=False,
            alasan="berkas terenkripsi dengan kata sandi",
        ),
    ]


def _findings() -> list[Finding]:
    ti, tm = FILES["TI"], FILES["TM"]
    return [
        Finding(
            "pk.target.kosong",
            Severity.GALAT,
            ti,
            "PK Unit",
            "F15",
            15,
            "Target",
            None,
            "PK Unit, baris 15, kolom Target: wajib diisi, tetapi kosong.",
            "Isi sel ini.",
        ),
        Finding(
            "kaskade.ikk.iku_tidak_dikenal",
            Severity.GALAT,
            ti,
            "PK Unit",
            "B18",
            18,
            "Kode IKU",
            "IKU-9",
            "PK Unit, baris 18, kolom Kode IKU: IKK-TI-6 menyebut IKU-9 yang tidak ada di "
            "PK institusi.",
            "Pilih kode IKU dari daftar IKU institusi.",
            ref_file="master-politeknik-negeri-contoh-2025.xlsx",
            ref_sheet="IKU",
            ref_cell="A5:A12",
        ),
        Finding(
            "capaian.kendala.wajib",
            Severity.GALAT,
            ti,
            "Capaian",
            "J11",
            11,
            "Kendala",
            None,
            "Capaian, baris 11: capaian IKK-TI-3 62 % di bawah 100 %, tetapi kendala kosong.",
            "Tulis kendala dan rencana tindak lanjut.",
        ),
        Finding(
            "ra.tw.menurun",
            Severity.PERINGATAN,
            tm,
            "Rencana Aksi",
            "F23",
            23,
            "TW III",
            "0,5",
            "Rencana Aksi, baris 23: target TW III (0,5) lebih kecil dari TW II (0,75).",
            "Periksa kembali: target triwulan biasanya kumulatif.",
        ),
        Finding(
            "kaskade.iku.tidak_diturunkan",
            Severity.PERINGATAN,
            "master-politeknik-negeri-contoh-2025.xlsx",
            "IKU",
            "A11",
            11,
            "Kode IKU",
            "IKU-7",
            "IKU-7 belum diturunkan ke unit mana pun.",
            "Tugaskan IKU-7 kepada paling sedikit satu unit.",
        ),
    ]


def _tree() -> CascadeTree:
    roots = []
    for kode_iku, (_, indikator, satuan, target) in IKU.items():
        children = [
            CascadeNode(
                Level.IKK,
                kode_ikk,
                indikator,
                UNITS[unit],
                target=target_ikk,
                satuan=satuan,
                capaian=None if capaian[-1] is None else float(capaian[-1]),
                status=status_of(capaian[-1]),
                parent_code=kode_iku,
            )
            for kode_ikk, (unit, iku, indikator, target_ikk, capaian) in IKK.items()
            if iku == kode_iku
        ]
        roots.append(
            CascadeNode(
                Level.IKU,
                kode_iku,
                indikator,
                INSTANSI,
                target=target,
                satuan=satuan,
                problem=None if children else Problem.UNCOVERED,
                children=children,
            )
        )
    roots[0].children[0].children.append(
        CascadeNode(Level.RHK, "RHK-1", "Tracer study lulusan TI", "Budi Santoso", 1.0, "laporan")
    )
    orphan = CascadeNode(
        Level.IKK,
        "IKK-TI-6",
        IKK["IKK-TI-6"][2],
        UNITS["TI"],
        target=20.0,
        satuan="sertifikat",
        capaian=60.0,
        status=Status.MERAH,
        problem=Problem.ORPHAN,
        parent_code="IKU-9",
    )
    return CascadeTree(INSTANSI, 2025, roots, [orphan])


def kompilasi_contoh() -> Kompilasi:
    capaian_ikk, capaian_iku, capaian_unit = _capaian_frames()
    rekap_ra, rekap_ra_iku = _rekap_ra()
    anggaran = pd.DataFrame(
        [
            {
                "kode_unit": unit,
                "nama_unit": UNITS[unit],
                "program": program,
                "anggaran": amount,
                "berkas": FILES[unit],
                "baris": 30 + i,
            }
            for i, (unit, program, amount) in enumerate(ANGGARAN)
        ]
    )
    return Kompilasi(
        instansi=INSTANSI,
        tahun=2025,
        batas_pk=BATAS,
        dibuat=datetime(2025, 10, 14, 9, 30),
        ambang_kuning=70.0,
        ambang_hijau=90.0,
        status=_status_units(),
        rekap_pk=_rekap_pk(),
        anggaran=anggaran,
        rekap_ra=rekap_ra,
        rekap_ra_iku=rekap_ra_iku,
        capaian_ikk=capaian_ikk,
        capaian_iku=capaian_iku,
        capaian_unit=capaian_unit,
        temuan=_findings(),
        pohon=_tree(),
        tidak_terbaca=[Unreadable(FILES["P3M"], "berkas terenkripsi dengan kata sandi")],
        baris_dibaca={
            "pk": 13,
            "anggaran": 5,
            "ra": 13,
            "capaian": 39,
            "matriks": 24,
            "ref_iku": 24,
        },
    )


# -- the tests ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Kompilasi, Path]:
    k = kompilasi_contoh()
    path = tmp_path_factory.mktemp("kompilasi") / "kompilasi-2025.xlsx"
    assert write_kompilasi(k, path) == path
    return k, path


@pytest.fixture(scope="module")
def book(written: tuple[Kompilasi, Path]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(written[1])


def _fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:].upper() if cell.fill.fill_type else ""


def _row_of(ws: Any, col: int, value: str) -> int:
    for (cell,) in ws.iter_rows(min_col=col, max_col=col):
        if cell.value == value:
            return int(cell.row)
    raise AssertionError(f"{value!r} not in column {col} of {ws.title}")


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


def test_sheets_in_order(book: openpyxl.Workbook):
    assert (
        book.sheetnames
        == list(SHEET_ORDER)
        == [
            "Ringkasan",
            "Status Pengumpulan",
            "Rekap PK",
            "Rekap Rencana Aksi",
            "Rekap Capaian",
            "Pohon Kinerja",
            "Rekap SKP",
            "Temuan",
        ]
    )
    assert book.active.title == "Ringkasan"


def test_print_setup(book: openpyxl.Workbook):
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    for name in ("Status Pengumpulan", "Rekap PK", "Rekap Rencana Aksi", "Temuan"):
        ws = book[name]
        assert ws.print_title_rows == "$4:$4", name
        assert ws.freeze_panes == "A5", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A4:"), name
    capaian = book["Rekap Capaian"]
    header = _row_of(capaian, 1, "IKU")
    assert capaian.print_title_rows == f"${header}:${header}"
    assert capaian.auto_filter.ref.startswith(f"A{header}:N")


def test_status_pengumpulan(book: openpyxl.Workbook):
    ws = book["Status Pengumpulan"]
    assert [c.value for c in ws[4]] == [
        "Kode", "Unit", "Berkas", "Status", "Tanggal PK", "Batas", "Keterangan", "Galat", "Peringatan",
    ]  # fmt: skip
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    assert list(rows) == ["TI", "TM", "AK", "BAAK", "P3M"]
    red = _hex(PROBLEM_FILL)
    assert rows["TM"][6].value == "Tepat waktu" and _fill(rows["TM"][0]) == ""
    assert rows["AK"][6].value == "Terlambat 5 hari"
    assert all(_fill(c) == red for c in rows["AK"][:7])
    assert rows["BAAK"][2].value == "belum mengirim" and rows["BAAK"][6].value == "Belum mengirim"
    assert _fill(rows["BAAK"][0]) == red
    assert rows["P3M"][6].value == "Tidak terbaca: berkas terenkripsi dengan kata sandi"
    assert _fill(rows["P3M"][0]) == red
    assert (
        rows["AK"][4].value == datetime(2025, 3, 5) and rows["AK"][4].number_format == "dd/mm/yyyy"
    )
    # galat > 0 stands out
    assert rows["TI"][7].value == 3 and _fill(rows["TI"][7]) == _hex(STATUS_FILLS[Status.MERAH])
    assert rows["TI"][7].font.b
    assert _fill(rows["TM"][7]) == "" and rows["TM"][7].value == 0


def test_rekap_pk_groups_ikk_under_their_iku(book: openpyxl.Workbook):
    ws = book["Rekap PK"]
    codes = [c.value for c in ws["A"]]
    iku1 = _row_of(ws, 1, "IKU-1")
    assert codes[iku1 - 2] == "SS-1"  # the sasaran heads its IKU
    head = ws[iku1]
    assert head[0].font.b and head[3].value == 80 and head[2].value == "Institusi"
    assert _fill(head[0]) == _hex(IKU_FILL)
    assert codes[iku1 : iku1 + 3] == ["IKK-TI-1", "IKK-TM-1", "IKK-AK-1"]
    child = ws[iku1 + 1]
    assert not child[0].font.b and child[0].alignment.indent == 1 and child[3].value == 85
    assert child[2].value == "Jurusan Teknik Informatika"
    assert child[7].value == "TI-jurusan-teknik-informatika.xlsx · baris 13"
    # the IKU nobody derived: a red row with a note
    iku7 = ws[_row_of(ws, 1, "IKU-7")]
    assert (
        _fill(iku7[0]) == _hex(PROBLEM_FILL)
        and iku7[8].value == "Belum diturunkan ke unit mana pun"
    )
    assert codes[iku7[0].row] == "IKU-8"  # no IKK under IKU-7
    # the orphan, at the end of the table, under its own heading
    orphan = _row_of(ws, 1, "IKK-TI-6")
    assert str(ws.cell(orphan - 1, 2).value).startswith("IKK tanpa IKU induk")
    assert ws.cell(orphan, 9).value == "IKU induk IKU-9 tidak ada"
    assert orphan > max(_row_of(ws, 1, c) for c in IKK if c != "IKK-TI-6")
    assert ws.auto_filter.ref == f"A4:J{orphan}"  # to Sasaran Kegiatan Unit


def test_rekap_pk_anggaran_per_unit_and_total(book: openpyxl.Workbook):
    ws = book["Rekap PK"]
    header = _row_of(ws, 3, "Anggaran (Rp)")
    block = [(r[0].value, r[1].value, r[2].value) for r in ws.iter_rows(min_row=header + 1)]
    assert block[0] == ("TI", "Jurusan Teknik Informatika", 1_670_000_000)
    assert block[1] == (None, "Pengembangan laboratorium rekayasa perangkat lunak", 1_250_000_000)
    assert ("TM", "Jurusan Teknik Mesin", 2_410_500_000) in block
    assert block[-1] == (None, "Jumlah anggaran seluruh unit", sum(a for *_, a in ANGGARAN))
    assert ws.cell(header + len(block), 3).number_format == "#,##0"


def test_rekap_ra(book: openpyxl.Workbook):
    ws = book["Rekap Rencana Aksi"]
    assert [c.value for c in ws[4]][:9] == [
        "Kode", "Indikator Kinerja", "Unit", "Target PK", "TW I", "TW II", "TW III", "TW IV", "Jumlah IKK",
    ]  # fmt: skip
    iku1 = _row_of(ws, 1, "IKU-1")
    head = [c.value for c in ws[iku1]]
    assert head[4:9] == [20, 40, 60, 80, 3] and ws.cell(iku1, 1).font.b  # mean of 3 IKK
    assert [ws.cell(iku1 + i, 1).value for i in (1, 2, 3)] == ["IKK-TI-1", "IKK-TM-1", "IKK-AK-1"]
    assert [c.value for c in ws[iku1 + 1]][3:8] == [85, 21.25, 42.5, 63.75, 85]
    assert _fill(ws.cell(_row_of(ws, 1, "IKU-7"), 1)) == _hex(PROBLEM_FILL)
    assert str(ws.cell(_row_of(ws, 1, "IKK-TI-6") - 1, 2).value).startswith("IKK tanpa IKU induk")


def test_rekap_capaian_tables_and_status_colours(book: openpyxl.Workbook):
    ws = book["Rekap Capaian"]
    # A. IKU pivot: TW I..IV in E..H, status, predikat and how many of its IKK reported the
    # latest quarter
    iku1 = _row_of(ws, 1, "IKU-1")
    assert [c.value for c in ws[iku1 - 1]][4:11] == [
        "TW I", "TW II", "TW III", "TW IV", "Status TW III", "Predikat", "IKK melapor",
    ]  # fmt: skip
    expected = (40 + 45 + 35) / 3
    assert ws.cell(iku1, 5).value == pytest.approx(expected)
    assert ws.cell(iku1, 7).value == pytest.approx((95 + 88 + 91) / 3)
    assert ws.cell(iku1, 8).value is None  # no TW IV yet
    assert ws.cell(iku1, 9).value == "hijau" and ws.cell(iku1, 11).value == "3 dari 3"
    assert _fill(ws.cell(iku1, 5)) == _hex(STATUS_FILLS[Status.MERAH])
    assert _fill(ws.cell(iku1, 7)) == _hex(STATUS_FILLS[Status.HIJAU])
    # C. every IKK per quarter
    header = _row_of(ws, 1, "IKU")
    assert [c.value for c in ws[header]][:14] == [
        "IKU", "Unit", "Kode IKK", "Indikator Kinerja", "TW", "Target", "Realisasi",
        "Capaian (%)", "Status", "Predikat", "Keterangan", "Kendala", "Tindak Lanjut",
        "Faktor Pendukung",
    ]  # fmt: skip
    assert {c.value for c in ws[header][14:]} <= {None}  # section A's last column
    rows = list(ws.iter_rows(min_row=header + 1, values_only=True))
    assert len(rows) == 39
    assert [r[0] for r in rows[:9]] == ["IKU-1"] * 9  # grouped by IKU
    late = next(
        r
        for r in ws.iter_rows(min_row=header + 1)
        if r[2].value == "IKK-TI-3" and r[4].value == "TW III"
    )
    assert late[7].value == 62 and late[8].value == "merah" and late[9].value == "Kurang"
    # what the unit wrote for that quarter, beside its capaian; nothing where it wrote none
    assert [c.value for c in late[11:13]] == [
        "Dosen belum mendapat mitra industri",
        "Kerja sama dengan asosiasi industri",
    ]
    assert late[11].alignment.wrap_text
    others = [r[11:13] for r in rows if r[2] != "IKK-TI-3" or r[4] != "TW III"]
    assert others == [(None, None)] * (len(rows) - 1)
    assert _fill(late[7]) == _hex(STATUS_FILLS[Status.MERAH]) == _fill(late[8])
    assert late[7].number_format == "0.00"
    zero = next(
        r
        for r in ws.iter_rows(min_row=header + 1)
        if r[2].value == "IKK-TM-4" and r[4].value == "TW I"
    )
    assert zero[7].value is None and zero[10].value == "target 0: tidak dapat dihitung"
    assert _fill(zero[7]) == _hex(STATUS_FILLS[None])
    # B. units, lowest capaian in TW III first
    unit_header = _row_of(ws, 2, "Unit")
    units = [ws.cell(unit_header + i, 1).value for i in (1, 2, 3)]
    assert units == ["AK", "TM", "TI"]


def _chart_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")}


def test_rekap_capaian_has_native_charts_fed_by_the_sheet(
    written: tuple[Kompilasi, Path], book: openpyxl.Workbook
):
    _, path = written
    ws = book["Rekap Capaian"]
    assert len(ws._charts) == 3
    charts = _chart_parts(path)
    assert len(charts) == 3
    kinds = {n: re.findall(r"<c:(barChart|lineChart)>", x)[0] for n, x in charts.items()}
    bar_dirs = {n: re.findall(r'<c:barDir val="(\w+)"/>', x) for n, x in charts.items()}
    refs = {n: re.findall(r"<c:f>([^<]*)</c:f>", x) for n, x in charts.items()}
    first, last = _row_of(ws, 1, "IKU-1"), _row_of(ws, 1, "IKU-8")
    # capaian per IKU, latest quarter (TW III = column G): a column chart
    column = next(n for n in charts if bar_dirs[n] == ["col"])
    assert refs[column] == [
        f"'Rekap Capaian'!$A${first}:$A${last}",
        f"'Rekap Capaian'!$G${first}:$G${last}",
    ]
    # trend: one line per IKU over TW I..IV
    line = next(n for n, kind in kinds.items() if kind == "lineChart")
    header = first - 1
    assert refs[line][:3] == [
        f"'Rekap Capaian'!$A${first}",
        f"'Rekap Capaian'!$E${header}:$H${header}",
        f"'Rekap Capaian'!$E${first}:$H${first}",
    ]
    assert len(refs[line]) == 3 * len(IKU)
    # capaian per unit: a bar chart over the unit table (names in B, TW III in G)
    bar = next(n for n in charts if bar_dirs[n] == ["bar"])
    units = _row_of(ws, 1, "AK")
    assert refs[bar] == [
        f"'Rekap Capaian'!$B${units}:$B${units + 2}",
        f"'Rekap Capaian'!$G${units}:$G${units + 2}",
    ]
    # the charts sit on Rekap Capaian
    with zipfile.ZipFile(path) as z:
        sheet = f"xl/worksheets/_rels/sheet{SHEET_ORDER.index('Rekap Capaian') + 1}.xml.rels"
        drawing = re.findall(r'Target="../drawings/(drawing\d+.xml)"', z.read(sheet).decode())[0]
        rels = z.read(f"xl/drawings/_rels/{drawing}.rels").decode()
    assert sorted(re.findall(r"charts/(chart\d+.xml)", rels)) == sorted(
        n.rsplit("/", 1)[1] for n in charts
    )


def test_temuan_lists_unreadable_files_first_then_every_finding(book: openpyxl.Workbook):
    k = kompilasi_contoh()
    ws = book["Temuan"]
    assert [c.value for c in ws[4]] == [
        "Berkas", "Tingkat", "Kode", "Lembar", "Sel", "Kolom", "Nilai", "Pesan", "Saran", "Induk",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=5))
    assert len(rows) == len(k.temuan) + len(k.tidak_terbaca) == 6
    first = [c.value for c in rows[0]]
    assert first[:3] == [FILES["P3M"], "galat", "berkas.tidak_terbaca"]
    assert first[7] == "berkas terenkripsi dengan kata sandi"
    assert [r[2].value for r in rows[1:]] == [f.code for f in k.temuan]
    orphan = [c.value for c in rows[2]]
    assert orphan[3:7] == ["PK Unit", "B18", "Kode IKU", "IKU-9"]
    assert orphan[9] == "master-politeknik-negeri-contoh-2025.xlsx · IKU!A5:A12"
    galat, peringatan = rows[1], rows[4]
    assert _fill(galat[7]) == _hex(PROBLEM_FILL) and _fill(rows[0][0]) == _hex(PROBLEM_FILL)
    assert _fill(peringatan[7]) == "" and peringatan[1].value == "peringatan"


def test_rows_written_equal_the_rows_given(written: tuple[Kompilasi, Path]):
    k, _ = written
    expected = {
        "status": len(k.status),
        "rekap_pk": len(k.rekap_pk),
        "anggaran": len(k.anggaran),
        "rekap_ra": len(k.rekap_ra),
        "rekap_ra_iku": len(k.rekap_ra_iku),
        "capaian_ikk": len(k.capaian_ikk),
        "capaian_iku": len(k.capaian_iku),
        "capaian_unit": len(k.capaian_unit),
        "pohon": sum(1 for _ in k.pohon.walk()),
        "rekap_skp": len(k.rekap_skp),
        "temuan": len(k.temuan),
        "tidak_terbaca": len(k.tidak_terbaca),
    }
    assert k.baris_ditulis == expected


def test_cover(book: openpyxl.Workbook):
    ws = book["Ringkasan"]
    values = {
        r[0].value: r[2].value
        for r in ws.iter_rows()
        if isinstance(r[0].value, str) and r[2].value is not None
    }
    assert ws["A1"].value == "KOMPILASI KINERJA" and ws["A2"].value == INSTANSI
    assert values["Unit dalam master"] == 5
    assert values["Berkas diterima"] == 4
    assert values["Tepat waktu"] == 2
    assert values["Terlambat"] == 1
    assert values["Belum mengirim"] == 1
    assert values["Unit dengan galat"] == 1
    assert values["Berkas tidak terbaca"] == 1
    assert values["IKU-1"] == pytest.approx((95 + 88 + 91) / 3)  # latest TW: TW III
    assert values["Perjanjian Kinerja (IKK unit)"] == 13  # read 13, written 13 ...
    assert ws.cell(_row_of(ws, 1, "Perjanjian Kinerja (IKK unit)"), 5).value == "sesuai"
    assert any(c.value == "Kepala Unit Perencanaan" for row in ws.iter_rows() for c in row)


def test_the_compiled_workbook_reads_back_with_calamine(written: tuple[Kompilasi, Path]):
    from python_calamine import CalamineWorkbook

    _, path = written
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == list(SHEET_ORDER)
    rows = wb.get_sheet_by_name("Rekap Capaian").to_python()
    assert sum(1 for r in rows if r and str(r[2]).startswith("IKK-")) == 39


def test_written_atomically_over_an_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "kompilasi.xlsx"
    path.write_bytes(b"lama")

    def broken(buku: object) -> dict[str, int]:
        raise RuntimeError("rusak di tengah jalan")

    with monkeypatch.context() as m:
        m.setattr("xlkinerja.render.rekap.writer.write_temuan", broken)
        with pytest.raises(RuntimeError, match="rusak"):
            write_kompilasi(kompilasi_contoh(), path)
    assert path.read_bytes() == b"lama" and sorted(tmp_path.iterdir()) == [path]
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # never swapped, even on failure
    write_kompilasi(kompilasi_contoh(), path)
    assert zipfile.is_zipfile(path) and sorted(tmp_path.iterdir()) == [path]
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile


def test_a_fast_block_is_the_same_as_xlsxwriter_cells(tmp_path: Path):
    """FastWorksheet.add_rows writes what write_string/write_number/... would have."""
    rows: list[list[object]] = [
        ["a", 1.5, None, date(2025, 2, 28), True],
        ["b & <c> \u00e9", float("nan"), "x", None, False],
        [" lead", 3, "x", date(2025, 3, 1), None],
        ["", -0.25, "y", None, None],
    ]
    looks: dict[str, list[object]] = {}
    for mode in ("fast", "slow"):
        wb = xlsxwriter.Workbook(str(tmp_path / f"{mode}.xlsx"))
        ws = wb.add_worksheet("S", worksheet_class=FastWorksheet)
        bold = wb.add_format({"bold": True, "border": 1})
        red = wb.add_format({"bg_color": "#FF0000", "num_format": "dd/mm/yyyy"})
        per_row = [bold, red, bold, red]
        ws.write_string(0, 0, "judul", bold)
        if mode == "fast":
            columns = list(zip(*rows, strict=True))
            ws.add_rows(
                1,
                [
                    BlockColumn(list(columns[0]), bold),
                    BlockColumn(pd.Series(columns[1], dtype=float), per_row),
                    BlockColumn(list(columns[2]), red),
                    BlockColumn(list(columns[3]), red),
                    BlockColumn(list(columns[4]), per_row),
                ],
                heights=[None, 30, None, 45],
            )
        else:
            for r, row in enumerate(rows, start=1):
                formats = [bold, per_row[r - 1], red, red, per_row[r - 1]]
                for c, value in enumerate(row):
                    fmt = formats[c]
                    if (
                        value is None
                        or value == ""
                        or (isinstance(value, float) and math.isnan(value))
                    ):
                        ws.write_blank(r, c, None, fmt)
                    elif isinstance(value, bool):
                        ws.write_boolean(r, c, value, fmt)
                    elif isinstance(value, str):
                        ws.write_string(r, c, value, fmt)
                    elif isinstance(value, date):
                        ws.write_datetime(r, c, value, fmt)
                    else:
                        ws.write_number(r, c, value, fmt)
            ws.set_row(2, 30)
            ws.set_row(4, 45)
        ws.write_string(6, 0, "sesudah", bold)
        wb.close()
        sheet = openpyxl.load_workbook(tmp_path / f"{mode}.xlsx")["S"]
        looks[mode] = [
            [(c.value, c.font.b, _fill(c), c.number_format, c.border.left.style) for c in row]
            for row in sheet.iter_rows()
        ] + [[sheet.row_dimensions[r].height for r in range(1, 8)], [sheet.dimensions]]
    assert looks["fast"] == looks["slow"]


def test_a_fast_block_refuses_cells_written_inside_it(tmp_path: Path):
    wb = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    ws = wb.add_worksheet("S", worksheet_class=FastWorksheet)
    fmt = wb.add_format({})
    ws.add_rows(1, [BlockColumn(["a", "b", "c"], fmt)])
    with pytest.raises(ValueError, match="overlap"):
        ws.add_rows(3, [BlockColumn(["d"], fmt)])
    ws.write_string(2, 3, "in the block", fmt)
    with pytest.raises(ValueError, match="inside a block"):
        wb.close()


@pytest.mark.libreoffice
def test_libreoffice_prints_every_sheet_with_charts(
    written: tuple[Kompilasi, Path], tmp_path: Path
):
    _, path = written
    pdf = lo.convert([path], "pdf", tmp_path / "pdf", tmp_path / "profile")[0]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= len(SHEET_ORDER)


def test_an_empty_compilation_still_makes_every_sheet(tmp_path: Path):
    empty = pd.DataFrame()
    k = Kompilasi(
        instansi="",
        tahun=None,
        batas_pk=None,
        dibuat=datetime(2025, 1, 6, 8, 0),
        ambang_kuning=70.0,
        ambang_hijau=90.0,
        status=[],
        rekap_pk=empty,
        anggaran=empty,
        rekap_ra=empty,
        rekap_ra_iku=empty,
        capaian_ikk=empty,
        capaian_iku=empty,
        capaian_unit=empty,
        temuan=[],
        pohon=CascadeTree("", None),
    )
    path = write_kompilasi(k, tmp_path / "kosong.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEET_ORDER)
    assert not book["Rekap Capaian"]._charts
    assert set(k.baris_ditulis.values()) == {0}


def test_status_colours_come_from_the_thresholds_when_the_compiler_gave_none(tmp_path: Path):
    k = kompilasi_contoh()
    k.capaian_ikk = k.capaian_ikk.assign(status=None)
    k.ambang_kuning, k.ambang_hijau = 60.0, 80.0  # the master's own thresholds
    ws = openpyxl.load_workbook(write_kompilasi(k, tmp_path / "k.xlsx"))["Rekap Capaian"]
    header = _row_of(ws, 1, "IKU")
    by_key = {(r[2].value, r[4].value): r for r in ws.iter_rows(min_row=header + 1)}
    ti3 = by_key["IKK-TI-3", "TW III"]  # 62 %: kuning between 60 and 80
    assert ti3[8].value == "kuning" and _fill(ti3[7]) == _hex(STATUS_FILLS[Status.KUNING])
    tm1 = by_key["IKK-TM-1", "TW III"]  # 88 %: hijau above 80
    assert tm1[8].value == "hijau"
    zero = by_key["IKK-TM-4", "TW I"]  # no capaian: no colour
    assert zero[8].value is None and _fill(zero[7]) == _hex(STATUS_FILLS[None])
