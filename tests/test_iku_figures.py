"""An IKU's figure for a period (kompilasi/kinerja.py `iku_figures`), what every output shows
of it: over its IKK that reported the TW, target and realisasi combined — summed when every
IKK carries a share of the target (beban target), averaged otherwise, only IKK of one
satuan — and the capaian that follows from them by the IKU's arah and the institution's
cap; where the satuan differ, the mean of the IKK's capaian, said so; an unreadable value
makes it unknown and names the IKK; an IKK without realisasi is left out and named."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from xlkinerja.kompilasi.kinerja import iku_cara, iku_figures


def _pk(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """(kode_iku, kode_ikk, satuan, metode_kaskade) per IKK derived."""
    return pd.DataFrame(rows, columns=["kode_iku", "kode_ikk", "satuan", "metode_kaskade"])


def _cap(*rows: tuple[str, str, int, float | None, float | None, bool]) -> pd.DataFrame:
    """(kode_iku, kode_ikk, tw, target, realisasi, unreadable) per reported quarter; the
    IKK's capaian naik against its target, its alasan as the unit's rows say it."""
    records = []
    for iku, ikk, tw, target, realisasi, unread in rows:
        known = target and realisasi is not None and not unread
        records.append(
            {
                "kode_iku": iku,
                "kode_ikk": ikk,
                "tw": tw,
                "target": target,
                "realisasi": None if unread else realisasi,
                "capaian": realisasi / target * 100 if known else math.nan,
                "alasan": "realisasi TW I tidak dapat dibaca (sel Capaian!D9)"
                if unread
                else (None if realisasi is not None else "realisasi TW I belum diisi"),
                "_tak_terbaca": unread,
            }
        )
    return pd.DataFrame(records)


def _one(pk: pd.DataFrame, cap: pd.DataFrame, arah: str = "naik", batas: float | None = None):
    figures = iku_figures(cap, iku_cara(pk), {"IKU-1": arah}, batas)
    assert len(figures) == 1
    return figures.iloc[0]


def test_beban_target_sums_target_and_realisasi_and_the_capaian_follows_from_them():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "orang", "beban target"),
        ("IKU-1", "IKK-AK-1", "orang", "beban target"),
    )
    cap = _cap(("IKU-1", "IKK-TI-1", 1, 140, 142, False), ("IKU-1", "IKK-AK-1", 1, 60, 96, False))
    row = _one(pk, cap)
    assert (row.target, row.realisasi) == (200, 238)
    assert row.capaian == pytest.approx(119.0)  # not the mean of 101.4 % and 160 %
    assert row.cara_agregasi == "jumlah target dan realisasi IKK (satuan sama: orang)"


def test_a_percentage_is_the_mean_of_targets_and_of_realisasi():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "%", "sama dengan IKU"), ("IKU-1", "IKK-TM-1", "%", "proporsional")
    )
    cap = _cap(("IKU-1", "IKK-TI-1", 3, 70, 66, False), ("IKU-1", "IKK-TM-1", 3, 60, 58, False))
    row = _one(pk, cap)
    assert (row.target, row.realisasi) == (65, 62)
    assert row.capaian == pytest.approx(62 / 65 * 100)
    assert row.cara_agregasi.startswith("rata-rata target dan realisasi IKK")


def test_unlike_satuan_give_the_mean_of_the_ikk_capaian_and_say_so():
    pk = _pk(
        ("IKU-1", "IKK-P-1", "judul", "proporsional"),
        ("IKU-1", "IKK-P-2", "proposal", "proporsional"),
    )
    cap = _cap(("IKU-1", "IKK-P-1", 2, 10, 11, False), ("IKU-1", "IKK-P-2", 2, 4, 4, False))
    row = _one(pk, cap)
    assert row.capaian == pytest.approx((110 + 100) / 2)
    assert pd.isna(row.target) and pd.isna(row.realisasi)
    assert row.cara_agregasi == (
        "rata-rata capaian IKK (realisasi tidak digabung: satuan IKK berbeda (judul, proposal))"
    )


def test_the_cap_is_applied_to_the_iku_and_its_raw_value_kept():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "orang", "beban target"),
    )
    row = _one(pk, _cap(("IKU-1", "IKK-TI-1", 1, 60, 96, False)), batas=120)
    assert (row.capaian, row.capaian_mentah) == (120, 160)
    assert row.keterangan == "capaian 160 % dibatasi 120 %"


def test_arah_turun_is_the_iku_s_own():
    pk = _pk(
        ("IKU-1", "IKK-BA-1", "hari", "sama dengan IKU"),
    )
    row = _one(pk, _cap(("IKU-1", "IKK-BA-1", 1, 4, 5, False)), arah="turun")
    assert row.capaian == pytest.approx((2 - 5 / 4) * 100)


def test_an_unreadable_value_makes_the_figure_unknown_and_names_the_ikk_and_cell():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "orang", "beban target"),
        ("IKU-1", "IKK-AK-1", "orang", "beban target"),
    )
    cap = _cap(("IKU-1", "IKK-TI-1", 1, 140, 142, False), ("IKU-1", "IKK-AK-1", 1, 60, None, True))
    row = _one(pk, cap)
    assert pd.isna(row.capaian) and pd.isna(row.target)
    assert row.keterangan == (
        "tidak dihitung: IKK-AK-1 (realisasi TW I tidak dapat dibaca (sel Capaian!D9))"
    )


def test_an_ikk_without_realisasi_is_left_out_of_both_and_named():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "orang", "beban target"),
        ("IKU-1", "IKK-AK-1", "orang", "beban target"),
    )
    cap = _cap(("IKU-1", "IKK-TI-1", 1, 140, 142, False), ("IKU-1", "IKK-AK-1", 1, 60, None, False))
    row = _one(pk, cap)
    assert (row.target, row.realisasi, row.jumlah_ikk) == (140, 142, 2)
    assert row.keterangan == "tanpa IKK-AK-1 (realisasi TW I belum diisi)"


def test_two_units_with_the_same_ikk_code_each_count():
    pk = _pk(
        ("IKU-1", "IKK-1", "dokumen", "beban target"), ("IKU-1", "IKK-1", "dokumen", "beban target")
    )
    cap = _cap(("IKU-1", "IKK-1", 1, 6, 3, False), ("IKU-1", "IKK-1", 1, 8, 4, False))
    row = _one(pk, cap)
    assert (row.target, row.realisasi, row.jumlah_ikk) == (14, 7, 2)


def test_each_quarter_is_its_own_figure_never_mixed():
    pk = _pk(
        ("IKU-1", "IKK-TI-1", "orang", "beban target"),
        ("IKU-1", "IKK-AK-1", "orang", "beban target"),
    )
    cap = _cap(
        ("IKU-1", "IKK-TI-1", 1, 10, 10, False),
        ("IKU-1", "IKK-AK-1", 1, 10, 5, False),
        ("IKU-1", "IKK-TI-1", 2, 20, 20, False),  # AK has no TW II row
    )
    figures = iku_figures(cap, iku_cara(pk), {"IKU-1": "naik"}, None).set_index("tw")
    assert figures.loc[1, "capaian"] == pytest.approx(75.0)
    assert (figures.loc[2, "target"], figures.loc[2, "realisasi"]) == (20, 20)
    assert figures.loc[2, "jumlah_ikk"] == 1


def _with_ratio(cap: pd.DataFrame, *parts: tuple[float | None, float | None]) -> pd.DataFrame:
    """The capaian rows with each one's (pembilang, penyebut) up to its quarter."""
    return cap.assign(_pembilang=[p for p, _ in parts], _penyebut=[q for _, q in parts])


