#!/usr/bin/env bash
# Per-thread CPU ticks of a running JVM over S seconds (utime+stime from /proc/PID/task/*/stat), busiest first.
#   bench/threads.sh PID [S]
set -euo pipefail
pid="$1"; s="${2:-60}"
snap() { for t in /proc/"$pid"/task/*; do
  name=$(tr ' ' '_' <"$t/comm" 2>/dev/null) || continue; awk -v n="$name" -v t="${t##*/}" '{sub(/^.*\) /,""); print t, n, $12+$13}' "$t/stat" 2>/dev/null || true; done; }
snap >/tmp/threads.$$.0; sleep "$s"; snap >/tmp/threads.$$.1
hz=$(getconf CLK_TCK)
awk -v hz="$hz" -v s="$s" 'NR==FNR{a[$1]=$3; next} {d=$3-($1 in a ? a[$1] : 0); tot+=d; if (d>0) printf "%6d  %-28s %s\n", d, $2, $1}
  END {printf "%6d  total ticks over %d s = %.2f %% of a core\n", tot, s, 100*tot/hz/s}' /tmp/threads.$$.0 /tmp/threads.$$.1 | sort -rn
echo "threads: $(ls /proc/"$pid"/task | wc -l)"
rm -f /tmp/threads.$$.*
