#!/usr/bin/env bash
# The glyph atlas cache in the real window (issue 13): a first start asks fontconfig and
# rasterises, and leaves the atlas and the faces in $XDG_CACHE_HOME/deskdrill; the next start
# takes both from there — and shows exactly the same pixels (the screenshots of the picker and
# of the desk with its icons are compared).
#   atlas_cache.sh DESKDRILL_TEST PNG_CHECK OUT DRIVE
set -uo pipefail
deskdrill=$1 png_check=$2 out=$3 drive=$4
here=$(cd "$(dirname "$0")" && pwd)
command -v Xvfb >/dev/null 2>&1 || { echo "SKIP: Xvfb is not installed"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" XDG_CACHE_HOME="$out/cache" \
  LIBGL_ALWAYS_SOFTWARE=1
cache=$out/cache/deskdrill

bench() {  # start to the first frame, as the benchmark does
  "$here/with_xvfb.sh" --screen 1280x800x24 "$deskdrill" --no-records --bench-first-frame \
    >"$out/$1.txt" 2>&1 || { cat "$out/$1.txt" >&2; fail "$1: deskdrill failed"; }
  cat "$out/$1.txt"
}
bench first
grep -q "faces=fontconfig atlas_cache=miss" "$out/first.txt" || fail "first start: expected fontconfig and a rasterised atlas"
[ -f "$cache/face.txt" ] || fail "first start: no face record in $cache"
ls "$cache"/atlas-*.bin >/dev/null 2>&1 || fail "first start: no atlas in $cache"
bench second
grep -q "faces=record atlas_cache=hit" "$out/second.txt" || fail "second start: expected the record and the cached atlas"

shot() {  # a driven start that takes a screenshot of the picker
  "$here/with_xvfb.sh" --screen 1280x800x24 "$deskdrill" --no-records --window 1280x800 \
    --seed 1 --drive "$drive" --screenshot-dir "$out/$1" >"$out/$1.txt" 2>&1 ||
    { cat "$out/$1.txt" >&2; fail "$1: deskdrill failed"; }
  grep 'start-up' "$out/$1.txt"
  for s in picker desk; do
    "$png_check" "$out/$1/$s.png" 1280 800 || fail "$1: the screenshot $s.png is blank"
  done
}
same() {  # the screenshots of two driven starts are identical, pixel for pixel
  for s in picker desk; do
    cmp -s "$out/$1/$s.png" "$out/$2/$s.png" || fail "$s.png: the window $3 differs"
  done
}
mkdir -p "$out/rasterised" "$out/cached"
rm -rf "$cache"  # the driven start begins with an empty cache too
shot rasterised
grep -q "glyph atlas rasterised" "$out/rasterised.txt" || fail "driven start: expected a rasterised atlas"
shot cached
grep -q "faces from the record, glyph atlas from the cache" "$out/cached.txt" ||
  fail "driven start again: expected the record and the cached atlas"
same rasterised cached "drawn from the cached atlas"

# A damaged cache file is no worse than none: rebuilt, and the window looks the same.
for f in "$cache"/atlas-*.bin; do head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"; done
mkdir -p "$out/damaged"
shot damaged
grep -q "glyph atlas rasterised" "$out/damaged.txt" || fail "damaged cache: expected a rebuilt atlas"
same rasterised damaged "after a damaged cache"
echo "PASS"
