#!/usr/bin/env bash
# CI check for Vigil's Linux package: builds the .deb (installer/build-linux.sh), checks its control fields,
# files and maintainer scripts, unpacks it into a temp folder and runs the unpacked launcher with a bare
# environment (no system java on PATH, no JAVA_HOME): it must use its own jlinked runtime, through the shell
# launcher build-linux.sh writes, with the class-data sharing archive postinst would make (at least 85 % of the
# tray app's classes from it).
#
# Needs: what installer/build-linux.sh needs (JDK 17 with jpackage/jlink/jmods: openjdk-17-jdk-headless;
#        dpkg-deb; fakeroot), coreutils `timeout`, lintian and desktop-file-validate (package desktop-file-utils).
#        lintian may report only the tags in installer/linux/lintian-allowed (installer/README.md says why each).
#        --install also needs root and apt-get (it pulls the Depends from the configured Debian mirror).
# Usage: installer/check-deb.sh [--no-build] [--install]
#   --no-build   check the .deb already in installer/target/ instead of building it
#   --install    also install it for real (apt-get install ./vigil_*.deb), run /usr/bin/vigil, check the icons and
#                menu entry, then purge it and check that nothing is left. Changes this machine: CI/containers only.
# Env:   VIGIL_EXAMPLE_RULES  rules folder for `vigil validate --rules` (default: examples/rules, then examples)
# Exit:  0 all checks passed; 1 a check failed (each failure is printed as "FAIL: ...").
# shellcheck disable=SC2015,SC2016  # `ok && pass || fail`: pass only echoes; grep patterns are literal
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"

build=1; install=0
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --install) install=1 ;;
    -h|--help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-deb.sh: unknown option $a (try --help)" >&2; exit 2 ;;
  esac
done

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures+1)); }
pass() { echo "ok:   $*"; }
die()  { echo "check-deb.sh: error: $*" >&2; exit 1; }

command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found (package dpkg)"
command -v timeout  >/dev/null 2>&1 || die "timeout not found (package coreutils)"
command -v lintian  >/dev/null 2>&1 || die "lintian not found: apt-get install -y lintian"
command -v desktop-file-validate >/dev/null 2>&1 || die "desktop-file-validate not found: apt-get install -y desktop-file-utils"

if [[ $build == 1 ]]; then
  start=$SECONDS
  "$here/build-linux.sh" || die "installer/build-linux.sh failed"
  echo "check-deb.sh: build took $((SECONDS-start)) s"
fi

