# Shared by the shell tests that drive the `deskdrill` command line (records_cli.sh, site_cli.sh,
# hub_cli.sh, print_pdf.sh): source it, then `cli_workdir DIR`.
#   cli_workdir DIR    an empty DIR made the current folder; XDG_DATA_HOME inside it, so the
#                      default records file is never the user's
#   fail MESSAGE…      says what failed with the last command's stderr and stdout; exit 1
#   run WANT CMD…      runs CMD (stdout → out.txt, stderr → err.txt); fails unless it exits WANT
#   has FILE TEXT      fails unless FILE contains TEXT (a fixed string)

cli_workdir() {
    rm -rf "$1"
    mkdir -p "$1"
    cd "$1" || exit 1
    export XDG_DATA_HOME="$1/xdg"
}
fail() {
    echo "FAIL: $*"
    [ -f err.txt ] && { echo "--- stderr:"; cat err.txt; }
    [ -f out.txt ] && { echo "--- stdout:"; head -40 out.txt; }
    exit 1
}
run() {
    local want=$1
    shift
    "$@" >out.txt 2>err.txt
    local rc=$?
    [ "$rc" -eq "$want" ] || fail "exit $rc, expected $want: $*"
}
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
