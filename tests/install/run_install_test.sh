#!/usr/bin/env bash
# The installed DeskDrill runs on its own: installs the build (cmake --install, or the .deb that
# CPack makes, unpacked with dpkg-deb -x) into a staging root, then runs validate, demo and play
# from there with no DESKDRILL_* variables, from another folder — so nothing can come from the
# source or build tree.
#   run_install_test.sh --build DIR --out DIR --mode prefix|deb
set -uo pipefail
build= out= mode=prefix
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    *) echo "run_install_test.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

case "$mode" in
  prefix)
    DESTDIR="$out/root" cmake --install "$build" --prefix /usr >"$out/install.log" 2>&1 ||
      { cat "$out/install.log" >&2; fail "cmake --install failed"; }
    ;;
  deb)
    command -v dpkg-deb >/dev/null || { echo "SKIP: dpkg-deb missing"; exit 77; }
    (cd "$out" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out/pkg") \
      >"$out/cpack.log" 2>&1 || { tail -20 "$out/cpack.log" >&2; fail "cpack -G DEB failed"; }
    deb=$(ls "$out"/pkg/deskdrill_*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || fail "cpack made no .deb (see $out/cpack.log)"
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $depends"
    # libpq5, libpangocairo and libcanberra0 are loaded on first use (sim/lazylibs): declared by hand.
    for lib in libyaml-cpp libsodium libopencc libglfw3 fonts-noto-cjk libpq5 libpangocairo-1.0-0 \
      libcanberra0; do
      grep -q "$lib" <<<"$depends" || fail "the package does not declare $lib (Depends: $depends)"
    done
    dpkg-deb -x "$deb" "$out/root" || fail "dpkg-deb -x failed"
    ;;
  *) fail "--mode prefix|deb" ;;
esac

root="$out/root"
bin="$root/usr/bin/deskdrill"
[ -x "$bin" ] || fail "no $bin"
for f in usr/share/deskdrill/scenarios/standards.yaml usr/share/deskdrill/scenarios/lexicon.yaml \
         usr/share/deskdrill/examples/complaint.night-renovation-noise.gold.yaml \
         usr/share/deskdrill/i18n/zh.json usr/share/deskdrill/i18n/en.json; do
  [ -f "$root/$f" ] || fail "not installed: /$f"
done
# Nothing may point back into the source or build tree.
if find "$root" -type l | grep -q .; then fail "the install holds symbolic links: $(find "$root" -type l | head -3)"; fi

run() {  # run NAME EXPECTED_EXIT ARGS… — from /, with a clean environment
  local name=$1 want=$2; shift 2
  (cd / && env -i PATH=/usr/bin:/bin HOME="$out/home" "$bin" "$@") >"$out/$name.out" 2>"$out/$name.err"
  local rc=$?
  [ "$rc" -eq "$want" ] || { cat "$out/$name.err" >&2; fail "deskdrill $* exited $rc, expected $want"; }
}
# libpq, Pango/Cairo and libcanberra are loaded when first called (sim/lazylibs), not at every start.
if readelf -d "$bin" | grep -Eq 'NEEDED.*(libpq|libpango|libcairo|libgobject|libcanberra)'; then
  fail "the program starts with libraries it loads on first use: $(readelf -d "$bin" | grep -E 'libpq|libpango|libcairo|libgobject|libcanberra')"
fi
(cd / && env -i PATH=/usr/bin:/bin HOME="$out/home" LD_DEBUG=files "$bin" --version) 2>"$out/ld.txt" >/dev/null
if grep -Eq 'file=lib(pq|pango|cairo|canberra|vorbis)' "$out/ld.txt"; then
  fail "deskdrill --version loaded $(grep -Eo 'file=lib(pq|pango|cairo|canberra|vorbis)[^ ]*' "$out/ld.txt" | sort -u | tr '\n' ' ')"
fi
run validate 0 validate
grep -q "all valid" "$out/validate.out" || fail "validate did not say all valid: $(tail -1 "$out/validate.out")"
run demo 0 demo
grep -q "✓ 通过" "$out/demo.out" || fail "the demo did not pass: $(tail -5 "$out/demo.out")"
run play_gold 0 play complaint.night-renovation-noise \
  --transcript "$root/usr/share/deskdrill/examples/complaint.night-renovation-noise.gold.yaml" --json
grep -q '"passed": true' "$out/play_gold.out" || fail "play of the gold did not pass"
run play_poor 1 play "$root/usr/share/deskdrill/scenarios/complaint/night-renovation-noise.yaml" \
  --transcript "$root/usr/share/deskdrill/examples/complaint.night-renovation-noise.poor.yaml"
run verify_one 0 verify -q "$root/usr/share/deskdrill/scenarios/emergency"
run help 0 --help
if grep -q -- "--drive" "$out/help.out"; then fail "the installed program offers --drive (a UI-script hook)"; fi
[ ! -e "$root/usr/bin/deskdrill-test" ] || fail "the test build deskdrill-test was installed"
echo "installed ($mode) DeskDrill: validate, demo, play and verify ran from $root"
