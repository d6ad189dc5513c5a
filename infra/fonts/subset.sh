#!/usr/bin/env bash
# Makes the desks' web fonts from the Noto fonts bundled for the receipt PDF: the
# Devanagari block (with its conjuncts and marks) only, as WOFF2, about 60 KB each
# instead of 230 KB. Needs fontTools (Debian: python3-fonttools python3-brotli).
# Run after changing the bundled fonts; the output is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
fonts=intake-service/src/main/resources/fonts
out=gateway/src/main/resources/static/desk/fonts
for weight in Regular:400 Bold:700; do
  /usr/bin/python3 -m fontTools.subset "$fonts/NotoSansDevanagari-${weight%%:*}.ttf" \
    --unicodes="U+0900-097F,U+A8E0-A8FF,U+200C-200D,U+25CC,U+0020,U+00A0" \
    --layout-features='*' --flavor=woff2 \
    --output-file="$out/noto-sans-devanagari-${weight##*:}.woff2"
done
ls -l "$out"
