"""Which form a workbook is, and whether it is whole — for every reader (the file reader,
the open-workbook adapter): its template metadata (the very hidden `_meta` sheet's rows, a
key it lacks from the custom document properties), the form of that template id at this
xlkinerja's version and schema, and every sheet of the form present. A workbook failing any
of these is refused with the way out (`REGENERATE_HINT`: `xlkinerja pindahkan`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import TemplateMeta
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.specs import Form, form_of
from xlkinerja.specs.model import EarlierVersion
from xlkinerja.specs.template_meta import META_KEYS

REGENERATE_HINT = (
    "Pindahkan isiannya ke templat baru: xlkinerja pindahkan BERKAS --output FOLDER "
    "(menurut nama lembar dan judul kolom; berkas asli tidak diubah)."
)
PROPERTIES_GENERATOR = "xlkinerja (dari properti dokumen)"  # the generator when _meta is lost


def complete(rows: Iterable[Sequence[Any]]) -> bool:
    """Whether the `_meta` rows hold every key (else the properties fill in)."""
    keys = {row[0] for row in rows if len(row) >= 2 and row[1] is not None}
    return all(key in keys for key in META_KEYS)


def meta_from_rows(
    rows: Iterable[Sequence[Any]], path: Path, properties: Mapping[str, str] | None = None
) -> TemplateMeta:
    """The template's metadata from the `_meta` sheet's rows (key in A, value in B), a key
    the sheet lacks taken from `properties` (the custom document properties)."""
    values: dict[str, str] = {}
    for row in rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[1] is not None:
            values[row[0]] = str(row[1])
    if properties:
        values = {"generator": PROPERTIES_GENERATOR, **properties, **values}
    missing = [key for key in META_KEYS if key not in values]
    if missing:
        raise WorkbookError(
            f"metadata templat tidak lengkap ({', '.join(missing)}).",
            code=ErrorCode.TEMPLAT_METADATA_TIDAK_LENGKAP,
            path=path,
            hint=REGENERATE_HINT,
        )
    return TemplateMeta(
        template_id=values["template_id"],
        version=values["versi"],
        schema_hash=values["schema_hash"],
        generator=values["generator"],
    )


def resolve_form(
    meta: TemplateMeta, path: Path, expected: Form | None
) -> tuple[Form, EarlierVersion | None]:
    """The form the workbook is, and the earlier version of it the workbook was made with
    (None: this xlkinerja's) — read as `form.as_of(earlier)`."""
    form = form_of(meta.template_id)
    if form is None:
        raise WorkbookError(
            f"jenis templat '{meta.template_id}' tidak dikenal.",
            code=ErrorCode.TEMPLAT_JENIS_TIDAK_DIKENAL,
            path=path,
        )
    if expected is not None and form.id != expected.id:
        raise WorkbookError(
            f"ini workbook '{form.title}', bukan '{expected.title}' yang diharapkan.",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=path,
        )
    if meta.version == form.version and meta.schema_hash == form.schema_hash:
        return form, None
    earlier = form.earlier_version(meta.version, meta.schema_hash)
    if earlier is None:
        raise WorkbookError(
            f"templat versi {meta.version} (skema {meta.schema_hash}) berbeda dengan versi "
            f"yang dipakai xlkinerja ini: {form.version} (skema {form.schema_hash}).",
            code=ErrorCode.TEMPLAT_VERSI_BEDA,
            path=path,
            hint=REGENERATE_HINT,
        )
    return form, earlier


def check_sheets(form: Form, present: Iterable[str], path: Path) -> None:
    """Every sheet of the form is in the workbook (by name), or the workbook is refused."""
    names = set(present)
    missing = [s.name for s in form.sheets if s.name not in names]
    if missing:
        raise WorkbookError(
            f"lembar {', '.join(repr(m) for m in missing)} tidak ditemukan "
            "(diganti nama atau dihapus?).",
            code=ErrorCode.TEMPLAT_LEMBAR_HILANG,
            path=path,
            hint=REGENERATE_HINT,
        )
