// The boundary editor's brush: the plan's cells of the view with their ids and the community each
// is in now (GET /api/plans/{id}/cells), and strokes over them. Hold the mouse down and move: every
// cell under the brush is collected, and on release they all go to the target community as one edit
// (one request).
import { getJson } from './api.js';
import { t, formatNumber } from './i18n.js';
import { BRUSH_COLOUR, MOVED_CELL_COLOUR } from './styles.js';

/** Cells are fetched by the view's bbox: zoomed out, a city has more than one response may hold. */
export const BRUSH_MIN_ZOOM = 14;
/** Pointer positions are sampled this often along a fast drag, so no cell in between is skipped. */
const SAMPLE_STEP_PX = 4;

const CELL_STYLE = { color: '#52606d', weight: 0.4, opacity: 0.5, fill: false, dashArray: null };
const MOVED_STYLE = {
  color: MOVED_CELL_COLOUR, weight: 1.2, opacity: 0.9, dashArray: '3 2', fill: true, fillColor: MOVED_CELL_COLOUR, fillOpacity: 0.1,
};
const BRUSHED_STYLE = { color: '#7c5e10', weight: 1, opacity: 1, dashArray: null, fill: true, fillColor: BRUSH_COLOUR, fillOpacity: 0.75 };

export class BrushTool {
  /** @param panel the plan panel: plan, target, movedCells, editable(), move(ids), sayEdit(text, error) */
  constructor(map, panel) {
    this.map = map;
    this.panel = panel;
    this.mode = 'select';
    this.shown = false;
    this.cells = [];
    this.byId = new Map();
    this.stroke = null;
    // Cells of strokes sent and not yet answered.
    this.sent = new Set();
    this.asked = 0;
    this.layer = L.geoJSON(null, {
      pane: 'plan-cells',
      interactive: false,
      style: (f) => this.cellStyle(f.properties.id),
      onEachFeature: (f, layer) => this.index(f, layer),
    });
    this.toolbar = document.getElementById('plan-toolbar');
    this.control = L.control({ position: 'topleft' });
    this.control.onAdd = () => {
      this.toolbar.hidden = false;
      L.DomEvent.disableClickPropagation(this.toolbar);
      L.DomEvent.disableScrollPropagation(this.toolbar);
      return this.toolbar;
    };
    this.cursor = L.DomUtil.create('div', 'brush-cursor', map.getContainer());
    this.cursor.hidden = true;
    this.size = document.getElementById('plan-brush-size');

    document.getElementById('plan-tool-select').addEventListener('click', () => this.setMode('select'));
    document.getElementById('plan-tool-brush').addEventListener('click', () => this.setMode('brush'));
    this.size.addEventListener('input', () => this.renderSize());
    const container = map.getContainer();
    container.addEventListener('pointerdown', (e) => this.pointerDown(e));
    container.addEventListener('pointermove', (e) => this.pointerMove(e));
    container.addEventListener('pointerleave', () => { this.cursor.hidden = true; });
    window.addEventListener('pointerup', () => this.pointerUp());
    window.addEventListener('pointercancel', () => this.cancel());
    map.on('moveend', () => { if (this.panel.plan) this.refresh(); });
  }

  /** A plan was opened: tools on the map, cells of the view loaded. */
  show() {
    this.shown = true;
    this.control.addTo(this.map);
    this.layer.addTo(this.map);
    this.renderSize();
    this.refresh();
  }

  hide() {
    this.shown = false;
    this.setMode('select');
    this.control.remove();
    this.map.removeLayer(this.layer);
    this.layer.clearLayers();
    this.cells = [];
    this.byId.clear();
  }

  radiusPx() {
    return Number(this.size.value) / 2;
  }

  renderSize() {
    this.size.setAttribute('aria-valuetext', `${this.size.value} px`);
    this.size.title = `${this.size.value} px`;
    const diameter = Math.max(6, Number(this.size.value));
    this.cursor.style.width = `${diameter}px`;
    this.cursor.style.height = `${diameter}px`;
  }

