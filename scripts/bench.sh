#!/usr/bin/env bash
# End-to-end benchmark of the demo city: generation + load into PostGIS for each size, with time
# and peak heap, against GDAL's ogr2ogr loading the same rows from the generator's GeoJSON (the
# peer). Prints a table and writes it to bench/results/demo-load.md.
#   scripts/bench.sh [town district city]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(town district city)
ensure_build_packages
ensure_postgis_packages
ensure_packages gdal-bin

./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

bench_dir=$(mktemp -d /tmp/lifecircle-bench.XXXXXX)
chmod 755 "$bench_dir"
cleanup() { LIFECIRCLE_RUN_DIR="$bench_dir" scripts/db.sh stop >/dev/null 2>&1 || true; rm -rf "$bench_dir"; }
trap cleanup EXIT INT TERM
jdbc_url=$(LIFECIRCLE_RUN_DIR="$bench_dir" LIFECIRCLE_DB_PORT=55632 scripts/db.sh start | tail -n 1)
port=${jdbc_url##*:}; port=${port%%/*}
export SPRING_DATASOURCE_URL="$jdbc_url" SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle
export PGPASSWORD=lifecircle
pg="PG:host=127.0.0.1 port=$port dbname=lifecircle user=lifecircle password=lifecircle"
heap=${BENCH_HEAP:--Xmx4g}

# The schema and facility types come from one service start with nothing to load.
java -Xmx512m -jar web/target/lifecircle.jar demo --size=town --geojson="$bench_dir/warmup" >/dev/null

rows=()
for size in "${sizes[@]}"; do
  log "== $size: generate + load (lifecircle, COPY)"
  out=$(java $heap -jar web/target/lifecircle.jar demo --size="$size" --replace | tee /dev/stderr)
  load_s=$(grep -oE 'loaded in [0-9.]+ s' <<<"$out" | grep -oE '[0-9.]+')
  load_heap=$(grep -oE 'peak heap [0-9]+ MiB' <<<"$out" | grep -oE '[0-9]+')
  counts=$(grep -E '^demo ' <<<"$out" | sed 's/^demo [a-z]* seed [0-9]*: //')

  log "== $size: generate GeoJSON only"
  out=$(java $heap -jar web/target/lifecircle.jar demo --size="$size" --geojson="$bench_dir/$size" | tee /dev/stderr)
  gen_s=$(grep -oE 'in [0-9.]+ s' <<<"$out" | tail -1 | grep -oE '[0-9.]+')

  log "== $size: ogr2ogr loads the same GeoJSON into PostGIS (peer)"
  t0=$(date +%s.%N)
  for layer in communities facilities population_cells road_edges barriers; do
    ogr2ogr -f PostgreSQL "$pg" "$bench_dir/$size/$layer.geojson" -nln "bench_$layer" -overwrite \
      -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -gt 65536 --config PG_USE_COPY YES
  done
  t1=$(date +%s.%N)
  ogr_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  ratio=$(awk -v o="$ogr_s" -v l="$load_s" -v g="$gen_s" 'BEGIN{printf "%.2f", (g+o)/l}')
  rows+=("| $size | $counts | $load_s | $load_heap | $gen_s | $ogr_s | $ratio |")
done

mkdir -p bench/results
{
  echo "# Demo city: generation and load ($(date -u +%Y-%m-%d), $(nproc) cores, heap $heap)"
  echo
  echo "| size | contents | generate + load into PostGIS s (lifecircle) | peak heap MiB | generate to GeoJSON s | ogr2ogr load of that GeoJSON s | (GeoJSON + ogr2ogr) ÷ lifecircle |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Both paths start from nothing and end with the rows in PostGIS: lifecircle streams the generator into COPY in one transaction; the peer writes GeoJSON files and loads them with ogr2ogr (PG_USE_COPY)."
  echo "Peak heap is sampled every 10 ms in the loading JVM (a lower bound)."
} | tee bench/results/demo-load.md
