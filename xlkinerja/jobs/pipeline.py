"""The work done for one workbook in a worker process: read, normalise, per-file checks, and
the unit's rows for the rekap tables. Everything returned is picklable."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.core.table_access import positions, val
from xlkinerja.errors import XlkinerjaError
from xlkinerja.io.reader import read_form
from xlkinerja.jobs.peak_memory import peak_rss_mb
from xlkinerja.store.encoded import EncodedSubmission, encode_submission
from xlkinerja.store.submission import submission
from xlkinerja.validation.capaian_rows import PerIkk, capaian_per_ikk
from xlkinerja.validation.checks import per_file_checks
from xlkinerja.validation.normalise import normalise_form

Rows = list[dict[str, Any]]


@dataclass
class FileResult:
    path: str
    sha256: str
    error: str | None = None
    form: NormalForm | None = None
    findings: list[Finding] = field(default_factory=list)
    rows_read: dict[str, int] = field(default_factory=dict)
    rekap: dict[str, Rows] = field(default_factory=dict)  # pk, anggaran, ra, capaian
    archive: EncodedSubmission | None = None  # what the archive records, serialised
    peak_rss_mb: float = 0.0  # of the process that did the work (for the benchmark)


def unit_rows(
    form: NormalForm, batas_atas: float | None, per_ikk: PerIkk | None = None
) -> dict[str, Rows]:
    """The unit's own columns of rekap_pk, anggaran, rekap_ra and capaian_ikk."""
    kode, nama = form.field("kode_unit"), form.field("nama_unit")
    pk, ra, anggaran = form.tables["pk"], form.tables["ra"], form.tables["anggaran"]
    base = {"kode_unit": kode, "nama_unit": nama, "berkas": form.file}
    iku_of = {val(pk, p, "kode_ikk"): val(pk, p, "kode_iku") for p in positions(pk)}
    indikator = {val(pk, p, "kode_ikk"): val(pk, p, "indikator") for p in positions(pk)}
    target_pk = {val(pk, p, "kode_ikk"): val(pk, p, "target") for p in positions(pk)}
    out: dict[str, Rows] = {"pk": [], "anggaran": [], "ra": [], "capaian": []}
    for p in positions(pk):
        out["pk"].append(
            {
                **base,
                "kode_iku": val(pk, p, "kode_iku"),
                "kode_ikk": val(pk, p, "kode_ikk"),
                "indikator": val(pk, p, "indikator"),
                "satuan": val(pk, p, "satuan"),
                "arah": val(pk, p, "arah"),
                "target": val(pk, p, "target"),
                "metode_kaskade": val(pk, p, "metode_kaskade"),
                "baris": pk.rows[p],
            }
        )
    for p in positions(anggaran):
        out["anggaran"].append(
            {
                **base,
                "program": val(anggaran, p, "program"),
                "anggaran": val(anggaran, p, "anggaran"),
                "baris": anggaran.rows[p],
            }
        )
    for p in positions(ra):
        ikk = val(ra, p, "kode_ikk")
        out["ra"].append(
            {
                **base,
                "kode_iku": iku_of.get(ikk),
                "kode_ikk": ikk,
                "indikator": indikator.get(ikk),
                "target_pk": target_pk.get(ikk),
                **{tw: val(ra, p, tw) for tw in ("tw1", "tw2", "tw3", "tw4")},
                "baris": ra.rows[p],
            }
        )
    cap = form.tables["capaian"]
    if per_ikk is None:
        per_ikk = capaian_per_ikk(form, batas_atas)
    for ikk, rows in per_ikk.items():
        for row in rows:
            out["capaian"].append(
                {
                    **base,
                    "kode_iku": iku_of.get(ikk),
                    "kode_ikk": ikk,
                    "indikator": indikator.get(ikk),
                    "tw": row.tw,
                    "target": row.hasil.target,
                    "realisasi": row.hasil.realisasi,
                    "capaian": row.hasil.nilai,
                    "alasan": row.hasil.alasan,
                    "baris": cap.rows[row.pos],
                }
            )
    return out


def process_file(path: str, settings: Pengaturan, archive: bool = False) -> FileResult:
    """Never raises for a bad workbook: the reason goes into `error`. With `archive`, the
    file's archive submission is built and serialised here too (in the worker)."""
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        return FileResult(path=path, sha256="", error=f"berkas tidak dapat dibuka ({exc}).")
    try:
        data = read_form(path)
    except XlkinerjaError as exc:
        return FileResult(path=path, sha256=digest, error=exc.user_message())
    form, findings = normalise_form(data)
    per_ikk = capaian_per_ikk(form, settings.batas_atas_capaian) if form.form.id == "unit" else None
    findings.extend(per_file_checks(form, settings, per_ikk))
    result = FileResult(
        path=path,
        sha256=digest,
        form=form,
        findings=findings,
        rows_read={k: len(t) for k, t in data.tables.items()},
    )
    if form.form.id == "unit":
        result.rekap = unit_rows(form, settings.batas_atas_capaian, per_ikk)
    if archive:
        result.archive = encode_submission(submission(form, digest))
    result.peak_rss_mb = peak_rss_mb()
    return result
