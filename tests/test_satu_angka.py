"""One period, one number (domain.md): every output that shows an IKU's or an IKK's capaian
"s.d. TW n" shows the same figure, read back from the written files — the compiled
workbook's Ringkasan, Rekap Capaian and Pohon Kinerja sheets, the tree the `pohon` command
draws (its SVG text), the Laporan Kinerja's xlsx and docx — and an IKK that did not report
TW n shows no figure, never its TW n−1 value, and is counted as such ("2 dari 3 IKK melapor
TW III"). Every row that shows a target and a realisasi shows the capaian that follows from
them (or says it is the mean of the IKK's capaian)."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from xlkinerja.domain.capaian import capaian as capaian_of
from xlkinerja.errors import XlkinerjaError
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.lkj import write_lkj_chapter
from xlkinerja.jobs.pohon import draw_cascade

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
NOW = datetime(2025, 10, 10, 9, 0)
TW_III = 3
BATAS_ATAS = 120  # the sample master's cap
Sheets = dict[str, list[list[Any]]]


def _sheets(path: Path) -> Sheets:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Sheets, str]:
    """The sample compiled (its sheets as written) and the tree drawn (its SVG text)."""
    folder = tmp_path_factory.mktemp("satu")
    rekap = folder / "rekap.xlsx"
    workbooks = workbook_files([SAMPLE], master=MASTER)
    compiled = compile_workbooks(workbooks, output=rekap, record=False, workers=1, now=NOW)
    (folder / "kompilasi.json").write_text(json.dumps(compiled.to_dict()), encoding="utf-8")
    result = draw_cascade([SAMPLE], folder)
    return _sheets(rekap), Path(result.svg).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def printed_json(written, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What `kompilasi --format json` prints of the sample."""
    folder = tmp_path_factory.getbasetemp()
    found = next(folder.glob("satu*/kompilasi.json"))
    return json.loads(found.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lkj(tmp_path_factory: pytest.TempPathFactory) -> tuple[Sheets, list[list[list[str]]]]:
    """The Laporan Kinerja of the sample: its xlsx sheets and its docx tables, as written."""
    folder = tmp_path_factory.mktemp("lkj")
    made = write_lkj_chapter(
        workbook_files([SAMPLE], master=MASTER), output=folder, db=folder / "arsip.sqlite"
    )
    xlsx = next(p for p in made.files if p.suffix == ".xlsx")
    docx = next(p for p in made.files if p.suffix == ".docx")
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(docx)).tables]
    return _sheets(xlsx), tables


def _header_row(rows: list[list[Any]], *labels: str) -> int:
    return next(i for i, row in enumerate(rows) if all(label in row for label in labels))


def _rekap_capaian_a(sheets: dict[str, list[list[Any]]]) -> dict[str, tuple[float | None, str]]:
    """IKU → (capaian TW III, IKK melapor) of Rekap Capaian section A."""
    rows = sheets["Rekap Capaian"]
    head = _header_row(rows, "Kode", "TW III", "IKK melapor")
    tw3, melapor = rows[head].index("TW III"), rows[head].index("IKK melapor")
    found = {}
    for row in rows[head + 1 :]:
        if not str(row[0]).startswith("IKU-"):
            break
        found[row[0]] = (row[tw3] if row[tw3] != "" else None, row[melapor])
    return found


def _ringkasan(sheets: dict[str, list[list[Any]]]) -> dict[str, tuple[float | None, str]]:
    rows = sheets["Ringkasan"]
    head = _header_row(rows, "Kode", "Capaian (%)", "IKK melapor")
    cap, melapor = rows[head].index("Capaian (%)"), rows[head].index("IKK melapor")
    found = {}
    for row in rows[head + 1 :]:
        if not str(row[0]).startswith("IKU-"):
            break
        found[row[0]] = (row[cap] if row[cap] != "" else None, row[melapor])
    return found


def _pohon_sheet(sheets: dict[str, list[list[Any]]]) -> dict[str, tuple[float | None, str]]:
    """Code → (capaian, catatan) of every IKU and IKK row of the Pohon Kinerja sheet."""
    rows = sheets["Pohon Kinerja"]
    head = _header_row(rows, "Tingkat", "Kode", "Capaian (%)", "Catatan")
    kode, cap, note = (rows[head].index(c) for c in ("Kode", "Capaian (%)", "Catatan"))
    return {
        row[kode]: (row[cap] if row[cap] != "" else None, row[note])
        for row in rows[head + 1 :]
        if row[0] in ("IKU", "IKK") and row[kode] not in ("IKK-TI-6",)  # not the orphan
    }


