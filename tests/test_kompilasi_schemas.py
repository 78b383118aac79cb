"""The compiled frames match their pandera models: same columns, same dtypes, whatever the
data (a frame without rows, or a column nobody filled, too)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SAMPLE
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.kompilasi import model, schemas
from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS
from xlkinerja.sample.build import MASTER_FILE

MODELS = {
    "rekap_pk": schemas.RekapPk,
    "anggaran": schemas.Anggaran,
    "rekap_ra": schemas.RekapRa,
    "rekap_ra_iku": schemas.RekapRaIku,
    "capaian_ikk": schemas.CapaianIkk,
    "capaian_iku": schemas.CapaianIku,
    "capaian_unit": schemas.CapaianUnit,
    "rekap_skp": schemas.RekapSkp,
}


def _columns(name: str) -> list[str]:
    return list(MODELS[name].to_schema().columns)


def _compile(paths: list[Path], tmp_path: Path) -> model.Kompilasi:
    result = compile_workbooks(
        workbook_files(paths, master=SAMPLE / MASTER_FILE),
        output=tmp_path / "rekap.xlsx",
        db=tmp_path / "arsip.sqlite",
        workers=1,
    )
    return result.kompilasi


def _dtypes(k: model.Kompilasi) -> dict[str, dict[str, str]]:
    return {n: {c: str(t) for c, t in getattr(k, n).dtypes.items()} for n in MODELS}


def test_the_column_constants_are_the_models_columns():
    assert list(model.REKAP_PK_COLUMNS) == _columns("rekap_pk")
    assert list(model.REKAP_RA_COLUMNS) == _columns("rekap_ra")
    assert list(model.CAPAIAN_IKK_COLUMNS) == _columns("capaian_ikk")
    assert list(REKAP_SKP_COLUMNS) == _columns("rekap_skp")


def test_the_model_docstring_lists_every_frame_as_its_model():
    doc = re.sub(r"\([^)]*\)", "", model.__doc__ or "", flags=re.DOTALL)
    names = list(MODELS)
    for i, name in enumerate(names):
        following = names[i + 1] if i + 1 < len(names) else "Numbers are"
        text = doc.split(f"\n{name} ", 1)[1].split(f"\n{following}", 1)[0]
        assert re.findall(r"[a-z_0-9]+", text) == _columns(name), name


@pytest.mark.parametrize("files", ["sample", "master only"])
def test_every_frame_has_its_models_columns_and_dtypes(files: str, tmp_path: Path):
    paths = [SAMPLE] if files == "sample" else [SAMPLE / MASTER_FILE]
    k = _compile(paths, tmp_path)
    for name, frame_model in MODELS.items():
        frame = getattr(k, name)
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == _columns(name)
        frame_model.validate(frame)  # raises on a dtype or a blank where none may be
    if files == "master only":  # no unit sent anything: frames without rows
        assert len(k.anggaran) == len(k.rekap_ra) == len(k.capaian_ikk) == 0


def test_dtypes_do_not_depend_on_the_data(tmp_path: Path):
    full = _dtypes(_compile([SAMPLE], tmp_path / "full"))
    empty = _dtypes(_compile([SAMPLE / MASTER_FILE], tmp_path / "empty"))
    assert full == empty
    assert full["capaian_ikk"]["status"] == "str"
    assert full["capaian_ikk"]["tw"] == "int64"
    assert full["rekap_ra"]["tw1"] == "float64"