shopt -s nullglob
debs=("$out"/vigil_*.deb)
shopt -u nullglob
[[ ${#debs[@]} -eq 1 ]] || die "expected exactly one installer/target/vigil_*.deb, found ${#debs[@]} (run installer/build-linux.sh)"
deb="${debs[0]}"
echo "check-deb.sh: checking ${deb#"$root"/} ($(du -h "$deb" | cut -f1))"

# --- control fields ----------------------------------------------------------------
echo "--- control"
dpkg-deb -f "$deb"
echo "---"
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == vigil ]] && pass "Package: vigil" || fail "Package is '$(field Package)', want vigil"
ver="$(field Version)"
[[ "$ver" =~ ^[0-9]+(\.[0-9]+)*-[0-9]+$ ]] && pass "Version: $ver" || fail "Version '$ver' is not N.N.N-R"
want_arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
[[ "$(field Architecture)" == "$want_arch" ]] && pass "Architecture: $want_arch" \
  || fail "Architecture is '$(field Architecture)', want $want_arch"
depends="$(field Depends)"
for d in libgtk-3-0 libgl1 libxtst6 libasound2 xdg-utils; do
  [[ ",${depends// /}," == *",$d,"* ]] && pass "Depends has $d" || fail "Depends lacks $d: $depends"
done
[[ "$(field Maintainer)" == "Vigil maintainers <vigil@vigil.dev>" ]] && pass "Maintainer: $(field Maintainer)" \
  || fail "Maintainer is '$(field Maintainer)', want Vigil maintainers <vigil@vigil.dev>"
[[ "$(field Homepage)" == https://github.com/vigil-oncall/vigil ]] && pass "Homepage: $(field Homepage)" \
  || fail "Homepage is '$(field Homepage)', want https://github.com/vigil-oncall/vigil"
synopsis="$(field Description | head -1)"
[[ -n "$synopsis" && ${#synopsis} -le 80 ]] && pass "Description synopsis (${#synopsis} chars)" \
  || fail "Description synopsis empty or over 80 chars: '$synopsis'"

# --- lintian -------------------------------------------------------------------------
# Errors, warnings and info: every tag lintian reports must be in installer/linux/lintian-allowed, the ones that
# jpackage's /opt layout and the bundled Java runtime force (installer/README.md, "lintian", says why each).
echo "--- lintian"
allowed="$(sed 's/#.*//; s/[[:space:]]*$//; /^$/d' "$here/linux/lintian-allowed")"
set +e; lout="$(lintian --fail-on none --display-info --tag-display-limit 0 "$deb" 2>&1)"; rc=$?; set -e
tags="$(awk '$1 ~ /^[EWI]:$/ && $2 == "vigil:" {print $3}' <<<"$lout" | sort | uniq -c)"
printf '%s\n' "${tags:-  (no tags)}"
echo "---"
# with --fail-on none lintian exits non-zero only when it could not check the package
if [[ $rc -ne 0 ]]; then
  printf '%s\n' "$lout" | tail -10; fail "lintian did not run (exit $rc)"
else
  # a line of lintian-allowed is a tag, optionally followed by text the tag's detail must contain
  unexpected=""
  while read -r level pkg tag detail; do
    [[ "$level" =~ ^[EWI]:$ && "$pkg" == vigil: ]] || continue
    ok=0
    while read -r atag adetail; do
      [[ "$atag" == "$tag" && "$detail" == *"$adetail"* ]] && { ok=1; break; }
    done <<<"$allowed"
    [[ $ok == 1 ]] || unexpected+="$level $pkg $tag $detail"$'\n'
  done <<<"$lout"
  [[ -z "$unexpected" ]] && pass "lintian: only the tags installer/linux/lintian-allowed explains" \
    || { printf '%s' "$unexpected" | head -30; fail "lintian reports tags not in installer/linux/lintian-allowed"; }
fi

# --- files and maintainer scripts -------------------------------------------------------
listing="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./opt/vigil/bin/vigil ./opt/vigil/lib/app/vigil.jar ./opt/vigil/lib/app/vigil.classlist ./opt/vigil/lib/app/cds-archive.sh ./opt/vigil/lib/app/vigil.cfg ./opt/vigil/lib/vigil-vigil.desktop \
         ./opt/vigil/lib/vigil.png ./opt/vigil/lib/app/icons/app-48.png ./opt/vigil/lib/app/icons/app-256.png \
         ./opt/vigil/lib/runtime/release; do
  grep -qxF "$f" <<<"$listing" && pass "contains $f" || fail "missing $f"
done
ctrl="$(mktemp -d)"; tmp="$(mktemp -d)"
trap 'rm -rf "$ctrl" "$tmp"' EXIT
dpkg-deb -e "$deb" "$ctrl"
grep -q 'ln -sf "$VIGIL_HOME/bin/vigil" /usr/bin/vigil' "$ctrl/postinst" && pass "postinst links /usr/bin/vigil" \
  || fail "postinst does not link /usr/bin/vigil"
grep -q 'xdg-desktop-menu install /opt/vigil/lib/vigil-vigil.desktop' "$ctrl/postinst" && pass "postinst installs the menu entry" \
  || fail "postinst does not install the menu entry"
grep -q 'xdg-icon-resource install' "$ctrl/postinst" && pass "postinst installs hicolor icons" \
  || fail "postinst does not install hicolor icons"
grep -q 'rm -f /usr/bin/vigil' "$ctrl/prerm" && pass "prerm removes /usr/bin/vigil" || fail "prerm leaves /usr/bin/vigil"
grep -q 'lib/app/cds-archive.sh' "$ctrl/postinst" && grep -q 'rm -f /opt/vigil/lib/app/vigil.jsa' "$ctrl/prerm" \
  && pass "postinst makes the class-data sharing archive, prerm removes it" || fail "postinst/prerm do not handle vigil.jsa"
grep -qxF ./opt/vigil/lib/app/vigil.jsa <<<"$listing" && fail "the package carries a vigil.jsa (postinst makes it)" \
  || pass "the package carries no vigil.jsa of its own"
for s in postinst prerm postrm preinst; do
  sh -n "$ctrl/$s" 2>/dev/null && pass "$s parses (sh -n)" || fail "$s has a shell syntax error"
done

# --- unpack and run -------------------------------------------------------------------
dpkg-deb -x "$deb" "$tmp/root"
desktop="$tmp/root/opt/vigil/lib/vigil-vigil.desktop"
grep -qx 'Exec=/opt/vigil/bin/vigil run' "$desktop" && grep -qx 'Icon=vigil' "$desktop" \
  && pass "desktop entry: Exec=/opt/vigil/bin/vigil run, Icon=vigil" || fail "desktop entry Exec/Icon wrong: $(cat "$desktop")"
# desktop-file-validate exits 0 on hints; the entry must draw no remark at all
set +e; dfv="$(desktop-file-validate "$desktop" 2>&1)"; rc=$?; set -e
[[ $rc -eq 0 && -z "$dfv" ]] && pass "desktop-file-validate: no remarks" || fail "desktop-file-validate (exit $rc): $dfv"
grep -q '^License: Apache-2.0$' "$tmp/root/opt/vigil/share/doc/copyright" 2>/dev/null \
  && pass "opt/vigil/share/doc/copyright: License: Apache-2.0" || fail "opt/vigil/share/doc/copyright lacks License: Apache-2.0"
mods="$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$tmp/root/opt/vigil/lib/runtime/release")"
for m in java.base java.desktop java.sql java.net.http jdk.crypto.ec jdk.unsupported jdk.httpserver java.rmi jdk.net jdk.management; do
  [[ " $mods " == *" $m "* ]] && pass "runtime has $m" || fail "runtime lacks module $m"
done

launcher="$tmp/root/opt/vigil/bin/vigil"
[[ -x "$launcher" ]] || die "unpacked launcher not executable: opt/vigil/bin/vigil"
# the launcher is build-linux.sh's script, not jpackage's native one (which runs dpkg -S twice at every start)
head -1 "$launcher" | grep -qx '#!/bin/sh' && grep -q 'lib/app/../runtime/bin/java\|APPDIR/../runtime/bin/java' "$launcher" \
  && pass "opt/vigil/bin/vigil is the shell launcher that runs the bundled java" \
  || fail "opt/vigil/bin/vigil is not build-linux.sh's shell launcher"
# what postinst does: the class-data sharing archive, made by the unpacked runtime for the unpacked jar
if CDS_LOG="$tmp/cds.log" "$tmp/root/opt/vigil/lib/app/cds-archive.sh" "$tmp/root/opt/vigil"; then
  pass "lib/app/cds-archive.sh made lib/app/vigil.jsa ($(du -h "$tmp/root/opt/vigil/lib/app/vigil.jsa" | cut -f1))"
else
  tail -5 "$tmp/cds.log"; fail "lib/app/cds-archive.sh made no archive"
fi
run() { # bare environment: only the bundled runtime can serve
  mkdir -p "$tmp/home"
  timeout 120 env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 "$launcher" "$@"
}
set +e; outp="$(run --help 2>&1)"; rc=$?; set -e
echo "--- opt/vigil/bin/vigil --help (exit $rc)"; printf '%s\n' "$outp" | head -40; echo "---"
if [[ $rc -eq 0 && -n "$outp" ]]; then pass "unpacked launcher: vigil --help exits 0 with output"
else fail "unpacked launcher: vigil --help exited $rc$([[ -z "$outp" ]] && echo ' with no output')"; fi

# `vigil validate --rules DIR` once the CLI has it and the repository has example rules.
rules="${VIGIL_EXAMPLE_RULES:-}"
if [[ -z "$rules" ]]; then
  for c in alert-rules examples/rules examples; do [[ -d "$root/$c" ]] && { rules="$root/$c"; break; }; done
fi
if grep -qw validate <<<"$outp" && [[ -n "$rules" && -d "$rules" ]]; then
  set +e; vout="$(run validate --rules "$rules" --data "$tmp/data" 2>&1)"; rc=$?; set -e
  [[ $rc -eq 0 ]] && pass "vigil validate --rules ${rules#"$root"/} exits 0" \
    || { printf '%s\n' "$vout" | head -20; fail "vigil validate --rules ${rules#"$root"/} exited $rc"; }
else
  echo "skip: vigil validate (the CLI has no 'validate' yet or there is no examples/rules folder)"
fi

# `vigil bench`, small: its fleet, the engine, the storm and the table, with the bundled runtime's modules only
# (it reads its CPU time through jdk.management).
set +e; bout="$(run bench --endpoints 20 --interval 1s --duration 1s 2>&1)"; rc=$?; set -e
if [[ $rc -eq 0 ]] && grep -q 'storm: FIRED changes published *20 *20' <<<"$bout"; then
  pass "unpacked launcher: vigil bench (20 endpoints) prints its table, every storm alert published"
else printf '%s\n' "$bout" | tail -20; fail "unpacked launcher: vigil bench exited $rc or its storm row is wrong"; fi

# `vigil run --headless` from the unpacked launcher: it must keep watching (still alive after 8 s, killed by
# timeout) and leave a database that `vigil alerts` reads.
if [[ -n "$rules" && -d "$rules" ]]; then
  set +e
  timeout 8 env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 "$launcher" run --headless \
    --rules "$rules" --data "$tmp/rundata" --api-port 0 >"$tmp/run.log" 2>&1
  rc=$?
  set -e
  if [[ $rc -eq 124 ]] && grep -q "Vigil is watching" "$tmp/run.log" && [[ -f "$tmp/rundata/vigil.db" ]]; then
    pass "unpacked launcher: vigil run --headless watches (still running after 8 s, database created)"
  else
    head -20 "$tmp/run.log"; fail "unpacked launcher: vigil run --headless exited $rc"
  fi
  set +e; aout="$(run alerts --data "$tmp/rundata" 2>&1)"; rc=$?; set -e
  [[ $rc -eq 0 ]] && pass "unpacked launcher: vigil alerts reads the database" || { echo "$aout" | head; fail "vigil alerts exited $rc"; }
fi

# The packaged tray app under a real X server with a tray host (Xvfb + trayer), as a new user would start it:
# its icon docks (the app logs "tray icon shown after N ms"), and `vigil demo` shows alerts within 60 s.
if command -v Xvfb >/dev/null 2>&1 && command -v trayer >/dev/null 2>&1; then
  disp=":$((200 + RANDOM % 100))"
  Xvfb "$disp" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
  sleep 1
  DISPLAY="$disp" trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 & tray=$!
  sleep 1
  set +e
  timeout 25 env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 DISPLAY="$disp" \
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/classes.txt" "$launcher" run \
    --rules "$rules" --data "$tmp/traydata" --api-port 0 >"$tmp/tray.log" 2>&1
  set -e
  if grep -q "tray icon shown after" "$tmp/traydata/logs/vigil.log" 2>/dev/null; then
    pass "unpacked launcher under Xvfb + trayer: $(grep -o 'tray icon shown after [0-9]* ms' "$tmp/traydata/logs/vigil.log" | head -1)"
  else
    tail -20 "$tmp/tray.log"; fail "unpacked launcher under Xvfb + trayer: the tray icon was not shown"
  fi
  # The class-data sharing archive serves the packaged app: it must still match the jar and the runtime after
  # jpackage and dpkg copied them, and installer/linux/vigil.classlist must not have gone stale.
  loaded=$(grep -c 'source:' "$tmp/classes.txt" 2>/dev/null || true)
  shared=$(grep -c 'source: shared objects file' "$tmp/classes.txt" 2>/dev/null || true)
  if [[ ${loaded:-0} -gt 0 ]] && (( shared * 100 >= loaded * 85 )); then
    pass "class-data sharing: $shared of the $loaded classes the tray app loaded came from lib/app/vigil.jsa"
  else
    fail "class-data sharing: only ${shared:-0} of ${loaded:-0} classes came from lib/app/vigil.jsa (want 85 %; run installer/linux/classlist.sh)"
  fi
  set +e
  DISPLAY="$disp" env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 DISPLAY="$disp" "$launcher" demo \
    --data "$tmp/demodata" >"$tmp/demo.log" 2>&1 & demo=$!
  set -e
  found=0
  for _ in $(seq 1 60); do
    sleep 1
    if run alerts --json --data "$tmp/demodata" 2>/dev/null | grep -q '"monitor"'; then found=1; break; fi
  done
  kill "$demo" 2>/dev/null || true; wait "$demo" 2>/dev/null || true
  [[ $found == 1 ]] && pass "unpacked launcher: vigil demo shows alerts within 60 s" \
    || { tail -20 "$tmp/demo.log"; fail "unpacked launcher: vigil demo showed no alert within 60 s"; }
  kill "$tray" "$xvfb" 2>/dev/null || true
else
  echo "skip: tray check of the package (needs Xvfb and trayer)"
fi

# --- optional: real install and purge -------------------------------------------------
if [[ $install == 1 ]]; then
  [[ $(id -u) -eq 0 ]] || die "--install needs root"
  echo "--- apt-get install ${deb#"$root"/}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "$deb" >"$tmp/apt.log" 2>&1 \
    || { tail -20 "$tmp/apt.log"; die "apt-get install failed"; }
  [[ "$(readlink /usr/bin/vigil)" == /opt/vigil/bin/vigil ]] && pass "installed: /usr/bin/vigil -> /opt/vigil/bin/vigil" \
    || fail "installed: /usr/bin/vigil is not a link to /opt/vigil/bin/vigil"
  set +e; iout="$(HOME="$tmp/home" timeout 120 vigil --help 2>&1)"; rc=$?; set -e
  [[ $rc -eq 0 && -n "$iout" ]] && pass "installed: vigil --help exits 0" || fail "installed: vigil --help exited $rc"
  for z in 16 48 256; do
    [[ -f /usr/share/icons/hicolor/${z}x${z}/apps/vigil.png ]] && pass "installed: hicolor ${z}x${z} icon" \
      || fail "installed: no /usr/share/icons/hicolor/${z}x${z}/apps/vigil.png"
  done
  [[ -f /usr/share/applications/vigil-vigil.desktop ]] && pass "installed: menu entry" \
    || fail "installed: no /usr/share/applications/vigil-vigil.desktop"
  [[ -s /opt/vigil/lib/app/vigil.jsa ]] && pass "installed: postinst made /opt/vigil/lib/app/vigil.jsa" \
    || fail "installed: no class-data sharing archive /opt/vigil/lib/app/vigil.jsa"
  set +e; shared=$(HOME="$tmp/home" JAVA_TOOL_OPTIONS="-Xlog:class+load=info" timeout 120 vigil --version 2>/dev/null \
    | grep -c 'dev.vigil.Main source: shared objects file'); set -e
  [[ "$shared" == 1 ]] && pass "installed: vigil loads its classes from the archive" \
    || fail "installed: vigil does not use /opt/vigil/lib/app/vigil.jsa"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 purge -y -q vigil >>"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log"; die "apt-get purge failed"; }
  left=""
  for f in /usr/bin/vigil /opt/vigil /usr/share/icons/hicolor/48x48/apps/vigil.png /usr/share/applications/vigil-vigil.desktop; do
    [[ -e "$f" || -L "$f" ]] && left+=" $f"
  done
  [[ -z "$left" ]] && pass "purged: nothing left" || fail "purged, but left behind:$left"
fi

if [[ $failures -gt 0 ]]; then
  echo "check-deb.sh: $failures check(s) FAILED for ${deb#"$root"/}" >&2
  exit 1
fi
echo "check-deb.sh: all checks passed for ${deb#"$root"/} ($(du -h "$deb" | cut -f1))"
