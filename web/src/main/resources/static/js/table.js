// The per-community table: sortable by any column (click or Enter), downloadable as CSV for Excel.
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';

const COLUMNS = [
  { key: 'name', label: 'table.name' },
  { key: 'subdistrict_name', label: 'table.subdistrict' },
  { key: 'households', label: 'table.households', numeric: true },
  { key: 'population', label: 'table.population', numeric: true },
  { key: 'households_status', label: 'table.status', text: (v) => t(`status.${v}`) },
  { key: 'area_km2', label: 'table.area', numeric: true, digits: 2 },
  { key: 'staff_count', label: 'table.staff', numeric: true },
  { key: 'office_area_m2', label: 'table.office', numeric: true },
];

export class CommunityTable {
  constructor(table, onSelect) {
    this.table = table;
    this.onSelect = onSelect;
    this.rows = [];
    this.sortKey = 'households';
    this.descending = true;
  }

  setRows(features) {
    this.rows = features.map((f) => f.properties);
    this.render();
  }

  render() {
    const head = this.table.tHead;
    head.innerHTML = `<tr>${COLUMNS.map((c) => {
      const sort = c.key === this.sortKey ? (this.descending ? 'descending' : 'ascending') : 'none';
      return `<th scope="col" tabindex="0" data-key="${c.key}" aria-sort="${sort}" class="${c.numeric ? 'num' : ''}">${escapeHtml(t(c.label))}</th>`;
    }).join('')}</tr>`;
    head.querySelectorAll('th').forEach((th) => {
      const sortBy = () => this.sortBy(th.dataset.key);
      th.addEventListener('click', sortBy);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(); } });
    });
    const sorted = [...this.rows].sort((a, b) => compare(a[this.sortKey], b[this.sortKey]) * (this.descending ? -1 : 1));
    const body = this.table.tBodies[0];
    body.innerHTML = sorted.map((r) => `<tr class="status-${r.households_status}" data-code="${escapeHtml(r.code)}" tabindex="0">${COLUMNS.map((c) => {
      const value = r[c.key];
      const text = c.text ? c.text(value) : c.numeric ? formatNumber(value, c.digits ?? 0) : value ?? '–';
      return `<td class="${c.numeric ? 'num' : ''}">${escapeHtml(String(text))}</td>`;
    }).join('')}</tr>`).join('');
    body.querySelectorAll('tr').forEach((tr) => {
      const select = () => this.onSelect(tr.dataset.code);
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    });
  }

  sortBy(key) {
    if (key === this.sortKey) this.descending = !this.descending;
    else { this.sortKey = key; this.descending = COLUMNS.find((c) => c.key === key).numeric === true; }
    this.render();
  }

  /** UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly. */
  downloadCsv() {
    const header = COLUMNS.map((c) => t(c.label));
    const lines = [['code', ...header].map(csvCell).join(',')];
    for (const r of this.rows) {
      lines.push([r.code, ...COLUMNS.map((c) => (c.text ? c.text(r[c.key]) : r[c.key]))].map(csvCell).join(','));
    }
    const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'communities.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
}

function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
