#!/usr/bin/env bash
# Boundary editing latency on a demo city (default district): a plan of today's communities, then
# single-cell moves of border cells into a neighbouring community through POST /api/plans/{id}/moves
# (each journaled in PostGIS), p50/p95/max over real HTTP, with the editor's own time from the
# response; undo in the same way; and a proposal run for reference. Peer in the same run: creating
# the plan (what a stateless service would redo per edit). Writes bench/results/plans.md.
#   scripts/bench-plans.sh [town|district|city]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

size=${1:-district}
edits=${BENCH_EDITS:-200}
ensure_build_packages
ensure_postgis_packages
ensure_packages cgi-mapserver lighttpd
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

bench_stack_start 55932 55980 "$size"
mkdir -p bench/results
python3 - "$bench_port" "$edits" "$size" "$(nproc)" "$LIFECIRCLE_RUN_DIR" <<'PY' | tee bench/results/plans.md
import base64, json, os, statistics, subprocess, sys, time, urllib.request, datetime

port, edits, size, cores, run_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
base = f"http://127.0.0.1:{port}"
AUTH = "Basic " + base64.b64encode(("admin:" + os.environ["LIFECIRCLE_ADMIN_PASSWORD"]).encode()).decode()

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Authorization": AUTH})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return (time.perf_counter() - started) * 1000, answer

def psql(sql):
    out = subprocess.run(["scripts/db.sh", "psql", "-tA", "-F", " ", "-c", sql], check=True,
                         capture_output=True, text=True, env=dict(os.environ, LIFECIRCLE_RUN_DIR=run_dir)).stdout
    return [line.split() for line in out.splitlines() if line.strip()]

def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

create_ms = []
for _ in range(3):
    ms, created = call("POST", "/api/plans", {"name": "bench"})
    create_ms.append(ms)
plan = created["id"]
# Border cells: a cell and a neighbouring cell of another community (shared boundary), random order.
pairs = psql(f"""SELECT setseed(0.42);
  SELECT a.cell_id, b.community_key FROM plan_cell a JOIN population_cell pa ON pa.id = a.cell_id
  JOIN LATERAL (SELECT b.community_key FROM plan_cell b JOIN population_cell pb ON pb.id = b.cell_id
                WHERE b.plan_id = a.plan_id AND b.community_key <> a.community_key
                  AND ST_Touches(pa.geom, pb.geom) AND ST_Length(ST_Intersection(pa.geom, pb.geom)) > 0
                ORDER BY b.cell_id LIMIT 1) b ON true
  WHERE a.plan_id = {plan} ORDER BY random() LIMIT {edits + 20}""")
pairs = [p for p in pairs if len(p) == 2]
for cell, key in pairs[:20]:
    call("POST", f"/api/plans/{plan}/moves", {"cells": [int(cell)], "to": int(key)})
wall, engine = [], []
for cell, key in pairs[20:20 + edits]:
    ms, answer = call("POST", f"/api/plans/{plan}/moves", {"cells": [int(cell)], "to": int(key)})
    wall.append(ms)
    engine.append(answer["micros"] / 1000)
undo = []
for _ in range(min(50, len(wall))):
    ms, _ = call("POST", f"/api/plans/{plan}/undo")
    undo.append(ms)
started = time.perf_counter()
_, run = call("POST", "/api/runs", {"kind": "boundary-proposal"})
while run["status"] not in ("succeeded", "failed"):
    time.sleep(0.1)
    _, run = call("GET", f"/api/runs/{run['id']}")
proposal_ms = (time.perf_counter() - started) * 1000
_, described = call("GET", f"/api/plans/{plan}")
print(f"# Boundary editing on the demo {size} ({datetime.date.today()}, {cores} cores, {len(wall)} edits)")
print()
print(f"Plan of today's communities: {len(described['communities'])} communities; each edit moves one border cell "
      "into a neighbouring community and is journaled in PostGIS before the answer.")
print()
print("| measure | p50 ms | p95 ms | max ms |")
print("|---|---|---|---|")
print(f"| edit over HTTP (client wall clock) | {pct(wall, 50):.1f} | {pct(wall, 95):.1f} | {max(wall):.1f} |")
print(f"| of which the editor (metrics and violations of the touched communities) | {pct(engine, 50):.2f} | {pct(engine, 95):.2f} | {max(engine):.2f} |")
print(f"| undo over HTTP | {pct(undo, 50):.1f} | {pct(undo, 95):.1f} | {max(undo):.1f} |")
print(f"| peer: creating the plan (what a stateless service redoes per edit), median of 3 | {statistics.median(create_ms):.0f} | | |")
print(f"| proposal run, submit to succeeded ({run['status']}) | {proposal_ms:.0f} | | |")
print()
print(f"Target: an edit under 50 ms on district: {'met' if pct(wall, 95) < 50 else 'NOT met'} (p95). "
      f"Ratio peer ÷ edit p50: {statistics.median(create_ms) / pct(wall, 50):.0f}×.")
PY
