#!/usr/bin/env bash
# Writes installer/linux/vigil.classlist: the classes (JDK and Vigil's) that the tray app loads from launch until
# its icon shows and its first checks have run. lib/app/cds-archive.sh (from installer/linux/) turns the list into
# a class-data sharing archive (AppCDS) where the app is installed (the .deb's postinst; build-linux.sh for the app
# image), so the launcher maps those classes, parsed and verified, instead of reading them from the jar: launch to
# tray icon is the figure it is for (BENCHMARKS.md).
# A stale list still works: classes no longer there are skipped when the archive is made, new ones load from
# the jar. installer/check-deb.sh fails when fewer than 85 % of the classes the packaged tray app loads come from
# the archive; run this again then (and after a JDK or library upgrade).
#
# Needs: app/target/vigil.jar, Xvfb, trayer and python3 (apt-get install -y xvfb trayer python3).
# Usage: installer/linux/classlist.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar=app/target/vigil.jar
[[ -f "$jar" ]] || { echo "classlist.sh: $jar missing: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
tmp="$(mktemp -d)"; mkdir -p "$tmp/rules"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
display=":$((300 + RANDOM % 300))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
DISPLAY="$display" trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 & pids+=($!)
sleep 0.5
# a monitor that answers and one that is down, so the first checks load both paths
python3 -m http.server 0 --bind 127.0.0.1 --directory "$tmp" >"$tmp/http.log" 2>&1 & pids+=($!)
for _ in $(seq 50); do port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$tmp/http.log" | head -1); [[ -n "$port" ]] && break; sleep 0.1; done
cat >"$tmp/rules/monitors.yaml" <<YAML
monitors:
  - id: up
    url: http://127.0.0.1:$port/
    interval: 10s
    expect: [status == 200]
  - id: down
    url: http://127.0.0.1:9/
    interval: 10s
    expect: [status == 200]
YAML
list="$tmp/vigil.classlist"
# twice on one data folder: the first launch makes the schema, the second is every later login
for run in 1 2; do
  # shellcheck disable=SC2046
  DISPLAY="$display" java $(cat installer/jvm.options) -XX:DumpLoadedClassList="$list.$run" -jar "$jar" run \
    --rules "$tmp/rules" --data "$tmp/data" --api-port 0 >"$tmp/run.log" 2>&1 & vigil=$!
  for _ in $(seq 150); do grep -q 'shown after' "$tmp/run.log" && break; sleep 0.1; done
  grep -q 'tray icon shown after' "$tmp/run.log" || { cat "$tmp/run.log"; echo "classlist.sh: the tray icon did not show" >&2; exit 1; }
  sleep 12 # the first checks, the first alert, the first second of the notifier
  kill "$vigil"; wait "$vigil" 2>/dev/null || true
done
# one line per class: the first run's order, then what only the second loaded; no generated proxies
{ cat "$list.1"; grep -vxF -f "$list.1" "$list.2" || true; } | grep -v '\$Proxy' | awk '!seen[$0]++' >installer/linux/vigil.classlist
echo "classlist.sh: installer/linux/vigil.classlist, $(wc -l <installer/linux/vigil.classlist) classes"
