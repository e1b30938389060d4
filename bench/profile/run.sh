#!/usr/bin/env bash
# The optimisation pass's probe (docs/benchmarks.md, "Optimisation pass"): starts `koers up` from the built launcher
# on its own data dir and ports, drives the ledger's seeded Traffic mix through the Java client at a fixed rate
# (open loop: latency from the intended send time), prints submission->outcome and ->koers.view.decisions, the
# CPU that `koers up` used and its CONCURRENT_TRANSACTIONS warnings. Needs `mvn -pl services/koers -am package`.
#   bench/profile/run.sh LABEL RATE WARM_SECONDS SECONDS [JVM options for koers up]
# PROFILE=cpu also records async-profiler (tools.profiler:async-profiler:4.1 in ~/.m2) over the measured window:
# flame.html and collapsed.txt; bench/profile/icicle.py turns collapsed.txt into an SVG.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
W=${W:-$root}
label=$1; rate=$2; warm=$3; secs=$4; shift 4
out="$root/bench/profile/target/runs/$label"; rm -rf "$out"; mkdir -p "$out"
classes="$root/bench/profile/target/classes"
KP=${KP:-19392}; HP=${HP:-18380}
CP="$W/services/koers/target/koers.jar:$W/services/koers/target/lib/*:$W/services/ledger/target/test-classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$CP" "$root/bench/profile/src/dev/koers/ledger/OutcomeProbe.java"
java -Xmx1g -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.koers -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints "$@" \
  -jar "$W/services/koers/target/koers.jar" up --data-dir "$out/data" --kafka-port "$KP" --port "$HP" > "$out/up.log" 2>&1 &
up=$!
for _ in $(seq 1 300); do grep -q "koers: up at" "$out/up.log" && break; sleep 1; done
uptime > "$out/uptime-before"
cpu0=$(awk '{print $14+$15}' /proc/$up/stat)
java -Xmx512m -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.koers -cp "$CP:$classes" dev.koers.ledger.OutcomeProbe \
  "127.0.0.1:$KP" "$out/data" "$rate" "$warm" "$secs" > "$out/probe.txt" 2> "$out/probe.err" &
probe=$!
if [ -n "${PROFILE:-}" ]; then
  # async-profiler comes from the Maven registry, into ~/.m2, the first time it is asked for.
  [ -d ~/.m2/repository/tools/profiler/async-profiler/4.1 ] \
    || mvn -B -q -ntp dependency:get -Dartifact=tools.profiler:async-profiler:4.1 -Dtransitive=false
  lib="$(find ~/.m2/repository/tools/profiler/async-profiler/4.1 -name 'async-profiler-4.1.jar')"
  mkdir -p "$out/ap" && (cd "$out/ap" && unzip -q -o "$lib" 'linux-x64/*')
  agent="$out/ap/linux-x64/libasyncProfiler.so"
  sleep $((warm + 3))
  java --add-modules jdk.attach "$root/bench/profile/Attach.java" $up "$agent" "start,event=$PROFILE,interval=5ms"
  sleep "$secs"
  java --add-modules jdk.attach "$root/bench/profile/Attach.java" $up "$agent" "stop,file=$out/flame.html"
  java --add-modules jdk.attach "$root/bench/profile/Attach.java" $up "$agent" "stop,file=$out/collapsed.txt,collapsed" || true
fi
wait $probe
uptime > "$out/uptime-after"
cpu1=$(awk '{print $14+$15}' /proc/$up/stat)
echo "koers up CPU during the probe: $(( (cpu1 - cpu0) / $(getconf CLK_TCK) )) s; CONCURRENT_TRANSACTIONS warnings: $(grep -c CONCURRENT_TRANSACTIONS "$out/up.log" || true)" >> "$out/probe.txt"
kill -TERM $up; wait $up || true
cat "$out/probe.txt" "$out/uptime-before" "$out/uptime-after"
