#!/usr/bin/env bash
# Hostile rules against `vigil validate` in a 64 MB heap: each file alone, timed (JVM start included).
# Usage: reliability/hostile-rules.sh   (builds nothing; needs `./mvnw -o compile` done once)
set -euo pipefail
cd "$(dirname "$0")/.."
CP="app/target/classes:$(./mvnw -B -q -o dependency:build-classpath -pl app -Dmdep.outputFile=/dev/stdout)"
WORK="$(mktemp -d -t vigil-hostile.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
mk() { mkdir -p "$WORK/$1"; cat > "$WORK/$1/rules.yaml"; }
echo 'monitors: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]' | mk custom-tag
{ echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
  p=a; for c in b c d e f g h i j; do echo "$c: &$c [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"; p=$c; done; } | mk alias-bomb
{ printf 'monitors: '; head -c 100000 /dev/zero | tr '\0' '['; echo; } | mk deep-nesting
{ for i in $(seq 1 51200); do printf '# %01022d\n' 0; done; } | mk fifty-megabytes
mkdir -p reliability/results
# CPU time (user + sys of the JVM) is printed beside the wall time: on a shared machine the wall time is mostly
# waiting for a core. "launcher" runs with the installed launcher's JIT and GC flags (installer/app.args).
LAUNCHER_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
{
  echo "hostile rules, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for flags in "" "$LAUNCHER_FLAGS"; do
    for case in custom-tag alias-bomb deep-nesting fifty-megabytes; do
      start=$(date +%s%N)
      set +e
      out=$( { TIMEFORMAT='%3U %3S'; time { java -Xmx64m $flags -cp "$CP" dev.vigil.Main validate --rules "$WORK/$case" 2>&1; echo "exit $?"; }; } 2>&1 )
      set -e
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      cpu=$(echo "$out" | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}')
      code=$(echo "$out" | sed -n 's/^exit //p')
      msg=$(echo "$out" | grep -v '^exit ' | sed '$d')
      echo "${flags:+launcher }$case: exit $code, CPU ${cpu} ms, wall ${ms} ms (JVM start included): ${msg#$WORK/}"
      [ "$code" = 1 ] && [[ "$msg" =~ rules\.yaml:[0-9]+:[0-9]+: ]] || { echo "FAIL: $case not refused with file and line"; exit 1; }
    done
  done
} | tee reliability/results/hostile-rules.txt
