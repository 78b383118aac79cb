"""Settings the checks need (deadlines, year, cap), from the master or the defaults."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from xlkinerja.core.normal import MasterForm
from xlkinerja.specs.keys import IkuColumn

IKU_TARGETS: tuple[IkuColumn, ...] = ("target_1", "target_2", "target_3", "target_4", "target_5")


def renstra_target(ke: int) -> IkuColumn | None:
    """The master's IKU column holding the target of year `ke` (1 to 5) of the Renstra;
    None for a year outside it."""
    return IKU_TARGETS[ke - 1] if 1 <= ke <= len(IKU_TARGETS) else None


@dataclass(frozen=True)
class Pengaturan:
    tahun: int | None = None
    batas_pk: date | None = None
    batas_ra: date | None = None  # no default: an RA without a deadline is not late
    skp_mulai: date | None = None
    skp_selesai: date | None = None
    batas_atas_capaian: float | None = None

    @classmethod
    def from_master(cls, master: MasterForm) -> Pengaturan:
        tahun = master.number("tahun")
        return cls(
            tahun=int(tahun) if tahun is not None else None,
            batas_pk=master.day("batas_pk"),
            batas_ra=master.day("batas_ra"),
            skp_mulai=master.day("skp_mulai"),
            skp_selesai=master.day("skp_selesai"),
            batas_atas_capaian=master.number("batas_atas_capaian"),
        )

    def batas_pk_for(self, tahun: int | None) -> date | None:
        """The master's deadline, or by default the end of February of the PK year."""
        if self.batas_pk is not None:
            return self.batas_pk
        if tahun is None:
            return None
        return date(tahun, 2, calendar.monthrange(tahun, 2)[1])
