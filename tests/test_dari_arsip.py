"""Kompilasi from the archive (issue 12): archived versions come back as the form data the
reader made of each workbook, and `kompilasi --dari-arsip` compiles them to the rekap that
kompilasi of the files makes."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (pro)

import xlwings as xw

from tests import bad_files
from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.vba_payload import payload
from xlkinerja.cli.app import app
from xlkinerja.core.form_data import FormData
from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import ErrorCode
from xlkinerja.excel.reader import read_book
from xlkinerja.jobs.inputs import latest_in_archive, workbook_files
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.jobs.per_file import Work, process_source
from xlkinerja.jobs.pipeline import check_workbooks
from xlkinerja.sources.reader import read_form
from xlkinerja.sources.source import FormRead, WorkbookFile
from xlkinerja.sources.source import workbook_files as files_of
from xlkinerja.store import Archive, encode_submission
from xlkinerja.store.restore import ArchivedVersion
from xlkinerja.store.submission import submission
from xlkinerja.validation.normalise import normalise_form

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
NOW = datetime(2025, 3, 3, 9, 30)
FILES = sorted(SAMPLE.glob("*.xlsx"))
runner = CliRunner()


def typed(value: object) -> tuple[str, object]:
    """A value with its type: 80 and 80.0, 1 and True, a date and a datetime differ."""
    return type(value).__name__, value


def as_read(data: FormData) -> dict[str, Any]:
    """Everything the reader gives of a workbook but its path, every value with its type."""
    return {
        "form": data.form.id,
        "meta": data.meta,
        "fields": {k: (typed(c.value), c.sheet, c.cell) for k, c in data.fields.items()},
        "tables": {
            key: (
                t.sheet,
                t.numbers,
                dict(t.letters),
                {c: [typed(v) for v in values] for c, values in t.columns.items()},
            )
            for key, t in data.tables.items()
        },
        "formula_cells": dict(data.formula_cells),
        "number_formats": dict(data.number_formats),
    }


def archived(db: str, books: list[FormData]) -> list[ArchivedVersion]:
    """Record each workbook as kompilasi records it, then take them back from the archive."""
    with Archive.open(db) as archive:
        for data in books:
            result = process_source(FormRead(data, "0" * 64), Pengaturan(), Work(archive=True))
            assert result.archive is not None
            archive.record(result.archive)
        return archive.restore(archive.submissions())


def compile_archived(
    output: Path, db: str, *, master: Path | None = None, tahun: int | None = None
) -> KompilasiResult:
    workbooks = latest_in_archive(db, master=master, tahun=tahun)
    return compile_workbooks(workbooks, output=output, db=db, now=NOW)


def by_file(restored: list[ArchivedVersion]) -> dict[str, FormData]:
    found = {}
    for r in restored:
        assert r.data is not None, r.error
        assert r.name == f"{r.info.file_name} (versi 1)"
        found[r.info.file_name] = r.data
    return found


def test_archived_workbooks_come_back_as_the_reader_made_them(db: str, tmp_path: Path):
    """Every sample workbook, and one whose input cells hold formulas without a value (kept
    as rows although their values read blank): values, types, cells, rows, formula cells,
    the percent-formatted cells."""
    formulas = bad_files.formulas_without_cache(tmp_path)
    read = [read_form(p) for p in [*FILES, formulas]]
    assert read[-1].formula_cells  # the case is there
    assert any(data.number_formats for data in read)  # typed percentages (the sample's AK)
    back = by_file(archived(db, read))
    assert len(back) == len(read)
    for data in read:
        assert as_read(back[data.path.name]) == as_read(data), data.path.name


def test_workbooks_read_from_excel_come_back_too(db: str):
    """As kirim records them: read through the add-in's payload (dates as datetimes, an
    18-digit NIP as a number)."""
    read = [read_book(xw.Book(json=payload(p))) for p in FILES]
    back = by_file(archived(db, read))
    for data in read:
        assert as_read(back[data.path.name]) == as_read(data), data.path.name


def test_the_restored_workbooks_have_the_findings_of_the_files(tmp_path: Path):
    db = str(tmp_path / "arsip.sqlite")
    back = by_file(archived(db, [read_form(p) for p in FILES]))
    named = {str(data.path): name for name, data in back.items()}
    sources = files_of([p for p in FILES if p != MASTER])
    on_files = check_workbooks(sources, master=WorkbookFile(MASTER)).findings
    restored = [d for name, d in back.items() if name != MASTER.name]
    on_archive = check_workbooks(
        [FormRead(d) for d in restored], master=FormRead(back[MASTER.name])
    ).findings

    def key(f: Any, name: str) -> tuple[Any, ...]:
        return (name, f.code, f.severity, f.sheet, f.cell, f.row, f.field, f.value, f.hint)

    assert len(on_files) > 10
    assert [key(f, Path(f.file).name) for f in on_files] == [
        key(f, named[f.file]) for f in on_archive
    ]


def test_an_older_archive_comes_back_with_values_and_dates(tmp_path: Path):
    """A version recorded before the archive kept what the reader saw: the same values
    (dates of date items parsed back), blank items without their cell."""
    path = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
    data = read_form(path)
    with Archive.open(tmp_path / "arsip.sqlite") as archive:
        archive.record(encode_submission(submission(normalise_form(data)[0], "1" * 64)))
        (back,) = archive.restore(archive.submissions())
    assert back.data is not None
    old, new = as_read(back.data), as_read(data)
    for key, (sheet, numbers, letters, columns) in new["tables"].items():
        filled = {c: letters[c] for c, values in columns.items() if any(v[1] for v in values)}
        assert old["tables"][key][:2] == (sheet, numbers)
        assert old["tables"][key][3] == columns
        assert {c: old["tables"][key][2][c] for c in filled} == filled
    assert {k: v for k, v in old["fields"].items() if v[2]} == {
        k: v for k, v in new["fields"].items() if v[0][1] is not None
    }
    assert old["meta"].generator == ""


def test_a_version_sent_with_another_template_is_unreadable(tmp_path: Path):
    db = str(tmp_path / "arsip.sqlite")
    data = read_form(SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx")
    form = normalise_form(data)[0]
    old = replace(data, meta=replace(data.meta, version="0.9", schema_hash="lama"))
    with Archive.open(db) as archive:
        archive.record(encode_submission(submission(form, "2" * 64, old)))
    result = compile_archived(tmp_path / "rekap.xlsx", db, master=MASTER)
    (unreadable,) = result.kompilasi.tidak_terbaca
    assert unreadable.berkas == f"{data.path.name} (versi 1)"
    assert unreadable.kode == ErrorCode.ARSIP_VERSI_TEMPLAT_BEDA
    assert "templat versi 0.9 (skema lama)" in unreadable.alasan  # the version it was sent with


# -- the rekap ---------------------------------------------------------------------------------


def sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def differing(a: dict[str, list[list[Any]]], b: dict[str, list[list[Any]]]) -> set[Any]:
    """(sheet, column header) of every cell that differs; the rows must be as many."""
    found = set()
    for name, rows in a.items():
        assert len(rows) == len(b[name]), name
        header = next((r for r in rows if {"Berkas", "Sumber", "Kode"} & set(r)), [])
        for row_a, row_b in zip(rows, b[name], strict=True):
            for col, (x, y) in enumerate(zip(row_a, row_b, strict=True)):
                if x != y:
                    found.add((name, header[col] if col < len(header) else col))
    return found


def test_kompilasi_dari_arsip_equals_kompilasi_of_the_files(tmp_path: Path):
    """The archive holds what kompilasi of the files recorded; compiled from the archive
    (the master too) every value of the rekap is the same. Only where a workbook is named
    does the rekap differ: its file (with its folder) becomes "<file> (versi N)" in the
    Berkas of Status Pengumpulan and Temuan, the Sumber of Rekap PK, Rekap Rencana Aksi and Rekap SKP,
    the Induk of Temuan and the Pesan of the cascade findings that name the other workbook."""
    db = str(tmp_path / "arsip.sqlite")
    files = compile_workbooks(
        workbook_files([SAMPLE], master=MASTER),
        output=tmp_path / "berkas.xlsx",
        db=db,
        now=NOW,
        workers=1,
    )
    arsip = compile_archived(tmp_path / "arsip.xlsx", db)
    a, b = sheets(files.output), sheets(arsip.output)
    assert list(a) == list(b)
    assert differing(a, b) == {
        ("Status Pengumpulan", "Berkas"),
        ("Rekap PK", "Sumber"),
        ("Rekap Rencana Aksi", "Sumber"),
        ("Rekap SKP", "Sumber"),
        ("Temuan", "Berkas"),
        ("Temuan", "Pesan"),
        ("Temuan", "Induk"),
    }

    def named_alike(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        for path in FILES:
            text = text.replace(f"{path.name} (versi 1)", path.name)
            text = text.replace(str(path), path.name)
        return text

    assert {n: [[named_alike(v) for v in r] for r in rows] for n, rows in a.items()} == {
        n: [[named_alike(v) for v in r] for r in rows] for n, rows in b.items()
    }
    expected = {k: v for k, v in files.to_dict().items() if k != "rekap"}
    got = {k: v for k, v in arsip.to_dict().items() if k != "rekap"}
    source = got.pop("dari_arsip")
    assert sorted(source.pop("versi")) == sorted(
        f"{p.name} (versi 1)" for p in FILES if p != MASTER
    )
    assert source == {"arsip": db, "tahun": 2025, "master": f"{MASTER.name} (versi 1)"}
    assert (expected.pop("versi_baru_di_arsip"), got.pop("versi_baru_di_arsip")) == (9, 0)
    assert got == expected


def test_kompilasi_dari_arsip_takes_only_the_year_asked(tmp_path: Path):
    db = str(tmp_path / "arsip.sqlite")
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER),
        output=tmp_path / "r.xlsx",
        db=db,
        now=NOW,
        workers=1,
    )
    result = compile_archived(tmp_path / "r2024.xlsx", db, master=MASTER, tahun=2024)
    assert result.from_archive is not None and result.from_archive.versions == []
    assert {s.kode_unit for s in result.kompilasi.status if s.berkas is None} == {
        "TI", "TM", "AK", "P3M", "BAAK",
    }  # fmt: skip
    assert "Dikompilasi dari arsip" in result.summary().plain_text()


def test_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    db = "arsip.sqlite"
    without = runner.invoke(app, ["kompilasi", "--dari-arsip", "-o", "r.xlsx", "--db", db])
    assert without.exit_code == 2
    assert error_code(without.stderr) == ErrorCode.ARSIP_MASTER_TIDAK_ADA
    kompilasi = ["kompilasi", str(SAMPLE), "-m", str(MASTER), "-o", "r.xlsx", "--db", db]
    assert runner.invoke(app, kompilasi).exit_code == 1  # the sample has galat
    run = runner.invoke(
        app, ["kompilasi", "--dari-arsip", "-o", "r2.xlsx", "--db", db, "--format", "json"]
    )
    assert run.exit_code == 1, run.output
    assert (
        "TI-jurusan-teknik-informatika.xlsx (versi 1)"
        in json.loads(run.stdout)["dari_arsip"]["versi"]
    )
    neither = runner.invoke(app, ["kompilasi", "-o", "r3.xlsx"])
    assert neither.exit_code == 2 and error_code(neither.stderr) == ErrorCode.OPSI_BELUM_DIBERIKAN
    both = runner.invoke(app, ["kompilasi", str(SAMPLE), "--dari-arsip", "-o", "r3.xlsx"])
    assert both.exit_code == 2 and error_code(both.stderr) == ErrorCode.OPSI_BERTENTANGAN
    no_master = runner.invoke(app, ["kompilasi", str(SAMPLE), "-o", "r3.xlsx"])
    assert no_master.exit_code == 2
    assert error_code(no_master.stderr) == ErrorCode.MASUKAN_MASTER_TIDAK_ADA
    assert not Path("r3.xlsx").exists()
