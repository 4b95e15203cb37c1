#!/bin/sh
# Instructions per record of a link worker's clean + prepare path (bench/record-instr.ts):
# valgrind cachegrind, the difference between two row counts (ROWS, default "16384 81920") of the
# same CSV, on an esbuild bundle, node --single-threaded --hash-seed=1 --random-seed=1, the
# semi-space of a link worker (SEMI_MB, default 53: a 160 MiB young generation). Shorter runs
# (8,192 / 32,768 rows) counted 40% more a record: compilations and collections that fall
# between the two counts.
#
#   scripts/record-instructions.sh [tree] CSV [right|left] [clean]   # clean: without prepare
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$here}
csv=$2
side=${3:-right}
mode=${4:-}
[ -f "$tree/bench/record-instr.ts" ] || cp "$here/bench/record-instr.ts" "$tree/bench/record-instr.ts"
bundle=$(mktemp /tmp/record-instr-XXXXXX.mjs)
"$here/node_modules/.bin/esbuild" "$tree/bench/record-instr.ts" --bundle --platform=node \
  --format=esm --outfile="$bundle" --log-level=warning
count() {
  out=$(mktemp)
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed=1 --random-seed=1 --max-semi-space-size=${SEMI_MB:-53} "$bundle" "$csv" "$1" "$side" $mode \
    >/dev/null 2>"$out"
  sed -n 's/.*I *refs: *//p' "$out" | tr -d ','
  rm -f "$out"
}
set -- ${ROWS:-16384 81920}
a=$(count "$1")
b=$(count "$2")
echo "$side${mode:+ $mode} $(( (b - a) / ($2 - $1) ))"
rm -f "$bundle"
