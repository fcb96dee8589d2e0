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
{
  echo "hostile rules, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for case in custom-tag alias-bomb deep-nesting fifty-megabytes; do
    start=$(date +%s%N)
    set +e; out=$(java -Xmx64m -cp "$CP" dev.vigil.Main validate --rules "$WORK/$case" 2>&1); code=$?; set -e
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "$case: exit $code in ${ms} ms (JVM start included): ${out#$WORK/}"
    [ "$code" = 1 ] && [[ "$out" =~ rules\.yaml:[0-9]+:[0-9]+: ]] || { echo "FAIL: $case not refused with file and line"; exit 1; }
  done
} | tee reliability/results/hostile-rules.txt
