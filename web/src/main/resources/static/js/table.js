// Per-community tables: sortable by any column (click or Enter); the register one downloadable as CSV for Excel.
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';

export const COMMUNITY_COLUMNS = [
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
  /**
   * @param columns {key, label, numeric, digits, text(value), html(value, row)}
   * @param rowClass the class of a row's tr
   */
  constructor(table, onSelect, {
    columns = COMMUNITY_COLUMNS, sortKey = 'households', descending = true, rowClass = (r) => `status-${r.households_status}`,
  } = {}) {
    this.table = table;
    this.onSelect = onSelect;
    this.columns = columns;
    this.rowClass = rowClass;
    this.rows = [];
    this.sortKey = sortKey;
    this.descending = descending;
  }

  setRows(features) {
    this.setPlainRows(features.map((f) => f.properties));
  }

  /** Rows as plain objects holding the columns' keys and {@code code}. */
  setPlainRows(rows) {
    this.rows = rows;
    this.render();
  }

  render() {
    const head = this.table.tHead;
    head.innerHTML = `<tr>${this.columns.map((c) => {
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
    body.innerHTML = sorted.map((r) => `<tr class="${escapeHtml(this.rowClass(r))}" data-code="${escapeHtml(r.code)}" tabindex="0">${this.columns.map((c) => {
      const value = r[c.key];
      const text = c.text ? c.text(value) : c.numeric ? formatNumber(value, c.digits ?? 0) : value ?? '–';
      const data = c.numeric && value !== null && value !== undefined ? ` data-value="${value}"` : '';
      return `<td class="${c.numeric ? 'num' : ''}" data-key="${c.key}"${data}>${c.html ? c.html(value, r) : escapeHtml(String(text))}</td>`;
    }).join('')}</tr>`).join('');
    body.querySelectorAll('tr').forEach((tr) => {
      const select = () => this.onSelect(tr.dataset.code);
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    });
  }

  sortBy(key) {
    if (key === this.sortKey) this.descending = !this.descending;
    else { this.sortKey = key; this.descending = this.columns.find((c) => c.key === key).numeric === true; }
    this.render();
  }

  /** UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly. */
  downloadCsv() {
    const header = this.columns.map((c) => t(c.label));
    const lines = [['code', ...header].map(csvCell).join(',')];
    for (const r of this.rows) {
      lines.push([r.code, ...this.columns.map((c) => (c.text ? c.text(r[c.key]) : r[c.key]))].map(csvCell).join(','));
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

/** The tabs above the tables: one pane shown at a time. */
export function showTab(tabId) {
  document.querySelectorAll('.tabs [role=tab]').forEach((tab) => {
    const selected = tab.id === tabId;
    tab.setAttribute('aria-selected', String(selected));
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
  });
  document.getElementById('download-csv').hidden = tabId !== 'tab-communities';
  document.getElementById('coverage-csv').hidden = tabId !== 'tab-coverage';
}