def test_a_rasio_iku_is_the_sum_of_pembilang_over_the_sum_of_penyebut():
    """Σ lulusan bekerja / Σ lulusan, not the mean of the prodi percentages: 66 of 100 and
    29 of 50 is 63.3 %, against the targets 70 % and 60 % weighted by the graduates."""
    pk = _pk(("IKU-1", "IKK-TI-1", "%", "proporsional"), ("IKU-1", "IKK-TM-1", "%", "proporsional"))
    cap = _with_ratio(
        _cap(("IKU-1", "IKK-TI-1", 3, 70, 66, False), ("IKU-1", "IKK-TM-1", 3, 60, 58, False)),
        (66, 100),
        (29, 50),
    )
    figures = iku_figures(cap, iku_cara(pk, {"IKU-1": "rasio"}), {"IKU-1": "naik"}, None)
    row = figures.iloc[0]
    assert row.realisasi == pytest.approx(95 / 150 * 100)
    assert row.target == pytest.approx((70 * 100 + 60 * 50) / 150)
    assert row.capaian == pytest.approx(row.realisasi / row.target * 100)
    assert row.cara_agregasi == "rasio: Σ pembilang / Σ penyebut IKK (Manual IKU): 95 / 150"


def test_a_rasio_without_every_pair_falls_back_and_names_the_ikk():
    pk = _pk(("IKU-1", "IKK-TI-1", "%", "proporsional"), ("IKU-1", "IKK-AK-1", "%", "proporsional"))
    cap = _with_ratio(
        _cap(("IKU-1", "IKK-TI-1", 1, 20, 22, False), ("IKU-1", "IKK-AK-1", 1, 20, 15, False)),
        (22, 100),
        (None, None),
    )
    row = iku_figures(cap, iku_cara(pk, {"IKU-1": "rasio"}), {"IKU-1": "naik"}, None).iloc[0]
    assert (row.target, row.realisasi) == (20, 18.5)  # the mean, as for any %
    assert row.cara_agregasi.startswith("rata-rata target dan realisasi IKK")
    assert row.keterangan == (
        "rasio memerlukan pembilang dan penyebut, tidak diisi oleh IKK-AK-1: digabung menurut "
        "satuannya"
    )


def test_the_master_s_jumlah_overrides_the_default_rule():
    pk = _pk(("IKU-1", "IKK-TI-1", "orang", "wilayah"), ("IKU-1", "IKK-AK-1", "orang", "wilayah"))
    cap = _cap(("IKU-1", "IKK-TI-1", 1, 10, 8, False), ("IKU-1", "IKK-AK-1", 1, 30, 30, False))
    default = iku_figures(cap, iku_cara(pk), {"IKU-1": "naik"}, None).iloc[0]
    manual = iku_figures(cap, iku_cara(pk, {"IKU-1": "jumlah"}), {"IKU-1": "naik"}, None).iloc[0]
    assert (default.target, default.realisasi) == (20, 19)
    assert (manual.target, manual.realisasi) == (40, 38)
