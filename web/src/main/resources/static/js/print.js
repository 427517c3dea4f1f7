// The print view: what the map shows as an A4 report (css/app.css, @media print) — a title saying
// what is shown, when it was printed and from which data, the map with its legend beside it, the
// households chart and the whole per-community table. For print the map and the chart take their
// paper size on screen too (body.printing), so Leaflet and Chart.js draw them at the size they are
// printed; afterwards the map goes back to its view.
import { whenIdle } from './api.js';
import { t, currentLanguage, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';

/** How long the print button waits for basemap tiles before printing anyway. */
const TILE_WAIT_MILLIS = 5000;

export class PrintReport {
  /**
   * @param parts map; layers (MapLayers); chart (HouseholdsChart); tiles (the basemap layer or
   *     null); subject() → what the map shows, in words; content() → the layer of communities
   *     shown; summary() → /api/summary; account → /api/me
   */
  constructor({ map, layers, chart, tiles, subject, content, summary, account }) {
    Object.assign(this, { map, layers, chart, tiles, subject, content, summary, account });
    this.view = null;
    this.title = document.title;
    // Ctrl+P and the browser's menu print too: the same preparation, without waiting.
    window.addEventListener('beforeprint', () => this.prepare());
    window.addEventListener('afterprint', () => this.finish());
  }

  /** The print button: prepares, waits for what the new map size loads, prints. */
  async print() {
    await this.prepare();
    window.print();
  }

  /**
   * Lays the page out for paper and resolves once the layers a new map size fetches have arrived
   * (body[data-print=ready]). Calling it again while prepared only renews the heading.
   */
  prepare() {
    this.renderHeading();
    if (!this.view) {
      this.view = { centre: this.map.getCenter(), zoom: this.map.getZoom(), bounds: this.map.getBounds() };
      this.title = document.title;
      document.getElementById('print-legend').innerHTML = `<h3>${escapeHtml(t('print.legend'))}</h3>${
        this.layers.legendElement?.innerHTML ?? ''}`;
      document.body.classList.add('printing');
      this.map.closePopup();
      this.map.invalidateSize({ animate: false, pan: false });
      this.map.fitBounds(this.printedBounds(), { animate: false, padding: [6, 6] });
      this.chart.chart?.resize();
    }
    document.title = document.getElementById('print-title').textContent;
    const prepared = this.view;
    return Promise.all([whenIdle(), this.tilesLoaded()]).then(() => {
      if (this.view === prepared) document.body.dataset.print = 'ready';
    });
  }

  /**
   * What the paper shows: the communities the screen shows, without the empty margins around them
   * (the screen's view where it shows only part of them).
   */
  printedBounds() {
    const view = this.view.bounds;
    const layer = this.content();
    const shown = layer && this.map.hasLayer(layer) ? layer.getBounds() : null;
    if (!shown?.isValid()) return view;
    const south = Math.max(view.getSouth(), shown.getSouth());
    const north = Math.min(view.getNorth(), shown.getNorth());
    const west = Math.max(view.getWest(), shown.getWest());
    const east = Math.min(view.getEast(), shown.getEast());
    return south < north && west < east ? L.latLngBounds([south, west], [north, east]) : view;
  }

  /** Back to the screen: the map's size and view, the chart's size, the page's title. */
  finish() {
    if (!this.view) return;
    const { centre, zoom } = this.view;
    this.view = null;
    document.body.classList.remove('printing');
    delete document.body.dataset.print;
    document.title = this.title;
    this.map.invalidateSize({ animate: false, pan: false });
    this.map.setView(centre, zoom, { animate: false });
    this.chart.chart?.resize();
  }

  /** Title (the application and what the map shows) and a line of when, what data, by whom. */
  renderHeading() {
    const summary = this.summary();
    const locale = currentLanguage() === 'zh' ? 'zh-CN' : 'en-GB';
    const when = (date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
    document.getElementById('print-title').textContent = `${t('app.title')} · ${this.subject()}`;
    const dataset = summary?.dataset;
    const counts = summary ? [
      `${formatNumber(summary.communities.count)} ${t('summary.communities')}`,
      `${formatNumber(summary.population.households)} ${t('summary.households')}`,
      `${formatNumber(summary.population.population)} ${t('summary.population')}`,
      `${formatNumber(summary.facilities.count)} ${t('summary.facilities')}`,
    ] : [];
    document.getElementById('print-meta').textContent = [
      t('print.printed', when(new Date())),
      dataset ? t('print.data', dataset.name, when(new Date(dataset.loadedAt))) : t('print.noData'),
      counts.join(' · '),
      this.account ? t('print.by', this.account.username) : '',
    ].filter(Boolean).join('　|　');
  }

  /** Resolves when the basemap has its tiles for the new view (at once without a basemap). */
  tilesLoaded() {
    if (!this.tiles || !this.map.hasLayer(this.tiles) || !this.tiles.isLoading()) return Promise.resolve();
    return new Promise((resolve) => {
      this.tiles.once('load', resolve);
      setTimeout(resolve, TILE_WAIT_MILLIS);
    });
  }
}
