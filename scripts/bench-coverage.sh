#!/usr/bin/env bash
# Benchmarks coverage, accessibility and siting on the demo cities with JMH, after the graph is
# built and the cells are snapped: coverage of every catalog facility type (with and without
# snapping the facilities), E2SFCA for the kindergartens, and ten new kindergartens sited over
# 2,000 gap-cell candidates — against pgRouting (pgr_drivingDistance plus SQL for one type's
# coverage, in a throwaway PostGIS loaded by `lifecircle.jar demo`), the plain 2SFCA and the plain
# greedy. Prints one markdown table and writes it to bench/results/coverage.md; the raw outputs
# (JMH JSON and logs, peer and split-timing outputs) stay in bench/tmp/coverage/.
#   scripts/bench-coverage.sh [town district city]      (default: city)
# Environment:
#   BENCH_HEAP    heap of every measuring JVM (default -Xmx4g)
#   BENCH_QUICK=1 1 warm-up + 1 measured iteration instead of 3 + 5 (for trying the script out;
#                 the table shows the iteration counts)
# Run on demand only, never as a CI gate. About 5 minutes for the city on a 2-core machine (measured
# while shared with other work), most of it generating the city once per JMH fork; other work on the
# machine stretches it and every number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(city)
for size in "${sizes[@]}"; do
  case "$size" in town|district|city) ;; *) die "unknown size '$size' (town, district or city)" ;; esac
done
ensure_build_packages
ensure_postgis_packages

started=$(date +%s)
uptime_before=$(uptime)
log "building (web for the demo loader, bench for the benchmarks)"
./mvnw -B -q -ntp -Pbench -DskipTests -Dspotless.check.skip=true package -pl web,bench -am

bench_dir=$(mktemp -d /tmp/lifecircle-bench-coverage.XXXXXX)
chmod 755 "$bench_dir"
load_sampler=""
cleanup() {
  [ -z "$load_sampler" ] || kill "$load_sampler" 2>/dev/null || true
  LIFECIRCLE_RUN_DIR="$bench_dir" scripts/db.sh stop >/dev/null 2>&1 || true
  rm -rf "$bench_dir"
}
trap cleanup EXIT INT TERM
jdbc_url=$(LIFECIRCLE_RUN_DIR="$bench_dir" LIFECIRCLE_DB_PORT=55733 LIFECIRCLE_DB_FAST=1 scripts/db.sh start | tail -n 1)
export SPRING_DATASOURCE_URL="$jdbc_url" SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle

heap=${BENCH_HEAP:--Xmx4g}
jar=bench/target/benchmarks.jar
# Raw outputs land here as each step ends, so a failed step keeps what came before it.
results=bench/tmp/coverage
rm -rf "$results"
mkdir -p "$results" bench/results
# Other work on the machine slows every number: the 1-minute load average is sampled every 15 s
# for the report (this run alone keeps it near 1).
( while true; do cut -d' ' -f1 /proc/loadavg >>"$results/load.txt"; sleep 15; done ) &
load_sampler=$!
iterations=(3 5)
[ "${BENCH_QUICK:-0}" != 1 ] || iterations=(1 1)

for size in "${sizes[@]}"; do
  log "== $size: load into PostGIS (pgRouting peer)"
  java -Xmx2g -jar web/target/lifecircle.jar demo --size="$size" --replace >"$results/load-$size.log" 2>&1 \
    || { tail -20 "$results/load-$size.log" >&2; die "demo load of $size failed"; }

  log "== $size: what is computed, and single-call split timings"
  java $heap -cp "$jar" org.lifecircle.bench.CoverageFacts "$size" >"$results/facts-$size.properties"

  # One fork per benchmark, 1 s iterations in average-time mode (a call longer than that runs once
  # per iteration); each fork generates and prepares the city in its setup.
  log "== $size: JMH (coverage, E2SFCA, siting)"
  java -jar "$jar" -f 1 -wi "${iterations[0]}" -i "${iterations[1]}" -w 1s -r 1s -foe true -jvmArgsAppend "$heap" \
    -p size="$size" -rf json -rff "$results/jmh-$size.json" \
    'org\.lifecircle\.bench\.(CoverageBenchmark|AccessibilityBenchmark|SitingBenchmark)\.' >"$results/jmh-$size.log"
  grep -E '^[A-Za-z]+Benchmark\.' "$results/jmh-$size.log" >&2 || true

  log "== $size: pgRouting peer"
  java $heap -cp "$jar" org.lifecircle.bench.PgRoutingCoveragePeer "$size" "$jdbc_url" | tee "$results/pgrouting-$size.properties"
done

kill "$load_sampler" 2>/dev/null || true
load_sampler=""
{
  echo "cores=$(nproc)"
  awk '{ sum += $1; if ($1 > max) max = $1 } END { if (NR) printf "loadMean=%.2f\nloadMax=%.2f\n", sum / NR, max }' \
    "$results/load.txt"
  echo "minutes=$(( ($(date +%s) - started + 59) / 60 ))"
  echo "uptimeBefore=${uptime_before# }"
  echo "uptimeAfter=$(uptime | sed 's/^ //')"
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%S)"
} >"$results/machine.properties"
java -cp "$jar" org.lifecircle.bench.CoverageReport "$results" bench/results/coverage.md "${sizes[@]}"
log "wrote bench/results/coverage.md in $(( $(date +%s) - started )) s"
