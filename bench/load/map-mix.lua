-- wrk script: what a map page asks for while a user pans around the demo city. Used by
-- scripts/bench-load.sh; authentication comes from wrk's -H "Authorization: Basic …".
--   wrk … -s bench/load/map-mix.lua http://127.0.0.1:PORT -- MODE MINLON MINLAT MAXLON MAXLAT
-- MODE: mix (40% /api GeoJSON, 30% WMS GetMap, 30% vector tiles), api, getmap, tiles, or me
-- (GET /api/me only). The extent is the city's, from /api/summary.
--
-- A response counts as an error when its status is not 2xx, or when it is 2xx but not the kind of
-- answer asked for (an OWS exception report in XML with HTTP 200 instead of a PNG, say). wrk calls
-- response() without saying which request it answers, so kinds are told apart by Content-Type.
-- Counters live in each thread's own Lua state; done() runs in the main thread and collects them
-- through the thread objects that setup() kept.

local MERCATOR_HALF_WORLD_METERS = 20037508.342789244

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local mode, minLon, minLat, maxLon, maxLat
local minX, minY, maxX, maxY

sent_api, sent_getmap, sent_tiles, sent_me = 0, 0, 0, 0
got_api, got_getmap, got_tiles, got_me = 0, 0, 0, 0
non2xx, wrong_type, status_counts, first_error = 0, 0, "", ""
local statuses = {}

local function mercatorX(lon)
  return lon * MERCATOR_HALF_WORLD_METERS / 180
end

local function mercatorY(lat)
  return math.log(math.tan((90 + lat) * math.pi / 360)) * MERCATOR_HALF_WORLD_METERS / math.pi
end

local function tileX(lon, z)
  return math.floor((lon + 180) / 360 * 2 ^ z)
end

local function tileY(lat, z)
  local r = math.rad(lat)
  return math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * 2 ^ z)
end

local function between(a, b)
  return a + math.random() * (b - a)
end

function init(args)
  mode = args[1] or "mix"
  minLon, minLat, maxLon, maxLat = tonumber(args[2]), tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
  if mode ~= "me" and not maxLat then
    error("usage: -- MODE MINLON MINLAT MAXLON MAXLAT")
  end
  if maxLat then
    minX, minY, maxX, maxY = mercatorX(minLon), mercatorY(minLat), mercatorX(maxLon), mercatorY(maxLat)
  end
  -- Reproducible per thread, different between threads.
  math.randomseed(4242 + 7919 * thread_number)
end

-- A viewport of a map page at about zoom 16 (roughly 2 km × 1.3 km), somewhere in the city.
local function viewportBbox()
  local width, height = 0.02, 0.012
  local lon = between(minLon, math.max(minLon, maxLon - width))
  local lat = between(minLat, math.max(minLat, maxLat - height))
  return string.format("%.6f,%.6f,%.6f,%.6f", lon, lat, lon + width, lat + height)
end

local API_PATHS = {
  function() return "/api/communities" end,
  function() return "/api/facilities" end,
  function() return "/api/population-cells?bbox=" .. viewportBbox() end,
  function() return "/api/road-edges?bbox=" .. viewportBbox() end,
}

