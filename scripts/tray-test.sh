#!/usr/bin/env bash
# The end-to-end tray test: a real tray host (trayer) on Xvfb, the icon docks, its menu's
# "Acknowledge all" acknowledges, a right-click opens no window, a left-click opens the inbox. Needs: xvfb, trayer, libgtk-3-0 (apt-get install -y xvfb trayer libgtk-3-0).
# Maven runs offline (-o) unless VIGIL_MVN_FLAGS is set (e.g. VIGIL_MVN_FLAGS= for online CI).
set -euo pipefail
cd "$(dirname "$0")/.."
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $tray $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 &
tray=$!
sleep 1
DISPLAY="$display" VIGIL_TRAY_TEST=1 ./mvnw -B ${VIGIL_MVN_FLAGS--o} -pl app test -Dgroups=tray -Dtest=TrayEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false
