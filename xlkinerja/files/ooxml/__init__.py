"""The OOXML package (.xlsx, .xlsm, .xlam) in one place: its zip parts read safely and
rewritten without touching the rest (`package.py`, `parts.py`), relationships and content
types (`opc.py`), position-keeping XML text (`xmltext.py`), cell text escaped as Excel
escapes it (`celltext.py`), defined names (`names.py`) and custom properties
(`properties.py`)."""
