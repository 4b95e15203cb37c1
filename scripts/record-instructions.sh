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
. "$(dirname "$0")/instructions.sh"
tree=${1:-$here}
csv=$2
side=${3:-right}
mode=${4:-}
bundle_loop "$tree" record-instr
count() {
  # shellcheck disable=SC2086 # an empty mode is no argument
  count_instructions --max-semi-space-size=${SEMI_MB:-53} "$csv" "$1" "$side" $mode
}
set -- ${ROWS:-16384 81920}
a=$(count "$1")
b=$(count "$2")
echo "$side${mode:+ $mode} $(( (b - a) / ($2 - $1) ))"
rm -f "$bundle"
