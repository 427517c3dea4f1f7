#!/usr/bin/env bash
# OGC benchmark on a demo city (default district): WMS GetMap 256x256 p50/p95, WFS BBOX GetFeature
# p50, one vector tile p50, throughput at 4 concurrent clients, and the gateway's overhead against
# MapServer called directly in the same run. ApacheBench (Debian apache2-utils) does the timing of
# the table; the overhead comes from gateway and direct requests taken in turns (python3), so that
# both meet the same load on a shared machine. Prints a table and writes bench/results/ogc.md.
#   scripts/bench-ogc.sh [town|district|city]
#   BENCH_REQUESTS (400): requests per measure; BENCH_WARMUP (1500): warm-up requests per OGC request
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

size=${1:-district}
requests=${BENCH_REQUESTS:-400}
# The service's JIT compilers keep working for about the first 3,000 requests after start: during
# the first 500 they took ~2 ms of CPU per request besides the ~2.5 ms the request itself took (1 ms
# once warm). On two cores that is measured as gateway latency, so the gateway is warmed first.
warmup=${BENCH_WARMUP:-1500}
ensure_build_packages
ensure_postgis_packages
ensure_packages apache2-utils cgi-mapserver lighttpd
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

bench_stack_start 55732 55780 "$size"
port=$bench_port

# A z15-sized box (about 1.2 km) at the city's centre, in Web Mercator, and its z15 tile.
read -r cx cy < <(scripts/db.sh psql -tA -F' ' -c \
  "SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) c FROM community WHERE valid_to IS NULL) x")
read -r minx miny maxx maxy < <(scripts/db.sh psql -tA -F' ' -c \
  "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Expand(ST_Transform(ST_SetSRID(ST_MakePoint($cx, $cy), 4326), 3857), 611) b) x")
read -r tx ty < <(awk -v lon="$cx" -v lat="$cy" 'BEGIN { n = 2^15; pi = atan2(0, -1); r = lat * pi / 180;
  printf "%d %d\n", int((lon + 180) / 360 * n), int((1 - log(sin(r)/cos(r) + 1/cos(r)) / pi) / 2 * n) }')
read -r lminx lminy lmaxx lmaxy < <(scripts/db.sh psql -tA -F' ' -c \
  "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_MakeEnvelope($minx, $miny, $maxx, $maxy, 3857), 4326) b) x")

getmap="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communities,road_edges,facilities&STYLES=&CRS=EPSG:3857&BBOX=$minx,$miny,$maxx,$maxy&WIDTH=256&HEIGHT=256&FORMAT=image/png"
getfeature="SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ms:facilities&BBOX=$lminy,$lminx,$lmaxy,$lmaxx,urn:ogc:def:crs:EPSG::4326&OUTPUTFORMAT=application/json"
gateway="http://127.0.0.1:$port/ogc"
direct="$LIFECIRCLE_OGC_MAPSERVERURL?map=lifecircle"

# Gateway and direct requests in turns (which goes first alternates), each on a new connection
# as ab does, timed to the microsecond: ab's whole milliseconds, and one ab run after the other
# while the machine's load changes, make a difference of a few ms unreadable.
overhead() { # gateway-url direct-url -> "gateway-p50 gateway-p95 direct-p50 direct-p95" in ms
  python3 - "$1" "$2" "$requests" <<'PY'
import base64, http.client, os, sys, time, urllib.parse

AUTH = {"Authorization": "Basic " + base64.b64encode(
    ("admin:" + os.environ["LIFECIRCLE_ADMIN_PASSWORD"]).encode()).decode()}

def once(url):
    u = urllib.parse.urlsplit(url)
    started = time.perf_counter()
    connection = http.client.HTTPConnection(u.hostname, u.port)
    connection.request("GET", u.path + "?" + u.query, headers=AUTH)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        sys.exit(f"HTTP {response.status} from {url}")
    return (time.perf_counter() - started) * 1000

def percentile(values, p):
    values = sorted(values)
    return values[round(p / 100 * (len(values) - 1))]

gateway, direct, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = {gateway: [], direct: []}
for i in range(20 + n):
    for url in (gateway, direct) if i % 2 == 0 else (direct, gateway):
        ms = once(url)
        if i >= 20:
            times[url].append(ms)
g, d = times[gateway], times[direct]
print(f"{percentile(g, 50):.1f} {percentile(g, 95):.1f} {percentile(d, 50):.1f} {percentile(d, 95):.1f}")
PY
}

