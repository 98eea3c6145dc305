#!/usr/bin/env bash
# The full benchmark run (docs/benchmarks.md): builds the distribution and the harness (no tests), then runs
# every measurement side by side with its baseline and writes modules/bench/target/bench-full/report/report.md
# and report.json. About an hour on 2 cores. `run.sh smoke` runs the few-second smoke run instead.
# Extra JVM options for the harness go in BENCH_OPTS (e.g. BENCH_OPTS=-Dbench.jfr=true records the server with JFR).
# `run.sh lighthouse` runs only the pages' Lighthouse figures (report/lighthouse.md; needs Chromium and npm).
set -euo pipefail
if [ "${1:-}" = lighthouse ]; then
  BENCH_OPTS="${BENCH_OPTS:-} -Dbench.sections=lighthouse"
  set -- full
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -B package -DskipTests -pl modules/bench -am
cd modules/bench
exec java ${BENCH_OPTS:-} -cp "target/classes:target/lib/*" -Dbench.home=. org.creativecities.bench.Bench "${1:-full}"
