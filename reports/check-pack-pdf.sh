#!/usr/bin/env bash
# Converts a panel pack (.xlsx or .ods) to PDF with LibreOffice headless, to check that it opens without repair and
# prints cleanly. With PNG=1, also renders every page to PNG (pdftoppm) beside the PDF for a look page by page.
# Usage: reports/check-pack-pdf.sh <panel-pack.xlsx|panel-pack.ods> [out-dir]
# Installs libreoffice-calc (and poppler-utils for PNG=1) from Debian's packages when missing. Fails on any error.
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "Cannot check pack: no such workbook (${1:-<none>}). Usage: $0 <xlsx|ods> [out-dir]" >&2
  exit 2
fi
pack="$1"
out="${2:-$(dirname "$pack")}"
mkdir -p "$out"

install() {
  echo "Installing $* from Debian packages..." >&2
  local sudo_cmd=""
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v soffice >/dev/null 2>&1 || install libreoffice-calc
if [[ "${PNG:-0}" == 1 ]] && ! command -v pdftoppm >/dev/null 2>&1; then install poppler-utils; fi

ext="${pack##*.}"
pdf="$out/$(basename "${pack%.*}")-$ext.pdf"
rm -f "$pdf"
# A private profile dir so concurrent runs and root do not trip over a shared one.
profile="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$profile" "$work"' EXIT
log="$work/soffice.log"
soffice --headless --norestore "-env:UserInstallation=file://$profile" \
  --convert-to pdf --outdir "$work" "$pack" >"$log" 2>&1 || { cat "$log" >&2; echo "Cannot convert $pack: LibreOffice failed" >&2; exit 1; }
# A workbook LibreOffice has to repair converts with a warning or not at all; either fails the check.
if grep -qiE "repair|corrupt|general (input/output )?error|source file could not be loaded" "$log"; then
  cat "$log" >&2
  echo "Cannot convert $pack cleanly: LibreOffice reported a problem (above)" >&2
  exit 1
fi
produced="$work/$(basename "${pack%.*}").pdf"
if [[ ! -s "$produced" ]]; then
  cat "$log" >&2
  echo "Cannot convert pack to PDF: LibreOffice produced no output ($pack)" >&2
  exit 1
fi
mv "$produced" "$pdf"
if [[ "${PNG:-0}" == 1 ]]; then
  pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}-page"
fi
echo "$pdf"