def _svg_boxes(svg: str) -> dict[str, str]:
    """A box's code → the text of its box, in the SVG the pohon command drew (the text is
    drawn as paths; matplotlib keeps each text in a comment beside them)."""
    texts = [html.unescape(t) for t in re.findall(r"<!-- (.*?) -->", svg)]
    boxes: dict[str, list[str]] = {}
    current: str | None = None
    for text in texts:
        code = re.match(r"\s*(IK[UK]-[A-Z0-9-]+|RHK-\d+|peran)\b", text)
        if code:
            current = code.group(1)
            boxes.setdefault(current, [])
        if current is not None:
            boxes[current].append(text)
    return {code: " ".join(lines) for code, lines in boxes.items()}


def _shown(value: float) -> str:
    """The tree's capaian text: two decimals, Indonesian comma (core/formats.py)."""
    return f"{value:.2f}".replace(".", ",")


def test_every_iku_figure_is_the_same_in_every_sheet_and_the_drawn_tree(written):  # type: ignore[no-untyped-def]
    sheets, svg = written
    a, ringkasan, pohon = _rekap_capaian_a(sheets), _ringkasan(sheets), _pohon_sheet(sheets)
    boxes = _svg_boxes(svg)
    assert a.keys() == ringkasan.keys() and len(a) == 8
    for code, (capaian, melapor) in a.items():
        assert ringkasan[code] == (capaian, melapor), code
        tree_capaian, catatan = pohon[code]
        assert tree_capaian == capaian, code
        if capaian is not None:
            assert f"capaian {_shown(capaian)} %" in boxes[code], (code, boxes[code])
        done, total = (int(n) for n in melapor.split(" dari ")) if melapor else (0, 0)
        if done < total:  # the coverage is said where the figure is shown
            assert catatan == f"{melapor} IKK melapor TW III", code
            assert f"{melapor} IKK melapor TW III" in boxes[code], code


def test_an_ikk_that_did_not_report_the_period_has_no_figure_anywhere(written):  # type: ignore[no-untyped-def]
    """AK reported up to TW II only: its IKK show no TW III figure (not their TW II one),
    and the IKU above them are the figure of the IKK that did report TW III."""
    sheets, svg = written
    pohon, boxes = _pohon_sheet(sheets), _svg_boxes(svg)
    rows = sheets["Rekap Capaian"]
    head = _header_row(rows, "IKU", "Kode IKK", "TW", "Capaian (%)")
    kode, tw, cap = (rows[head].index(c) for c in ("Kode IKK", "TW", "Capaian (%)"))
    target, real = rows[head].index("Target"), rows[head].index("Realisasi")
    tw3 = {row[kode]: row[cap] for row in rows[head + 1 :] if row[tw] == "TW III"}
    pair = {row[kode]: (row[target], row[real]) for row in rows[head + 1 :] if row[tw] == "TW III"}
    ak = [code for code in pohon if code.startswith("IKK-AK-")]
    assert len(ak) == 5 and not any(code in tw3 for code in ak)
    for code in ak:
        assert pohon[code] == (None, "Belum melapor TW III"), code
        assert "belum melapor TW III" in boxes[code], code
    for code, value in tw3.items():  # the IKK that reported: the same figure
        if code in pohon and value != "":
            assert pohon[code][0] == pytest.approx(value), code
    # IKU-2 (%): the mean of TI's and TM's realisasi against the mean of their targets
    (t1, r1), (t2, r2) = pair["IKK-TI-2"], pair["IKK-TM-2"]
    assert pohon["IKU-2"][0] == pytest.approx((r1 + r2) / (t1 + t2) * 100)


def test_the_figures_are_of_the_period_the_outputs_name(written):  # type: ignore[no-untyped-def]
    sheets, svg = written
    assert "s.d. TW III" in sheets["Pohon Kinerja"][0][0]
    assert "capaian s.d. TW III" in svg
    rows = sheets["Rekap Capaian"]
    assert "Status TW III" in rows[_header_row(rows, "Kode", "TW III", "IKK melapor")]


