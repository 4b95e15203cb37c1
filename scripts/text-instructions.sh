#!/bin/sh
# Instructions per name of normalizeName on the stress mix's paths (docs/text.md, "Speed, fourth
# round" and "sixth round"): valgrind cachegrind, the difference between 40 and 100 rounds of each
# list (ROUNDS="20 60" for the earlier rounds' figures), on an esbuild bundle of
# bench/text-instr.ts, node --single-threaded --hash-seed=1 --random-seed=1. Functions that a path
# calls rarely are optimised as late as the 30th round, and each of those compilations (10-20 M
# instructions) counts in the difference if it falls between the two runs.
#
#   node --import tsx bench/text-paths.ts /tmp/instr       # the lists, once
#   scripts/text-instructions.sh [tree] [lists...]         # tree: a checkout (default: this one)
#
# A tree without bench/text-instr.ts (an older commit) gets this tree's copy.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$here}
[ $# -gt 0 ] && shift
lists=${*:-canonical direct reading stress}
dir=${INSTR_DIR:-/tmp/instr}
[ -f "$tree/bench/text-instr.ts" ] || cp "$here/bench/text-instr.ts" "$tree/bench/text-instr.ts"
bundle=$(mktemp /tmp/text-instr-XXXXXX.mjs)
"$here/node_modules/.bin/esbuild" "$tree/bench/text-instr.ts" --bundle --platform=node \
  --format=esm --outfile="$bundle" --log-level=warning
count() {
  out=$(mktemp)
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed=1 --random-seed=1 "$bundle" "$dir/$1.json" "$2" \
    >/dev/null 2>"$out"
  sed -n 's/.*I *refs: *//p' "$out" | tr -d ','
  rm -f "$out"
}
set -- ${ROUNDS:-40 100}
for l in $lists; do
  n=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$dir/$l.json','utf8')).length)")
  a=$(count "$l" "$1")
  b=$(count "$l" "$2")
  echo "$l $(( (b - a) / (($2 - $1) * n) ))"
done
rm -f "$bundle"
