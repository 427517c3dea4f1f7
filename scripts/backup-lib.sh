# Shared by backup.sh and restore.sh: which database to use, and the table manifest that proves a
# restore holds what the backup held. Sourced after lib.sh, not run.

# The project database, in the order the service itself picks it: DATABASE_URL (postgres:// or
# jdbc:postgresql:), else SPRING_DATASOURCE_URL (+ _USERNAME/_PASSWORD), else the private cluster
# of scripts/db.sh in LIFECIRCLE_RUN_DIR (its socket folder and port file).
# Exports PGHOST, PGPORT, PGUSER and PGPASSWORD for every libpq tool and sets DB_NAME and DB_LABEL
# (where, without the password).
resolve_database() {
  unset PGSERVICE PGDATABASE
  export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}" PGCLIENTENCODING=UTF8
  export PGAPPNAME="lifecircle-${0##*/}"
  if [ -n "${DATABASE_URL:-}" ]; then
    case "$DATABASE_URL" in
      jdbc:postgresql:*) _parse_jdbc_url "$DATABASE_URL" "" "" ;;
      postgres://* | postgresql://*) _parse_postgres_url "$DATABASE_URL" ;;
      *) die "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:" ;;
    esac
    DB_LABEL="$DB_NAME on $PGHOST:$PGPORT (DATABASE_URL)"
  elif [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    _parse_jdbc_url "$SPRING_DATASOURCE_URL" "${SPRING_DATASOURCE_USERNAME:-}" "${SPRING_DATASOURCE_PASSWORD:-}"
    DB_LABEL="$DB_NAME on $PGHOST:$PGPORT (SPRING_DATASOURCE_URL)"
  else
    local pg_dir="$LIFECIRCLE_RUN_DIR/pg"
    [ -f "$pg_dir/port" ] \
      || die "no private PostgreSQL in $LIFECIRCLE_RUN_DIR (start it with scripts/db.sh start, or set DATABASE_URL)"
    export PGHOST="$pg_dir" PGPORT="$(cat "$pg_dir/port")" PGUSER=lifecircle
    unset PGPASSWORD
    DB_NAME=lifecircle
    DB_LABEL="$DB_NAME in the private cluster $pg_dir (port $PGPORT)"
  fi
}

_urldecode() {
  # As java.net.URLDecoder does, which is how the service reads the same URL.
  local s="${1//+/ }"
  printf '%b' "${s//%/\\x}"
}

