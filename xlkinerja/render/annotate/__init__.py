"""Write validation findings back into the user's workbook: a plan, applied by a backend.

plan.py computes once, from the findings alone, which cell gets which fill and note and
what the "Hasil Validasi" sheet lists; backend.py names what a backend does with it. The
package backend (package_backend.py, patch.py and the modules under it) edits the closed
file's zip part by part: only styles.xml, the workbook part, the sheets that get marks and
their notes change; every other part keeps its bytes. See record.py for how a run's marks
are found and removed again. The live-workbook backend applies the same plan to a workbook
open in Excel (xlwings), for the add-in's Validasi button: it is the Excel layer's
(xlkinerja/excel/writeback.py).
"""

from xlkinerja.files.backup import BACKUP_FOLDER
from xlkinerja.render.annotate.backend import WritebackBackend, WritebackOutcome
from xlkinerja.render.annotate.package_backend import (
    AnnotateResult,
    PackageBackend,
    annotate_workbook,
    apply_to_package,
)
from xlkinerja.render.annotate.plan import (
    REPORT_SHEET,
    Link,
    PlannedCell,
    PlannedSheet,
    ReportPlan,
    ReportRow,
    WritebackPlan,
    plan_writeback,
)

__all__ = [
    "BACKUP_FOLDER",
    "REPORT_SHEET",
    "AnnotateResult",
    "Link",
    "PackageBackend",
    "PlannedCell",
    "PlannedSheet",
    "ReportPlan",
    "ReportRow",
    "WritebackBackend",
    "WritebackOutcome",
    "WritebackPlan",
    "annotate_workbook",
    "apply_to_package",
    "plan_writeback",
]