local function apiRequest()
  sent_api = sent_api + 1
  return API_PATHS[math.random(#API_PATHS)]()
end

local WMS_LAYERS = { "communities", "population_cells" }

-- One 256×256 map tile's worth of ground at zoom 14 to 16, centred somewhere in the city.
local function getMapRequest()
  sent_getmap = sent_getmap + 1
  local z = math.random(14, 16)
  local side = 2 * MERCATOR_HALF_WORLD_METERS / 2 ^ z
  local x, y = between(minX, maxX), between(minY, maxY)
  return string.format(
    "/ogc?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&CRS=EPSG:3857&BBOX=%.2f,%.2f,%.2f,%.2f"
      .. "&WIDTH=256&HEIGHT=256&FORMAT=image/png&STYLES=",
    WMS_LAYERS[math.random(#WMS_LAYERS)], x - side / 2, y - side / 2, x + side / 2, y + side / 2)
end

local TILE_LAYERS = { "communities", "facilities", "population_cells", "road_edges" }

-- A tile of one layer at zoom 13 to 16 among those covering the city.
local function tileRequest()
  sent_tiles = sent_tiles + 1
  local z = math.random(13, 16)
  local x = math.random(tileX(minLon, z), tileX(maxLon, z))
  local y = math.random(tileY(maxLat, z), tileY(minLat, z))
  return string.format("/tiles/%s/%d/%d/%d.mvt", TILE_LAYERS[math.random(#TILE_LAYERS)], z, x, y)
end

function request()
  local path
  if mode == "me" then
    sent_me = sent_me + 1
    path = "/api/me"
  elseif mode == "api" then
    path = apiRequest()
  elseif mode == "getmap" then
    path = getMapRequest()
  elseif mode == "tiles" then
    path = tileRequest()
  else
    local draw = math.random(100)
    if draw <= 40 then
      path = apiRequest()
    elseif draw <= 70 then
      path = getMapRequest()
    else
      path = tileRequest()
    end
  end
  return wrk.format("GET", path)
end

local function contentType(headers)
  for name, value in pairs(headers) do
    if string.lower(name) == "content-type" then
      return string.lower(value)
    end
  end
  return ""
end

function response(status, headers, body)
  local kind = contentType(headers)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
    local parts = {}
    for code, count in pairs(statuses) do
      table.insert(parts, code .. "×" .. count)
    end
    status_counts = table.concat(parts, " ")
    if first_error == "" then
      first_error = status .. " " .. kind .. " " .. string.sub(body or "", 1, 300)
    end
  elseif string.find(kind, "geo+json", 1, true) then
    got_api = got_api + 1
  elseif string.find(kind, "image/png", 1, true) then
    got_getmap = got_getmap + 1
  elseif string.find(kind, "mapbox-vector-tile", 1, true) then
    got_tiles = got_tiles + 1
  elseif mode == "me" and string.find(kind, "json", 1, true) then
    got_me = got_me + 1
  else
    wrong_type = wrong_type + 1
    if first_error == "" then
      first_error = status .. " " .. kind .. " " .. string.sub(body or "", 1, 300)
    end
  end
end

local function total(name)
  local sum = 0
  for _, thread in ipairs(threads) do
    sum = sum + (tonumber(thread:get(name)) or 0)
  end
  return sum
end

-- One line for scripts/bench-load.sh to read, then the counts per kind for a reader.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local byStatus, errorText = {}, ""
  for _, thread in ipairs(threads) do
    for code, count in string.gmatch(thread:get("status_counts") or "", "(%d+)×(%d+)") do
      byStatus[code] = (byStatus[code] or 0) + tonumber(count)
    end
    if errorText == "" then errorText = thread:get("first_error") or "" end
  end
  local statusText = {}
  for code, count in pairs(byStatus) do
    table.insert(statusText, code .. "×" .. count)
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f non2xx=%d wrong_type=%d"
      .. " socket_errors=%d timeouts=%d sent_api=%d sent_getmap=%d sent_tiles=%d sent_me=%d"
      .. " got_api=%d got_getmap=%d got_tiles=%d got_me=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, total("non2xx"), total("wrong_type"),
    errors.connect + errors.read + errors.write + errors.timeout, errors.timeout,
    total("sent_api"), total("sent_getmap"), total("sent_tiles"), total("sent_me"),
    total("got_api"), total("got_getmap"), total("got_tiles"), total("got_me")))
  io.write(string.format("requests sent: /api %d, GetMap %d, tiles %d, /api/me %d\n",
    total("sent_api"), total("sent_getmap"), total("sent_tiles"), total("sent_me")))
  io.write(string.format("2xx answers of the kind asked: GeoJSON %d, PNG %d, MVT %d, /api/me JSON %d\n",
    total("got_api"), total("got_getmap"), total("got_tiles"), total("got_me")))
  io.write(string.format("non-2xx: %d (%s); 2xx of another content type: %d\n",
    total("non2xx"), table.concat(statusText, " "), total("wrong_type")))
  if errorText ~= "" then
    io.write("first error: " .. errorText:gsub("%s+", " ") .. "\n")
  end
end
