"""`pindahkan`: a workbook that lost its Excel tables or names (saved as .xls and back,
pasted into a plain workbook, an older template) read as plain cells (`loose_reader.py`),
its pieces found by sheet names, column headers and field labels (`label_match.py`,
`transfer_find.py`) and its values placed into a fresh template (`transfer.py`)."""
