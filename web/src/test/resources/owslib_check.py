"""OWSLib against lifecircle's /ogc: prints one JSON object with what each client call saw."""
import json
import os
import sys

from owslib.ogcapi.features import Features
from owslib.wfs import WebFeatureService
from owslib.util import Authentication
from owslib.wms import WebMapService

base = sys.argv[1]
# minLon, minLat, maxLon, maxLat: OWSLib itself puts EPSG:4326 latitude first for WMS 1.3.
bbox = tuple(float(v) for v in sys.argv[2].split(","))
result = {}
# The account, as a GIS analyst would give it to the client (HTTP Basic); none when OGC is anonymous.
user = os.environ.get("LIFECIRCLE_OGC_USER")
auth = Authentication(user, os.environ.get("LIFECIRCLE_OGC_PASSWORD")) if user else None

wms = WebMapService(base + "/ogc?", version="1.3.0", auth=auth)
result["wms_title"] = wms.identification.title
result["wms_layers"] = sorted(wms.contents)
result["wms_crs"] = sorted(wms["communities"].crsOptions)
# Titles and abstracts as a client lists them, and the CRS of every layer.
result["wms_layer_titles"] = {name: wms[name].title for name in wms.contents}
result["wms_layer_abstracts"] = {name: wms[name].abstract for name in wms.contents}
result["wms_layer_crs"] = {name: sorted(wms[name].crsOptions) for name in wms.contents}
image = wms.getmap(layers=["communities"], styles=[""], srs="EPSG:4326",
                   bbox=bbox, size=(256, 256), format="image/png")
data = image.read()
result["getmap_png"] = data[:8] == b"\x89PNG\r\n\x1a\n"
info = wms.getfeatureinfo(layers=["communities"], styles=[""], srs="EPSG:4326",
                          bbox=bbox, size=(256, 256), format="image/png",
                          query_layers=["communities"], info_format="application/json", xy=(128, 128))
info_body = info.read()
features = json.loads(info_body).get("features", [])
if not features:
    result["feature_info_url"] = info.geturl()
    result["feature_info_body"] = info_body.decode("utf-8", "replace")[:300]
result["feature_info_names"] = [f["properties"].get("name") for f in features]

wfs = WebFeatureService(base + "/ogc?", version="2.0.0", auth=auth)
result["wfs_types"] = sorted(wfs.contents)
result["wfs_type_titles"] = {name: wfs[name].title for name in wfs.contents}

api = Features(base + "/ogc/api", auth=auth)
items = api.collection_items("communities", limit=5)
result["api_items"] = len(items["features"])
result["api_item_name"] = items["features"][0]["properties"].get("name") if items["features"] else None
print(json.dumps(result, ensure_ascii=False))
