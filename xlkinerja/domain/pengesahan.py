"""Review and approval of a unit's submission (SOP-SPMI-601): the stages and what may follow
what. Pure rules on records; the archive keeps the steps (store/pengesahan.py).

A submission (one archived version of a unit workbook for a year) goes

    diajukan → dibahas → diperiksa → disetujui

- diajukan: implied by the version being in the archive (recorded by kompilasi or Kirim);
- dibahas: the rapat pembahasan of the Tim SAKIP, with its rumusan (rekomendasi, kendala,
  tindak lanjut);
- diperiksa: by the Kabag/Kasubag; disetujui: by the Direktur (name and NIP each);
- dikembalikan: a reviewer or the approver sends it back (with the reason) from dibahas or
  diperiksa; it then stands where diajukan stands, and is discussed again. A unit that
  changes its workbook sends a new version instead, which starts at diajukan itself.

No step is skipped and none is taken back; disetujui is final for that version (a new
version sent afterwards starts again at diajukan). Every step names who took it (nama, NIP)
and the date it was taken, on or after the previous step's date and never in the future.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.specs.choices import POLA_NIP


class Stage(StrEnum):
    DIAJUKAN = "diajukan"
    DIBAHAS = "dibahas"
    DIPERIKSA = "diperiksa"
    DISETUJUI = "disetujui"
    DIKEMBALIKAN = "dikembalikan"


NEXT: dict[Stage, tuple[Stage, ...]] = {
    Stage.DIAJUKAN: (Stage.DIBAHAS,),
    Stage.DIBAHAS: (Stage.DIPERIKSA, Stage.DIKEMBALIKAN),
    Stage.DIPERIKSA: (Stage.DISETUJUI, Stage.DIKEMBALIKAN),
    Stage.DIKEMBALIKAN: (Stage.DIBAHAS,),
    Stage.DISETUJUI: (),
}
"""The stages that may follow each stage."""

RECORDED = (Stage.DIBAHAS, Stage.DIPERIKSA, Stage.DISETUJUI, Stage.DIKEMBALIKAN)
"""The stages a person records (diajukan is the version's arrival in the archive)."""

_NIP = re.compile(POLA_NIP)


class StepRefused(XlkinerjaError):
    """A step that may not be taken now, or is not complete."""


@dataclass(frozen=True)
class Rumusan:
    """What the rapat pembahasan concluded (the SOP's rumusan hasil)."""

    rekomendasi: str
    kendala: str
    tindak_lanjut: str


@dataclass(frozen=True)
class Step:
    """One step of a submission's review. For diajukan: the version's arrival (`nama` is
    who compiled it, when known; no NIP)."""

    stage: Stage
    tanggal: date
    nama: str | None
    nip: str | None
    rumusan: Rumusan | None = None  # dibahas
    alasan: str | None = None  # dikembalikan
    recorded_at: datetime | None = None  # when it was entered in the archive


@dataclass(frozen=True)
class ApprovalStatus:
    """Whether a unit's latest submission of a year is approved, and if not why."""

    unit: str
    tahun: int
    approved: bool
    stage: Stage | None  # None: no submission that year
    version: int | None
    reason: str  # Indonesian, one sentence: shown beside a DRAF mark
    approved_by: Step | None = None  # the disetujui step (who, NIP, date), when approved

    def to_dict(self) -> dict[str, object]:
        return {
            "unit": self.unit,
            "tahun": self.tahun,
            "versi": self.version,
            "tahap": None if self.stage is None else self.stage.value,
            "disetujui": self.approved,
            "keterangan": self.reason,
        }


def current_stage(history: Sequence[Step]) -> Stage:
    """The stage a submission stands at: its last step's (diajukan when none is recorded)."""
    return history[-1].stage if history else Stage.DIAJUKAN


def normal_nip(nip: str) -> str:
    """A NIP as typed ("19800101 200501 1 001") without its spaces."""
    return re.sub(r"\s+", "", nip)


def check_step(history: Sequence[Step], step: Step, *, today: date) -> None:
    """Raise `StepRefused` when `step` may not follow `history` (oldest first, diajukan
    included) or is incomplete; say what may be done instead."""
    _check_fields(step, today)
    now = current_stage(history)
    if step.stage not in NEXT[now]:
        raise StepRefused(
            _refusal(now, step.stage),
            code=ErrorCode.ARSIP_LANGKAH_TIDAK_SAH,
            hint=_expected(now),
        )
    if history and step.tanggal < history[-1].tanggal:
        raise StepRefused(
            f"tanggal {step.tanggal.isoformat()} lebih awal daripada tanggal tahap "
            f"{now.value} ({history[-1].tanggal.isoformat()}).",
            code=ErrorCode.OPSI_TIDAK_SAH,
            hint="Tulis tanggal langkah ini sebenarnya (--tanggal).",
        )


def _check_fields(step: Step, today: date) -> None:
    def refuse(message: str, hint: str = "") -> StepRefused:
        return StepRefused(message, code=ErrorCode.OPSI_TIDAK_SAH, hint=hint)

    if step.stage not in RECORDED:
        raise ValueError(f"{step.stage} is not recorded by a person")
    if not (step.nama or "").strip():
        raise refuse("nama yang melakukan langkah ini kosong.", "Isi --nama.")
    if not _NIP.fullmatch(step.nip or ""):
        raise refuse(
            f"NIP '{step.nip}' tidak sah: NIP terdiri atas 18 angka.",
            "Contoh: --nip 198001012005011001 (spasi boleh).",
        )
    if step.tanggal > today:
        raise refuse(
            f"tanggal {step.tanggal.isoformat()} belum tiba (hari ini {today.isoformat()}).",
            "Tulis tanggal langkah ini sebenarnya (--tanggal), atau biarkan kosong: hari ini.",
        )
    if step.stage is Stage.DIBAHAS:
        rumusan = step.rumusan
        empty = [
            option
            for option, text in (
                ("--rekomendasi", rumusan.rekomendasi if rumusan else ""),
                ("--kendala", rumusan.kendala if rumusan else ""),
                ("--tindak-lanjut", rumusan.tindak_lanjut if rumusan else ""),
            )
            if not text.strip()
        ]
        if empty:
            raise refuse(
                f"rumusan hasil pembahasan belum lengkap: {', '.join(empty)} kosong.",
                "Tulis 'tidak ada' bila memang tidak ada.",
            )
    if step.stage is Stage.DIKEMBALIKAN and not (step.alasan or "").strip():
        raise refuse("alasan pengembalian kosong.", "Isi --alasan: apa yang perlu diperbaiki.")


def _refusal(now: Stage, wanted: Stage) -> str:
    if now is Stage.DISETUJUI:
        return (
            f"kiriman ini sudah disetujui; tidak dapat {wanted.value} lagi. Versi yang sudah "
            "disetujui tidak berubah lagi."
        )
    if wanted is now:
        return f"kiriman ini sudah {now.value}."
    return f"kiriman ini berada pada tahap {now.value}; tidak dapat langsung {wanted.value}."


def _expected(now: Stage) -> str:
    if now is Stage.DISETUJUI:
        return "Perubahan dikirim sebagai versi baru, yang mulai lagi dari tahap diajukan."
    allowed = " atau ".join(s.value for s in NEXT[now])
    return f"Langkah berikutnya: {allowed} (urutan: diajukan → dibahas → diperiksa → disetujui)."


def approval_status(
    unit: str, tahun: int, version: int | None, history: Sequence[Step]
) -> ApprovalStatus:
    """The answer for a unit's latest submission of `tahun` (`version` None: there is none)."""
    if version is None:
        return ApprovalStatus(
            unit, tahun, False, None, None, f"Unit {unit} belum mengirim workbook tahun {tahun}."
        )
    stage = current_stage(history)
    last = history[-1] if history else None
    done = f"versi {version} {stage.value}"
    if last is not None and last.stage is not Stage.DIAJUKAN:
        done += f" pada {last.tanggal.isoformat()} oleh {last.nama} (NIP {last.nip})"
    if stage is Stage.DISETUJUI:
        return ApprovalStatus(
            unit, tahun, True, stage, version, f"Disetujui: {done}.", approved_by=last
        )
    why = f"Belum disetujui: {done}"
    if stage is Stage.DIKEMBALIKAN and last is not None:
        why += f", alasan: {last.alasan}"
    waiting = " atau ".join(s.value for s in NEXT[stage] if s is not Stage.DIKEMBALIKAN)
    return ApprovalStatus(unit, tahun, False, stage, version, f"{why}; menunggu {waiting}.")
