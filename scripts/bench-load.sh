#!/usr/bin/env bash
# Load benchmark on a demo city (default district): wrk (Debian) for 60 s at 8 connections over
# what a map page asks for while a user pans (bench/load/map-mix.lua: 40% /api GeoJSON, 30% WMS
# GetMap through /ogc, 30% vector tiles), every request with HTTP Basic as GIS clients send it.
# Then each kind alone, and /api/me with the right password (bcrypt once, then remembered) against
# a wrong one (bcrypt on every request). Requests/s, latency percentiles, non-2xx and socket errors;
# prints a table and writes bench/results/load.md.
#   scripts/bench-load.sh [town|district|city]
#   BENCH_SECONDS (60): the measured mix; BENCH_KIND_SECONDS (15): each kind alone and each /api/me
#   run; BENCH_CONNECTIONS (8); BENCH_WAIT_MINUTES (40): how long to wait for a running graph
#   benchmark (scripts/bench-graph.sh, benchmarks.jar) to end before measuring
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

size=${1:-district}
seconds=${BENCH_SECONDS:-60}
kind_seconds=${BENCH_KIND_SECONDS:-15}
connections=${BENCH_CONNECTIONS:-8}
wait_minutes=${BENCH_WAIT_MINUTES:-40}
mix=bench/load/map-mix.lua
ensure_build_packages
ensure_postgis_packages
ensure_packages cgi-mapserver lighttpd wrk
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

# The service creates its first admin from this at its first start; a fresh one each run.
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export LIFECIRCLE_ADMIN_PASSWORD="$password"
bench_stack_start 56032 56080 "$size"
base="http://127.0.0.1:$bench_port"
auth="Authorization: Basic $(printf 'admin:%s' "$password" | base64 -w0)"
wrong_auth="Authorization: Basic $(printf 'admin:%s' "not-$password" | base64 -w0)"
load_sampler=""
load_stop() { [ -z "$load_sampler" ] || kill "$load_sampler" 2>/dev/null || true; load_sampler=""; }
trap 'load_stop; bench_stack_stop' EXIT
trap 'exit 130' INT TERM
# Raw wrk outputs, kept after the run.
raw=bench/tmp/load
rm -rf "$raw"
mkdir -p "$raw" bench/results

