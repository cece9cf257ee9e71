#!/usr/bin/env python3
"""Does a Chinese word segmenter earn its place in speech-act detection? (issue 12)

Measures, on the labelled sets, the meaning-aware detection as it is and the same detection with
every match that does not start and end on a word boundary of jieba (python3-jieba, Debian's) set
aside — what a segmenter in front of the matcher would do — and the segmenter's throughput. Run:

    tests/unit/text/segmenter_eval.py build/dev/deskdrill

It prints micro precision/recall per set, both ways, and jieba's MB/s. Nothing of the program
depends on jieba; this only informs the decision (the figures are in the issue's notes).
"""
import json
import os
import subprocess
import sys
import time

try:
    import jieba
except ImportError:
    sys.exit("segmenter_eval: needs python3-jieba (apt-get install python3-jieba)")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SETS = ["labelled.tsv", "heldout.tsv", "heldout2.tsv"]


def read_set(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        acts, sarcastic = set(), set()
        for a in cols[1].split(","):
            a = a.strip()
            if not a or a == "-":
                continue
            if a.endswith("^"):
                sarcastic.add(a[:-1])
                continue
            acts.add(a.rstrip("~"))
        forb = {f.strip() for f in cols[2].split(",") if f.strip() and f.strip() != "-"}
        rows.append((cols[0], acts | forb))
    return rows


def boundaries(text):
    cuts, at = {0}, 0
    for w in jieba.cut(text, HMM=True):
        at += len(w.encode("utf-8"))
        cuts.add(at)
    return cuts


def found(result, cuts=None):
    names = set()
    for d in result["meaning"]["decisions"]:
        if not d["counted"] or d.get("sarcastic"):
            continue
        b, e = d["span"]
        if cuts is not None and (b not in cuts or e not in cuts):
            continue
        names.add(d["name"])
    return names


def micro(rows, results, cuts):
    tp = fp = fn = 0
    for (text, want), r in zip(rows, results):
        have = found(r, cuts[text] if cuts else None)
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main():
    deskdrill = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/dev/deskdrill")
    jieba.setLogLevel(60)
    jieba.initialize()
    corpus = []
    for name in SETS:
        rows = read_set(os.path.join(ROOT, "tests/data/acts", name))
        out = subprocess.run([deskdrill, "acts", "--json"], input="\n".join(t for t, _ in rows) + "\n",
                             capture_output=True, text=True, check=True).stdout
        results = [json.loads(l) for l in out.splitlines()]
        cuts = {t: boundaries(r["normalized"]) for (t, _), r in zip(rows, results)}
        p0, r0 = micro(rows, results, None)
        p1, r1 = micro(rows, results, cuts)
        print(f"{name:14s} detection alone P {p0:.3f} R {r0:.3f} | matches on jieba's word "
              f"boundaries only P {p1:.3f} R {r1:.3f}")
        corpus += [r["normalized"] for r in results]
    text = "\n".join(corpus)
    reps = max(1, (2 << 20) // max(len(text.encode("utf-8")), 1))
    big = "\n".join([text] * reps)
    t0 = time.process_time()
    for line in big.splitlines():
        jieba.lcut(line, HMM=True)
    dt = time.process_time() - t0
    print(f"jieba segmentation: {len(big.encode('utf-8')) / dt / 1e6:.2f} MB/s "
          f"({len(big.encode('utf-8')) / 1e6:.1f} MB, CPU time)")


if __name__ == "__main__":
    main()
