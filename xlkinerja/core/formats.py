"""How a capaian (percent) is shown, one rule for every output: two decimals — 95,48 % in
documents and the tree (babel pattern), 95.48 in a sheet cell (Excel number format); and an
amount of money, Rp 1.500.000.000, in documents and findings alike."""

import math

PERSEN_EXCEL = "0.00"
PERSEN_POLA = "#,##0.00"


def rupiah(value: float | None) -> str:
    """Rp 1.500.000.000 (whole rupiah, Indonesian grouping); blank: '-'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return "Rp " + f"{round(value):,d}".replace(",", ".")
