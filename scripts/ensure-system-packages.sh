#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download its own
# browser here; the tests drive /usr/bin/chromium) and poppler-utils (pdftotext, pdffonts, pdftoppm) to
# read back the PDFs we render. Installed with apt-get when missing; fails loudly when that is impossible.
set -euo pipefail

die() { echo "ensure-system-packages: ERROR: $*" >&2; exit 1; }

missing_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  { command -v pdftotext && command -v pdftoppm && command -v pdffonts; } >/dev/null || missing+=(poppler-utils)
  echo "${missing[@]}"
}

missing=$(missing_packages)
if [ -z "$missing" ]; then
  echo "ensure-system-packages: chromium and poppler-utils present"
  exit 0
fi
echo "ensure-system-packages: installing $missing (apt-get)"
[ "$(id -u)" -eq 0 ] || die "not root: install $missing by hand (apt-get install -y $missing)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || die "apt-get update failed"
# shellcheck disable=SC2086
apt-get install -y -qq $missing >/dev/null || die "apt-get install $missing failed"
still=$(missing_packages)
[ -z "$still" ] || die "still missing after apt-get install: $still"
echo "ensure-system-packages: installed $missing"