  setMode(mode) {
    this.cancel();
    this.mode = mode === 'brush' && this.panel.editable() ? 'brush' : 'select';
    const brushing = this.mode === 'brush';
    document.getElementById('plan-tool-select').setAttribute('aria-pressed', String(!brushing));
    document.getElementById('plan-tool-brush').setAttribute('aria-pressed', String(brushing));
    this.map.getContainer().classList.toggle('brush-mode', brushing);
    if (brushing) this.map.dragging.disable(); else this.map.dragging.enable();
    if (!brushing) this.cursor.hidden = true;
    this.renderHint();
  }

  /**
   * The plan's cells of the view (slightly more) with their community now, when zoomed in far
   * enough to brush; again after every edit, as an edit may move cells other than the brushed ones.
   */
  async refresh() {
    const asked = ++this.asked;
    if (!this.panel.plan || this.map.getZoom() < BRUSH_MIN_ZOOM) {
      this.layer.clearLayers();
      this.cells = [];
      this.byId.clear();
      this.renderHint();
      return;
    }
    const b = this.map.getBounds().pad(0.2);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
    try {
      const collection = await getJson(`/api/plans/${this.panel.plan.id}/cells?bbox=${bbox}`);
      if (asked !== this.asked || !this.panel.plan) return;
      this.layer.clearLayers();
      this.cells = [];
      this.byId.clear();
      this.layer.addData(collection);
      this.map.getContainer().dataset.brushCells = String(this.cells.length);
    } catch (e) {
      this.panel.sayEdit(e.message, true);
    }
    this.renderHint();
  }

  index(feature, layer) {
    const polygons = polygonsOf(feature.geometry);
    const cell = {
      id: feature.properties.id,
      households: feature.properties.households,
      layer,
      polygons,
      bounds: layer.getBounds(),
      centre: interiorPoint(polygons),
      key: feature.properties.key,
      point: null,
    };
    // Cells read anew during a stroke (after an edit's answer) are brushed like the others.
    if (this.stroke && cell.centre) cell.point = this.map.latLngToContainerPoint(cell.centre);
    this.cells.push(cell);
    this.byId.set(cell.id, cell);
  }

  /** Repaints the cells: moved ones of the plan, the stroke's. */
  restyle() {
    for (const cell of this.cells) cell.layer.setStyle(this.cellStyle(cell.id));
  }

  cellStyle(id) {
    if (this.stroke?.cells.has(id) || this.sent.has(id)) return BRUSHED_STYLE;
    return this.panel.movedCells.has(id) ? MOVED_STYLE : CELL_STYLE;
  }

  /** Pans to a cell of the view and flashes it; false when it is not loaded. */
  flash(cellId) {
    const cell = this.byId.get(cellId);
    if (!cell) return false;
    this.map.panTo(cell.bounds.getCenter());
    cell.layer.setStyle({ ...BRUSHED_STYLE, fillColor: MOVED_CELL_COLOUR });
    setTimeout(() => cell.layer.setStyle(this.cellStyle(cell.id)), 1200);
    return true;
  }

  pointerDown(e) {
    if (this.mode !== 'brush' || e.button !== 0 || e.target.closest('.leaflet-control')) return;
    e.preventDefault();
    if (!this.panel.editable() || this.cells.length === 0) {
      this.renderHint(true);
      return;
    }
    // The map stands still during a stroke: each cell's pixel position is computed once.
    for (const cell of this.cells) cell.point = cell.centre ? this.map.latLngToContainerPoint(cell.centre) : null;
    this.stroke = { cells: new Map(), last: null };
    this.extendTo(this.map.mouseEventToContainerPoint(e));
  }

  pointerMove(e) {
    if (this.mode !== 'brush') return;
    const point = this.map.mouseEventToContainerPoint(e);
    const r = Math.max(3, this.radiusPx());
    this.cursor.hidden = !!e.target.closest('.leaflet-control');
    this.cursor.style.left = `${point.x - r}px`;
    this.cursor.style.top = `${point.y - r}px`;
    if (this.stroke) this.extendTo(point);
  }

