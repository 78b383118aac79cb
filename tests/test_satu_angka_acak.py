"""One number everywhere, on institutions nobody here wrote (hypothesis): units that stop
reporting after some quarter, realisasi typed as text ("1.050"), realisasi far above the
target (the master's 120 % cap), IKK whose satuan differ from their IKU's, IKK derived by
beban target or not, kumulatif and terakhir indicators. For each one, written to unit
workbooks and compiled, the IKU figures of the period — read back from the rekap's Rekap
Capaian, Ringkasan and Pohon Kinerja sheets, the tree's SVG, the Laporan Kinerja's xlsx
and docx, the esakip-hierarki export and `kompilasi --format json` — are equal, every row's capaian follows from the target and
realisasi on it (or says it is the mean of the IKK's capaian), and each equals what the
domain's rule gives, computed here from the generated entries alone."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tests.test_satu_angka import (
    _header_row,
    _number,
    _percent,
    _reconciles,
    _section_a_figures,
    _sheets,
    _shown,
    _svg_boxes,
)
from xlkinerja.cascade.prefill import MasterView, unit_file_name, unit_name, unit_values
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.lkj import write_lkj_chapter
from xlkinerja.jobs.pohon import draw_cascade
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, UNIT

MASTER_FILE = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
IKU = {"IKU-1": "%", "IKU-3": "orang", "IKU-5": "judul"}  # of the sample master, arah naik
RASIO = {"IKU-1"}  # combined as Σ pembilang / Σ penyebut (the sample master's Agregasi)
UNITS = ("TI", "TM", "AK")
CAP = 120.0
UNREADABLE = "1.050"  # typed with a thousands dot: text to Excel


@dataclass(frozen=True)
class Ikk:
    unit: str
    iku: str
    satuan: str
    beban: bool
    konsolidasi: str
    targets: tuple[int, int, int, int]  # cumulative per TW
    realisasi: tuple[CellScalar, ...]  # TW I .. the last TW reported
    rasio: tuple[tuple[int, int], ...] = ()  # (pembilang, penyebut) per quarter reported


@st.composite
def ikk(draw: st.DrawFn, unit: str, iku: str) -> Ikk:
    steps = draw(st.lists(st.integers(0, 40), min_size=4, max_size=4))
    targets = tuple(sum(steps[: i + 1]) for i in range(4))
    reported = draw(st.integers(0, 4))
    value = st.one_of(
        st.integers(0, 120),  # up to 3x a quarter's step: caps happen
        st.just(UNREADABLE),
    )
    realisasi = tuple(
        draw(value) if draw(st.integers(0, 9)) else UNREADABLE for _ in range(reported)
    )
    pairs = st.tuples(st.integers(0, 50), st.integers(1, 60))
    rasio = tuple(draw(pairs) for _ in range(reported)) if draw(st.booleans()) else ()
    return Ikk(
        rasio=rasio if iku in RASIO else (),
        unit=unit,
        iku=iku,
        satuan=IKU[iku] if draw(st.integers(0, 4)) else "dokumen",
        beban=draw(st.booleans()),
        konsolidasi=draw(st.sampled_from(("kumulatif", "terakhir"))),
        targets=(targets[0], targets[1], targets[2], targets[3]),
        realisasi=realisasi,
    )


@st.composite
def institution(draw: st.DrawFn) -> list[Ikk]:
    units = draw(st.lists(st.sampled_from(UNITS), min_size=2, max_size=3, unique=True))
    ikus = draw(st.lists(st.sampled_from(sorted(IKU)), min_size=1, max_size=3, unique=True))
    return [draw(ikk(unit, iku)) for unit in units for iku in ikus]


def _write(folder: Path, plan: list[Ikk]) -> Path:
    master_path = folder / MASTER_FILE.name
    shutil.copy(MASTER_FILE, master_path)
    view = MasterView.from_data(read_form(master_path, MASTER))
    for unit in dict.fromkeys(i.unit for i in plan):
        pre = unit_values(view, unit)
        pk, ra, capaian = [], [], []
        for n, i in enumerate((i for i in plan if i.unit == unit), start=1):
            code = f"IKK-{unit}-{n}"
            pk.append(
                {
                    "sasaran": "Sasaran unit",
                    "kode_ikk": code,
                    "indikator": f"Indikator {code}",
                    "satuan": i.satuan,
                    "arah": "naik",
                    "konsolidasi": i.konsolidasi,
                    "target": i.targets[3],
                    "kode_iku": i.iku,
                    "metode_kaskade": "beban target" if i.beban else "wilayah",
                }
            )
            ra.append({"kode_ikk": code, **{f"tw{q + 1}": t for q, t in enumerate(i.targets)}})
            for q, value in enumerate(i.realisasi):
                pembilang, penyebut = i.rasio[q] if i.rasio else (None, None)
                capaian.append(
                    {
                        "kode_ikk": code,
                        "triwulan": ("TW I", "TW II", "TW III", "TW IV")[q],
                        "realisasi": value,
                        "pembilang": pembilang,
                        "penyebut": penyebut,
                    }
                )
        values = FormValues(
            fields=pre.fields, tables={**pre.tables, "pk": pk, "ra": ra, "capaian": capaian}
        )
        nama = unit_name(view, unit) or unit
        write_template(UNIT, folder / unit_file_name(unit, nama), values)
    return master_path


def _ikk_figure(i: Ikk, tw: int) -> tuple[float, float, float | None] | None:
    """(target, realisasi, capaian) of an IKK for TW `tw`; None when unknown (unreadable)."""
    values = i.realisasi[:tw] if i.konsolidasi == "kumulatif" else i.realisasi[tw - 1 : tw]
    if any(v == UNREADABLE for v in values):
        return None
    realisasi = float(sum(values))  # type: ignore[arg-type]
    target = float(i.targets[tw - 1])
    return target, realisasi, (min(realisasi / target * 100, CAP) if target else None)


def _ratio_parts(i: Ikk, tw: int) -> tuple[int, int]:
    """An IKK's pembilang and penyebut s.d. TW `tw`, combined as its realisasi is."""
    pairs = i.rasio[:tw] if i.konsolidasi == "kumulatif" else i.rasio[tw - 1 : tw]
    return sum(p for p, _ in pairs), sum(q for _, q in pairs)


