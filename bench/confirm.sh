#!/usr/bin/env bash
# Issue 2's figure: a hard-down endpoint is confirmed within interval + confirm x retry + timeout.
# A healthy loopback service (python3 -m http.server) is watched by `vigil run --headless`; after a warm-up the
# service is killed (connection refused from then on) and the script times how long until `vigil alerts --json`
# shows the alert. Prints one line per run and the bound.
#   bench/confirm.sh [RUNS] [INTERVAL_S] [CONFIRM]      needs app/target/vigil.jar and python3
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"; interval="${2:-30}"; confirm="${3:-2}"; timeout_s=5
jar=app/target/vigil.jar
for r in $(seq 1 "$runs"); do
  tmp=$(mktemp -d); mkdir -p "$tmp/rules" "$tmp/data" "$tmp/www"
  echo ok >"$tmp/www/health"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >/dev/null 2>&1 &
  web=$!
  cat >"$tmp/rules/down.yaml" <<YAML
monitors:
  - id: hard-down
    url: http://127.0.0.1:$port/health
    interval: ${interval}s
    timeout: ${timeout_s}s
    confirm: $confirm
    expect: [status == 200]
YAML
  java -jar "$jar" run --headless --rules "$tmp/rules" --data "$tmp/data" --api-port 0 >"$tmp/run.log" 2>&1 &
  vigil=$!
  sleep $((interval + 3))                      # every monitor has run at least once, healthy
  kill "$web"; wait "$web" 2>/dev/null || true
  t0=$(date +%s.%N)
  until java -jar "$jar" alerts --json --data "$tmp/data" 2>/dev/null | grep -q '"hard-down"'; do sleep 0.2; done
  t1=$(date +%s.%N)
  printf 'run %d: down -> alert stored in %.1f s (bound: interval %ss + confirm %s x retry 2s + timeout %ss = %ss)\n' \
    "$r" "$(echo "$t1 - $t0" | bc -l)" "$interval" "$confirm" "$timeout_s" "$((interval + confirm * 2 + timeout_s))"
  kill "$vigil"; wait "$vigil" 2>/dev/null || true
  rm -rf "$tmp"
done
