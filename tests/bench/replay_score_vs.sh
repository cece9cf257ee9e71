#!/usr/bin/env bash
# Replay and score of the example scenario (complaint.night-renovation-noise, gold and poor
# transcripts) against another build, side by side in one run:
#   tests/bench/replay_score_vs.sh BUILD_DIR BASELINE_BUILD_DIR
# e.g. issue 9's bound against the commit before it:
#   git worktree add --detach /work/wt/base d7c0a40
#   cmake -S /work/wt/base -B /work/wt/base/build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
#     -DDESKDRILL_GUI=OFF
#   tests/bench/replay_score_vs.sh build/release /work/wt/base/build/release
# Both trees must be configured (Release); bench_engine and bench_rubric are built in each. The
# two sides run ROUNDS times (default 5) by turns, each benchmark's best round (least CPU time)
# is kept — the machine is shared, so neither side is judged by a busy moment the other escaped
# — and the ratios (this / baseline) are printed, with replay + score per transcript.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: replay_score_vs.sh BUILD_DIR BASELINE_BUILD_DIR}
baseline=${2:?usage: replay_score_vs.sh BUILD_DIR BASELINE_BUILD_DIR}
rounds=${ROUNDS:-5}
min_time=${MIN_TIME:-0.3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for b in "$build" "$baseline"; do
  [ -f "$b/build.ninja" ] || { echo "$b: not a configured build tree" >&2; exit 2; }
  cmake --build "$b" --target bench_engine bench_rubric -j2 >/dev/null
done

# The benchmarks compared, by their names in this tree; a name the baseline spells otherwise
# goes in `renamed` below (none so far: both sides have had these names since issue 4).
engine='^BM_Replay(Gold|Poor)_Lexicon$'
rubric='^BM_(ScoreExampleGold|ScoreExamplePoor|ScoreExampleGoldWithHighlights|ScoreExamplePoorWithHighlights|ScoreAndReportJson)$'
run() {  # side round tree
  "$3/tests/bench/bench_engine" --benchmark_filter="$engine" --benchmark_min_time="$min_time" \
    --benchmark_format=json --benchmark_out="$work/$1.engine.$2.json" \
    --benchmark_out_format=json >/dev/null
  "$3/tests/bench/bench_rubric" --benchmark_filter="$rubric" --benchmark_min_time="$min_time" \
    --benchmark_format=json --benchmark_out="$work/$1.rubric.$2.json" \
    --benchmark_out_format=json >/dev/null
}
for r in $(seq 1 "$rounds"); do
  run this "$r" "$build"
  run base "$r" "$baseline"
done

python3 - "$work" "$rounds" <<'PY'
import json, os, sys
work, rounds = sys.argv[1], int(sys.argv[2])
renamed = {}  # this tree's name -> the baseline's, where they differ
def best(side):
    out = {}
    for f in os.listdir(work):
        if not f.startswith(side + "."):
            continue
        for x in json.load(open(os.path.join(work, f)))["benchmarks"]:
            unit = {"ns": 1e-3, "us": 1, "ms": 1e3, "s": 1e6}[x["time_unit"]]
            us = x["cpu_time"] * unit
            out[x["name"]] = min(us, out.get(x["name"], us))
    return out
this, base = best("this"), best("base")
rows = [("replay gold", "BM_ReplayGold_Lexicon"), ("replay poor", "BM_ReplayPoor_Lexicon"),
        ("score gold", "BM_ScoreExampleGold"), ("score poor", "BM_ScoreExamplePoor"),
        ("score gold, highlights", "BM_ScoreExampleGoldWithHighlights"),
        ("score poor, highlights", "BM_ScoreExamplePoorWithHighlights"),
        ("score poor + JSON", "BM_ScoreAndReportJson")]
print(f"CPU time in us, best of {rounds} rounds by turns      baseline      this   ratio")
def line(label, b, t):
    print(f"  {label:44} {b:9.2f} {t:9.2f}   {t / b:5.2f}x")
for label, name in rows:
    b = base.get(renamed.get(name, name))
    t = this.get(name)
    if b is None or t is None:
        print(f"  {label:44} (missing: {'baseline' if b is None else 'this'})")
        continue
    line(label, b, t)
for which in ("Gold", "Poor"):
    r, s = f"BM_Replay{which}_Lexicon", f"BM_ScoreExample{which}"
    if all(k in this for k in (r, s)) and all(renamed.get(k, k) in base for k in (r, s)):
        line(f"replay + score {which.lower()}", base[renamed.get(r, r)] + base[renamed.get(s, s)],
             this[r] + this[s])
PY
