"""`xlkinerja arsip`: the archive of compiled submissions (list, versions, changes, purge),
and the review and approval of a unit's submission (status, bahas, periksa, setujui,
kembalikan: SOP-SPMI-601)."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Annotated

import typer

from xlkinerja.cli.common import OutputFormat, err, friendly_errors
from xlkinerja.cli.render import render, say, show
from xlkinerja.errors import ErrorCode, XlkinerjaError

app = typer.Typer(
    suggest_commands=False,  # click suggests already (cli/bahasa.py)
    help="Arsip kiriman yang telah dikompilasi: daftar, versi, perubahan, retensi, serta "
    "pembahasan dan pengesahan kiriman unit.",
    no_args_is_help=True,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Berkas SQLite atau URL postgresql://... (bawaan: SQLite di folder data pengguna).",
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
]


UnitArgument = Annotated[str, typer.Argument(help="Kode unit, mis. TI.")]
TahunOption = Annotated[int, typer.Option("--tahun", help="Tahun kiriman (wajib).")]
VersiOption = Annotated[
    int | None,
    typer.Option(
        "--versi",
        help="Versi yang dimaksud (bawaan: kiriman terakhir tahun itu); untuk "
        "mencatat langkah hanya kiriman terakhir yang diterima.",
    ),
]
NamaOption = Annotated[str, typer.Option("--nama", help="Nama yang melakukan langkah ini.")]
NipOption = Annotated[str, typer.Option("--nip", help="NIP-nya (18 angka; spasi boleh).")]
TanggalOption = Annotated[
    str | None,
    typer.Option("--tanggal", help="Tanggal langkah ini, mis. 2026-04-20 (bawaan: hari ini)."),
]


@app.command("daftar")
@friendly_errors
def daftar(
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Semua versi unit ini.")] = None,
    tahun: Annotated[int | None, typer.Option("--tahun", help="Hanya tahun ini.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Daftar kiriman terakhir setiap unit, atau semua versi satu unit.

    Contoh: xlkinerja arsip daftar --tahun 2025

    Contoh: xlkinerja arsip daftar --unit TI
    """
    from xlkinerja.jobs.arsip import daftar as list_archive  # here: the CLI starts quickly

    show(list_archive(db, unit=unit, tahun=tahun), err, as_json=format == OutputFormat.json)


