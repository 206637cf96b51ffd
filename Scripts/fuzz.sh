#!/usr/bin/env bash
# Fuzzes the staging reader: builds Sources/StagingFuzzer with libFuzzer and AddressSanitizer
# and runs it for SECONDS seconds on seeds made from samples/ and Scripts/fuzz-seeds/, each
# fed in a few ways. Prints the executions, the coverage (libFuzzer's cov: edges, ft:
# features) and any input that broke a check; exits non-zero on such a finding.
#
#   Scripts/fuzz.sh SECONDS [CORPUS]
#
# CORPUS, when given, is a folder the run starts from and adds what it finds to (to resume a
# longer campaign); by default a temporary one is used and removed. Findings are kept in
# .build-fuzz/findings/; replay one with `.build-fuzz/release/StagingFuzzer FILE`, or without
# the sanitizers with `swift run StagingFuzzer FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: Scripts/fuzz.sh SECONDS [CORPUS]" >&2
    exit 64
fi

scratch=.build-fuzz
flags=(-c release --product StagingFuzzer --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DSTAGING_FUZZER)
echo "== building the staging fuzzer (libFuzzer, AddressSanitizer) into $scratch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The linker warns about every AddressSanitizer symbol it cannot export; only errors matter.
if ! swift build "${flags[@]}" > "$work/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$work/build.log" >&2
    exit 1
fi
fuzzer="$(swift build "${flags[@]}" --show-bin-path)/StagingFuzzer"
corpus=${2:-$work/corpus}
findings=$scratch/findings
mkdir -p "$corpus" "$findings" "$work/seeds"

# Each seed file, after each of these two-byte headers (see FuzzCase): byte by byte from a
# one-byte buffer; odd chunks of up to 4 bytes from a 6-byte buffer, as songs; chunks of up to
# 32 bytes from a 16-byte buffer; whole from a 4096-byte buffer.
headers=('\x00\x00' '\x45\x43' '\x0f\xff' '\x80\x1f')
count=0
while IFS= read -r -d '' file; do
    for header in "${headers[@]}"; do
        count=$((count + 1))
        { printf "$header"; cat "$file"; } > "$work/seeds/seed-$count"
    done
done < <(find samples Scripts/fuzz-seeds -type f -name '*.json' -print0 | sort -z)
echo "== $count seed inputs from samples/ and Scripts/fuzz-seeds/"

# JSON's tokens, the tables' keys, and bytes the reader treats specially.
cat > "$work/json.dict" <<'EOF'
"{"
"}"
"["
"]"
":"
","
"\""
"{\"\":"
"\"\":"
"\\\""
"\\\\"
"\\/"
"\\n"
"\\u00"
"\\u0000"
"\\ud83c\\udfb5"
"\\ud800"
"\\udc00"
"true"
"false"
"null"
"-0"
"0.5"
"1e400"
"1e-400"
"E+"
"e-"
"9223372036854775808"
"-9223372036854775808"
"2147483648"
"1541105830796"
"1540919166796.0"
" "
"\x09"
"\x0d\x0a"
"\x0d"
"\x0a"
"\x0a{"
"\xef\xbb\xbf"
"\xc3\xa9"
"\xf0\x9f\x8e\xb5"
"\xed\xa0\x80"
"\xe0\x80"
"\xff"
"\"artist\":"
"\"auth\":"
"\"firstName\":"
"\"gender\":"
"\"itemInSession\":"
"\"lastName\":"
"\"length\":"
"\"level\":"
"\"location\":"
"\"method\":"
"\"page\":"
"\"registration\":"
"\"sessionId\":"
"\"song\":"
"\"status\":"
"\"ts\":"
"\"userAgent\":"
"\"userId\":"
"\"num_songs\":"
"\"artist_id\":"
"\"artist_latitude\":"
"\"artist_longitude\":"
"\"artist_location\":"
"\"artist_name\":"
"\"song_id\":"
"\"title\":"
"\"duration\":"
"\"year\":"
EOF

echo "== fuzzing for $seconds s"
status=0
started=$SECONDS
# Swift's own crash backtracer would race AddressSanitizer's report; libFuzzer says enough.
SWIFT_BACKTRACE=enable=no "$fuzzer" "$corpus" "$work/seeds" \
    -max_total_time="$seconds" -max_len=8192 -timeout=30 -dict="$work/json.dict" \
    -artifact_prefix="$findings/" -print_final_stats=1 -print_pcs=0 \
    > "$work/log" 2>&1 || status=$?

grep -E "INITED|DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$work/log" || true
echo "fuzzed for $((SECONDS - started)) s"
crashes=$(grep -E "Test unit written to|staging reader:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)" "$work/log" || true)
if [ "$status" -ne 0 ] || [ -n "$crashes" ]; then
    echo "== FINDING (libFuzzer exit status $status):"
    grep -E -A40 "staging reader:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)" "$work/log" | head -80
    echo "$crashes" | grep "Test unit written to" || true
    exit 1
fi
echo "== no finding in $seconds s"
