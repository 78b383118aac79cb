"""`xlkinerja dokumen`: the documents of the cycle — the Perjanjian Kinerja and the Rencana
Aksi to sign (PDF) and chapter III of the Laporan Kinerja (xlsx, docx, PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import (
    DariArsip,
    MasterPilihan,
    OutputFormat,
    TahunArsip,
    Triwulan,
    err,
    friendly_errors,
)
from xlkinerja.cli.render import show

app = typer.Typer(
    suggest_commands=False,  # click suggests already (cli/bahasa.py)
    help="Dokumen siklus kinerja: Perjanjian Kinerja dan Rencana Aksi (PDF), Laporan Kinerja "
    "bab III, dan rumusan hasil pembahasan capaian kinerja per triwulan.",
    no_args_is_help=True,
)

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="teks atau json (ringkasan ke stdout).")
]
MasterKop = Annotated[
    Path | None,
    typer.Option(
        "--master",
        "-m",
        help="Workbook master: kop (logo dan alamat) dokumen. Tanpa ini: kop dari master "
        "yang ikut diberikan, bila ada; selain itu tanpa kop.",
    ),
]
ArsipPengesahan = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Arsip tempat pengesahan kiriman unit dicatat (xlkinerja arsip setujui): berkas "
        "SQLite atau URL postgresql://... (bawaan: SQLite di folder data pengguna). "
        "Dokumen unit yang belum disetujui di sini bertanda DRAF.",
    ),
]


@app.command("pk")
@friendly_errors
def pk(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbook unit (PK unit) atau workbook master (PK institusi).",
            metavar="UNIT.xlsx|MASTER.xlsx...",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder PDF.")],
    triwulan: Annotated[
        bool,
        typer.Option("--triwulan", help="Lampiran memuat target TW I–IV dari Rencana Aksi."),
    ] = False,
    master: MasterKop = None,
    db: ArsipPengesahan = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Tulis Perjanjian Kinerja siap tanda tangan (PDF A4): pernyataan dan lampiran
    (indikator, target, program dan anggaran), dengan kop dan nomor bila diisi. PK
    institusi: dua pihak (pimpinan dan atasannya) atau satu pihak (Jenis PK di master).
    Rencana Aksi: xlkinerja dokumen ra.

    Selama workbook masih memuat galat atau kirimannya belum disetujui di arsip (xlkinerja
    arsip setujui), setiap halaman bertanda DRAF dengan alasannya; PK final memuat siapa
    yang menyetujui, NIP, tanggal dan versinya.

    Isian yang tidak ada di workbook (mis. NIP atasan) dicetak sebagai garis titik-titik
    untuk diisi tangan, dan disebutkan di keluaran perintah.

    Contoh: xlkinerja dokumen pk TI.xlsx --master master.xlsx --output dokumen/

    Contoh: xlkinerja dokumen pk master.xlsx --output dokumen/
    """
    from xlkinerja.jobs.dokumen_pk import write_pk

    result = write_pk(paths, output, triwulan=triwulan, master=master, db=db)
    show(result, err, as_json=format == OutputFormat.json)


