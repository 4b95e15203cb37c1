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
. "$(dirname "$0")/instructions.sh"
tree=${1:-$here}
[ $# -gt 0 ] && shift
lists=${*:-canonical direct reading stress}
dir=${INSTR_DIR:-/tmp/instr}
bundle_loop "$tree" text-instr
count() {
  count_instructions "$dir/$1.json" "$2"
}
set -- ${ROUNDS:-40 100}
for l in $lists; do
  n=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$dir/$l.json','utf8')).length)")
  a=$(count "$l" "$1")
  b=$(count "$l" "$2")
  echo "$l $(( (b - a) / (($2 - $1) * n) ))"
done
rm -f "$bundle"
