"""Domain rules: pure functions on values and records. No I/O, no Excel."""
