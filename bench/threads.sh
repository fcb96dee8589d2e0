#!/usr/bin/env bash
# Per-thread CPU time of a running JVM over S seconds, busiest first: the scheduler's own run time of each thread
# (/proc/PID/task/*/schedstat, nanoseconds; the tick-sampled utime+stime are too coarse for threads that wake
# briefly), and how often each thread was switched in (wake-ups, from /proc/PID/task/*/status).
#   bench/threads.sh PID [S]
set -euo pipefail
pid="$1"; s="${2:-60}"
snap() { for t in /proc/"$pid"/task/*; do
  name=$(tr ' ' '_' <"$t/comm" 2>/dev/null) || continue
  ns=$(awk '{print $1}' "$t/schedstat" 2>/dev/null) || continue
  sw=$(awk '/^(voluntary|nonvoluntary)_ctxt_switches/{n+=$2} END{print n+0}' "$t/status" 2>/dev/null) || continue
  echo "${t##*/} $name $ns $sw"; done; }
snap >/tmp/threads.$$.0; sleep "$s"; snap >/tmp/threads.$$.1
awk -v s="$s" 'NR==FNR{a[$1]=$3; w[$1]=$4; next}
  {d=$3-($1 in a ? a[$1] : 0); k=$4-($1 in w ? w[$1] : 0); tot+=d; wk+=k; if (d>0) printf "%8.1f ms %7.2f/s  %-28s %s\n", d/1e6, k/s, $2, $1}
  END {printf "%8.1f ms %7.2f/s  total over %d s = %.2f %% of a core\n", tot/1e6, wk/s, s, 100*tot/1e9/s}' /tmp/threads.$$.0 /tmp/threads.$$.1 | sort -rn
echo "threads: $(ls /proc/"$pid"/task | wc -l)"
rm -f /tmp/threads.$$.*