def test_a_figure_is_never_shown_in_the_colour_of_none(written):  # type: ignore[no-untyped-def]
    """Grey means "belum ada capaian": every row of the Pohon Kinerja sheet with a capaian
    has a status colour, and an RHK's progress on its yearly target before TW IV is its
    realisasi so far, not a capaian."""
    sheets, _ = written
    rows = sheets["Pohon Kinerja"]
    head = _header_row(rows, "Tingkat", "Kode", "Capaian (%)", "Status")
    cap, status, note = (rows[head].index(c) for c in ("Capaian (%)", "Status", "Catatan"))
    body = [row for row in rows[head + 1 :] if row[0] in ("IKU", "IKK", "RHK")]
    assert body
    for row in body:
        if row[cap] != "":
            assert row[status] in ("merah", "kuning", "hijau"), row
    rhk = [row for row in body if row[0] == "RHK" and "realisasi" in str(row[note]).lower()]
    assert rhk and all(row[cap] == "" and "s.d. TW III" in row[note] for row in rhk)
    # a percentage is its latest quarter's (Andi's lulusan terserap: 22, 41, 66 %), not the
    # 129 % of their sum
    notes = {row[note] for row in rhk}
    assert "Realisasi 66 % s.d. TW III" in notes  # the sheet capitalises its notes
    assert not any("129" in str(n) for n in notes)


def _section_a_figures(sheets: Sheets, tw: str = "TW III") -> dict[str, tuple[Any, Any, Any, str]]:
    """IKU → (target, realisasi, capaian, cara agregasi) of TW `tw` in Rekap Capaian A."""
    rows = sheets["Rekap Capaian"]
    names = (tw, f"Target {tw}", f"Realisasi {tw}")
    head = _header_row(rows, "Kode", *names)
    col = {c: rows[head].index(c) for c in names}
    cara = rows[head].index("Cara agregasi")
    found = {}
    for row in rows[head + 1 :]:
        if not str(row[0]).startswith("IKU-"):
            break
        values = [row[col[c]] if row[col[c]] != "" else None for c in col]
        found[row[0]] = (values[1], values[2], values[0], row[cara])
    return found


def _reconciles(target: Any, realisasi: Any, value: Any, cara: str) -> None:
    """A row's capaian follows from its target and realisasi, or says it does not."""
    if target is None or realisasi is None:
        assert value is None or "rata-rata capaian IKK" in cara, (target, realisasi, value)
        return
    assert value == pytest.approx(capaian_of(realisasi, target, batas_atas=BATAS_ATAS).nilai)


def test_every_iku_row_of_the_rekap_reconciles(written):  # type: ignore[no-untyped-def]
    sheets, _ = written
    figures = _section_a_figures(sheets)
    assert figures["IKU-3"][:3] == (200, 238, 119)  # 142 + 96 against 140 + 60
    for code, (target, realisasi, value, cara) in figures.items():
        _reconciles(target, realisasi, value, cara or "")
        assert (value is None) == (code in ("IKU-7", "IKU-8")), code


def _percent(text: str) -> float:
    return float(text.removesuffix(" %").replace(".", "").replace(",", "."))


def _number(text: str) -> float | None:
    return None if not text[:1].isdigit() else float(text.replace(".", "").replace(",", "."))


def test_the_lkj_shows_the_rekaps_figures_and_its_rows_reconcile(written, lkj):  # type: ignore[no-untyped-def]
    sheets, _ = written
    figures = _section_a_figures(sheets)
    lkj_sheets, tables = lkj
    rows = lkj_sheets["Bab III"]
    head = _header_row(rows, "Target s.d. TW III", "Realisasi s.d. TW III", "Capaian")
    t, r, c = (
        rows[head].index(x) for x in ("Target s.d. TW III", "Realisasi s.d. TW III", "Capaian")
    )
    shown = {}
    for row in rows[head + 1 :]:
        code = str(row[2]).split(" ")[0]
        if not code.startswith("IKU-"):
            break
        shown[code] = tuple(
            v if isinstance(v, float | int) else None for v in (row[t], row[r], row[c])
        )
    assert shown.keys() == figures.keys()
    for code, (target, realisasi, value) in shown.items():
        assert (target, realisasi, value) == figures[code][:3], code
    summary = tables[0]  # Tabel 3.1 in the docx: the same numbers, as text
    t, r, c = (
        summary[0].index(x) for x in ("Target s.d. TW III", "Realisasi s.d. TW III", "Capaian")
    )
    for row in summary[1:]:
        code = row[2].split(" ")[0]
        target, realisasi, value, cara = figures[code]
        shown = (_number(row[t]), _number(row[r]))  # two decimals at most
        assert shown == pytest.approx((target, realisasi), abs=0.005), code
        if value is not None:
            assert _percent(row[c]) == pytest.approx(value, abs=0.005), code
        _reconciles(target, realisasi, value, cara or "")


