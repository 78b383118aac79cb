"""Job `ekspor`: the compiled institution written as the files of export profiles
(templates/ekspor/<profil>/, plus the user's folders), from a compiled workbook
(rekap-kinerja.xlsx, read back by its spec: sources/rekap.py), from the archive (the
latest version of every unit and SKP, checked as kompilasi --dari-arsip checks them,
nothing written but the export), or from a Kompilasi in memory (`xlkinerja contoh`): one
entry, `export`, for all of them (jobs/inputs.py, jobs/compiled.py).

Whatever the input, the rows come from one place (kompilasi/ekspor_tabel.py) and every
profile is checked before anything is read or written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.compiled import Compiled, compiled
from xlkinerja.jobs.inputs import CompiledModel, CompiledRekap, Input
from xlkinerja.jobs.summary import Column, Span, Summary, Tone, cell
from xlkinerja.jobs.workers import Stage
from xlkinerja.render.ekspor.profil import PEMISAH, Profil, all_profiles, find_profile
from xlkinerja.render.ekspor.tulis import Context, Written, csv_marks, write_profile

if TYPE_CHECKING:
    from xlkinerja.core.normal import MasterForm
    from xlkinerja.kompilasi.ekspor_baris import Row


@dataclass(frozen=True)
class DaftarProfil:
    """`ekspor --list`: every profile with its one-line description."""

    profiles: list[Profil]

    def to_dict(self) -> list[dict[str, Any]]:
        return [
            {
                "profil": p.nama,
                "deskripsi": p.deskripsi,
                "folder": str(p.folder),
                "bawaan": p.bawaan,
                "berkas": [b.nama for b in p.berkas],
            }
            for p in self.profiles
        ]

    def summary(self) -> Summary:
        out = Summary()
        out.table(
            "Profil ekspor",
            [Column("Profil"), Column("Keterangan")],
            (
                [
                    cell(p.nama),
                    cell(p.deskripsi if p.bawaan else f"{p.deskripsi} (dari {p.folder})"),
                ]
                for p in self.profiles
            ),
        )
        return out

    def notes(self) -> Summary:
        return Summary()


@dataclass
class EksporResult:
    output: Path
    sumber: str  # what the data came from, for people
    profiles: list[Profil]
    written: list[Written] = field(default_factory=list)
    dilewati: list[str] = field(default_factory=list)  # profiles left out, and why

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.output),
            "sumber": self.sumber,
            "profil": [p.nama for p in self.profiles],
            "dilewati": self.dilewati,
            "berkas": [
                {
                    "berkas": str(w.path),
                    "baris": w.rows,
                    "cadangan": str(w.backup) if w.backup else None,
                }
                for w in self.written
            ],
        }

    def summary(self) -> Summary:
        out = Summary()
        for w in self.written:
            out.line(f"Ditulis: {w.path} ({w.rows} baris)")
        out.line(
            f"Ekspor {', '.join(p.nama for p in self.profiles)} dari {self.sumber}: "
            f"{len(self.written)} berkas di {self.output}."
        )
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        for why in self.dilewati:
            out.line(Span("Catatan:", Tone.PERINGATAN), f" {why}")
        for w in self.written:
            if w.backup:
                out.line(
                    Span("Catatan:", Tone.PERINGATAN),
                    f" berkas yang ada di {w.path} disimpan sebagai cadangan: {w.backup}",
                )
        return out


def list_profiles(profil_dir: Sequence[Path] = ()) -> DaftarProfil:
    return DaftarProfil(all_profiles(profil_dir))


def choose_profiles(names: Sequence[str], profil_dir: Sequence[Path] = ()) -> list[Profil]:
    """The profiles named, every one when none is; each read and checked."""
    if names:
        return [find_profile(name, profil_dir) for name in names]
    return all_profiles(profil_dir)


def _pemisah(given: str | None) -> str | None:
    if given is None:
        return None
    if given not in PEMISAH:
        raise XlkinerjaError(
            f"pemisah '{given}' tidak dikenal.",
            code=ErrorCode.OPSI_TIDAK_SAH,
            hint="Pilih salah satu: ',' (koma), ';' (titik koma) atau 'tab'.",
        )
    return PEMISAH[given]


def export(
    given: Input,
    *,
    profiles: Sequence[str],
    output: Path,
    profil_dir: Sequence[Path] = (),
    pemisah: str | None = None,
    now: datetime | None = None,
    stage: Stage | None = None,
    triwulan: int | None = None,
    master: Path | None = None,
    db: str | Path | None = None,
) -> EksporResult:
    """Write every profile named (all when none is) from `given` — a compiled workbook,
    workbooks (the archive's latest versions), or a compiled model — into the folder
    `output`. Every profile is checked before anything is read or written. `triwulan`:
    the period (else the latest reported); a rekap of another period is refused."""
    sep = _pemisah(pemisah)
    chosen = choose_profiles(profiles, profil_dir)
    for profil in chosen:
        for berkas in profil.berkas:
            if berkas.jenis == "csv":
                csv_marks(berkas, sep)
    if output.exists() and not output.is_dir():
        raise XlkinerjaError(
            "ini sebuah berkas; --output ekspor adalah folder.",
            code=ErrorCode.KELUARAN_BUKAN_FOLDER,
            path=output,
            hint="Berikan nama folder, mis. --output ekspor/.",
        )
    now = now or datetime.now()
    needed = [t for p in chosen for t in p.sources]  # of a rekap, only these sheets are read
    described = _described(given)
    made = compiled(
        given, sheets=needed, now=now, stage=stage, triwulan=triwulan, described=described
    )
    rows, dilewati = _tables(
        made, needed, _master(given, made, needed, master, db, profiles), profiles
    )
    if dilewati:  # every profile asked for, and one needs what this institution has not set
        chosen = [p for p in chosen if not set(p.sources) & RENSTRA]
    context = Context(made.sumber.instansi, made.sumber.tahun, now, described)
    result = EksporResult(output=output, sumber=described, profiles=chosen, dilewati=dilewati)
    for profil in chosen:
        result.written.extend(write_profile(profil, rows, output, context, pemisah=sep))
    return result


RENSTRA = {"renstra", "renstra_tidak"}  # the tables of the Renstra OPD import


def _tables(
    made: Compiled, needed: list[str], master: MasterForm | None, named: Sequence[str]
) -> tuple[dict[str, Sequence[Row]], list[str]]:
    """The tables, and the profiles left out: a Renstra import the data cannot make is an
    error when its profile was named, and left out (said) when every profile was asked."""
    from xlkinerja.kompilasi.ekspor_tabel import tables

    try:
        return tables(made.sumber, needed, master), []
    except XlkinerjaError as exc:
        if named or exc.code != ErrorCode.EKSPOR_TIDAK_DAPAT_DIIMPOR:
            raise
        why = f"profil esakip-renstra-opd dilewati: {exc.message}"
    others = [t for t in needed if t not in RENSTRA]
    return tables(made.sumber, others, master), [why]


def _master(
    given: Input,
    made: Compiled,
    needed: list[str],
    master: Path | None,
    db: str | Path | None,
    named: Sequence[str],
) -> MasterForm | None:
    """The master, for the tables that need its own data (the Renstra import): compiled
    with the workbooks, else the one given or the archive's of the rekap's year."""
    if not RENSTRA & set(needed):
        return None
    if made.master is not None:
        return made.master
    if isinstance(given, CompiledRekap):
        from xlkinerja.jobs.rekap_master import rekap_master
        from xlkinerja.store.archive import Archive

        try:
            with Archive.open(db) as archive:
                return rekap_master(archive, given, master, made.tahun)[1]
        except XlkinerjaError:
            if named:
                raise
    return None  # every profile asked: the Renstra import is left out (`_tables` says so)


def _described(given: Input) -> str:
    """Where the data came from, for the user and the Petunjuk sheet of a profile."""
    if isinstance(given, CompiledRekap):
        return given.path.name
    if isinstance(given, CompiledModel):
        return given.described
    source = given.from_archive
    if source is None:
        return f"{len(given.sources)} workbook"
    tahun = f" tahun {source.tahun}" if source.tahun is not None else ""
    return f"arsip {source.location}{tahun} ({len(source.versions)} workbook)"
