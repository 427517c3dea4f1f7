#!/usr/bin/env bash
# Benchmarks the walking graph with JMH on the demo cities (town, district, city) and on the Nanjing
# OpenStreetMap extract beside the checkout (nanjing) — graph build time and retained heap, one
# 15-minute network area (search alone, search + polygon), every facility of one type dissolved
# (kindergartens; fitness grounds in Nanjing), and a multi-source search over the whole graph —
# against GraphHopper 11 (graph build, isochrones on the same edges) and pgRouting
# (pgr_drivingDistance from the same start nodes, in a throwaway PostGIS loaded by
# `lifecircle.jar demo`, or for nanjing `lifecircle.jar import osm` of the same extract). Prints one
# markdown table and writes it to bench/results/graph.md; the raw outputs (JMH JSON and logs, peer
# outputs) stay in bench/tmp/graph/.
#   scripts/bench-graph.sh [town district city nanjing]     (default: all four)
# Environment:
#   BENCH_HEAP             heap of every measuring JVM (default -Xmx4g)
#   BENCH_NANJING_PBF      the Nanjing extract (default ../shared/data/nanjing_xinjiekou_2021-06.osm.pbf
#                          beside the checkout); read, never copied into the repository
#   BENCH_QUICK_DISSOLVE=1 give the city's dissolve 1 warm-up + 1 measured shot instead of 3 + 5
#                          (a shot took minutes with per-line buffers, ~1.5 s with the contour
#                          pass; the table marks the shortcut)
# Run on demand only, never as a CI gate. About 9 minutes for the three demo sizes and 2 more for
# nanjing on a 2-core machine; other work on the machine stretches it and every number.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(town district city nanjing)
for size in "${sizes[@]}"; do
  case "$size" in town|district|city|nanjing) ;; *) die "unknown size '$size' (town, district, city or nanjing)" ;; esac
done
nanjing_pbf=${BENCH_NANJING_PBF:-$LIFECIRCLE_ROOT/../shared/data/nanjing_xinjiekou_2021-06.osm.pbf}
case " ${sizes[*]} " in
  *" nanjing "*)
    [ -f "$nanjing_pbf" ] || die "no Nanjing extract at $nanjing_pbf (set BENCH_NANJING_PBF)"
    # Absolute, for the JMH forks and peers (BenchNetwork reads it).
    BENCH_NANJING_PBF=$(cd "$(dirname "$nanjing_pbf")" && pwd)/$(basename "$nanjing_pbf")
    export BENCH_NANJING_PBF
    ;;
esac
ensure_build_packages
ensure_postgis_packages

started=$(date +%s)
log "building (web for the demo loader and OSM importer, bench for the benchmarks)"
./mvnw -B -q -ntp -Pbench -DskipTests -Dspotless.check.skip=true package

bench_dir=$(mktemp -d /tmp/lifecircle-bench-graph.XXXXXX)
chmod 755 "$bench_dir"
load_sampler=""
cleanup() {
  [ -z "$load_sampler" ] || kill "$load_sampler" 2>/dev/null || true
  LIFECIRCLE_RUN_DIR="$bench_dir" scripts/db.sh stop >/dev/null 2>&1 || true
  rm -rf "$bench_dir"
}
trap cleanup EXIT INT TERM
jdbc_url=$(LIFECIRCLE_RUN_DIR="$bench_dir" LIFECIRCLE_DB_PORT=55732 LIFECIRCLE_DB_FAST=1 scripts/db.sh start | tail -n 1)
export SPRING_DATASOURCE_URL="$jdbc_url" SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle

heap=${BENCH_HEAP:--Xmx4g}
jar=bench/target/benchmarks.jar
# Raw outputs land here as each step ends, so a failed step keeps what came before it.
results=bench/tmp/graph
rm -rf "$results"
mkdir -p "$results" bench/results
# Other work on the machine slows every number: the 1-minute load average is sampled every 15 s
# for the report (this run alone keeps it near 1).
( while true; do cut -d' ' -f1 /proc/loadavg >>"$results/load.txt"; sleep 15; done ) &
load_sampler=$!
# jmh WARM-UPS MEASURED MEASURED-SECONDS ARGS…: one fork, 1 s warm-up iterations (a single-shot
# benchmark: one call per iteration whatever the seconds).
jmh() { java -jar "$jar" -f 1 -wi "$1" -i "$2" -w 1s -r "$3s" -foe true -jvmArgsAppend "$heap" "${@:4}"; }