# ab prints "50%   12" style percentiles in ms; one warm-up round first.
measure() { # url concurrency -> "p50 p95 rps"
  ab -q -A "admin:$LIFECIRCLE_ADMIN_PASSWORD" -n 20 -c 1 "$1" >/dev/null 2>&1 || true
  ab -q -A "admin:$LIFECIRCLE_ADMIN_PASSWORD" -n "$requests" -c "$2" "$1" 2>/dev/null | awk '
    /^ *50%/ { p50 = $2 } /^ *95%/ { p95 = $2 } /Requests per second/ { rps = $4 }
    /Non-2xx responses/ { bad = $3 } END { printf "%s %s %s %s\n", p50, p95, rps, (bad == "" ? 0 : bad) }'
}
ab -q -A "admin:$LIFECIRCLE_ADMIN_PASSWORD" -n "$warmup" -c 1 "$gateway?$getmap" >/dev/null 2>&1 || true
ab -q -A "admin:$LIFECIRCLE_ADMIN_PASSWORD" -n "$warmup" -c 1 "$gateway?$getfeature" >/dev/null 2>&1 || true
# The machine is shared: the load average says how busy it was while the numbers were taken.
load_before=$(cut -d' ' -f1 /proc/loadavg)
read -r og50 og95 od50 od95 < <(overhead "$gateway?$getmap" "$direct&$getmap")
read -r of50 of95 odf50 odf95 < <(overhead "$gateway?$getfeature" "$direct&$getfeature")
read -r gm50 gm95 gmrps gmbad < <(measure "$gateway?$getmap" 1)
read -r dm50 dm95 dmrps dmbad < <(measure "$direct&$getmap" 1)
read -r wf50 wf95 wfrps wfbad < <(measure "$gateway?$getfeature" 1)
read -r dw50 dw95 dwrps dwbad < <(measure "$direct&$getfeature" 1)
read -r vt50 vt95 vtrps vtbad < <(measure "http://127.0.0.1:$port/tiles/communities/15/$tx/$ty.mvt" 1)
read -r c450 c495 c4rps c4bad < <(measure "$gateway?$getmap" 4)
load_after=$(cut -d' ' -f1 /proc/loadavg)

mkdir -p bench/results
{
  echo "# OGC services on the demo $size ($(date -u +%Y-%m-%d), $(nproc) cores, $requests requests each, ApacheBench)"
  echo
  echo "Load average (1 min) $load_before before the measures, $load_after after."
  echo
  echo "| measure | p50 ms | p95 ms | req/s | non-2xx |"
  echo "|---|---|---|---|---|"
  echo "| WMS GetMap 256×256 (communities, network, facilities), through /ogc | $gm50 | $gm95 | $gmrps | $gmbad |"
  echo "| same GetMap straight to MapServer (peer: no gateway) | $dm50 | $dm95 | $dmrps | $dmbad |"
  echo "| WFS 2.0 GetFeature BBOX (facilities, GeoJSON), through /ogc | $wf50 | $wf95 | $wfrps | $wfbad |"
  echo "| same GetFeature straight to MapServer | $dw50 | $dw95 | $dwrps | $dwbad |"
  echo "| vector tile z15 communities (ST_AsMVT) | $vt50 | $vt95 | $vtrps | $vtbad |"
  echo "| WMS GetMap through /ogc, 4 concurrent clients | $c450 | $c495 | $c4rps | $c4bad |"
  echo
  echo "Gateway overhead, requests through /ogc and straight to MapServer in turns ($requests each, after $warmup warm-up requests per kind):"
  echo
  echo "| request | through /ogc p50 / p95 ms | MapServer direct p50 / p95 ms | overhead p50 ms |"
  echo "|---|---|---|---|"
  echo "| WMS GetMap 256×256 | $og50 / $og95 | $od50 / $od95 | $(awk -v a="$og50" -v b="$od50" 'BEGIN{printf "%.1f", a-b}') |"
  echo "| WFS GetFeature BBOX | $of50 / $of95 | $odf50 / $odf95 | $(awk -v a="$of50" -v b="$odf50" 'BEGIN{printf "%.1f", a-b}') |"
  echo
  echo "The same from the ab rows above (whole ms, measured one after the other): GetMap $(awk -v a="$gm50" -v b="$dm50" 'BEGIN{print a-b}') ms, GetFeature $(awk -v a="$wf50" -v b="$dw50" 'BEGIN{print a-b}') ms."
  echo "Targets: GetMap p95 < 100 ms, gateway overhead < 3 ms."
} | tee bench/results/ogc.md
