"""What each unit's staff typed into their pre-filled workbook, mistakes included.

Planted mistakes (what Validasi and Kaskade must find) are marked `# PLANTED:` in the
per-unit modules and listed in workbooks/contoh/README.md. BAAK submitted nothing.
"""

from __future__ import annotations

from xlkinerja.sample.entries_ak import AK
from xlkinerja.sample.entries_p3m import P3M
from xlkinerja.sample.entries_ti import TI
from xlkinerja.sample.entries_tm import TM
from xlkinerja.sample.entry_columns import UnitEntry

UNIT_ENTRIES: dict[str, UnitEntry] = {"TI": TI, "TM": TM, "AK": AK, "P3M": P3M}
