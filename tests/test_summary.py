"""Job results present themselves: a Summary for people, to_dict() for machines; the CLI only
renders them, and text from a workbook is shown as typed, never interpreted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import SAMPLE
from xlkinerja.cli.render import render, visible
from xlkinerja.core.finding import Severity
from xlkinerja.jobs.summary import Column, Span, Summary, Table, Tone, cell, count

HOSTILE = "[/] [bold]tebal[/bold] \x1b[2J\x1b]8;;http://x\x1b\\tautan\x07 selesai"


def rendered(summary: Summary) -> str:
    out = io.StringIO()
    render(summary, Console(file=out, width=200, color_system=None))
    return out.getvalue()


def test_markup_and_escape_sequences_from_cells_are_shown_as_text():
    summary = Summary()
    summary.table("Judul [/]", [Column("Berkas [/b]")], [[cell(HOSTILE)]])
    summary.line(Span("galat", Tone.GALAT), f" {HOSTILE}")
    text = rendered(summary)
    assert "[/] [bold]tebal[/bold]" in text  # markup printed as typed, no MarkupError
    assert "Judul [/]" in text and "Berkas [/b]" in text
    assert "\x1b" not in text and "\x07" not in text  # no escape reaches the terminal
    assert "\\x1b[2J" in text and "\\x07" in text


def test_visible_keeps_newlines_tabs_and_ordinary_text():
    assert visible("a\tb\nc ü 🙂") == "a\tb\nc ü 🙂"
    assert visible("\x00\x1b\x7f\x9b") == "\\x00\\x1b\\x7f\\x9b"


def test_plain_text_lists_tables_and_lines():
    summary = Summary()
    summary.table(
        "Hasil",
        [Column("Berkas"), Column("Galat", right=True)],
        [[cell("a.xlsx"), count(2, Tone.GALAT)]],
    )
    summary.line("Selesai.")
    assert summary.plain_text() == "Hasil\n  Berkas: a.xlsx; Galat: 2\nSelesai."
    assert isinstance(summary.blocks[0], Table)
    assert summary.blocks[0].rows[0][1] == Span("2", Tone.GALAT)
    assert count(0, Tone.GALAT) == Span("0", Tone.BIASA)


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory):
    from xlkinerja.jobs.contoh import run_contoh

    return run_contoh(tmp_path_factory.mktemp("hasil"), SAMPLE)


@pytest.mark.lambat  # `contoh` runs the whole main job: every PDF
def test_every_job_result_presents_itself(contoh, tmp_path: Path):
    """Each result of the main job (and the archive jobs) gives JSON-able data, a summary
    with something to read, and notes."""
    from xlkinerja.jobs import arsip

    db = contoh.output / "arsip.sqlite"
    results = [
        contoh, contoh.prefilled, contoh.read, contoh.validasi, *contoh.kaskade, contoh.pohon,
        contoh.rekap, arsip.daftar(db), arsip.daftar(db, unit="ti"), arsip.beda(db, "TI", 1, 1),
        arsip.bersihkan(db, years=5),
    ]  # fmt: skip
    for result in results:
        json.dumps(result.to_dict(), ensure_ascii=False)  # no default=str needed
        assert result.summary().plain_text(), type(result).__name__
        assert isinstance(result.notes(), Summary)
    assert [r["unit"] for r in arsip.daftar(db, unit="ti").to_dict()] == ["TI"]


@pytest.mark.lambat  # `contoh` runs the whole main job: every PDF
def test_validasi_summary_names_each_finding_with_its_code_and_fix(contoh):
    text = contoh.validasi.summary().plain_text()
    for finding in contoh.validasi.findings:
        assert f"{finding.severity.value} {finding.code} {finding.message} {finding.hint}" in text
    data = contoh.validasi.to_dict()
    assert sum(f["galat"] for f in data["berkas"]) == contoh.validasi.count(Severity.GALAT) > 0
    assert len(data["temuan"]) == len(contoh.validasi.findings)
