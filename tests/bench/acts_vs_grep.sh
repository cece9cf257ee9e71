#!/usr/bin/env bash
# Speech-act detection vs `grep -F -f` over the same text and the same lexicon, side by side.
#   tests/bench/acts_vs_grep.sh [BUILD_DIR [BASELINE_BUILD_DIR]]
# BUILD_DIR defaults to build/h3-release (configured if missing; `build/release` after
# `cmake --preset release`). With BASELINE_BUILD_DIR (another build's tree, e.g. of main), its
# bench_text runs on the same corpus in the same run, and the ratios are printed: the phrase
# detection (today's engine) and the meaning-aware one (issue 12) against the baseline's.
# 1. builds bench_text (Release), 2. writes the corpus (the labelled set repeated to ~10 MB, one
# utterance per line) and the patterns (the automaton's keys, one per line), 3. runs the
# detection benchmarks, 4. times `grep -c -F -f patterns corpus` (best of 5, C and UTF-8
# locales), 5. prints both throughputs and the ratio.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/h3-release}
baseline=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDESKDRILL_GUI=OFF >/dev/null
fi
cmake --build "$build" --target bench_text -j2 >/dev/null
bench="$build/tests/bench/bench_text"

"$bench" --dump-patterns="$work/patterns.txt"
"$bench" --dump-corpus="$work/corpus.txt"
# With a baseline, both run ROUNDS times by turns (the machine is shared: the best round of
# each is kept, so neither side is judged by a busy moment the other escaped).
rounds=${ROUNDS:-3}
[ -n "$baseline" ] || rounds=1
for r in $(seq 1 "$rounds"); do
  "$bench" --corpus="$work/corpus.txt" --benchmark_format=json \
    --benchmark_out="$work/bench.$r.json" --benchmark_out_format=json >/dev/null
  if [ -n "$baseline" ]; then
    "$baseline/tests/bench/bench_text" --corpus="$work/corpus.txt" \
      --benchmark_filter='BM_DetectCorpus|BM_Detect40Chars' --benchmark_format=json \
      --benchmark_out="$work/baseline.$r.json" --benchmark_out_format=json >/dev/null
  fi
done

python3 - "$work" <<'PY'
import json, os, resource, subprocess, sys
work = sys.argv[1]
corpus, patterns = os.path.join(work, "corpus.txt"), os.path.join(work, "patterns.txt")
size = os.path.getsize(corpus)
npat = sum(1 for _ in open(patterns, encoding="utf-8"))
lines = sum(1 for _ in open(corpus, encoding="utf-8"))
def best_of(prefix):
    # Per benchmark, the round with the most bytes per second (the least disturbed).
    best = {}
    for f in sorted(os.listdir(work)):
        if not (f.startswith(prefix + ".") and f.endswith(".json")):
            continue
        for x in json.load(open(os.path.join(work, f)))["benchmarks"]:
            k = x["name"].split("/")[0]
            if k not in best or x.get("bytes_per_second", 0) > best[k].get("bytes_per_second", 0):
                best[k] = x
    return best

b = best_of("bench")

def grep(locale, mode="-c"):
    # CPU time (user + sys) of the child, best of 5, like Google Benchmark's CPU time: the
    # machine is shared, so wall time would mostly measure the neighbours.
    env = dict(os.environ, LC_ALL=locale)
    best, count = None, None
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = subprocess.run(["grep", mode, "-F", "-f", patterns, corpus], env=env,
                           capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        count = r.stdout.strip() if mode == "-c" else str(r.stdout.count("\n"))
        best = dt if best is None else min(best, dt)
    return size / best / 1e6, count

def ns(name):
    x = b[name]
    unit = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[x["time_unit"]]
    return x["cpu_time"] * unit

det = b["BM_DetectCorpus"]["bytes_per_second"] / 1e6
print(f"corpus: {size/1e6:.1f} MB, {lines} lines; lexicon: {npat} patterns (CPU time, best runs)")
print(f"detect one 40-char utterance:      {ns('BM_Detect40Chars')/1e3:8.2f} us")
print(f"  reusing the result (detect_into): {ns('BM_Detect40CharsInto')/1e3:8.2f} us")
print(f"  same text in traditional:        {ns('BM_Detect40CharsTraditional')/1e3:8.2f} us")
print(f"  normalisation alone:             {ns('BM_Normalize40Chars')/1e3:8.2f} us")
print(f"deskdrill detection throughput:    {det:8.1f} MB/s "
      f"({int(b['BM_DetectCorpus']['lines_with_acts'])} lines with acts)")
for loc in ("C", "C.UTF-8"):
    g, c = grep(loc)
    print(f"grep -c -F -f (LC_ALL={loc:7}):    {g:8.1f} MB/s ({c} matching lines); "
          f"grep is {g/det:.1f}x faster")
# -c may stop reading a line at its first match; -o must find every match, as detection does.
g, c = grep("C", "-o")
print(f"grep -o -F -f (LC_ALL=C      ):    {g:8.1f} MB/s ({c} matches); grep is {g/det:.1f}x faster")
if "BM_DetectCorpusMeaning" in b:
    m = b["BM_DetectCorpusMeaning"]["bytes_per_second"] / 1e6
    print(f"meaning-aware detection throughput:{m:8.1f} MB/s "
          f"({int(b['BM_DetectCorpusMeaning']['lines_with_acts'])} lines with acts), "
          f"one 40-char utterance {ns('BM_Detect40CharsMeaning')/1e3:.2f} us")
base = best_of("baseline")
if base:
    bd = base["BM_DetectCorpus"]["bytes_per_second"] / 1e6
    print(f"baseline detection throughput:     {bd:8.1f} MB/s (same corpus, same run, best of "
          f"{len([f for f in os.listdir(work) if f.startswith('baseline.')])} rounds by turns)")
    print(f"  phrase detection / baseline:     {det/bd:8.2f}")
    if "BM_DetectCorpusMeaning" in b:
        print(f"  meaning-aware / baseline:        {m/bd:8.2f}")
PY
