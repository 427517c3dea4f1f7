// What the boundary editor writes about a plan, as HTML from the plans API's answers: the
// before/after table, the problems, the moves against today, the latest edit, the legend.
import { t, formatNumber } from './i18n.js';
import { escapeHtml } from './layers.js';
import { planStatusColour, MOVED_CELL_COLOUR } from './styles.js';

/** The before/after table's rows: the engine's PlanStatistics. */
const MEASURES = [
  { key: 'communities', digits: 0 },
  { key: 'outOfRange', digits: 0 },
  { key: 'meanAbsoluteDeviation', digits: 0 },
  { key: 'householdsMoved', digits: 0 },
  { key: 'meanPolsbyPopper', digits: 3 },
];
/** Problems for which the service refuses adoption. */
export const BLOCKING = new Set(['not_contiguous', 'across_break']);
const MOVES_SHOWN_PER_GROUP = 40;

function byKey(plan, key) {
  return plan.communities.find((c) => c.key === key);
}

/**
 * Columns before and after (a run's plan) and now; each cell keeps its number in data-value.
 * @param moves the plan's moves against today (the service's, with each cell's households)
 */
export function summaryTableHtml(plan, moves) {
  const s = plan.summary ?? {};
  const columns = [];
  if (s.before) columns.push({ id: 'before', label: t('plan.summary.before'), values: s.before });
  if (s.after) columns.push({ id: 'after', label: t('plan.summary.after'), values: s.after });
  columns.push({ id: 'now', label: t('plan.summary.now'), values: statisticsNow(plan, moves) });
  const b = plan.bounds;
  return `<thead><tr><th>${escapeHtml(t('plan.summary.measure'))}</th>${columns
    .map((c) => `<th class="num">${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${MEASURES.map((m) => `<tr data-measure="${m.key}">
      <td>${escapeHtml(t(`plan.measure.${m.key}`, formatNumber(b.min), formatNumber(b.max), formatNumber(b.target)))}</td>${columns.map((c) => {
        const v = c.values[m.key];
        return `<td class="num" data-column="${c.id}"${v === undefined || v === null ? '' : ` data-value="${v}"`}>${formatNumber(v, m.digits)}</td>`;
      }).join('')}</tr>`).join('')}</tbody>`;
}

/**
 * The engine's statistics of the communities now; households moved from the moves' households
 * (a grid plan moves nothing between communities).
 */
function statisticsNow(plan, moves) {
  const s = plan.summary ?? {};
  if (plan.edits === 0 && s.after) return s.after;
  const live = plan.communities.filter((c) => c.cells > 0);
  const n = live.length;
  return {
    communities: n,
    outOfRange: live.filter((c) => c.status !== 'in_range').length,
    meanAbsoluteDeviation: n ? live.reduce((sum, c) => sum + Math.abs(c.households - plan.bounds.target), 0) / n : 0,
    householdsMoved: plan.origin === 'grids' ? null : householdsOf(moves),
    meanPolsbyPopper: n ? live.reduce((sum, c) => sum + c.polsbyPopper, 0) / n : 0,
  };
}

/** Households of moves (null when a move's cell is no longer in the data). */
export function householdsOf(moves) {
  let households = 0;
  for (const move of moves) {
    if (typeof move.households !== 'number') return null;
    households += move.households;
  }
  return households;
}

/** Communities the engine could not bring within range, by reason (from the run's summary). */
export function infeasibleText(plan, runSummary) {
  const infeasible = Object.entries(plan.summary?.infeasible ?? runSummary?.infeasible ?? {});
  return infeasible.length
    ? t('plan.infeasible', infeasible.map(([reason, n]) => t(`plan.infeasible.${reason}`, n)).join('；'))
    : '';
}

/** A problem in the page's language with the community's name; the service's words when unknown. */
function violationText(plan, v) {
  const c = byKey(plan, v.key);
  const name = c?.name ?? v.code ?? String(v.key);
  const key = `plan.violation.${v.kind}`;
  const bound = v.kind === 'under_minimum' ? plan.bounds.min : plan.bounds.max;
  const text = t(key, name, formatNumber(c?.households), formatNumber(bound));
  return text === key ? `${name}: ${v.message}` : text;
}

/** The plan's problems, those that block adoption first. */
export function violationsHtml(plan) {
  const violations = [...plan.violations]
    .sort((a, b) => Number(BLOCKING.has(b.kind)) - Number(BLOCKING.has(a.kind)) || a.key - b.key);
  const blocking = violations.filter((v) => BLOCKING.has(v.kind)).length;
  const html = violations.length === 0
    ? `<li class="none">${escapeHtml(t('plan.violations.none'))}</li>`
    : violations.map((v) => `<li class="violation${BLOCKING.has(v.kind) ? ' blocking' : ''}" data-key="${v.key}" data-kind="${escapeHtml(v.kind)}" title="${escapeHtml(v.message)}" tabindex="0">
      <span class="badge ${BLOCKING.has(v.kind) ? 'fail' : 'warn'}">${escapeHtml(t(`plan.kind.${v.kind}`))}</span> ${escapeHtml(violationText(plan, v))}</li>`).join('');
  return { title: t('plan.violations.title', violations.length, blocking), html };
}

/**
 * Moves grouped by (today's community → plan community), largest group first, each cell with its
 * reject button.
 * @param todayNames today's community names by id
 * @param open the groups (data-group) to show unfolded
 */
export function movesHtml(plan, moves, todayNames, open, editable) {
  if (moves.length === 0) return `<p class="muted">${escapeHtml(t('plan.moves.none'))}</p>`;
  const groups = new Map();
  for (const move of moves) {
    const id = `${move.fromCommunityId}:${move.toKey}`;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id).push(move);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length).map(([id, group]) => {
    const from = todayNames.get(group[0].fromCommunityId) ?? `#${group[0].fromCommunityId}`;
    const to = byKey(plan, group[0].toKey)?.name ?? `#${group[0].toKey}`;
    const shown = group.slice(0, MOVES_SHOWN_PER_GROUP);
    const households = householdsOf(group);
    return `<details class="move-group" data-group="${id}" data-households="${households ?? ''}" ${open.has(id) ? 'open' : ''}>
      <summary>${escapeHtml(t('plan.moves.group', from, to, formatNumber(group.length), formatNumber(households)))}</summary>
      <ul>${shown.map((m) => `<li data-cell="${m.cellId}" data-from="${m.fromCommunityId}" data-households="${m.households ?? ''}" tabindex="0">${escapeHtml(t('plan.moves.cell', m.cellId, formatNumber(m.households)))}
        <button type="button" class="reject" data-cell="${m.cellId}" ${m.rejectable && editable ? '' : 'disabled'}
          title="${escapeHtml(m.rejectable ? t('plan.moves.reject.hint', from) : t('plan.moves.notRejectable'))}">${escapeHtml(t('plan.moves.reject'))}</button></li>`).join('')}
      ${group.length > shown.length ? `<li class="muted">${escapeHtml(t('plan.moves.more', formatNumber(group.length - shown.length)))}</li>` : ''}</ul></details>`;
  }).join('');
}

