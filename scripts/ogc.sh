#!/usr/bin/env bash
# The private MapServer (WMS, WFS, OGC API Features) as FastCGI behind lighttpd on 127.0.0.1.
#   scripts/ogc.sh start   start it; prints its URL (the service's /ogc gateway forwards there)
#   scripts/ogc.sh stop    stop lighttpd and every mapserv worker it started
#   scripts/ogc.sh status
# The mapfile itself ($LIFECIRCLE_RUN_DIR/ogc/lifecircle.map) is written by the service from its
# layer catalog at start-up; MapServer reads it on every request.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OGC_DIR="$LIFECIRCLE_RUN_DIR/ogc"
PORT_FILE="$OGC_DIR/port"
PID_FILE="$OGC_DIR/lighttpd.pid"

port() { cat "$PORT_FILE" 2>/dev/null || echo "${LIFECIRCLE_OGC_PORT:-55480}"; }
url() { echo "http://127.0.0.1:$(port)/mapserv"; }
is_running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

write_config() {
  mkdir -p "$OGC_DIR/www" "$OGC_DIR/tmp"
  cat > "$OGC_DIR/mapserver.conf" <<CONF
CONFIG
  ENV
    MS_MAP_PATTERN "^$OGC_DIR/[a-z]+\\.map\$"
    MS_ERRORFILE "$OGC_DIR/mapserver-errors.log"
    OGCAPI_HTML_TEMPLATE_DIRECTORY "/usr/share/mapserver/ogcapi/templates/html-plain/"
  END
  MAPS
    lifecircle "$OGC_DIR/lifecircle.map"
  END
END
CONF
  cat > "$OGC_DIR/lighttpd.conf" <<CONF
server.modules = ("mod_fastcgi")
server.document-root = "$OGC_DIR/www"
server.bind = "127.0.0.1"
server.port = $1
server.pid-file = "$PID_FILE"
server.errorlog = "$OGC_DIR/lighttpd-errors.log"
server.max-request-size = 4096
fastcgi.server = (
  "/mapserv" => ((
    "socket" => "$OGC_DIR/mapserv.sock",
    "bin-path" => "/usr/lib/cgi-bin/mapserv",
    "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "$OGC_DIR/mapserver.conf"),
    "max-procs" => ${LIFECIRCLE_OGC_WORKERS:-2},
    "check-local" => "disable",
    "fix-root-scriptname" => "disable"
  ))
)
CONF
}

start() {
  ensure_packages cgi-mapserver lighttpd fonts-noto-cjk
  if is_running; then log "MapServer already running"; url; return 0; fi
  local p; p=$(free_port "${LIFECIRCLE_OGC_PORT:-55480}")
  mkdir -p "$OGC_DIR"; echo "$p" > "$PORT_FILE"
  write_config "$p"
  lighttpd -f "$OGC_DIR/lighttpd.conf" || die "lighttpd did not start (log: $OGC_DIR/lighttpd-errors.log)"
  for _ in $(seq 1 50); do is_running && break; sleep 0.1; done
  is_running || die "lighttpd did not start (log: $OGC_DIR/lighttpd-errors.log)"
  log "MapServer (FastCGI under lighttpd) on $(url)"
  url
}

# Stopping lighttpd can leave mapserv workers running (it may even respawn one while it shuts
# down): lighttpd is stopped first and waited for, then every worker of this folder's config is
# stopped by its PID, forcibly if it lingers.
our_workers() {
  pgrep -f "^/usr/lib/cgi-bin/mapserv" | while read -r pid; do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "MAPSERVER_CONFIG_FILE=$OGC_DIR/mapserver.conf"; then echo "$pid"; fi
  done || true
}

stop() {
  if is_running; then
    local pid; pid=$(cat "$PID_FILE")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  local workers; workers=$(our_workers)
  if [ -n "$workers" ]; then
    kill $workers 2>/dev/null || true
    sleep 0.5
    workers=$(our_workers)
    [ -z "$workers" ] || kill -9 $workers 2>/dev/null || true
  fi
  rm -f "$PID_FILE" "$OGC_DIR/mapserv.sock"*
  log "MapServer stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then log "running on $(url)"; else log "not running"; exit 3; fi ;;
  url) url ;;
  *) echo "usage: scripts/ogc.sh start|stop|status|url" >&2; exit 2 ;;
esac
