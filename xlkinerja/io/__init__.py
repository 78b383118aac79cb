"""Reading and writing workbooks: the only layer that touches files."""
