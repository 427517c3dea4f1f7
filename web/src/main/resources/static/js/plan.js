// The boundary editor: a plan of community boundaries (from plan-sources.js) drawn by household
// status with today's boundaries over it, edited with the brush (brush.js), undone and redone,
// rebalanced, its proposed moves rejected one by one, its new communities renamed (plan-rename.js),
// checked (plan-report.js), and adopted.
import { getJson, postJson, patchJson } from './api.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';
import { planStatusColour, MOVED_CELL_COLOUR } from './styles.js';
import { CommunityTable, showTab } from './table.js';
import { BrushTool, polygonsOf, interiorPoint } from './brush.js';
import { RenameForm } from './plan-rename.js';
import { PlanSources } from './plan-sources.js';
import {
  BLOCKING, summaryTableHtml, infeasibleText, violationsHtml, movesHtml, editResultHtml, legendHtml, householdsOf,
} from './plan-report.js';

const TODAY_STYLE = { color: '#102a43', weight: 1.6, opacity: 0.8, dashArray: '6 4', fill: false };

export class PlanPanel {
  /**
   * @param hooks todayCommunities() → today's features; showHouseholds(features, bounds) → the
   *     chart, against the plan's bounds (grids have their own);
   *     communitiesChanged() → reloads what shows today's communities after an adoption
   */
  constructor(map, layers, config, hooks) {
    this.map = map;
    this.layers = layers;
    this.config = config;
    this.hooks = hooks;
    this.plan = null;
    this.moves = [];
    this.movedCells = new Set();
    this.target = null;
    this.lastEdit = null;
    this.queue = Promise.resolve();
    this.pending = 0;
    this.synced = 0;
    this.message = null;
    this.element = (id) => document.getElementById(id);
    this.section = this.element('plan-section');

    map.createPane('plan').style.zIndex = 402;
    map.createPane('plan-cells').style.zIndex = 404;
    map.createPane('plan-today').style.zIndex = 406;
    map.createPane('plan-labels').style.zIndex = 408;
    this.communities = L.geoJSON(null, {
      pane: 'plan',
      style: (f) => this.communityStyle(f.properties.key),
      onEachFeature: (f, layer) => {
        layer.on('click', () => { if (this.brush.mode === 'select') this.setTarget(f.properties.key); });
        layer.bindTooltip(() => this.communityTooltip(f.properties.key), { sticky: true });
      },
    });
    this.today = L.geoJSON(null, { pane: 'plan-today', interactive: false, style: () => TODAY_STYLE });
    this.labels = L.layerGroup();
    this.brush = new BrushTool(map, this);
    this.sources = new PlanSources(this, layers);
    this.renameForm = new RenameForm(this);
    this.table = new CommunityTable(this.element('plan-table'), (code) => this.selectByCode(code), {
      columns: this.columns(),
      sortKey: 'households',
      rowClass: (r) => `status-${r.status === 'in_range' ? 'within' : r.status}${r.key === this.target ? ' target' : ''}`,
    });

    this.element('plan-close').addEventListener('click', () => this.close());
    this.element('plan-adopt').addEventListener('click', () => this.adopt());
    this.element('plan-undo').addEventListener('click', () => this.undo());
    this.element('plan-redo').addEventListener('click', () => this.redo());
    this.element('plan-rebalance').addEventListener('click', () => this.rebalance());
    this.element('plan-target-new').addEventListener('click', () => this.setTarget(this.target === 'new' ? null : 'new'));
    this.element('tab-plan').addEventListener('click', () => showTab('tab-plan'));
    this.element('plan-violations').addEventListener('click', (e) => {
      const item = e.target.closest('[data-key]');
      if (item) this.focusCommunity(Number(item.dataset.key));
    });
    this.element('plan-moves').addEventListener('click', (e) => this.movesClicked(e));
    // The lists' items are focusable: Enter does what a click does.
    for (const id of ['plan-violations', 'plan-moves']) {
      this.element(id).addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.target.matches('li[tabindex]')) e.target.click();
      });
    }
    document.addEventListener('keydown', (e) => this.keyDown(e));
    layers.legendSections.push(() => this.legend());
  }

  columns() {
    return [
      { key: 'name', label: 'table.name' },
      { key: 'households', label: 'table.households', numeric: true },
      { key: 'deviationPercent', label: 'plan.table.deviation', numeric: true, digits: 1 },
      { key: 'cells', label: 'plan.table.cells', numeric: true },
      { key: 'polsbyPopper', label: 'plan.table.compactness', numeric: true, digits: 3 },
      {
        key: 'status', label: 'table.status',
        html: (v) => `<span class="swatch" style="background:${planStatusColour(v)}"></span>${escapeHtml(t(`plan.status.${v}`))}`,
      },
      { key: 'contiguous', label: 'plan.table.contiguous', text: (v) => t(v ? 'plan.yes' : 'plan.no') },
    ];
  }

  editable() {
    return this.plan?.status === 'draft';
  }

  /** Opens a plan: its communities replace today's on the map, its table and tools appear. */
  async open(id) {
    try {
      const [plan, shapes, moves] = await Promise.all([
        getJson(`/api/plans/${id}`), getJson(`/api/plans/${id}/communities`), getJson(`/api/plans/${id}/moves`),
      ]);
      const first = !this.plan;
      this.target = null;
      this.lastEdit = null;
      this.setPlan(plan, shapes, moves);
      if (first) {
        this.todayShown = this.map.hasLayer(this.layers.communities);
        this.map.removeLayer(this.layers.communities);
      }
      this.today.clearLayers();
      this.today.addData({ type: 'FeatureCollection', features: this.hooks.todayCommunities() });
      [this.communities, this.today, this.labels].forEach((layer) => layer.addTo(this.map));
      this.element('plan-editor').hidden = false;
      this.element('tab-plan').hidden = false;
      showTab('tab-plan');
      this.renderEditResult();
      this.brush.show();
      this.brush.setMode('select');
      if (this.communities.getLayers().length) this.map.fitBounds(this.communities.getBounds(), { padding: [20, 20], animate: false });
      this.layers.renderLegend();
      this.sources.renderPicker();
      // The panel, not the page, scrolls to the plan.
      const panel = this.section.closest('.panel');
      if (first) panel.scrollTop += this.section.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    } catch (e) {
      this.say(e.message, true);
    }
  }

  close() {
    if (!this.plan) return;
    this.plan = null;
    this.moves = [];
    this.movedCells = new Set();
    this.target = null;
    [this.communities, this.today, this.labels].forEach((layer) => { layer.clearLayers(); this.map.removeLayer(layer); });
    this.renameForm.close();
    this.brush.hide();
    if (this.todayShown) this.layers.communities.addTo(this.map);
    this.element('plan-editor').hidden = true;
    this.element('tab-plan').hidden = true;
    this.section.dataset.plan = '';
    showTab('tab-communities');
    this.hooks.showHouseholds(this.hooks.todayCommunities());
    this.layers.renderLegend();
    this.sources.renderPicker();
  }

  setPlan(plan, shapes, moves) {
    this.plan = plan;
    this.moves = moves;
    this.movedCells = new Set(moves.map((m) => m.cellId));
    this.communities.clearLayers();
    this.communities.addData(shapes);
    this.shapes = new Map();
    this.communities.eachLayer((layer) => this.shapes.set(layer.feature.properties.key, {
      layer, polygons: polygonsOf(layer.feature.geometry), bounds: layer.getBounds(),
    }));
    if (typeof this.target === 'number' && !this.byKey(this.target)) this.target = null;
    // Edits move cells besides the brushed ones (undo, rebalance): the brush reads them anew.
    if (this.brush.shown) this.brush.refresh();
    this.section.dataset.plan = String(plan.id);
    this.section.dataset.edits = String(plan.edits);
    this.render();
  }

  byKey(key) {
    return this.plan?.communities.find((c) => c.key === key);
  }

  // ——— Editing ———

  setTarget(target) {
    if (target !== null && target !== 'new' && !this.byKey(target)) return;
    if (target !== this.target) this.renameForm.close();
    this.target = target;
    this.renderToolbar();
    this.communities.setStyle((f) => this.communityStyle(f.properties.key));
    this.table.render();
    this.brush.renderHint();
  }

  targetName() {
    if (this.target === 'new') return t('plan.target.newName');
    const community = this.byKey(this.target);
    return community ? community.name : t('plan.target.none');
  }

  selectByCode(code) {
    const community = this.plan?.communities.find((c) => c.code === code);
    if (community) this.focusCommunity(community.key);
  }

  focusCommunity(key) {
    const shape = this.shapes.get(key);
    if (shape) this.map.fitBounds(shape.bounds, { maxZoom: 16, padding: [30, 30] });
    this.setTarget(key);
  }

  move(cellIds) {
    const to = this.target === 'new' || this.target === null ? null : this.target;
    if (this.target === null) {
      this.sayEdit(t('plan.target.required'), true);
      return Promise.resolve();
    }
    return this.edit('move', () => postJson(`/api/plans/${this.plan.id}/moves`, { cells: cellIds, to }));
  }

  undo() {
    return this.edit('undo', () => postJson(`/api/plans/${this.plan.id}/undo`, {}));
  }

  redo() {
    return this.edit('redo', () => postJson(`/api/plans/${this.plan.id}/redo`, {}));
  }

  rebalance() {
    if (typeof this.target !== 'number') {
      this.sayEdit(t('plan.target.required'), true);
      return Promise.resolve();
    }
    return this.edit('rebalance', () => postJson(`/api/plans/${this.plan.id}/rebalance`, { communities: [this.target] }));
  }

  reject(cellId) {
    return this.edit('reject', () => postJson(`/api/plans/${this.plan.id}/moves/${cellId}/reject`, {}));
  }

  /**
   * Gives a community the plan creates a name and/or code ({name, code}), in turn with the edits;
   * the new name shows at once in the table, labels, tooltips, moves and chart.
   * @return the failure, null when renamed
   */
  rename(key, body) {
    if (!this.editable()) return Promise.resolve(null);
    const planId = this.plan.id;
    let failure = null;
    this.pending++;
    this.section.dataset.pending = String(this.pending);
    this.queue = this.queue.then(async () => {
      try {
        const former = this.byKey(key)?.name ?? '';
        const community = await patchJson(`/api/plans/${planId}/communities/${key}`, body);
        if (this.plan?.id !== planId) return;
        const i = this.plan.communities.findIndex((c) => c.key === key);
        if (i >= 0) this.plan.communities[i] = community;
        this.render();
        this.sayEdit(t('plan.edit.rename', former, community.name));
        this.element('plan-edit-result').dataset.kind = 'rename';
      } catch (e) {
        failure = e;
      } finally {
        this.pending--;
        this.section.dataset.pending = String(this.pending);
      }
    });
    return this.queue.then(() => failure);
  }

  /** Edits run one after another: a stroke made while the previous one is answered waits for it. */
  edit(kind, request) {
    if (!this.editable()) return Promise.resolve();
    const planId = this.plan.id;
    this.pending++;
    this.section.dataset.pending = String(this.pending);
    this.renderToolbar();
    this.queue = this.queue.then(async () => {
      try {
        const outcome = await request();
        if (this.plan?.id !== planId) return;
        this.applyOutcome(kind, outcome);
        await this.sync();
      } catch (e) {
        this.sayEdit(`${t(`plan.failed.${kind}`)}: ${e.message}`, true);
      } finally {
        this.pending--;
        this.section.dataset.pending = String(this.pending);
        this.renderToolbar();
      }
    });
    return this.queue;
  }

  /** An edit's answer, shown at once: the touched communities' numbers and problems. */
  applyOutcome(kind, outcome) {
    const before = new Map(this.plan.communities.map((c) => [c.key, c]));
    for (const community of outcome.affected) {
      const i = this.plan.communities.findIndex((c) => c.key === community.key);
      if (i >= 0) this.plan.communities[i] = community; else this.plan.communities.push(community);
    }
    const touched = new Set(outcome.affected.map((c) => c.key));
    this.plan.violations = this.plan.violations.filter((v) => !touched.has(v.key)).concat(outcome.violations);
    if (this.target === 'new') {
      const fresh = outcome.affected.find((c) => !before.has(c.key));
      if (fresh) this.target = fresh.key;
    }
    this.lastEdit = { kind, outcome, before };
    this.renderEditResult();
    this.render();
    this.communities.setStyle((f) => this.communityStyle(f.properties.key));
  }

  /** The plan as the service has it now: shapes, moves, every community and problem. */
  async sync() {
    const id = this.plan.id;
    const asked = ++this.synced;
    const [plan, shapes, moves] = await Promise.all([
      getJson(`/api/plans/${id}`), getJson(`/api/plans/${id}/communities`), getJson(`/api/plans/${id}/moves`),
    ]);
    if (asked !== this.synced || this.plan?.id !== id) return;
    this.setPlan(plan, shapes, moves);
  }

  async adopt() {
    const dialog = this.element('plan-adopt-dialog');
    const blocking = this.plan.violations.filter((v) => BLOCKING.has(v.kind)).length;
    this.element('plan-adopt-title').textContent = t('plan.adopt.title', this.plan.id, this.plan.name);
    this.element('plan-adopt-warning').textContent = blocking ? t('plan.adopt.blocking', blocking) : '';
    dialog.returnValue = '';
    const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
    dialog.showModal();
    await closed;
    if (dialog.returnValue !== 'adopt') return;
    const id = this.plan.id;
    try {
      const answer = await postJson(`/api/plans/${id}/adopt`, {});
      this.say(() => t('plan.adopted', id, answer.closedCommunities, answer.insertedCommunities));
      this.close();
      await this.hooks.communitiesChanged();
      this.sources.renderPicker();
    } catch (e) {
      this.say(`${t('plan.adopt.failed')}: ${e.message}`, true);
    }
  }

  keyDown(e) {
    if (!this.editable() || e.defaultPrevented) return;
    if (e.target.closest?.('input:not([type=range]):not([type=checkbox]):not([type=radio]), select, textarea, dialog')) return;
    const key = e.key.toLowerCase();
    const command = e.ctrlKey || e.metaKey;
    if (command && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) this.redo(); else this.undo();
    } else if (command && key === 'y') {
      e.preventDefault();
      this.redo();
    } else if (key === 'escape') {
      this.brush.cancel();
    } else if (key === 'f2' && !command) {
      e.preventDefault();
      this.renameForm.open();
    }
  }

  movesClicked(e) {
    const reject = e.target.closest('button.reject');
    if (reject) {
      reject.disabled = true;
      this.reject(Number(reject.dataset.cell));
      return;
    }
    const cell = e.target.closest('li[data-cell]');
    if (cell && !this.brush.flash(Number(cell.dataset.cell))) {
      const from = this.today.getLayers().find((l) => l.feature.properties.id === Number(cell.dataset.from));
      if (from) this.map.fitBounds(from.getBounds(), { padding: [20, 20] });
    }
  }

  // ——— Drawing ———

  communityStyle(key) {
    const community = this.byKey(key);
    const broken = this.plan?.violations.some((v) => v.key === key && BLOCKING.has(v.kind));
    const target = key === this.target;
    return {
      color: target ? '#102a43' : broken ? '#ab091e' : '#486581',
      weight: target ? 4 : broken ? 2.5 : 1,
      dashArray: broken && !target ? '2 4' : null,
      fillColor: planStatusColour(community?.status),
      fillOpacity: target ? 0.75 : 0.55,
      className: `plan-community plan-community-${key}`,
    };
  }

  communityTooltip(key) {
    const c = this.byKey(key);
    if (!c) return '';
    return `<b>${escapeHtml(c.name)}</b><br>${formatNumber(c.households)} ${escapeHtml(t('unit.households'))} · ${escapeHtml(t(`plan.status.${c.status}`))}`
      + ` · ${escapeHtml(t('plan.cells', formatNumber(c.cells)))}${c.contiguous ? '' : ` · ${escapeHtml(t('plan.kind.not_contiguous'))}`}`;
  }

  renderLabels() {
    this.labels.clearLayers();
    for (const [key, shape] of this.shapes) {
      const c = this.byKey(key);
      const at = interiorPoint(shape.polygons);
      if (!c || !at) continue;
      L.marker(at, {
        pane: 'plan-labels', interactive: false, keyboard: false,
        icon: L.divIcon({
          className: 'plan-label',
          // Without the provisional note "（方案 N 暂定）": the tooltip and the table have it.
          html: `<div class="plan-label-text"><span class="name">${escapeHtml(c.name.replace(/\s*[（(][^（(]*[)）]$/, ''))}</span><b>${formatNumber(c.households)}</b></div>`,
          iconSize: null,
        }),
      }).addTo(this.labels);
    }
  }

  render() {
    if (!this.plan) return;
    const p = this.plan;
    this.element('plan-heading').textContent = t('plan.heading', p.id, p.name);
    const shown = p.communities.filter((c) => c.cells > 0).length;
    this.element('plan-status').textContent = [
      t(`plan.origin.${p.origin}`), t(`plan.planStatus.${p.status}`),
      t(p.origin === 'grids' ? 'plan.gridCount' : 'plan.communityCount', formatNumber(shown)), t('plan.edits', formatNumber(p.edits)),
    ].join(' · ');
    this.element('tab-plan').textContent = t('plan.tab', p.id);
    this.element('plan-adopt').disabled = !this.editable() || p.origin === 'grids';
    this.element('plan-adopt').title = p.origin === 'grids' ? t('plan.adopt.grids') : '';
    this.renderSummary();
    this.renderViolations();
    this.renderMoves();
    this.renderLabels();
    this.renderToolbar();
    this.brush.renderHint();
    this.table.setPlainRows(p.communities);
    this.hooks.showHouseholds(p.communities.filter((c) => c.cells > 0).map((c) => ({ properties: c })), p.bounds);
    this.layers.renderLegend();
  }

  /** Before and after from the engine's run; now from the communities as edited. */
  renderSummary() {
    // The plan keeps before/after; what could not be resolved is in the summary of the run that made it.
    const run = this.sources.runOf(this.plan.id);
    this.element('plan-summary').innerHTML = summaryTableHtml(this.plan, this.moves);
    this.element('plan-infeasible').textContent = infeasibleText(this.plan, run?.summary);
  }

  renderViolations() {
    const { title, html } = violationsHtml(this.plan);
    this.element('plan-violations-title').textContent = title;
    this.element('plan-violations').innerHTML = html;
  }

  /** Moves against today's boundaries, by (today's community → plan community), each rejectable. */
  renderMoves() {
    const box = this.element('plan-moves');
    const grids = this.plan.origin === 'grids';
    this.element('plan-moves-title').textContent = grids ? ''
      : t('plan.moves.title', formatNumber(this.moves.length), formatNumber(householdsOf(this.moves)));
    if (grids) {
      box.innerHTML = '';
      return;
    }
    const todayNames = new Map(this.hooks.todayCommunities().map((f) => [f.properties.id, f.properties.name]));
    const open = new Set([...box.querySelectorAll('details[open]')].map((d) => d.dataset.group));
    box.innerHTML = movesHtml(this.plan, this.moves, todayNames, open, this.editable());
  }

  renderToolbar() {
    if (!this.plan) return;
    const editable = this.editable();
    const busy = this.pending > 0;
    const target = this.element('plan-target');
    const community = typeof this.target === 'number' ? this.byKey(this.target) : null;
    target.textContent = this.targetName();
    target.dataset.key = community ? String(community.key) : this.target === 'new' ? 'new' : '';
    target.style.borderColor = community ? planStatusColour(community.status) : MOVED_CELL_COLOUR;
    this.element('plan-target-new').setAttribute('aria-pressed', String(this.target === 'new'));
    for (const id of ['plan-undo', 'plan-redo', 'plan-tool-brush', 'plan-target-new']) this.element(id).disabled = !editable;
    this.element('plan-rebalance').disabled = !editable || !community;
    this.element('plan-rebalance').textContent = community ? t('plan.rebalance.named', community.name) : t('plan.rebalance');
    this.element('plan-undo').title = t('plan.undo.key');
    this.element('plan-redo').title = t('plan.redo.key');
    this.element('plan-toolbar').classList.toggle('busy', busy);
    this.renameForm.render();
  }

  /** The latest edit: cells moved, the touched communities before → after, their problems. */
  renderEditResult() {
    const box = this.element('plan-edit-result');
    if (!this.lastEdit) {
      box.innerHTML = '';
      box.removeAttribute('data-moved');
      return;
    }
    box.dataset.kind = this.lastEdit.kind;
    box.dataset.moved = String(this.lastEdit.outcome.movedCells);
    box.innerHTML = editResultHtml(this.plan, this.lastEdit);
  }

  /** A message about editing, in the toolbar (errors from the service included). */
  sayEdit(text, error = false) {
    const box = this.element('plan-edit-result');
    this.lastEdit = null;
    box.removeAttribute('data-moved');
    box.dataset.kind = error ? 'error' : 'message';
    box.innerHTML = `<p class="${error ? 'error problem-detail' : ''}">${escapeHtml(text)}</p>`;
  }

  legend() {
    return this.plan ? legendHtml(this.plan) : '';
  }

  /** Language changed: every text this panel wrote. */
  renderText() {
    this.sources.progress.setAttribute('aria-label', t('plan.title'));
    if (this.message) this.say(this.message);
    this.sources.renderPicker();
    if (!this.plan) return;
    this.render();
    if (this.lastEdit) this.renderEditResult();
    this.brush.renderHint();
  }

  say(text, error = false) {
    this.message = typeof text === 'function' ? text : null;
    const message = this.element('plan-message');
    message.textContent = typeof text === 'function' ? text() : text;
    message.classList.toggle('error', error);
  }
}
