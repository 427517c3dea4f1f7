// The map's data layers: communities, facilities, population cells, service areas, and the legend.
import { getJson } from './api.js';
import { t, formatNumber, typeName } from './i18n.js';
import { typeColour, householdColour, householdClasses, cellColour, cellClasses } from './styles.js';

const CELLS_MIN_ZOOM = 14;

export class MapLayers {
  constructor(map, config, types) {
    this.map = map;
    this.config = config;
    this.types = types;
    // Set by the coverage panel: {title, classes: [{colour, label}], colour(properties)}; null colours by households.
    this.choropleth = null;
    // Extra parts of the community popup and of the legend, added by other panels.
    this.popupSections = [];
    // Set while the communities shown are those of another moment than now: the legend says which.
    this.shownAt = null;
    this.legendSections = [];
    this.communities = L.geoJSON(null, {
      style: (f) => ({
        color: '#334e68', weight: 1.2, fillOpacity: this.choropleth ? 0.7 : 0.55,
        fillColor: this.choropleth ? this.choropleth.colour(f.properties) : householdColour(f.properties.households, config),
        // Lets tests and stylesheets find a community's shape; applied once, when the path is made.
        className: `community community-${String(f.properties.code).replace(/\W/g, '_')}`,
      }),
      onEachFeature: (f, layer) => {
        // Content made at each opening, not as a content function: Leaflet calls such a function again
        // on every update, and the sections update the popup when their data arrive.
        layer.bindPopup('…', { minWidth: 360, maxWidth: 460, maxHeight: 400 });
        layer.on('popupopen', (e) => e.popup.setContent(
          this.communityPopupElement(f.properties, () => { if (e.popup.isOpen()) e.popup.update(); })));
      },
    });
    this.facilities = L.geoJSON(null, {
      pointToLayer: (f, latlng) => L.marker(latlng, {
        icon: this.facilityIcon(f.properties.type), keyboard: false, title: f.properties.name ?? '',
      }),
      onEachFeature: (f, layer) => layer.bindPopup(() => this.facilityPopup(f.properties)),
    });
    this.cells = L.geoJSON(null, {
      style: (f) => ({ stroke: false, fillOpacity: 0.6, fillColor: cellColour(f.properties.households) }),
      onEachFeature: (f, layer) => layer.bindTooltip(
        () => `${formatNumber(f.properties.households)} ${t('unit.households')} · ${formatNumber(f.properties.population)} ${t('unit.persons')}`),
    });
    this.network = L.geoJSON(null, {
      interactive: false,
      style: (f) => ({
        color: f.properties.arterial ? '#7b8794' : '#bcccdc',
        weight: f.properties.arterial ? 3 : 1,
        dashArray: f.properties.road_class === 'footway' ? '2 3' : null,
      }),
    });
    this.barriers = L.geoJSON(null, {
      interactive: false,
      style: (f) => (f.properties.kind === 'river'
        ? { color: '#4098d7', weight: 1, fillColor: '#9fd3f5', fillOpacity: 0.9 }
        : { color: '#243b53', weight: 3, dashArray: '8 4' }),
    });
    this.serviceAreas = new Map();
    this.networkAsked = 0;
    this.legend = L.control({ position: 'bottomright' });
    this.legend.onAdd = () => {
      this.legendElement = L.DomUtil.create('div', 'map-legend');
      this.renderLegend();
      return this.legendElement;
    };
    this.legend.addTo(map);
    map.on('moveend', () => { this.refreshCells(); this.refreshNetwork(); });
  }

  async loadBarriers() {
    this.barriers.clearLayers();
    this.barriers.addData(await getJson('/api/barriers'));
  }

  async refreshNetwork() {
    if (!this.map.hasLayer(this.network)) return;
    const asked = ++this.networkAsked;
    if (this.map.getZoom() < CELLS_MIN_ZOOM - 1) {
      this.network.clearLayers();
      return;
    }
    try {
      // The streets shown stay until those of the new view arrive (the print view's map too).
      const edges = await getJson(`/api/road-edges?bbox=${this.bboxParameter()}`);
      if (asked !== this.networkAsked) return;
      this.network.clearLayers();
      this.network.addData(edges);
    } catch (e) {
      this.network.clearLayers();
    }
  }

