"""The OOXML package (.xlsx, .xlsm, .xlam) in one place: its parts read safely, one at a
time or every part rewritten without touching the rest (`package.py`), the write-back's view
of it — parts as text, relationships and content types (`opc.py`) —, OOXML text read by
position and escaped both ways xlkinerja writes it (`xmltext.py`), members deflated fast
(`deflate.py`), defined names (`names.py`) and custom properties (`properties.py`)."""
