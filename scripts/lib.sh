# Shared by the scripts: project paths and installing what is missing from Debian.
# Sourced, not run.

LIFECIRCLE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIFECIRCLE_RUN_DIR="${LIFECIRCLE_RUN_DIR:-$LIFECIRCLE_ROOT/.run}"
PG_BIN="/usr/lib/postgresql/15/bin"

log() { printf '[lifecircle] %s\n' "$*" >&2; }
die() { printf '[lifecircle] error: %s\n' "$*" >&2; exit 1; }

# apt-get update runs at most once per script run.
_apt_updated=""
apt_install() {
  local missing=("$@")
  if [ "$(id -u)" -ne 0 ]; then
    printf '[lifecircle] error: missing Debian packages. Run as root:\n  sudo apt-get update && sudo apt-get install -y %s\n' "${missing[*]}" >&2
    exit 1
  fi
  if [ -z "$_apt_updated" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    _apt_updated=1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# Installs each named Debian package that is not installed yet.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_postgis_packages() {
  ensure_packages postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting postgresql-contrib
}

# GDAL's ogr2ogr/ogrinfo: the importers read GeoJSON, GeoPackage, Shapefile, File Geodatabase and
# CSV through them.
ensure_gdal_packages() {
  ensure_packages gdal-bin
}

# Java 17+ and what the Maven wrapper needs to fetch Maven itself.
ensure_build_packages() {
  local need=()
  if ! command -v java >/dev/null || ! command -v javac >/dev/null; then need+=(openjdk-17-jdk-headless); fi
  command -v unzip >/dev/null || need+=(unzip)
  command -v curl >/dev/null || need+=(curl)
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
}

# First free TCP port on 127.0.0.1 at or after $1.
free_port() {
  local port=$1 limit=$(( $1 + 200 ))
  while [ "$port" -lt "$limit" ]; do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
    port=$((port + 1))
  done
  die "no free port between $1 and $limit"
}

# Starts a private benchmark stack in a fresh folder: PostGIS on $1, MapServer on $2, the demo city
# of size $3 loaded, and the service on a free port from 18080. Sets bench_dir, bench_port and
# bench_service_pid, exports the service's connection settings, and stops everything on exit.
# The caller has built web/target/lifecircle.jar.
bench_stack_start() {
  local db_port=$1 ogc_port=$2 size=$3
  bench_dir=$(mktemp -d /tmp/lifecircle-bench.XXXXXX)
  chmod 755 "$bench_dir"
  bench_service_pid=""
  trap bench_stack_stop EXIT INT TERM
  export LIFECIRCLE_RUN_DIR="$bench_dir"
  # The service's first admin; the benchmarks sign every request with it (HTTP Basic).
  export LIFECIRCLE_ADMIN_PASSWORD="${LIFECIRCLE_ADMIN_PASSWORD:-bench-admin-password}"
  SPRING_DATASOURCE_URL=$(LIFECIRCLE_DB_PORT=$db_port "$LIFECIRCLE_ROOT/scripts/db.sh" start | tail -n 1)
  export SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME=lifecircle SPRING_DATASOURCE_PASSWORD=lifecircle
  LIFECIRCLE_OGC_MAPSERVERURL=$(LIFECIRCLE_OGC_PORT=$ogc_port "$LIFECIRCLE_ROOT/scripts/ogc.sh" start | tail -n 1)
  export LIFECIRCLE_OGC_MAPSERVERURL LIFECIRCLE_OGC_DIRECTORY="$bench_dir/ogc"
  cp "$LIFECIRCLE_ROOT/web/target/lifecircle.jar" "$bench_dir/lifecircle.jar"
  java -Xmx2g -jar "$bench_dir/lifecircle.jar" demo --size="$size" --replace | tail -n 2 >&2
  bench_port=$(free_port 18080)
  java -Xmx2g -jar "$bench_dir/lifecircle.jar" --server.port="$bench_port" --lifecircle.demo.autoload=none \
    >"$bench_dir/service.log" 2>&1 &
  bench_service_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$bench_port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "the service did not become ready; see $bench_dir/service.log"
}

bench_stack_stop() {
  [ -z "${bench_service_pid:-}" ] || kill "$bench_service_pid" 2>/dev/null || true
  LIFECIRCLE_RUN_DIR="$bench_dir" "$LIFECIRCLE_ROOT/scripts/ogc.sh" stop >/dev/null 2>&1 || true
  LIFECIRCLE_RUN_DIR="$bench_dir" "$LIFECIRCLE_ROOT/scripts/db.sh" stop >/dev/null 2>&1 || true
  rm -rf "$bench_dir"
}
