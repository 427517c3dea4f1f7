// What-if mode: while it is on, a click on the map asks the service how coverage of the chosen type
// would change with one more facility there, and answers in a popup at that point.
import { postJson } from './api.js';
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';

const MAX_COMMUNITIES_SHOWN = 8;

export class WhatIfMode {
  constructor(map, layers, coverage) {
    this.map = map;
    this.layers = layers;
    this.coverage = coverage;
    this.toggle = document.getElementById('whatif-toggle');
    this.message = document.getElementById('whatif-message');
    this.marker = null;
    this.asked = 0;
    this.toggle.addEventListener('change', () => this.setActive(this.toggle.checked));
    map.on('click', (e) => { if (this.active()) this.ask(e.latlng); });
  }

  active() {
    return this.toggle.checked;
  }

  /** On: map features let clicks through to the map, so any point can be asked about. */
  setActive(on) {
    this.toggle.checked = on;
    this.map.getContainer().classList.toggle('whatif-mode', on);
    if (on) {
      this.map.closePopup();
      this.say(t('whatif.hint', this.layers.typeLabel(this.coverage.type)));
    } else {
      this.say('');
      if (this.marker) this.map.removeLayer(this.marker);
      this.marker = null;
    }
  }

  async ask(latlng) {
    const request = { type: this.coverage.type, lon: latlng.lng, lat: latlng.lat };
    const threshold = this.coverage.thresholdMeters(request.type);
    if (threshold !== undefined) request.threshold = threshold;
    const asked = ++this.asked;
    if (this.marker) this.map.removeLayer(this.marker);
    this.marker = L.marker(latlng, { icon: whatIfIcon(), interactive: false, keyboard: false }).addTo(this.map);
    const popup = L.popup({ maxWidth: 420, maxHeight: 380, autoPanPadding: [20, 20] })
      .setLatLng(latlng)
      .setContent(`<div class="popup whatif">${escapeHtml(t('whatif.computing'))}</div>`)
      .openOn(this.map);
    try {
      const answer = await postJson('/api/coverage/what-if', request);
      if (asked !== this.asked) return;
      popup.setContent(this.answerHtml(request, answer));
      this.say(t('whatif.summary', formatNumber(answer.coveredHouseholdsAfter - answer.coveredHouseholdsBefore), formatNumber(answer.computeMillis, 0)));
    } catch (e) {
      if (asked !== this.asked) return;
      // The kind of problem in the page's language, then the service's own words (problem+json
      // detail): why this point cannot be answered. A refused point (parameter lon/lat) is one too
      // far from any street: say so in the page's language too.
      const where = ['lon', 'lat'].includes(e.problem?.parameter) ? `<p class="muted">${escapeHtml(t('whatif.pointRefused'))}</p>` : '';
      const detail = e.detail ? `<p class="problem-detail muted">${escapeHtml(e.detail)}</p>` : '';
      popup.setContent(`<div class="popup whatif whatif-error" data-lon="${request.lon}" data-lat="${request.lat}">
        <h3>${escapeHtml(t('whatif.failed'))}</h3><p class="error problem-summary">${escapeHtml(e.summary ?? e.message)}</p>${detail}${where}</div>`);
      this.say(`${t('whatif.failed')}: ${e.message}`, true);
    }
  }

  answerHtml(request, a) {
    const gained = a.coveredHouseholdsAfter - a.coveredHouseholdsBefore;
    const shown = a.communities.slice(0, MAX_COMMUNITIES_SHOWN);
    const communities = shown.map((c) => `<tr data-id="${c.id}" data-code="${escapeHtml(c.code ?? '')}">
      <td>${escapeHtml(c.name)}</td>
      <td class="num" data-value="${c.coveredPercentBefore}">${formatNumber(c.coveredPercentBefore, 1)} %</td>
      <td class="num" data-value="${c.coveredPercentAfter}">${formatNumber(c.coveredPercentAfter, 1)} %</td>
      <td class="num gain">+${formatNumber(c.coveredHouseholdsAfter - c.coveredHouseholdsBefore)}</td></tr>`).join('');
    const more = a.communities.length - shown.length;
    return `<div class="popup whatif" data-lon="${request.lon}" data-lat="${request.lat}" data-threshold="${a.thresholdMeters}" data-type="${escapeHtml(a.type)}">
      <h3>${escapeHtml(t('whatif.heading', this.layers.typeLabel(a.type)))}</h3>
      <p class="muted">${request.lon.toFixed(5)}°E, ${request.lat.toFixed(5)}°N · ${escapeHtml(t('whatif.radius', formatNumber(a.thresholdMeters)))} · ${escapeHtml(t('whatif.offNetwork', formatNumber(a.offNetworkMeters)))}</p>
      <table class="whatif-total">
        <thead><tr><th></th><th class="num">${escapeHtml(t('whatif.before'))}</th><th class="num">${escapeHtml(t('whatif.after'))}</th></tr></thead>
        <tbody>
          <tr><td>${escapeHtml(t('whatif.households'))}</td>
            <td class="num before-households" data-value="${a.coveredHouseholdsBefore}">${formatNumber(a.coveredHouseholdsBefore)}</td>
            <td class="num after-households" data-value="${a.coveredHouseholdsAfter}">${formatNumber(a.coveredHouseholdsAfter)}</td></tr>
          <tr><td>${escapeHtml(t('whatif.percent'))}</td>
            <td class="num before-percent" data-value="${a.coveredPercentBefore}">${formatNumber(a.coveredPercentBefore, 2)} %</td>
            <td class="num after-percent" data-value="${a.coveredPercentAfter}">${formatNumber(a.coveredPercentAfter, 2)} %</td></tr>
        </tbody>
      </table>
      <p><b class="gain">+${formatNumber(gained)}</b> ${escapeHtml(t('unit.households'))} · ${escapeHtml(t('whatif.cells', formatNumber(a.newlyCoveredCells)))}</p>
      ${a.communities.length === 0 ? `<p class="muted">${escapeHtml(t('whatif.noChange'))}</p>` : `
      <h4>${escapeHtml(t('whatif.communities', a.communities.length))}</h4>
      <table class="whatif-communities">
        <thead><tr><th>${escapeHtml(t('table.name'))}</th><th class="num">${escapeHtml(t('whatif.before'))}</th><th class="num">${escapeHtml(t('whatif.after'))}</th><th class="num">${escapeHtml(t('whatif.gain'))}</th></tr></thead>
        <tbody>${communities}</tbody>
      </table>${more > 0 ? `<p class="muted">${escapeHtml(t('whatif.more', more))}</p>` : ''}`}
    </div>`;
  }

  renderText() {
    if (this.active()) this.say(t('whatif.hint', this.layers.typeLabel(this.coverage.type)));
  }

  say(text, error = false) {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
  }
}

function whatIfIcon() {
  return L.divIcon({ className: '', html: '<div class="whatif-icon">+</div>', iconSize: [24, 24], iconAnchor: [12, 12] });
}
