// Where the boundary editor's plans come from: a plan of today's communities, a proposal run or a
// community's management grids (followed with a progress bar), or a plan picked from the runs that
// made them and the plans made in this browser.
import { getJson, postJson, followRun } from './api.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';

/** Plans made in this browser: the service lists runs, not plans. */
const KNOWN_PLANS = 'lifecircle.plans';
const KNOWN_PLANS_KEPT = 20;

export class PlanSources {
  /** @param panel the plan panel: plan, open(id), close(), say(text, error) */
  constructor(panel, layers) {
    this.panel = panel;
    this.runs = [];
    this.element = (id) => document.getElementById(id);
    this.progress = this.element('plan-progress');
    this.element('plan-create').addEventListener('click', () => this.create());
    this.element('plan-propose').addEventListener('click', () => this.propose());
    this.element('plan-pick').addEventListener('change', (e) => {
      if (e.target.value) panel.open(Number(e.target.value)); else panel.close();
    });
    layers.popupSections.push((p, popup) => this.gridsSection(p, popup));
  }

  /** The run that made a plan, if it is among the recent ones. */
  runOf(planId) {
    return this.runs.find((r) => r.summary?.planId === planId);
  }

  async create() {
    const button = this.element('plan-create');
    button.disabled = true;
    try {
      const name = t('plan.defaultName', new Date().toLocaleDateString(document.documentElement.lang));
      const created = await postJson('/api/plans', { name });
      this.remember(created.id, name);
      await this.panel.open(created.id);
      this.panel.say(() => t('plan.created', created.id));
    } catch (e) {
      this.panel.say(e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  propose() {
    const request = {
      kind: 'boundary-proposal',
      seed: Number(this.element('plan-seed').value) || 0,
      timeLimitSeconds: Number(this.element('plan-time-limit').value) || 30,
    };
    if (this.element('plan-from-scratch').checked) request.fromScratch = true;
    return this.startRun(request, this.element('plan-propose'));
  }

  /** A run that ends in a plan (proposal or grids), followed to the end; then the plan opens. */
  async startRun(request, button) {
    if (button) button.disabled = true;
    this.progress.value = 0;
    this.progress.hidden = false;
    try {
      const run = await postJson('/api/runs', request);
      this.panel.say(`#${run.id} ${t('analysis.running')}`);
      const finished = await followRun(run.id, (percent) => {
        this.progress.value = percent;
        this.panel.say(`#${run.id} ${t('analysis.running')} ${formatNumber(percent)} %`);
      });
      if (finished.status !== 'succeeded') {
        this.panel.say(`#${finished.id} ${t('analysis.failed')}: ${finished.error}`, true);
        return;
      }
      await this.refreshRuns();
      await this.panel.open(finished.summary.planId);
      const seconds = formatNumber((finished.timingsMillis?.total ?? 0) / 1000, 1);
      this.panel.say(() => `#${finished.id} ${t('analysis.done')} · ${t('plan.opened', finished.summary.planId)} · ${seconds} s`);
    } catch (e) {
      this.panel.say(e.message, true);
    } finally {
      if (button) button.disabled = false;
      this.progress.hidden = true;
    }
  }

  /** The community popup's offer: management grids (网格) of this community. */
  gridsSection(p, popup) {
    if (p.id === undefined || p.valid_to) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'grids-start';
    button.textContent = t('plan.grids.start');
    button.addEventListener('click', () => {
      this.panel.map.closePopup();
      this.startRun({ kind: 'grids', community: p.id }, null);
    });
    popup.appendChild(button);
  }

  remember(id, name) {
    const known = this.knownPlans().filter((p) => p.id !== id);
    known.unshift({ id, name });
    localStorage.setItem(KNOWN_PLANS, JSON.stringify(known.slice(0, KNOWN_PLANS_KEPT)));
  }

  knownPlans() {
    try {
      return JSON.parse(localStorage.getItem(KNOWN_PLANS) ?? '[]');
    } catch (e) {
      return [];
    }
  }

  /** Succeeded proposal and grids runs: each names the plan it made. */
  async refreshRuns() {
    const [proposals, grids] = await Promise.all([
      getJson('/api/runs?kind=boundary-proposal&status=succeeded&limit=20'),
      getJson('/api/runs?kind=grids&status=succeeded&limit=20'),
    ]);
    this.runs = [...proposals, ...grids].filter((run) => run.summary?.planId).sort((a, b) => b.id - a.id);
    this.renderPicker();
  }

  renderPicker() {
    const options = [];
    const seen = new Set();
    for (const run of this.runs) {
      const origin = run.kind === 'grids' ? 'grids' : run.parameters.fromScratch ? 'scratch' : 'proposal';
      seen.add(run.summary.planId);
      options.push({ id: run.summary.planId, label: t('plan.pick.run', run.summary.planId, t(`plan.origin.${origin}`), run.id) });
    }
    for (const known of this.knownPlans()) {
      if (!seen.has(known.id)) options.push({ id: known.id, label: t('plan.pick.plan', known.id, known.name) });
    }
    if (this.panel.plan && !options.some((o) => o.id === this.panel.plan.id)) {
      options.unshift({ id: this.panel.plan.id, label: t('plan.pick.plan', this.panel.plan.id, this.panel.plan.name) });
    }
    options.sort((a, b) => b.id - a.id);
    this.element('plan-pick').innerHTML = `<option value="">${escapeHtml(t('plan.pick.none'))}</option>`
      + options.map((o) => `<option value="${o.id}" ${this.panel.plan?.id === o.id ? 'selected' : ''}>${escapeHtml(o.label)}</option>`).join('');
  }
}
