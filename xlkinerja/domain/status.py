"""Capaian status colours (e-SAKIP practice): < 70 merah, 70–90 kuning, > 90 hijau.

The thresholds are the master's settings (ambang kuning / hijau); these are the defaults.
"""

from __future__ import annotations

from enum import StrEnum

AMBANG_KUNING = 70.0
AMBANG_HIJAU = 90.0


class Status(StrEnum):
    MERAH = "merah"
    KUNING = "kuning"
    HIJAU = "hijau"


def status_of(
    capaian: float | None, *, kuning: float = AMBANG_KUNING, hijau: float = AMBANG_HIJAU
) -> Status | None:
    """None when there is no capaian; exactly 70 is kuning, exactly 90 is kuning."""
    if capaian is None:
        return None
    if capaian < kuning:
        return Status.MERAH
    if capaian <= hijau:
        return Status.KUNING
    return Status.HIJAU
