#!/usr/bin/env bash
# The pipeline load harness (docs/benchmarks.md, "Pipeline: load harness"): builds it when missing or older than
# any source or pom, then runs it. Everything after the script's name goes to the harness; try --help.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/pipeline/target/koers-bench-pipeline.jar"

newer_source() {
  find "$root/pom.xml" "$root/schemas" "$root/libs" "$root/services" "$root/bench" \
    -name target -prune -o -type f -newer "$jar" \( -name pom.xml -o -path '*/src/*' \) -print -quit 2>/dev/null
}

if [ ! -f "$jar" ] || [ -n "$(newer_source)" ]; then
  echo "bench: building the harness and the services it runs (mvn package, no tests)..." >&2
  (cd "$root" && mvn -B -q -o -DskipTests -pl bench/pipeline -am package) >&2 \
    || (cd "$root" && mvn -B -q -DskipTests -pl bench/pipeline -am package) >&2
  touch "$jar"
fi
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cd "$root"
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dbench.commit="$commit" -Dbench.command="bench/run.sh $*" \
  -jar "$jar" "$@"
