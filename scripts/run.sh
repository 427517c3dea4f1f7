#!/usr/bin/env bash
# Builds lifecircle, starts the private PostGIS (unless DATABASE_URL names another database) and
# the private MapServer, and serves the demo city on http://localhost:8080 (PORT to change).
# Ctrl-C stops what it started.
# Extra arguments go to the service, e.g. scripts/run.sh --lifecircle.demo.autoload=district
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

ensure_build_packages
ensure_gdal_packages
port="${PORT:-8080}"

log "building (./mvnw package, tests skipped: scripts/test.sh runs them)"
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package

started_db=""
started_ogc=""
service_pid=""
stop_all() {
  trap - EXIT INT TERM
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  if [ -n "$started_ogc" ]; then scripts/ogc.sh stop || true; fi
  if [ -n "$started_db" ]; then scripts/db.sh stop || true; fi
}
trap stop_all EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
  log "using DATABASE_URL; no private PostGIS started"
else
  if ! scripts/db.sh status >/dev/null 2>&1; then started_db=1; fi
  jdbc_url=$(scripts/db.sh start | tail -n 1)
  export SPRING_DATASOURCE_URL="$jdbc_url"
  export SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle
fi

if ! scripts/ogc.sh status >/dev/null 2>&1; then started_ogc=1; fi
export LIFECIRCLE_OGC_MAPSERVERURL="$(scripts/ogc.sh start | tail -n 1)"
export LIFECIRCLE_OGC_DIRECTORY="$LIFECIRCLE_RUN_DIR/ogc"

# The first admin of a new database. Unless LIFECIRCLE_ADMIN_PASSWORD is given, a random password
# is made once and kept (owner-only) in the run folder, so the banner below can say it again.
admin_note="the password you set in LIFECIRCLE_ADMIN_PASSWORD"
if [ -z "${LIFECIRCLE_ADMIN_PASSWORD:-}" ]; then
  password_file="$LIFECIRCLE_RUN_DIR/first-admin-password"
  if [ ! -s "$password_file" ]; then
    mkdir -p "$LIFECIRCLE_RUN_DIR"
    (umask 077; head -c 12 /dev/urandom | base64 | tr -d '/+=' >"$password_file")
  fi
  LIFECIRCLE_ADMIN_PASSWORD=$(cat "$password_file")
  admin_note="$LIFECIRCLE_ADMIN_PASSWORD (kept in $password_file; if you changed it since, yours)"
fi
export LIFECIRCLE_ADMIN_PASSWORD

java ${JAVA_OPTS:--Xmx2g} -jar web/target/lifecircle.jar --server.port="$port" "$@" &
service_pid=$!

for _ in $(seq 1 600); do
  if ! kill -0 "$service_pid" 2>/dev/null; then die "the service stopped during start-up (see its log above)"; fi
  if curl -fsS "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  sleep 1
done
cat >&2 <<MSG

  lifecircle is running on http://localhost:$port
    sign in as       admin / $admin_note
                     (scripts, GDAL, QGIS: HTTP Basic with the same account)
    summary          http://localhost:$port/api/summary
    communities      http://localhost:$port/api/communities
    facility types   http://localhost:$port/api/facility-types
    WMS / WFS        http://localhost:$port/ogc?SERVICE=WMS&REQUEST=GetCapabilities
    OGC API          http://localhost:$port/ogc/api/collections
    health           http://localhost:$port/actuator/health
  PostGIS: scripts/db.sh psql      Stop: Ctrl-C

MSG
wait "$service_pid"