@app.command("beda")
@friendly_errors
def beda(
    unit: Annotated[str, typer.Argument(help="Kode unit (atau NIP untuk SKP).")],
    lama: Annotated[int, typer.Argument(help="Versi lama.")],
    baru: Annotated[int, typer.Argument(help="Versi baru.")],
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Apa yang berubah antara dua versi workbook satu unit: sel dan target.

    Contoh: xlkinerja arsip beda TI 1 2
    """
    from xlkinerja.jobs.arsip import beda as diff_versions

    show(diff_versions(db, unit, lama, baru), err, as_json=format == OutputFormat.json)


@app.command("bersihkan")
@friendly_errors
def bersihkan(
    tahun_simpan: Annotated[
        int,
        typer.Option("--tahun-simpan", help="Simpan versi selama sekian tahun (retensi, 1–100)."),
    ] = 5,
    coba: Annotated[
        bool,
        typer.Option("--coba", help="Hanya tampilkan versi yang akan dihapus; tidak menghapus."),
    ] = False,
    ya: Annotated[
        bool, typer.Option("--ya", "-y", help="Hapus tanpa bertanya (untuk skrip).")
    ] = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Hapus versi yang lebih tua dari masa retensi (bawaan 5 tahun).

    Versi yang akan dihapus ditampilkan lebih dulu dan dihapus setelah dijawab 'y';
    --coba hanya menampilkannya, --ya menghapus tanpa bertanya.

    Contoh: xlkinerja arsip bersihkan --tahun-simpan 5 --coba

    Contoh: xlkinerja arsip bersihkan --tahun-simpan 5 --ya
    """
    from xlkinerja.jobs.arsip import bersihkan as purge
    from xlkinerja.jobs.arsip import rencana_bersihkan

    as_json = format == OutputFormat.json
    plan = rencana_bersihkan(db, years=tahun_simpan)
    if coba or not plan.ids:
        show(plan, err, as_json=as_json)
        return
    if not ya:
        render(plan.listing(), err)
        if not _confirmed(f"Hapus {len(plan.ids)} versi ini dari arsip?"):
            cancelled = replace(plan, trial=False, cancelled=True)
            if as_json:
                show(cancelled, err, as_json=True)
            else:
                say(err, "Dibatalkan: tidak ada versi yang dihapus.")
            return
    show(purge(db, years=tahun_simpan, only=plan.ids), err, as_json=as_json)


@app.command("status")
@friendly_errors
def status(
    unit: UnitArgument,
    tahun: TahunOption,
    versi: VersiOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Riwayat pembahasan dan pengesahan kiriman terakhir unit pada tahun itu.

    Tahapnya (SOP-SPMI-601): diajukan → dibahas → diperiksa → disetujui; dikembalikan
    mengulang pembahasan.

    Contoh: xlkinerja arsip status TI --tahun 2026
    """
    from xlkinerja.jobs.pengesahan import status as review

    show(review(db, unit, tahun, versi=versi), err, as_json=format == OutputFormat.json)


@app.command("bahas")
@friendly_errors
def bahas(
    unit: UnitArgument,
    tahun: TahunOption,
    rekomendasi: Annotated[str, typer.Option("--rekomendasi", help="Rekomendasi rapat.")],
    kendala: Annotated[str, typer.Option("--kendala", help="Kendala yang dibahas.")],
    tindak_lanjut: Annotated[
        str, typer.Option("--tindak-lanjut", help="Tindak lanjut yang disepakati.")
    ],
    nama: NamaOption,
    nip: NipOption,
    tanggal: TanggalOption = None,
    versi: VersiOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Catat rapat pembahasan Tim SAKIP atas kiriman terakhir unit: rumusan hasilnya.

    --nama dan --nip: yang mencatat rumusan (ketua atau notulis Tim SAKIP).

    Contoh: xlkinerja arsip bahas TI --tahun 2026 --nama "Ani" \\
      --nip 198001012005012001 --rekomendasi "Percepat pengadaan" \\
      --kendala "Anggaran terlambat" --tindak-lanjut "Jadwal ulang TW III"
    """
    rumusan = (rekomendasi, kendala, tindak_lanjut)
    _record(db, unit, tahun, "dibahas", nama, nip, tanggal, versi, format, rumusan=rumusan)


@app.command("periksa")
@friendly_errors
def periksa(
    unit: UnitArgument,
    tahun: TahunOption,
    nama: NamaOption,
    nip: NipOption,
    tanggal: TanggalOption = None,
    versi: VersiOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Catat bahwa hasil pembahasan kiriman terakhir unit telah diperiksa (Kabag/Kasubag).

    Contoh: xlkinerja arsip periksa TI --tahun 2026 --nama "Budi" --nip 197501012000031001
    """
    _record(db, unit, tahun, "diperiksa", nama, nip, tanggal, versi, format)


@app.command("setujui")
@friendly_errors
def setujui(
    unit: UnitArgument,
    tahun: TahunOption,
    nama: NamaOption,
    nip: NipOption,
    tanggal: TanggalOption = None,
    versi: VersiOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Catat persetujuan (Direktur) atas kiriman terakhir unit yang telah diperiksa.

    Versi yang disetujui tidak berubah lagi; perubahan dikirim sebagai versi baru.

    Contoh: xlkinerja arsip setujui TI --tahun 2026 --nama "Citra" --nip 196903031995122001
    """
    _record(db, unit, tahun, "disetujui", nama, nip, tanggal, versi, format)


@app.command("kembalikan")
@friendly_errors
def kembalikan(
    unit: UnitArgument,
    tahun: TahunOption,
    alasan: Annotated[str, typer.Option("--alasan", help="Apa yang perlu diperbaiki.")],
    nama: NamaOption,
    nip: NipOption,
    tanggal: TanggalOption = None,
    versi: VersiOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Kembalikan kiriman yang sudah dibahas atau diperiksa untuk dibahas ulang.

    Bila workbook perlu diubah, unit mengirim versi baru, yang mulai dari tahap diajukan.

    Contoh: xlkinerja arsip kembalikan TI --tahun 2026 --nama "Budi" \\
      --nip 197501012000031001 --alasan "Target TW II tidak sesuai PK"
    """
    _record(db, unit, tahun, "dikembalikan", nama, nip, tanggal, versi, format, alasan=alasan)


def _record(
    db: str | None,
    unit: str,
    tahun: int,
    tahap: str,
    nama: str,
    nip: str,
    tanggal: str | None,
    versi: int | None,
    format: OutputFormat,
    *,
    rumusan: tuple[str, str, str] = ("", "", ""),
    alasan: str | None = None,
) -> None:
    """One step recorded and the review shown (`rumusan`: rekomendasi, kendala, tindak
    lanjut of dibahas; `alasan` of dikembalikan)."""
    from xlkinerja.jobs.pengesahan import catat

    rekomendasi, kendala, tindak_lanjut = rumusan
    result = catat(
        db, unit, tahun, tahap, nama=nama, nip=nip, tanggal=tanggal, versi=versi,
        rekomendasi=rekomendasi, kendala=kendala, tindak_lanjut=tindak_lanjut, alasan=alasan,
    )  # fmt: skip
    show(result, err, as_json=format == OutputFormat.json)


def _confirmed(question: str) -> bool:
    """y/ya: yes; t/tidak or an empty answer: no. No answer at all (no terminal, a script)
    is a usage error: a script says --ya."""
    err.print(f"{question} [y/t] ", end="", markup=False, highlight=False)
    answer = sys.stdin.readline()
    if not sys.stdin.isatty():
        err.print()  # the answer typed ends the line; one read from a pipe does not
    if not answer:
        raise XlkinerjaError(
            "penghapusan perlu dijawab 'y', tetapi tidak ada jawaban (bukan di terminal).",
            code=ErrorCode.OPSI_TANPA_JAWABAN,
            hint="Dalam skrip tambahkan --ya; --coba menampilkan yang akan dihapus.",
        )
    return answer.strip().lower() in ("y", "ya")
