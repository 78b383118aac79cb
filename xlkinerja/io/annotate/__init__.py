"""Write validation findings back into the user's workbook, by patching its package.

The zip is edited part by part: only styles.xml, the workbook part, the sheets that get
marks and their notes change; every other part keeps its bytes. See build.py for the
order of work and record.py for how a run's marks are found and removed again.
"""

from xlkinerja.io.annotate.report import REPORT_SHEET
from xlkinerja.io.annotate.run import AnnotateResult, annotate_workbook
from xlkinerja.io.backup import BACKUP_FOLDER

__all__ = ["BACKUP_FOLDER", "REPORT_SHEET", "AnnotateResult", "annotate_workbook"]
