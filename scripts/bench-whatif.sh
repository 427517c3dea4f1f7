#!/usr/bin/env bash
# What-if latency on a demo city (default district): POST /api/coverage/what-if for a hypothetical
# facility at random populated cells, p50/p95/max over real HTTP after a warm-up, and the first
# question of a type (which computes the baseline). Peer in the same run: the alternative without
# what-if, a coverage run of the type (the planner would add the facility and run coverage again).
# Prints a table and writes bench/results/whatif.md.
#   scripts/bench-whatif.sh [town|district|city]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

size=${1:-district}
questions=${BENCH_QUESTIONS:-300}
type=${BENCH_TYPE:-kindergarten}
ensure_build_packages
ensure_postgis_packages
ensure_packages cgi-mapserver lighttpd
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

bench_stack_start 55832 55880 "$size"
points="$bench_dir/points.txt"
# Reproducible random populated cells: their points on surface are where the facilities go.
scripts/db.sh psql -tA -F' ' -c "SELECT setseed(0.42)" -c \
  "SELECT ST_X(centroid), ST_Y(centroid) FROM population_cell WHERE households > 0 ORDER BY random() LIMIT $questions" \
  | grep -v '^$' | tail -n "$questions" >"$points"

mkdir -p bench/results
python3 - "$bench_port" "$type" "$points" "$size" "$(nproc)" <<'PY' | tee bench/results/whatif.md
import base64, json, os, statistics, sys, time, urllib.request, datetime

port, kind, points_file, size, cores = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
base = f"http://127.0.0.1:{port}"
AUTH = "Basic " + base64.b64encode(("admin:" + os.environ["LIFECIRCLE_ADMIN_PASSWORD"]).encode()).decode()
points = [tuple(map(float, line.split())) for line in open(points_file) if line.strip()]

def post(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": AUTH})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return (time.perf_counter() - started) * 1000, answer

def get(path):
    with urllib.request.urlopen(urllib.request.Request(base + path, headers={"Authorization": AUTH})) as response:
        return json.load(response)

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

first_ms, _ = post("/api/coverage/what-if", {"type": kind, "lon": points[0][0], "lat": points[0][1]})
for lon, lat in points[:20]:
    post("/api/coverage/what-if", {"type": kind, "lon": lon, "lat": lat})
wall, server, gained = [], [], []
for lon, lat in points:
    ms, answer = post("/api/coverage/what-if", {"type": kind, "lon": lon, "lat": lat})
    wall.append(ms)
    server.append(answer["computeMillis"])
    gained.append(answer["coveredHouseholdsAfter"] - answer["coveredHouseholdsBefore"])

run_ms = []
for _ in range(3):
    started = time.perf_counter()
    _, run = post("/api/runs", {"kind": "coverage", "types": [kind]})
    while run["status"] not in ("succeeded", "failed"):
        time.sleep(0.05)
        run = get(f"/api/runs/{run['id']}")
    run_ms.append((time.perf_counter() - started) * 1000)
    assert run["status"] == "succeeded", run
summary = get("/api/summary")
p50, p95 = percentile(wall, 50), percentile(wall, 95)
peer = statistics.median(run_ms)
print(f"# What-if latency on the demo {size} ({datetime.date.today()}, {cores} cores, {len(points)} questions)")
print()
print(f"Facility type {kind}; each question places one hypothetical facility at a random populated cell. "
      f"Dataset: {summary.get('population', {}).get('households', '?')} households.")
print()
print("| measure | p50 ms | p95 ms | max ms |")
print("|---|---|---|---|")
print(f"| what-if over HTTP (client wall clock) | {p50:.1f} | {p95:.1f} | {max(wall):.1f} |")
print(f"| of which the service's own computation (computeMillis) | {percentile(server, 50):.2f} | {percentile(server, 95):.2f} | {max(server):.2f} |")
print(f"| first question of the type (computes and caches the baseline) | {first_ms:.1f} | | |")
print(f"| peer: coverage run of the type through the runs API (median of 3, submit to succeeded) | {peer:.0f} | | |")
print()
print(f"Target: p50 and p95 < 300 ms on district: {'met' if p95 < 300 else 'NOT met'}. "
      f"Ratio peer ÷ what-if p50: {peer / p50:.1f}×.")
print(f"Households gained per question: median {statistics.median(gained):.0f}, max {max(gained)}.")
PY
