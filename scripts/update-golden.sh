#!/usr/bin/env bash
# Regenerates the expected reports of the golden tests:
#   tests/golden/<scenario-id>/{gold,poor}.expected.json  ←  deskdrill play <id> --transcript … --json
# Usage: scripts/update-golden.sh [SCENARIO-ID…]     (no ids: every folder under tests/golden)
# The binary is $DESKDRILL, else build/dev/deskdrill (build it first: cmake --build --preset dev).
# Review the resulting `git diff` before committing: the expected files are the contract.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${DESKDRILL:-build/dev/deskdrill}"
if [[ ! -x "$bin" ]]; then
    echo "update-golden: $bin not found; build it (cmake --build --preset dev) or set DESKDRILL=path" >&2
    exit 2
fi
export DESKDRILL_SCENARIOS="${DESKDRILL_SCENARIOS:-$PWD/scenarios}"
if [[ $# -gt 0 ]]; then
    ids=("$@")
else
    ids=()
    for d in tests/golden/*/; do ids+=("$(basename "$d")"); done
fi
status=0
for id in "${ids[@]}"; do
    dir="tests/golden/$id"
    if [[ ! -d "$dir" ]]; then
        echo "update-golden: no folder $dir" >&2
        status=2
        continue
    fi
    for kind in gold poor; do
        [[ -f "$dir/$kind.yaml" ]] || continue
        out="$dir/$kind.expected.json"
        rc=0
        "$bin" play "$id" --transcript "$dir/$kind.yaml" --json >"$out.tmp" || rc=$?
        if [[ $rc -ne 0 && $rc -ne 1 ]]; then
            echo "update-golden: $id $kind: deskdrill play exited $rc; $out left unchanged" >&2
            rm -f "$out.tmp"
            status=2
            continue
        fi
        mv "$out.tmp" "$out"
        score=$(grep -m1 '^  "score":' "$out" | tr -dc '0-9')
        passed=$(grep -m1 '^  "passed":' "$out" | grep -o 'true\|false')
        verdict="score ${score:-?}, passed ${passed:-?}"
        echo "$out: $verdict"
    done
done
exit $status
