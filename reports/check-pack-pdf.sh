#!/usr/bin/env bash
# Converts a panel pack to PDF with LibreOffice headless, to check that it opens and prints cleanly.
# Usage: reports/check-pack-pdf.sh <panel-pack.xlsx> [out-dir]
# Installs libreoffice-calc from Debian's packages when soffice is missing. Fails on any error.
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "Cannot check pack: no such workbook (${1:-<none>}). Usage: $0 <xlsx> [out-dir]" >&2
  exit 2
fi
xlsx="$1"
out="${2:-$(dirname "$xlsx")}"
mkdir -p "$out"

if ! command -v soffice >/dev/null 2>&1; then
  echo "Installing LibreOffice Calc (headless) from Debian packages..." >&2
  sudo_cmd=""
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends libreoffice-calc
fi

pdf="$out/$(basename "${xlsx%.*}").pdf"
rm -f "$pdf"
# A private profile dir so concurrent runs and root do not trip over a shared one.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice --headless --norestore "-env:UserInstallation=file://$profile" \
  --convert-to pdf --outdir "$out" "$xlsx"

if [[ ! -s "$pdf" ]]; then
  echo "Cannot convert pack to PDF: LibreOffice produced no output ($pdf)" >&2
  exit 1
fi
echo "$pdf"
