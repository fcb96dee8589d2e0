#!/usr/bin/env bash
# Regenerates Vigil's PNG icons (and .ico/.icns) from the SVG sources in icons/src/.
#
# Needs:    rsvg-convert      (Debian/Ubuntu: apt-get install -y librsvg2-bin)
# Optional: icotool           (apt-get install -y icoutils)   -> icons/vigil.ico   (Windows installer/launcher)
#           png2icns          (apt-get install -y icnsutils)  -> icons/vigil.icns  (macOS .app/.dmg)
#           Missing optional tools only skip that file, with a note.
#
# Writes:
#   icons/png/tray-<state>-<size>.png            states: ok warning critical critical-blink acknowledged quiet offline
#                                                 sizes 16 22 24 32 48
#   icons/png/tray-<state>-template-<size>.png   macOS menu-bar templates (black + alpha), sizes 16 22 32 44
#   icons/png/app-<size>.png                     sizes 16 32 48 64 128 256 512
#   app/src/main/resources/icons/                copies of every tray-*.png and app-16..256 (the app loads them
#                                                 from the classpath as /icons/<same name>)
# Usage: icons/render.sh            (from anywhere; paths are relative to the repository)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$here/src"
out="$here/png"
res="$root/app/src/main/resources/icons"

STATES=(ok warning critical critical-blink acknowledged quiet offline)
TRAY_SIZES=(16 22 24 32 48)
TEMPLATE_SIZES=(16 22 32 44)
APP_SIZES=(16 32 48 64 128 256 512)
APP_RES_SIZES=(16 32 48 64 128 256)

die() { echo "render.sh: error: $*" >&2; exit 1; }

command -v rsvg-convert >/dev/null 2>&1 \
  || die "rsvg-convert not found. Install it: apt-get install -y librsvg2-bin"

render() { # svg size png
  [[ -f "$1" ]] || die "missing SVG source: $1"
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio --format png --output "$3" "$1" \
    || die "rsvg-convert failed on $1 at $2 px"
}

mkdir -p "$out" "$res"
rm -f "$out"/*.png

n=0
for s in "${STATES[@]}"; do
  for z in "${TRAY_SIZES[@]}"; do render "$src/$s.svg" "$z" "$out/tray-$s-$z.png"; n=$((n+1)); done
  for z in "${TEMPLATE_SIZES[@]}"; do render "$src/$s-template.svg" "$z" "$out/tray-$s-template-$z.png"; n=$((n+1)); done
done
for z in "${APP_SIZES[@]}"; do render "$src/app.svg" "$z" "$out/app-$z.png"; n=$((n+1)); done
render "$src/app-template.svg" 32 "$out/app-template-32.png"; n=$((n+1))
echo "rendered $n PNGs into ${out#"$root"/}/"

# Classpath copies for the app (same names).
rm -f "$res"/tray-*.png "$res"/app-*.png
cp "$out"/tray-*.png "$res"/
for z in "${APP_RES_SIZES[@]}"; do cp "$out/app-$z.png" "$res/"; done
echo "copied tray-*.png and app-{$(IFS=,; echo "${APP_RES_SIZES[*]}")}.png into ${res#"$root"/}/"

if command -v icotool >/dev/null 2>&1; then
  icotool --create --output "$here/vigil.ico" \
    "$out/app-16.png" "$out/app-32.png" "$out/app-48.png" "$out/app-64.png" "$out/app-128.png" \
    --raw="$out/app-256.png" \
    || die "icotool failed"
  echo "wrote icons/vigil.ico"
else
  echo "note: icotool not found (apt-get install -y icoutils); skipped icons/vigil.ico" >&2
fi

if command -v png2icns >/dev/null 2>&1; then
  # png2icns prints one line per image; keep the output short.
  png2icns "$here/vigil.icns" "$out/app-16.png" "$out/app-32.png" "$out/app-48.png" \
    "$out/app-128.png" "$out/app-256.png" "$out/app-512.png" >/dev/null \
    || die "png2icns failed"
  echo "wrote icons/vigil.icns"
else
  echo "note: png2icns not found (apt-get install -y icnsutils); skipped icons/vigil.icns" >&2
fi
