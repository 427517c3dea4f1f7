#!/usr/bin/env bash
# Backs up the project database:
#   scripts/backup.sh [FILE]
# FILE defaults to backups/lifecircle-<UTC timestamp>.dump in the checkout; an existing file is
# never overwritten. The dump is pg_dump's custom format (compressed, read by pg_restore and by
# scripts/restore.sh); beside it, FILE.manifest holds per table the row count and a checksum of
# the rows, taken from the same snapshot as the dump, so a restore can prove it is complete.
# The database: DATABASE_URL, else SPRING_DATASOURCE_URL (+ _USERNAME/_PASSWORD), else the running
# private cluster of scripts/db.sh (LIFECIRCLE_RUN_DIR).
# Exit code: 0 written, 1 failed (nothing left behind), 2 bad arguments.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

case "${1:-}" in
  -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
  -*) echo "usage: scripts/backup.sh [FILE]" >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "usage: scripts/backup.sh [FILE]" >&2; exit 2; }

started_ns=$(date +%s%N)
if [ $# -eq 1 ]; then
  file=$1
else
  file="$LIFECIRCLE_ROOT/backups/lifecircle-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
manifest="$file.manifest"
[ ! -e "$file" ] || die "$file exists; a backup never overwrites a file (choose another name)"
[ ! -e "$manifest" ] || die "$manifest exists; a backup never overwrites a file (choose another name)"
folder=$(dirname "$file")
if [ ! -d "$folder" ]; then
  mkdir -p "$folder"
  # Dumps hold the whole database: keep the default folder out of git.
  if [ "$(cd "$folder" && pwd)" = "$LIFECIRCLE_ROOT/backups" ]; then echo '*' >"$folder/.gitignore"; fi
fi

resolve_database
require_reachable "$DB_NAME"
log "backing up $DB_LABEL"

tmp_dump="$file.partial.$$"
tmp_manifest="$manifest.partial.$$"
snapshot_pid=""
cleanup() {
  rm -f "$tmp_dump" "$tmp_manifest" "$tmp_manifest.rows"
  if [ -n "$snapshot_pid" ]; then kill "$snapshot_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# One snapshot for the dump and the manifest: a session exports it and stays in its transaction
# while pg_dump and the manifest query read exactly that state, even if the service writes
# meanwhile.
coproc SNAPSHOT { exec psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DB_NAME" 2>&1; }
snapshot_pid=$SNAPSHOT_PID
printf 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\nSELECT pg_export_snapshot();\n' >&"${SNAPSHOT[1]}"
snapshot=""
read -r -t 60 snapshot <&"${SNAPSHOT[0]}" || true
[[ "$snapshot" =~ ^[0-9A-Fa-f-]+$ ]] || die "could not export a snapshot from $DB_LABEL: $snapshot"
snapshot_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)

dump_status=0
manifest_status=0
"$PG_BIN/pg_dump" --format=custom --compress=6 --snapshot="$snapshot" --file="$tmp_dump" -d "$DB_NAME" &
dump_pid=$!
database_manifest "$DB_NAME" "$snapshot" >"$tmp_manifest.rows" &
manifest_pid=$!
wait "$dump_pid" || dump_status=$?
wait "$manifest_pid" || manifest_status=$?
printf 'COMMIT;\n\\q\n' >&"${SNAPSHOT[1]}" 2>/dev/null || true
wait "$snapshot_pid" 2>/dev/null || true
snapshot_pid=""
[ "$dump_status" -eq 0 ] || { rm -f "$tmp_manifest.rows"; die "pg_dump failed (exit $dump_status); nothing written"; }
[ "$manifest_status" -eq 0 ] || { rm -f "$tmp_manifest.rows"; die "the manifest query failed; nothing written"; }

{
  echo "# lifecircle backup manifest of $(basename "$file")"
  echo "# $DB_LABEL, $(db_psql "$DB_NAME" -tAc "select 'PostgreSQL ' || current_setting('server_version') || coalesce(', PostGIS ' || (select extversion from pg_extension where extname = 'postgis'), '')"), snapshot of $snapshot_at"
  echo "# table<TAB>rows<TAB>md5 of the rows' md5(row::text) in ascending order (scripts/backup-lib.sh)"
  cat "$tmp_manifest.rows"
} >"$tmp_manifest"
rm -f "$tmp_manifest.rows"

# Each file is published only if its name is still free, never replacing one that appeared
# meanwhile (mv -n does not replace; the check after it tells whether it moved).
publish() {
  mv -n "$1" "$2"
  [ ! -e "$1" ] || die "$2 appeared while the backup ran; not overwritten"
}
publish "$tmp_dump" "$file"
if ! (publish "$tmp_manifest" "$manifest"); then rm -f "$file"; exit 1; fi

bytes=$(stat -c %s "$file")
elapsed_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
tables=0
rows=0
printf '%-40s %12s  %s\n' table rows md5
while IFS=$'\t' read -r table count checksum; do
  printf '%-40s %12s  %s\n' "$table" "$count" "$checksum"
  tables=$((tables + 1))
  rows=$((rows + count))
done < <(grep -v '^#' "$manifest")
printf '%d tables, %d rows; %s (%d bytes) in %d.%03d s\n' "$tables" "$rows" "$(human_size "$bytes")" "$bytes" \
  $((elapsed_ms / 1000)) $((elapsed_ms % 1000))
echo "manifest: $manifest"
echo "$file"
