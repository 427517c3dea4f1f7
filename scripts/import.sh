#!/usr/bin/env bash
# Imports a file into lifecircle's database:
#   scripts/import.sh communities|facilities|population|osm FILE [options]
# Builds the service jar when it is missing or older than the sources, uses DATABASE_URL when set
# and otherwise the private PostGIS of scripts/db.sh (started for the import, stopped afterwards if
# it was not running), then runs `java -jar web/target/lifecircle.jar import …`.
# Options: scripts/import.sh --help. Exit code: 0 stored, 1 nothing stored, 2 bad arguments.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

jar="$LIFECIRCLE_ROOT/web/target/lifecircle.jar"
if [ $# -lt 2 ] || [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  if [ -f "$jar" ]; then exec java -jar "$jar" import --help; fi
  echo "usage: scripts/import.sh communities|facilities|population|osm FILE [options] (--help after a build lists them)" >&2
  exit 2
fi
kind=$1
file=$2
shift 2
# The path as the user typed it, made absolute before the working folder changes.
case "$file" in
  /*) ;;
  *) file="$PWD/$file" ;;
esac

cd "$LIFECIRCLE_ROOT"
ensure_build_packages
ensure_gdal_packages

if [ ! -f "$jar" ] || [ -n "$(find pom.xml spatial-core datasets web/pom.xml web/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  log "building (./mvnw package, tests skipped: scripts/test.sh runs them)"
  ./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true package
fi

started_db=""
stop_db() {
  if [ -n "$started_db" ]; then scripts/db.sh stop >/dev/null || true; fi
}
trap stop_db EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
  log "using DATABASE_URL"
else
  if ! scripts/db.sh status >/dev/null 2>&1; then started_db=1; fi
  jdbc_url=$(scripts/db.sh start | tail -n 1)
  export SPRING_DATASOURCE_URL="$jdbc_url"
  export SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle
fi

# Chinese layer and column names reach GDAL only under a UTF-8 locale.
case "${LC_ALL:-${LANG:-}}" in
  *UTF-8*|*utf8*) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

status=0
java ${JAVA_OPTS:--Xmx2g} -jar "$jar" import "$kind" "$file" "$@" || status=$?
exit "$status"
