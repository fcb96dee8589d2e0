#!/usr/bin/env bash
# Builds Vigil's Linux app image and .deb with jpackage (JDK 17).
#
# Needs:
#   - a JDK 17+ with jpackage, jlink and jmods: Debian/Ubuntu `apt-get install -y openjdk-17-jdk-headless`
#     (picked from $VIGIL_JDK, else /usr/lib/jvm/java-17-openjdk-amd64, else $JAVA_HOME, else `java` on PATH)
#   - for the .deb: dpkg-deb (package dpkg, always on Debian) and fakeroot (`apt-get install -y fakeroot`)
#   - strip (package binutils): the runtime's native code is stripped as Debian's dh_strip would
#   - app/target/vigil.jar: built here with `./mvnw -B -q package -DskipTests` when missing
#   - icons/png/app-*.png: committed; regenerate with icons/render.sh
#
# Makes (in installer/target/):
#   app-image/vigil/                 the relocatable app: bin/vigil, lib/app/vigil.jar, lib/app/vigil.jsa (its
#                                    class-data sharing archive; the .deb's postinst makes its own), lib/runtime (jlinked)
#   vigil_<version>-<release>_<arch>.deb
#       installs /opt/vigil (launcher /opt/vigil/bin/vigil), /usr/bin/vigil, a menu entry and hicolor icons
#
# Usage:  installer/build-linux.sh            (from anywhere)
# Env:    VIGIL_VERSION   package version (default: pom.xml version without -SNAPSHOT; jpackage wants digits.dots)
#         VIGIL_RELEASE   Debian release number (default 1)
#         VIGIL_SKIP_DEB=1  build only the app image (no dpkg-deb/fakeroot needed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
cd "$root"   # the @args files use paths relative to the repository root

die() { echo "build-linux.sh: error: $*" >&2; exit 1; }
say() { echo "build-linux.sh: $*"; }

# --- tools -------------------------------------------------------------------
jdk=""
for cand in "${VIGIL_JDK:-}" /usr/lib/jvm/java-17-openjdk-amd64 "${JAVA_HOME:-}"; do
  if [[ -n "$cand" && -x "$cand/bin/jpackage" ]]; then jdk="$cand"; break; fi
done
if [[ -z "$jdk" ]] && command -v jpackage >/dev/null 2>&1; then
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")"
fi
[[ -n "$jdk" ]] || die "no jpackage found. Install a JDK 17+: apt-get install -y openjdk-17-jdk-headless (or set VIGIL_JDK)"
[[ -x "$jdk/bin/jlink" && -d "$jdk/jmods" ]] \
  || die "$jdk has no jlink/jmods; jpackage needs them to build the runtime (apt-get install -y openjdk-17-jdk-headless)"
jpackage="$jdk/bin/jpackage"
jver="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "${jver%%.*}" -ge 17 ]] 2>/dev/null || die "$jdk is Java $jver; Vigil needs 17+"

command -v strip >/dev/null 2>&1 || die "strip not found: apt-get install -y binutils"
if [[ "${VIGIL_SKIP_DEB:-0}" != 1 ]]; then
  command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found (package dpkg); needed for the .deb (or VIGIL_SKIP_DEB=1)"
  command -v fakeroot >/dev/null 2>&1 || die "fakeroot not found: apt-get install -y fakeroot (or VIGIL_SKIP_DEB=1)"
fi

# --- inputs ------------------------------------------------------------------
jar="$root/app/target/vigil.jar"
if [[ ! -f "$jar" ]]; then
  say "app/target/vigil.jar missing; building it: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests || die "Maven build failed"
  [[ -f "$jar" ]] || die "Maven build did not produce app/target/vigil.jar"
fi
for z in 16 32 48 64 128 256 512; do
  [[ -f "icons/png/app-$z.png" ]] || die "icons/png/app-$z.png missing: run icons/render.sh"
done

version="${VIGIL_VERSION:-}"
if [[ -z "$version" ]]; then
  pomv="$(sed -n '/<artifactId>vigil-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
  version="${pomv%%-*}"
fi
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not digits.dots (set VIGIL_VERSION)"
release="${VIGIL_RELEASE:-1}"

# Fail when the jar needs a JDK module the runtime leaves out (jdk.jfr aside: nothing calls it): a missing module
# shows only when its code first runs, as `vigil bench` failed without jdk.management.
modules="$(sed -n 's/^--add-modules //p' installer/app.args)"
if needed="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar" 2>/dev/null)"; then
  for m in ${needed//,/ }; do
    case ",$modules," in *",$m,"*) ;; *)
      case "$m" in jdk.jfr) ;; *) die "jdeps says the jar uses module $m, not in installer/app.args --add-modules";; esac;;
    esac
  done
fi

