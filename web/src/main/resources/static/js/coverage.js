// The coverage panel: start or pick a coverage run, colour the communities by the share of their
// households within reach of one facility type, draw that type's gaps, fill the coverage table,
// and judge each community against the standards in its popup.
import { getJson, postJson, followRun } from './api.js';
import { t, formatNumber, typeName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { coverageClasses, coverageColour, GAP_STYLE, GAP_SWATCH } from './styles.js';
import { CommunityTable, showTab } from './table.js';

const COVERAGE_RULE = 'community.coverage.minPercent';
const NO_DATA_COLOUR = '#e4e7eb';
const UNITS = { households: 'unit.households', persons: 'unit.persons', m2: 'unit.m2', percent: 'unit.percent' };

export class CoveragePanel {
  constructor(map, layers, types, onSelect) {
    this.map = map;
    this.layers = layers;
    this.types = types;
    this.type = (types.find((x) => x.code === 'community_service_station') ?? types[0])?.code;
    this.runs = [];
    this.run = null;
    this.table = null;
    this.standardPercent = undefined;
    this.tables = new Map();
    this.checks = new Map();
    this.listeners = [];
    this.gaps = L.geoJSON(null, {
      style: () => ({ ...GAP_STYLE, className: 'gap' }),
      onEachFeature: (f, layer) => layer.bindTooltip(() => this.gapTooltip(f.properties), { sticky: true }),
    });
    this.element = (id) => document.getElementById(id);
    this.progress = this.element('coverage-progress');
    this.view = new CommunityTable(this.element('coverage-table'), onSelect, {
      columns: this.columns(),
      sortKey: 'covered_percent',
      descending: false,
      rowClass: (r) => (r.failed_checks > 0 ? 'failing' : ''),
    });

    this.element('coverage-start').addEventListener('click', () => this.start());
    this.element('coverage-run').addEventListener('change', (e) => this.select(Number(e.target.value) || null));
    this.element('coverage-type').addEventListener('change', (e) => { this.type = e.target.value; this.apply(); });
    this.element('layer-gaps').addEventListener('change', (e) => {
      if (e.target.checked && this.table) this.gaps.addTo(map); else map.removeLayer(this.gaps);
      layers.renderLegend();
    });
    this.element('tab-communities').addEventListener('click', () => showTab('tab-communities'));
    this.element('tab-coverage').addEventListener('click', () => showTab('tab-coverage'));
    layers.popupSections.push((p, popup, update) => this.checksSection(p, popup, update));
    layers.legendSections.push(() => this.gapLegend());
  }

  /** Called with (run, table) whenever the shown run or type changes. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  columns() {
    return [
      { key: 'name', label: 'table.name' },
      { key: 'subdistrict_name', label: 'table.subdistrict' },
      { key: 'households', label: 'table.households', numeric: true },
      { key: 'covered_households', label: 'coverage.table.covered', numeric: true },
      {
        key: 'covered_percent', label: 'coverage.table.percent', numeric: true, digits: 1,
        html: (v) => (v === null || v === undefined ? '–'
          : `<span class="swatch" style="background:${coverageColour(v, this.classes())}"></span>${formatNumber(v, 1)}`),
      },
      {
        key: 'failed_checks', label: 'coverage.table.failed', numeric: true,
        html: (v, r) => `<span title="${escapeHtml(r.failed_rules.map((rule) => this.ruleLabel(rule)).join('\n'))}">${formatNumber(v)}</span>`,
      },
    ];
  }

  /** Succeeded coverage runs, newest first, into the run chooser; the chosen one stays chosen. */
  async refreshRuns() {
    const runs = await getJson('/api/runs');
    this.runs = runs.filter((run) => run.kind === 'coverage' && run.status === 'succeeded');
    this.renderRunOptions();
  }

  renderRunOptions() {
    const select = this.element('coverage-run');
    select.innerHTML = `<option value="">${escapeHtml(t('coverage.run.none'))}</option>`
      + this.runs.map((run, i) => `<option value="${run.id}" ${this.run?.id === run.id ? 'selected' : ''}>${escapeHtml(this.runLabel(run))}${i === 0 ? ` ${escapeHtml(t('coverage.run.latest'))}` : ''}</option>`).join('');
  }

  runLabel(run) {
    const types = Object.keys(run.parameters.thresholdMetersByType ?? {});
    const when = new Date(run.finishedAt ?? run.createdAt);
    const time = when.toLocaleString(document.documentElement.lang, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return `#${run.id} · ${time} · ${types.length === 1 ? this.layers.typeLabel(types[0]) : t('coverage.run.types', types.length)}`;
  }

  renderTypeOptions() {
    this.element('coverage-type').innerHTML = this.types.map((type) => `<option value="${type.code}" ${type.code === this.type ? 'selected' : ''}>${escapeHtml(typeName(type))}</option>`).join('');
  }

  /** A coverage run of every catalog type, followed to the end and then shown. */
  async start() {
    const button = this.element('coverage-start');
    button.disabled = true;
    this.progress.value = 0;
    this.progress.hidden = false;
    try {
      const run = await postJson('/api/runs', { kind: 'coverage' });
      this.say(`#${run.id} ${t('analysis.running')}`);
      const finished = await followRun(run.id, (percent) => {
        this.progress.value = percent;
        this.say(`#${run.id} ${t('analysis.running')} ${formatNumber(percent)} %`);
      });
      if (finished.status !== 'succeeded') {
        this.say(`#${finished.id} ${t('analysis.failed')}: ${finished.error}`, true);
        return;
      }
      await this.refreshRuns();
      await this.select(finished.id);
      this.say(() => `#${finished.id} ${t('analysis.done')} · ${formatNumber(finished.timingsMillis.total / 1000, 1)} s`);
    } catch (e) {
      this.say(e.message, true);
    } finally {
      button.disabled = false;
      this.progress.hidden = true;
    }
  }

  /** Shows a run's results (null: back to households). */
  async select(runId) {
    if (!runId) {
      this.run = null;
      this.table = null;
      this.renderRunOptions();
      this.apply();
      return;
    }
    try {
      this.run = this.runs.find((run) => run.id === runId) ?? await getJson(`/api/runs/${runId}`);
      this.table = await this.tableOf(runId);
      this.standardPercent = await this.standardPercentOf(runId, this.table);
      const csv = this.element('coverage-csv');
      csv.href = `/api/runs/${runId}/coverage/communities?format=csv`;
      this.renderRunOptions();
      await this.apply();
      showTab('tab-coverage');
    } catch (e) {
      this.say(e.message, true);
    }
  }

  tableOf(runId) {
    if (!this.tables.has(runId)) {
      const table = getJson(`/api/runs/${runId}/coverage/communities`);
      table.catch(() => this.tables.delete(runId));
      this.tables.set(runId, table);
    }
    return this.tables.get(runId);
  }

  checksOf(runId, communityId) {
    const key = `${runId}:${communityId}`;
    if (!this.checks.has(key)) {
      const checks = getJson(`/api/runs/${runId}/standards?community=${communityId}`);
      checks.catch(() => this.checks.delete(key));
      this.checks.set(key, checks);
    }
    return this.checks.get(key);
  }

  /** The standard's minimum share of covered households, as the run's checks apply it. */
  async standardPercentOf(runId, table) {
    const first = table.communities[0];
    if (!first) return undefined;
    const rule = (await this.checksOf(runId, first.id)).find((c) => c.ruleId === COVERAGE_RULE);
    return rule?.low ?? undefined;
  }

  /** Shows the chosen type of the shown run: choropleth, gaps, table, totals. */
  async apply() {
    this.element('coverage-type').value = this.type;
    const column = this.table?.types.find((x) => x.code === this.type);
    this.gaps.clearLayers();
    if (!column) {
      this.layers.setChoropleth(null);
      this.map.removeLayer(this.gaps);
      this.view.setPlainRows([]);
      this.element('tab-coverage').hidden = true;
      showTab('tab-communities');
      this.element('coverage-total').innerHTML = this.table ? escapeHtml(t('coverage.typeNotInRun', this.layers.typeLabel(this.type))) : '';
      this.element('coverage-section').dataset.shown = '';
      this.listeners.forEach((listener) => listener());
      return;
    }
    const byCode = new Map(this.table.communities.map((r) => [r.code, r]));
    const classes = this.classes();
    this.layers.setChoropleth({
      title: t('coverage.legend', this.layers.typeLabel(this.type), formatNumber(column.thresholdMeters)),
      classes: classes.map((k) => ({ ...k, label: this.classLabel(k) })),
      colour: (p) => {
        const percent = byCode.get(p.code)?.coverage[this.type]?.coveredPercent;
        return percent === undefined ? NO_DATA_COLOUR : coverageColour(percent, classes);
      },
    });
    this.renderTable();
    this.renderTotal();
    const type = this.type;
    const gaps = await getJson(`/api/runs/${this.run.id}/coverage/gaps?type=${encodeURIComponent(type)}`);
    if (type !== this.type) return;
    this.gaps.clearLayers();
    this.gaps.addData(gaps);
    if (this.element('layer-gaps').checked) this.gaps.addTo(this.map);
    this.layers.renderLegend();
    // Which run and type the map shows now, for tests and scripts that wait for it.
    this.element('coverage-section').dataset.shown = `${this.run.id}:${type}`;
    this.listeners.forEach((listener) => listener());
  }

  classes() {
    return coverageClasses(this.standardPercent);
  }

  classLabel(k) {
    if (k.from === this.standardPercent) return t('coverage.class.meets', formatNumber(k.from));
    return t('coverage.class', formatNumber(k.from), formatNumber(k.to));
  }

  renderTable() {
    const tab = this.element('tab-coverage');
    tab.hidden = false;
    tab.textContent = t('coverage.tab', this.layers.typeLabel(this.type));
    this.view.setPlainRows(this.table.communities.map((r) => {
      const cell = r.coverage[this.type];
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        subdistrict_name: r.subdistrictName,
        households: r.households,
        covered_households: cell?.coveredHouseholds,
        covered_percent: cell?.coveredPercent,
        failed_checks: r.failedChecks.length,
        failed_rules: r.failedChecks,
      };
    }));
  }

  renderTotal() {
    const total = this.run.summary?.types?.[this.type];
    if (!total) {
      this.element('coverage-total').innerHTML = '';
      return;
    }
    this.element('coverage-total').innerHTML = [
      `<b class="covered-percent" data-value="${total.coveredPercent}">${formatNumber(total.coveredPercent, 1)} %</b> ${escapeHtml(t('coverage.total', formatNumber(total.thresholdMeters)))}`,
      `<span class="covered-households" data-value="${total.coveredHouseholds}">${formatNumber(total.coveredHouseholds)}</span> / ${formatNumber(total.households)} ${escapeHtml(t('unit.households'))}`,
      `${escapeHtml(t('coverage.gapCount', formatNumber(total.gaps)))} · ${escapeHtml(t('coverage.facilityCount', formatNumber(total.facilities)))}`,
    ].join('<br>');
  }

  /** Language changed: every text this panel wrote. */
  renderText() {
    this.progress.setAttribute('aria-label', t('coverage.title'));
    if (this.message) this.say(this.message);
    this.renderRunOptions();
    this.renderTypeOptions();
    if (this.table) this.apply();
  }

  gapTooltip(p) {
    return [
      t('coverage.gap', p.rank),
      `${formatNumber(p.households)} ${t('unit.households')}`,
      `${formatNumber(p.area_m2 / 1e6, 2)} ${t('unit.km2')}`,
      p.nearest_distance_m == null ? t('coverage.gap.noFacility') : t('coverage.gap.nearest', formatNumber(p.nearest_distance_m)),
    ].map(escapeHtml).join(' · ');
  }

  gapLegend() {
    if (!this.map.hasLayer(this.gaps)) return '';
    return `<h4>${escapeHtml(t('coverage.gaps'))}</h4><div><span class="swatch" style="background:${GAP_SWATCH};border-color:${GAP_STYLE.color}"></span>${escapeHtml(t('coverage.gaps.legend', this.layers.typeLabel(this.type)))}</div>`;
  }

  /**
   * The standards checks of a community from the shown coverage run, or the latest one when none
   * is shown; filled in when they arrive.
   */
  checksSection(p, popup, update) {
    const section = document.createElement('div');
    section.className = 'checks';
    popup.appendChild(section);
    const run = this.run ?? this.runs[0];
    if (!run) {
      section.innerHTML = `<p class="muted">${escapeHtml(t('checks.noRun'))}</p>`;
      return;
    }
    section.innerHTML = `<p class="muted">${escapeHtml(t('checks.loading'))}</p>`;
    (async () => {
      const table = await this.tableOf(run.id);
      const community = table.communities.find((r) => r.code === p.code);
      if (!community) {
        section.innerHTML = `<p class="muted">${escapeHtml(t('checks.notInRun', run.id))}</p>`;
        return;
      }
      const checks = await this.checksOf(run.id, community.id);
      section.dataset.run = run.id;
      section.dataset.community = community.id;
      section.innerHTML = this.checksHtml(run, checks);
    })().catch((e) => {
      section.innerHTML = `<p class="error">${escapeHtml(e.message)}</p>`;
    }).finally(update);
  }

  checksHtml(run, checks) {
    const count = (outcome) => checks.filter((c) => c.outcome === outcome).length;
    const rows = checks.map((c) => `<tr class="check" data-rule="${escapeHtml(c.ruleId)}" data-subject="${escapeHtml(c.subject ?? '')}" data-outcome="${escapeHtml(c.outcome)}">
      <td>${escapeHtml(this.ruleLabel(c.ruleId, c.subject, c.meaning))}</td>
      <td class="num value">${escapeHtml(this.quantity(c.value, c.unit))}</td>
      <td class="num threshold">${escapeHtml(this.threshold(c))}</td>
      <td><span class="badge ${escapeHtml(c.outcome)}">${escapeHtml(t(`check.${c.outcome}`))}</span></td></tr>
      <tr class="check-source"><td colspan="4" class="source">${escapeHtml(c.source ?? '')}</td></tr>`).join('');
    return `<h4>${escapeHtml(t('checks.title', run.id))}</h4>
      <p class="checks-summary">${escapeHtml(t('checks.summary', count('fail'), count('pass'), count('unknown')))}</p>
      <table class="checks-table"><thead><tr><th>${escapeHtml(t('checks.rule'))}</th><th class="num">${escapeHtml(t('checks.value'))}</th><th class="num">${escapeHtml(t('checks.threshold'))}</th><th></th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  /** A rule's name in the page's language; a rule the page does not know shows the catalog's meaning. */
  ruleLabel(ruleId, subject, meaning) {
    if (subject === undefined && ruleId.includes(':')) [ruleId, subject] = ruleId.split(':');
    const key = `rule.${ruleId}`;
    const label = t(key, subject ? this.layers.typeLabel(subject) : '');
    if (label !== key) return label;
    return meaning ?? (subject ? `${ruleId} (${subject})` : ruleId);
  }

  quantity(value, unit) {
    if (value === null || value === undefined) return '–';
    const digits = unit === 'percent' ? 1 : Number.isInteger(value) ? 0 : 1;
    return `${formatNumber(value, digits)} ${UNITS[unit] ? t(UNITS[unit]) : unit ?? ''}`.trim();
  }

  threshold(c) {
    const number = (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1);
    if (c.low != null && c.high != null) return `${number(c.low)}–${number(c.high)}`;
    if (c.low != null) return `≥ ${number(c.low)}`;
    if (c.high != null) return `≤ ${number(c.high)}`;
    return '–';
  }

  /** The threshold (metres) of a type in the shown run, or undefined for the catalog's. */
  thresholdMeters(type) {
    return this.table?.types.find((x) => x.code === type)?.thresholdMeters;
  }

  /** A message, or a function that writes it again in the page's language after a switch. */
  say(text, error = false) {
    this.message = typeof text === 'function' ? text : null;
    const message = this.element('coverage-message');
    message.textContent = typeof text === 'function' ? text() : text;
    message.classList.toggle('error', error);
  }
}
