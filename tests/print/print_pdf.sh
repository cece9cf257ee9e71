#!/usr/bin/env bash
# The printable result (issue 11 §7) from the command line: the client's example played poor into
# fresh records, a supervisor's override added, `deskdrill export --format pdf` writes one A4
# page; pdftotext must find who, what, the score, the verdict, a criterion with its evidence, the
# override and the signature lines; pdftoppm renders it and dd_png_check says it is not blank (the
# PNG stays in WORK_DIR to be looked at). Bad input: exit 2, a message, no file.
#   print_pdf.sh DESKDRILL PNG_CHECK EXAMPLES_DIR WORK_DIR
set -u
D=$1
PNG_CHECK=$2
EX=$3
W=$4
. "$(dirname "$0")/../lib/cli.sh"
cli_workdir "$W"
command -v pdftoppm >/dev/null || { echo "pdftoppm missing: sudo apt-get install poppler-utils"; exit 77; }

echo "admin-pass-1" >admin.pw
run 0 "$D" user init --db r.db --admin-password-file admin.pw
run 0 "$D" user add --db r.db --id T001 --name 张三 --site 阳光花园 --cohort 2026-春
run 1 "$D" play "$EX/complaint.night-renovation-noise.yaml" \
    --transcript "$EX/complaint.night-renovation-noise.poor.yaml" --db r.db --trainee T001 \
    --mode assessment
UUID=$(grep -o '[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}' err.txt | head -1)
[ -n "$UUID" ] || fail "play --db did not say which attempt it stored"
run 0 "$D" override "$UUID" --db r.db --criterion complaint.empathy-or-apology --pass \
    --reason 录音复核已致歉

run 0 "$D" export --db r.db --format pdf --attempt "$UUID" --out result.pdf
has err.txt "wrote result.pdf"
head -c 5 result.pdf | grep -q '%PDF-' || fail "result.pdf is not a PDF"
pdfinfo result.pdf >info.txt 2>&1 || fail "pdfinfo cannot read result.pdf"
grep -Eq "^Pages: +1$" info.txt || fail "not one page"
has info.txt "595 x 842 pts (A4)"
pdftotext -layout result.pdf text.txt || fail "pdftotext cannot read result.pdf"
for t in 考核结果单 受训人 "张三（T001）" 阳光花园 2026-春 深夜装修 未通过 "及格线" \
         表示理解或致歉 证据 主管复核 录音复核已致歉 受训人签名 考核主管签名 "$UUID"; do
    has text.txt "$t"
done
pdftoppm -r 72 -png -singlefile result.pdf result || fail "pdftoppm failed"
"$PNG_CHECK" result.png 595 842 || fail "the rendered page is blank"

# English, from the same record.
run 0 "$D" export --db r.db --format pdf --attempt "$UUID" --out result_en.pdf --lang en
pdftotext -layout result_en.pdf text_en.txt
has text_en.txt "Assessment result"
has text_en.txt "Trainee's signature"

# Bad input: a clear error, exit 2, no file.
run 2 "$D" export --db r.db --format pdf --attempt 00000000-0000-4000-8000-000000000000 --out x.pdf
has err.txt "deskdrill export: error:"
[ ! -e x.pdf ] || fail "a refused export left a file"
run 2 "$D" export --db r.db --format pdf --out x.pdf
has err.txt "--format pdf needs --attempt UUID and --out FILE"
run 2 "$D" export --db r.db --format csv --attempt "$UUID"
has err.txt "--attempt goes with --format pdf"
echo "print PDF: all checks passed"
