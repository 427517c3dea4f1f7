#!/usr/bin/env bash
# The project's private PostgreSQL 15 + PostGIS cluster.
#   scripts/db.sh start    create (first time) and start it; prints the JDBC URL
#   scripts/db.sh stop     stop it
#   scripts/db.sh status   running or not, and where
#   scripts/db.sh psql     psql into database lifecircle (extra arguments go to psql)
#   scripts/db.sh url      print the JDBC URL
# Environment: LIFECIRCLE_RUN_DIR (default .run/ in the checkout), LIFECIRCLE_DB_PORT (first
# port tried, default 55432), LIFECIRCLE_DB_FAST=1 (no fsync: for throwaway test clusters).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DIR="$LIFECIRCLE_RUN_DIR/pg"
PGDATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PORT_FILE="$PG_DIR/port"
DB_NAME=lifecircle
DB_USER=lifecircle
DB_PASSWORD=lifecircle

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres system user.
as_db_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port() { cat "$PORT_FILE" 2>/dev/null || echo "${LIFECIRCLE_DB_PORT:-55432}"; }
url() { echo "jdbc:postgresql://127.0.0.1:$(port)/$DB_NAME"; }
is_running() { [ -f "$PGDATA/PG_VERSION" ] && as_db_owner "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
run_psql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$(port)" -U "$DB_USER" "$@"; }

init_cluster() {
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    runuser -u postgres -- test -x "$PG_DIR" \
      || die "the postgres user cannot reach $PG_DIR; set LIFECIRCLE_RUN_DIR to a folder it can enter"
  fi
  local pwfile="$PG_DIR/.pw"
  echo "$DB_PASSWORD" > "$pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pwfile"
  log "creating cluster in $PGDATA"
  as_db_owner "$PG_BIN/initdb" -D "$PGDATA" -U "$DB_USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$PG_DIR'"
    echo "shared_buffers = 256MB"
    echo "work_mem = 32MB"
    echo "maintenance_work_mem = 256MB"
    echo "max_wal_size = 2GB"
    if [ "${LIFECIRCLE_DB_FAST:-0}" = 1 ]; then
      echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
    fi
  } | as_db_owner tee -a "$PGDATA/postgresql.conf" >/dev/null
}

start() {
  ensure_postgis_packages
  if is_running; then log "already running on port $(port)"; url; return 0; fi
  [ -f "$PGDATA/PG_VERSION" ] || init_cluster
  local p; p=$(free_port "${LIFECIRCLE_DB_PORT:-55432}")
  echo "$p" > "$PORT_FILE"
  as_db_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 -o "-p $p" start >/dev/null \
    || { tail -20 "$PG_LOG" >&2; die "PostgreSQL did not start (log: $PG_LOG)"; }
  if ! run_psql -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
    run_psql -d postgres -c "create database $DB_NAME"
  fi
  run_psql -d "$DB_NAME" -c "create extension if not exists postgis" \
    -c "create extension if not exists pgrouting" -c "create extension if not exists btree_gist"
  log "PostgreSQL $(run_psql -d "$DB_NAME" -tAc "select current_setting('server_version') || ', PostGIS ' || postgis_lib_version()") on 127.0.0.1:$p"
  url
}

stop() {
  if is_running; then
    as_db_owner "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  if is_running; then log "running: $(url) (user $DB_USER, data $PGDATA)"; else log "not running"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  psql) shift; is_running || die "not running: scripts/db.sh start"; run_psql -d "$DB_NAME" "$@" ;;
  *) echo "usage: scripts/db.sh start|stop|status|psql|url" >&2; exit 2 ;;
esac
