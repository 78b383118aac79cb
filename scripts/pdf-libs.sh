#!/usr/bin/env bash
# WeasyPrint's system libraries (pango, harfbuzz's subsetter), the fonts the documents embed
# (Liberation), and poppler-utils (pdftotext / pdftoppm, for the tests): installed with apt
# when missing. Used by scripts/test.sh and scripts/contoh.sh. Without apt (or without the
# right to use it) this says so and returns: xlkinerja then writes everything but the PDFs.
set -euo pipefail

# Each list is taken whole before it is searched: `grep -q` stops reading at the first
# match, and with pipefail the writer's SIGPIPE (141) would fail the test every time.
libraries="$(ldconfig -p 2>/dev/null || true)"
fonts="$(fc-list 2>/dev/null || true)"
if command -v pdftotext >/dev/null 2>&1 && grep -q libpangoft2-1.0 <<<"$libraries" \
  && grep -q libharfbuzz-subset <<<"$libraries" && grep -qi "Liberation Serif" <<<"$fonts"; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1 || { [ -n "$sudo_cmd" ] && ! command -v sudo >/dev/null 2>&1; }; then
  echo "== apt tidak tersedia: PDF (PK, LKj) tidak akan dibuat sampai pango terpasang" >&2
  exit 0
fi
echo "== apt: pango, fonts-liberation, poppler-utils" >&2
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core \
  fontconfig poppler-utils >/dev/null
