#!/usr/bin/env bash
# Desktop footprint of `vigil run` (the tray app) under its own Xvfb + trayer, watching N loopback endpoints
# (default 20, every 30 s). Per run: launch → "tray icon shown after N ms" (logged by dev.vigil.ui.tray.LaunchTime
# from the process's start, a launcher's own work included; from the JVM's start in brackets), then after WARM_S
# more seconds CPU % of one core over MEASURE_S (/proc/PID/stat utime+stime), then VmRSS and heap used
# (jcmd GC.heap_info) and heap used after a full GC (jcmd GC.run).
# Run 0 is the first launch ever (empty data folder: schema created, first backup); it is printed but not in the
# medians. Runs 1..RUNS start again on that data folder, as at every login. Prints one line per run and the
# medians. Optional JVM flags in JAVA_OPTS. VIGIL_LAUNCHER=path runs that launcher instead of `java -jar` (the app
# image's installer/target/app-image/vigil/bin/vigil, with its own flags and class-data sharing archive).
# LATE_S > 0 measures CPU a second time, over MEASURE_S from LATE_S seconds after the icon showed (idle once the JIT
# has compiled what runs every second), printed as late_cpu_percent.
#   bench/desktop.sh [RUNS] [N] [WARM_S] [MEASURE_S] [LATE_S]   needs app/target/vigil.jar (another jar: VIGIL_JAR=path), xvfb, trayer
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${VIGIL_JAR:-app/target/vigil.jar}"
runs="${1:-3}"; n="${2:-20}"; warm="${3:-15}"; measure="${4:-60}"; late="${5:-0}"
tmp=$(mktemp -d); mkdir -p "$tmp/rules"
display=":$((200 + RANDOM % 500))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
fleet=""; tray=""; vigil=""
cleanup() {
  [[ -n "$vigil" ]] && kill "$vigil" 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  for p in $tray $xvfb $fleet; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
sleep 1
DISPLAY="$display" trayer --edge top --align right --widthtype request --height 24 >/dev/null 2>&1 &
tray=$!
mkfifo "$tmp/fleet-in"
java -Xmx64m -Dsun.net.httpserver.idleInterval=3600 -cp "$jar" dev.vigil.bench.FleetProcess 1 4 <"$tmp/fleet-in" >"$tmp/fleet-out" &
fleet=$!
exec 3>"$tmp/fleet-in"
for _ in $(seq 50); do grep -q '^ready ' "$tmp/fleet-out" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's/^ready //p' "$tmp/fleet-out")
{ echo "monitors:"; for i in $(seq 1 "$n"); do
  printf '  - id: svc-%d\n    url: http://127.0.0.1:%s/svc/svc-%d\n    interval: 30s\n    expect: [status == 200]\n' "$i" "$port" "$i"; done; } >"$tmp/rules/fleet.yaml"
hz=$(getconf CLK_TCK)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# jcmd, not jstat: the shipped flags turn the JVM's perf data off (-XX:-UsePerfData), which jstat reads
heap_kb() { jcmd "$1" GC.heap_info | awk '/(generation|heap) +total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); s += v}} END {print s + 0}'; }
: >"$tmp/results"
for r in $(seq 0 "$runs"); do
  if [[ -n "${VIGIL_LAUNCHER:-}" ]]; then start=("$VIGIL_LAUNCHER"); else read -ra start <<<"java ${JAVA_OPTS:-} -jar $jar"; fi
  DISPLAY="$display" "${start[@]}" run --rules "$tmp/rules" --data "$tmp/data" --api-port 0 >"$tmp/run.log" 2>&1 &
  vigil=$!
  shown=""
  for _ in $(seq 300); do
    shown=$(sed -n 's/.*\(tray icon\|status window\) shown after \([0-9]*\) ms.*/\1=\2/p' "$tmp/run.log" | head -1)
    [[ -n "$shown" ]] && break; sleep 0.1
  done
  [[ -n "$shown" ]] || { echo "run $r: no 'shown after' line"; cat "$tmp/run.log"; exit 1; }
  shown_at=$(date +%s)
  sleep "$warm"
  t0=$(awk '{print $14+$15}' "/proc/$vigil/stat"); sleep "$measure"; t1=$(awk '{print $14+$15}' "/proc/$vigil/stat")
  rss=$(awk '/VmRSS/{print $2}' "/proc/$vigil/status")
  heap=$(heap_kb "$vigil")
  jcmd "$vigil" GC.run >/dev/null; sleep 1
  live=$(heap_kb "$vigil")
  cpu=$(echo "100*($t1-$t0)/$hz/$measure" | bc -l)
  late_cpu=0
  if (( late > 0 )); then
    wait_s=$(( shown_at + late - $(date +%s) )); (( wait_s > 0 )) && sleep "$wait_s"
    t0=$(awk '{print $14+$15}' "/proc/$vigil/stat"); sleep "$measure"; t1=$(awk '{print $14+$15}' "/proc/$vigil/stat")
    late_cpu=$(echo "100*($t1-$t0)/$hz/$measure" | bc -l)
  fi
  printf 'run %d: %s ms  rss_mb=%.0f heap_used_mb=%.1f heap_after_gc_mb=%.1f cpu_percent=%.2f late_cpu_percent=%.2f\n' "$r" "${shown/=/ }" \
    "$(echo "$rss/1024" | bc -l)" "$(echo "$heap/1024" | bc -l)" "$(echo "$live/1024" | bc -l)" "$cpu" "$late_cpu"
  [[ "$r" == 0 ]] || echo "${shown#*=} $(echo "$rss/1024" | bc -l) $(echo "$heap/1024" | bc -l) $(echo "$live/1024" | bc -l) $cpu $late_cpu" >>"$tmp/results"
  grep -o "JVM start: [0-9]* ms" "$tmp/run.log" | head -1 | sed "s/^/  (/; s/$/)/"
  grep -q 'WARN.*did not dock' "$tmp/run.log" && echo "  (warning: the icon did not dock)"
  kill "$vigil"; wait "$vigil" 2>/dev/null || true; vigil=""
done
printf 'median of %d (endpoints=%s %s): first_shown_ms=%.0f rss_mb=%.0f heap_used_mb=%.1f heap_after_gc_mb=%.1f cpu_percent=%.2f late_cpu_percent=%.2f\n' \
  "$runs" "$n" "$([[ -n "${VIGIL_LAUNCHER:-}" ]] && echo "launcher=$VIGIL_LAUNCHER" || echo "JAVA_OPTS=\"${JAVA_OPTS:-}\"")" \
  "$(cut -d' ' -f1 "$tmp/results" | median)" "$(cut -d' ' -f2 "$tmp/results" | median)" \
  "$(cut -d' ' -f3 "$tmp/results" | median)" "$(cut -d' ' -f4 "$tmp/results" | median)" "$(cut -d' ' -f5 "$tmp/results" | median)" \
  "$(cut -d' ' -f6 "$tmp/results" | median)"