  bboxParameter() {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  }

  /**
   * Today's communities, or those in effect on a day (an ISO date, China time) at a time of day
   * (hh:mm[:ss]), by default at its end: the service takes a bare date as 00:00, so today would
   * show yesterday's boundaries.
   */
  async loadCommunities(date = null, time = null) {
    const clock = !time ? '23:59:59.999' : time.length === 5 ? `${time}:00` : time;
    const at = date ? `${date}T${clock}+08:00` : null;
    const collection = await getJson(at ? `/api/communities?at=${encodeURIComponent(at)}` : '/api/communities');
    this.communities.clearLayers();
    this.communities.addData(collection);
    return collection.features;
  }

  async loadFacilities() {
    const collection = await getJson('/api/facilities');
    this.facilities.clearLayers();
    this.facilities.addData(collection);
    return collection.features;
  }

  async refreshCells() {
    if (!this.map.hasLayer(this.cells)) return;
    if (this.map.getZoom() < CELLS_MIN_ZOOM) {
      this.cells.clearLayers();
      this.renderLegend();
      return;
    }
    try {
      const collection = await getJson(`/api/population-cells?bbox=${this.bboxParameter()}`);
      this.cells.clearLayers();
      this.cells.addData(collection);
    } catch (e) {
      this.cells.clearLayers();
    }
    this.renderLegend();
  }

  toggle(layer, on) {
    if (on) layer.addTo(this.map); else this.map.removeLayer(layer);
    if (layer === this.cells) this.refreshCells();
    if (layer === this.network) this.refreshNetwork();
    this.renderLegend();
  }

  /** Adds (or replaces) the dissolved service areas of a run as one layer. */
  async showServiceAreas(run) {
    const collection = await getJson(`/api/runs/${run.id}/service-areas`);
    this.removeServiceAreas(run.id);
    const layer = L.geoJSON(collection, {
      style: (f) => ({
        color: typeColour(f.properties.type), weight: 1, fillColor: typeColour(f.properties.type),
        fillOpacity: 0.12 + 0.1 / Math.max(1, f.properties.minutes / 5),
      }),
      onEachFeature: (f, l) => l.bindTooltip(() => `${this.typeLabel(f.properties.type)} · ${f.properties.minutes} ${t('unit.minutes')} · ${formatNumber(f.properties.area_m2 / 1e6, 2)} ${t('unit.km2')}`),
    }).addTo(this.map);
    layer.bringToBack();
    this.serviceAreas.set(run.id, { run, layer });
    this.renderLegend();
    return collection.features.length;
  }

  /** Colours the communities by {@code choropleth.colour(properties)}, or by households when null. */
  setChoropleth(choropleth) {
    this.choropleth = choropleth;
    this.communities.resetStyle();
    this.renderLegend();
  }

  removeServiceAreas(runId) {
    const existing = this.serviceAreas.get(runId);
    if (existing) {
      this.map.removeLayer(existing.layer);
      this.serviceAreas.delete(runId);
    }
  }

  typeLabel(code) {
    const type = this.types.find((x) => x.code === code);
    return type ? typeName(type) : code;
  }

