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


def _same_ikk_in(units: tuple[str, ...], iku: str, ikk: str, satuan: str, metode: str):
    """The PK rows of `units`, each deriving IKK code `ikk` from `iku`."""
    return [
        {"kode_iku": iku, "kode_unit": unit, "kode_ikk": ikk, "satuan": satuan,
         "metode_kaskade": metode}
        for unit in units
    ]  # fmt: skip


def _reported(iku: str, ikk: str, unit: str, tw: int, realisasi: float, capaian: float):
    return {"kode_iku": iku, "kode_unit": unit, "kode_ikk": ikk, "tw": tw,
            "realisasi": realisasi, "capaian": capaian}  # fmt: skip


def test_two_units_with_the_same_ikk_code_each_count_their_own_realisasi():
    ikk = _same_ikk_in(("TI", "AK"), "IKU-1", "IKK-1", "%", "sama dengan IKU")
    capaian = [
        _reported("IKU-1", "IKK-1", "TI", 1, 80.0, 100.0),
        _reported("IKU-1", "IKK-1", "AK", 1, 60.0, 75.0),
        _reported("IKU-1", "IKK-1", "TI", 2, 90.0, 100.0),
    ]
    iku = [{"kode_iku": "IKU-1", "tw": 2, "capaian": 100.0}]
    tahunan = iku_tahunan(_sumber(ikk, capaian, iku))["IKU-1"]
    # TI's latest is 90 (TW II), AK's 60 (TW I): their mean, not one unit's value twice
    assert tahunan.realisasi == 75.0
    assert tahunan.tw == 2


def test_units_summed_when_every_ikk_carries_a_share_of_the_target():
    ikk = _same_ikk_in(("TI", "AK"), "IKU-2", "IKK-2", "dokumen", "beban target")
    capaian = [
        _reported("IKU-2", "IKK-2", "TI", 1, 3.0, 50.0),
        _reported("IKU-2", "IKK-2", "AK", 1, 4.0, 50.0),
    ]
    iku = [{"kode_iku": "IKU-2", "tw": 1, "capaian": 50.0}]
    assert iku_tahunan(_sumber(ikk, capaian, iku))["IKU-2"].realisasi == 7.0