@app.command("ra")
@friendly_errors
def ra(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Workbook unit.", metavar="UNIT.xlsx..."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder PDF.")],
    master: MasterKop = None,
    db: ArsipPengesahan = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Tulis Rencana Aksi unit sebagai dokumen sendiri siap tanda tangan (PDF A4): per
    IKK target TW I–IV, rencana aksi dan penanggung jawab, dengan lembar pengesahan
    (disusun oleh kepala unit = PIHAK PERTAMA PK; disahkan oleh, tanggal disahkan: lembar
    Rencana Aksi; tempat: lembar PK).

    Isian pengesahan yang kosong dicetak sebagai garis titik-titik dan disebutkan. Bertanda
    DRAF di setiap halaman (dengan alasannya) selama workbook memuat galat atau kirimannya
    belum disetujui di arsip.

    Contoh: xlkinerja dokumen ra TI.xlsx --master master.xlsx --output dokumen/
    """
    from xlkinerja.jobs.dokumen_ra import write_ra

    result = write_ra(paths, output, master=master, db=db)
    show(result, err, as_json=format == OutputFormat.json)


@app.command("lkj")
@friendly_errors
def lkj(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder hasil.")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Rekap hasil kompilasi (rekap-kinerja.xlsx), atau workbook unit (berkas atau "
            "folder, rekursif); tanpa ini: --dari-arsip.",
            metavar="[REKAP.xlsx|BERKAS...]",
        ),
    ] = None,
    master: MasterPilihan = None,
    dari_arsip: DariArsip = False,
    tahun: TahunArsip = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Arsip (data tahun-tahun sebelumnya; dengan --dari-arsip juga tahun ini; "
            "master bila --master tidak diberikan): berkas SQLite atau URL "
            "postgresql://... (bawaan: SQLite di folder data pengguna).",
        ),
    ] = None,
    triwulan: Triwulan = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Tulis Laporan Kinerja bab III (Akuntabilitas Kinerja) sebagai .xlsx, .docx dan PDF.

    Per sasaran strategis dan IKU: target, realisasi dan capaian tahun ini, realisasi dan
    capaian tahun-tahun sebelumnya dari arsip, target akhir Renstra dan kemajuannya,
    analisis faktor (kendala dan tindak lanjut dari lembar Capaian), anggaran, dan grafik
    per sasaran (sasaran tanpa data capaian: tanpa grafik, dokumen menyebutkannya). Angka
    sama dengan Rekap Capaian hasil kompilasi.

    Dari rekap hasil kompilasi (tanpa workbook unit): angka, kendala dan anggaran seperti
    tertulis di rekap; sasaran, IKU, target Renstra dan program dari --master, atau dari
    master tahun rekap di arsip.

    Contoh: xlkinerja dokumen lkj rekap-kinerja.xlsx --master master.xlsx --output lkj/

    Contoh: xlkinerja dokumen lkj unit/ --master master.xlsx --output lkj/

    Contoh: xlkinerja dokumen lkj --dari-arsip --db postgresql://server/kinerja --output lkj/
    """
    from xlkinerja.jobs import inputs
    from xlkinerja.jobs.lkj import write_lkj_chapter

    asked = inputs.Asked(paths or [], dari_arsip, master, tahun, db)
    example = "xlkinerja dokumen lkj rekap-kinerja.xlsx --output lkj/"
    given = inputs.resolve_input(asked, inputs.Accepts.EITHER, example=example)
    result = write_lkj_chapter(given, output=output, master=master, db=db, triwulan=triwulan)
    show(result, err, as_json=format == OutputFormat.json)


@app.command("rumusan")
@friendly_errors
def rumusan(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder hasil.")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Rekap hasil kompilasi (rekap-kinerja.xlsx), atau workbook unit (berkas atau "
            "folder, rekursif); tanpa ini: --dari-arsip.",
            metavar="[REKAP.xlsx|BERKAS...]",
        ),
    ] = None,
    triwulan: Triwulan = None,
    master: MasterPilihan = None,
    dari_arsip: DariArsip = False,
    tahun: TahunArsip = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Arsip tempat rumusan pembahasan dicatat (xlkinerja arsip bahas); dengan "
            "--dari-arsip juga workbook unitnya: berkas SQLite atau URL postgresql://... "
            "(bawaan: SQLite di folder data pengguna).",
        ),
    ] = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Tulis Rumusan Hasil Pembahasan Capaian Kinerja satu triwulan (.xlsx dan PDF A4).

    Hasil rapat pembahasan Tim SAKIP (SOP-SPMI-601): per IKU capaian s.d. TW n (angka
    yang sama dengan Rekap Capaian), kendala dan tindak lanjut yang ditulis unit untuk TW
    n, rumusan setiap unit yang dicatat di arsip (rekomendasi, kendala, tindak lanjut,
    tanggal, oleh siapa), serta pemeriksaan dan persetujuannya. Unit yang belum dibahas
    disebutkan.

    Contoh: xlkinerja dokumen rumusan rekap-kinerja.xlsx --triwulan 2 --output dokumen/

    Contoh: xlkinerja dokumen rumusan --dari-arsip --triwulan 2 --db arsip.sqlite --output dok/
    """
    from xlkinerja.jobs import inputs
    from xlkinerja.jobs.rumusan import write_rumusan_pembahasan

    asked = inputs.Asked(paths or [], dari_arsip, master, tahun, db)
    example = "xlkinerja dokumen rumusan rekap-kinerja.xlsx --triwulan 2 --output dokumen/"
    given = inputs.resolve_input(asked, inputs.Accepts.EITHER, example=example)
    result = write_rumusan_pembahasan(given, output=output, db=db, triwulan=triwulan)
    show(result, err, as_json=format == OutputFormat.json)