/**
 * An edit's answer: cells moved, each touched community before → after with its status, and the
 * problems of those communities (not contiguous, out of range …) as warnings.
 * @param edit {kind, outcome (the service's answer), before (communities by key before it)}
 */
export function editResultHtml(plan, { kind, outcome, before }) {
  const rows = outcome.affected.map((c) => {
    const was = before.get(c.key);
    return `<tr class="affected" data-key="${c.key}" data-households="${c.households}" data-cells="${c.cells}" data-status="${c.status}">
      <td>${escapeHtml(c.name)}</td>
      <td class="num">${was ? `${formatNumber(was.households)} → ` : ''}<b>${formatNumber(c.households)}</b> ${escapeHtml(t('unit.households'))}</td>
      <td><span class="status-chip" style="background:${planStatusColour(c.status)}">${escapeHtml(t(`plan.status.${c.status}`))}</span></td></tr>`;
  }).join('');
  const warnings = outcome.violations.map((v) => `<li class="warning${BLOCKING.has(v.kind) ? ' blocking' : ''}" data-key="${v.key}" data-kind="${escapeHtml(v.kind)}">⚠ ${escapeHtml(violationText(plan, v))}</li>`).join('');
  return `<p>${escapeHtml(t(`plan.edit.${kind}`, formatNumber(outcome.movedCells), formatNumber(outcome.micros / 1000, 1)))}</p>
    ${rows ? `<table class="affected-table"><tbody>${rows}</tbody></table>` : ''}
    ${warnings ? `<ul class="edit-warnings">${warnings}</ul>` : ''}`;
}

/** The map legend's part for an open plan: status classes against its bounds, and the overlays. */
export function legendHtml(plan) {
  const b = plan.bounds;
  const classes = [
    ['under', t('legend.under', formatNumber(b.min))],
    ['in_range', t('legend.within', formatNumber(b.min), formatNumber(b.max))],
    ['over', t('legend.over', formatNumber(b.max))],
  ];
  return `<h4>${escapeHtml(t('plan.legend', plan.id))}</h4>${classes.map(([status, label]) => `<div><span class="swatch" style="background:${planStatusColour(status)}"></span>${escapeHtml(label)}</div>`).join('')}
    <div><span class="swatch" style="background:none;border:2px dashed #102a43;height:8px"></span>${escapeHtml(t('plan.legend.today'))}</div>
    <div><span class="swatch" style="background:rgba(109,40,217,.12);border:1px dashed ${MOVED_CELL_COLOUR}"></span>${escapeHtml(t('plan.legend.moved'))}</div>
    <div><span class="swatch" style="background:none;border:2px dotted #ab091e"></span>${escapeHtml(t('plan.legend.broken'))}</div>`;
}
