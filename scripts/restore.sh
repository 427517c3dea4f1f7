#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh:
#   scripts/restore.sh FILE                  into the project database
#   scripts/restore.sh FILE --into DBNAME    into another database of the same server (created
#                                            when missing)
#   --force                                  replace what a target that already holds tables has
# A target that holds tables is refused without --force, so nothing is lost by accident. The
# restore is one transaction (pg_restore --single-transaction): a damaged dump or any error leaves
# the target exactly as it was, and a database this script created for it is dropped again.
# Objects are owned by the connecting user (--no-owner, --no-privileges). Afterwards the tables are
# analysed and their manifest is compared with FILE.manifest written by the backup.
# The server: DATABASE_URL, else SPRING_DATASOURCE_URL, else the private cluster of scripts/db.sh.
# Stop the service before restoring into the database it uses.
# Exit code: 0 restored and verified, 1 refused or failed (target unchanged), 2 bad arguments,
# 3 restored but the manifest differs or is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

usage() { echo "usage: scripts/restore.sh FILE [--into DBNAME] [--force]" >&2; exit 2; }

file=""
into=""
force=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    --into) [ $# -ge 2 ] || usage; into=$2; shift 2 ;;
    --into=*) into=${1#--into=}; shift ;;
    --force) force=1; shift ;;
    -*) usage ;;
    *) [ -z "$file" ] || usage; file=$1; shift ;;
  esac
done
[ -n "$file" ] || usage
[ -f "$file" ] && [ -r "$file" ] || die "$file: no such readable file"
if [ -n "$into" ] && ! [[ "$into" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
  die "--into wants a plain database name (lower-case letters, digits, _; at most 63), got '$into'"
fi

started_ns=$(date +%s%N)
# The archive's table of contents is read before anything is touched: a file that is not a
# custom-format dump at all is refused here.
toc_error=$("$PG_BIN/pg_restore" --list "$file" 2>&1 >/dev/null) \
  || die "$file is not a readable pg_dump archive: ${toc_error//$'\n'/ }"

resolve_database
target=${into:-$DB_NAME}
# Another database of the same server to create databases from and to ask whether one exists.
admin_db=postgres
db_psql "$admin_db" -tAc 'select 1' >/dev/null 2>&1 || admin_db=$DB_NAME
require_reachable "$admin_db"
# psql variables quote the name, whatever the URL called the database.
exists=$(db_psql "$admin_db" -tA -v target="$target" <<<"select count(*) from pg_database where datname = :'target'")

created=""
clean=()
if [ "$exists" = 1 ]; then
  counts=$(database_table_count "$target") || die "cannot read the tables of $target"
  read -r tables rows <<<"$counts"
  if [ "$tables" -gt 0 ]; then
    if [ -z "$force" ]; then
      die "database $target already holds $tables tables with $rows rows; nothing restored." \
        "Restore with --into NEWNAME, or add --force to replace them"
    fi
    log "replacing the $tables tables ($rows rows) of $target (--force)"
    clean=(--clean --if-exists)
    others=$(db_psql "$admin_db" -tA -v target="$target" \
      <<<"select count(*) from pg_stat_activity where datname = :'target' and pid <> pg_backend_pid()")
    if [ "$others" -gt 0 ]; then
      log "warning: $others other sessions use $target (the service?); the restore waits for their locks," \
        "and a running service keeps stale state: stop it first"
    fi
  fi
else
  log "creating database $target"
  db_psql "$admin_db" -v target="$target" <<<"create database :\"target\" template template0 encoding 'UTF8'"
  created=1
fi
log "restoring $file into $target ($DB_LABEL)"

restore_status=0
"$PG_BIN/pg_restore" --single-transaction --exit-on-error --no-owner --no-privileges "${clean[@]}" \
  -d "$target" "$file" || restore_status=$?
if [ "$restore_status" -ne 0 ]; then
  if [ -n "$created" ]; then
    db_psql "$admin_db" -v target="$target" <<<'drop database :"target"' || log "warning: could not drop $target"
    die "pg_restore failed (exit $restore_status); rolled back, and the database $target created for it dropped"
  fi
  die "pg_restore failed (exit $restore_status); rolled back: $target is as it was"
fi
# pg_restore brings no planner statistics; without them the first queries plan badly.
db_psql "$target" -c 'analyze'
restore_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
log "restored in $((restore_ms / 1000)).$(printf '%03d' $((restore_ms % 1000))) s; checking the manifest"

saved="$file.manifest"
if [ ! -f "$saved" ]; then
  log "warning: no $saved beside the dump: the restore cannot be verified"
  exit 3
fi
actual=$(database_manifest "$target")
if ! difference=$(diff <(grep -v '^#' "$saved") <(printf '%s\n' "$actual")); then
  printf '%s\n' "$difference" | sed 's/^</  backup: /; s/^>/  target: /' | grep -E '^  (backup|target):' >&2
  log "error: $target differs from the backup's manifest (above: table, rows, checksum)"
  exit 3
fi
tables=0
rows=0
while IFS=$'\t' read -r _ count _; do
  tables=$((tables + 1))
  rows=$((rows + count))
done <<<"$actual"
elapsed_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
printf '%s restored into %s: %d tables, %d rows, every count and checksum as in %s; %d.%03d s\n' \
  "$file" "$target" "$tables" "$rows" "$(basename "$saved")" $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