  extendTo(point) {
    const from = this.stroke.last ?? point;
    const steps = Math.max(1, Math.ceil(from.distanceTo(point) / SAMPLE_STEP_PX));
    for (let i = 1; i <= steps; i++) this.hitAt(from.add(point.subtract(from).multiplyBy(i / steps)));
    this.stroke.last = point;
    this.renderStroke();
  }

  /** Cells under the brush at a point: the one the point is in, and those whose centre is within the radius. */
  hitAt(point) {
    const latlng = this.map.containerPointToLatLng(point);
    const radius = this.radiusPx();
    for (const cell of this.cells) {
      if (this.stroke.cells.has(cell.id)) continue;
      const near = radius > 0 && cell.point && cell.point.distanceTo(point) <= radius;
      if (near || (cell.bounds.contains(latlng) && insidePolygons(latlng, cell.polygons))) {
        this.stroke.cells.set(cell.id, cell);
        cell.layer.setStyle(BRUSHED_STYLE);
      }
    }
  }

  /** Cells of a stroke that would change community: those not in the target already. */
  moving(cells) {
    const target = this.panel.target;
    return cells.filter((c) => target === 'new' || c.key !== target);
  }

  renderStroke() {
    const element = document.getElementById('plan-stroke');
    if (!this.stroke) {
      element.textContent = '';
      return;
    }
    const moving = this.moving([...this.stroke.cells.values()]);
    const households = moving.reduce((sum, c) => sum + (c.households ?? 0), 0);
    element.textContent = t('plan.stroke', formatNumber(moving.length), formatNumber(households), this.panel.targetName());
  }

  /** The stroke ends: its cells stay highlighted until the service has answered the move. */
  async pointerUp() {
    const stroke = this.stroke;
    if (!stroke) return;
    this.stroke = null;
    const moving = this.moving([...stroke.cells.values()]);
    this.renderStroke();
    if (moving.length === 0) {
      this.restyle();
      this.panel.sayEdit(t('plan.edit.nothing'));
      return;
    }
    for (const id of stroke.cells.keys()) this.sent.add(id);
    await this.panel.move(moving.map((c) => c.id));
    for (const id of stroke.cells.keys()) this.sent.delete(id);
    this.restyle();
  }

  cancel() {
    if (!this.stroke) return;
    this.stroke = null;
    this.restyle();
    this.renderStroke();
  }

  renderHint(refused = false) {
    const hint = document.getElementById('plan-hint');
    let text = '';
    if (!this.panel.plan) text = '';
    else if (!this.panel.editable()) text = t('plan.readOnly');
    else if (this.map.getZoom() < BRUSH_MIN_ZOOM) text = t('plan.brush.zoomIn');
    else if (this.mode === 'brush') text = t('plan.brush.hint', this.panel.targetName());
    else text = t('plan.select.hint');
    hint.textContent = text;
    hint.classList.toggle('error', refused);
  }
}

/** The polygons of a GeoJSON (Multi)Polygon, each a list of rings of [lon, lat]. */
export function polygonsOf(geometry) {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function insideRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in any of the polygons (even–odd over each polygon's rings, so holes are out). */
export function insidePolygons(latlng, polygons) {
  for (const polygon of polygons) {
    let inside = false;
    for (const ring of polygon) if (insideRing(latlng.lng, latlng.lat, ring)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/**
 * A point inside the largest polygon (as PostGIS ST_PointOnSurface): the middle of the widest span
 * across it at half its height. A centroid can fall outside an L-shaped community or cell.
 */
export function interiorPoint(polygons) {
  let best = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
    for (const [x, y] of polygon[0]) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const area = (maxX - minX) * (maxY - minY);
    if (area > bestArea) {
      bestArea = area;
      best = { polygon, y: (minY + maxY) / 2 };
    }
  }
  if (!best) return null;
  const { polygon, y } = best;
  const xs = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y)) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  xs.sort((a, b) => a - b);
  let span = null;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (!span || xs[k + 1] - xs[k] > span[1] - span[0]) span = [xs[k], xs[k + 1]];
  }
  return span ? L.latLng(y, (span[0] + span[1]) / 2) : null;
}
