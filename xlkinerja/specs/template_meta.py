"""Where a template keeps what it is: the very hidden sheet and its keys (written by the
template writer, read back by the reader)."""

META_SHEET = "_meta"
META_KEYS = ("template_id", "versi", "schema_hash", "generator")