# jdbc:postgresql://host[:port]/db[?user=…&password=…&sslmode=…], or jdbc:postgresql:db; the
# datasource's own user and password ($2, $3) win over the URL's, as in the service.
_parse_jdbc_url() {
  local url=$1 user=$2 password=$3 rest query="" param key value
  rest=${url#jdbc:postgresql:}
  case "$rest" in *\?*) query=${rest#*\?}; rest=${rest%%\?*} ;; esac
  if [[ "$rest" =~ ^//([^/:,]+)(:([0-9]+))?/(.+)$ ]]; then
    export PGHOST="${BASH_REMATCH[1]}" PGPORT="${BASH_REMATCH[3]:-5432}"
    DB_NAME=${BASH_REMATCH[4]}
  elif [[ "$rest" =~ ^//.*,.* ]]; then
    die "a URL with several hosts is not supported here: $url"
  elif [[ "$rest" =~ ^[^/]+$ ]]; then
    export PGHOST=localhost PGPORT=5432
    DB_NAME=$rest
  else
    die "cannot read the database URL $url (expected jdbc:postgresql://host:port/database)"
  fi
  local url_user="" url_password=""
  if [ -n "$query" ]; then
    IFS='&' read -r -a params <<<"$query"
    for param in "${params[@]}"; do
      key=${param%%=*}
      value=$(_urldecode "${param#*=}")
      case "$key" in
        user) url_user=$value ;;
        password) url_password=$value ;;
        sslmode) export PGSSLMODE="$value" ;;
        sslrootcert) export PGSSLROOTCERT="$value" ;;
      esac
    done
  fi
  user=${user:-$url_user}
  password=${password:-$url_password}
  if [ -n "$user" ]; then export PGUSER="$user"; fi
  if [ -n "$password" ]; then export PGPASSWORD="$password"; else unset PGPASSWORD; fi
}

# postgres://[user[:password]@]host[:port]/db[?sslmode=…]
_parse_postgres_url() {
  local url=$1 query=""
  [[ "$url" =~ ^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^/:?,]+)(:([0-9]+))?/([^?]+)(\?(.*))?$ ]] \
    || die "DATABASE_URL needs a host and a database: postgres://user:pw@host:5432/db"
  export PGHOST="${BASH_REMATCH[6]}" PGPORT="${BASH_REMATCH[8]:-5432}"
  DB_NAME=$(_urldecode "${BASH_REMATCH[9]}")
  if [ -n "${BASH_REMATCH[3]}" ]; then export PGUSER; PGUSER=$(_urldecode "${BASH_REMATCH[3]}"); fi
  if [ -n "${BASH_REMATCH[5]}" ]; then export PGPASSWORD; PGPASSWORD=$(_urldecode "${BASH_REMATCH[5]}"); fi
  query=${BASH_REMATCH[11]}
  if [[ "$query" =~ (^|&)sslmode=([^&]*) ]]; then export PGSSLMODE="${BASH_REMATCH[2]}"; fi
}

# psql with the settings every script here wants; $1 is the database.
db_psql() {
  local db=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# Fails with a clear message when the database cannot be reached (server down, wrong password,
# no such database).
require_reachable() {
  local db=$1 out
  if ! out=$(db_psql "$db" -tAc 'select 1' 2>&1); then
    die "cannot reach $DB_LABEL: ${out//$'\n'/ }"
  fi
}

# The manifest of a database on stdout: one line per table, sorted,
#   schema.table <TAB> rows <TAB> checksum
# where the checksum is the md5 of the rows' md5s (each of the row's text form) in ascending order.
# Ordering by the row digests rather than by the primary key makes it independent of the
# database's collation (a text key sorts differently on a server with another locale) and works for
# tables without a key; hashing each row first keeps the aggregate at 32 bytes per row, far from
# PostgreSQL's 1 GB limit on a text value even for the city. The text form is fixed by the session
# settings below (time zone, date and interval style, shortest exact floats, hex bytea); geometries
# render as hex EWKB, so a single changed coordinate changes the checksum.
# Tables of extensions (PostGIS's spatial_ref_sys) are theirs to fill and left out.
# $1: database, $2: a snapshot exported by another session (optional) to read exactly what it sees.
manifest_sql() {
  local snapshot=${1:-}
  echo "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';"
  echo "SET extra_float_digits = 1; SET bytea_output = 'hex';"
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
  if [ -n "$snapshot" ]; then echo "SET TRANSACTION SNAPSHOT '$snapshot';"; fi
  cat <<'SQL'
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(h, %L ORDER BY h COLLATE "C"), %L))'
              ' FROM (SELECT md5(t::text) AS h FROM %I.%I t) r',
              n.nspname || '.' || c.relname, '', '', n.nspname, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
\gexec
COMMIT;
SQL
}

database_manifest() {
  local db=$1 snapshot=${2:-}
  manifest_sql "$snapshot" | db_psql "$db" -tA -F $'\t'
}

# Tables (outside extensions and system schemas) in a database and their rows: prints "tables rows".
database_table_count() {
  local db=$1
  db_psql "$db" -tA <<'SQL' | awk '{ t++; r += $1 } END { printf "%d %d\n", t, r }'
SELECT format('SELECT count(*) FROM %I.%I', n.nspname, c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
\gexec
SQL
}

human_size() {
  numfmt --to=iec-i --suffix=B --format='%.1f' "$1"
}