# --- stage -------------------------------------------------------------------
rm -rf "$out/input" "$out/app-image" "$out"/*.deb
mkdir -p "$out/input/icons"
cp "$jar" "$out/input/vigil.jar"
# the class-data sharing archive's list and maker, for postinst (end up in /opt/vigil/lib/app/)
cp installer/linux/vigil.classlist installer/linux/cds-archive.sh "$out/input/"
# hicolor icons for postinst (end up in /opt/vigil/lib/app/icons/)
cp icons/png/app-{16,32,48,64,128,256,512}.png "$out/input/icons/"

start=$SECONDS
say "JDK $jdk (Java $jver); version $version-$release"

# --- app image (runs jlink once) ----------------------------------------------
say "jpackage --type app-image"
# shellcheck disable=SC2016  # $APPDIR is the launcher's, expanded when it starts
"$jpackage" --type app-image --dest "$out/app-image" \
  @installer/common.args @installer/app.args --java-options '-XX:SharedArchiveFile=$APPDIR/vigil.jsa' \
  --app-version "$version" --icon icons/png/app-256.png \
  || die "jpackage app-image failed"
launcher="$out/app-image/vigil/bin/vigil"
[[ -x "$launcher" ]] || die "app image has no launcher at ${launcher#"$root"/}"

# --- strip the runtime's native code --------------------------------------------------
# jlink copies the JDK's binaries and libraries from its jmods with their symbol tables (lintian:
# unstripped-binary-or-object). Stripped as dh_strip does: shared libraries down to what they export, programs
# whole. HotSpot's crash reports still name the exported functions; the runtime goes from 78 to 74 MB.
stripped=0
while IFS= read -r -d '' f; do
  [[ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" == '177ELF' ]] || continue
  case "$f" in
    *.so) strip --remove-section=.comment --remove-section=.note --strip-unneeded "$f" ;;
    *)    strip --remove-section=.comment --remove-section=.note "$f" ;;
  esac || die "strip failed on ${f#"$root"/}"
  stripped=$((stripped+1))
done < <(find "$out/app-image/vigil/lib/runtime" -type f \( -name '*.so' -o -perm -u+x \) -print0)
say "stripped $stripped binaries and libraries of the runtime"

# --- launcher ------------------------------------------------------------------
# jpackage's native launcher asks rpm and dpkg which package owns it (`dpkg -S`, twice) before it starts Java: 0.5-1 s
# at every launch on a Debian machine with 800 packages (more with more). bin/vigil is a shell script instead: it starts the
# bundled runtime's java (app.args keeps bin/java in the runtime) with what jpackage wrote into lib/app/vigil.cfg.
cfg="$out/app-image/vigil/lib/app/vigil.cfg"
mainclass="$(sed -n 's/^app.mainclass=//p' "$cfg")"
classpath="$(sed -n 's/^app.classpath=//p' "$cfg")"
[[ -n "$mainclass" && -n "$classpath" && -x "$out/app-image/vigil/lib/runtime/bin/java" ]] \
  || die "cannot make the launcher: no main class or class path in ${cfg#"$root"/}, or no lib/runtime/bin/java"
{
  echo '#!/bin/sh'
  echo '# Vigil, from its own runtime. Made by installer/build-linux.sh from lib/app/vigil.cfg (jpackage'"'"'s launcher'
  echo '# configuration), in place of jpackage'"'"'s native launcher, which asks dpkg and rpm who owns it at every start.'
  echo 'self="$(readlink -f "$0")"'
  echo 'APPDIR="$(dirname "$(dirname "$self")")/lib/app"'
  echo 'exec "$APPDIR/../runtime/bin/java" \'
  # each option one double-quoted word: \ " ` escaped; $ left alone, for jpackage's $APPDIR
  sed -n 's/^java-options=//p' "$cfg" | sed 's/[\\"`]/\\&/g; s/^/  "/; s/$/" \\/'
  echo '  "-Djpackage.app-path=$self" -cp "'"$classpath"'" '"$mainclass"' "$@"'
} >"$launcher.sh"
chmod 755 "$launcher.sh"
mv "$launcher.sh" "$launcher"
sh -n "$launcher" || die "the launcher script ${launcher#"$root"/} does not parse"
# the native launcher's library, which the shell launcher does not load
rm -f "$out/app-image/vigil/lib/libapplauncher.so"

# --- class-data sharing archive (AppCDS) ---------------------------------------
# lib/app/cds-archive.sh turns installer/linux/vigil.classlist (from installer/linux/classlist.sh) into lib/app/vigil.jsa:
# the launcher then maps ~7,000 classes, parsed and verified, instead of reading them from the jar. Made here for
# the app image; the .deb leaves it out (jpackage copies the jar with a new time stamp, which the archive would not
# match) and its postinst makes it where the app is installed.
jsa="$out/app-image/vigil/lib/app/vigil.jsa"
CDS_LOG="$out/cds-dump.log" "$out/app-image/vigil/lib/app/cds-archive.sh" \
  || { tail -20 "$out/cds-dump.log"; die "the class-data sharing archive was not made"; }
say "class-data sharing archive: $(du -h "$jsa" | cut -f1), $(grep -c 'Preload Warning' "$out/cds-dump.log" || true) listed classes not found (log: ${out#"$root"/}/cds-dump.log)"
say "app image: ${out#"$root"/}/app-image/vigil ($(du -sh "$out/app-image/vigil" | cut -f1)) after $((SECONDS-start)) s"

# --- .deb ----------------------------------------------------------------------
if [[ "${VIGIL_SKIP_DEB:-0}" == 1 ]]; then say "VIGIL_SKIP_DEB=1: no .deb"; exit 0; fi
say "jpackage --type deb (dpkg-deb compresses ~100 MB with xz: a minute or two)"
mv "$jsa" "$out/vigil.jsa.image" # postinst makes the package's own
"$jpackage" --type deb --dest "$out" --app-image "$out/app-image/vigil" \
  @installer/common.args @installer/linux/deb.args \
  --app-version "$version" --linux-app-release "$release" \
  || { mv "$out/vigil.jsa.image" "$jsa"; die "jpackage deb failed"; }
mv "$out/vigil.jsa.image" "$jsa"
shopt -s nullglob; debs=("$out"/vigil_*.deb); shopt -u nullglob
deb="${debs[0]:-}"
[[ -n "$deb" ]] || die "jpackage reported success but no vigil_*.deb is in ${out#"$root"/}/"
say "built ${deb#"$root"/} ($(du -h "$deb" | cut -f1)) in $((SECONDS-start)) s"
