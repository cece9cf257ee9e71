#!/usr/bin/env bash
# `deskdrill validate` on a folder with an unreadable subfolder exits 2 and names it (issue 15).
# Root reads every folder, so as root the command runs as the unprivileged user `nobody`.
#   unreadable_folder.sh DESKDRILL SCENARIO_FILE
set -uo pipefail
bin=$1 scenario=$2
dir=$(mktemp -d /tmp/dd_unreadable.XXXXXX)
trap 'chmod -R u+rwx "$dir"; rm -rf "$dir"' EXIT
mkdir -p "$dir/locked"
cp "$scenario" "$dir/ok.yaml"
chmod 0755 "$dir"; chmod 0644 "$dir/ok.yaml"; chmod 0000 "$dir/locked"
as=()
if [ "$(id -u)" = 0 ]; then
  command -v runuser >/dev/null || { echo "SKIP: runuser missing"; exit 77; }
  as=(runuser -u nobody --)
  # nobody must be able to reach the program and its data.
  "${as[@]}" test -x "$bin" || { echo "SKIP: $bin is not reachable by nobody"; exit 77; }
fi
out=$("${as[@]}" env DESKDRILL_DATA="${DESKDRILL_DATA:-}" "$bin" validate --no-standards "$dir" 2>&1)
rc=$?
echo "$out"
[ "$rc" -eq 2 ] || { echo "FAIL: exit $rc, expected 2"; exit 1; }
grep -q "$dir/locked: error: cannot read the folder: Permission denied" <<<"$out" ||
  { echo "FAIL: the unreadable folder is not named"; exit 1; }
echo "ok: unreadable folder reported, exit 2"