def expected(plan: list[Ikk]) -> dict[str, tuple[float | None, float | None, float | None]]:
    """Per IKU with IKK reporting the period: (target, realisasi, capaian) by the rule."""
    tw = max((len(i.realisasi) for i in plan), default=0)
    out: dict[str, tuple[float | None, float | None, float | None]] = {}
    for iku in dict.fromkeys(i.iku for i in plan):
        derived = [i for i in plan if i.iku == iku]
        reported = [i for i in derived if len(i.realisasi) >= tw > 0]
        if not reported:
            continue
        figures = [_ikk_figure(i, tw) for i in reported]
        if any(f is None for f in figures):
            out[iku] = (None, None, None)
            continue
        known = [f for f in figures if f is not None]
        if iku in RASIO and all(i.rasio for i in reported):
            parts = [_ratio_parts(i, tw) for i in reported]
            p, q = sum(x[0] for x in parts), sum(x[1] for x in parts)
            target = sum(f[0] * x[1] for f, x in zip(known, parts, strict=True)) / q
            realisasi = p / q * 100
            out[iku] = (target, realisasi, min(realisasi / target * 100, CAP) if target else None)
            continue
        if len({i.satuan for i in derived}) > 1:  # not combinable: the mean of the capaian
            values = [f[2] for f in known if f[2] is not None]
            out[iku] = (None, None, sum(values) / len(values) if values else None)
            continue
        n = 1 if all(i.beban for i in derived) else len(known)
        target = sum(f[0] for f in known) / n
        realisasi = sum(f[1] for f in known) / n
        value = min(realisasi / target * 100, CAP) if target else None
        out[iku] = (target, realisasi, value)
    return out


def _lkj_rows(sheets: dict[str, list[list[Any]]], tw_label: str) -> dict[str, tuple[Any, ...]]:
    rows = sheets["Bab III"]
    names = (f"Target s.d. {tw_label}", f"Realisasi s.d. {tw_label}", "Capaian")
    head = _header_row(rows, *names)
    cols = [rows[head].index(x) for x in names]
    out = {}
    for row in rows[head + 1 :]:
        code = str(row[2]).split(" ")[0]
        if not code.startswith("IKU-"):
            break
        out[code] = tuple(row[c] if isinstance(row[c], float | int) else None for c in cols)
    return out


