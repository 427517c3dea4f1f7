// The map page: loads settings and text, draws the demo city, wires the panel, table and chart.
import { getJson, signOut } from './api.js';
import { loadLanguage, currentLanguage, t, formatNumber } from './i18n.js';
import { MapLayers } from './layers.js';
import { usePalette } from './styles.js';
import { CommunityTable } from './table.js';
import { HouseholdsChart } from './chart.js';
import { AnalysisPanel } from './analysis.js';
import { CoveragePanel } from './coverage.js';
import { WhatIfMode } from './whatif.js';
import { SitingPanel } from './siting.js';
import { PlanPanel } from './plan.js';
import { PrintReport } from './print.js';


async function main() {
  let [me, config, types, summary] = await Promise.all([
    getJson('/api/me'), getJson('/api/ui/config'), getJson('/api/facility-types'), getJson('/api/summary'),
  ]);
  // Controls the role does not allow are hidden by the style sheet (data-requires).
  document.body.dataset.role = me.role;
  usePalette(config);
  await loadLanguage(currentLanguage());

  const map = L.map('map', { zoomControl: true, zoomSnap: 0.25 });
  const tiles = config.basemapUrl
    ? L.tileLayer(config.basemapUrl, { attribution: config.basemapAttribution, maxZoom: 19 }).addTo(map) : null;
  L.control.scale({ imperial: false }).addTo(map);
  if (summary.extent) {
    const [minLon, minLat, maxLon, maxLat] = summary.extent;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]]);
  } else {
    map.setView([32.04, 118.78], 13);
  }

  const layers = new MapLayers(map, config, types);
  const chart = new HouseholdsChart(document.getElementById('households-chart'), config);
  const selectCommunity = (code) => {
    layers.communities.eachLayer((layer) => {
      if (layer.feature.properties.code === code) {
        map.fitBounds(layer.getBounds(), { maxZoom: 16 });
        layer.openPopup();
      }
    });
  };
  const table = new CommunityTable(document.getElementById('community-table'), selectCommunity);
  const panel = new AnalysisPanel(layers, types);
  const coverage = new CoveragePanel(map, layers, types, selectCommunity);
  const whatIf = new WhatIfMode(map, layers, coverage);
  const siting = new SitingPanel(map, layers, coverage);
  coverage.onChange(() => { whatIf.renderText(); siting.typeChanged(); });

  let [communities] = await Promise.all([layers.loadCommunities(), layers.loadFacilities(), layers.loadBarriers()]);
  // Today's communities, also while the map shows those of another date.
  let todayCommunities = communities;
  const showCommunities = (features) => {
    communities = features;
    table.setRows(features);
    chart.render(features);
  };
  const plans = new PlanPanel(map, layers, config, {
    todayCommunities: () => todayCommunities,
    showHouseholds: (features, bounds) => {
      chart.config = bounds ? { ...config, householdsMin: bounds.min, householdsTarget: bounds.target, householdsMax: bounds.max } : config;
      chart.render(features);
      document.querySelector('.chart-box h2').textContent = bounds
        ? t('plan.chart', formatNumber(bounds.min), formatNumber(bounds.max)) : t('chart.households');
    },
    // After an adoption: today's communities, the page's totals and the date's boundaries anew.
    communitiesChanged: async () => {
      summary = await getJson('/api/summary');
      renderSummary(summary);
      todayCommunities = await layers.loadCommunities();
      const [date, time] = dateAndTime();
      showCommunities(date ? await layers.loadCommunities(date, time) : todayCommunities);
      showDate(date, time);
    },
  });
  const dateAndTime = () => [document.getElementById('communities-date').value || null,
    document.getElementById('communities-time').value || null];
  /** Which day's boundaries the map shows (none: today's), for the reader and for tests. */
  const showDate = (date, time) => {
    const when = time ? `${date} ${time}` : t('boundaries.date.endOfDay', date);
    document.getElementById('communities-date-message').textContent = date
      ? t('boundaries.date.shown', when, formatNumber(communities.length)) : '';
    layers.shownAt = date ? t('boundaries.date.legend', when) : null;
    layers.renderLegend();
    const clock = time?.length === 5 ? `${time}:00` : time;
    document.getElementById('layers-section').dataset.at = date ? `${date}${clock ? `T${clock}` : ''}` : '';
  };
  const showCommunitiesAt = async () => {
    const [date, time] = dateAndTime();
    document.getElementById('communities-date-message').classList.remove('error');
    try {
      showCommunities(date ? await layers.loadCommunities(date, time) : await layers.loadCommunities());
      if (!date) todayCommunities = communities;
      showDate(date, time);
    } catch (e) {
      const message = document.getElementById('communities-date-message');
      message.textContent = e.message;
      message.classList.add('error');
    }
  };
  layers.barriers.addTo(map);
  layers.communities.addTo(map);
  layers.network.addTo(map);
  layers.facilities.addTo(map);
  layers.refreshNetwork();
  layers.renderLegend();
  // Since navigation start: HTML, scripts, data and drawing all count.
  window.lifecircleFirstViewMillis = Math.round(performance.now());

  const renderText = () => {
    renderSummary(summary);
    document.getElementById('account').textContent = t('account.who', me.username, t(`account.role.${me.role}`));
    table.setRows(communities);
    chart.render(communities);
    panel.renderTypes();
    coverage.renderText();
    whatIf.renderText();
    siting.renderText();
    plans.renderText();
    showDate(...dateAndTime());
    layers.renderLegend();
    layers.facilities.eachLayer((m) => m.setIcon(layers.facilityIcon(m.feature.properties.type)));
  };
  renderText();
  panel.refreshRuns();
  await Promise.all([coverage.refreshRuns(), plans.sources.refreshRuns()]);

  document.getElementById('layer-communities').addEventListener('change', (e) => layers.toggle(layers.communities, e.target.checked));
  document.getElementById('layer-facilities').addEventListener('change', (e) => layers.toggle(layers.facilities, e.target.checked));
  document.getElementById('layer-network').addEventListener('change', (e) => layers.toggle(layers.network, e.target.checked));
  document.getElementById('layer-cells').addEventListener('change', (e) => layers.toggle(layers.cells, e.target.checked));
  document.getElementById('communities-date').addEventListener('change', showCommunitiesAt);
  document.getElementById('communities-time').addEventListener('change', showCommunitiesAt);
  document.getElementById('communities-date-now').addEventListener('click', () => {
    document.getElementById('communities-date').value = '';
    document.getElementById('communities-time').value = '';
    showCommunitiesAt();
  });
  document.getElementById('download-csv').addEventListener('click', () => table.downloadCsv());
  document.getElementById('sign-out').addEventListener('click', signOut);
  // What the printed report is about: the open plan, else the coverage shown, else households.
  const report = new PrintReport({
    map, layers, chart, tiles, account: me, summary: () => summary,
    content: () => (plans.plan ? plans.communities : layers.communities),
    subject: () => {
      if (plans.plan) return t('print.subject.plan', plans.plan.id, plans.plan.name);
      if (coverage.run && layers.choropleth) return t('print.subject.coverage', layers.choropleth.title, coverage.run.id);
      return layers.shownAt ? t('print.subject.householdsAt', layers.shownAt) : t('print.subject.households');
    },
  });
  document.getElementById('print').addEventListener('click', () => report.print());
  document.getElementById('lang').addEventListener('click', async () => {
    await loadLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
    renderText();
  });
  // The map object for the browser console and the browser tests (pixel ↔ coordinate).
  window.lifecircleMap = map;
  // The print view without the browser's print dialog, for the browser tests (prepare, then finish).
  window.lifecirclePrint = report;
  document.body.dataset.ready = 'true';
}

function renderSummary(summary) {
  const c = summary.communities;
  document.getElementById('summary').innerHTML = [
    `<b>${formatNumber(c.count)}</b> ${t('summary.communities')}`,
    `<b>${formatNumber(summary.population.households)}</b> ${t('summary.households')}`,
    `<b>${formatNumber(summary.population.population)}</b> ${t('summary.population')}`,
    `<b>${formatNumber(summary.facilities.count)}</b> ${t('summary.facilities')}`,
  ].join(' · ');
}

main().catch((e) => {
  console.error(e);
  document.getElementById('summary').textContent = e.message;
});
