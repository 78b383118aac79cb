"""The LKj's yearly realisasi per IKU (kompilasi/lkj.py `iku_tahunan`): each IKK's latest
realisasi is its own unit's, also when two units use the same IKK code."""

from __future__ import annotations

import pandas as pd

from xlkinerja.kompilasi.ekspor_sumber import CAPAIAN, CAPAIAN_IKU, IKK, EksporSumber
from xlkinerja.kompilasi.lkj import iku_tahunan


def _sumber(ikk: list[dict], capaian: list[dict], capaian_iku: list[dict]) -> EksporSumber:
    def frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
        return pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)

    empty = pd.DataFrame()
    return EksporSumber(
        instansi="Politeknik Uji",
        tahun=2025,
        iku=empty,
        ikk=frame(ikk, IKK),
        capaian=frame(capaian, CAPAIAN),
        capaian_iku=frame(capaian_iku, CAPAIAN_IKU),
        skp=empty,
        faktor=empty,
        anggaran=empty,
    )


def test_two_units_with_the_same_ikk_code_each_count_their_own_realisasi():
    ikk = [
        {"kode_iku": "IKU-1", "kode_unit": unit, "kode_ikk": "IKK-1", "satuan": "%",
         "metode_kaskade": "sama dengan IKU"}
        for unit in ("TI", "AK")
    ]  # fmt: skip
    capaian = [
        {"kode_iku": "IKU-1", "kode_unit": "TI", "kode_ikk": "IKK-1", "tw": 1, "realisasi": 80.0,
         "capaian": 100.0},
        {"kode_iku": "IKU-1", "kode_unit": "AK", "kode_ikk": "IKK-1", "tw": 1, "realisasi": 60.0,
         "capaian": 75.0},
        {"kode_iku": "IKU-1", "kode_unit": "TI", "kode_ikk": "IKK-1", "tw": 2, "realisasi": 90.0,
         "capaian": 100.0},
    ]  # fmt: skip
    iku = [{"kode_iku": "IKU-1", "tw": 2, "capaian": 100.0}]
    tahunan = iku_tahunan(_sumber(ikk, capaian, iku))["IKU-1"]
    # TI's latest is 90 (TW II), AK's 60 (TW I): their mean, not one unit's value twice
    assert tahunan.realisasi == 75.0
    assert tahunan.tw == 2


def test_units_summed_when_every_ikk_carries_a_share_of_the_target():
    ikk = [
        {"kode_iku": "IKU-2", "kode_unit": unit, "kode_ikk": "IKK-2", "satuan": "dokumen",
         "metode_kaskade": "beban target"}
        for unit in ("TI", "AK")
    ]  # fmt: skip
    capaian = [
        {"kode_iku": "IKU-2", "kode_unit": unit, "kode_ikk": "IKK-2", "tw": 1, "realisasi": value,
         "capaian": 50.0}
        for unit, value in (("TI", 3.0), ("AK", 4.0))
    ]  # fmt: skip
    iku = [{"kode_iku": "IKU-2", "tw": 1, "capaian": 50.0}]
    assert iku_tahunan(_sumber(ikk, capaian, iku))["IKU-2"].realisasi == 7.0
