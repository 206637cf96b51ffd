#!/usr/bin/env bash
# A screenshot of the report page of a SQLite warehouse, for the README:
#
#   Scripts/report_screenshot.sh DB OUT.png
#
# Builds sparkify-load (release) if needed, writes `sparkify-load report --html` of DB, and has
# headless Chromium ($CHROMIUM, chromium or chromium-browser on PATH; Debian's `chromium`
# package) take a screenshot of it. WIDTH and HEIGHT set the window in CSS pixels (default
# 1280 × 1800: the totals down to the heat map); DARK=1 shows the dark colour scheme. The
# window is at least 500 px wide in headless Chromium, so this takes no phone-width picture.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 DB OUT.png" >&2
    exit 64
fi
[ -f "$1" ] || { echo "error: $1: no such database file" >&2; exit 66; }
database=$(realpath "$1")
output=$(realpath -m "$2")
width=${WIDTH:-1280}
height=${HEIGHT:-1800}

browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$browser" ] || { echo "error: Chromium not found (\$CHROMIUM, chromium, chromium-browser); apt-get install chromium" >&2; exit 69; }

cd "$(dirname "$0")/.."
swift build -c release --product sparkify-load > /dev/null
bin=$(swift build -c release --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/sparkify-load" report --backend sqlite --database "$database" --html "$work/report.html"

scheme=()
[ "${DARK:-0}" = 1 ] && scheme=(--force-dark-mode)
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --no-default-browser-check --disable-extensions --user-data-dir="$work/profile" \
    --window-size="$width,$height" "${scheme[@]}" --screenshot="$output" "file://$work/report.html" 2> "$work/browser.log" \
    || { cat "$work/browser.log" >&2; exit 1; }
[ -s "$output" ] || { echo "error: Chromium wrote no screenshot" >&2; cat "$work/browser.log" >&2; exit 1; }
echo "$output: ${width} × ${height} px"