  facilityIcon(code) {
    const size = 20;
    return L.divIcon({
      className: '',
      html: `<div class="facility-icon" style="width:${size}px;height:${size}px;background:${typeColour(code)}">${t(`glyph.${code}`)}</div>`,
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
  }

  /** The community popup: its record, then what other panels add (each may fill its part later). */
  communityPopupElement(p, update) {
    const element = document.createElement('div');
    element.innerHTML = this.communityPopup(p);
    for (const section of this.popupSections) section(p, element.firstElementChild, update);
    return element.firstElementChild;
  }

  communityPopup(p) {
    const rows = [
      [t('popup.code'), p.code],
      [t('popup.subdistrict'), p.subdistrict_name],
      [t('popup.households'), `${formatNumber(p.households)} ${t('unit.households')}`],
      [t('popup.population'), `${formatNumber(p.population)} ${t('unit.persons')}`],
      [t('popup.status'), t(`status.${p.households_status}`)],
      [t('popup.area'), `${formatNumber(p.area_km2, 2)} ${t('unit.km2')}`],
      [t('popup.office'), p.office_area_m2 == null ? '–' : `${formatNumber(p.office_area_m2)} ${t('unit.m2')}`],
      [t('popup.serviceArea'), p.service_area_m2 == null ? '–' : `${formatNumber(p.service_area_m2)} ${t('unit.m2')}`],
      [t('popup.staff'), p.staff_count ?? '–'],
    ];
    // Two facts a line: the record stays short above the standards checks.
    const lines = [];
    for (let i = 0; i < rows.length; i += 2) lines.push(rows.slice(i, i + 2));
    return `<div class="popup"><h3>${escapeHtml(p.name)}</h3><table class="record">${lines
      .map((pair) => `<tr>${pair.map(([k, v]) => `<td>${escapeHtml(k)}</td><td>${escapeHtml(String(v))}</td>`).join('')}</tr>`).join('')}</table></div>`;
  }

  facilityPopup(p) {
    return `<div class="popup"><h3>${escapeHtml(p.name ?? '')}</h3>${escapeHtml(this.typeLabel(p.type))}`
      + (p.floor_area_m2 ? `<br>${formatNumber(p.floor_area_m2)} ${t('unit.m2')}` : '') + '</div>';
  }

  renderLegend() {
    if (!this.legendElement) return;
    const parts = [];
    if (this.shownAt && this.map.hasLayer(this.communities)) parts.push(`<div class="legend-at">${escapeHtml(this.shownAt)}</div>`);
    if (this.map.hasLayer(this.communities) && this.choropleth) {
      parts.push(`<h4>${escapeHtml(this.choropleth.title)}</h4>`
        + this.choropleth.classes.map((k) => `<div class="legend-class" data-from="${k.from}" data-to="${k.to}" data-colour="${k.colour}"><span class="swatch" style="background:${k.colour}"></span>${escapeHtml(k.label)}</div>`).join(''));
    } else if (this.map.hasLayer(this.communities)) {
      const c = this.config;
      const classes = householdClasses(c);
      const labels = [
        t('legend.under', formatNumber(c.householdsMin)),
        t('legend.within', formatNumber(c.householdsMin), formatNumber(c.householdsTarget)),
        t('legend.within', formatNumber(c.householdsTarget), formatNumber(c.householdsMax)),
        t('legend.over', formatNumber(c.householdsMax)),
      ];
      parts.push(`<h4>${t('legend.households')}</h4>`
        + classes.map((k, i) => `<div><span class="swatch" style="background:${k.colour}"></span>${labels[i]}</div>`).join(''));
    }
    for (const section of this.legendSections) parts.push(section());
    if (this.map.hasLayer(this.barriers)) {
      parts.push(`<h4>${t('legend.barriers')}</h4>`
        + `<div><span class="swatch" style="background:#9fd3f5;border-color:#4098d7"></span>${t('legend.river')}</div>`
        + `<div><span class="swatch" style="background:repeating-linear-gradient(90deg,#243b53 0 6px,#fff 6px 9px);height:4px"></span>${t('legend.rail')}</div>`
        + (this.map.hasLayer(this.network) ? `<div><span class="swatch" style="background:#7b8794;height:4px"></span>${t('legend.arterial')}</div><div><span class="swatch" style="background:#bcccdc;height:2px"></span>${t('legend.street')}</div>` : ''));
    }
    if (this.map.hasLayer(this.facilities)) {
      parts.push(`<h4>${t('layers.facilities')}</h4>` + this.types.map((type) => `<div><span class="glyph">${this.facilityIcon(type.code).options.html}</span>${escapeHtml(typeName(type))}</div>`).join(''));
    }
    if (this.map.hasLayer(this.cells)) {
      parts.push(`<h4>${t('legend.cellHouseholds')}</h4>`
        + (this.map.getZoom() < CELLS_MIN_ZOOM ? `<div>${t('layers.cells.zoomIn')}</div>` : cellClasses().map((k, i, all) => {
          const from = i === 0 ? 0 : all[i - 1].upTo;
          return `<div><span class="swatch" style="background:${k.colour}"></span>${from}${k.upTo === Infinity ? '+' : `–${k.upTo}`}</div>`;
        }).join('')));
    }
    this.legendElement.innerHTML = parts.join('');
  }
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
}
