#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian packages, Maven through the wrapper), starts a
# throwaway PostGIS cluster on a free port, runs ./mvnw -B verify (unit tests, then integration
# tests against that cluster) and removes the cluster afterwards, also on failure.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl spatial-core.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

started=$(date +%s)
ensure_build_packages
ensure_postgis_packages
# GDAL: the importers' ogr2ogr, and ogrinfo as the OSM importer tests' independent reader.
ensure_gdal_packages
# Browser tests drive Debian's Chromium; CJK fonts make Chinese labels legible in screenshots.
# poppler-utils' pdftotext and pdftoppm read the print view's PDF as text and as a page image.
ensure_packages chromium chromium-driver fonts-noto-cjk poppler-utils
# OGC tests use real clients: GDAL (above), OWSLib, and libxml2's xmllint as a schema validator.
ensure_packages python3-owslib libxml2-utils

test_dir=$(mktemp -d /tmp/lifecircle-test.XXXXXX)
chmod 755 "$test_dir"
cleanup() {
  LIFECIRCLE_RUN_DIR="$test_dir" scripts/ogc.sh stop >/dev/null 2>&1 || true
  LIFECIRCLE_RUN_DIR="$test_dir" scripts/db.sh stop >/dev/null 2>&1 || true
  rm -rf "$test_dir"
}
trap cleanup EXIT INT TERM

jdbc_url=$(LIFECIRCLE_RUN_DIR="$test_dir" LIFECIRCLE_DB_PORT=${LIFECIRCLE_TEST_DB_PORT:-55532} LIFECIRCLE_DB_FAST=1 \
  scripts/db.sh start | tail -n 1)
log "throwaway PostGIS at $jdbc_url"

mapserver_url=$(LIFECIRCLE_RUN_DIR="$test_dir" LIFECIRCLE_OGC_PORT=${LIFECIRCLE_TEST_OGC_PORT:-55580} scripts/ogc.sh start | tail -n 1)
log "throwaway MapServer at $mapserver_url"

export SPRING_DATASOURCE_URL="$jdbc_url"
export SPRING_DATASOURCE_USERNAME=lifecircle
export SPRING_DATASOURCE_PASSWORD=lifecircle
export LIFECIRCLE_THROWAWAY_DB=1
# The first account of the throwaway database: the tests sign in with it (TestAccounts).
export LIFECIRCLE_ADMIN_PASSWORD=lifecircle-test-admin
export LIFECIRCLE_OGC_MAPSERVERURL="$mapserver_url"
export LIFECIRCLE_OGC_DIRECTORY="$test_dir/ogc"
# The socket folder and port let tests use psql-level tools of the same cluster.
export LIFECIRCLE_TEST_PGHOST="$test_dir/pg"
# The cluster's folder, so an outage test can stop and restart it (scripts/db.sh stop|start).
export LIFECIRCLE_TEST_RUN_DIR="$test_dir"

./mvnw -B -ntp verify "$@"
log "all tests passed in $(( $(date +%s) - started )) s"
