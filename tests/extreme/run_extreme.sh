#!/usr/bin/env bash
# The "extreme but valid" suite (issue 15 §7): each input sits at one of the limits of
# sim/model/limits.h — still accepted — and the program must finish under this script's own
# resource caps: an address-space cap set with setrlimit (prlimit --as), a CPU-time cap
# (prlimit --cpu) and a wall-clock bound. Work that turns quadratic, or memory that grows with
# the input past the bounds, is killed by a cap and fails the test loudly.
#
# usage: run_extreme.sh DESKDRILL EXAMPLES_DIR CASE
set -euo pipefail
deskdrill=$1
examples=$2
case_name=$3

AS_CAP=$((384 * 1024 * 1024))  # 384 MiB of address space (the program maps ~150 MiB)
CPU_CAP=60                      # seconds of CPU (each case takes well under 5 s in Debug)
WALL_CAP=120

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# capped EXPECTED_RC CMD… — runs CMD under the caps; fails unless it exits with EXPECTED_RC.
capped() {
    local want=$1
    shift
    local rc=0
    timeout --signal=KILL "$WALL_CAP" prlimit --as="$AS_CAP" --cpu="$CPU_CAP" -- "$@" \
        >out.txt 2>err.txt || rc=$?
    if [[ $rc -ne $want ]]; then
        echo "FAIL: '$*' exited $rc, expected $want (137: killed at the wall-clock bound;" \
             "152/SIGXCPU: the CPU cap; a bad_alloc/abort: the memory cap)" >&2
        head -c 2000 err.txt >&2
        exit 1
    fi
}

# capped_play SCENARIO — play t.yaml: passed (0) or failed (1) are both a finished attempt.
capped_play() {
    local rc=0
    capped_any "$deskdrill" play "$1" --transcript t.yaml --json || rc=$?
    [[ $rc -le 1 ]] || { echo "FAIL: play exited $rc" >&2; head -c 2000 err.txt >&2; exit 1; }
}

# capped_any CMD… — runs CMD under the caps and returns its exit code.
capped_any() {
    timeout --signal=KILL "$WALL_CAP" prlimit --as="$AS_CAP" --cpu="$CPU_CAP" -- "$@" \
        >out.txt 2>err.txt
}

# repeat TEXT N — TEXT N times, no newline.
repeat() {
    local s=$1 n=$2 out=""
    for ((i = 0; i < n; ++i)); do out+=$s; done
    printf '%s' "$out"
}

example=$examples/complaint.night-renovation-noise.yaml
id=complaint.night-renovation-noise

# A scenario at the event and actor limits (100 of each): 100 callers who ring every 0.5 s (the
# shortest interval) and wait 30 days (the longest duration) before giving up.
big_scenario() {
    {
        echo "id: complaint.extreme-many-callers"
        echo "version: 1"
        echo "title: 百名来电同时等待"
        echo "category: complaint"
        echo "difficulty: 5"
        echo "used_for: [onboarding]"
        echo "site: {name: 阳光花园, company: 安居物业}"
        echo "actors:"
        for ((i = 0; i < 100; ++i)); do
            echo "  c$i: {name: 来电人$i, role: owner, room: 1-$((100 + i)), persona: {patience: 30s, temper: hot}, mood: 50}"
        done
        echo "events:"
        for ((i = 0; i < 100; ++i)); do
            echo "  - {at: ${i}s, phone_call: {from: c$i, start: n$i, ring_every: 500ms, give_up: 720h}}"
        done
        echo "dialogue:"
        for ((i = 0; i < 100; ++i)); do
            echo "  n$i: {actor: c$i, says: 你好请问物业吗, expect: {acts: [greeting]}, end: true}"
        done
        echo "criteria: [phone.answer-within-3-rings, courtesy.greeting, language.no-forbidden]"
    } >many.yaml
}

case "$case_name" in
    reply_at_limit)
        # Two replies of exactly kMaxReplyChars (1,000) characters: one full of phrase hits,
        # one of a single repeated character (both were quadratic before).
        hits=$(repeat 对不起 333)对
        same=$(repeat 啊 1000)
        printf 'scenario: %s\nseed: 1\nactions:\n  - {at: 5, answer: phone}\n  - {at: 7, say: "%s"}\n  - {at: 9, say: "%s"}\n' \
            "$id" "$hits" "$same" >t.yaml
        capped_play "$example"
        ;;
    replies_fill_file)
        # As many 1,000-character replies as a transcript file holds (kMaxFileBytes, 1 MiB).
        line=$(repeat 您好对不起谢谢再见 111)好
        {
            printf 'scenario: %s\nseed: 1\nactions:\n  - {at: 5, answer: phone}\n' "$id"
            for ((i = 0; i < 300; ++i)); do printf '  - {at: %d, say: "%s"}\n' $((6 + i)) "$line"; done
        } >t.yaml
        capped_play "$example"
        ;;
    actions_at_limit)
        # kMaxTranscriptActions (5,000) actions.
        {
            printf 'scenario: %s\nseed: 1\nactions:\n  - {at: 1, answer: phone}\n' "$id"
            for ((i = 1; i < 5000; ++i)); do printf '  - {at: %d.%02d, say: 好的}\n' $((1 + i / 100)) $((i % 100)); done
        } >t.yaml
        capped_play "$example"
        ;;
    longest_wait)
        # The longest wait there is (30 days) on a scenario at the event limit whose callers
        # never give up within it: rings coalesce past kMaxListedRings per call.
        big_scenario
        printf 'scenario: complaint.extreme-many-callers\nseed: 1\nactions:\n  - {at: 1, wait: 720h}\n' >t.yaml
        capped 0 "$deskdrill" play many.yaml --transcript t.yaml --log
        grep -q '之后的铃声只计数' out.txt
        ;;
    verify_at_limits)
        # verify on the scenario at the event limit: finishes within its work budget.
        big_scenario
        rc=0
        capped_any "$deskdrill" verify many.yaml || rc=$?
        [[ $rc -le 2 ]] || { echo "FAIL: verify exited $rc" >&2; head -c 2000 err.txt >&2; exit 1; }
        cat out.txt
        ;;
    acts_long_lines)
        # deskdrill acts: 2,000 lines at kMaxReplyBytes, then one line of 100 MB, which is refused
        # without being held in memory.
        {
            line=$(repeat 对不起 910)ab  # 8,192 bytes
            for ((i = 0; i < 2000; ++i)); do printf '%s\n' "$line"; done
            head -c 100000000 /dev/zero | tr '\0' 'a'
            printf '\n'
        } >in.txt
        rc=0
        capped_any "$deskdrill" acts <in.txt || rc=$?
        [[ $rc -eq 2 ]] || { echo "FAIL: acts exited $rc, expected 2" >&2; head -c 2000 err.txt >&2; exit 1; }
        [[ $(wc -l <out.txt) -ge 2000 ]] || { echo "FAIL: acts did not answer every line" >&2; exit 1; }
        grep -q '2001' err.txt || { echo "FAIL: the long line is not named" >&2; cat err.txt >&2; exit 1; }
        ;;
    largest_library)
        # A library of 1,000 scenarios (each a copy of the example under its own id): validate
        # reads them all under the caps.
        mkdir lib
        for ((i = 0; i < 1000; ++i)); do
            sed "s/^id: .*/id: complaint.copy-$i/" "$example" >lib/copy-$i.yaml
        done
        capped 0 "$deskdrill" validate lib
        ;;
    *)
        echo "unknown case $case_name" >&2
        exit 2
        ;;
esac
echo "ok: $case_name"
