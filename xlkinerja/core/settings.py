"""Settings the checks need (deadlines, year, cap), from the master or the defaults."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from xlkinerja.core.normal import NormalForm


@dataclass(frozen=True)
class Pengaturan:
    tahun: int | None = None
    batas_pk: date | None = None
    skp_mulai: date | None = None
    skp_selesai: date | None = None
    batas_atas_capaian: float | None = None

    @classmethod
    def from_master(cls, master: NormalForm) -> Pengaturan:
        def get(key: str) -> Any:
            return master.field(key)

        tahun = get("tahun")
        return cls(
            tahun=int(tahun) if tahun is not None else None,
            batas_pk=get("batas_pk"),
            skp_mulai=get("skp_mulai"),
            skp_selesai=get("skp_selesai"),
            batas_atas_capaian=get("batas_atas_capaian"),
        )

    def batas_pk_for(self, tahun: int | None) -> date | None:
        """The master's deadline, or by default the end of February of the PK year."""
        if self.batas_pk is not None:
            return self.batas_pk
        if tahun is None:
            return None
        return date(tahun, 2, calendar.monthrange(tahun, 2)[1])
