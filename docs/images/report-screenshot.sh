#!/usr/bin/env bash
# Regenerates docs/images/report-en.png and report-zh.png: the top of the HTML report of the
# example plan (every example file, as of 2021-09-30) as headless Chromium draws it.
#
#   ./build.sh demo                       # builds build/bin/planeval
#   docs/images/report-screenshot.sh      # from the repository root
#
# Needs the Debian packages chromium, fonts-wqy-microhei (Chinese text) and pngquant (keeps each
# PNG well under 300 KB).
set -euo pipefail
cd "$(dirname "$0")/../.."

planeval=build/bin/planeval
data=examples/data/changning-2021
out=docs/images
[ -x "$planeval" ] || { echo "build first: ./build.sh demo" >&2; exit 1; }
command -v chromium >/dev/null || { echo "install chromium: apt-get install chromium" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in en zh; do
  "$planeval" report --plan "$data/plan.json" \
    --actuals "$data/actuals-illustrative.csv" --actuals "$data/actuals-2021-ytd-illustrative.csv" \
    --actuals "$data/series-2016-2020-illustrative.csv" \
    --references "$data/references-illustrative.csv" --as-of 2021-09-30 --lang "$lang" \
    -o "$work/report.$lang.html"
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-breakpad --disable-crash-reporter --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --window-size=1120,1500 \
    --screenshot="$work/report.$lang.png" "file://$work/report.$lang.html" >/dev/null 2>&1
  if command -v pngquant >/dev/null; then
    pngquant --quality=70-95 --speed 1 --strip --force --output "$out/report-$lang.png" \
      "$work/report.$lang.png"
  else
    echo "pngquant not found (apt-get install pngquant): keeping the uncompressed PNG" >&2
    cp "$work/report.$lang.png" "$out/report-$lang.png"
  fi
  echo "wrote $out/report-$lang.png ($(stat -c %s "$out/report-$lang.png") bytes)"
done
