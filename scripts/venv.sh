#!/usr/bin/env bash
# Sourced by scripts/contoh.sh and scripts/test.sh: the Python they install into and run,
# a virtual environment `.venv` in the project folder (made once, then reused). Debian 12
# and Ubuntu 24.04 refuse `pip install` into their own Python (PEP 668,
# "externally-managed-environment"); inside a virtual environment pip works everywhere.
# Debian's python3 makes one only with python3-venv, installed here with apt when missing.
# Sets PY to the environment's python.

make_venv() {
  if [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; then
    return 0
  fi
  rm -rf .venv
  echo "== python3 -m venv .venv (lingkungan Python xlkinerja di folder ini)" >&2
  if python3 -m venv .venv >/dev/null 2>&1; then
    return 0
  fi
  rm -rf .venv
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "python3 tidak dapat membuat virtual environment, dan apt tidak tersedia:" \
      "pasang modul venv Python lalu jalankan lagi." >&2
    return 1
  fi
  echo "== apt: python3-venv" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    python3-venv >/dev/null
  python3 -m venv .venv
}

make_venv
PY="$PWD/.venv/bin/python"
export PY