for size in "${sizes[@]}"; do
  log "== $size: load into PostGIS (pgRouting peer)"
  if [ "$size" = nanjing ]; then
    # Replaces road_edge, facility, population_cell and barrier; PgRoutingPeer checks the edges.
    load=(import osm "$BENCH_NANJING_PBF")
  else
    load=(demo --size="$size" --replace)
  fi
  java -Xmx2g -jar web/target/lifecircle.jar "${load[@]}" >"$results/load-$size.log" 2>&1 \
    || { tail -20 "$results/load-$size.log" >&2; die "load of $size into PostGIS failed"; }

  log "== $size: retained heap of the graphs"
  java $heap -cp "$jar" org.lifecircle.bench.GraphFootprint "$size" | tee "$results/footprint-$size.properties"

  log "== $size: JMH (build, searches, GraphHopper, multi-source search)"
  jmh 3 5 1 -p size="$size" -rf json -rff "$results/jmh-$size.json" \
    'org\.lifecircle\.bench\.(GraphBuildBenchmark|NetworkAreaBenchmark\.search.*|GraphHopperIsochroneBenchmark|MultiSourceSearchBenchmark)' \
    >"$results/jmh-$size.log"
  grep -E '^[A-Za-z]+Benchmark\.' "$results/jmh-$size.log" | grep -vE ':p0\.(00|90|99)|:p1\.00' >&2 || true

  # 5 s measured iterations: at up to ~100 ms a call the p50/p95 then span every sampled facility.
  log "== $size: JMH (15-minute area with polygon)"
  jmh 3 5 5 -p size="$size" -rf json -rff "$results/jmh-$size-area.json" \
    'org\.lifecircle\.bench\.NetworkAreaBenchmark\.area15Min' >"$results/jmh-$size-area.log"
  grep -E '^NetworkAreaBenchmark\.' "$results/jmh-$size-area.log" | grep -vE ':p0\.(00|90|99)|:p1\.00' >&2 || true

  log "== $size: JMH (every facility of one type dissolved)"
  shots=(3 5)
  if [ "$size" = city ] && [ "${BENCH_QUICK_DISSOLVE:-0}" = 1 ]; then shots=(1 1); fi
  jmh "${shots[@]}" 1 -p size="$size" -rf json -rff "$results/jmh-$size-dissolve.json" \
    'org\.lifecircle\.bench\.TypeAreaBenchmark' >"$results/jmh-$size-dissolve.log"
  grep -E '^TypeAreaBenchmark\.' "$results/jmh-$size-dissolve.log" >&2 || true

  log "== $size: pgRouting peer"
  java $heap -cp "$jar" org.lifecircle.bench.PgRoutingPeer "$size" "$jdbc_url" | tee "$results/pgrouting-$size.properties"

  log "== $size: our areas against GraphHopper's (shape, river)"
  java $heap -cp "$jar" org.lifecircle.bench.IsochroneOverlap "$size" | tee "$results/overlap-$size.properties"
done

kill "$load_sampler" 2>/dev/null || true
load_sampler=""
{
  echo "cores=$(nproc)"
  awk '{ sum += $1; if ($1 > max) max = $1 } END { if (NR) printf "loadMean=%.2f\nloadMax=%.2f\n", sum / NR, max }' \
    "$results/load.txt"
  echo "minutes=$(( ($(date +%s) - started + 59) / 60 ))"
} >"$results/machine.properties"
java -cp "$jar" org.lifecircle.bench.GraphReport "$results" bench/results/graph.md "${sizes[@]}"
log "wrote bench/results/graph.md in $(( $(date +%s) - started )) s"
