# Sourced by scripts/text-instructions.sh and scripts/record-instructions.sh: valgrind
# instruction counts of a bench loop bundled from a tree (esbuild), on
# node --single-threaded --hash-seed=1 --random-seed=1.
#
#   bundle_loop TREE NAME   # bench/NAME.ts of TREE (this tree's copy when TREE has none) -> $bundle
#   count_instructions [NODE FLAGS...] ARGS...   # instructions of `node FLAGS $bundle ARGS`
#   rm -f "$bundle"         # when done

here=$(cd "$(dirname "$0")/.." && pwd)

bundle_loop() {
  [ -f "$1/bench/$2.ts" ] || cp "$here/bench/$2.ts" "$1/bench/$2.ts"
  bundle=$(mktemp "/tmp/$2-XXXXXX.mjs")
  "$here/node_modules/.bin/esbuild" "$1/bench/$2.ts" --bundle --platform=node \
    --format=esm --outfile="$bundle" --log-level=warning
}

# Node flags (words starting with --) come first, then the loop's arguments.
count_instructions() {
  flags=''
  while [ $# -gt 0 ] && [ "${1#--}" != "$1" ]; do flags="$flags $1"; shift; done
  out=$(mktemp)
  # shellcheck disable=SC2086 # the flags are words
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed=1 --random-seed=1 $flags "$bundle" "$@" \
    >/dev/null 2>"$out"
  sed -n 's/.*I *refs: *//p' "$out" | tr -d ','
  rm -f "$out"
}
