#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download its own
# browser here) and poppler-utils (pdftotext, pdffonts, pdftoppm) to read back the PDFs we render.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null \
  || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  echo "ensure-system-packages: chromium and poppler-utils present"
  exit 0
fi
echo "ensure-system-packages: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-system-packages: run as root or install ${missing[*]} by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
