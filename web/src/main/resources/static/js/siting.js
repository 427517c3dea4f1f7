// Site suggestions: a siting run for the chosen type and k new sites; the sites as numbered
// markers in build order and the coverage curve (existing facilities, then each added site).
import { getJson, postJson, followRun } from './api.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';
import { SITE_COLOUR } from './styles.js';

export class SitingPanel {
  constructor(map, layers, coverage) {
    this.map = map;
    this.layers = layers;
    this.coverage = coverage;
    this.run = null;
    this.chart = null;
    this.sites = L.geoJSON(null, {
      pointToLayer: (f, latlng) => L.marker(latlng, {
        icon: siteIcon(f.properties.build_order), keyboard: false, zIndexOffset: 1000,
        title: t('siting.site', f.properties.build_order),
      }),
      onEachFeature: (f, layer) => layer.bindPopup(() => this.sitePopup(f.properties)),
    });
    this.progress = document.getElementById('siting-progress');
    this.message = document.getElementById('siting-message');
    document.getElementById('siting-start').addEventListener('click', () => this.start());
    layers.legendSections.push(() => this.legend());
  }

  async start() {
    const type = this.coverage.type;
    const sites = Number(document.getElementById('siting-sites').value);
    const button = document.getElementById('siting-start');
    button.disabled = true;
    this.progress.value = 0;
    this.progress.hidden = false;
    try {
      const request = { kind: 'siting', type, sites };
      // Judged by the shown coverage run's radius, so the curve starts where its map stands.
      const threshold = this.coverage.thresholdMeters(type);
      if (threshold !== undefined) request.threshold = threshold;
      const run = await postJson('/api/runs', request);
      this.say(`#${run.id} ${t('analysis.running')}`);
      const finished = await followRun(run.id, (percent) => { this.progress.value = percent; });
      if (finished.status !== 'succeeded') {
        this.say(`#${finished.id} ${t('analysis.failed')}: ${finished.error}`, true);
        return;
      }
      await this.show(finished);
    } catch (e) {
      this.say(e.message, true);
    } finally {
      button.disabled = false;
      this.progress.hidden = true;
    }
  }

  async show(run) {
    const collection = await getJson(`/api/runs/${run.id}/sites`);
    this.run = run;
    this.sites.clearLayers();
    this.sites.addData(collection);
    this.sites.addTo(this.map);
    this.renderChart();
    this.renderMessage();
    this.layers.renderLegend();
  }

  renderMessage() {
    const curve = this.run.summary.coverageCurvePercent ?? [];
    const count = this.sites.getLayers().length;
    const result = count === 0
      ? t('siting.none', this.layers.typeLabel(this.run.parameters.type))
      : t('siting.result', formatNumber(count), this.layers.typeLabel(this.run.parameters.type),
        formatNumber(curve[0], 1), formatNumber(curve[curve.length - 1], 1));
    this.say(`#${this.run.id} ${t('analysis.done')} · ${result}`);
  }

  /** The sites of another type than the one chosen now would mislead: they go. */
  typeChanged() {
    if (!this.run || this.run.parameters.type === this.coverage.type) return;
    this.run = null;
    this.sites.clearLayers();
    this.map.removeLayer(this.sites);
    if (this.chart) this.chart.destroy();
    this.chart = null;
    document.getElementById('siting-chart-box').hidden = true;
    this.say('');
    this.layers.renderLegend();
  }

  renderChart() {
    const curve = this.run.summary.coverageCurvePercent ?? [];
    const box = document.getElementById('siting-chart-box');
    box.hidden = false;
    const data = {
      labels: curve.map((_, m) => (m === 0 ? t('siting.existing') : String(m))),
      datasets: [{
        label: t('siting.curve'),
        data: curve,
        borderColor: SITE_COLOUR,
        backgroundColor: SITE_COLOUR,
        pointRadius: 3,
        tension: 0,
        fill: false,
      }],
    };
    if (this.chart) this.chart.destroy();
    this.chart = new Chart(document.getElementById('siting-chart'), {
      type: 'line',
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          title: { display: true, text: t('siting.curve'), font: { size: 11 } },
          tooltip: { callbacks: { label: (c) => `${formatNumber(c.parsed.y, 1)} %` } },
        },
        scales: {
          x: { title: { display: true, text: t('siting.axis.sites'), font: { size: 10 } }, ticks: { font: { size: 9 } } },
          // Near the data, not 0–100 %: the flattening of the curve is what a planner reads off it.
          y: {
            suggestedMin: Math.max(0, Math.floor(Math.min(...curve) - 5)),
            suggestedMax: Math.min(100, Math.ceil(Math.max(...curve) + 5)),
            ticks: { callback: (v) => `${v} %`, font: { size: 9 } },
          },
        },
      },
    });
  }

  sitePopup(p) {
    const rows = [
      [t('siting.added'), `${formatNumber(p.added_households)} ${t('unit.households')}`],
      [t('siting.exclusive'), `${formatNumber(p.exclusive_households)} ${t('unit.households')}`],
      [t('siting.cumulative'), `${formatNumber(p.cumulative_households)} ${t('unit.households')} · ${formatNumber(p.cumulative_percent, 1)} %`],
    ];
    return `<div class="popup site"><h3>${escapeHtml(t('siting.site', p.build_order))}</h3><table>${rows
      .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${escapeHtml(v)}</td></tr>`).join('')}</table></div>`;
  }

  legend() {
    if (!this.map.hasLayer(this.sites)) return '';
    return `<h4>${escapeHtml(t('siting.title'))}</h4><div><span class="glyph">${siteIcon(1).options.html}</span>${escapeHtml(t('siting.legend'))}</div>`;
  }

  renderText() {
    if (!this.run) return;
    this.renderChart();
    this.renderMessage();
  }

  say(text, error = false) {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
  }
}

function siteIcon(order) {
  const size = 22;
  return L.divIcon({
    className: '',
    html: `<div class="site-icon" style="width:${size}px;height:${size}px;background:${SITE_COLOUR}">${order}</div>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