def _docx_rows(path: Path, tw_label: str) -> dict[str, tuple[float | None, ...]]:
    """IKU → (target, realisasi, capaian) of Tabel 3.1 in the LKj's docx, read as text."""
    table = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    names = (f"Target s.d. {tw_label}", f"Realisasi s.d. {tw_label}", "Capaian")
    t, r, c = (table[0].index(x) for x in names)
    return {
        row[2].split(" ")[0]: (
            _number(row[t]),
            _number(row[r]),
            _percent(row[c]) if row[c][:1].isdigit() else None,
        )
        for row in table[1:]
    }


def _export_capaian(rekap: Path, folder: Path) -> dict[str, Any]:
    """IKU → capaian of the esakip-hierarki file exported from the written rekap."""
    from typer.testing import CliRunner

    from xlkinerja.cli.app import app

    run = CliRunner().invoke(
        app, ["ekspor", str(rekap), "--profil", "esakip-hierarki", "--output", str(folder)]
    )
    assert run.exit_code == 0, run.output
    rows = _sheets(next(folder.glob("esakip-hierarki-*.xlsx")))["Hierarki"]
    level, kode, cap = (rows[0].index(c) for c in ("level", "kode", "capaian"))
    return {r[kode]: (r[cap] if r[cap] != "" else None) for r in rows[1:] if r[level] == "iku"}


@pytest.mark.lambat  # a kompilasi and a Laporan Kinerja per example
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=institution())
def test_every_output_shows_the_rules_figure(
    plan: list[Ikk], tmp_path_factory: pytest.TempPathFactory
):
    folder = tmp_path_factory.mktemp("acak")
    units = folder / "unit"
    units.mkdir()
    master = _write(units, plan)
    compiled = compile_workbooks(
        workbook_files([units], master=master),
        output=folder / "rekap.xlsx",
        record=False,
        workers=1,
    )
    printed = json.loads(json.dumps(compiled.to_dict()))["capaian_iku"]
    sheets = _sheets(folder / "rekap.xlsx")
    want = expected(plan)
    tw = max(len(i.realisasi) for i in plan)
    if not tw:
        assert printed == {"periode": None, "iku": []}
        return
    label = ("TW I", "TW II", "TW III", "TW IV")[tw - 1]
    figures = _section_a_figures(sheets, label)
    assert printed["periode"] == f"s.d. {label}"
    json_figures = {f["kode_iku"]: f for f in printed["iku"]}
    lkj = write_lkj_chapter(
        workbook_files([units], master=master), output=folder / "lkj", db=folder / "a.sqlite"
    )
    lkj_rows = _lkj_rows(_sheets(next(p for p in lkj.files if p.suffix == ".xlsx")), label)
    docx_rows = _docx_rows(next(p for p in lkj.files if p.suffix == ".docx"), label)
    pohon = {row[1]: row for row in sheets["Pohon Kinerja"] if row and row[0] == "IKU"}
    boxes = _svg_boxes(Path(draw_cascade([units], folder / "pohon").svg).read_text("utf-8"))
    exported = _export_capaian(folder / "rekap.xlsx", folder / "ekspor")
    for iku in IKU:
        target, realisasi, value, cara = figures[iku]
        _reconciles(target, realisasi, value, cara or "")
        rule = want.get(iku, (None, None, None))
        assert target == pytest.approx(rule[0]) and realisasi == pytest.approx(rule[1]), (iku, rule)
        assert value == pytest.approx(rule[2]), (iku, rule, figures[iku])
        assert lkj_rows[iku] == pytest.approx((target, realisasi, value)), iku
        assert docx_rows[iku] == pytest.approx((target, realisasi, value), abs=0.005), iku
        assert exported.get(iku) == pytest.approx(value), iku
        if value is not None:
            assert f"capaian {_shown(value)} %" in boxes[iku], (iku, boxes[iku])
        if iku in json_figures:
            f = json_figures[iku]
            assert (f["target"], f["realisasi"], f["capaian"]) == pytest.approx(
                (target, realisasi, value)
            )
        else:
            assert value is None
        if iku in pohon:
            shown = pohon[iku][6]
            assert (shown if shown != "" else None) == pytest.approx(value), iku
