// Page text from the service's message bundles (Chinese first, English on request).
let messages = {};
let language = localStorage.getItem('lifecircle.lang') || 'zh';

export function currentLanguage() {
  return language;
}

export async function loadLanguage(lang) {
  const response = await fetch(`/api/ui/messages/${lang}`);
  if (!response.ok) throw new Error(`messages ${lang}: HTTP ${response.status}`);
  messages = await response.json();
  language = lang;
  localStorage.setItem('lifecircle.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  // Controls without visible text of their own: a title and an accessible name.
  document.querySelectorAll('[data-i18n-title]').forEach((element) => {
    element.title = t(element.dataset.i18nTitle);
    element.setAttribute('aria-label', element.title);
  });
  document.title = `${t('app.title')} · lifecircle`;
}

/** The text of a key with {0}, {1}… replaced; the key itself when missing, so gaps show. */
export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

const formatters = {};
/** A number with thousands separators in the page's language. */
export function formatNumber(value, fractionDigits = 0) {
  const key = `${language}:${fractionDigits}`;
  formatters[key] ??= new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  });
  return value === null || value === undefined ? '–' : formatters[key].format(value);
}

/**
 * A problem the service answered (RFC 9457 problem+json, or none) in the page's language: a
 * sentence for its kind (the last segment of its stable {@code type}, as ProblemTypes.java names
 * them) and the service's own detail, which names the specifics, kept in parentheses.
 * @return {summary, detail, text}
 */
export function problemText(problem, status) {
  const type = typeof problem?.type === 'string' ? problem.type : '';
  const kind = type.substring(type.lastIndexOf('/') + 1);
  const detail = typeof problem?.detail === 'string' ? problem.detail : '';
  let key = kind ? `problem.${kind}` : null;
  if (!key || messages[key] === undefined) key = status ? 'problem.http' : 'problem.network';
  const parameter = typeof problem?.parameter === 'string' ? problem.parameter : '';
  if (parameter && messages[`${key}.parameter`] !== undefined) key = `${key}.parameter`;
  // Before the messages are loaded (the page's first requests), the service's words alone.
  if (messages[key] === undefined) {
    const text = detail || (status ? `HTTP ${status}` : 'network error');
    return { summary: text, detail: '', text };
  }
  const name = messages[`param.${parameter}`] ?? parameter;
  const summary = key === 'problem.http' ? t(key, status)
    : t(key, name, formatNumber(problem?.matched), formatNumber(problem?.limit));
  return { summary, detail, text: detail ? t('problem.withDetail', summary, detail) : summary };
}

/** Facility type name in the page's language. */
export function typeName(type) {
  return language === 'zh' ? type.nameZh : type.nameEn;
}
