"""The review and approval rules of SOP-SPMI-601 (domain/pengesahan.py): diajukan →
dibahas → diperiksa → disetujui, no step skipped or taken back, dikembalikan from dibahas
or diperiksa back to where diajukan stands, disetujui final; who, NIP, date checked."""

from __future__ import annotations

from datetime import date

import pytest

from tests.coded import raises
from xlkinerja.domain.pengesahan import (
    NEXT,
    Rumusan,
    Stage,
    Step,
    StepRefused,
    approval_status,
    check_step,
    current_stage,
    normal_nip,
)
from xlkinerja.errors import ErrorCode

TODAY = date(2026, 4, 20)
NIP = "198001012005011001"
RUMUSAN = Rumusan("Percepat pengadaan", "Anggaran terlambat", "Revisi jadwal")
ARRIVAL = Step(Stage.DIAJUKAN, date(2026, 4, 1), "perencanaan", None)


def step(stage: Stage, day: int = 10, **kw: object) -> Step:
    fields: dict[str, object] = {"nama": "Budi", "nip": NIP}
    if stage is Stage.DIBAHAS:
        fields["rumusan"] = RUMUSAN
    if stage is Stage.DIKEMBALIKAN:
        fields["alasan"] = "Target TW II belum sesuai PK"
    fields |= kw
    return Step(stage, date(2026, 4, day), **fields)  # type: ignore[arg-type]


def history(*stages: Stage) -> list[Step]:
    return [ARRIVAL, *(step(s) for s in stages)]


D, B, P, S, K = (
    Stage.DIAJUKAN,
    Stage.DIBAHAS,
    Stage.DIPERIKSA,
    Stage.DISETUJUI,
    Stage.DIKEMBALIKAN,
)
VALID = [
    ((), B),
    ((B,), P),
    ((B, P), S),
    ((B,), K),
    ((B, P), K),
    ((B, K), B),
    ((B, P, K, B, P), S),
]


@pytest.mark.parametrize(("done", "wanted"), VALID)
def test_valid_steps_are_accepted(done: tuple[Stage, ...], wanted: Stage) -> None:
    check_step(history(*done), step(wanted), today=TODAY)


INVALID = [
    ((), P),  # skipping dibahas
    ((), S),  # skipping dibahas and diperiksa
    ((), K),  # nothing to send back before the rapat
    ((B,), S),  # skipping diperiksa
    ((B,), B),  # dibahas twice
    ((B, P), B),  # going back
    ((B, P), P),
    ((B, P, S), S),  # approved twice
    ((B, P, S), K),  # taken back after approval
    ((B, P, S), B),
    ((B, K), P),  # after dikembalikan the rapat comes first
    ((B, K), K),
]


@pytest.mark.parametrize(("done", "wanted"), INVALID)
def test_invalid_steps_are_refused(done: tuple[Stage, ...], wanted: Stage) -> None:
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused) as caught:
        check_step(history(*done), step(wanted), today=TODAY)
    text = caught.value.user_message()
    assert f"tahap {current_stage(history(*done)).value}" in text or "sudah" in text
    assert "Langkah berikutnya" in text or "versi baru" in text


def test_every_transition_table_entry_is_a_valid_step() -> None:
    # The table and the check agree: what NEXT allows passes, every other pair is refused.
    paths = {D: (), B: (B,), P: (B, P), S: (B, P, S), K: (B, K)}
    for now, done in paths.items():
        for wanted in (B, P, S, K):
            if wanted in NEXT[now]:
                check_step(history(*done), step(wanted), today=TODAY)
            else:
                with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused):
                    check_step(history(*done), step(wanted), today=TODAY)


def test_approved_is_final_and_says_a_new_version_starts_again() -> None:
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused) as caught:
        check_step(history(B, P, S), step(S), today=TODAY)
    assert "sudah disetujui" in caught.value.user_message()
    assert "versi baru" in caught.value.user_message()


@pytest.mark.parametrize(
    ("changes", "phrase"),
    [
        ({"nama": "  "}, "nama"),
        ({"nip": "12345"}, "18 angka"),
        ({"nip": "19800101200501100X"}, "18 angka"),
        ({"rumusan": Rumusan("ada", "", "ada")}, "--kendala"),
        ({"rumusan": None}, "--rekomendasi, --kendala, --tindak-lanjut"),
    ],
)
def test_incomplete_steps_are_refused(changes: dict[str, object], phrase: str) -> None:
    with raises(ErrorCode.OPSI_TIDAK_SAH, StepRefused) as caught:
        check_step(history(), step(B, **changes), today=TODAY)
    assert phrase in caught.value.user_message()


def test_sent_back_needs_a_reason() -> None:
    with raises(ErrorCode.OPSI_TIDAK_SAH, StepRefused) as caught:
        check_step(history(B), step(K, alasan=" "), today=TODAY)
    assert "alasan" in caught.value.user_message()


def test_dates_run_forward_and_never_into_the_future() -> None:
    with raises(ErrorCode.OPSI_TIDAK_SAH, StepRefused) as caught:
        check_step(history(), step(B, day=21), today=TODAY)
    assert "belum tiba" in caught.value.user_message()
    with raises(ErrorCode.OPSI_TIDAK_SAH, StepRefused) as caught:
        check_step(history(), Step(B, date(2026, 3, 31), "Budi", NIP, RUMUSAN), today=TODAY)
    assert "lebih awal" in caught.value.user_message()
    check_step(history(), step(B, day=1), today=TODAY)  # the day it arrived: fine
    check_step(history(B), step(P, day=10), today=TODAY)  # the same day as the rapat: fine


def test_nip_as_written_with_spaces() -> None:
    assert normal_nip(" 19800101 200501 1 001 ") == NIP


def test_approval_status_says_why_not() -> None:
    none = approval_status("TI", 2026, None, [])
    assert (none.approved, none.stage, none.version) == (False, None, None)
    assert "belum mengirim" in none.reason
    waiting = approval_status("TI", 2026, 3, history(B))
    assert (waiting.approved, waiting.stage) == (False, B)
    assert "versi 3 dibahas pada 2026-04-10 oleh Budi" in waiting.reason
    assert "menunggu diperiksa" in waiting.reason
    back = approval_status("TI", 2026, 3, history(B, K))
    assert "alasan: Target TW II belum sesuai PK" in back.reason
    assert "menunggu dibahas" in back.reason
    fresh = approval_status("TI", 2026, 1, history())
    assert fresh.reason == "Belum disetujui: versi 1 diajukan; menunggu dibahas."
    done = approval_status("TI", 2026, 3, history(B, P, S))
    assert done.approved and done.stage is S
    assert done.to_dict()["disetujui"] is True
    assert done.reason.startswith("Disetujui: versi 3 disetujui pada 2026-04-10 oleh Budi")