def test_kompilasi_json_prints_the_same_figures(written, printed_json):  # type: ignore[no-untyped-def]
    sheets, _ = written
    figures = _section_a_figures(sheets)
    period = printed_json["capaian_iku"]
    assert period["periode"] == "s.d. TW III"
    shown = {f["kode_iku"]: f for f in period["iku"]}
    assert shown.keys() == {code for code, f in figures.items() if f[2] is not None}
    for code, f in shown.items():
        target, realisasi, value, cara = figures[code]
        assert (f["target"], f["realisasi"], f["cara_agregasi"]) == (target, realisasi, cara)
        assert f["capaian"] == pytest.approx(value), code


def test_a_chosen_period_is_the_one_every_output_shows(tmp_path: Path):
    """`--triwulan 2`: TW II's figures everywhere — AK reported TW II, so every IKK counts —
    and an LKj asked of a rekap of another period is refused (exit 2), not mixed."""
    from typer.testing import CliRunner

    from xlkinerja.cli.app import app

    runner = CliRunner()
    rekap = tmp_path / "rekap.xlsx"
    run = runner.invoke(
        app,
        [
            "kompilasi", str(SAMPLE), "--master", str(MASTER), "--output", str(rekap),
            "--tanpa-arsip", "--triwulan", "2", "--format", "json",
        ],
    )  # fmt: skip
    printed = json.loads(run.stdout)["capaian_iku"]
    assert printed["periode"] == "s.d. TW II"
    assert {f["ikk_melapor"] for f in printed["iku"]} == {"3 dari 3", "2 dari 2"}
    sheets = _sheets(rekap)
    figures = _section_a_figures(sheets, "TW II")
    for f in printed["iku"]:
        assert figures[f["kode_iku"]][2] == pytest.approx(f["capaian"]), f["kode_iku"]
    assert "s.d. TW II" in sheets["Pohon Kinerja"][0][0]
    refused = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(rekap), "--master", str(MASTER), "--output",
            str(tmp_path / "lkj"), "--db", str(tmp_path / "a.sqlite"), "--triwulan", "3",
        ],
    )  # fmt: skip
    assert refused.exit_code == 2
    assert "masukan.triwulan_tidak_ada" in refused.output
    assert "memuat capaian s.d. TW II, bukan s.d. TW III" in " ".join(refused.output.split())
    exported = runner.invoke(
        app,
        ["ekspor", str(rekap), "--output", str(tmp_path / "e"), "--triwulan", "3"],
    )
    assert exported.exit_code == 2 and "masukan.triwulan_tidak_ada" in exported.output
    assert not (tmp_path / "e").exists()  # refused before anything was written
    from xlkinerja.jobs.ekspor_buku import export_beside

    with pytest.raises(XlkinerjaError) as raised:  # the ribbon's Ekspor, Periode s.d. TW I
        export_beside(rekap, triwulan=1)
    assert "Pilih Periode yang sama" in str(raised.value.hint)
    assert len(export_beside(rekap, triwulan=2).written) == 4


def test_the_export_shows_the_periods_figures(  # type: ignore[no-untyped-def]
    written, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
):
    """The esakip-hierarki file, exported from the written rekap: each IKU's capaian is the
    rekap's of TW III, and an IKK that did not report TW III has none (not its TW II one)."""
    from typer.testing import CliRunner

    from xlkinerja.cli.app import app

    sheets, _ = written
    figures = _section_a_figures(sheets)
    rekap = next(tmp_path_factory.getbasetemp().glob("satu*/rekap.xlsx"))  # `written`'s
    run = CliRunner().invoke(
        app,
        ["ekspor", str(rekap), "--profil", "esakip-hierarki", "--output", str(tmp_path)],
    )
    assert run.exit_code == 0, run.output
    rows = _sheets(next(tmp_path.glob("esakip-hierarki-*.xlsx")))["Hierarki"]
    head = rows[0]
    level, kode, cap, note = (head.index(c) for c in ("level", "kode", "capaian", "catatan"))
    iku = {r[kode]: r for r in rows[1:] if r[level] == "iku"}
    for code, (_, _, value, cara) in figures.items():
        shown = iku[code][cap] if iku[code][cap] != "" else None
        assert shown == pytest.approx(value), code
        if cara:
            assert cara in iku[code][note], code
    ak = [r for r in rows[1:] if r[level] == "ikk" and str(r[kode]).startswith("IKK-AK-")]
    assert ak and all(r[cap] == "" and "belum melapor TW III" in r[note] for r in ak)
