// Households per community against the catalog's range, as bars with the band drawn behind them.
import { t } from './i18n.js';
import { householdColour } from './styles.js';

export class HouseholdsChart {
  constructor(canvas, config) {
    this.canvas = canvas;
    this.config = config;
    this.chart = null;
  }

  render(features) {
    const rows = features.map((f) => f.properties).sort((a, b) => b.households - a.households);
    const config = this.config;
    const band = {
      id: 'band',
      beforeDatasetsDraw(chart) {
        const { ctx, chartArea, scales } = chart;
        const top = scales.y.getPixelForValue(config.householdsMax);
        const bottom = scales.y.getPixelForValue(config.householdsMin);
        ctx.save();
        ctx.fillStyle = 'rgba(116, 196, 118, 0.15)';
        ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
        ctx.strokeStyle = 'rgba(11, 110, 79, 0.6)';
        ctx.setLineDash([4, 3]);
        [top, bottom].forEach((y) => { ctx.beginPath(); ctx.moveTo(chartArea.left, y); ctx.lineTo(chartArea.right, y); ctx.stroke(); });
        ctx.restore();
      },
    };
    const data = {
      labels: rows.map((r) => r.name),
      datasets: [{
        label: t('table.households'),
        data: rows.map((r) => r.households),
        backgroundColor: rows.map((r) => householdColour(r.households, config)),
        borderColor: '#334e68',
        borderWidth: 0.5,
      }],
    };
    if (this.chart) this.chart.destroy();
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data,
      plugins: [band],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${c.formattedValue} ${t('unit.households')}` } } },
        scales: { x: { ticks: { autoSkip: true, maxRotation: 60, font: { size: 9 } } }, y: { beginAtZero: true } },
      },
    });
  }
}