# The first Basic request pays bcrypt (and the cold security chain); the next ones hit the memo.
read -r me_status me_first_s < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$auth" "$base/api/me")
[ "$me_status" = 200 ] || die "GET /api/me with the admin's Basic credentials answered $me_status; see $bench_dir/service.log"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "$auth" "$base/api/me"; done
me_next_s=$(for _ in $(seq 1 21); do curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" "$base/api/me"; done \
  | sort -n | sed -n 11p)
wrong_status=$(curl -s -o /dev/null -w '%{http_code}' -H "$wrong_auth" "$base/api/me")
[ "$wrong_status" = 401 ] || die "GET /api/me with a wrong password answered $wrong_status, not 401"
read -r minlon minlat maxlon maxlat < <(curl -fsS -H "$auth" "$base/api/summary" \
  | python3 -c 'import json, sys; print(*json.load(sys.stdin)["extent"])')
log "city extent $minlon,$minlat $maxlon,$maxlat; admin's /api/me 200"

# The graph benchmark would share the two cores with this one: wait for it to end. Between its JMH
# runs (benchmarks.jar) it builds and loads cities, so the script itself is waited for as well.
waited_s=0 jmh_note=""
while pgrep -f 'benchmarks\.jar|bench-graph\.sh' >/dev/null; do
  if [ "$waited_s" -ge $((wait_minutes * 60)) ]; then
    jmh_note=" The graph benchmark (bench-graph.sh) was still running after $wait_minutes minutes of waiting: measured beside it."
    log "the graph benchmark still runs after $wait_minutes minutes; measuring anyway"
    break
  fi
  [ $((waited_s % 300)) -ne 0 ] || log "waiting for the graph benchmark (bench-graph.sh, benchmarks.jar) to end"
  sleep 10
  waited_s=$((waited_s + 10))
done

# wrk-run NAME SECONDS AUTH MODE: runs the mix script; the raw output goes to $raw/NAME.txt and its
# RESULT line to $raw/NAME.result. The 1-minute load average is sampled every 5 s meanwhile.
# Timeouts at 10 s: a slow answer counts in the latency rather than vanishing as a socket error.
wrk_run() {
  local name=$1 duration=$2 header=$3 mode=$4
  ( while true; do cut -d' ' -f1 /proc/loadavg >>"$raw/$name.load"; sleep 5; done ) &
  load_sampler=$!
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -H "$header" -s "$mix" "$base" \
    -- "$mode" "$minlon" "$minlat" "$maxlon" "$maxlat" >"$raw/$name.txt" 2>&1 || true
  load_stop
  grep '^RESULT' "$raw/$name.txt" >"$raw/$name.result" || die "wrk gave no result; see $raw/$name.txt"
}
# field NAME KEY: one number of a run's RESULT line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$raw/$1.result"; }
load_mean() { awk '{ s += $1; if ($1 > m) m = $1 } END { printf "%.2f / %.2f", s / NR, m }' "$raw/$1.load"; }
row() { # NAME LABEL SECONDS
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" \
    "$(field "$1" requests)" "$(field "$1" rps)" "$(field "$1" p50)" "$(field "$1" p90)" "$(field "$1" p99)" \
    "$(field "$1" max)" "$(field "$1" non2xx)" "$(field "$1" wrong_type)" "$(field "$1" socket_errors)" \
    "$(load_mean "$1")"
}

# The JIT keeps compiling for the first few thousand requests: a warm-up of the same mix first.
log "warm-up: 20 s of the mix"
wrk_run warmup 20 "$auth" mix
load_start=$(cut -d' ' -f1 /proc/loadavg)
log "measuring: ${seconds} s of the mix at $connections connections"
wrk_run mix "$seconds" "$auth" mix
for kind in api getmap tiles; do
  log "measuring: ${kind_seconds} s of $kind alone"
  wrk_run "$kind" "$kind_seconds" "$auth" "$kind"
done
log "measuring: /api/me with the right and with a wrong password"
wrk_run me "$kind_seconds" "$auth" me
wrk_run wrong "$kind_seconds" "$wrong_auth" me

# One request at a time at the city's centre (median of 5, warm): what each kind of answer costs
# alone, and how big it is.
single() { # PATH -> "median ms | kB | statuses"
  local out
  out=$(for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -H "$auth" "$base$1"
  done)
  printf '%s | %s | %s' "$(awk '{ printf "%.1f\n", $3 * 1000 }' <<<"$out" | sort -n | sed -n 3p)" \
    "$(awk 'END { printf "%.0f", $2 / 1024 }' <<<"$out")" "$(awk '{ print $1 }' <<<"$out" | sort -u | paste -sd' ')"
}
mapfile -t centre_paths < <(python3 - "$minlon" "$minlat" "$maxlon" "$maxlat" <<'PY'
import math, sys
minlon, minlat, maxlon, maxlat = map(float, sys.argv[1:])
lon, lat = (minlon + maxlon) / 2, (minlat + maxlat) / 2
view = f"{lon - 0.01:.6f},{lat - 0.006:.6f},{lon + 0.01:.6f},{lat + 0.006:.6f}"
half = 20037508.342789244
x, y = lon * half / 180, math.log(math.tan((90 + lat) * math.pi / 360)) * half / math.pi
side = 2 * half / 2 ** 15
getmap = ("/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={}&CRS=EPSG:3857"
          f"&BBOX={x - side / 2:.2f},{y - side / 2:.2f},{x + side / 2:.2f},{y + side / 2:.2f}"
          "&WIDTH=256&HEIGHT=256&FORMAT=image/png&STYLES=")
def tile(z):
    n, r = 2 ** z, math.radians(lat)
    return int((lon + 180) / 360 * n), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
print("/api/communities")
print("/api/facilities")
print("/api/population-cells?bbox=" + view)
print("/api/road-edges?bbox=" + view)
print(getmap.format("communities"))
print(getmap.format("population_cells"))
for layer, z in (("communities", 15), ("population_cells", 15), ("road_edges", 13)):
    print(f"/tiles/{layer}/{z}/%d/%d.mvt" % tile(z))
PY
)
single_rows=()
for path in "${centre_paths[@]}"; do
  label=${path%%\?*}
  case "$path" in
    /ogc*) label="/ogc GetMap 256×256 z15 $(sed -n 's/.*LAYERS=\([^&]*\).*/\1/p' <<<"$path")" ;;
    *bbox=*) label="$label?bbox=(2 km × 1.3 km)" ;;
  esac
  single_rows+=("| $label | $(single "$path") |")
