#!/usr/bin/env bash
# One GUI test: runs the real deskdrill window under Xvfb (Mesa software GL), plays a drive script
# through the UI, checks the screenshots are not blank, and that the transcript the window saved
# replays with `deskdrill play` to the identical report and attempt log.
#   run_gui_test.sh --deskdrill BIN [--player BIN] --png-check BIN --out DIR --drive FILE
#                   [--shots "desk debrief"] [--expect passed|failed] [--exit N]
#                   [--stderr-has TEXT] [--no-replay] [--env VAR=VALUE]…
#                   [--records SCRIPT] [--beside SCRIPT] [--size WxH] [-- extra deskdrill options]
# --records SCRIPT: the window opens the records file OUT/records.db (--db), which
#   `bash SCRIPT prepare PLAYER DB` creates first (deskdrill user add, assign …) and
#   `bash SCRIPT check PLAYER DB OUT` checks after the window closed (non-zero: the test fails).
#   What prepare writes to OUT/extra_args (one option a line) is added to the window's options.
# --beside SCRIPT: `bash SCRIPT OUT` runs on the window's display while the window runs (what a
#   person or the window manager does from outside: close the window…); stopped after it.
# Exit 77 (CTest: skipped) only when Xvfb is not installed (scripts/deps.sh installs it).
set -uo pipefail

deskdrill= player= png_check= out= drive= shots= expect= want_exit=0 stderr_has= replay=1 records=
beside=
size=1280x800
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --deskdrill) deskdrill=$2; shift 2 ;;
    --player) player=$2; shift 2 ;;
    --png-check) png_check=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --drive) drive=$2; shift 2 ;;
    --shots) shots=$2; shift 2 ;;
    --expect) expect=$2; shift 2 ;;
    --exit) want_exit=$2; shift 2 ;;
    --stderr-has) stderr_has=$2; shift 2 ;;
    --no-replay) replay=0; shift ;;
    --records) records=$2; shift 2 ;;
    --beside) beside=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --env) export "${2?}"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run_gui_test.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

[ -n "$player" ] || player=$deskdrill  # what replays the saved transcript (deskdrill play)
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "SKIP: Xvfb is not installed (scripts/deps.sh installs xvfb)"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$out"
# The user's settings, data and cache stay untouched (every test starts with an empty glyph
# atlas cache); Mesa's llvmpipe renders without a GPU.
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" XDG_CACHE_HOME="$out/cache" \
  LIBGL_ALWAYS_SOFTWARE=1
if [ -n "$records" ]; then
  bash "$records" prepare "$player" "$out/records.db" >"$out/prepare.txt" 2>&1 ||
    { cat "$out/prepare.txt" >&2; fail "preparing the records failed"; }
  extra=(--db "$out/records.db" "${extra[@]}")
  if [ -f "$out/extra_args" ]; then
    mapfile -t more <"$out/extra_args"
    extra+=("${more[@]}")
  fi
fi
runner=("$deskdrill")
[ -n "$beside" ] && runner=(bash "$here/beside.sh" "$beside" "$out" "$deskdrill")
"$here/with_xvfb.sh" --screen "${size}x24" "${runner[@]}" --window "$size" --drive "$drive" \
  --screenshot-dir "$out" --transcript-out "$out/attempt.yaml" --report-out "$out/gui_report.json" \
  --log-out "$out/gui_log.json" "${extra[@]}" >"$out/stdout.txt" 2>"$out/stderr.txt"
rc=$?
grep -v '^drive:' "$out/stderr.txt" >&2
[ "$rc" -eq "$want_exit" ] || { tail -5 "$out/stderr.txt" >&2; fail "deskdrill exited $rc, expected $want_exit"; }
if [ -n "$stderr_has" ]; then
  grep -qF -- "$stderr_has" "$out/stderr.txt" || fail "stderr does not say: $stderr_has"
fi

for shot in $shots; do
  [ -f "$out/$shot.png" ] || fail "no screenshot $out/$shot.png"
  "$png_check" "$out/$shot.png" "${size%x*}" "${size#*x}" || fail "screenshot $shot.png is blank or the wrong size"
done

if [ "$replay" = 1 ]; then
  [ -f "$out/attempt.yaml" ] || fail "the window saved no transcript"
  [ -f "$out/gui_report.json" ] || fail "the window wrote no report"
  scenario=$(sed -n 's/^scenario: *//p' "$out/attempt.yaml" | head -1)
  # play exits 1 for a failing report (a check failed), 2 for bad input.
  "$player" play "$scenario" --transcript "$out/attempt.yaml" --json >"$out/play_report.json"
  [ $? -le 1 ] || fail "deskdrill play refused the saved transcript"
  cmp -s "$out/gui_report.json" "$out/play_report.json" ||
    { diff -u "$out/gui_report.json" "$out/play_report.json" | head -40 >&2; fail "the replayed report differs from the window's"; }
  "$player" play "$scenario" --transcript "$out/attempt.yaml" --log --json >"$out/play_log.json"
  [ $? -le 1 ] || fail "deskdrill play --log refused the saved transcript"
  cmp -s "$out/gui_log.json" "$out/play_log.json" ||
    { diff -u "$out/gui_log.json" "$out/play_log.json" | head -40 >&2; fail "the replayed attempt log differs from the window's"; }
  echo "replay: report and attempt log identical ($(grep -m1 '"score"' "$out/play_report.json" | tr -d ' ,'))"
fi
if [ -n "$expect" ]; then
  # The first "passed" of the report is the attempt's (the criteria's come after it).
  verdict=$(grep -m1 '"passed"' "$out/gui_report.json" | tr -d ' ,')
  case "$expect" in
    passed) [ "$verdict" = '"passed":true' ] || fail "expected a passing report, got $verdict" ;;
    failed) [ "$verdict" = '"passed":false' ] || fail "expected a failing report, got $verdict" ;;
  esac
fi
if [ -n "$records" ]; then
  bash "$records" check "$player" "$out/records.db" "$out" || fail "the records are not as expected"
fi
echo "PASS"
