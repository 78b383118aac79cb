"""How a capaian (percent) is shown, one rule for every output: two decimals — 95,48 % in
documents and the tree (babel pattern), 95.48 in a sheet cell (Excel number format)."""

PERSEN_EXCEL = "0.00"
PERSEN_POLA = "#,##0.00"
