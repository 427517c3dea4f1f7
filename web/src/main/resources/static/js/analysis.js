// The analysis panel: choose types, minutes and mode, start a service-area run, follow its progress.
import { getJson, postJson, followRun } from './api.js';
import { t, formatNumber, typeName } from './i18n.js';
import { escapeHtml } from './layers.js';
import { typeColour } from './styles.js';

export class AnalysisPanel {
  constructor(layers, types) {
    this.layers = layers;
    this.types = types;
    this.form = document.getElementById('analysis-form');
    this.message = document.getElementById('analysis-message');
    this.progress = document.getElementById('analysis-progress');
    this.runList = document.getElementById('run-list');
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.start(); });
  }

  renderTypes() {
    const checked = new Set([...this.form.querySelectorAll('input[name=type]:checked')].map((i) => i.value));
    if (checked.size === 0) checked.add('community_service_station');
    document.getElementById('analysis-types').innerHTML = this.types.map((type) => `<label>
      <input type="checkbox" name="type" value="${type.code}" ${checked.has(type.code) ? 'checked' : ''}>
      <span class="swatch" style="display:inline-block;width:10px;height:10px;background:${typeColour(type.code)}"></span>
      ${escapeHtml(typeName(type))} <small>(${formatNumber(type.facilities)})</small></label>`).join('');
  }

  request() {
    const types = [...this.form.querySelectorAll('input[name=type]:checked')].map((i) => i.value);
    const minutes = new Set([...this.form.querySelectorAll('input[name=minutes]:checked')].map((i) => Number(i.value)));
    const custom = Number(document.getElementById('minutes-custom').value);
    if (custom) minutes.add(custom);
    return {
      kind: 'service-areas',
      types,
      minutes: minutes.size ? [...minutes].sort((a, b) => a - b) : undefined,
      mode: this.form.querySelector('input[name=mode]:checked').value,
      speed: Number(document.getElementById('speed').value),
    };
  }

  async start() {
    const request = this.request();
    if (request.types.length === 0) {
      this.say(t('analysis.noTypes'), true);
      return;
    }
    const button = document.getElementById('analysis-start');
    button.disabled = true;
    try {
      const run = await postJson('/api/runs', request);
      this.say(`#${run.id} ${t('analysis.running')}`);
      this.progress.hidden = false;
      this.progress.value = 0;
      const finished = await followRun(run.id, (percent) => { this.progress.value = percent; });
      if (finished.status === 'succeeded') {
        const count = await this.layers.showServiceAreas(finished);
        this.say(`#${finished.id} ${t('analysis.done')} · ${formatNumber(count)} · ${formatNumber(finished.timingsMillis.total / 1000, 1)} s`);
      } else {
        this.say(`#${finished.id} ${t('analysis.failed')}: ${finished.error}`, true);
      }
    } catch (e) {
      this.say(e.message, true);
    } finally {
      button.disabled = false;
      this.progress.hidden = true;
      this.refreshRuns();
    }
  }

  async refreshRuns() {
    // Only service-area runs: other kinds (coverage, siting) have their own panel and no service areas.
    const runs = (await getJson('/api/runs')).filter((run) => run.kind === 'service-areas');
    this.runList.innerHTML = runs.slice(0, 8).map((run) => {
      const types = Object.keys(run.parameters.minutesByType ?? {}).map((c) => this.layers.typeLabel(c)).join('、');
      const shown = this.layers.serviceAreas.has(run.id);
      return `<li data-run="${run.id}">#${run.id} ${escapeHtml(types)} · ${escapeHtml(run.parameters.mode ?? '')} · ${escapeHtml(t(`analysis.${run.status === 'succeeded' ? 'done' : run.status === 'failed' ? 'failed' : 'running'}`))}
        ${run.status === 'succeeded' ? `<label><input type="checkbox" class="show-run" ${shown ? 'checked' : ''}> ${t('analysis.show')}</label>` : ''}</li>`;
    }).join('');
    this.runList.querySelectorAll('.show-run').forEach((box) => {
      const id = Number(box.closest('li').dataset.run);
      box.addEventListener('change', async () => {
        if (box.checked) await this.layers.showServiceAreas(runs.find((r) => r.id === id));
        else this.layers.removeServiceAreas(id);
      });
    });
  }

  say(text, error = false) {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
  }
}
