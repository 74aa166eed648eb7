#!/usr/bin/env bash
# Installs everything the tests need — system packages included — then runs every test.
#   chromium             Playwright drives Debian's /usr/bin/chromium (no browser downloads)
#   python3-torch        engine tests compare with real PyTorch through /usr/bin/python3
#   fonts-ipafont-gothic Japanese text in the screenshots the end-to-end run saves
#   python3-nbformat, python3-nbclient, python3-nbconvert, python3-ipykernel, python3-matplotlib
#                        exported notebooks are validated and run as Jupyter runs them
#   libblas3             the reference BLAS the float32 comparisons pin PyTorch to (vitest.config.ts),
#                        kept even when another package switches libblas.so.3 to OpenBLAS
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium python3-torch libblas3 fonts-ipafont-gothic python3-nbformat python3-nbclient python3-nbconvert python3-ipykernel python3-matplotlib)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
fi

if ! command -v apt-get >/dev/null 2>&1; then
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && /usr/bin/python3 -c 'import torch, nbformat, nbclient, nbconvert, ipykernel, matplotlib' >/dev/null 2>&1; then
    echo "System packages: Chromium, PyTorch and Jupyter's nbformat, nbclient, nbconvert, ipykernel and matplotlib found."
  else
    cat >&2 <<'MSG'
GradCanvas's tests need, besides Node.js 20:
  - Chromium at /usr/bin/chromium (or set CHROMIUM_PATH to another Chromium binary)
  - PyTorch 1.13 importable by /usr/bin/python3
  - nbformat, nbclient, nbconvert, ipykernel and matplotlib importable by /usr/bin/python3
  - a Japanese font (IPAGothic) for readable screenshots
This script installs them with apt-get on Debian or Ubuntu; on this system apt-get is missing.
Install them with your package manager, then run: npm ci && npm test
MSG
    exit 1
  fi
elif [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Installing ${missing[*]} needs root, and sudo is not available. Run as root: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y "${missing[@]}"
else
  echo "System packages: ${PACKAGES[*]} already installed."
fi

npm ci
npm test