done

errors=$(( $(field mix non2xx) + $(field mix wrong_type) + $(field mix socket_errors) ))
for kind in api getmap tiles me; do
  errors_alone=$(( $(field "$kind" non2xx) + $(field "$kind" wrong_type) + $(field "$kind" socket_errors) ))
  errors=$((errors + errors_alone))
done
sent=$(( $(field mix sent_api) + $(field mix sent_getmap) + $(field mix sent_tiles) ))
share() { awk -v a="$(field mix "sent_$1")" -v n="$sent" -v s="$(field mix seconds)" \
  'BEGIN { printf "%d | %.0f%% | %.1f", a, 100 * a / n, a / s }'; }

{
  echo "# Load: a map page's requests on the demo $size ($(date -u +%Y-%m-%d), $(nproc) cores, wrk)"
  echo
  echo "Git commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown). wrk -t2 -c$connections --timeout 10s with bench/load/map-mix.lua," \
    "every request with HTTP Basic (the admin account); after a 20 s warm-up of the same mix." \
    "1-minute load average $load_start when the mix started; mean / max of it sampled every 5 s in the last column.$jmh_note"
  echo
  echo "| run | s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | 2xx of wrong type | socket errors | load mean / max |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  row mix "map-page mix: 40% /api GeoJSON, 30% WMS GetMap, 30% vector tiles" "$seconds"
  row api "/api GeoJSON alone (communities, facilities, cells and edges in a viewport)" "$kind_seconds"
  row getmap "WMS GetMap 256×256 PNG alone (communities or population cells, z14–16)" "$kind_seconds"
  row tiles "vector tiles alone (four layers, z13–16)" "$kind_seconds"
  row me "GET /api/me, right password (bcrypt once, then remembered)" "$kind_seconds"
  row wrong "peer: GET /api/me, wrong password (bcrypt every request; 401 expected)" "$kind_seconds"
  echo
  echo "Requests of the mix by kind (sent | share | req/s): /api $(share api); GetMap $(share getmap); tiles $(share tiles)."
  echo "Single GET /api/me with curl: first Basic request $(awk -v s="$me_first_s" 'BEGIN{printf "%.0f", s * 1000}') ms" \
    "(bcrypt and a cold security chain), median of the next 21 $(awk -v s="$me_next_s" 'BEGIN{printf "%.1f", s * 1000}') ms."
  echo
  echo "One request at a time at the city's centre, after the runs (median of 5):"
  echo
  echo "| request | ms | kB | HTTP |"
  echo "|---|---|---|---|"
  printf '%s\n' "${single_rows[@]}"
  echo
  if [ "$errors" -eq 0 ]; then
    echo "Target: zero errors: met (no non-2xx, no answer of the wrong content type, no socket error)."
  else
    echo "Target: zero errors: NOT met ($errors errors over the runs with the right password; see below)."
    for name in mix api getmap tiles me; do
      grep -E '^(non-2xx|first error)' "$raw/$name.txt" | sed "s/^/- $name: /"
    done
  fi
} | tee bench/results/load.md
